// A configuration file with the files it extends, loaded and checked as a whole: `extends` is
// followed (relative to each file, cycles reported), then every rule name and option in the
// chain is checked against the known rules, user rules of the chain included.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config_error.h"
#include "config/parsed_config.h"
#include "config/rule_catalog.h"
#include "config/settings.h"

namespace hanmark {

struct ConfigChain {
  struct File {
    std::shared_ptr<const ParsedConfig> parsed;
    SettingsLayer top;
    std::vector<SettingsLayer> overrides;  // one per parsed->overrides entry
  };
  // In the order they apply: extended files first (depth first, in `extends` order; a file
  // reached twice applies once, at its first place), the file itself last.
  std::vector<File> files;
};

// The declarative user rules a chain brings: `rule-files` and `[[rule]]` tables of all its files.
struct UserRuleSources {
  std::vector<std::filesystem::path> rule_files;
  std::vector<InlineRule> inline_rules;
};

// Returns the ids of the user rules in `sources` (so that configs may name them), reporting
// problems in `errors`. Supplied by the front end, which owns the user rule loader.
using UserRuleIds =
    std::function<std::vector<std::string>(const UserRuleSources&, std::vector<ConfigError>&)>;

// Loads chains, reading each file once. Not thread-safe.
class ConfigLoader {
 public:
  explicit ConfigLoader(RuleCatalog catalog, UserRuleIds user_rule_ids = {})
      : catalog_(std::move(catalog)), user_rule_ids_(std::move(user_rule_ids)) {}

  // The chain of the configuration file at `path` (absolute); null when any file in it has
  // errors. Errors are appended to `errors` on every call (callers show each once).
  std::shared_ptr<const ConfigChain> load(const std::filesystem::path& path,
                                          std::vector<ConfigError>& errors);

 private:
  struct Loaded {
    std::shared_ptr<const ConfigChain> chain;
    std::vector<ConfigError> errors;
  };
  std::shared_ptr<const ParsedConfig> parsed(const std::filesystem::path& path,
                                             std::vector<ConfigError>& errors);
  void collect(const std::shared_ptr<const ParsedConfig>& config,
               std::vector<std::filesystem::path>& stack,
               std::vector<std::shared_ptr<const ParsedConfig>>& out,
               std::vector<ConfigError>& errors);
  Loaded load_uncached(const std::filesystem::path& path);

  RuleCatalog catalog_;
  UserRuleIds user_rule_ids_;
  std::map<std::filesystem::path,
           std::pair<std::shared_ptr<const ParsedConfig>, std::vector<ConfigError>>>
      parsed_;
  std::map<std::filesystem::path, Loaded> chains_;
};

}  // namespace hanmark
