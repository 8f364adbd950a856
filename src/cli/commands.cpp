#include "cli/commands.h"

#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/file_discovery.h"
#include "cli/lint_run.h"
#include "engine/registry.h"
#include "output/json_renderer.h"
#include "output/text_renderer.h"
#include "spell/spell_resources.h"

namespace hanmark {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitFailure = 2;

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> rule_names(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<std::string> names;
  for (const auto& rule : rules) {
    names.emplace_back(rule->info().id);
    names.emplace_back(to_string(rule->info().category));
  }
  return names;
}

void error(const std::string& message) {
  std::cerr << "hanmark: error: " << message << '\n';
}

}  // namespace

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    const size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) best = candidate, best_distance = distance;
  }
  return best;
}

int run_check(const CheckOptions& options) {
  const RuleResources resources = default_rule_resources();
  auto all_rules = make_all_rules(resources);
  const std::vector<std::string> names = rule_names(all_rules);
  std::vector<std::string> unknown;
  auto rules = select_rules(std::move(all_rules), options.rules, unknown);
  if (!unknown.empty()) {
    for (const std::string& name : unknown) {
      const std::string hint = did_you_mean(name, names);
      error("unknown rule or category '" + name + "'" +
            (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    }
    return kExitFailure;
  }
  const bool spelling_selected = std::any_of(rules.begin(), rules.end(), [](const auto& rule) {
    return rule->info().category == Category::spelling;
  });
  const Linter linter(std::move(rules));

  const DiscoveredFiles found = discover_files(options.paths);
  for (const std::string& note : found.notes) std::cerr << "hanmark: warning: " << note << '\n';
  bool failed = !found.errors.empty();
  for (const std::string& message : found.errors) error(message);

  const TextStyle style{options.color};
  const bool json = options.format == "json";
  JsonRenderer json_out(std::cout);
  if (json) json_out.begin();
  Summary summary;
  bool findings = false;
  lint_files(linter, found.files, options.jobs, [&](LintResult& result) {
    if (!result.report.doc) {
      error(result.error);
      failed = true;
      return;
    }
    summary.add(result.report);
    for (const Diagnostic& d : result.report.diagnostics) findings |= d.severity >= options.fail_on;
    if (json) {
      json_out.add(result.report);
    } else {
      render_text(std::cout, result.report, style);
    }
  });
  if (json) {
    json_out.end();
  } else {
    render_summary(std::cout, summary, style);
  }
  if (spelling_selected && summary.files > 0 && !resources.spelling->english_available()) {
    std::cerr << "hanmark: warning: no hunspell en_US dictionary found (install hunspell-en-us); "
                 "English words were not checked\n";
  }
  std::cout.flush();
  if (failed) return kExitFailure;
  return findings ? kExitFindings : kExitClean;
}

int run_rules() {
  const auto rules = make_all_rules(default_rule_resources());
  std::cout << std::left << std::setw(23) << "RULE" << std::setw(12) << "CATEGORY" << std::setw(10)
            << "SEVERITY" << std::setw(11) << "FIX" << std::setw(9) << "DEFAULT"
            << "SUMMARY\n";
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    const std::string_view fix = info.fix == FixAvailability::none ? "-" : to_string(info.fix);
    std::cout << std::left << std::setw(23) << info.id << std::setw(12) << to_string(info.category)
              << std::setw(10) << to_string(info.default_severity) << std::setw(11) << fix
              << std::setw(9) << (info.enabled_by_default ? "on" : "off") << info.summary << '\n';
  }
  return kExitClean;
}

int run_explain(const std::string& rule_id) {
  const auto rules = make_all_rules(default_rule_resources());
  for (const auto& rule : rules) {
    if (rule->info().id != rule_id) continue;
    const auto doc = rule_doc(rule->info());
    if (!doc) {
      error("rule '" + rule_id + "' has no documentation");
      return kExitFailure;
    }
    std::cout << *doc;
    return kExitClean;
  }
  std::vector<std::string> ids;
  for (const auto& rule : rules) ids.emplace_back(rule->info().id);
  const std::string hint = did_you_mean(rule_id, ids);
  error("unknown rule '" + rule_id + "'" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
  return kExitFailure;
}

}  // namespace hanmark
