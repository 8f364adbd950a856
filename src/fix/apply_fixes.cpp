#include "fix/apply_fixes.h"

#include <algorithm>

namespace hanmark {

namespace {

constexpr int kMaxRounds = 8;

const Fix* applicable_fix(const Diagnostic& d, FixMode mode) {
  for (const Fix& fix : d.fixes)
    if (!fix.edits.empty() && (fix.safe || mode == FixMode::include_unsafe)) return &fix;
  return nullptr;
}

ByteSpan extent(const Fix& fix) {
  ByteSpan span = fix.edits.front().span;
  for (const Edit& edit : fix.edits) {
    span.begin = std::min(span.begin, edit.span.begin);
    span.end = std::max(span.end, edit.span.end);
  }
  return span;
}

}  // namespace

std::string apply_fixes(std::string_view source, const std::vector<Diagnostic>& diagnostics,
                        FixMode mode, size_t& applied) {
  // Accept whole fixes in source order; a fix touching an accepted one waits for the next round.
  std::vector<const Fix*> fixes;
  for (const Diagnostic& d : diagnostics)
    if (const Fix* fix = applicable_fix(d, mode)) fixes.push_back(fix);
  std::stable_sort(fixes.begin(), fixes.end(),
                   [](const Fix* a, const Fix* b) { return extent(*a).begin < extent(*b).begin; });
  std::vector<Edit> edits;
  std::vector<ByteSpan> taken;
  applied = 0;
  for (const Fix* fix : fixes) {
    const ByteSpan span = extent(*fix);
    const bool clashes = std::any_of(taken.begin(), taken.end(), [&](ByteSpan t) {
      return t.overlaps(span) || (t.begin == span.begin && (t.empty() || span.empty()));
    });
    if (clashes || span.end > source.size()) continue;
    taken.push_back(span);
    edits.insert(edits.end(), fix->edits.begin(), fix->edits.end());
    ++applied;
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  std::string out;
  out.reserve(source.size());
  uint32_t cursor = 0;
  for (const Edit& edit : edits) {
    if (edit.span.begin < cursor) continue;  // overlapping edits inside one fix: keep the first
    out.append(source.substr(cursor, edit.span.begin - cursor));
    out.append(edit.replacement);
    cursor = edit.span.end;
  }
  out.append(source.substr(cursor));
  return out;
}

FixOutcome fix_until_stable(const Linter& linter, const std::string& path, std::string source,
                            FixMode mode) {
  FixOutcome outcome;
  outcome.text = std::move(source);
  for (int round = 0; round < kMaxRounds; ++round) {
    const auto doc = Document::parse(path, outcome.text);
    size_t applied = 0;
    std::string next = apply_fixes(outcome.text, linter.lint(*doc), mode, applied);
    if (applied == 0) return outcome;
    outcome.fixes += applied;
    outcome.text = std::move(next);
  }
  const auto doc = Document::parse(path, outcome.text);
  size_t pending = 0;
  apply_fixes(outcome.text, linter.lint(*doc), mode, pending);
  outcome.converged = pending == 0;
  return outcome;
}

}  // namespace hanmark
