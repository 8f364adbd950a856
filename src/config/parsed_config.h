// One configuration file, read and checked on its own: TOML syntax, the schema's keys and their
// types, globs, files it names. Rule names and rule options are checked later, per chain of
// `extends` (config_chain.h), because user rules declared anywhere in the chain may be named.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/config_error.h"
#include "config/path_pattern.h"
#include "config/settings.h"
#include "engine/diagnostic.h"

namespace hanmark {

// A string from the file with the place it was written.
struct Named {
  std::string name;
  uint32_t line = 0;
  uint32_t column = 0;
};

// A `[[rule]]` table: a declarative user rule written in the config file itself, for the user
// rule loader (userrules::parse_rule_table takes the table and the file's text). The table lives
// as long as `document`.
struct InlineRule {
  std::filesystem::path config;             // the file that declares it
  std::string display_path;                 // its name in messages
  std::shared_ptr<const std::string> text;  // the file's TOML text
  std::shared_ptr<const toml::table> document;
  const toml::table* table = nullptr;
};

// [rules.<name>] as written, checked once the chain's rule names are known.
struct RawRuleTable {
  Named name;
  const toml::table* table = nullptr;  // in ParsedConfig::document
};

// [rules] and [spelling] of the top level or of one [[overrides]] entry.
struct RawLayer {
  std::optional<std::vector<Named>> select;
  std::vector<Named> extend_select;
  std::vector<Named> ignore;
  std::vector<RawRuleTable> rule_tables;
  std::vector<std::string> words;
  std::vector<Dictionary> dictionaries;
};

struct RawOverride {
  std::vector<PathPattern> paths;
  RawLayer layer;
  uint32_t line = 0;  // where the [[overrides]] entry starts
};

struct ParsedConfig {
  std::filesystem::path path;  // absolute, lexically normal
  std::string display_path;    // for messages
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const toml::table> document;
  std::vector<Named> extends;  // as written, relative to the file's directory
  std::vector<PathPattern> exclude;
  std::optional<Severity> fail_on;
  std::vector<std::filesystem::path> rule_files;  // absolute
  std::vector<InlineRule> inline_rules;
  std::optional<std::string> front_matter_title_key;
  RawLayer top;
  std::vector<RawOverride> overrides;

  std::filesystem::path directory() const { return path.parent_path(); }
};

// How paths of configuration files appear in messages: relative to the working directory when
// they are below it, else absolute.
std::string display_path(const std::filesystem::path& absolute);

// Parses `text` as the configuration file at `path` (absolute). Errors go to `errors`; the result
// is null when the TOML itself cannot be parsed, else it holds everything that was valid.
std::shared_ptr<ParsedConfig> parse_config(const std::filesystem::path& path, std::string_view text,
                                           std::vector<ConfigError>& errors);

// Reads and parses the file at `path` (absolute); null when it cannot be read or parsed.
std::shared_ptr<ParsedConfig> read_config(const std::filesystem::path& path,
                                          std::vector<ConfigError>& errors);

}  // namespace hanmark
