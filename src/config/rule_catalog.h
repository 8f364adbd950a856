// The rules a configuration may name: built-in rules (from make_all_rules), their categories, and
// the ids of user rules. Validation and did-you-mean hints read it; nothing is hard-coded.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace hanmark {

class RuleCatalog {
 public:
  RuleCatalog() = default;
  // `rules` must outlive the catalog (RuleInfos are static in practice).
  explicit RuleCatalog(std::vector<const RuleInfo*> rules) : rules_(std::move(rules)) {}
  static RuleCatalog of(const std::vector<std::unique_ptr<Rule>>& rules);

  // A copy that also knows the ids of declarative user rules (no options, category `custom`).
  RuleCatalog with_user_rules(const std::vector<std::string>& ids) const;

  const std::vector<const RuleInfo*>& rules() const { return rules_; }
  const RuleInfo* find(std::string_view id) const;  // built-in rules only
  bool is_user_rule(std::string_view id) const;
  bool is_rule(std::string_view id) const { return find(id) || is_user_rule(id); }
  // Every category name, whether or not a rule has it yet ("custom" included).
  static bool is_category(std::string_view name);
  static std::vector<std::string> category_names();

  // Rule ids and category names, for did-you-mean.
  std::vector<std::string> names() const;

 private:
  std::vector<const RuleInfo*> rules_;
  std::vector<std::string> user_rules_;
};

}  // namespace hanmark
