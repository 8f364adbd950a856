// Finds the configuration of each file to lint. The nearest `.hanmark.toml` (or `hanmark.toml`)
// found walking up from the file's directory is the file's configuration, as in ruff: parent
// configs are not merged in implicitly (`extends` does that). `--config FILE` uses one file for
// everything, `--no-config` none. Results are cached per directory and per configuration, so
// files with the same effective configuration get the same pointer: one Linter per pointer.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config_chain.h"
#include "config/config_error.h"
#include "config/effective_config.h"
#include "config/rule_catalog.h"

namespace hanmark {

// The names a configuration file may have, in the order they are looked for in a directory.
inline constexpr const char* kConfigFileNames[] = {".hanmark.toml", "hanmark.toml"};

class ConfigResolver {
 public:
  enum class Mode { discover, explicit_file, none };

  // Discovery (the default).
  explicit ConfigResolver(RuleCatalog catalog, UserRuleIds user_rule_ids = {});
  // `--config FILE` for every file to lint.
  static ConfigResolver with_file(const std::filesystem::path& config_file, RuleCatalog catalog,
                                  UserRuleIds user_rule_ids = {});
  // `--no-config`: defaults for every file.
  static ConfigResolver without_config(RuleCatalog catalog);

  // The configuration for the file at `path` (relative to the working directory or absolute).
  // Null when its configuration has errors: see take_errors(). Thread-safe.
  std::shared_ptr<const EffectiveConfig> resolve(const std::filesystem::path& path);

  // The configuration file that governs files in `directory`, if any (discovery walks up; the
  // other modes give their file or none). Thread-safe.
  std::optional<std::filesystem::path> config_file_for(const std::filesystem::path& directory);

  // True when `path` (a file or directory met while walking a directory given on the command
  // line) is excluded by the `exclude` globs of the configuration that governs its parent
  // directory. False when that configuration has errors (they are reported by resolve()).
  bool excluded(const std::filesystem::path& path);

  // Errors found since the last call, each reported once, sorted. Any error means exit 2.
  std::vector<ConfigError> take_errors();
  // Warnings since the last call ("both .hanmark.toml and hanmark.toml in dir/; using
  // .hanmark.toml").
  std::vector<std::string> take_warnings();
  // True once any configuration error was found.
  bool failed() const;

 private:
  ConfigResolver(Mode mode, std::filesystem::path config_file, RuleCatalog catalog,
                 UserRuleIds user_rule_ids);

  std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory);
  // config_file_for() of a directory already absolute and normal (the parent of a path that is).
  std::optional<std::filesystem::path> config_file_for_absolute(
      const std::filesystem::path& directory);
  std::shared_ptr<const ConfigChain> chain_for(const std::filesystem::path& config_file);
  // `path` made absolute against the working directory (`cwd`: asked once, not for every file)
  // and normal.
  static std::filesystem::path absolute(const std::filesystem::path& path,
                                        const std::filesystem::path& cwd = {});

  Mode mode_;
  std::filesystem::path config_file_;
  ConfigLoader loader_;
  mutable std::mutex mutex_;
  std::filesystem::path cwd_;  // hanmark never changes its working directory
  // By the absolute, normal directory's text: comparing paths component by component showed in
  // profiles.
  std::unordered_map<std::string, std::optional<std::filesystem::path>> directories_;
  // By config file and matched [[overrides]] entries.
  std::map<std::pair<std::filesystem::path, std::vector<bool>>,
           std::shared_ptr<const EffectiveConfig>>
      effective_;
  std::shared_ptr<const EffectiveConfig> defaults_;
  std::set<ConfigError> reported_;
  std::vector<ConfigError> pending_errors_;
  std::vector<std::string> pending_warnings_;
  bool failed_ = false;
};

}  // namespace hanmark
