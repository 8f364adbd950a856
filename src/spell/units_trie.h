// A trie over UTF-16 unit strings, built once from sorted keys into flat arrays: children of a
// node are contiguous and sorted, so a walk never hashes or allocates. A node with many children
// (a consonant followed by any of 21 vowels, the root) finds its child through a table over the
// range of its labels instead of a search. AffixLexicon walks words forwards through the
// dictionary's trie and backwards through the suffixes', where looking up every prefix or ending in
// a hash costs a hash and a miss per character.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace hanmark {

class UnitsTrie {
 public:
  using Key = std::u16string_view;
  static constexpr uint32_t kNone = UINT32_MAX;

  // `entries`: (key, value) with distinct keys, sorted by key; the keys need not outlive it.
  void build_sorted(const std::vector<std::pair<Key, uint32_t>>& entries);
  // Sorts `entries` by key, then by value. A three-way radix quicksort: keys that share long
  // beginnings (reversed suffix texts, dictionary words) are compared a unit at a time, not from
  // their first unit at every comparison as std::sort does.
  static void sort(std::vector<std::pair<Key, uint32_t>>& entries);

  static constexpr uint32_t root() { return 0; }
  // The node reached from `node` by `unit`, or kNone.
  uint32_t child(uint32_t node, char16_t unit) const;
  // The value of the key ending at `node`, or kNone.
  uint32_t value(uint32_t node) const { return nodes_view_[node].value; }

 public:
  struct Node {
    uint32_t first_child = 0;
    uint32_t child_count = 0;
    uint32_t value = kNone;
    // With many children: table_[table + u - lowest] is the child labelled u, as an offset
    // from first_child, or kNoChild.
    uint32_t table = kNone;
    char16_t lowest = 0, highest = 0;
  };

  UnitsTrie() = default;
  // A copy would view the other's arrays.
  UnitsTrie(const UnitsTrie&) = delete;
  UnitsTrie& operator=(const UnitsTrie&) = delete;
  UnitsTrie(UnitsTrie&&) = default;  // vectors keep their buffers, which the views see
  UnitsTrie& operator=(UnitsTrie&&) = default;

  // The flat arrays, for saving a built trie in a lexicon image (lexicon_image.h) and using it
  // from there without a copy: view() takes arrays that nodes(), labels() and table() gave,
  // which must outlive the trie (or its next build), and returns false (the trie left empty)
  // when a node's children or table reach past them or a value is not below `value_limit`.
  std::span<const Node> nodes() const { return nodes_view_; }
  std::span<const char16_t> labels() const { return labels_view_; }
  std::span<const uint8_t> table() const { return table_view_; }
  bool view(std::span<const Node> nodes, std::span<const char16_t> labels,
            std::span<const uint8_t> table, size_t value_limit);

 private:
  static constexpr uint32_t kScanLimit = 8;      // fewer children: a scan beats the others
  static constexpr size_t kMaxTableRange = 256;  // wider label ranges are searched
  static constexpr size_t kMaxRootTableRange = size_t{1} << 16;
  static constexpr uint8_t kNoChild = 0xFF;
  using Entries = std::vector<std::pair<Key, uint32_t>>;
  void add_table(uint32_t node);
  static bool valid_table(const Node& n, std::span<const uint8_t> table);
  void view_own_arrays() {
    nodes_view_ = nodes_;
    labels_view_ = labels_;
    table_view_ = table_;
  }

  std::vector<Node> nodes_ = std::vector<Node>(1);  // the root
  std::vector<char16_t> labels_;                    // labels_[i]: the unit leading to nodes_[i]
  std::vector<uint8_t> table_;
  // What child() and value() read: the vectors above once built, or an image's arrays.
  std::span<const Node> nodes_view_ = nodes_;
  std::span<const char16_t> labels_view_;
  std::span<const uint8_t> table_view_;
};

}  // namespace hanmark
