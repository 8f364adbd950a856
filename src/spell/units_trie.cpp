#include "spell/units_trie.h"

#include <algorithm>

namespace hanmark {

void UnitsTrie::build(Entries entries) {
  std::sort(entries.begin(), entries.end());
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
  std::vector<std::pair<size_t, size_t>> groups;
  for (size_t i = begin; i < end;) {
    size_t j = i + 1;
    while (j < end && entries[j].first[depth] == entries[i].first[depth]) ++j;
    groups.emplace_back(i, j);
    i = j;
  }
  const auto first = static_cast<uint32_t>(nodes_.size());
  nodes_[node].first_child = first;
  nodes_[node].child_count = static_cast<uint32_t>(groups.size());
  nodes_.resize(nodes_.size() + groups.size());
  for (const auto& [from, to] : groups) labels_.push_back(entries[from].first[depth]);
  if (groups.size() > kScanLimit && groups.size() < kNoChild &&
      static_cast<size_t>(labels_.back() - labels_[first]) < kMaxTableRange) {
    Node& n = nodes_[node];
    n.lowest = labels_[first];
    n.highest = labels_.back();
    n.table = static_cast<uint32_t>(table_.size());
    table_.resize(table_.size() + (n.highest - n.lowest + 1), kNoChild);
    for (size_t g = 0; g < groups.size(); ++g)
      table_[n.table + (labels_[first + g] - n.lowest)] = static_cast<uint8_t>(g);
  }
  for (size_t g = 0; g < groups.size(); ++g)
    build_children(first + static_cast<uint32_t>(g), entries, groups[g].first, groups[g].second,
                   depth + 1);
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
