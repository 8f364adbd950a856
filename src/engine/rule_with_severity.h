// A rule whose findings get another severity than its default: how a configuration's
// `severity = "error"` reaches the linter without the linter knowing about configurations.
#pragma once

#include <memory>

#include "engine/rule.h"

namespace hanmark {

// `rule` reporting at `severity`; info() is the rule's, but for default_severity.
std::unique_ptr<Rule> with_severity(std::unique_ptr<Rule> rule, Severity severity);

}  // namespace hanmark
