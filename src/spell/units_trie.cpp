#include "spell/units_trie.h"

#include <algorithm>
#include <cstddef>

namespace hanmark {

void UnitsTrie::build_sorted(const Entries& entries) {
  // Each key adds a node for each of its units past its common beginning with the key before.
  std::vector<uint32_t> common(entries.size(), 0);
  size_t count = 1;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Key key = entries[i].first;
    if (i > 0) {
      const Key previous = entries[i - 1].first;
      const size_t shorter = std::min(key.size(), previous.size());
      while (common[i] < shorter && key[common[i]] == previous[common[i]]) ++common[i];
    }
    count += key.size() - common[i];
  }
  // The nodes in depth-first order, the root first, each with its parent and its place among the
  // parent's children; `path[d]` is the node of the current key's first d units.
  struct Pending {
    uint32_t parent = 0, rank = 0, value = kNone, child_count = 0;
    char16_t label = 0;
  };
  std::vector<Pending> pending(1);
  pending.reserve(count);
  std::vector<uint32_t> path{0};
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& [key, value] = entries[i];
    path.resize(key.size() + 1);
    for (size_t depth = common[i]; depth < key.size(); ++depth) {
      const uint32_t parent = path[depth];
      path[depth + 1] = static_cast<uint32_t>(pending.size());
      pending.push_back({parent, pending[parent].child_count++, kNone, 0, key[depth]});
    }
    pending[path[key.size()]].value = value;
  }
  // Laid out with the children of each node together, the groups in depth-first order of their
  // parents: a node's place is its parent's first child plus its rank.
  nodes_.assign(count, Node{});
  labels_.assign(count, 0);
  table_.clear();
  std::vector<uint32_t> place(count, 0);
  uint32_t next_group = 1;
  for (uint32_t n = 0; n < count; ++n) {
    const Pending& p = pending[n];
    if (n > 0) place[n] = nodes_[place[p.parent]].first_child + p.rank;
    Node& node = nodes_[place[n]];
    node.first_child = next_group;
    node.child_count = p.child_count;
    node.value = p.value;
    labels_[place[n]] = p.label;
    next_group += p.child_count;
  }
  for (uint32_t n = 0; n < count; ++n)
    if (nodes_[n].child_count > kScanLimit) add_table(n);
  view_own_arrays();
}

bool UnitsTrie::view(std::span<const Node> nodes, std::span<const char16_t> labels,
                     std::span<const uint8_t> table, size_t value_limit) {
  nodes_ = std::vector<Node>(1);
  labels_.clear();
  table_.clear();
  view_own_arrays();
  // One pass, without branches but for the few nodes with a table: this runs on every load.
  const uint64_t children_end = std::min(nodes.size(), labels.size());
  bool valid = !nodes.empty();
  for (const Node& n : nodes) {
    valid &= uint64_t{n.first_child} + n.child_count <= children_end;
    valid &= n.value == kNone || n.value < value_limit;
    if (n.table != kNone) valid &= valid_table(n, table);
  }
  if (!valid) return false;
  nodes_view_ = nodes;
  labels_view_ = labels;
  table_view_ = table;
  return true;
}

// Whether `n`'s table lies in `table` and its offsets are below child_count or kNoChild (true by
// construction; checked all the same, a walk would read past the children otherwise).
bool UnitsTrie::valid_table(const Node& n, std::span<const uint8_t> table) {
  if (n.lowest > n.highest || uint64_t{n.table} + (n.highest - n.lowest) >= table.size())
    return false;
  for (size_t u = 0; u <= size_t{n.highest} - n.lowest; ++u) {
    const uint8_t offset = table[n.table + u];
    if (offset != kNoChild && offset >= n.child_count) return false;
  }
  return true;
}

// A table of the children of `node`, which has more than kScanLimit, unless they are too many or
// their labels span too wide a range.
void UnitsTrie::add_table(uint32_t node) {
  Node& n = nodes_[node];
  const uint32_t first = n.first_child, count = n.child_count;
  if (count >= kNoChild) return;
  // Every walk starts at the root, whose children span the initial consonants and the digits and
  // letters that begin a few words: its table may be wider.
  const size_t max_range = node == root() ? kMaxRootTableRange : kMaxTableRange;
  const char16_t lowest = labels_[first], highest = labels_[first + count - 1];
  if (static_cast<size_t>(highest - lowest) >= max_range) return;
  n.lowest = lowest;
  n.highest = highest;
  n.table = static_cast<uint32_t>(table_.size());
  table_.resize(table_.size() + (highest - lowest + 1), kNoChild);
  for (uint32_t c = 0; c < count; ++c)
    table_[n.table + (labels_[first + c] - lowest)] = static_cast<uint8_t>(c);
}

namespace {

using Entry = std::pair<UnitsTrie::Key, uint32_t>;

// The unit of `entry`'s key at `depth`, or -1 past its end (shorter keys sort first).
int unit_at(const Entry& entry, size_t depth) {
  return depth < entry.first.size() ? entry.first[depth] : -1;
}

// Sorts [begin, end), whose keys share their first `depth` units (Bentley and Sedgewick's
// multikey quicksort).
void sort_from(Entry* begin, Entry* end, size_t depth) {
  constexpr std::ptrdiff_t kInsertionSortLimit = 12;
  while (end - begin > kInsertionSortLimit) {
    // The median of three units as the pivot.
    int a = unit_at(*begin, depth), b = unit_at(begin[(end - begin) / 2], depth),
        c = unit_at(end[-1], depth);
    if (a > b) std::swap(a, b);
    const int pivot = std::max(a, std::min(b, c));
    // [begin, less): below the pivot; [less, at): equal; [greater, end): above.
    Entry* less = begin;
    Entry* at = begin;
    Entry* greater = end;
    while (at < greater) {
      const int unit = unit_at(*at, depth);
      if (unit < pivot) {
        std::swap(*less++, *at++);
      } else if (unit > pivot) {
        std::swap(*at, *--greater);
      } else {
        ++at;
      }
    }
    sort_from(begin, less, depth);
    if (pivot < 0) {  // whole keys, all equal
      std::sort(less, greater, [](const Entry& x, const Entry& y) { return x.second < y.second; });
    } else {
      sort_from(less, greater, depth + 1);
    }
    begin = greater;
  }
  if (end - begin < 2) return;  // also an empty range, whose pointers may be null
  for (Entry* i = begin + 1; i < end; ++i)
    for (Entry* j = i; j > begin; --j) {
      const Entry& x = j[-1];
      const Entry& y = *j;
      const int order = x.first.substr(depth).compare(y.first.substr(depth));
      if (order < 0 || (order == 0 && x.second <= y.second)) break;
      std::swap(j[-1], *j);
    }
}

}  // namespace

void UnitsTrie::sort(Entries& entries) {
  sort_from(entries.data(), entries.data() + entries.size(), 0);
}

uint32_t UnitsTrie::child(uint32_t node, char16_t unit) const {
  const Node& n = nodes_view_[node];
  if (n.table != kNone) {
    if (unit < n.lowest || unit > n.highest) return kNone;
    const uint8_t offset = table_view_[n.table + (unit - n.lowest)];
    return offset == kNoChild ? kNone : n.first_child + offset;
  }
  const char16_t* begin = labels_view_.data() + n.first_child;
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
