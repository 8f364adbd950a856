// Spelling data shared by the spelling rules: the misspelling tables and the spellers.
// Created cheaply; each part loads on first use (so `hanmark rules` never opens hunspell) and is
// then shared, read-only or internally locked, by all threads.
#pragma once

#include <compare>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "spell/english_speller.h"
#include "spell/korean_speller.h"
#include "spell/lazy_part.h"
#include "spell/short_words.h"
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

  friend auto operator<=>(const SpellOptions&, const SpellOptions&) = default;
};

class SpellResources {
 public:
  static std::shared_ptr<SpellResources> create(SpellOptions options = {});

  // Each entry of $DICPATH (':'-separated), then /usr/share/hunspell, /usr/share/myspell,
  // /usr/share/myspell/dicts, /usr/local/share/hunspell.
  static std::vector<std::string> default_search_paths();

  // A hunspell dictionary's .aff/.dic pairs, one per directory of `directories` that has both,
  // in search order.
  struct DictionaryFiles {
    std::string aff, dic;
  };
  static std::vector<DictionaryFiles> dictionary_files(const std::vector<std::string>& directories,
                                                       const std::string& name);

  const TypoTable& typos() const;
  const EnglishSpeller& english() const;
  // Korean misspellings (dictionaries/typos-ko.tsv) and the Korean speller (hunspell-ko plus
  // dictionaries/ko-tech.dic), each loaded on first use.
  const KoreanTypoTable& korean_typos() const;
  const KoreanSpeller& korean() const;
  // The Korean .dic file in use, or empty when none was found. Loads the speller.
  const std::string& korean_dictionary_path() const;
  // True once the Korean speller is loaded (it takes most of a second; rules load it only for
  // posts with Korean words).
  bool korean_loaded() const { return korean_.if_loaded() != nullptr; }

  // False when the English hunspell dictionary was not found: the spelling rule then reports
  // nothing, and front ends should warn. Loads the speller.
  bool english_available() const { return english().available(); }
  // english_available() without loading the speller (a fifth of a second) when nothing needed
  // it yet: then whether its files are there. For the warning after a run.
  bool english_dictionary_found() const;
  bool english_loaded() const { return english_.if_loaded() != nullptr; }
  // The .dic file in use, or empty when none was found. Loads the speller.
  const std::string& english_dictionary_path() const;
  // english().correct(word), answered for the short words ShortWords covers from the cached
  // short-word list when the dictionary has one: josa asks only such words, and the list loads
  // in a millisecond where hunspell takes a fifth of a second. Thread-safe.
  bool english_correct(std::string_view word) const;

  const SpellOptions& options() const { return options_; }

  // Resources for `options` when they only add words to this one's — more extra words or
  // personal dictionary entries, nothing else changed or removed (a word added to a dictionary);
  // else null. They share this one's loaded parts instead of loading hunspell again, and those
  // spellers learn the new words, so that this one accepts them too: use it on resources that
  // are being replaced. Thread-safe: lints under way see the words from their next check on.
  std::shared_ptr<SpellResources> extended(SpellOptions options);

  explicit SpellResources(SpellOptions options) : options_(std::move(options)) {}

 private:
  template <typename Speller>
  struct FoundSpeller {
    std::unique_ptr<Speller> speller;
    std::string dic_path;  // empty when no dictionary was found
  };

  std::vector<std::string> search_paths() const;  // the option, or the standard paths
  const FoundSpeller<EnglishSpeller>& english_part() const;
  const FoundSpeller<KoreanSpeller>& korean_part() const;
  struct ShortPart {
    bool found = false;  // the dictionary's files
    std::optional<ShortWords> list;
  };
  const ShortPart& short_part() const;
  // The short-word candidates of added English words, as lines of a word list
  // (ShortWords::candidates without roots).
  std::optional<std::vector<std::string>> short_forms(std::string_view lines) const;
  std::vector<DictionaryFiles> english_files() const;  // the English pairs found
  std::string english_words() const;  // the tech words and the added ones, as a word list

  SpellOptions options_;
  LazyPart<TypoTable> typos_;
  LazyPart<FoundSpeller<EnglishSpeller>> english_;
  LazyPart<ShortPart> english_short_;
  LazyPart<KoreanTypoTable> korean_typos_;
  LazyPart<FoundSpeller<KoreanSpeller>> korean_;
};

}  // namespace hanmark
