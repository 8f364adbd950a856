// The short English words a speller accepts, as a list: josa asks whether short Latin words are
// English words (to tell "gpu" read letter by letter from "code"), and the list answers from
// the compiled-lexicon cache without loading hunspell, which takes a fifth of a second.
//
// The list is made from the dictionary itself: every word of up to kMaxLetters ASCII letters
// that its roots and affixes can form (affix conditions are not read, so more are formed), in
// every case hunspell could accept it, and the tech words with the affixes they get; each of
// these is then asked of the speller, and those it accepts are the list. A dictionary that could
// accept a short word some other way (compound flags, conversions or ignored characters
// involving letters, flag formats other than single characters) gets no list, and its words go
// to hunspell as before. docs/performance.md explains why and how it is checked.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hanmark {

class ShortWords {
 public:
  static constexpr size_t kMaxLetters = 6;

  // Whether `word` is for the list: 1 to kMaxLetters ASCII letters.
  static bool covers(std::string_view word);

  // The candidates for the list from an .aff and .dic text and the tech words: every short word
  // they may form, in each case (the tech words with the affixes of "dog", which EnglishSpeller
  // gives them). Roots::no: the tech words' forms only, for words added to a list. Nullopt when
  // the dictionary uses something that could accept other short words.
  enum class Roots { yes, no };
  static std::optional<std::vector<std::string>> candidates(std::string_view aff,
                                                            std::string_view dic,
                                                            const std::vector<std::string>& tech,
                                                            Roots roots = Roots::yes);

  // The list of the candidates `accepts` accepts.
  static ShortWords of(const std::vector<std::string>& candidates,
                       const std::function<bool(std::string_view)>& accepts);

  // The word list as text (one word a line, sorted), and back; nullopt for text that is not one.
  const std::string& text() const;
  static std::optional<ShortWords> from_text(std::string_view text);

  // Whether the speller accepts `word`, for a word covers() admits.
  bool accepts(std::string_view word) const;
  size_t size() const { return words_.size(); }

  // The list with the words `accepts` accepts among `more` (candidates of added words).
  void add(const std::vector<std::string>& more,
           const std::function<bool(std::string_view)>& accepts);

 private:
  // Views into the text (one word a line), which copies share.
  void set_words(std::vector<std::string> words);  // sorted and made unique here
  std::shared_ptr<const std::string> text_ = std::make_shared<const std::string>();
  std::vector<std::string_view> words_;  // sorted, unique
};

}  // namespace hanmark
