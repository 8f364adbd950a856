// A reader of hunspell dictionaries shaped like hunspell-ko's (numeric flags with AF aliases,
// ICONV, suffixes with continuation classes, COMPOUNDRULE compounds) that answers spell() as
// libhunspell 1.7 does, including which parse it commits to first, but loads in a tenth of the
// time: libhunspell spends ~0.4 s ordering hunspell-ko's 98,577 suffixes into search lists,
// where a hash of the suffix strings serves the same lookups. docs/korean-lexicon.md explains
// the model, what is supported and how it is checked against libhunspell.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/hangul.h"

namespace hanmark {

class AffixLexicon {
 public:
  // Null when the files cannot be read or use a directive this reader does not implement (then
  // `why_not` says which); the caller keeps using libhunspell for them.
  static std::unique_ptr<AffixLexicon> load(const std::string& aff_path,
                                            const std::string& dic_path, std::string* why_not);
  ~AffixLexicon();
  AffixLexicon(const AffixLexicon&) = delete;
  AffixLexicon& operator=(const AffixLexicon&) = delete;

  // Whether spell() answers `word`: Hangul syllables and conjoining jamo only (other characters
  // bring in hunspell's case, number and break handling, which this reader leaves to libhunspell).
  static bool handles(std::string_view word);
  static bool handles(char32_t cp);  // one character of such a word
  // Hunspell::spell(word) for a word handles() accepts. Thread-safe.
  bool spell(std::string_view word) const;
  // spell() of `syllables` (Hangul syllables) with each of `edits` applied in turn, until `limit`
  // are accepted: the indices of the accepted edits. Edits of one syllable in a row share the
  // work on the rest of the word. Thread-safe.
  std::vector<size_t> spell_edits(std::u32string_view syllables,
                                  std::span<const hangul::SyllableEdit> edits, size_t limit) const;

  // Hunspell::add and Hunspell::add_with_affix: `word` and `model` as they are stored (after
  // ICONV, so decomposed jamo for hunspell-ko). add_with_affix returns false, adding nothing,
  // when the model is unknown or has no flags. Thread-safe.
  void add(std::string_view word);
  bool add_with_affix(std::string_view word, std::string_view model);

  size_t root_count() const;
  size_t suffix_count() const;

  struct Data;  // the parsed dictionary (affix_lexicon_data.h)

  // A lexicon of `data` read back from an image (lexicon_image.h), its word trie built.
  static std::unique_ptr<AffixLexicon> from_data(std::unique_ptr<Data> data);
  // Calls `read(data)` with the word trie up to date, for writing an image: one holds it built,
  // so that a lexicon read back needs no rebuild either. Thread-safe.
  void read_data(const std::function<void(const Data&)>& read) const;

 private:
  explicit AffixLexicon(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
  mutable std::shared_mutex mutex_;  // add() against spell()
};

}  // namespace hanmark
