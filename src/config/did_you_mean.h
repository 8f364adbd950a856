// "; did you mean 'x'?" for misspelt names in configuration files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hanmark {

// "; did you mean 'x'?" when a candidate is close to `name` (nearest_name(), or else one that
// starts with `name` when it has at least 3 characters: "warn" for "warning"), else "".
std::string did_you_mean_hint(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace hanmark
