#include "spell/units_trie.h"

#include <algorithm>

namespace hanmark {

void UnitsTrie::build_sorted(const Entries& entries) {
  nodes_.assign(1, Node{});
  labels_.assign(1, 0);
  table_.clear();
  build_children(0, entries, 0, entries.size(), 0);
}

// `entries[begin, end)` share their first `depth` units, the path to `node`.
void UnitsTrie::build_children(uint32_t node, const Entries& entries, size_t begin, size_t end,
                               size_t depth) {
  if (begin < end && entries[begin].first.size() == depth)
    nodes_[node].value = entries[begin++].second;
  // One child per distinct next unit, allocated together so that they are contiguous.
  const auto next_group = [&](size_t from) {
    size_t to = from + 1;
    while (to < end && entries[to].first[depth] == entries[from].first[depth]) ++to;
    return to;
  };
  const auto first = static_cast<uint32_t>(nodes_.size());
  uint32_t count = 0;
  for (size_t i = begin; i < end; i = next_group(i)) {
    labels_.push_back(entries[i].first[depth]);
    ++count;
  }
  nodes_.resize(nodes_.size() + count);
  nodes_[node].first_child = first;
  nodes_[node].child_count = count;
  // Every walk starts at the root, whose children span the initial consonants and the digits and
  // letters that begin a few words: its table may be wider.
  const size_t max_range = depth == 0 ? kMaxRootTableRange : kMaxTableRange;
  if (count > kScanLimit && count < kNoChild &&
      static_cast<size_t>(labels_.back() - labels_[first]) < max_range) {
    Node& n = nodes_[node];
    n.lowest = labels_[first];
    n.highest = labels_.back();
    n.table = static_cast<uint32_t>(table_.size());
    table_.resize(table_.size() + (n.highest - n.lowest + 1), kNoChild);
    for (uint32_t c = 0; c < count; ++c)
      table_[n.table + (labels_[first + c] - n.lowest)] = static_cast<uint8_t>(c);
  }
  uint32_t child = first;
  for (size_t i = begin; i < end;) {
    const size_t to = next_group(i);
    build_children(child++, entries, i, to, depth + 1);
    i = to;
  }
}

uint32_t UnitsTrie::child(uint32_t node, char16_t unit) const {
  const Node& n = nodes_[node];
  if (n.table != kNone) {
    if (unit < n.lowest || unit > n.highest) return kNone;
    const uint8_t offset = table_[n.table + (unit - n.lowest)];
    return offset == kNoChild ? kNone : n.first_child + offset;
  }
  const char16_t* begin = labels_.data() + n.first_child;
  const char16_t* end = begin + n.child_count;
  if (n.child_count <= kScanLimit) {
    for (const char16_t* at = begin; at != end; ++at)
      if (*at == unit) return n.first_child + static_cast<uint32_t>(at - begin);
    return kNone;
  }
  const char16_t* found = std::lower_bound(begin, end, unit);
  return found != end && *found == unit ? n.first_child + static_cast<uint32_t>(found - begin)
                                        : kNone;
}

}  // namespace hanmark
