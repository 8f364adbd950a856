// From an EffectiveConfig to the linter's rules: selection, options (configure()) and severity.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/effective_config.h"
#include "config/rule_catalog.h"
#include "engine/linter.h"
#include "engine/rule.h"

namespace hanmark {

// The option through which `[front-matter] title-key` reaches every rule that declares it
// (single-title, heading-bilingual); the rule's own table still wins.
inline constexpr std::string_view kFrontMatterTitleOption = "front-matter-title";

// The rule's severity under `config`: its [rules.<id>] severity, else its category's (a name that
// is also a rule id, "spelling", is the rule), else its default.
Severity effective_severity(const EffectiveConfig& config, const RuleInfo& info);
// The option values `config` gives the rule (unset options keep their defaults).
RuleOptionValues effective_options(const EffectiveConfig& config, const RuleInfo& info);

struct ConfiguredRules {
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<std::string> errors;  // a rule that declares options but cannot be configured
};

// The rules to lint with under `config`: of `all` (make_all_rules, plus any user rules), those
// the configuration's layers select, then `command_line` (--select/--extend-select/--ignore,
// applied last, as in ruff), each configured with its options and given its severity. Names on
// the command line are not checked here: see unknown_rule_names().
ConfiguredRules configured_rules(const EffectiveConfig& config,
                                 std::vector<std::unique_ptr<Rule>> all,
                                 const RuleSelection& command_line = {});

// "unknown rule or category 'x'; did you mean 'y'?" for each name of `selection` that is neither
// a rule of `catalog` nor a category.
std::vector<std::string> unknown_rule_names(const RuleSelection& selection,
                                            const RuleCatalog& catalog);

}  // namespace hanmark
