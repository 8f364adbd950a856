// Rule files: TOML text → validated rule specs, with every problem as file:line:col. A bad file
// never throws; its problems are collected and the rest of the file is still checked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "userrules/rule_spec.h"

namespace hanmark::userrules {

class RuleLoader {
 public:
  // `reserved` are names user rule ids may not take: built-in rule ids and category names.
  explicit RuleLoader(std::vector<std::string> reserved) : reserved_(std::move(reserved)) {}

  // Parses a rule file: top-level `[[rule]]` tables only. `source` names it in problems.
  void load(std::string_view toml_text, const std::string& source);

  // Adds a rule parsed elsewhere (an inline [[rule]] of a config file, via parse_rule_table),
  // checking its id against the reserved names and the rules added so far.
  void add(RuleSpec spec);

  // Records a problem found outside the loader (e.g. a file that cannot be read).
  void add_problem(Problem problem) { problems_.push_back(std::move(problem)); }

  const std::vector<RuleSpec>& specs() const { return specs_; }
  std::vector<RuleSpec> take_specs() { return std::move(specs_); }
  // In the order the files were loaded, sorted by position within each file.
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<std::string> reserved_;
  std::vector<RuleSpec> specs_;
  std::vector<Problem> problems_;
};

}  // namespace hanmark::userrules
