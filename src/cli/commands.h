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
  unsigned jobs = 1;
};

int run_check(const CheckOptions& options);
int run_rules();
int run_explain(const std::string& rule_id);

// The closest of `candidates` to `name`, if it is close enough to be a likely typo.
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace hanmark
