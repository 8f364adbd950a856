// Rule options: what a rule declares (name, default, type, accepted values) and the values a
// configuration gives them.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hanmark {

enum class OptionType { automatic, boolean, integer, string, string_list };

struct RuleOption {
  std::string_view name;           // kebab-case, the key in [rules.<rule-id>]
  std::string_view default_value;  // as text: "true", "2", "title"; a list's items joined by ','
  std::string_view description;
  // Accepted values of a string option, separated by '|' ("auto|title|headings"); empty: any.
  std::string_view choices = {};
  // Accepted range of an integer option.
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
  // automatic: "true"/"false" is a boolean, an integer is an integer, anything else a string.
  OptionType type = OptionType::automatic;
};

// The option's type, with `automatic` resolved from its default value.
OptionType option_type(const RuleOption& option);
std::string_view to_string(OptionType type);  // "a boolean", "an integer", …
// The option's accepted string values (its `choices` split at '|'); empty when any is accepted.
std::vector<std::string_view> option_choices(const RuleOption& option);

using RuleOptionValue = std::variant<bool, int64_t, std::string, std::vector<std::string>>;

// The option's default, parsed into its type.
RuleOptionValue default_value(const RuleOption& option);
// TOML-like text of a value: true, 42, "title", ["a", "b"].
std::string to_text(const RuleOptionValue& value);

// Option values for one rule, by option name. Only options the rule declares, each of its type
// (the configuration checks that before a rule sees them).
class RuleOptionValues {
 public:
  void set(std::string name, RuleOptionValue value) { values_[std::move(name)] = std::move(value); }
  bool empty() const { return values_.empty(); }
  const RuleOptionValue* find(std::string_view name) const;
  const std::map<std::string, RuleOptionValue, std::less<>>& all() const { return values_; }

  // The value of `name` when it is set and of type T, else `fallback`.
  template <typename T>
  T get(std::string_view name, T fallback) const {
    if (const RuleOptionValue* value = find(name))
      if (const T* typed = std::get_if<T>(value)) return *typed;
    return fallback;
  }

  friend bool operator==(const RuleOptionValues&, const RuleOptionValues&) = default;

 private:
  std::map<std::string, RuleOptionValue, std::less<>> values_;
};

}  // namespace hanmark
