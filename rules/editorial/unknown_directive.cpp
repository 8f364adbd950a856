// unknown-directive: inline directives that name no known rule or are misspelt.
//
// The findings come from the engine (engine/directive_filter.cpp): only it knows every rule id,
// selected or not. This rule gives them their metadata, doc and selection by id.
#include "engine/directive_filter.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = kUnknownDirective,
    .category = Category::editorial,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,
    .summary = "inline directives with an unknown rule id or category, or a misspelt keyword",
};

class UnknownDirectiveRule final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Document&, DiagnosticSink&) const override {}
};

}  // namespace

std::unique_ptr<Rule> make_unknown_directive() {
  return std::make_unique<UnknownDirectiveRule>();
}

}  // namespace hanmark
