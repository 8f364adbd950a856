#include "userrules/rule_file.h"

#include <algorithm>

#include "core/nearest_name.h"
#include "userrules/rule_table.h"

namespace hanmark::userrules {

std::string format_problem(const Problem& problem) {
  std::string out = problem.source;
  if (problem.pos.line > 0) {
    out += ":" + std::to_string(problem.pos.line);
    if (problem.pos.column > 0) out += ":" + std::to_string(problem.pos.column);
  }
  return out + ": error: " + problem.message;
}

std::string_view to_string(RuleType type) {
  switch (type) {
    case RuleType::existence:
      return "existence";
    case RuleType::substitution:
      return "substitution";
    case RuleType::consistency:
      return "consistency";
  }
  return "existence";
}

void RuleLoader::load(std::string_view toml_text, const std::string& source) {
  const size_t first = problems_.size();
  toml::table document;
  try {
    document = toml::parse(toml_text, std::string_view(source));
  } catch (const toml::parse_error& error) {
    // toml++ says "Error while parsing string: …"; messages here start in lower case.
    std::string message(error.description());
    constexpr std::string_view kPrefix = "Error while parsing ";
    message = message.starts_with(kPrefix)
                  ? "invalid TOML while parsing " + message.substr(kPrefix.size())
                  : "invalid TOML: " + message;
    problems_.push_back(
        {source, {error.source().begin.line, error.source().begin.column}, message});
    return;
  }
  const TomlSource toml_source{source, toml_text};
  for (auto&& [key, node] : document) {
    if (key.str() == "rule") continue;
    const std::string hint = nearest_name(std::string(key.str()), {"rule"});
    problems_.push_back({source,
                         {key.source().begin.line, key.source().begin.column},
                         "unknown key '" + std::string(key.str()) +
                             "' (a rule file holds [[rule]] "
                             "tables)" +
                             (hint.empty() ? "" : "; did you mean 'rule'?")});
  }
  if (const toml::node* rules = document.get("rule")) {
    const toml::array* array = rules->as_array();
    if (!array || !array->is_array_of_tables()) {
      problems_.push_back({source,
                           {rules->source().begin.line, rules->source().begin.column},
                           "'rule' must be an array of tables: write each rule as [[rule]]"});
    } else {
      for (const toml::node& table : *array) {
        if (auto spec = parse_rule_table(*table.as_table(), toml_source, problems_))
          add(std::move(*spec));
      }
    }
  }
  // toml++ iterates keys in sorted order: report in file order instead.
  std::stable_sort(problems_.begin() + static_cast<ptrdiff_t>(first), problems_.end(),
                   [](const Problem& a, const Problem& b) {
                     return std::pair(a.pos.line, a.pos.column) <
                            std::pair(b.pos.line, b.pos.column);
                   });
}

void RuleLoader::add(RuleSpec spec) {
  if (std::find(reserved_.begin(), reserved_.end(), spec.id) != reserved_.end()) {
    problems_.push_back({spec.source, spec.id_pos,
                         "rule id '" + spec.id + "' is taken by a built-in rule or category"});
    return;
  }
  for (const RuleSpec& other : specs_) {
    if (other.id != spec.id) continue;
    problems_.push_back({spec.source, spec.id_pos,
                         "duplicate rule id '" + spec.id + "' (first defined at " + other.source +
                             ":" + std::to_string(other.id_pos.line) + ":" +
                             std::to_string(other.id_pos.column) + ")"});
    return;
  }
  specs_.push_back(std::move(spec));
}

}  // namespace hanmark::userrules
