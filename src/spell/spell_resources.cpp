#include "spell/spell_resources.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <set>
#include <string_view>

#include "core/data_files.h"
#include "core/file_io.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "spell/lexicon_cache.h"
#include "spell/short_words_cache.h"
#include "text/hangul.h"

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
std::vector<std::string> added_entries(const SpellOptions& options, bool korean) {
  std::vector<std::string> out;
  for (const std::string& word : options.extra_words)
    if (has_hangul(word) == korean) out.push_back(word);
  for (const std::string& dictionary : options.personal_dictionaries) {
    for_each_data_line(dictionary, [&](size_t line_number, std::string_view line) {
      line = trim(line);
      const bool count = line_number == 1 && line.find_first_not_of("0123456789") == line.npos;
      if (count || line.starts_with('*')) return;
      if (has_hangul(line) != korean) return;
      out.emplace_back(korean ? line : trim(line.substr(0, line.find('/'))));
    });
  }
  return out;
}

std::string as_lines(const std::vector<std::string>& entries) {
  std::string out;
  for (const std::string& entry : entries) out += "\n" + entry;
  return out;
}

std::string added_words(const SpellOptions& options, bool korean) {
  return as_lines(added_entries(options, korean));
}

// The entries of `now` that `before` lacks, in order, when `now` keeps every entry of `before`;
// else nullopt.
std::optional<std::vector<std::string>> new_entries(const std::vector<std::string>& before,
                                                    const std::vector<std::string>& now) {
  const std::set<std::string> had(before.begin(), before.end());
  std::set<std::string> added;
  std::vector<std::string> out;
  for (const std::string& entry : now)
    if (!had.contains(entry) && added.insert(entry).second) out.push_back(entry);
  if (had.size() + added.size() != std::set<std::string>(now.begin(), now.end()).size())
    return std::nullopt;  // an entry of `before` is gone
  return out;
}

std::string nfc_trimmed(std::string_view text) {
  return hangul::to_nfc(trim(text));
}

// Whether a Korean entry's model word is itself an added word: then what the speller accepts
// depends on the order the entries are added in, and adding entries later could differ from
// loading them all at once.
bool model_is_added_word(const std::vector<std::string>& korean_entries) {
  std::set<std::string> words, models;
  for (const std::string& entry : korean_entries) {
    const std::string_view line = std::string_view(entry).substr(0, entry.find('#'));
    const size_t slash = line.find('/');
    words.insert(nfc_trimmed(line.substr(0, slash)));
    if (slash != std::string_view::npos) models.insert(nfc_trimmed(line.substr(slash + 1)));
  }
  return std::any_of(models.begin(), models.end(),
                     [&](const std::string& model) { return words.contains(model); });
}

}  // namespace

auto SpellResources::dictionary_files(const std::vector<std::string>& directories,
                                      const std::string& name) -> std::vector<DictionaryFiles> {
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
  return typos_.get([this] {
    return std::make_shared<TypoTable>(
        TypoTable::parse(data_text(options_.typo_table, kTypoTable)));
  });
}

std::vector<SpellResources::DictionaryFiles> SpellResources::english_files() const {
  return dictionary_files(search_paths(), options_.english_dictionary);
}

std::string SpellResources::english_words() const {
  return std::string(data_text(options_.tech_words, kTechWords)) + added_words(options_, false);
}

auto SpellResources::english_part() const -> const FoundSpeller<EnglishSpeller>& {
  return english_.get([this] {
    const std::string words = english_words();
    auto found = std::make_shared<FoundSpeller<EnglishSpeller>>();
    for (const DictionaryFiles& files : english_files()) {
      auto speller = std::make_unique<EnglishSpeller>(files.aff, files.dic, words);
      if (!speller->available()) continue;
      found->speller = std::move(speller);
      found->dic_path = files.dic;
      return found;
    }
    found->speller = std::make_unique<EnglishSpeller>();
    return found;
  });
}

const EnglishSpeller& SpellResources::english() const {
  return *english_part().speller;
}

auto SpellResources::short_part() const -> const ShortPart& {
  return english_short_.get([this] {
    auto part = std::make_shared<ShortPart>();
    const std::vector<DictionaryFiles> files = english_files();
    if (files.empty()) return part;
    part->found = true;
    part->list = load_short_words(
        files.front().aff, files.front().dic, english_words(),
        [this]() -> const EnglishSpeller& { return english(); }, lexicon_cache_directory());
    return part;
  });
}

bool SpellResources::english_correct(std::string_view word) const {
  if (!ShortWords::covers(word)) return english().correct(word);
  const ShortPart& part = short_part();
  if (!part.found) return true;  // as the unavailable speller answers
  return part.list ? part.list->accepts(word) : english().correct(word);
}

bool SpellResources::english_dictionary_found() const {
  if (const auto part = english_.if_loaded()) return part->speller->available();
  return !english_files().empty();
}

const std::string& SpellResources::english_dictionary_path() const {
  return english_part().dic_path;
}

const KoreanTypoTable& SpellResources::korean_typos() const {
  return korean_typos_.get([this] {
    return std::make_shared<KoreanTypoTable>(
        KoreanTypoTable::parse(data_text(options_.korean_typo_table, kKoreanTypoTable)));
  });
}

auto SpellResources::korean_part() const -> const FoundSpeller<KoreanSpeller>& {
  return korean_.get([this] {
    // Posts with Korean words need English words too (josa reads English words before a
    // particle): their short-word list loads on another core meanwhile, instead of after this.
    // Without a list (no cache), hunspell answers them and is loaded instead.
    std::future<void> english = std::async(std::launch::async, [this] {
      if (!short_part().list) english_part();
    });
    const std::string_view tech_words = data_text(options_.korean_tech_words, kKoreanTechWords);
    const std::string extra_words = added_words(options_, true);
    auto found = std::make_shared<FoundSpeller<KoreanSpeller>>();
    for (const DictionaryFiles& files :
         dictionary_files(search_paths(), options_.korean_dictionary)) {
      auto speller = std::make_unique<KoreanSpeller>(files.aff, files.dic, tech_words, extra_words);
      if (!speller->available()) continue;
      found->speller = std::move(speller);
      found->dic_path = files.dic;
      return found;
    }
    found->speller = std::make_unique<KoreanSpeller>();
    return found;
  });
}

const KoreanSpeller& SpellResources::korean() const {
  return *korean_part().speller;
}

const std::string& SpellResources::korean_dictionary_path() const {
  return korean_part().dic_path;
}

std::shared_ptr<SpellResources> SpellResources::extended(SpellOptions options) {
  SpellOptions rest = options;
  rest.extra_words = options_.extra_words;
  rest.personal_dictionaries = options_.personal_dictionaries;
  if (rest != options_) return nullptr;
  const std::vector<std::string> korean_now = added_entries(options, true);
  const auto english = new_entries(added_entries(options_, false), added_entries(options, false));
  const auto korean = new_entries(added_entries(options_, true), korean_now);
  if (!english || !korean || (!korean->empty() && model_is_added_word(korean_now))) return nullptr;

  auto out = std::make_shared<SpellResources>(std::move(options));
  out->typos_.adopt(typos_.if_loaded());
  out->korean_typos_.adopt(korean_typos_.if_loaded());
  // A part not loaded yet (or being loaded now) is loaded by `out` itself when it needs it.
  if (auto part = english_.if_loaded()) {
    if (!english->empty()) part->speller->add_words(as_lines(*english));
    out->english_.adopt(std::move(part));
  }
  if (auto part = korean_.if_loaded()) {
    if (!korean->empty()) part->speller->add_entries(as_lines(*korean));
    out->korean_.adopt(std::move(part));
  }
  if (auto part = english_short_.if_loaded()) {
    if (english->empty() || !part->list) {
      out->english_short_.adopt(std::move(part));
    } else if (auto more = short_forms(as_lines(*english))) {
      // The new words' short forms, checked by `out`'s speller, which has them.
      auto next = std::make_shared<ShortPart>(*part);
      const EnglishSpeller& speller = out->english();
      next->list->add(*more, [&](std::string_view w) { return speller.correct_uncached(w); });
      out->english_short_.adopt(std::move(next));
    }
  }
  return out;
}

std::optional<std::vector<std::string>> SpellResources::short_forms(std::string_view lines) const {
  const std::vector<DictionaryFiles> files = english_files();
  std::string aff, dic, error;
  if (files.empty() || !read_file(files.front().aff, aff, error) ||
      !read_file(files.front().dic, dic, error))
    return std::nullopt;
  return ShortWords::candidates(aff, dic, list_words(lines), ShortWords::Roots::no);
}

}  // namespace hanmark
