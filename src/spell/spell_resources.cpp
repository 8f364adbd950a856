#include "spell/spell_resources.h"

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/data_files.h"
#include "core/strings.h"
#include "core/utf8.h"

namespace hanmark {

namespace {

constexpr std::string_view kTypoTable = "dictionaries/typos-en.tsv";
constexpr std::string_view kTechWords = "dictionaries/en-tech.dic";
constexpr std::string_view kKoreanTypoTable = "dictionaries/typos-ko.tsv";
constexpr std::string_view kKoreanTechWords = "dictionaries/ko-tech.dic";

// The option's text when set, else hanmark's data file (installed or built in).
std::string_view data_text(const std::optional<std::string>& option, std::string_view path) {
  if (option) return *option;
  const std::optional<DataFile> file = data_file(path);
  return file ? file->text : std::string_view();
}

bool has_hangul(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (utf8::is_hangul(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

// The entries of the options' extra words and personal dictionaries, as lines of a tech word
// list: Hangul entries `word` or `word/model` for the Korean speller, the others bare words
// for the English one.
std::string added_words(const SpellOptions& options, bool korean) {
  std::string out;
  for (const std::string& word : options.extra_words)
    if (has_hangul(word) == korean) out += "\n" + word;
  for (const std::string& dictionary : options.personal_dictionaries) {
    for_each_data_line(dictionary, [&](size_t line_number, std::string_view line) {
      line = trim(line);
      const bool count = line_number == 1 && line.find_first_not_of("0123456789") == line.npos;
      if (count || line.starts_with('*')) return;
      if (has_hangul(line) != korean) return;
      out += "\n" + std::string(korean ? line : trim(line.substr(0, line.find('/'))));
    });
  }
  return out;
}

// A hunspell dictionary's .aff/.dic pairs, one per directory that has both, in search order.
struct DictionaryFiles {
  std::string aff, dic;
};
std::vector<DictionaryFiles> dictionary_candidates(const std::vector<std::string>& directories,
                                                   const std::string& name) {
  std::vector<DictionaryFiles> found;
  for (const std::string& directory : directories) {
    const std::string base = (std::filesystem::path(directory) / name).string();
    std::error_code ec;
    if (std::filesystem::is_regular_file(base + ".aff", ec) &&
        std::filesystem::is_regular_file(base + ".dic", ec))
      found.push_back({base + ".aff", base + ".dic"});
  }
  return found;
}

}  // namespace

std::shared_ptr<SpellResources> SpellResources::create(SpellOptions options) {
  return std::make_shared<SpellResources>(std::move(options));
}

std::vector<std::string> SpellResources::default_search_paths() {
  std::vector<std::string> paths;
  if (const char* dicpath = std::getenv("DICPATH")) {
    std::string_view rest(dicpath);
    while (!rest.empty()) {
      const size_t colon = rest.find(':');
      std::string_view entry = rest.substr(0, colon);
      if (!entry.empty()) paths.emplace_back(entry);
      rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon + 1);
    }
  }
  for (const char* path : {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                           "/usr/local/share/hunspell"})
    paths.emplace_back(path);
  return paths;
}

std::vector<std::string> SpellResources::search_paths() const {
  return options_.search_paths.empty() ? default_search_paths() : options_.search_paths;
}

const TypoTable& SpellResources::typos() const {
  std::call_once(typos_once_, [this] {
    typos_ =
        std::make_unique<TypoTable>(TypoTable::parse(data_text(options_.typo_table, kTypoTable)));
  });
  return *typos_;
}

void SpellResources::load_english() const {
  std::call_once(english_once_, [this] {
    const std::string words =
        std::string(data_text(options_.tech_words, kTechWords)) + added_words(options_, false);

    for (const DictionaryFiles& files :
         dictionary_candidates(search_paths(), options_.english_dictionary)) {
      auto speller = std::make_unique<EnglishSpeller>(files.aff, files.dic, words);
      if (!speller->available()) continue;
      english_ = std::move(speller);
      english_path_ = files.dic;
      return;
    }
    english_ = std::make_unique<EnglishSpeller>();
  });
}

const EnglishSpeller& SpellResources::english() const {
  load_english();
  return *english_;
}

const std::string& SpellResources::english_dictionary_path() const {
  load_english();
  return english_path_;
}

const KoreanTypoTable& SpellResources::korean_typos() const {
  std::call_once(korean_typos_once_, [this] {
    korean_typos_ = std::make_unique<KoreanTypoTable>(
        KoreanTypoTable::parse(data_text(options_.korean_typo_table, kKoreanTypoTable)));
  });
  return *korean_typos_;
}

void SpellResources::load_korean() const {
  std::call_once(korean_once_, [this] {
    const std::string words = std::string(data_text(options_.korean_tech_words, kKoreanTechWords)) +
                              added_words(options_, true);
    for (const DictionaryFiles& files :
         dictionary_candidates(search_paths(), options_.korean_dictionary)) {
      auto speller = std::make_unique<KoreanSpeller>(files.aff, files.dic, words);
      if (!speller->available()) continue;
      korean_ = std::move(speller);
      korean_path_ = files.dic;
      return;
    }
    korean_ = std::make_unique<KoreanSpeller>();
  });
}

const KoreanSpeller& SpellResources::korean() const {
  load_korean();
  return *korean_;
}

const std::string& SpellResources::korean_dictionary_path() const {
  load_korean();
  return korean_path_;
}

}  // namespace hanmark
