// parse_config: the schema of one configuration file (docs/configuration.md), key by key.
#include <cctype>
#include <fstream>
#include <sstream>

#include "config/did_you_mean.h"
#include "config/parsed_config.h"
#include "config/toml_reader.h"
#include "core/strings.h"

namespace hanmark {

namespace {

const std::vector<std::string> kSelectionKeys = {"select", "extend-select", "ignore"};

bool read_text_file(const std::filesystem::path& path, std::string& content, std::string& reason) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    reason = "no such file";
    return false;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    reason = "not a file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in && !in.eof()) {
    reason = "cannot be read";
    return false;
  }
  content = buffer.str();
  return true;
}

class Parser {
 public:
  Parser(ParsedConfig& config, ErrorList& errors) : config_(config), errors_(errors) {}

  void parse(const toml::table& document) {
    TomlReader top(document, "", errors_);
    if (auto extends = top.strings("extends")) config_.extends = *extends;
    if (auto exclude = top.strings("exclude")) config_.exclude = patterns(*exclude);
    config_.fail_on = top.severity("fail-on");
    if (auto files = top.strings("rule-files")) rule_files(*files);
    if (auto rules = top.tables("rule"))
      for (const toml::table* rule : *rules)
        config_.inline_rules.push_back(
            {config_.path, config_.display_path, config_.text, config_.document, rule});
    if (const toml::table* rules = top.table("rules")) rules_table(*rules, "[rules]", config_.top);
    if (const toml::table* spelling = top.table("spelling"))
      spelling_table(*spelling, "[spelling]", config_.top);
    if (const toml::table* front_matter = top.table("front-matter")) {
      TomlReader reader(*front_matter, "[front-matter]", errors_);
      config_.front_matter_title_key = reader.string("title-key");
      reader.report_unknown_keys();
    }
    if (auto overrides = top.tables("overrides"))
      for (const toml::table* entry : *overrides) override_entry(*entry);
    top.report_unknown_keys();
  }

 private:
  std::vector<PathPattern> patterns(const std::vector<Named>& globs) {
    std::vector<PathPattern> out;
    for (const Named& glob : globs) {
      std::string error;
      if (auto pattern = PathPattern::parse(glob.name, config_.directory(), error)) {
        out.push_back(std::move(*pattern));
      } else {
        errors_.add(glob, error);
      }
    }
    return out;
  }

  void rule_files(const std::vector<Named>& files) {
    for (const Named& file : files) {
      const std::filesystem::path path = (config_.directory() / file.name).lexically_normal();
      std::error_code ec;
      if (std::filesystem::is_regular_file(path, ec)) {
        config_.rule_files.push_back(path);
      } else {
        errors_.add(file, "cannot find rule file '" + file.name + "'");
      }
    }
  }

  // [rules]: the selection lists, then one table per rule id or category.
  void rules_table(const toml::table& table, const std::string& where, RawLayer& layer) {
    TomlReader reader(table, where, errors_);
    layer.select = reader.strings("select");
    if (auto names = reader.strings("extend-select")) layer.extend_select = *names;
    if (auto names = reader.strings("ignore")) layer.ignore = *names;
    for (auto&& [key, value] : table) {
      const std::string name(key.str());
      if (name == "select" || name == "extend-select" || name == "ignore") continue;
      reader.accept(name);
      if (const toml::table* settings = value.as_table()) {
        layer.rule_tables.push_back({named(name, key.source().begin), settings});
        continue;
      }
      // Not a rule's table: most likely a misspelt list key ("selct"), else a rule written as
      // `josa = false`.
      const std::string hint = did_you_mean_hint(name, kSelectionKeys);
      if (!hint.empty()) {
        errors_.add(key.source().begin, "unknown key '" + name + "' in " + where + hint);
      } else {
        reader.wrong_type(
            name, value,
            "a table of rule settings ([" + where.substr(1, where.size() - 2) + "." + name + "])");
      }
    }
    reader.report_unknown_keys();
  }

  void spelling_table(const toml::table& table, const std::string& where, RawLayer& layer) {
    TomlReader reader(table, where, errors_);
    if (auto words = reader.strings("words")) {
      for (const Named& word : *words) {
        if (trim(word.name).empty()) {
          errors_.add(word, "empty word in 'words'" + reader.in_where());
        } else {
          layer.words.push_back(std::string(trim(word.name)));
        }
      }
    }
    if (auto dictionaries = reader.strings("dictionaries")) {
      for (const Named& file : *dictionaries) {
        Dictionary dictionary;
        dictionary.path = (config_.directory() / file.name).lexically_normal();
        std::string reason;
        if (read_text_file(dictionary.path, dictionary.content, reason)) {
          layer.dictionaries.push_back(std::move(dictionary));
        } else {
          errors_.add(file, "cannot read dictionary '" + file.name + "': " + reason);
        }
      }
    }
    reader.report_unknown_keys();
  }

  void override_entry(const toml::table& entry) {
    RawOverride out;
    out.line = entry.source().begin.line;
    TomlReader reader(entry, "[[overrides]]", errors_);
    if (auto globs = reader.strings("paths")) {
      if (globs->empty())
        errors_.add(reader.node("paths")->source().begin, "'paths' in [[overrides]] is empty");
      out.paths = patterns(*globs);
    } else if (!reader.node("paths")) {
      errors_.add(entry.source().begin, "[[overrides]] entry without 'paths'");
    }
    if (const toml::table* rules = reader.table("rules"))
      rules_table(*rules, "[overrides.rules]", out.layer);
    if (const toml::table* spelling = reader.table("spelling"))
      spelling_table(*spelling, "[overrides.spelling]", out.layer);
    reader.report_unknown_keys();
    config_.overrides.push_back(std::move(out));
  }

  ParsedConfig& config_;
  ErrorList& errors_;
};

}  // namespace

std::string display_path(const std::filesystem::path& absolute) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return absolute.string();
  // Relative below the working directory ("docs/.hanmark.toml"), else absolute.
  const std::filesystem::path relative = absolute.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return absolute.string();
  return relative.string();
}

std::shared_ptr<ParsedConfig> parse_config(const std::filesystem::path& path, std::string_view text,
                                           std::vector<ConfigError>& errors) {
  auto config = std::make_shared<ParsedConfig>();
  config->path = path.lexically_normal();
  config->display_path = display_path(config->path);
  config->text = std::make_shared<const std::string>(text);
  ErrorList list(config->display_path, errors);
  try {
    config->document =
        std::make_shared<const toml::table>(toml::parse(*config->text, config->display_path));
  } catch (const toml::parse_error& error) {
    std::string description(error.description());
    if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
    list.add(error.source().begin, "invalid TOML: " + description);
    return nullptr;
  }
  Parser(*config, list).parse(*config->document);
  return config;
}

std::shared_ptr<ParsedConfig> read_config(const std::filesystem::path& path,
                                          std::vector<ConfigError>& errors) {
  std::string text, reason;
  if (!read_text_file(path, text, reason)) {
    errors.push_back({display_path(path), 0, 0, "cannot read configuration file: " + reason});
    return nullptr;
  }
  return parse_config(path, text, errors);
}

}  // namespace hanmark
