#include "engine/rule_options.h"

#include <charconv>

namespace hanmark {

namespace {

std::optional<int64_t> parse_integer(std::string_view text) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  if (text.empty()) return parts;
  while (true) {
    const size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

OptionType option_type(const RuleOption& option) {
  if (option.type != OptionType::automatic) return option.type;
  if (option.default_value == "true" || option.default_value == "false") return OptionType::boolean;
  if (parse_integer(option.default_value)) return OptionType::integer;
  return OptionType::string;
}

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::boolean:
      return "a boolean";
    case OptionType::integer:
      return "an integer";
    case OptionType::string_list:
      return "an array of strings";
    case OptionType::automatic:
    case OptionType::string:
      break;
  }
  return "a string";
}

std::vector<std::string_view> option_choices(const RuleOption& option) {
  return split(option.choices, '|');
}

RuleOptionValue default_value(const RuleOption& option) {
  switch (option_type(option)) {
    case OptionType::boolean:
      return option.default_value == "true";
    case OptionType::integer:
      return parse_integer(option.default_value).value_or(0);
    case OptionType::string_list: {
      std::vector<std::string> items;
      for (std::string_view item : split(option.default_value, ',')) items.emplace_back(item);
      return items;
    }
    case OptionType::automatic:
    case OptionType::string:
      break;
  }
  return std::string(option.default_value);
}

std::string to_text(const RuleOptionValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const int64_t* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  if (const std::string* s = std::get_if<std::string>(&value)) return quoted(*s);
  std::string out = "[";
  for (const std::string& item : std::get<std::vector<std::string>>(value)) {
    if (out.size() > 1) out += ", ";
    out += quoted(item);
  }
  return out + "]";
}

const RuleOptionValue* RuleOptionValues::find(std::string_view name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

}  // namespace hanmark
