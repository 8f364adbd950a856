#include "config/render_config.h"

#include <sstream>

#include "config/configured_rules.h"
#include "config/parsed_config.h"
#include "config/rule_selection.h"

namespace hanmark {

namespace {

std::string quoted(std::string_view text) {
  return to_text(RuleOptionValue(std::string(text)));
}

std::string string_array(const std::vector<std::string>& items) {
  return to_text(RuleOptionValue(items));
}

// A long list, one item a line.
void write_list(std::ostream& out, std::string_view key, const std::vector<std::string>& items,
                const std::vector<std::string>& comments = {}) {
  if (items.size() <= 1 && comments.empty()) {
    out << key << " = " << string_array(items) << '\n';
    return;
  }
  out << key << " = [\n";
  for (size_t i = 0; i < items.size(); ++i) {
    out << "  " << quoted(items[i]) << ',';
    if (i < comments.size() && !comments[i].empty()) out << "  # " << comments[i];
    out << '\n';
  }
  out << "]\n";
}

std::string directory_of(const std::filesystem::path& base) {
  std::string shown = display_path(base);
  if (shown == ".") return "./";
  return shown.ends_with('/') ? shown : shown + "/";
}

}  // namespace

std::string render_effective_config(const EffectiveConfig& config,
                                    const std::vector<const RuleInfo*>& rules,
                                    std::string_view file) {
  std::ostringstream out;
  out << "# hanmark configuration for " << file << '\n';
  if (config.sources.empty()) {
    out << "# no configuration file: the defaults\n";
  } else {
    out << "# from, in the order applied (nearest last):\n";
    for (const std::string& source : config.sources) out << "#   " << source << '\n';
  }
  out << '\n';

  out << "fail-on = " << quoted(to_string(config.fail_on.value_or(Severity::warning)))
      << (config.fail_on ? "" : "  # default (the command line's --fail-on wins)") << '\n';
  std::vector<std::string> globs, bases;
  for (const PathPattern& pattern : config.exclude) {
    globs.push_back(pattern.text());
    bases.push_back("in " + directory_of(pattern.base()));
  }
  write_list(out, "exclude", globs, bases);
  std::vector<std::string> rule_files;
  for (const auto& path : config.rule_files) rule_files.push_back(display_path(path));
  write_list(out, "rule-files", rule_files);
  for (const InlineRule& rule : config.inline_rules)
    out << "# [[rule]] at " << display_path(rule.config) << ':' << rule.table->source().begin.line
        << '\n';

  out << "\n[rules]\n";
  const std::vector<bool> on = selected_rules(rules, config.selection);
  std::vector<std::string> running;
  for (size_t i = 0; i < rules.size(); ++i)
    if (on[i]) running.emplace_back(rules[i]->id);
  write_list(out, "select", running);

  for (const auto& [category, severity] : config.category_severities)
    out << "\n[rules." << category << "]\nseverity = " << quoted(to_string(severity)) << '\n';
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& info = *rules[i];
    const Severity severity = effective_severity(config, info);
    if (!on[i] || (info.options.empty() && severity == info.default_severity)) continue;
    out << "\n[rules." << info.id << "]\n";
    out << "severity = " << quoted(to_string(severity))
        << (severity == info.default_severity ? "  # default" : "") << '\n';
    const RuleOptionValues values = effective_options(config, info);
    for (const RuleOption& option : info.options) {
      const RuleOptionValue* value = values.find(option.name);
      out << option.name << " = " << to_text(value ? *value : default_value(option))
          << (value ? "" : "  # default") << '\n';
    }
  }

  out << "\n[spelling]\n";
  write_list(out, "words", config.spelling.words);
  std::vector<std::string> dictionaries;
  for (const Dictionary& dictionary : config.spelling.dictionaries)
    dictionaries.push_back(display_path(dictionary.path));
  write_list(out, "dictionaries", dictionaries);

  out << "\n[front-matter]\n";
  if (config.front_matter_title_key) {
    out << "title-key = " << quoted(*config.front_matter_title_key) << '\n';
  } else {
    out << "title-key = \"title\"  # default\n";
  }
  return out.str();
}

}  // namespace hanmark
