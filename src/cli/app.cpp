#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "core/data_files.h"
#include "lsp/server.h"

namespace hanmark {

namespace {

bool stdout_wants_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && ::isatty(STDOUT_FILENO);
}

// --config FILE and --no-config (docs/configuration.md).
void add_config_options(CLI::App& command, ConfigOptions& options) {
  auto* file = command
                   .add_option("--config", options.config_file,
                               "use this configuration file for every file (no discovery)")
                   ->option_text("FILE");
  command.add_flag("--no-config", options.no_config, "ignore all configuration files")
      ->excludes(file);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"hanmark — a Markdown linter and editorial assistant for Korean/English posts"};
  // The first line is the version alone (scripts read it); the second where data comes from.
  app.set_version_flag("--version", [] {
    return std::string("hanmark ") + HANMARK_VERSION + "\n" + data_source_line();
  });
  app.require_subcommand(1);

  CheckOptions check;
  std::string color = "auto";
  std::string fail_on = "warning";
  auto* check_cmd = app.add_subcommand("check", "lint Markdown files and directories");
  check_cmd->add_option("paths", check.paths, "files or directories (default: .)");
  check_cmd
      ->add_option("--format", check.format,
                   "output format (default: github when GITHUB_ACTIONS=true, else text)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  check_cmd->add_option("--output", check.output_file, "write the report to FILE, not stdout")
      ->option_text("FILE");
  bool no_progress = false;
  check_cmd->add_flag("--no-progress", no_progress,
                      "no progress line on a terminal (shown beyond 200 files)");
  check_cmd->add_option("--color", color, "colored text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check_cmd->add_option("--fail-on", fail_on, "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->capture_default_str();
  for (auto [flag, list, help] :
       {std::tuple{"--select", &check.rules.select,
                   "run only these rule ids or categories (comma-separated)"},
        std::tuple{"--extend-select", &check.rules.extend_select,
                   "also run these rules, e.g. ones off by default (comma-separated)"},
        std::tuple{"--ignore", &check.rules.ignore,
                   "skip these rule ids or categories (comma-separated)"}}) {
    check_cmd->add_option(flag, *list, help)
        ->delimiter(',')
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  check_cmd
      ->add_option("--rule-file", check.rule_files,
                   "also run the user rules of this TOML file (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check.jobs = std::max(1u, std::thread::hardware_concurrency());
  check_cmd->add_option("-j,--jobs", check.jobs, "files linted in parallel")
      ->check(CLI::Range(1u, 256u));
  check_cmd->add_flag("--fix", check.fix.fix, "apply safe fixes to the files (docs/fixes.md)");
  check_cmd->add_flag("--unsafe-fixes", check.fix.unsafe,
                      "with --fix or --diff, also apply unsafe fixes");
  check_cmd->add_flag("--diff", check.fix.diff,
                      "print the fixes as a unified diff instead of writing them");
  check_cmd->add_option("--stdin-filename", check.fix.stdin_filename,
                        "name of standard input ('-') for configuration and messages");
  add_config_options(*check_cmd, check.config);

  ConfigOptions config_options;
  std::string config_path = ".";
  auto* config_cmd =
      app.add_subcommand("config", "print the effective configuration of a file or directory");
  config_cmd->add_option("path", config_path, "file or directory (default: .)");
  add_config_options(*config_cmd, config_options);

  auto* rules_cmd = app.add_subcommand("rules", "list the rules, or check rule files");
  std::vector<std::string> rule_files;
  std::vector<std::string> files_to_check;
  rules_cmd
      ->add_option("--rule-file", rule_files, "also list the user rules of this file (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  rules_cmd->add_option("--check", files_to_check,
                        "validate these rule files and run their examples");
  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", "print a rule's documentation");
  explain_cmd->add_option("rule", explain_id, "rule id")->required();
  explain_cmd
      ->add_option("--rule-file", rule_files, "also know the user rules of this file (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* lsp_cmd =
      app.add_subcommand("lsp", "run the language server on stdin/stdout (docs/lsp.md)");
  // vscode-languageclient adds --stdio to a stdio server's command line.
  bool stdio = true;
  lsp_cmd->add_flag("--stdio", stdio, "talk over stdin/stdout (the default and only transport)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*check_cmd) {
    if (check.paths.empty()) check.paths.push_back(".");
    // GitHub's runners set GITHUB_ACTIONS=true: annotations, unless a format is asked for.
    const char* actions = std::getenv("GITHUB_ACTIONS");
    if (check_cmd->count("--format") == 0 && actions != nullptr && std::string(actions) == "true")
      check.format = "github";
    // A file gets colors only when asked for with --color always.
    check.color = check.output_file.empty() ? stdout_wants_color(color) : color == "always";
    check.progress = !no_progress;
    parse_severity(fail_on, check.fail_on);
    check.fail_on_given = check_cmd->count("--fail-on") > 0;
    return run_check(check);
  }
  if (*rules_cmd) {
    if (rules_cmd->count("--check") == 0) return run_rules(rule_files);
    files_to_check.insert(files_to_check.end(), rule_files.begin(), rule_files.end());
    return run_rules_check(files_to_check);
  }
  if (*explain_cmd) return run_explain(explain_id, rule_files);
  if (*config_cmd) return run_config(config_options, config_path);
  if (*lsp_cmd) return lsp::serve_stdio();
  return 2;
}

}  // namespace hanmark
