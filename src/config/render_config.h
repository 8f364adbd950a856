// `hanmark config PATH`: the configuration that applies to a file, as TOML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/effective_config.h"
#include "engine/rule.h"

namespace hanmark {

// A header of comments naming `file` and what contributed (config files and matching
// [[overrides]] entries, in the order applied, nearest last), then every setting with its
// effective value: `fail-on`, `exclude`, `rule-files`, `[rules] select` as the full list of rules
// that run, a table for each running rule with options or a non-default severity (options at
// their default marked so), category severities, `[spelling]`, `[front-matter]`. `rules` are all
// rules known (built-in and user rules), in the order to list them.
std::string render_effective_config(const EffectiveConfig& config,
                                    const std::vector<const RuleInfo*>& rules,
                                    std::string_view file);

}  // namespace hanmark
