// How many leading and trailing elements two sequences share (not overlapping), the first step of
// every diff: the line diff of --diff and the minimal text edit of the LSP's code actions.
#pragma once

#include <cstddef>

namespace hanmark {

struct CommonEnds {
  size_t prefix = 0;
  size_t suffix = 0;  // counted in what is left after the prefix
};

template <class Sequence>
CommonEnds common_ends(const Sequence& a, const Sequence& b) {
  CommonEnds ends;
  while (ends.prefix < a.size() && ends.prefix < b.size() && a[ends.prefix] == b[ends.prefix])
    ++ends.prefix;
  while (ends.suffix < a.size() - ends.prefix && ends.suffix < b.size() - ends.prefix &&
         a[a.size() - 1 - ends.suffix] == b[b.size() - 1 - ends.suffix])
    ++ends.suffix;
  return ends;
}

}  // namespace hanmark
