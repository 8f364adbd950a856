// Runs the selected rules over a Document and returns sorted diagnostics.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule.h"
#include "markdown/document.h"

namespace hanmark {

// Id of the diagnostics hanmark itself reports for bytes that are not UTF-8 (not a rule: it
// cannot be disabled).
inline constexpr std::string_view kEncodingDiagnostic = "encoding";

class Linter {
 public:
  explicit Linter(std::vector<std::unique_ptr<Rule>> rules) : rules_(std::move(rules)) {}

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* find(std::string_view id) const;

  // Sorted by span, then rule id; identical for identical input.
  std::vector<Diagnostic> lint(const Document& doc) const;

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

// Which rules run: `select` (rule ids or category names) replaces the default set — the rules
// enabled by default — `extend_select` adds to it and `ignore` removes from it. A name that is a
// rule id means that rule even where a category has the same name ("spelling"). Names that are
// neither are returned in `unknown`.
struct RuleSelection {
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

std::vector<std::unique_ptr<Rule>> select_rules(std::vector<std::unique_ptr<Rule>> rules,
                                                const RuleSelection& selection,
                                                std::vector<std::string>& unknown);

}  // namespace hanmark
