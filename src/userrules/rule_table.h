// One `[[rule]]` table of TOML → a validated RuleSpec. Shared by rule files and (later) inline
// rules in .hanmark.toml, which parse their TOML themselves and hand each table here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "userrules/rule_spec.h"

namespace hanmark::userrules {

// The TOML text a table was parsed from and its name in messages; the text lets errors point
// inside strings (the offending character of a regex or message template).
struct TomlSource {
  std::string name;
  std::string_view text;
};

// Validates one rule table: known keys (did-you-mean for the others), value types, ids, regexes,
// message placeholders. Problems are appended to `problems`; returns nullopt when there were any.
// Ids are not checked against other rules here (RuleLoader does that).
std::optional<RuleSpec> parse_rule_table(const toml::table& table, const TomlSource& source,
                                         std::vector<Problem>& problems);

// Position of the character at code-point index `index` of the decoded value of the TOML string
// that starts at `start` (its opening quote), accounting for escapes; `start` itself for
// multi-line strings.
SourcePos position_in_string(std::string_view toml_text, SourcePos start, size_t index);

}  // namespace hanmark::userrules
