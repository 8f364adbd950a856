#include "engine/rule_with_severity.h"

namespace hanmark {

namespace {

class RuleWithSeverity final : public Rule {
 public:
  RuleWithSeverity(std::unique_ptr<Rule> rule, Severity severity)
      : rule_(std::move(rule)), info_(rule_->info()) {
    info_.default_severity = severity;
  }

  const RuleInfo& info() const override { return info_; }

  // The sink stamps each finding with info().default_severity, so the inner rule's findings
  // come out at the configured severity.
  void check(const Document& doc, DiagnosticSink& sink) const override { rule_->check(doc, sink); }

  std::unique_ptr<Rule> configure(const RuleOptionValues& values) const override {
    std::unique_ptr<Rule> configured = rule_->configure(values);
    if (!configured) return nullptr;
    return with_severity(std::move(configured), info_.default_severity);
  }

 private:
  std::unique_ptr<Rule> rule_;
  RuleInfo info_;  // the rule's, with the configured severity
};

}  // namespace

std::unique_ptr<Rule> with_severity(std::unique_ptr<Rule> rule, Severity severity) {
  if (rule->info().default_severity == severity) return rule;
  return std::make_unique<RuleWithSeverity>(std::move(rule), severity);
}

}  // namespace hanmark
