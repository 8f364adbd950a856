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
  std::map<std::string, size_t> per_rule;
  return apply_fixes(source, diagnostics, mode, applied, per_rule);
}

std::string apply_fixes(std::string_view source, const std::vector<Diagnostic>& diagnostics,
                        FixMode mode, size_t& applied, std::map<std::string, size_t>& per_rule) {
  // Accept whole fixes in source order; a fix touching an accepted one waits for the next round.
  struct Candidate {
    const Fix* fix;
    const std::string* rule;
  };
  std::vector<Candidate> fixes;
  for (const Diagnostic& d : diagnostics)
    if (const Fix* fix = applicable_fix(d, mode)) fixes.push_back({fix, &d.rule});
  std::stable_sort(fixes.begin(), fixes.end(), [](const Candidate& a, const Candidate& b) {
    return extent(*a.fix).begin < extent(*b.fix).begin;
  });
  std::vector<Edit> edits;
  std::vector<ByteSpan> taken;
  applied = 0;
  for (const auto& [fix, rule] : fixes) {
    const ByteSpan span = extent(*fix);
    const bool clashes = std::any_of(taken.begin(), taken.end(), [&](ByteSpan t) {
      return t.overlaps(span) || (t.begin == span.begin && (t.empty() || span.empty()));
    });
    if (clashes || span.end > source.size()) continue;
    taken.push_back(span);
    edits.insert(edits.end(), fix->edits.begin(), fix->edits.end());
    ++applied;
    ++per_rule[*rule];
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
  for (int round = 0; round <= kMaxRounds; ++round) {
    outcome.doc = Document::parse(path, outcome.text);
    outcome.remaining = linter.lint(*outcome.doc);
    size_t applied = 0;
    std::map<std::string, size_t> per_rule;
    std::string next = apply_fixes(outcome.text, outcome.remaining, mode, applied, per_rule);
    if (applied == 0) return outcome;
    if (round == kMaxRounds) break;  // fixes still pending: report them instead of looping on
    outcome.fixes += applied;
    for (const auto& [rule, count] : per_rule) outcome.per_rule[rule] += count;
    outcome.text = std::move(next);
  }
  outcome.converged = false;
  return outcome;
}

}  // namespace hanmark
