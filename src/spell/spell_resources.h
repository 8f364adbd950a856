// Spelling data shared by the spelling rules: the misspelling table and the English speller.
// Created cheaply; each part loads on first use (so `hanmark rules` never opens hunspell) and is
// then shared, read-only or internally locked, by all threads.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "spell/english_speller.h"
#include "spell/korean_speller.h"
#include "spell/typo_table.h"

namespace hanmark {

struct SpellOptions {
  // Directories searched for `<english_dictionary>.aff` and `.dic`, in order. Empty: the
  // standard hunspell paths (see SpellResources::default_search_paths()).
  std::vector<std::string> search_paths;
  std::string english_dictionary = "en_US";
  // Replace hanmark's data files (tests, or configuration); nullopt keeps its
  // dictionaries/typos-en.tsv and dictionaries/en-tech.dic (core/data_files.h).
  std::optional<std::string> typo_table;
  std::optional<std::string> tech_words;
  // More accepted words (one per element; a configuration's `[spelling] words`): words with
  // Hangul go to the Korean speller, the others to the English tech vocabulary.
  std::vector<std::string> extra_words;
  // Personal dictionaries' contents (a configuration's `[spelling] dictionaries`), in hunspell's
  // personal-dictionary format: one `word` or `word/model` a line. Entries with Hangul go to the
  // Korean speller, where the model word lends its particles and endings (`컴포넌트/토너먼트`:
  // 컴포넌트를, 컴포넌트가); the others to the English tech vocabulary (the model is dropped).
  // Blank lines, '#' comments, a leading word count and forbidden `*word` entries are skipped.
  std::vector<std::string> personal_dictionaries;

  // Korean: hunspell-ko `<korean_dictionary>.aff`/`.dic` from the same search paths; nullopt
  // keeps hanmark's dictionaries/typos-ko.tsv and dictionaries/ko-tech.dic.
  std::string korean_dictionary = "ko";
  std::optional<std::string> korean_typo_table;
  std::optional<std::string> korean_tech_words;
};

class SpellResources {
 public:
  static std::shared_ptr<SpellResources> create(SpellOptions options = {});

  // Each entry of $DICPATH (':'-separated), then /usr/share/hunspell, /usr/share/myspell,
  // /usr/share/myspell/dicts, /usr/local/share/hunspell.
  static std::vector<std::string> default_search_paths();

  const TypoTable& typos() const;
  const EnglishSpeller& english() const;
  // Korean misspellings (dictionaries/typos-ko.tsv) and the Korean speller (hunspell-ko plus
  // dictionaries/ko-tech.dic), each loaded on first use.
  const KoreanTypoTable& korean_typos() const;
  const KoreanSpeller& korean() const;
  // The Korean .dic file in use, or empty when none was found. Loads the speller.
  const std::string& korean_dictionary_path() const;

  // False when the English hunspell dictionary was not found: the spelling rule then reports
  // nothing, and front ends should warn. Loads the speller.
  bool english_available() const { return english().available(); }
  // The .dic file in use, or empty when none was found. Loads the speller.
  const std::string& english_dictionary_path() const;

  const SpellOptions& options() const { return options_; }

  explicit SpellResources(SpellOptions options) : options_(std::move(options)) {}

 private:
  std::vector<std::string> search_paths() const;  // the option, or the standard paths
  void load_english() const;
  void load_korean() const;

  SpellOptions options_;
  mutable std::once_flag typos_once_;
  mutable std::once_flag english_once_;
  mutable std::unique_ptr<TypoTable> typos_;
  mutable std::unique_ptr<EnglishSpeller> english_;
  mutable std::string english_path_;
  mutable std::once_flag korean_typos_once_;
  mutable std::once_flag korean_once_;
  mutable std::unique_ptr<KoreanTypoTable> korean_typos_;
  mutable std::unique_ptr<KoreanSpeller> korean_;
  mutable std::string korean_path_;
};

}  // namespace hanmark
