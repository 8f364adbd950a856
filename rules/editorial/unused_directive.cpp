// unused-directive: inline directives that suppress nothing.
//
// The findings come from the engine (engine/directive_filter.cpp), which alone sees what each
// directive suppressed. This rule gives them their metadata, doc and selection by id.
#include "engine/directive_filter.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = kUnusedDirective,
    .category = Category::editorial,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,  // none for front matter entries
    .summary = "inline directives that suppress nothing (or re-enable nothing)",
    // Off by default: whether a directive is needed depends on the rules that run.
    .enabled_by_default = false,
};

class UnusedDirectiveRule final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Document&, DiagnosticSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> make_unused_directive() {
  return std::make_unique<UnusedDirectiveRule>();
}

}  // namespace hanmark
