#include "config/config_chain.h"

#include <algorithm>

#include "config/layer_validation.h"
#include "config/toml_reader.h"

namespace hanmark {

std::shared_ptr<const ParsedConfig> ConfigLoader::parsed(const std::filesystem::path& path,
                                                         std::vector<ConfigError>& errors) {
  auto it = parsed_.find(path);
  if (it == parsed_.end()) {
    std::vector<ConfigError> found;
    std::shared_ptr<const ParsedConfig> config = read_config(path, found);
    it = parsed_.emplace(path, std::pair(std::move(config), std::move(found))).first;
  }
  errors.insert(errors.end(), it->second.second.begin(), it->second.second.end());
  return it->second.first;
}

// Depth first: the files `config` extends, in order, then `config`. `stack` holds the files
// being collected, to find cycles.
void ConfigLoader::collect(const std::shared_ptr<const ParsedConfig>& config,
                           std::vector<std::filesystem::path>& stack,
                           std::vector<std::shared_ptr<const ParsedConfig>>& out,
                           std::vector<ConfigError>& errors) {
  stack.push_back(config->path);
  ErrorList list(config->display_path, errors);
  for (const Named& extended : config->extends) {
    const std::filesystem::path path = (config->directory() / extended.name).lexically_normal();
    if (const auto at = std::find(stack.begin(), stack.end(), path); at != stack.end()) {
      std::string cycle;
      for (auto it = at; it != stack.end(); ++it) cycle += display_path(*it) + " -> ";
      list.add(extended, "'extends' cycle: " + cycle + display_path(path));
      continue;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      list.add(extended, "cannot read extended configuration '" + extended.name + "': " +
                             (std::filesystem::exists(path, ec) ? "not a file" : "no such file"));
      continue;
    }
    const bool seen =
        std::any_of(out.begin(), out.end(), [&](const auto& c) { return c->path == path; });
    if (seen) continue;
    if (std::shared_ptr<const ParsedConfig> base = parsed(path, errors))
      collect(base, stack, out, errors);
  }
  stack.pop_back();
  out.push_back(config);
}

ConfigLoader::Loaded ConfigLoader::load_uncached(const std::filesystem::path& path) {
  Loaded loaded;
  std::vector<ConfigError>& errors = loaded.errors;
  const std::shared_ptr<const ParsedConfig> root = parsed(path, errors);
  if (!root) return loaded;
  std::vector<std::filesystem::path> stack;
  std::vector<std::shared_ptr<const ParsedConfig>> files;
  collect(root, stack, files, errors);

  RuleCatalog catalog = catalog_;
  if (user_rule_ids_) {
    UserRuleSources sources;
    for (const auto& file : files) {
      sources.rule_files.insert(sources.rule_files.end(), file->rule_files.begin(),
                                file->rule_files.end());
      sources.inline_rules.insert(sources.inline_rules.end(), file->inline_rules.begin(),
                                  file->inline_rules.end());
    }
    catalog = catalog.with_user_rules(user_rule_ids_(sources, errors));
  }

  auto chain = std::make_shared<ConfigChain>();
  for (const auto& file : files) {
    ErrorList list(file->display_path, errors);
    ConfigChain::File checked{file, validate_layer(file->top, "rules", catalog, list), {}};
    for (const RawOverride& entry : file->overrides)
      checked.overrides.push_back(validate_layer(entry.layer, "overrides.rules", catalog, list));
    chain->files.push_back(std::move(checked));
  }
  sort_unique(errors);
  if (errors.empty()) loaded.chain = std::move(chain);
  return loaded;
}

std::shared_ptr<const ConfigChain> ConfigLoader::load(const std::filesystem::path& path,
                                                      std::vector<ConfigError>& errors) {
  const std::filesystem::path key = path.lexically_normal();
  auto it = chains_.find(key);
  if (it == chains_.end()) it = chains_.emplace(key, load_uncached(key)).first;
  errors.insert(errors.end(), it->second.errors.begin(), it->second.errors.end());
  return it->second.chain;
}

}  // namespace hanmark
