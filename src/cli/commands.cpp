#include "cli/commands.h"

#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/file_discovery.h"
#include "cli/lint_run.h"
#include "cli/progress.h"
#include "core/nearest_name.h"
#include "core/strings.h"
#include "engine/registry.h"
#include "output/output_file.h"
#include "output/renderer.h"
#include "spell/spell_resources.h"
#include "userrules/examples.h"
#include "userrules/rule_file.h"
#include "userrules/user_rule.h"

namespace hanmark {

namespace {

void error(const std::string& message) {
  std::cerr << "hanmark: error: " << message << '\n';
}

// LintSetup's problems, on stderr as they are.
void print_setup_message(const SetupMessage& message) {
  std::cerr << message.text << '\n';
}

// User rules of `files`, checked against the built-in rules' ids and the category names.
struct UserRules {
  std::vector<std::unique_ptr<userrules::UserRule>> rules;
  std::vector<userrules::Problem> problems;
};

UserRules load_user_rules(const std::vector<std::string>& files,
                          const std::vector<std::unique_ptr<Rule>>& builtins) {
  std::vector<std::string> reserved{std::string(kEncodingDiagnostic)};
  for (const auto& rule : builtins) reserved.emplace_back(rule->info().id);
  for (int c = 0; c <= static_cast<int>(Category::custom); ++c)
    reserved.emplace_back(to_string(static_cast<Category>(c)));
  userrules::RuleLoader loader(std::move(reserved));
  std::vector<std::string> loaded;
  for (const std::string& path : files) {
    if (std::find(loaded.begin(), loaded.end(), path) != loaded.end()) continue;  // given twice
    loaded.push_back(path);
    std::string text, reason;
    if (!read_file(path, text, reason)) {
      loader.add_problem({path, {}, "cannot read rule file: " + reason});
      continue;
    }
    loader.load(text, path);
  }
  return {userrules::make_user_rules(loader.take_specs()), loader.problems()};
}

// Built-in rules plus the user rules of `rule_files`; false (after printing the problems to
// stderr) when a rule file is bad.
bool all_rules(const std::vector<std::string>& rule_files, std::vector<std::unique_ptr<Rule>>& out,
               const RuleResources& resources) {
  out = make_all_rules(resources);
  if (rule_files.empty()) return true;
  UserRules user = load_user_rules(rule_files, out);
  for (const userrules::Problem& problem : user.problems)
    std::cerr << userrules::format_problem(problem) << '\n';
  if (!user.problems.empty()) return false;
  for (auto& rule : user.rules) out.push_back(std::move(rule));
  return true;
}

// The rule as `--format sarif` describes it: its doc (a user rule's generated description).
DescribedRule described(const Rule& rule) {
  const RuleInfo& info = rule.info();
  if (const auto* user = dynamic_cast<const userrules::UserRule*>(&rule))
    return {&info, user->describe(), std::nullopt};
  const auto doc = rule_doc(info);
  if (!doc) return {&info, std::nullopt, std::nullopt};
  return {&info, std::string(*doc), rule_doc_url(info)};
}

OutputSettings output_settings(const CheckOptions& options, const LintSetup& setup) {
  OutputSettings settings;
  settings.format = options.format;
  settings.style = TextStyle{options.color};
  if (options.format == "sarif" || options.format == "github")
    settings.root = SourceRoot::discover();
  if (options.format == "sarif")
    for (const Rule* rule : setup.every_rule()) settings.rules.push_back(described(*rule));
  return settings;
}

// Where the report goes: stdout, or --output FILE once the run is complete.
class ReportStream {
 public:
  bool open(const std::string& output_file) {
    if (output_file.empty()) return true;
    std::string reason;
    if (file_.open(output_file, reason)) {
      path_ = output_file;
      return true;
    }
    error("cannot write '" + output_file + "': " + reason);
    return false;
  }
  std::ostream& stream() { return path_.empty() ? std::cout : file_.stream(); }
  // Puts the report in place; false after saying why.
  bool close() {
    std::cout.flush();
    if (path_.empty()) {
      // A report cut short (a full disk, /dev/full) must not pass for a clean run in CI.
      if (std::cout) return true;
      error("cannot write the report to standard output");
      return false;
    }
    std::string reason;
    if (file_.commit(reason)) return true;
    error("cannot write '" + path_ + "': " + reason);
    return false;
  }

 private:
  std::string path_;
  OutputFile file_;
};

// The setup holds the hunspell dictionaries: freeing them entry by entry takes ~40 ms, while
// the exiting process drops them at once. The list is never destroyed either, so the setups
// stay reachable (no leak report) until the process is gone.
void keep_until_exit(std::unique_ptr<LintSetup> setup) {
  static auto* const kept = new std::vector<LintSetup*>;
  kept->push_back(setup.release());
}

}  // namespace

int run_check(const CheckOptions& options) {
  // One Linter per distinct configuration (config/lint_setup.h); all built before linting.
  std::unique_ptr<LintSetup> owned =
      LintSetup::create(options.config, options.rule_files, options.rules, print_setup_message);
  if (!owned) return kExitFailure;
  LintSetup* const setup = owned.get();
  keep_until_exit(std::move(owned));
  const FileLinting linting{
      [&](size_t i) -> const Linter& { return setup->linter(i); },
      [&](size_t i) { return options.fail_on_given ? options.fail_on : setup->fail_on(i); }};
  ReportStream report;
  if (reads_stdin(options.paths)) {
    if (!setup->prepare({stdin_name(options)}) || !report.open(options.output_file))
      return kExitFailure;
    const int code = run_stdin(linting, options, output_settings(options, *setup), report.stream());
    return report.close() ? code : kExitFailure;
  }

  const DiscoveredFiles found = discover_files(options.paths, setup->exclusion());
  for (const std::string& note : found.notes) std::cerr << "hanmark: warning: " << note << '\n';
  bool failed = !found.errors.empty();
  for (const std::string& message : found.errors) error(message);
  if (!setup->prepare(found.files) || !report.open(options.output_file)) return kExitFailure;
  const OutputSettings settings = output_settings(options, *setup);
  std::ostream& out = report.stream();
  if (options.fix.active()) {
    const int code = run_fix(found.files, linting, options, failed, settings, out);
    return report.close() ? code : kExitFailure;
  }

  const std::unique_ptr<Renderer> renderer = make_renderer(settings, out);
  renderer->begin();
  for (const std::string& message : found.errors) renderer->file_error("", message);
  size_t files = 0;
  bool findings = false;
  size_t file_index = 0;  // results come in the order of found.files
  Progress progress(found.files.size(), options.progress);
  const auto linter_for = [&](size_t i) -> const Linter& { return setup->linter(i); };
  lint_files(linter_for, found.files, options.jobs, [&](LintResult& result) {
    const Severity fail_on = options.fail_on_given ? options.fail_on : setup->fail_on(file_index);
    const std::string& path = found.files[file_index++];
    if (!result.report.doc) {
      progress.clear();
      error(result.error);
      renderer->file_error(path, result.error);
      failed = true;
      progress.advance();
      return;
    }
    ++files;
    for (const Diagnostic& d : result.report.diagnostics) findings |= d.severity >= fail_on;
    if (progress.active() && !result.report.diagnostics.empty()) {
      progress.clear();  // the findings may go to the same terminal
      renderer->add(result.report);
      out.flush();
    } else {
      renderer->add(result.report);
    }
    progress.advance();
  });
  progress.clear();
  renderer->end();
  if (files > 0 && setup->english_dictionary_missing()) {
    std::cerr << "hanmark: warning: no hunspell en_US dictionary found (install hunspell-en-us); "
                 "English words were not checked\n";
  }
  if (!report.close()) return kExitFailure;
  if (failed) return kExitFailure;
  return findings ? kExitFindings : kExitClean;
}

int run_rules(const std::vector<std::string>& rule_files) {
  std::vector<std::unique_ptr<Rule>> rules;
  if (!all_rules(rule_files, rules, default_rule_resources())) return kExitFailure;
  size_t id_width = 23;
  for (const auto& rule : rules) id_width = std::max(id_width, rule->info().id.size() + 2);
  std::cout << std::left << std::setw(static_cast<int>(id_width)) << "RULE" << std::setw(12)
            << "CATEGORY" << std::setw(10) << "SEVERITY" << std::setw(11) << "FIX" << std::setw(9)
            << "DEFAULT"
            << "SUMMARY\n";
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    const std::string_view fix = info.fix == FixAvailability::none ? "-" : to_string(info.fix);
    std::cout << std::left << std::setw(static_cast<int>(id_width)) << info.id << std::setw(12)
              << to_string(info.category) << std::setw(10) << to_string(info.default_severity)
              << std::setw(11) << fix << std::setw(9) << (info.enabled_by_default ? "on" : "off")
              << info.summary << '\n';
  }
  return kExitClean;
}

int run_rules_check(const std::vector<std::string>& rule_files) {
  const auto builtins = make_all_rules(default_rule_resources());
  UserRules user = load_user_rules(rule_files, builtins);
  std::vector<userrules::Problem> problems = user.problems;
  size_t examples = 0, failed_examples = 0;
  for (const auto& rule : user.rules) {
    examples += rule->spec().examples.size();
    for (userrules::Problem& failure : userrules::check_examples(*rule)) {
      problems.push_back(std::move(failure));
      ++failed_examples;
    }
  }
  // File by file, in position order.
  std::stable_sort(problems.begin(), problems.end(), [&](const auto& a, const auto& b) {
    const auto file_index = [&](const std::string& source) {
      return std::find(rule_files.begin(), rule_files.end(), source) - rule_files.begin();
    };
    return std::tuple(file_index(a.source), a.pos.line, a.pos.column) <
           std::tuple(file_index(b.source), b.pos.line, b.pos.column);
  });
  for (const userrules::Problem& problem : problems)
    std::cout << userrules::format_problem(problem) << '\n';
  const size_t errors = problems.size() - failed_examples;
  std::vector<std::string> files;
  for (const std::string& path : rule_files)
    if (std::find(files.begin(), files.end(), path) == files.end()) files.push_back(path);
  std::cout << plural(files.size(), "rule file") << ", " << plural(user.rules.size(), "rule")
            << ", " << plural(examples, "example") << ": ";
  if (problems.empty()) {
    std::cout << "all pass\n";
    return kExitClean;
  }
  if (errors > 0) std::cout << plural(errors, "error") << (failed_examples > 0 ? ", " : "");
  if (failed_examples > 0) std::cout << plural(failed_examples, "failed example");
  std::cout << '\n';
  return kExitFailure;
}

int run_explain(const std::string& rule_id, const std::vector<std::string>& rule_files) {
  std::vector<std::unique_ptr<Rule>> rules;
  if (!all_rules(rule_files, rules, default_rule_resources())) return kExitFailure;
  for (const auto& rule : rules) {
    if (rule->info().id != rule_id) continue;
    if (const auto* user = dynamic_cast<const userrules::UserRule*>(rule.get())) {
      std::cout << user->describe();
      return kExitClean;
    }
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
  const std::string hint = nearest_name(rule_id, ids);
  error("unknown rule '" + rule_id + "'" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
  return kExitFailure;
}

}  // namespace hanmark

namespace hanmark {

int run_config(const ConfigOptions& options, const std::string& path) {
  const std::unique_ptr<LintSetup> setup = LintSetup::create(options, {}, {}, print_setup_message);
  const std::optional<std::string> toml = setup ? setup->effective_config_toml(path) : std::nullopt;
  if (!toml) return kExitFailure;
  std::cout << *toml;
  return kExitClean;
}

}  // namespace hanmark
