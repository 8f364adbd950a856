#include "engine/rule.h"

namespace hanmark {

std::string_view to_string(Category category) {
  switch (category) {
    case Category::markdown:
      return "markdown";
    case Category::spelling:
      return "spelling";
    case Category::korean:
      return "korean";
    case Category::bilingual:
      return "bilingual";
    case Category::typography:
      return "typography";
    case Category::unicode:
      return "unicode";
    case Category::editorial:
      return "editorial";
    case Category::custom:
      return "custom";
  }
  return "markdown";
}

std::string_view to_string(FixAvailability fix) {
  switch (fix) {
    case FixAvailability::none:
      return "none";
    case FixAvailability::sometimes:
      return "sometimes";
    case FixAvailability::always:
      return "always";
  }
  return "none";
}

Diagnostic& DiagnosticSink::report(ByteSpan span, std::string message) {
  Diagnostic& d = out_.emplace_back();
  d.rule = std::string(rule_.id);
  d.severity = rule_.default_severity;
  d.span = span;
  d.message = std::move(message);
  return d;
}

}  // namespace hanmark
