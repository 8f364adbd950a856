// User rule messages: templates with {actual} (the text found) and {expected} (the replacement
// or the preferred form); {{ and }} stand for literal braces.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hanmark::userrules {

struct TemplateError {
  size_t index;  // code-point index of the offending brace
  std::string message;
};

// Checks that every placeholder is known ({expected} only when `has_expected`).
std::optional<TemplateError> check_template(std::string_view text, bool has_expected);

// The message with its placeholders filled in (the template must have passed the check).
std::string expand_template(std::string_view text, std::string_view actual,
                            std::string_view expected);

}  // namespace hanmark::userrules
