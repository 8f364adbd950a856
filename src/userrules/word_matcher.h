// Literal words and phrases found in prose text in one pass: a byte trie walked only from the
// starts of words, so the cost grows with the text, not with the number of words.
//
// Boundaries: a word that starts with a letter or digit must not continue a word of the same
// kind before it (Hangul, or other letters and digits: "DB유저" has the word 유저, "슈퍼유저" does
// not; "io" is not a word of "github.io", nor "mail" of "e-mail"). After a word that ends in a
// Latin letter or digit no letter or digit may follow, except Hangul; Hangul that follows a word
// (유저가, GitHub에서) must be allowed by the Suffix setting. A space in a word matches any run of
// white space, line breaks included.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "userrules/rule_spec.h"

namespace hanmark::userrules {

// `text` with every character case-folded where that keeps its UTF-8 length (Latin, Greek,
// Cyrillic …), so that byte offsets stay valid.
std::string fold_case(std::string_view text);

struct WordMatch {
  uint32_t begin;  // byte offsets into the text
  uint32_t end;
  uint32_t id;  // as given to add()
};

class WordMatcher {
 public:
  WordMatcher(bool ignore_case, Suffix suffix) : ignore_case_(ignore_case), suffix_(suffix) {}

  // Adds a word or phrase (trimmed; white space runs become one space). Empty words are ignored.
  void add(std::string_view word, uint32_t id);
  bool empty() const { return words_.empty(); }

  // Leftmost-longest, non-overlapping matches.
  std::vector<WordMatch> find(std::string_view text) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> next;  // sorted by byte
    int32_t word = -1;                                     // index into words_
  };
  struct Word {
    uint32_t id;
    uint8_t first_class;
    uint8_t last_class;
  };

  uint32_t child(uint32_t node, unsigned char byte) const;
  bool fits(std::string_view text, uint32_t begin, uint32_t end, const Word& word) const;

  bool ignore_case_;
  Suffix suffix_;
  std::vector<Node> nodes_{Node{}};
  std::vector<Word> words_;
};

}  // namespace hanmark::userrules
