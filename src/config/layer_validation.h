// Checks what a config file says about rules against the rules that exist: names in select,
// extend-select and ignore, [rules.<name>] tables, option names, types and values.
#pragma once

#include <string>

#include "config/parsed_config.h"
#include "config/rule_catalog.h"
#include "config/settings.h"
#include "config/toml_reader.h"

namespace hanmark {

// `rules_where` is how the layer's rules table is written: "rules" or "overrides.rules".
SettingsLayer validate_layer(const RawLayer& raw, const std::string& rules_where,
                             const RuleCatalog& catalog, ErrorList& errors);

}  // namespace hanmark
