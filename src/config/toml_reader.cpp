#include "config/toml_reader.h"

#include "config/did_you_mean.h"
#include "core/toml_types.h"

namespace hanmark {

void ErrorList::add(const toml::source_position& at, std::string message) {
  out_.push_back({path_, at.line, at.column, std::move(message)});
}

void ErrorList::add(const Named& at, std::string message) {
  out_.push_back({path_, at.line, at.column, std::move(message)});
}

Named named(std::string name, const toml::source_position& at) {
  return {std::move(name), at.line, at.column};
}

const toml::node* TomlReader::node(std::string_view key) {
  known_.insert(std::string(key));
  asked_.emplace_back(key);
  return table_.get(key);
}

std::optional<std::string> TomlReader::string(std::string_view key) {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  if (const auto* s = value->as_string()) return s->get();
  wrong_type(key, *value, "a string");
  return std::nullopt;
}

std::optional<bool> TomlReader::boolean(std::string_view key) {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  if (const auto* b = value->as_boolean()) return b->get();
  wrong_type(key, *value, "a boolean");
  return std::nullopt;
}

std::optional<std::vector<Named>> TomlReader::strings(std::string_view key) {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  const toml::array* array = value->as_array();
  if (!array) {
    wrong_type(key, *value, "an array of strings");
    return std::nullopt;
  }
  std::vector<Named> out;
  for (const toml::node& element : *array) {
    if (const auto* s = element.as_string()) {
      out.push_back(named(s->get(), element.source().begin));
    } else {
      errors_.add(element.source().begin, "wrong type for an element of '" + std::string(key) +
                                              "'" + in_where() + ": expected a string, found " +
                                              std::string(toml_type_name(element)));
    }
  }
  return out;
}

std::optional<Severity> TomlReader::severity(std::string_view key) {
  static const std::vector<std::string> kSeverities = {"info", "warning", "error"};
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  const auto* text = value->as_string();
  if (!text) {
    wrong_type(key, *value, "a string ('info', 'warning' or 'error')");
    return std::nullopt;
  }
  Severity out;
  if (parse_severity(text->get(), out)) return out;
  invalid_value(key, named(text->get(), value->source().begin), "'info', 'warning' or 'error'",
                kSeverities);
  return std::nullopt;
}

const toml::table* TomlReader::table(std::string_view key) {
  const toml::node* value = node(key);
  if (!value) return nullptr;
  if (const auto* t = value->as_table()) return t;
  wrong_type(key, *value, "a table");
  return nullptr;
}

std::optional<std::vector<const toml::table*>> TomlReader::tables(std::string_view key) {
  const toml::node* value = node(key);
  if (!value) return std::nullopt;
  const toml::array* array = value->as_array();
  if (!array || (!array->empty() && !array->is_array_of_tables())) {
    wrong_type(key, *value, "an array of tables ([[" + std::string(key) + "]])");
    return std::nullopt;
  }
  std::vector<const toml::table*> out;
  for (const toml::node& element : *array) out.push_back(element.as_table());
  return out;
}

void TomlReader::wrong_type(std::string_view key, const toml::node& value,
                            std::string_view expected) {
  errors_.add(value.source().begin, "wrong type for '" + std::string(key) + "'" + in_where() +
                                        ": expected " + std::string(expected) + ", found " +
                                        std::string(toml_type_name(value)));
}

void TomlReader::invalid_value(std::string_view key, const Named& value, std::string_view expected,
                               const std::vector<std::string>& choices) {
  errors_.add(value, "invalid value '" + value.name + "' for '" + std::string(key) + "'" +
                         in_where() + "; expected " + std::string(expected) +
                         did_you_mean_hint(value.name, choices));
}

void TomlReader::report_unknown_keys(std::string_view note) {
  for (auto&& [key, value] : table_) {
    if (known_.contains(key.str())) continue;
    const std::string hint = did_you_mean_hint(key.str(), asked_);
    errors_.add(key.source().begin, "unknown key '" + std::string(key.str()) + "'" +
                                        (where_.empty() ? " at the top level" : in_where()) +
                                        (hint.empty() ? std::string(note) : hint));
  }
}

}  // namespace hanmark
