#include "config/rule_catalog.h"

#include <algorithm>

namespace hanmark {

namespace {

constexpr Category kCategories[] = {Category::markdown,  Category::spelling,   Category::korean,
                                    Category::bilingual, Category::typography, Category::unicode,
                                    Category::editorial, Category::custom};

}  // namespace

RuleCatalog RuleCatalog::of(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<const RuleInfo*> infos;
  for (const auto& rule : rules) infos.push_back(&rule->info());
  return RuleCatalog(std::move(infos));
}

RuleCatalog RuleCatalog::with_user_rules(const std::vector<std::string>& ids) const {
  RuleCatalog copy = *this;
  copy.user_rules_.insert(copy.user_rules_.end(), ids.begin(), ids.end());
  return copy;
}

const RuleInfo* RuleCatalog::find(std::string_view id) const {
  for (const RuleInfo* info : rules_)
    if (info->id == id) return info;
  return nullptr;
}

bool RuleCatalog::is_user_rule(std::string_view id) const {
  return std::find(user_rules_.begin(), user_rules_.end(), id) != user_rules_.end();
}

bool RuleCatalog::is_category(std::string_view name) {
  return std::any_of(std::begin(kCategories), std::end(kCategories),
                     [&](Category c) { return to_string(c) == name; });
}

std::vector<std::string> RuleCatalog::category_names() {
  std::vector<std::string> names;
  for (const Category c : kCategories) names.emplace_back(to_string(c));
  return names;
}

std::vector<std::string> RuleCatalog::names() const {
  std::vector<std::string> names = category_names();
  for (const RuleInfo* info : rules_) names.emplace_back(info->id);
  names.insert(names.end(), user_rules_.begin(), user_rules_.end());
  return names;
}

}  // namespace hanmark
