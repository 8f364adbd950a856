// The configuration that applies to one file: its configuration chain folded in order, with the
// [[overrides]] entries whose paths match the file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config_chain.h"
#include "config/parsed_config.h"
#include "config/path_pattern.h"
#include "config/settings.h"
#include "engine/diagnostic.h"

namespace hanmark {

// Words and personal dictionaries for the spellers. Files with equal settings can share one
// SpellResources (see spell_options() in config/spell_settings.h).
struct SpellSettings {
  std::vector<std::string> words;        // in order, without duplicates
  std::vector<Dictionary> dictionaries;  // in order, without duplicates

  bool empty() const { return words.empty() && dictionaries.empty(); }
  friend auto operator<=>(const SpellSettings&, const SpellSettings&) = default;
};

struct EffectiveConfig {
  // What contributed, in the order applied (nearest last): each config file, and each
  // [[overrides]] entry that matched ("path:14 [[overrides]] #2"). Empty: no configuration.
  std::vector<std::string> sources;
  std::vector<std::filesystem::path> files;  // the config files among `sources`

  std::vector<PathPattern> exclude;  // of every file in the chain
  std::optional<Severity> fail_on;
  std::vector<std::filesystem::path> rule_files;  // absolute, in order
  std::vector<InlineRule> inline_rules;           // in order
  std::optional<std::string> front_matter_title_key;

  std::vector<SelectionLayer> selection;  // one per layer, in order
  // Severity and options by rule id, merged key by key (the later layer wins).
  std::map<std::string, RuleSettings, std::less<>> rules;
  std::map<std::string, Severity, std::less<>> category_severities;
  SpellSettings spelling;

  // True when `path` (absolute, lexically normal) matches an `exclude` glob, or is inside a
  // directory that does.
  bool excluded(const std::filesystem::path& path) const;
};

// The configuration for the file at `path` (absolute, lexically normal) under `chain`.
EffectiveConfig effective_config(const ConfigChain& chain, const std::filesystem::path& path);

// Which [[overrides]] entries of `chain` match `path`: one flag per entry, in chain order.
std::vector<bool> matching_overrides(const ConfigChain& chain, const std::filesystem::path& path);

// The configuration of `chain` with the [[overrides]] entries flagged in `matched`.
EffectiveConfig effective_config(const ConfigChain& chain, const std::vector<bool>& matched);

}  // namespace hanmark
