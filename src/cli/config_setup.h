// The configuration side of `hanmark check` and `hanmark config`: the resolver the options ask
// for (discovery, --config FILE or --no-config), and one Linter per distinct effective
// configuration, built before anything is linted so that a bad configuration stops the run.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config_resolver.h"
#include "engine/diagnostic.h"
#include "engine/linter.h"
#include "engine/registry.h"

namespace hanmark {

struct ConfigOptions {
  std::string config_file;  // --config FILE; empty: discover each file's configuration
  bool no_config = false;   // --no-config
};

class LintSetup {
 public:
  // Checks the --rule-file files and the rule names of the command line; null after printing
  // the problems to stderr.
  static std::unique_ptr<LintSetup> create(const ConfigOptions& config,
                                           const std::vector<std::string>& rule_files,
                                           const RuleSelection& selection);

  ConfigResolver& resolver() { return resolver_; }
  // For discover_files: whether a file or directory met while walking is excluded.
  std::function<bool(const std::filesystem::path&)> exclusion();

  // Resolves the configuration of each of `files` and builds the Linters they need. False after
  // printing every configuration error to stderr (the run must stop: exit 2). Prints warnings.
  bool prepare(const std::vector<std::string>& files);
  // For the i-th file given to prepare().
  const Linter& linter(size_t file) const { return *linters_[file_linter_[file]].linter; }
  // The configuration's fail-on of the i-th file (default warning).
  Severity fail_on(size_t file) const { return linters_[file_linter_[file]].fail_on; }
  // True when a Linter that ran a spelling rule has no English hunspell dictionary.
  bool english_dictionary_missing() const;

  // `hanmark config PATH`: the effective configuration of `path` as TOML, on stdout.
  int print_config(const std::string& path);

 private:
  struct Built {
    std::unique_ptr<Linter> linter;
    Severity fail_on = Severity::warning;
    std::shared_ptr<const SpellResources> spelling;
    bool runs_spelling = false;
  };

  LintSetup(const ConfigOptions& config, std::vector<std::string> rule_files,
            RuleSelection selection, std::vector<std::unique_ptr<Rule>> builtins,
            const std::vector<std::string>& cli_rule_ids);
  // Every rule `config` knows (built-in, --rule-file and its own user rules), unselected and
  // unconfigured; false after printing problems to stderr.
  bool all_rules(const EffectiveConfig& config, const RuleResources& resources,
                 std::vector<std::unique_ptr<Rule>>& out);
  std::shared_ptr<const SpellResources> spelling_for(const SpellSettings& settings);
  std::optional<size_t> build(const std::shared_ptr<const EffectiveConfig>& config);
  void print_warnings();
  // False after printing the configuration errors found so far.
  bool print_errors();
  std::vector<std::string> names_to_check() const;
  // False after printing the names of the command line that no rule or category has.
  bool check_names() const;

  std::vector<std::unique_ptr<Rule>> builtins_;  // the catalog points into their infos
  std::vector<std::string> rule_files_;
  RuleSelection selection_;
  RuleCatalog catalog_;  // built-in and --rule-file rules
  ConfigResolver resolver_;
  std::map<SpellSettings, std::shared_ptr<const SpellResources>> spell_resources_;
  std::map<const EffectiveConfig*, size_t> linter_of_config_;
  std::vector<std::shared_ptr<const EffectiveConfig>> configs_;  // keeps the keys alive
  std::vector<Built> linters_;
  std::vector<size_t> file_linter_;
};

}  // namespace hanmark
