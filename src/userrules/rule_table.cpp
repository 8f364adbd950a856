#include "userrules/rule_table.h"

#include <algorithm>
#include <utility>

#include "core/nearest_name.h"
#include "core/toml_types.h"
#include "core/utf8.h"
#include "userrules/message_template.h"
#include "userrules/regex.h"
#include "userrules/word_matcher.h"

namespace hanmark::userrules {

namespace {

constexpr std::string_view kCommonKeys[] = {"id",      "type",    "message",     "summary",
                                            "help",    "scope",   "ignore-case", "severity",
                                            "enabled", "examples"};

struct TypeKeys {
  RuleType type;
  std::string_view name;
  std::vector<std::string_view> keys;
};

const std::vector<TypeKeys>& type_keys() {
  static const std::vector<TypeKeys> types = {
      {RuleType::existence, "existence", {"words", "patterns", "suffix"}},
      {RuleType::substitution, "substitution", {"swap", "fix", "suffix"}},
      {RuleType::consistency, "consistency", {"forms", "suffix"}},
  };
  return types;
}

SourcePos pos_of(const toml::source_region& region) {
  return {region.begin.line, region.begin.column};
}

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != id.npos) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

struct Located {
  std::string text;
  SourcePos pos;
};

class RuleReader {
 public:
  RuleReader(const toml::table& table, const TomlSource& source, std::vector<Problem>& problems)
      : table_(table), source_(source), problems_(problems), first_problem_(problems.size()) {}

  std::optional<RuleSpec> read() {
    spec_.source = source_.name;
    spec_.pos = pos_of(table_.source());
    const bool typed = read_type();
    check_keys(typed);
    read_id();
    read_common();
    if (typed) {
      switch (spec_.type) {
        case RuleType::existence:
          read_existence();
          break;
        case RuleType::substitution:
          read_substitution();
          break;
        case RuleType::consistency:
          read_consistency();
          break;
      }
      read_examples();
    }
    if (problems_.size() > first_problem_) return std::nullopt;
    return std::move(spec_);
  }

 private:
  void problem(SourcePos pos, std::string message) {
    problems_.push_back({source_.name, pos, std::move(message)});
  }
  // `subject` is quoted by the caller: "'ignore-case'", "an item of 'words'".
  void wrong_type(const std::string& subject, const toml::node& node, std::string_view expected) {
    problem(pos_of(node.source()), subject + " must be " + std::string(expected) + ", not " +
                                       std::string(toml_type_name(node)));
  }
  static std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

  bool read_type() {
    const toml::node* node = table_.get("type");
    if (!node) {
      problem(spec_.pos, "rule has no 'type' (existence, substitution or consistency)");
      return false;
    }
    if (!node->is_string()) {
      wrong_type("'type'", *node, "a string");
      return false;
    }
    const std::string& name = node->as_string()->get();
    for (const TypeKeys& t : type_keys()) {
      if (name != t.name) continue;
      spec_.type = t.type;
      return true;
    }
    std::vector<std::string> names;
    for (const TypeKeys& t : type_keys()) names.emplace_back(t.name);
    const std::string hint = nearest_name(name, names);
    problem(pos_of(node->source()), "unknown rule type '" + name +
                                        "'; expected existence, substitution or consistency" +
                                        (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    return false;
  }

  void check_keys(bool typed) {
    std::vector<std::string> all(std::begin(kCommonKeys), std::end(kCommonKeys));
    for (const TypeKeys& t : type_keys())
      for (std::string_view key : t.keys)
        if (std::find(all.begin(), all.end(), key) == all.end()) all.emplace_back(key);
    for (auto&& [key, node] : table_) {
      const std::string name(key.str());
      if (std::find(std::begin(kCommonKeys), std::end(kCommonKeys), name) != std::end(kCommonKeys))
        continue;
      const TypeKeys* owner = nullptr;
      for (const TypeKeys& t : type_keys()) {
        if (std::find(t.keys.begin(), t.keys.end(), name) == t.keys.end()) continue;
        if (!owner || (typed && t.type == spec_.type)) owner = &t;
      }
      if (!owner) {
        const std::string hint = nearest_name(name, all);
        problem(pos_of(key.source()), "unknown key '" + name + "'" +
                                          (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
      } else if (typed && owner->type != spec_.type) {
        const std::string_view type = to_string(spec_.type);
        problem(pos_of(key.source()), "'" + name + "' does not apply to " +
                                          (type.front() == 'e' ? "an " : "a ") + std::string(type) +
                                          " rule (it belongs to " + std::string(owner->name) +
                                          " rules)");
      }
    }
  }

  void read_id() {
    const toml::node* node = table_.get("id");
    if (!node) {
      problem(spec_.pos, "rule has no 'id'");
      return;
    }
    spec_.id_pos = pos_of(node->source());
    if (!node->is_string()) return wrong_type("'id'", *node, "a string");
    spec_.id = node->as_string()->get();
    if (!is_kebab_case(spec_.id))
      problem(spec_.id_pos, "rule id '" + spec_.id +
                                "' is not kebab-case (lower-case letters and digits, joined by "
                                "single '-')");
  }

  // A string value of `key`, if present and a string.
  const toml::node* string_node(std::string_view key) {
    const toml::node* node = table_.get(key);
    if (node && !node->is_string()) {
      wrong_type(quoted(key), *node, "a string");
      return nullptr;
    }
    return node;
  }

  void read_bool(std::string_view key, bool& out) {
    const toml::node* node = table_.get(key);
    if (!node) return;
    if (!node->is_boolean()) return wrong_type(quoted(key), *node, "a boolean (true or false)");
    out = node->as_boolean()->get();
  }

  // One of `choices` as a string value of `key`.
  template <typename T>
  void read_choice(std::string_view key, const std::vector<std::pair<std::string_view, T>>& choices,
                   T& out) {
    const toml::node* node = string_node(key);
    if (!node) return;
    const std::string& value = node->as_string()->get();
    std::string list;
    std::vector<std::string> names;
    for (const auto& [name, choice] : choices) {
      if (value == name) {
        out = choice;
        return;
      }
      list += (list.empty() ? "" : ", ") + std::string(name);
      names.emplace_back(name);
    }
    const std::string hint = nearest_name(value, names);
    problem(pos_of(node->source()), "'" + std::string(key) + "' must be one of " + list +
                                        ", not '" + value + "'" +
                                        (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
  }

  // A string or an array of strings, each with its position.
  bool read_strings(const toml::node& node, std::string_view what, std::vector<Located>& out) {
    if (node.is_string()) {
      out.push_back({node.as_string()->get(), pos_of(node.source())});
      return true;
    }
    if (!node.is_array()) {
      wrong_type(quoted(what), node, "a string or an array of strings");
      return false;
    }
    bool ok = true;
    for (const toml::node& element : *node.as_array()) {
      if (!element.is_string()) {
        wrong_type("an item of " + quoted(what), element, "a string");
        ok = false;
        continue;
      }
      out.push_back({element.as_string()->get(), pos_of(element.source())});
    }
    return ok;
  }

  void read_common() {
    if (const toml::node* node = string_node("summary")) {
      spec_.summary = node->as_string()->get();
      if (spec_.summary.find('\n') != std::string::npos)
        problem(pos_of(node->source()), "'summary' must be one line");
    }
    if (const toml::node* node = string_node("help")) spec_.help = node->as_string()->get();
    if (const toml::node* node = string_node("message")) {
      spec_.message = node->as_string()->get();
      spec_.message_pos = pos_of(node->source());
    }
    read_choice<Severity>(
        "severity",
        {{"info", Severity::info}, {"warning", Severity::warning}, {"error", Severity::error}},
        spec_.severity);
    read_choice<Suffix>(
        "suffix", {{"particles", Suffix::particles}, {"any", Suffix::any}, {"none", Suffix::none}},
        spec_.suffix);
    read_choice<FixSafety>(
        "fix",
        {{"safe", FixSafety::safe}, {"unsafe", FixSafety::unsafe}, {"none", FixSafety::none}},
        spec_.fix);
    read_bool("ignore-case", spec_.ignore_case);
    read_bool("enabled", spec_.enabled);
    read_scope();
  }

  void read_scope() {
    const toml::node* node = table_.get("scope");
    if (!node) return;
    std::vector<Located> names;
    if (!read_strings(*node, "scope", names)) return;
    if (names.empty()) return problem(pos_of(node->source()), "'scope' is empty");
    static const std::vector<std::pair<std::string, Scope>> kScopes = {
        {"prose", kProse}, {"heading", kHeading}, {"link", kLink}, {"alt", kAlt}};
    spec_.scopes = 0;
    for (const Located& name : names) {
      auto it = std::find_if(kScopes.begin(), kScopes.end(),
                             [&](const auto& s) { return s.first == name.text; });
      if (it != kScopes.end()) {
        spec_.scopes |= it->second;
        continue;
      }
      std::vector<std::string> known;
      for (const auto& s : kScopes) known.push_back(s.first);
      const std::string hint = nearest_name(name.text, known);
      problem(name.pos, "unknown scope '" + name.text + "'; expected prose, heading, link or alt" +
                            (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
  }

  // A literal word or phrase: non-empty, one line, no U+FFFC.
  bool check_word(const Located& word, std::string_view what) {
    std::string_view text = word.text;
    const bool blank = std::all_of(text.begin(), text.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });
    if (blank) {
      problem(word.pos, "empty " + std::string(what));
      return false;
    }
    if (text.find(kObjectReplacementUtf8) != std::string_view::npos) {
      problem(word.pos, std::string(what) + " contains U+FFFC, which stands for code in prose");
      return false;
    }
    return true;
  }
  static constexpr std::string_view kObjectReplacementUtf8 = "\xEF\xBF\xBC";

  // Compiles a pattern to report errors; returns its group count, or -1 when it is invalid.
  int check_pattern(const Located& pattern) {
    if (pattern.text.empty()) {
      problem(pattern.pos, "empty pattern");
      return -1;
    }
    RegexError error{};
    const auto regex = Regex::compile(pattern.text, spec_.ignore_case, error);
    if (!regex) {
      problem(position_in_string(source_.text, pattern.pos, error.offset),
              "invalid regex '" + pattern.text + "': " + error.message);
      return -1;
    }
    return regex->group_count();
  }

  void read_existence() {
    const toml::node* words = table_.get("words");
    const toml::node* patterns = table_.get("patterns");
    if (!words && !patterns) {
      problem(spec_.pos, "existence rule has neither 'words' nor 'patterns'");
      return;
    }
    const size_t problems_before = problems_.size();
    std::vector<Located> list;
    if (words && read_strings(*words, "words", list)) {
      for (Located& word : list)
        if (check_word(word, "word"))
          spec_.terms.push_back({std::move(word.text), false, word.pos});
    }
    list.clear();
    if (patterns && read_strings(*patterns, "patterns", list)) {
      for (Located& pattern : list)
        if (check_pattern(pattern) >= 0)
          spec_.terms.push_back({std::move(pattern.text), true, pattern.pos});
    }
    if (spec_.terms.empty() && problems_.size() == problems_before)
      problem(pos_of((words ? words : patterns)->source()),
              "existence rule has no words or patterns");
    check_message(false);
  }

  // `$n` in the replacement of a pattern: a group of it; `$$` is a literal '$'.
  void check_replacement(const std::string& to, SourcePos pos, int groups) {
    size_t index = 0;
    for (size_t i = 0; i < to.size(); i += utf8::decode(to, i).length, ++index) {
      if (to[i] != '$') continue;
      const char next = i + 1 < to.size() ? to[i + 1] : '\0';
      if (next == '$') {
        ++i, ++index;
        continue;
      }
      if (next >= '0' && next <= '9' && next - '0' <= groups) {
        ++i, ++index;
        continue;
      }
      problem(position_in_string(source_.text, pos, index),
              next >= '0' && next <= '9'
                  ? "'$" + std::string(1, next) + "' refers to a group the pattern does not have"
                  : std::string("'$' in a replacement must be followed by a group number, or be "
                                "written '$$'"));
    }
  }

  void read_swap_to(const toml::node& node, Swap& swap, int groups) {
    std::vector<Located> to;
    if (!read_strings(node, "to", to)) return;
    if (to.empty()) return problem(pos_of(node.source()), "'to' is empty");
    swap.to_pos = pos_of(node.source());
    for (const Located& t : to) {
      if (groups >= 0) check_replacement(t.text, t.pos, groups);
      swap.to.push_back(t.text);
    }
  }

  void read_substitution() {
    const toml::node* node = table_.get("swap");
    if (!node) return problem(spec_.pos, "substitution rule has no 'swap'");
    if (const toml::table* table = node->as_table()) {
      // swap = { "유저" = "사용자", … }: literal words.
      for (auto&& [key, value] : *table) {
        Swap swap;
        swap.from = {std::string(key.str()), false, pos_of(key.source())};
        if (!check_word({swap.from.text, swap.from.pos}, "word")) continue;
        read_swap_to(value, swap, -1);
        if (!swap.to.empty()) spec_.swaps.push_back(std::move(swap));
      }
      // toml++ iterates keys sorted; keep the file's order for summaries and explain.
      std::stable_sort(spec_.swaps.begin(), spec_.swaps.end(), [](const Swap& a, const Swap& b) {
        return std::pair(a.from.pos.line, a.from.pos.column) <
               std::pair(b.from.pos.line, b.from.pos.column);
      });
    } else if (const toml::array* array = node->as_array()) {
      // [[rule.swap]] word = "…" or pattern = "…", to = "…".
      for (const toml::node& element : *array) {
        if (!element.is_table()) {
          wrong_type("an item of 'swap'", element, "a table with 'word' or 'pattern', and 'to'");
          continue;
        }
        read_swap_table(*element.as_table());
      }
    } else {
      return wrong_type("'swap'", *node, "a table of word = replacement, or an array of tables");
    }
    if (spec_.swaps.empty() && problems_.size() == first_problem_)
      problem(pos_of(node->source()), "'swap' is empty");
    check_message(true);
  }

  void read_swap_table(const toml::table& table) {
    for (auto&& [key, value] : table) {
      const std::string name(key.str());
      if (name == "word" || name == "pattern" || name == "to") continue;
      const std::string hint = nearest_name(name, {"word", "pattern", "to"});
      problem(pos_of(key.source()), "unknown key '" + name + "' in a swap" +
                                        (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    }
    const toml::node* word = table.get("word");
    const toml::node* pattern = table.get("pattern");
    const toml::node* to = table.get("to");
    if ((word != nullptr) == (pattern != nullptr))
      return problem(pos_of(table.source()), "a swap needs either 'word' or 'pattern'");
    if (!to) return problem(pos_of(table.source()), "a swap needs 'to'");
    const toml::node& from = word ? *word : *pattern;
    if (!from.is_string()) return wrong_type(word ? "'word'" : "'pattern'", from, "a string");
    Swap swap;
    swap.from = {from.as_string()->get(), pattern != nullptr, pos_of(from.source())};
    int groups = -1;
    if (pattern) {
      groups = check_pattern({swap.from.text, swap.from.pos});
      if (groups < 0) return;
    } else if (!check_word({swap.from.text, swap.from.pos}, "word")) {
      return;
    }
    read_swap_to(*to, swap, groups);
    if (!swap.to.empty()) spec_.swaps.push_back(std::move(swap));
  }

  void read_consistency() {
    const toml::node* node = table_.get("forms");
    if (!node) return problem(spec_.pos, "consistency rule has no 'forms'");
    const toml::array* array = node->as_array();
    if (!array) return wrong_type("'forms'", *node, "an array of arrays of strings");
    // forms = ["딥러닝", "딥 러닝"] is one group; forms = [[…], […]] are several.
    const bool one_group = !array->empty() && array->front().is_string();
    std::vector<std::pair<std::string, SourcePos>> seen;  // folded forms, for duplicates
    auto read_group = [&](const toml::node& group_node) {
      std::vector<Located> group;
      if (!group_node.is_array()) {
        return wrong_type("an item of 'forms'", group_node, "an array of strings");
      }
      if (!read_strings(group_node, "forms", group)) return;
      if (group.size() < 2)
        return problem(pos_of(group_node.source()), "a group of forms needs two or more forms");
      std::vector<Term> terms;
      for (const Located& form : group) {
        if (!check_word(form, "form")) return;
        const std::string key = spec_.ignore_case ? fold_case(form.text) : form.text;
        auto it =
            std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key; });
        if (it != seen.end()) {
          problem(form.pos, "form '" + form.text + "' is listed twice" +
                                (spec_.ignore_case ? " (ignoring case)" : ""));
          return;
        }
        seen.emplace_back(key, form.pos);
        terms.push_back({form.text, false, form.pos});
      }
      spec_.forms.push_back(std::move(terms));
    };
    if (one_group) {
      read_group(*node);
    } else {
      for (const toml::node& group : *array) read_group(group);
    }
    if (spec_.forms.empty() && problems_.size() == first_problem_)
      problem(pos_of(node->source()), "'forms' is empty");
    check_message(true);
  }

  void check_message(bool has_expected) {
    if (spec_.message.empty()) return;
    if (auto error = check_template(spec_.message, has_expected))
      problem(position_in_string(source_.text, spec_.message_pos, error->index), error->message);
  }

  void read_examples() {
    const toml::node* node = table_.get("examples");
    if (!node) return;
    const toml::table* table = node->as_table();
    if (!table) return wrong_type("'examples'", *node, "a table: { bad = [...], good = [...] }");
    for (auto&& [key, value] : *table) {
      const std::string name(key.str());
      if (name != "bad" && name != "good") {
        const std::string hint = nearest_name(name, {"bad", "good"});
        problem(pos_of(key.source()), "unknown key '" + name + "' in examples" +
                                          (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
        continue;
      }
      read_example_list(value, name == "bad");
    }
  }

  void read_example_list(const toml::node& node, bool bad) {
    const std::string what = bad ? "bad" : "good";
    if (node.is_string()) return add_example(node, bad);
    if (!node.is_array()) return wrong_type(quoted(what), node, "a string or an array");
    for (const toml::node& element : *node.as_array()) add_example(element, bad);
  }

  void add_example(const toml::node& node, bool bad) {
    Example example;
    example.bad = bad;
    example.pos = pos_of(node.source());
    if (node.is_string()) {
      example.text = node.as_string()->get();
      spec_.examples.push_back(std::move(example));
      return;
    }
    const toml::table* table = node.as_table();
    if (!table)
      return wrong_type(bad ? "an item of 'bad'" : "an item of 'good'", node,
                        "a string or a table { text = \"…\", fixed = \"…\" }");
    for (auto&& [key, value] : *table) {
      const std::string name(key.str());
      if (name == "text") continue;
      if (name == "fixed" && bad && spec_.type != RuleType::existence) continue;
      if (name == "fixed") {
        problem(pos_of(key.source()), bad ? "'fixed' does not apply to existence rules, which "
                                            "have no fixes"
                                          : "'fixed' applies to bad examples only");
        continue;
      }
      const std::string hint = nearest_name(name, {"text", "fixed"});
      problem(pos_of(key.source()), "unknown key '" + name + "' in an example" +
                                        (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    }
    const toml::node* text = table->get("text");
    if (!text) return problem(example.pos, "an example table needs 'text'");
    if (!text->is_string()) return wrong_type("'text'", *text, "a string");
    example.text = text->as_string()->get();
    if (const toml::node* fixed = table->get("fixed")) {
      if (!fixed->is_string()) return wrong_type("'fixed'", *fixed, "a string");
      example.fixed = fixed->as_string()->get();
    }
    spec_.examples.push_back(std::move(example));
  }

  const toml::table& table_;
  const TomlSource& source_;
  std::vector<Problem>& problems_;
  size_t first_problem_;
  RuleSpec spec_;
};

}  // namespace

std::optional<RuleSpec> parse_rule_table(const toml::table& table, const TomlSource& source,
                                         std::vector<Problem>& problems) {
  return RuleReader(table, source, problems).read();
}

SourcePos position_in_string(std::string_view text, SourcePos start, size_t index) {
  if (start.line == 0 || start.column == 0) return start;
  size_t offset = 0;
  for (uint32_t line = 1; line < start.line; ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return start;
    ++offset;
  }
  for (uint32_t column = 1; column < start.column && offset < text.size(); ++column)
    offset += utf8::decode(text, offset).length;
  if (offset >= text.size()) return start;
  const char quote = text[offset];
  if (quote != '"' && quote != '\'') return start;
  if (text.substr(offset, 3) == std::string(3, quote)) return start;  // multi-line string
  SourcePos pos{start.line, start.column + 1};
  size_t p = offset + 1;
  for (size_t decoded = 0; decoded < index && p < text.size(); ++decoded) {
    if (text[p] == quote || text[p] == '\n') break;
    if (quote == '"' && text[p] == '\\' && p + 1 < text.size()) {
      const char escape = text[p + 1];
      const size_t raw = escape == 'u' ? 6 : escape == 'U' ? 10 : 2;  // escapes are ASCII
      p += raw;
      pos.column += static_cast<uint32_t>(raw);
    } else {
      p += utf8::decode(text, p).length;
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace hanmark::userrules
