#include "config/effective_config.h"

#include <algorithm>

namespace hanmark {

namespace {

template <typename T>
void append_new(std::vector<T>& to, const std::vector<T>& items) {
  for (const T& item : items)
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
}

void apply(const SettingsLayer& layer, EffectiveConfig& out) {
  out.selection.push_back(layer.selection);
  for (const auto& [name, settings] : layer.rules) {
    RuleSettings& merged = out.rules[name];
    if (settings.severity) merged.severity = settings.severity;
    for (const auto& [option, value] : settings.options.all()) merged.options.set(option, value);
  }
  for (const auto& [category, severity] : layer.category_severities)
    out.category_severities[category] = severity;
  append_new(out.spelling.words, layer.words);
  append_new(out.spelling.dictionaries, layer.dictionaries);
}

bool matches_any(const std::vector<PathPattern>& patterns, const std::filesystem::path& path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const PathPattern& p) { return p.matches(path); });
}

}  // namespace

bool EffectiveConfig::excluded(const std::filesystem::path& path) const {
  return matches_any(exclude, path);
}

std::vector<bool> matching_overrides(const ConfigChain& chain, const std::filesystem::path& path) {
  std::vector<bool> matched;
  for (const ConfigChain::File& file : chain.files)
    for (const RawOverride& entry : file.parsed->overrides)
      matched.push_back(matches_any(entry.paths, path));
  return matched;
}

EffectiveConfig effective_config(const ConfigChain& chain, const std::vector<bool>& matched) {
  EffectiveConfig out;
  size_t index = 0;
  for (const ConfigChain::File& file : chain.files) {
    const ParsedConfig& parsed = *file.parsed;
    out.sources.push_back(parsed.display_path);
    out.files.push_back(parsed.path);
    out.exclude.insert(out.exclude.end(), parsed.exclude.begin(), parsed.exclude.end());
    if (parsed.fail_on) out.fail_on = parsed.fail_on;
    append_new(out.rule_files, parsed.rule_files);
    out.inline_rules.insert(out.inline_rules.end(), parsed.inline_rules.begin(),
                            parsed.inline_rules.end());
    if (parsed.front_matter_title_key) out.front_matter_title_key = parsed.front_matter_title_key;
    apply(file.top, out);
    for (size_t i = 0; i < file.overrides.size(); ++i, ++index) {
      if (index >= matched.size() || !matched[index]) continue;
      out.sources.push_back(parsed.display_path + ":" + std::to_string(parsed.overrides[i].line) +
                            " [[overrides]] #" + std::to_string(i + 1));
      apply(file.overrides[i], out);
    }
  }
  return out;
}

EffectiveConfig effective_config(const ConfigChain& chain, const std::filesystem::path& path) {
  return effective_config(chain, matching_overrides(chain, path));
}

}  // namespace hanmark
