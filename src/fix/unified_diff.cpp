#include "fix/unified_diff.h"

#include <algorithm>
#include <cstdint>

#include "core/common_ends.h"

namespace hanmark {

namespace {

using Lines = std::vector<std::string_view>;

void push(std::vector<DiffRun>& runs, DiffRun::Kind kind, size_t count) {
  if (count == 0) return;
  if (!runs.empty() && runs.back().kind == kind) {
    runs.back().count += count;
    return;
  }
  runs.push_back({kind, count});
}

// Myers' greedy O((N+M)·D) algorithm over the middle part (common ends already trimmed),
// keeping every round's frontier to walk the path back.
void myers(const Lines& a, size_t a0, size_t n, const Lines& b, size_t b0, size_t m,
           std::vector<DiffRun>& runs) {
  const auto max = static_cast<std::ptrdiff_t>(n + m);
  const std::ptrdiff_t offset = max + 1;
  std::vector<std::ptrdiff_t> v(2 * max + 3, 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  std::ptrdiff_t found_d = -1;
  for (std::ptrdiff_t d = 0; d <= max && found_d < 0; ++d) {
    trace.push_back(v);
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                             ? v[offset + k + 1]
                             : v[offset + k - 1] + 1;
      std::ptrdiff_t y = x - k;
      while (x < static_cast<std::ptrdiff_t>(n) && y < static_cast<std::ptrdiff_t>(m) &&
             a[a0 + x] == b[b0 + y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= static_cast<std::ptrdiff_t>(n) && y >= static_cast<std::ptrdiff_t>(m)) {
        found_d = d;
        break;
      }
    }
  }
  // Walk back from (n, m), collecting runs in reverse.
  std::vector<DiffRun> reversed;
  auto x = static_cast<std::ptrdiff_t>(n), y = static_cast<std::ptrdiff_t>(m);
  for (std::ptrdiff_t d = found_d; d > 0; --d) {
    const std::vector<std::ptrdiff_t>& prev = trace[static_cast<size_t>(d)];
    const std::ptrdiff_t k = x - y;
    const bool down = k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1]);
    const std::ptrdiff_t prev_k = down ? k + 1 : k - 1;
    const std::ptrdiff_t prev_x = prev[offset + prev_k];
    const std::ptrdiff_t prev_y = prev_x - prev_k;
    const std::ptrdiff_t start_x = down ? prev_x : prev_x + 1;  // after the one edit
    reversed.push_back({DiffRun::keep, static_cast<size_t>(x - start_x)});
    reversed.push_back({down ? DiffRun::add : DiffRun::remove, 1});
    x = prev_x;
    y = prev_y;
  }
  reversed.push_back({DiffRun::keep, static_cast<size_t>(x)});  // the d = 0 snake
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) push(runs, it->kind, it->count);
}

void emit_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(size_t start, size_t count) {
  // 1-based start; an empty range names the line before it (0 at the top), as diff -u does.
  const size_t shown = count == 0 ? start : start + 1;
  return std::to_string(shown) + (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  Lines lines;
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t newline = text.find('\n', begin);
    const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

std::vector<DiffRun> diff_lines(const Lines& before, const Lines& after) {
  const auto [prefix, suffix] = common_ends(before, after);
  std::vector<DiffRun> runs;
  push(runs, DiffRun::keep, prefix);
  myers(before, prefix, before.size() - prefix - suffix, after, prefix,
        after.size() - prefix - suffix, runs);
  push(runs, DiffRun::keep, suffix);
  return runs;
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& path,
                         size_t context) {
  if (before == after) return {};
  const Lines a = split_lines(before), b = split_lines(after);
  const std::vector<DiffRun> runs = diff_lines(a, b);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  // Runs as positions: each change run starts at (i, j); hunks group changes whose kept gap is
  // at most 2·context lines.
  struct Change {
    size_t i, j, removed, added;
  };
  std::vector<Change> changes;
  size_t i = 0, j = 0;
  for (const DiffRun& run : runs) {
    if (run.kind == DiffRun::keep) {
      i += run.count;
      j += run.count;
      continue;
    }
    if (changes.empty() || changes.back().i + changes.back().removed != i ||
        changes.back().j + changes.back().added != j)
      changes.push_back({i, j, 0, 0});
    if (run.kind == DiffRun::remove) {
      changes.back().removed += run.count;
      i += run.count;
    } else {
      changes.back().added += run.count;
      j += run.count;
    }
  }
  for (size_t first = 0; first < changes.size();) {
    size_t last = first;
    while (last + 1 < changes.size() &&
           changes[last + 1].i - (changes[last].i + changes[last].removed) <= 2 * context)
      ++last;
    const size_t a_begin = changes[first].i - std::min(context, changes[first].i);
    const size_t b_begin = changes[first].j - (changes[first].i - a_begin);
    const size_t a_change_end = changes[last].i + changes[last].removed;
    const size_t a_end = std::min(a.size(), a_change_end + context);
    const size_t b_end = changes[last].j + changes[last].added + (a_end - a_change_end);
    out +=
        "@@ -" + range(a_begin, a_end - a_begin) + " +" + range(b_begin, b_end - b_begin) + " @@\n";
    size_t ai = a_begin;
    for (size_t c = first; c <= last; ++c) {
      for (; ai < changes[c].i; ++ai) emit_line(out, ' ', a[ai]);
      for (size_t r = 0; r < changes[c].removed; ++r) emit_line(out, '-', a[ai + r]);
      for (size_t r = 0; r < changes[c].added; ++r) emit_line(out, '+', b[changes[c].j + r]);
      ai += changes[c].removed;
    }
    for (; ai < a_end; ++ai) emit_line(out, ' ', a[ai]);
    first = last + 1;
  }
  return out;
}

}  // namespace hanmark
