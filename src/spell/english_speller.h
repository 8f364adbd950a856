// The English speller: hunspell (en_US from the system) plus hanmark's tech vocabulary, behind a
// word cache shared by all threads.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "spell/answer_cache.h"
#include "spell/hunspell_pool.h"
#include "spell/once_cache.h"

class Hunspell;

namespace hanmark {

class EnglishSpeller {
 public:
  static constexpr size_t kMaxSuggestions = 5;

  // An unavailable speller: accepts every word and suggests nothing.
  EnglishSpeller();
  // Loads hunspell from `aff_path`/`dic_path` and adds the words of `tech_words` (a word list:
  // one word per line, '#' comments; whitespace after the word is ignored). available() is
  // false if the files cannot be read. hunspell is not thread-safe: one instance answers spell
  // checks (microseconds each) and, while it is idle and no other instance exists, suggestions.
  // suggest() takes 10–50 ms a word, so when threads compete for suggestions, more instances are
  // loaded on demand (about 80 ms and 8 MB each), up to `max_suggesters` (0: the number of CPUs).
  EnglishSpeller(const std::string& aff_path, const std::string& dic_path,
                 std::string_view tech_words, size_t max_suggesters = 0);
  ~EnglishSpeller();
  EnglishSpeller(const EnglishSpeller&) = delete;
  EnglishSpeller& operator=(const EnglishSpeller&) = delete;

  bool available() const { return available_; }

  // True if hunspell accepts `word`, or the tech list has it exactly, or the tech list has it in
  // lower case and `word` differs only by a capital first letter ("kubectl" → "Kubectl"), or it
  // is such a word with a possessive "'s". Always true when unavailable. Cached; thread-safe.
  bool correct(std::string_view word) const;

  // Ranked corrections (at most kMaxSuggestions), best first, in `word`'s case: hunspell's
  // candidates re-ranked by Damerau-Levenshtein distance to `word` (ignoring case), then single
  // words before ones with spaces or hyphens, then hunspell's order. Cached; thread-safe.
  std::vector<std::string> suggest(std::string_view word) const;

  // Accepted words one edit away from `word` (an adjacent transposition, substitution, deletion
  // or insertion of an ASCII letter) whose lower-case form is a word, or that are tech words, in
  // `word`'s case, best first (in that order of edit kind), at most kMaxSuggestions. Empty for
  // words that are not ASCII letters. An unknown word with a near miss is most likely a typo; one
  // without is most likely a name or jargon. Costs about a millisecond (hundreds of spell checks),
  // so it is cached; thread-safe.
  std::vector<std::string> near_misses(std::string_view word) const;

  // Adds words to the tech vocabulary (lines as in the constructor's `tech_words`), as if the
  // constructor had had them: every thread sees them from its next check on (each hunspell
  // instance learns them before its next use; cached answers are dropped). Thread-safe.
  void add_words(std::string_view lines);

  bool is_tech_word(std::string_view word) const;
  // correct() without the cache, for asking many words once (ShortWords).
  bool correct_uncached(std::string_view word) const;
  // The tech words, those added since included.
  std::vector<std::string> tech_words() const;
  size_t tech_word_count() const;
  // How many extra hunspell instances serve suggestions (for tests and benchmarks).
  size_t suggester_count() const;

 private:
  std::unique_ptr<Hunspell> load() const;

  bool check_uncached(const std::string& word) const;  // caller holds checker_mutex_
  std::vector<std::string> suggest_uncached(const std::string& word) const;

  std::string to_dictionary(const std::string& utf8) const;
  std::string from_dictionary(const std::string& encoded) const;

  bool available_ = false;
  std::string aff_path_;
  std::string dic_path_;
  std::string encoding_;  // the dictionary's character set; empty or "UTF-8" needs no conversion
  mutable std::shared_mutex words_mutex_;
  std::unordered_set<std::string> tech_words_;
  std::vector<std::string> added_words_;  // the constructor's tech words, dictionary-encoded

  // hunspell is not thread-safe: each instance is used by one thread at a time. Suggesters are
  // loaded on demand, up to max_suggesters.
  std::unique_ptr<Hunspell> checker_;
  mutable std::mutex checker_mutex_;
  std::unique_ptr<HunspellPool> suggesters_;

  // Dropped by add_words().
  AnswerCache<bool> correct_cache_;
  OnceCache<std::vector<std::string>> suggest_cache_;
  AnswerCache<std::vector<std::string>> near_miss_cache_;
};

// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions) between
// two UTF-8 strings, over code points, ASCII letters compared case-insensitively.
size_t edit_distance(std::string_view a, std::string_view b);

// The words of a word list as EnglishSpeller reads its tech words and added words: one a line,
// '#' comments; whitespace after the word is ignored.
std::vector<std::string> list_words(std::string_view text);

}  // namespace hanmark
