#include "config/rule_selection.h"

#include <algorithm>
#include <set>

namespace hanmark {

namespace {

bool has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

enum class Decision { none, add, remove };

// The decision of `layer` for a rule named `name`: removal first, as in select_rules.
Decision decide(const SelectionLayer& layer, std::string_view name) {
  if (has(layer.ignore, name) || has(layer.disable, name)) return Decision::remove;
  if ((layer.select && has(*layer.select, name)) || has(layer.extend_select, name) ||
      has(layer.enable, name))
    return Decision::add;
  return Decision::none;
}

}  // namespace

std::vector<bool> selected_rules(const std::vector<const RuleInfo*>& rules,
                                 const std::vector<SelectionLayer>& layers) {
  std::set<std::string_view> ids;
  for (const RuleInfo* info : rules) ids.insert(info->id);
  std::vector<bool> on;
  for (const RuleInfo* info : rules) on.push_back(info->enabled_by_default);
  for (const SelectionLayer& layer : layers) {
    for (size_t i = 0; i < rules.size(); ++i) {
      const std::string_view category = to_string(rules[i]->category);
      Decision decision = decide(layer, rules[i]->id);
      if (decision == Decision::none && !ids.contains(category)) decision = decide(layer, category);
      if (decision != Decision::none) {
        on[i] = decision == Decision::add;
      } else if (layer.select) {
        on[i] = false;
      }
    }
  }
  return on;
}

SelectionLayer selection_layer(const RuleSelection& selection) {
  SelectionLayer layer;
  if (!selection.select.empty()) layer.select = selection.select;
  layer.extend_select = selection.extend_select;
  layer.ignore = selection.ignore;
  return layer;
}

}  // namespace hanmark
