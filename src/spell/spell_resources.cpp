#include "spell/spell_resources.h"

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/embedded_files.h"

namespace hanmark {

namespace {

constexpr std::string_view kTypoTable = "dictionaries/typos-en.tsv";
constexpr std::string_view kTechWords = "dictionaries/en-tech.dic";
constexpr std::string_view kKoreanTypoTable = "dictionaries/typos-ko.tsv";
constexpr std::string_view kKoreanTechWords = "dictionaries/ko-tech.dic";

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

const TypoTable& SpellResources::typos() const {
  std::call_once(typos_once_, [this] {
    std::string_view tsv;
    if (options_.typo_table) {
      tsv = *options_.typo_table;
    } else if (auto embedded = embedded_file(kTypoTable)) {
      tsv = *embedded;
    }
    typos_ = std::make_unique<TypoTable>(TypoTable::parse(tsv));
  });
  return *typos_;
}

void SpellResources::load_english() const {
  std::call_once(english_once_, [this] {
    std::string words;
    if (options_.tech_words) {
      words = *options_.tech_words;
    } else if (auto embedded = embedded_file(kTechWords)) {
      words = std::string(*embedded);
    }
    for (const std::string& word : options_.extra_words) words += "\n" + word;

    const std::vector<std::string> paths =
        options_.search_paths.empty() ? default_search_paths() : options_.search_paths;
    for (const std::string& directory : paths) {
      const std::filesystem::path base =
          std::filesystem::path(directory) / options_.english_dictionary;
      const std::string aff = base.string() + ".aff";
      const std::string dic = base.string() + ".dic";
      std::error_code ec;
      if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec))
        continue;
      auto speller = std::make_unique<EnglishSpeller>(aff, dic, words);
      if (!speller->available()) continue;
      english_ = std::move(speller);
      english_path_ = dic;
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
    std::string_view tsv;
    if (options_.korean_typo_table) {
      tsv = *options_.korean_typo_table;
    } else if (auto embedded = embedded_file(kKoreanTypoTable)) {
      tsv = *embedded;
    }
    korean_typos_ = std::make_unique<KoreanTypoTable>(KoreanTypoTable::parse(tsv));
  });
  return *korean_typos_;
}

void SpellResources::load_korean() const {
  std::call_once(korean_once_, [this] {
    std::string_view words;
    if (options_.korean_tech_words) {
      words = *options_.korean_tech_words;
    } else if (auto embedded = embedded_file(kKoreanTechWords)) {
      words = *embedded;
    }
    const std::vector<std::string> paths =
        options_.search_paths.empty() ? default_search_paths() : options_.search_paths;
    for (const std::string& directory : paths) {
      const std::filesystem::path base =
          std::filesystem::path(directory) / options_.korean_dictionary;
      const std::string aff = base.string() + ".aff";
      const std::string dic = base.string() + ".dic";
      std::error_code ec;
      if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec))
        continue;
      auto speller = std::make_unique<KoreanSpeller>(aff, dic, words);
      if (!speller->available()) continue;
      korean_ = std::move(speller);
      korean_path_ = dic;
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
