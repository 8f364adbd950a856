// The CLI subcommands, parsed options in, exit code out.
#pragma once

#include <string>
#include <vector>

#include "cli/fix_run.h"
#include "config/lint_setup.h"
#include "engine/diagnostic.h"
#include "engine/linter.h"

namespace hanmark {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";  // text, json, sarif, github (docs/output-formats.md)
  bool color = false;
  std::string output_file;  // --output: the report goes there instead of stdout
  bool progress = true;     // false for --no-progress
  Severity fail_on = Severity::warning;
  bool fail_on_given = false;  // --fail-on given: it wins over the configurations' fail-on
  ConfigOptions config;        // --config, --no-config
  RuleSelection rules;
  std::vector<std::string> rule_files;  // user rule files (docs/user-rules.md)
  unsigned jobs = 1;
  FixSettings fix;  // --fix, --unsafe-fixes, --diff, --stdin-filename (docs/fixes.md)
};

int run_check(const CheckOptions& options);
// Lists the built-in rules and those of `rule_files`.
int run_rules(const std::vector<std::string>& rule_files);
// Validates rule files and runs their examples (`hanmark rules --check`).
int run_rules_check(const std::vector<std::string>& rule_files);
int run_explain(const std::string& rule_id, const std::vector<std::string>& rule_files);
// `hanmark config PATH`: the effective configuration of a file or directory.
int run_config(const ConfigOptions& options, const std::string& path);

}  // namespace hanmark
