#include "config/configured_rules.h"

#include "config/did_you_mean.h"
#include "config/rule_selection.h"
#include "engine/rule_with_severity.h"

namespace hanmark {

Severity effective_severity(const EffectiveConfig& config, const RuleInfo& info) {
  if (auto it = config.rules.find(info.id); it != config.rules.end() && it->second.severity)
    return *it->second.severity;
  if (auto it = config.category_severities.find(to_string(info.category));
      it != config.category_severities.end())
    return it->second;
  return info.default_severity;
}

RuleOptionValues effective_options(const EffectiveConfig& config, const RuleInfo& info) {
  RuleOptionValues values;
  if (auto it = config.rules.find(info.id); it != config.rules.end()) values = it->second.options;
  if (config.front_matter_title_key && !values.find(kFrontMatterTitleOption))
    for (const RuleOption& option : info.options)
      if (option.name == kFrontMatterTitleOption)
        values.set(std::string(kFrontMatterTitleOption), *config.front_matter_title_key);
  return values;
}

ConfiguredRules configured_rules(const EffectiveConfig& config,
                                 std::vector<std::unique_ptr<Rule>> all,
                                 const RuleSelection& command_line) {
  std::vector<const RuleInfo*> infos;
  for (const auto& rule : all) infos.push_back(&rule->info());
  std::vector<SelectionLayer> layers = config.selection;
  layers.push_back(selection_layer(command_line));
  const std::vector<bool> on = selected_rules(infos, layers);

  ConfiguredRules out;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!on[i]) continue;
    std::unique_ptr<Rule> rule = std::move(all[i]);
    const RuleInfo& info = rule->info();
    const RuleOptionValues options = effective_options(config, info);
    if (!options.empty()) {
      if (std::unique_ptr<Rule> configured = rule->configure(options)) {
        rule = std::move(configured);
      } else {
        out.errors.push_back("rule '" + std::string(info.id) +
                             "' declares options but cannot be configured");
      }
    }
    const Severity severity = effective_severity(config, rule->info());
    out.rules.push_back(with_severity(std::move(rule), severity));
  }
  return out;
}

std::vector<std::string> unknown_rule_names(const RuleSelection& selection,
                                            const RuleCatalog& catalog) {
  std::vector<std::string> messages;
  const std::vector<std::string> names = catalog.names();
  for (const auto* list : {&selection.select, &selection.extend_select, &selection.ignore})
    for (const std::string& name : *list)
      if (!catalog.is_rule(name) && !RuleCatalog::is_category(name))
        messages.push_back("unknown rule or category '" + name + "'" +
                           did_you_mean_hint(name, names));
  return messages;
}

}  // namespace hanmark
