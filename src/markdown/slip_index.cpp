#include "markdown/slip_index.h"

#include <algorithm>

namespace hanmark {

struct SlipIndex::Search {
  const SlipIndex& index;
  const std::u32string& word;
  size_t limit;
  std::vector<Match> found;

  // sorted_[lo, hi) share their first `depth` code points; `row` is the edit-distance table's
  // row for that prefix against every prefix of `word`.
  void walk(size_t lo, size_t hi, size_t depth, const std::vector<size_t>& row) {
    const auto& names = index.sorted_;
    for (; lo < hi && names[lo].first.size() == depth; ++lo)  // shorter names sort first
      if (row.back() <= limit) found.push_back({names[lo].second, row.back()});
    std::vector<size_t> next(row.size());
    while (lo < hi) {
      const char32_t c = names[lo].first[depth];
      const size_t end = static_cast<size_t>(
          std::partition_point(names.begin() + static_cast<std::ptrdiff_t>(lo),
                               names.begin() + static_cast<std::ptrdiff_t>(hi),
                               [&](const auto& name) { return name.first[depth] == c; }) -
          names.begin());
      ++index.steps_;
      next[0] = row[0] + 1;
      size_t smallest = next[0];
      for (size_t j = 1; j < row.size(); ++j) {
        next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (word[j - 1] != c)});
        smallest = std::min(smallest, next[j]);
      }
      if (smallest <= limit) walk(lo, end, depth + 1, next);  // else no name below can be
      lo = end;
    }
  }
};

SlipIndex::SlipIndex(std::vector<std::u32string> names) {
  sorted_.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) sorted_.emplace_back(std::move(names[i]), i);
  std::sort(sorted_.begin(), sorted_.end());
}

std::vector<SlipIndex::Match> SlipIndex::within(const std::u32string& word, size_t limit) const {
  Search search{*this, word, limit, {}};
  std::vector<size_t> row(word.size() + 1);
  for (size_t j = 0; j < row.size(); ++j) row[j] = j;
  search.walk(0, sorted_.size(), 0, row);
  return search.found;
}

}  // namespace hanmark
