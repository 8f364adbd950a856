// Which rules run under a list of selection layers (config files, overrides, the command line).
#pragma once

#include <string>
#include <vector>

#include "config/settings.h"
#include "engine/linter.h"
#include "engine/rule.h"

namespace hanmark {

// One flag per rule of `rules`: whether it runs. Starts from the rules enabled by default and
// applies each layer in order. In a layer, each rule is decided by the most specific name that
// mentions it — its id before its category — and at the same level a removal (ignore, enabled =
// false) beats an addition (select, extend-select, enabled = true); a rule no name mentions
// stays as it was, unless the layer has `select`, which starts from nothing. A name that is both
// a rule id and a category ("spelling") means the rule.
std::vector<bool> selected_rules(const std::vector<const RuleInfo*>& rules,
                                 const std::vector<SelectionLayer>& layers);

// The command line's --select/--extend-select/--ignore as the last layer (an empty `select`
// means "not given").
SelectionLayer selection_layer(const RuleSelection& selection);

}  // namespace hanmark
