// A trie over UTF-16 unit strings, built once from sorted keys into flat arrays: children of a
// node are contiguous and sorted, so a walk is a few binary searches over small arrays and never
// hashes or allocates. AffixLexicon walks words backwards through it to find the suffixes that
// end them, where looking up every ending in a hash costs a miss per character.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace hanmark {

class UnitsTrie {
 public:
  using Key = std::u16string_view;
  static constexpr uint32_t kNone = UINT32_MAX;

  // `entries`: (key, value) with distinct keys, in any order; the keys need not outlive it.
  void build(std::vector<std::pair<Key, uint32_t>> entries);

  static constexpr uint32_t root() { return 0; }
  // The node reached from `node` by `unit`, or kNone.
  uint32_t child(uint32_t node, char16_t unit) const;
  // The value of the key ending at `node`, or kNone.
  uint32_t value(uint32_t node) const { return nodes_[node].value; }

 private:
  struct Node {
    uint32_t first_child = 0;
    uint32_t child_count = 0;
    uint32_t value = kNone;
  };
  using Entries = std::vector<std::pair<Key, uint32_t>>;
  void build_children(uint32_t node, const Entries& entries, size_t begin, size_t end,
                      size_t depth);

  std::vector<Node> nodes_{Node{}};
  std::vector<char16_t> labels_;  // labels_[i]: the unit leading to nodes_[i]
};

}  // namespace hanmark
