// What a rule reports: a byte span, a message, suggestions and optional fixes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace hanmark {

enum class Severity { info, warning, error };

std::string_view to_string(Severity severity);
bool parse_severity(std::string_view text, Severity& out);

struct Edit {
  ByteSpan span;
  std::string replacement;
};

struct Fix {
  std::string title;  // imperative: "replace with 'Engineer'"
  bool safe = false;  // safe fixes are applied by --fix; unsafe ones only on request
  std::vector<Edit> edits;
};

struct Diagnostic {
  std::string rule;  // stable rule id, e.g. "image-alt"
  Severity severity = Severity::warning;
  ByteSpan span;
  std::string message;                   // lower-case start, no final period
  std::vector<std::string> suggestions;  // replacement candidates, best first
  std::vector<Fix> fixes;
  std::vector<std::string> notes;  // extra `help:` lines
};

}  // namespace hanmark
