// The configuration side of every front end (`hanmark check`, `hanmark config`, the LSP server):
// the resolver the options ask for (discovery, --config FILE or --no-config), and one Linter per
// distinct effective configuration — for the CLI all built before anything is linted, so that a
// bad configuration stops the run; for the server built as documents need them.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config_resolver.h"
#include "engine/diagnostic.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "spell/spell_resources.h"
#include "spell/spell_resources_cache.h"

namespace hanmark {

struct ConfigOptions {
  std::string config_file;  // --config FILE; empty: discover each file's configuration
  bool no_config = false;   // --no-config
};

// A problem LintSetup found, handed to its SetupReporter. The CLI prints `text` to stderr; the LSP
// server shows it on its file or in a message.
struct SetupMessage {
  enum class Level { error, warning };
  Level level = Level::error;
  std::string text;     // as the CLI prints it: "path:3:1: error: …", "hanmark: error: …"
  std::string file;     // the configuration or rule file at fault, as displayed; empty: none
  uint32_t line = 0;    // 1-based place in `file`; 0: none
  uint32_t column = 0;  // 1-based, in code points; 0: none
  std::string message;  // without place and level
};
using SetupReporter = std::function<void(const SetupMessage&)>;

class LintSetup {
 public:
  // Checks the --rule-file files and the rule names of the command line; null after reporting
  // the problems. Every problem found, now or later, goes to `reporter`. `spelling` is the base of
  // every configuration's spell options (the LSP server adds its user word list there).
  // `spell_cache` gives the configurations' SpellResources; one that outlives the setup (the
  // server's, across reloads) keeps dictionaries loaded. Null: a cache of the setup's own.
  static std::unique_ptr<LintSetup> create(
      const ConfigOptions& config, const std::vector<std::string>& rule_files,
      const RuleSelection& selection, SetupReporter reporter, SpellOptions spelling = {},
      std::shared_ptr<SpellResourcesCache> spell_cache = nullptr);

  ConfigResolver& resolver() { return resolver_; }
  // For discover_files: whether a file or directory met while walking is excluded.
  std::function<bool(const std::filesystem::path&)> exclusion();

  // Resolves the configuration of each of `files` and builds the Linters they need. False after
  // reporting every configuration error (the run must stop: exit 2). Reports warnings.
  bool prepare(const std::vector<std::string>& files);
  // The Linter of one file, built on first use (the LSP server's documents); null when the
  // file's configuration or its user rules have errors (reported once). Not thread-safe.
  const Linter* linter_for(const std::filesystem::path& file);
  // For the i-th file given to prepare().
  const Linter& linter(size_t file) const { return *linters_[file_linter_[file]].linter; }
  // The configuration's fail-on of the i-th file (default warning).
  Severity fail_on(size_t file) const { return linters_[file_linter_[file]].fail_on; }
  // True when a Linter that ran a spelling rule has no English hunspell dictionary.
  bool english_dictionary_missing() const;
  // Every rule this run knows, selected or not (--format sarif): the built-in rules, then the
  // user rules of --rule-file and of the configurations prepared (an id defined twice: its first
  // definition).
  std::vector<const Rule*> every_rule() const;

  // `hanmark config PATH`: the effective configuration of `path` as TOML; nullopt after
  // reporting the errors.
  std::optional<std::string> effective_config_toml(const std::string& path);

 private:
  struct Built {
    std::unique_ptr<Linter> linter;
    Severity fail_on = Severity::warning;
    std::shared_ptr<const SpellResources> spelling;
    bool runs_spelling = false;
  };

  LintSetup(const ConfigOptions& config, std::vector<std::string> rule_files,
            RuleSelection selection, std::vector<std::unique_ptr<Rule>> builtins,
            const std::vector<std::string>& cli_rule_ids, SetupReporter reporter,
            SpellOptions spelling, std::shared_ptr<SpellResourcesCache> spell_cache);
  void error(const std::string& message) const;
  // Every rule `config` knows (built-in, --rule-file and its own user rules), unselected and
  // unconfigured; false after reporting problems.
  bool all_rules(const EffectiveConfig& config, const RuleResources& resources,
                 std::vector<std::unique_ptr<Rule>>& out);
  std::shared_ptr<const SpellResources> spelling_for(const SpellSettings& settings);
  std::optional<size_t> build(const std::shared_ptr<const EffectiveConfig>& config);
  void report_warnings();
  // False after reporting the configuration errors found so far.
  bool report_errors();
  std::vector<std::string> names_to_check() const;
  // Keeps a copy of a user rule for every_rule().
  void remember_user_rule(const Rule& rule);
  // False after reporting the names of the command line that no rule or category has.
  bool check_names() const;

  SetupReporter reporter_;
  SpellOptions spelling_;  // the base of every configuration's spell options
  std::shared_ptr<SpellResourcesCache> spell_cache_;
  std::vector<std::unique_ptr<Rule>> builtins_;  // the catalog points into their infos
  std::vector<std::string> rule_files_;
  RuleSelection selection_;
  RuleCatalog catalog_;  // built-in and --rule-file rules
  ConfigResolver resolver_;
  std::map<const EffectiveConfig*, size_t> linter_of_config_;
  std::set<const EffectiveConfig*> failed_configs_;              // build() reported their errors
  std::vector<std::shared_ptr<const EffectiveConfig>> configs_;  // keeps the keys alive
  std::vector<Built> linters_;
  std::vector<size_t> file_linter_;
  std::vector<std::unique_ptr<Rule>> user_rules_;  // for every_rule()
};

}  // namespace hanmark
