// The one place where fixes become text: picks each diagnostic's first applicable fix, skips
// fixes that overlap an earlier one, applies the rest; fix_until_stable re-lints and repeats.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/linter.h"

namespace hanmark {

enum class FixMode { safe_only, include_unsafe };

// Applies one round of fixes; `applied` receives how many fixes were used.
std::string apply_fixes(std::string_view source, const std::vector<Diagnostic>& diagnostics,
                        FixMode mode, size_t& applied);
// The same, also counting the applied fixes per rule id into `per_rule`.
std::string apply_fixes(std::string_view source, const std::vector<Diagnostic>& diagnostics,
                        FixMode mode, size_t& applied, std::map<std::string, size_t>& per_rule);

struct FixOutcome {
  std::string text;       // the fixed text (the input when nothing applied)
  size_t fixes = 0;       // fixes applied over all rounds
  bool converged = true;  // false when the round limit was reached with fixes still pending
  std::map<std::string, size_t> per_rule;  // fixes applied, by rule id
  std::unique_ptr<Document> doc;           // `text` parsed, for reporting what remains
  std::vector<Diagnostic> remaining;       // the findings of `text`
};

// Lints, fixes and re-lints until no applicable fix is left (at most a few rounds).
FixOutcome fix_until_stable(const Linter& linter, const std::string& path, std::string source,
                            FixMode mode);

}  // namespace hanmark
