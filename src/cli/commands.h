// The CLI subcommands, parsed options in, exit code out.
#pragma once

#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/linter.h"

namespace hanmark {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  bool color = false;
  Severity fail_on = Severity::warning;
  RuleSelection rules;
  std::vector<std::string> rule_files;  // user rule files (docs/user-rules.md)
  unsigned jobs = 1;
};

int run_check(const CheckOptions& options);
// Lists the built-in rules and those of `rule_files`.
int run_rules(const std::vector<std::string>& rule_files);
// Validates rule files and runs their examples (`hanmark rules --check`).
int run_rules_check(const std::vector<std::string>& rule_files);
int run_explain(const std::string& rule_id, const std::vector<std::string>& rule_files);

}  // namespace hanmark
