#include "lsp/workspace.h"

#include <cstdlib>

#include "core/file_io.h"

namespace hanmark::lsp {

namespace fs = std::filesystem;

WorkspaceSettings WorkspaceSettings::from_json(const nlohmann::json& value,
                                               WorkspaceSettings base) {
  if (!value.is_object()) return base;
  const nlohmann::json& settings =
      value.contains("hanmark") && value["hanmark"].is_object() ? value["hanmark"] : value;
  if (const auto it = settings.find("configFile"); it != settings.end() && it->is_string())
    base.config_file = it->get<std::string>();
  if (const auto it = settings.find("noConfig"); it != settings.end() && it->is_boolean())
    base.no_config = it->get<bool>();
  if (const auto it = settings.find("userDictionary"); it != settings.end() && it->is_string())
    base.user_dictionary = it->get<std::string>();
  return base;
}

fs::path default_user_dictionary() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/')
    return fs::path(xdg) / "hanmark" / "words.dic";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/") / ".config" / "hanmark" / "words.dic";
}

Workspace::Workspace(WorkspaceSettings settings, std::shared_ptr<SpellResourcesCache> spell_cache)
    : settings_(std::move(settings)) {
  if (spell_cache) spell_cache_ = std::move(spell_cache);
  reload();
}

void Workspace::configure(WorkspaceSettings settings) {
  const std::lock_guard lock(mutex_);
  settings_ = std::move(settings);
  reload_locked();
}

void Workspace::reload() {
  const std::lock_guard lock(mutex_);
  reload_locked();
}

fs::path Workspace::user_dictionary() const {
  return settings_.user_dictionary.empty() ? default_user_dictionary() : settings_.user_dictionary;
}

void Workspace::reload_locked() {
  ConfigOptions options;
  options.config_file = settings_.config_file;
  options.no_config = settings_.no_config;
  // The user word list is part of every configuration's spelling, as if each named it.
  SpellOptions spelling;
  std::string words, reason;
  if (read_file(user_dictionary().string(), words, reason))
    spelling.personal_dictionaries.push_back(std::move(words));
  const SetupReporter keep = [this](const SetupMessage& message) { messages_.push_back(message); };
  spell_cache_->next_generation();
  setup_ = LintSetup::create(options, {}, {}, keep, std::move(spelling), spell_cache_);
}

LinterRef Workspace::linter_for(const fs::path& file) {
  const std::lock_guard lock(mutex_);
  if (!setup_) return {};
  return {setup_, setup_->linter_for(file)};
}

std::vector<SetupMessage> Workspace::take_messages() {
  const std::lock_guard lock(mutex_);
  return std::exchange(messages_, {});
}

fs::path Workspace::dictionary_for(const fs::path& file) {
  const std::lock_guard lock(mutex_);
  if (setup_) {
    const std::shared_ptr<const EffectiveConfig> config = setup_->resolver().resolve(file);
    if (config && !config->spelling.dictionaries.empty())
      return config->spelling.dictionaries.back().path;
  }
  return user_dictionary();
}

}  // namespace hanmark::lsp
