// Finds the names within a few edits of a word without comparing the word with every name, so
// that "did you mean" for each broken #fragment of a post with 50,000 headings stays cheap.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hanmark {

class SlipIndex {
 public:
  explicit SlipIndex(std::vector<std::u32string> names);

  struct Match {
    size_t name;      // position in the names given to the constructor
    size_t distance;  // Levenshtein distance, in code points
  };
  // Every name within `limit` edits of `word`, in no particular order.
  std::vector<Match> within(const std::u32string& word, size_t limit) const;

  // Table rows computed by within() so far: tests check it does not grow with the names.
  size_t steps() const { return steps_; }

 private:
  struct Search;
  // Sorted, so that names sharing a prefix are neighbours and share the rows of the
  // edit-distance table for that prefix (a trie walk without building the trie).
  std::vector<std::pair<std::u32string, size_t>> sorted_;
  mutable size_t steps_ = 0;
};

}  // namespace hanmark
