// The configuration side of the server: one LintSetup (config/lint_setup.h), as `hanmark check`
// uses, rebuilt when configuration files, the client's settings or a word list change. Problems
// it finds are kept for the server to show (on the configuration file or as a message). The
// spell resources outlive the rebuilds (spell/spell_resources_cache.h): loaded dictionaries stay
// loaded while the spelling is the same or only gains words.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/lint_setup.h"
#include "spell/spell_resources_cache.h"

namespace hanmark::lsp {

// The client's settings: initializationOptions, or workspace/didChangeConfiguration's
// `settings`, either flat or under "hanmark".
struct WorkspaceSettings {
  std::string config_file;                // like `check --config FILE`; empty: discovery
  bool no_config = false;                 // like `check --no-config`
  std::filesystem::path user_dictionary;  // the user word list; empty: default_user_dictionary()

  // `base` with the keys `value` sets (configFile, noConfig, userDictionary).
  static WorkspaceSettings from_json(const nlohmann::json& value, WorkspaceSettings base);
  friend bool operator==(const WorkspaceSettings&, const WorkspaceSettings&) = default;
};

// $XDG_CONFIG_HOME/hanmark/words.dic, else ~/.config/hanmark/words.dic.
std::filesystem::path default_user_dictionary();

// A Linter and the setup that owns it (a reload replaces the setup; linting may still finish with
// the old one). Null when the file's configuration has errors.
struct LinterRef {
  std::shared_ptr<LintSetup> setup;
  const Linter* linter = nullptr;
  explicit operator bool() const { return linter != nullptr; }
};

class Workspace {
 public:
  // `spell_cache`: where the spell resources are kept; null: a cache of the workspace's own (a
  // shared one spares loading the dictionaries again for each new server, as the fuzzer makes).
  explicit Workspace(WorkspaceSettings settings = {},
                     std::shared_ptr<SpellResourcesCache> spell_cache = nullptr);

  const WorkspaceSettings& settings() const { return settings_; }
  // New settings; reloads. Called on the server's main thread only.
  void configure(WorkspaceSettings settings);
  // Reads the configuration files and the user word list again.
  void reload();

  // The Linter for a document at `file` (thread-safe).
  LinterRef linter_for(const std::filesystem::path& file);
  // Problems found since the last call (thread-safe).
  std::vector<SetupMessage> take_messages();

  // Where "add to dictionary" writes for a document at `file`: the last personal dictionary its
  // configuration names ([spelling] dictionaries), else the user word list (thread-safe).
  std::filesystem::path dictionary_for(const std::filesystem::path& file);
  std::filesystem::path user_dictionary() const;

  // What the spell resources cache did so far (tests).
  SpellResourcesCache::Counts spell_cache_counts() const { return spell_cache_->counts(); }

 private:
  void reload_locked();

  WorkspaceSettings settings_;
  std::mutex mutex_;
  std::shared_ptr<LintSetup> setup_;  // null when the settings' --config file is missing
  std::shared_ptr<SpellResourcesCache> spell_cache_ = std::make_shared<SpellResourcesCache>();
  std::vector<SetupMessage> messages_;
};

}  // namespace hanmark::lsp
