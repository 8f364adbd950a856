// Unified diffs (`--diff`) in the form git and patch accept: `--- a/x` / `+++ b/x` headers,
// @@ hunks with 3 lines of context, and "\ No newline at end of file" markers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hanmark {

// One run of a line diff: `count` lines that are kept, removed from `before` or added.
struct DiffRun {
  enum Kind { keep, remove, add } kind;
  size_t count;
};

// Lines of `text`, each with its terminator ("\n" or "\r\n"); the last may have none.
std::vector<std::string_view> split_lines(std::string_view text);

// A shortest edit script from `before` to `after` (Myers), as runs in order.
std::vector<DiffRun> diff_lines(const std::vector<std::string_view>& before,
                                const std::vector<std::string_view>& after);

// The unified diff of `before` → `after` under "--- a/<path>" / "+++ b/<path>"; empty when
// the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& path,
                         size_t context = 3);

}  // namespace hanmark
