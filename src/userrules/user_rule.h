// Declarative user rules (existence, substitution, consistency) as engine rules: matchers are
// compiled once per rule, and a rule object owns every string its RuleInfo points to.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "userrules/rule_spec.h"

namespace hanmark::userrules {

class UserRule final : public Rule {
 public:
  explicit UserRule(RuleSpec spec);
  ~UserRule() override;
  UserRule(const UserRule&) = delete;
  UserRule& operator=(const UserRule&) = delete;

  const RuleInfo& info() const override { return info_; }
  void check(const Document& doc, DiagnosticSink& sink) const override;

  const RuleSpec& spec() const { return spec_; }
  // The rule's documentation for `hanmark explain`, generated from its definition.
  std::string describe() const;

  struct Matchers;

 private:
  RuleSpec spec_;
  std::string summary_;
  RuleInfo info_;
  std::unique_ptr<Matchers> matchers_;
};

std::vector<std::unique_ptr<UserRule>> make_user_rules(std::vector<RuleSpec> specs);

}  // namespace hanmark::userrules
