// The Korean speller: hunspell-ko (from the system) plus hanmark's Korean tech and loanword
// vocabulary (dictionaries/ko-tech.dic, each word added with a model word so particles attach),
// behind caches shared by all threads. Words of Hangul are checked by AffixLexicon, which reads
// hunspell-ko itself and answers as libhunspell does in a fraction of its load time; libhunspell
// is loaded only for suggestions, other words, or a dictionary AffixLexicon cannot read.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "spell/affix_lexicon.h"
#include "spell/answer_cache.h"
#include "spell/hunspell_pool.h"
#include "spell/once_cache.h"

class Hunspell;

namespace hanmark {

class KoreanSpeller {
 public:
  static constexpr size_t kMaxSuggestions = 5;
  // hunspell-ko needs ~100 ms for one suggest() call. A speller (one per run) makes at most this
  // many calls and spends at most kSuggestionBudget on them; later calls return nothing.
  static constexpr size_t kMaxSuggestionCalls = 64;
  static constexpr std::chrono::milliseconds kSuggestionBudget{4000};

  // An unavailable speller: accepts every word and suggests nothing.
  KoreanSpeller();
  // Loads hunspell-ko from `aff_path`/`dic_path` and adds the entries of `tech_words` (lines
  // `word/model`: the word inflects like the model word, a noun or verb hunspell-ko knows; a line
  // without '/' adds the bare word; '#' starts a comment), then those of `extra_words` (a
  // project's words, in the same form). available() is false if the files cannot be read. The
  // lexicon of the files and `tech_words` comes from the compiled-lexicon cache when it can
  // (lexicon_cache.h).
  KoreanSpeller(const std::string& aff_path, const std::string& dic_path,
                std::string_view tech_words, std::string_view extra_words = {});
  ~KoreanSpeller();
  KoreanSpeller(const KoreanSpeller&) = delete;
  KoreanSpeller& operator=(const KoreanSpeller&) = delete;

  // False when hunspell-ko was not found: rules then report nothing.
  bool available() const { return available_; }

  // `word` is a run of Hangul syllables, possibly with particles and endings attached
  // ("컴포넌트를", "렌더링하는"). NFC-normalised before checking. Always true when unavailable.
  // Cached; thread-safe.
  bool correct(std::string_view word) const;
  // correct() of a word of Hangul syllables only (a hangul::Run's text, or part of one), which
  // is NFC as it is: not tested for it again.
  bool correct_syllables(std::string_view word) const;

  // Corrections, best first, computed lazily under a time budget (hunspell-ko takes ~100 ms a
  // word); empty when the budget ran out or there is none. Suggestions with spaces come last.
  // Cached; thread-safe.
  std::vector<std::string> suggest(std::string_view word) const;

  // When `word` is rejected only because of its final particle — swapping it for the other form
  // of the same particle (을/를, 이/가, 은/는, 과/와, 으로/로, 이나/나, 이랑/랑, 이에요/예요)
  // makes hunspell-ko accept it — the corrected word ("모델를" → "모델을").
  std::optional<std::string> particle_fix(std::string_view word) const;

  // Accepted words that differ from `word` (a rejected Hangul word) in exactly one jamo of one
  // syllable — its initial, vowel or final consonant ("소흘히" → "소홀히", "아니였다" →
  // "아니었다"), best first (vowels, then finals, then initials; left to right), at most
  // `limit` (at most kMaxSuggestions). Deterministic and fast (hundreds of spell checks, no
  // hunspell suggest()); the search stops at `limit` words, so a caller that only needs to know
  // whether there is exactly one asks for 2. Empty for words longer than kMaxNearMissSyllables.
  // Cached; thread-safe.
  static constexpr size_t kMaxNearMissSyllables = 10;
  static constexpr size_t kMaxWordBytes = 256;  // longer input is accepted unchecked
  // `syllables` restricts the search to the syllables whose bit is set (bit i: syllable i).
  static constexpr uint32_t kAllSyllables = ~uint32_t{0};
  std::vector<std::string> near_misses(std::string_view word, size_t limit = kMaxSuggestions,
                                       uint32_t syllables = kAllSyllables) const;

  // Adds entries to the tech vocabulary (lines as in the constructor's `tech_words`), as if the
  // constructor had had them: every thread sees them from its next check on (each hunspell
  // instance learns them before its next use; cached answers are dropped). Thread-safe.
  void add_entries(std::string_view lines);

  // True if `word` (NFC) is an entry of the tech vocabulary, exactly.
  bool is_tech_word(std::string_view word) const;
  size_t tech_word_count() const;
  // How many hunspell suggest() calls were made (for tests and benchmarks).
  size_t suggestion_calls() const { return suggestion_calls_.load(); }
  // Whether checks of Hangul words go to AffixLexicon, and how many libhunspell instances are
  // loaded (for tests and benchmarks).
  bool uses_lexicon() const { return lexicon_ != nullptr; }
  size_t hunspell_instances() const { return pool_ ? pool_->size() : 0; }

 private:
  bool check(std::string_view nfc) const;
  bool correct_nfc(std::string_view nfc) const;
  std::optional<std::string> particle_fix_nfc(std::string_view nfc) const;
  std::vector<std::string> search_near_misses(const std::string& nfc, size_t limit,
                                              uint32_t syllables) const;
  std::vector<std::string> suggest_uncached(const std::string& nfc) const;

  bool available_ = false;
  std::unique_ptr<AffixLexicon> lexicon_;  // null: every check goes to libhunspell
  std::unique_ptr<HunspellPool> pool_;
  mutable std::shared_mutex words_mutex_;
  std::unordered_set<std::string> tech_words_;

  // Dropped by add_entries().
  AnswerCache<bool> correct_cache_;
  // Keyed by word, limit and syllables.
  AnswerCache<std::vector<std::string>> near_miss_cache_;
  OnceCache<std::vector<std::string>> suggest_cache_;

  mutable std::atomic<size_t> suggestion_calls_{0};
  mutable std::atomic<int64_t> suggestion_micros_{0};
};

}  // namespace hanmark
