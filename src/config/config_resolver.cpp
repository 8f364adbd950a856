#include "config/config_resolver.h"

#include "config/lexical_path.h"

namespace hanmark {

ConfigResolver::ConfigResolver(RuleCatalog catalog, UserRuleIds user_rule_ids)
    : ConfigResolver(Mode::discover, {}, std::move(catalog), std::move(user_rule_ids)) {}

ConfigResolver::ConfigResolver(Mode mode, std::filesystem::path config_file, RuleCatalog catalog,
                               UserRuleIds user_rule_ids)
    : mode_(mode),
      config_file_(std::move(config_file)),
      loader_(std::move(catalog), std::move(user_rule_ids)),
      defaults_(std::make_shared<const EffectiveConfig>()) {
  std::error_code ec;
  cwd_ = std::filesystem::current_path(ec);
}

ConfigResolver ConfigResolver::with_file(const std::filesystem::path& config_file,
                                         RuleCatalog catalog, UserRuleIds user_rule_ids) {
  return ConfigResolver(Mode::explicit_file, absolute(config_file), std::move(catalog),
                        std::move(user_rule_ids));
}

ConfigResolver ConfigResolver::without_config(RuleCatalog catalog) {
  return ConfigResolver(Mode::none, {}, std::move(catalog), {});
}

std::filesystem::path ConfigResolver::absolute(const std::filesystem::path& path,
                                               const std::filesystem::path& cwd) {
  std::filesystem::path out;
  if (path.empty() || path.is_absolute() || !cwd.is_absolute()) {
    std::error_code ec;
    out = std::filesystem::absolute(path, ec);
    if (ec) out = path;
  } else {
    out = cwd / path;
  }
  return is_lexically_normal(out.native()) ? out : out.lexically_normal();
}

// The nearest directory at or above `directory` with a configuration file; each directory on
// the way is cached, so a tree of files costs one lookup per directory.
std::optional<std::filesystem::path> ConfigResolver::find_config(
    const std::filesystem::path& directory) {
  if (auto it = directories_.find(directory.native()); it != directories_.end()) return it->second;
  std::optional<std::filesystem::path> found;
  std::error_code ec;
  for (const char* name : kConfigFileNames) {
    const std::filesystem::path candidate = directory / name;
    if (!std::filesystem::is_regular_file(candidate, ec)) continue;
    if (found) {
      pending_warnings_.push_back("both '" + display_path(*found) + "' and '" +
                                  display_path(candidate) + "' exist; using '" +
                                  found->filename().string() + "'");
      break;
    }
    found = candidate;
  }
  if (!found && directory.has_parent_path() && directory.parent_path() != directory)
    found = find_config(directory.parent_path());
  directories_[directory.native()] = found;
  return found;
}

std::shared_ptr<const ConfigChain> ConfigResolver::chain_for(
    const std::filesystem::path& config_file) {
  std::vector<ConfigError> errors;
  std::shared_ptr<const ConfigChain> chain = loader_.load(config_file, errors);
  for (ConfigError& error : errors) {
    failed_ = true;
    if (reported_.insert(error).second) pending_errors_.push_back(std::move(error));
  }
  return chain;
}

std::optional<std::filesystem::path> ConfigResolver::config_file_for(
    const std::filesystem::path& directory) {
  return config_file_for_absolute(absolute(directory, cwd_));
}

std::optional<std::filesystem::path> ConfigResolver::config_file_for_absolute(
    const std::filesystem::path& directory) {
  std::lock_guard lock(mutex_);
  switch (mode_) {
    case Mode::none:
      return std::nullopt;
    case Mode::explicit_file:
      return config_file_;
    case Mode::discover:
      break;
  }
  return find_config(directory);
}

std::shared_ptr<const EffectiveConfig> ConfigResolver::resolve(const std::filesystem::path& path) {
  if (mode_ == Mode::none) return defaults_;
  const std::filesystem::path file = absolute(path, cwd_);
  const std::optional<std::filesystem::path> config_file =
      config_file_for_absolute(file.parent_path());
  std::lock_guard lock(mutex_);
  if (!config_file) return defaults_;
  const std::shared_ptr<const ConfigChain> chain = chain_for(*config_file);
  if (!chain) return nullptr;
  auto key = std::pair(*config_file, matching_overrides(*chain, file));
  auto it = effective_.find(key);
  if (it == effective_.end()) {
    auto config = std::make_shared<const EffectiveConfig>(effective_config(*chain, key.second));
    it = effective_.emplace(std::move(key), std::move(config)).first;
  }
  return it->second;
}

bool ConfigResolver::excluded(const std::filesystem::path& path) {
  if (mode_ == Mode::none) return false;  // nothing to read the exclusions from
  const std::filesystem::path absolute_path = absolute(path, cwd_);
  const std::optional<std::filesystem::path> config_file =
      config_file_for_absolute(absolute_path.parent_path());
  std::lock_guard lock(mutex_);
  if (!config_file) return false;
  const std::shared_ptr<const ConfigChain> chain = chain_for(*config_file);
  if (!chain) return false;
  for (const ConfigChain::File& file : chain->files)
    for (const PathPattern& pattern : file.parsed->exclude)
      if (pattern.matches(absolute_path)) return true;
  return false;
}

std::vector<ConfigError> ConfigResolver::take_errors() {
  std::lock_guard lock(mutex_);
  std::vector<ConfigError> out = std::move(pending_errors_);
  pending_errors_.clear();
  sort_unique(out);
  return out;
}

std::vector<std::string> ConfigResolver::take_warnings() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out = std::move(pending_warnings_);
  pending_warnings_.clear();
  return out;
}

bool ConfigResolver::failed() const {
  std::lock_guard lock(mutex_);
  return failed_;
}

}  // namespace hanmark
