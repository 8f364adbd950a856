#include "engine/diagnostic.h"

namespace hanmark {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "warning";
}

bool parse_severity(std::string_view text, Severity& out) {
  for (Severity s : {Severity::info, Severity::warning, Severity::error}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

}  // namespace hanmark
