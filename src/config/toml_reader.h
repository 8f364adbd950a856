// Reads one TOML table of a configuration file the strict way: each key is asked for by name
// with its expected type; wrong types are reported where the value is, and every key that was
// not asked for is reported as unknown, with a did-you-mean hint.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/config_error.h"
#include "config/parsed_config.h"

namespace hanmark {

// Collects errors for one file.
class ErrorList {
 public:
  ErrorList(std::string path, std::vector<ConfigError>& out) : path_(std::move(path)), out_(out) {}
  void add(const toml::source_position& at, std::string message);
  void add(const Named& at, std::string message);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<ConfigError>& out_;
};

// "a string", "an integer", "a table", …
std::string_view type_name(const toml::node& node);
Named named(std::string name, const toml::source_position& at);

class TomlReader {
 public:
  // `where` names the table in messages: "[rules]", "[overrides.spelling]"; empty: the top level.
  TomlReader(const toml::table& table, std::string where, ErrorList& errors)
      : table_(table), where_(std::move(where)), errors_(errors) {}

  // The node of `key` (marking it known), or nullptr when absent.
  const toml::node* node(std::string_view key);
  std::optional<std::string> string(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  // "info", "warning" or "error".
  std::optional<Severity> severity(std::string_view key);
  // Each string with its place; nullopt when absent or not an array (non-strings are reported
  // and left out).
  std::optional<std::vector<Named>> strings(std::string_view key);
  const toml::table* table(std::string_view key);
  // An array whose elements are all tables; nullopt when absent or wrong.
  std::optional<std::vector<const toml::table*>> tables(std::string_view key);

  // Reports "wrong type for 'key' in [where]: expected …, found …" at the value.
  void wrong_type(std::string_view key, const toml::node& value, std::string_view expected);
  // Reports an invalid value at `at`: "invalid value 'x' for 'key' in [where]; expected …".
  void invalid_value(std::string_view key, const Named& value, std::string_view expected,
                     const std::vector<std::string>& choices = {});

  // Reports every key not asked for by the calls above; hints come from those names. `note` is
  // added to a message without a hint ("; rule 'josa' has no options").
  void report_unknown_keys(std::string_view note = {});
  // Marks `key` as handled by the caller.
  void accept(std::string_view key) { known_.insert(std::string(key)); }

  const std::string& where() const { return where_; }
  // " in [where]" or "" at the top level.
  std::string in_where() const { return where_.empty() ? "" : " in " + where_; }
  ErrorList& errors() { return errors_; }

 private:
  const toml::table& table_;
  std::string where_;
  ErrorList& errors_;
  std::set<std::string, std::less<>> known_;
  std::vector<std::string> asked_;  // every name asked for, for hints
};

}  // namespace hanmark
