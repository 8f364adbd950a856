// What one layer of configuration sets: a config file's top level, or one [[overrides]] entry.
// Layers are applied in order (extended files first, a file's overrides right after it).
#pragma once

#include <compare>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule_options.h"

namespace hanmark {

// Which rules run, as one layer sets it. Applied over the rules chosen by the layers before:
// `select` replaces that set, `extend_select` adds to it, `ignore` removes from it; `enable` and
// `disable` are the names whose [rules.<name>] table says `enabled = true` / `false`. Names are
// rule ids or category names; within a layer a rule id beats a category name, and at the same
// level removing beats adding (see docs/configuration.md).
struct SelectionLayer {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
};

// A rule's settings: merged key by key, a later layer winning.
struct RuleSettings {
  std::optional<Severity> severity;
  RuleOptionValues options;
};

// A personal dictionary named by `[spelling] dictionaries`, read when the config is loaded.
struct Dictionary {
  std::filesystem::path path;  // absolute
  std::string content;         // hunspell personal-dictionary format: `word` or `word/model` lines

  friend auto operator<=>(const Dictionary&, const Dictionary&) = default;
};

struct SettingsLayer {
  SelectionLayer selection;
  std::map<std::string, RuleSettings, std::less<>> rules;  // by rule id
  std::map<std::string, Severity, std::less<>> category_severities;
  std::vector<std::string> words;
  std::vector<Dictionary> dictionaries;
};

}  // namespace hanmark
