#include "config/layer_validation.h"

#include <algorithm>

#include "config/did_you_mean.h"

namespace hanmark {

namespace {

std::string quoted_list(const std::vector<std::string_view>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += "'" + std::string(items[i]) + "'";
  }
  return out;
}

std::string range_text(const RuleOption& option) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (option.min != kMin && option.max != kMax)
    return "an integer from " + std::to_string(option.min) + " to " + std::to_string(option.max);
  if (option.min != kMin) return "an integer of at least " + std::to_string(option.min);
  return "an integer of at most " + std::to_string(option.max);
}

// The option's value from `node`, checked against its declaration; nullopt after an error.
std::optional<RuleOptionValue> option_value(const RuleOption& option, const toml::node& node,
                                            TomlReader& reader) {
  const std::string name(option.name);
  const OptionType type = option_type(option);
  switch (type) {
    case OptionType::boolean:
      if (const auto* b = node.as_boolean()) return b->get();
      break;
    case OptionType::integer:
      if (const auto* i = node.as_integer()) {
        if (i->get() >= option.min && i->get() <= option.max) return i->get();
        reader.invalid_value(name, named(std::to_string(i->get()), node.source().begin),
                             range_text(option));
        return std::nullopt;
      }
      break;
    case OptionType::string_list:
      if (const auto* array = node.as_array();
          array && (array->empty() || array->is_homogeneous<std::string>())) {
        std::vector<std::string> items;
        for (const toml::node& item : *array) items.push_back(item.as_string()->get());
        return items;
      }
      break;
    case OptionType::automatic:
    case OptionType::string:
      if (const auto* s = node.as_string()) {
        const std::vector<std::string_view> choices = option_choices(option);
        if (choices.empty() || std::find(choices.begin(), choices.end(), s->get()) != choices.end())
          return s->get();
        reader.invalid_value(name, named(s->get(), node.source().begin),
                             "one of " + quoted_list(choices),
                             std::vector<std::string>(choices.begin(), choices.end()));
        return std::nullopt;
      }
      break;
  }
  reader.wrong_type(name, node, to_string(type));
  return std::nullopt;
}

class LayerValidator {
 public:
  LayerValidator(const std::string& rules_where, const RuleCatalog& catalog, ErrorList& errors)
      : where_(rules_where), catalog_(catalog), errors_(errors), names_(catalog.names()) {}

  SettingsLayer validate(const RawLayer& raw) {
    SettingsLayer out;
    if (raw.select) out.selection.select = names(*raw.select, "select");
    out.selection.extend_select = names(raw.extend_select, "extend-select");
    out.selection.ignore = names(raw.ignore, "ignore");
    for (const RawRuleTable& table : raw.rule_tables) rule_table(table, out);
    out.words = raw.words;
    out.dictionaries = raw.dictionaries;
    return out;
  }

 private:
  bool known(const std::string& name) const {
    return catalog_.is_rule(name) || RuleCatalog::is_category(name);
  }

  void unknown(const Named& name, const std::string& where) {
    errors_.add(name, "unknown rule or category '" + name.name + "'" + where +
                          did_you_mean_hint(name.name, names_));
  }

  std::vector<std::string> names(const std::vector<Named>& list, std::string_view key) {
    std::vector<std::string> out;
    for (const Named& name : list) {
      if (known(name.name)) {
        out.push_back(name.name);
      } else {
        unknown(name, " in '" + std::string(key) + "' of [" + where_ + "]");
      }
    }
    return out;
  }

  void rule_table(const RawRuleTable& table, SettingsLayer& out) {
    const std::string& name = table.name.name;
    if (!known(name)) {
      unknown(table.name, " in [" + where_ + "]");
      return;
    }
    TomlReader reader(*table.table, "[" + where_ + "." + name + "]", errors_);
    RuleSettings settings;
    settings.severity = reader.severity("severity");
    if (const std::optional<bool> enabled = reader.boolean("enabled"))
      (*enabled ? out.selection.enable : out.selection.disable).push_back(name);
    std::string note;
    if (const RuleInfo* info = catalog_.find(name)) {
      for (const RuleOption& option : info->options)
        if (const toml::node* node = reader.node(option.name))
          if (auto value = option_value(option, *node, reader))
            settings.options.set(std::string(option.name), std::move(*value));
      if (info->options.empty())
        note = "; rule '" + name + "' has no options, only 'severity' and 'enabled'";
    } else {
      note = catalog_.is_user_rule(name) ? "; user rules take only 'severity' and 'enabled'"
                                         : "; a category takes only 'severity' and 'enabled'";
    }
    reader.report_unknown_keys(note);
    // TOML allows one table per name, so nothing is overwritten here.
    if (catalog_.is_rule(name)) {
      out.rules[name] = std::move(settings);
    } else if (settings.severity) {
      out.category_severities[name] = *settings.severity;
    }
  }

  std::string where_;
  const RuleCatalog& catalog_;
  ErrorList& errors_;
  std::vector<std::string> names_;
};

}  // namespace

SettingsLayer validate_layer(const RawLayer& raw, const std::string& rules_where,
                             const RuleCatalog& catalog, ErrorList& errors) {
  return LayerValidator(rules_where, catalog, errors).validate(raw);
}

}  // namespace hanmark
