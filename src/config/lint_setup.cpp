#include "config/lint_setup.h"

#include <algorithm>

#include "config/configured_rules.h"
#include "config/render_config.h"
#include "config/spell_settings.h"
#include "core/file_io.h"
#include "userrules/rule_file.h"
#include "userrules/rule_table.h"
#include "userrules/user_rule.h"

namespace hanmark {

namespace fs = std::filesystem;

namespace {

void report_error(const SetupReporter& report, const std::string& message) {
  SetupMessage error;
  error.text = "hanmark: error: " + message;
  error.message = message;
  report(error);
}

fs::path normal_absolute(const fs::path& path) {
  std::error_code ec;
  const fs::path out = fs::absolute(path, ec);
  return (ec ? path : out).lexically_normal();
}

// Names user rule ids may not take: built-in rule ids, categories, the encoding diagnostic.
std::vector<std::string> reserved_names(const std::vector<std::unique_ptr<Rule>>& builtins) {
  std::vector<std::string> reserved{std::string(kEncodingDiagnostic)};
  for (const auto& rule : builtins) reserved.emplace_back(rule->info().id);
  for (int c = 0; c <= static_cast<int>(Category::custom); ++c)
    reserved.emplace_back(to_string(static_cast<Category>(c)));
  return reserved;
}

// Loads user rules into `loader`: the --rule-file files as given, then a configuration's
// `rule-files` (absolute; those also given on the command line are loaded once) and its inline
// [[rule]] tables.
void load_user_rules(userrules::RuleLoader& loader, const std::vector<std::string>& cli_files,
                     const std::vector<fs::path>& config_files,
                     const std::vector<InlineRule>& inline_rules) {
  std::vector<fs::path> loaded;
  const auto load_file = [&](const fs::path& absolute, const std::string& display) {
    if (std::find(loaded.begin(), loaded.end(), absolute) != loaded.end()) return;
    loaded.push_back(absolute);
    std::string text, reason;
    if (!read_file(absolute.string(), text, reason)) {
      loader.add_problem({display, {}, "cannot read rule file: " + reason});
      return;
    }
    loader.load(text, display);
  };
  for (const std::string& file : cli_files) load_file(normal_absolute(file), file);
  for (const fs::path& file : config_files) load_file(file, display_path(file));
  for (const InlineRule& rule : inline_rules) {
    std::vector<userrules::Problem> problems;
    std::optional<userrules::RuleSpec> spec =
        userrules::parse_rule_table(*rule.table, {rule.display_path, *rule.text}, problems);
    for (userrules::Problem& problem : problems) loader.add_problem(std::move(problem));
    if (spec) loader.add(std::move(*spec));
  }
}

// The ids of a configuration's user rules, so that the configuration may name them.
UserRuleIds user_rule_ids(std::vector<std::string> reserved) {
  return [reserved = std::move(reserved)](const UserRuleSources& sources,
                                          std::vector<ConfigError>& errors) {
    userrules::RuleLoader loader(reserved);
    load_user_rules(loader, {}, sources.rule_files, sources.inline_rules);
    for (const userrules::Problem& problem : loader.problems())
      errors.push_back({problem.source, problem.pos.line, problem.pos.column, problem.message});
    std::vector<std::string> ids;
    for (const userrules::RuleSpec& spec : loader.specs()) ids.push_back(spec.id);
    return ids;
  };
}

ConfigResolver make_resolver(const ConfigOptions& options, RuleCatalog catalog, UserRuleIds ids) {
  if (options.no_config) return ConfigResolver::without_config(std::move(catalog));
  if (!options.config_file.empty())
    return ConfigResolver::with_file(options.config_file, std::move(catalog), std::move(ids));
  return ConfigResolver(std::move(catalog), std::move(ids));
}

bool report_problems(const SetupReporter& report, const userrules::RuleLoader& loader) {
  for (const userrules::Problem& problem : loader.problems())
    report({.text = userrules::format_problem(problem),
            .file = problem.source,
            .line = problem.pos.line,
            .column = problem.pos.column,
            .message = problem.message});
  return loader.problems().empty();
}

}  // namespace

LintSetup::LintSetup(const ConfigOptions& config, std::vector<std::string> rule_files,
                     RuleSelection selection, std::vector<std::unique_ptr<Rule>> builtins,
                     const std::vector<std::string>& cli_rule_ids, SetupReporter reporter,
                     SpellOptions spelling, std::shared_ptr<SpellResourcesCache> spell_cache)
    : reporter_(std::move(reporter)),
      spelling_(std::move(spelling)),
      spell_cache_(spell_cache ? std::move(spell_cache) : std::make_shared<SpellResourcesCache>()),
      builtins_(std::move(builtins)),
      rule_files_(std::move(rule_files)),
      selection_(std::move(selection)),
      catalog_(RuleCatalog::of(builtins_).with_user_rules(cli_rule_ids)),
      resolver_(make_resolver(config, catalog_, user_rule_ids(reserved_names(builtins_)))) {}

std::unique_ptr<LintSetup> LintSetup::create(const ConfigOptions& config,
                                             const std::vector<std::string>& rule_files,
                                             const RuleSelection& selection, SetupReporter reporter,
                                             SpellOptions spelling,
                                             std::shared_ptr<SpellResourcesCache> spell_cache) {
  if (!config.config_file.empty() && !fs::is_regular_file(config.config_file)) {
    report_error(reporter, "cannot read configuration '" + config.config_file + "': no such file");
    return nullptr;
  }
  std::vector<std::unique_ptr<Rule>> builtins = make_all_rules(default_rule_resources());
  userrules::RuleLoader loader(reserved_names(builtins));
  load_user_rules(loader, rule_files, {}, {});
  if (!report_problems(reporter, loader)) return nullptr;
  std::vector<std::string> cli_rule_ids;
  for (const userrules::RuleSpec& spec : loader.specs()) cli_rule_ids.push_back(spec.id);
  std::unique_ptr<LintSetup> setup(new LintSetup(config, rule_files, selection, std::move(builtins),
                                                 cli_rule_ids, std::move(reporter),
                                                 std::move(spelling), std::move(spell_cache)));
  for (const auto& rule : userrules::make_user_rules(loader.take_specs()))
    setup->remember_user_rule(*rule);
  return setup;
}

// Names of the command line that are neither built-in or --rule-file rules nor categories may
// still be user rules of the configurations; they are checked once those are loaded.
std::vector<std::string> LintSetup::names_to_check() const {
  std::vector<std::string> out;
  for (const auto* list : {&selection_.select, &selection_.extend_select, &selection_.ignore})
    for (const std::string& name : *list)
      if (!catalog_.is_rule(name) && !RuleCatalog::is_category(name)) out.push_back(name);
  return out;
}

bool LintSetup::check_names() const {
  std::vector<std::string> user_ids;
  for (const Built& built : linters_)
    for (const KnownRule& rule : built.linter->known()) user_ids.push_back(rule.id);
  const RuleCatalog known = catalog_.with_user_rules(user_ids);
  RuleSelection unknown;
  for (const std::string& name : names_to_check())
    if (!known.is_rule(name)) unknown.select.push_back(name);
  const std::vector<std::string> messages = unknown_rule_names(unknown, known);
  for (const std::string& message : messages) error(message);
  return messages.empty();
}

std::function<bool(const fs::path&)> LintSetup::exclusion() {
  return [this](const fs::path& path) { return resolver_.excluded(path); };
}

std::shared_ptr<const SpellResources> LintSetup::spelling_for(const SpellSettings& settings) {
  return spell_cache_->get(spell_options(settings, spelling_));
}

bool LintSetup::all_rules(const EffectiveConfig& config, const RuleResources& resources,
                          std::vector<std::unique_ptr<Rule>>& out) {
  out = make_all_rules(resources);
  if (rule_files_.empty() && config.rule_files.empty() && config.inline_rules.empty()) return true;
  userrules::RuleLoader loader(reserved_names(out));
  load_user_rules(loader, rule_files_, config.rule_files, config.inline_rules);
  if (!report_problems(reporter_, loader)) return false;
  for (auto& rule : userrules::make_user_rules(loader.take_specs())) out.push_back(std::move(rule));
  return true;
}

std::optional<size_t> LintSetup::build(const std::shared_ptr<const EffectiveConfig>& config) {
  if (auto it = linter_of_config_.find(config.get()); it != linter_of_config_.end())
    return it->second;
  if (failed_configs_.count(config.get())) return std::nullopt;
  const auto failed = [&] {
    failed_configs_.insert(config.get());
    configs_.push_back(config);
    return std::nullopt;
  };
  Built built;
  built.spelling = spelling_for(config->spelling);
  std::vector<std::unique_ptr<Rule>> all;
  if (!all_rules(*config, RuleResources{built.spelling}, all)) return failed();
  std::vector<KnownRule> known = known_rules(all);
  for (const auto& rule : all) remember_user_rule(*rule);
  ConfiguredRules configured = configured_rules(*config, std::move(all), selection_);
  for (const std::string& message : configured.errors) error(message);
  if (!configured.errors.empty()) return failed();
  built.runs_spelling =
      std::any_of(configured.rules.begin(), configured.rules.end(),
                  [](const auto& rule) { return rule->info().category == Category::spelling; });
  built.linter = std::make_unique<Linter>(std::move(configured.rules), std::move(known));
  built.fail_on = config->fail_on.value_or(Severity::warning);
  linters_.push_back(std::move(built));
  configs_.push_back(config);
  linter_of_config_.emplace(config.get(), linters_.size() - 1);
  return linters_.size() - 1;
}

void LintSetup::error(const std::string& message) const {
  report_error(reporter_, message);
}

void LintSetup::report_warnings() {
  for (const std::string& warning : resolver_.take_warnings()) {
    SetupMessage message;
    message.level = SetupMessage::Level::warning;
    message.text = "hanmark: warning: " + warning;
    message.message = warning;
    reporter_(message);
  }
}

bool LintSetup::report_errors() {
  const std::vector<ConfigError> errors = resolver_.take_errors();
  for (const ConfigError& e : errors)
    reporter_({.text = e.format(),
               .file = e.path,
               .line = e.line,
               .column = e.column,
               .message = e.message});
  return errors.empty() && !resolver_.failed();
}

const Linter* LintSetup::linter_for(const fs::path& file) {
  const std::shared_ptr<const EffectiveConfig> config = resolver_.resolve(file);
  report_warnings();
  report_errors();  // false once any file's configuration failed; only this file's counts here
  if (!config) return nullptr;
  const std::optional<size_t> index = build(config);
  return index ? linters_[*index].linter.get() : nullptr;
}

bool LintSetup::prepare(const std::vector<std::string>& files) {
  // Every file's configuration first, so that all errors are listed before anything is built.
  std::vector<std::shared_ptr<const EffectiveConfig>> configs;
  configs.reserve(files.size());
  for (const std::string& file : files) configs.push_back(resolver_.resolve(file));
  report_warnings();
  if (!report_errors()) return false;
  file_linter_.clear();
  file_linter_.reserve(files.size());
  bool ok = true;
  for (const auto& config : configs) {
    const std::optional<size_t> index = ok ? build(config) : std::nullopt;
    ok = ok && index.has_value();
    file_linter_.push_back(index.value_or(0));
  }
  return ok && check_names();
}

bool LintSetup::english_dictionary_missing() const {
  return std::any_of(linters_.begin(), linters_.end(), [](const Built& built) {
    return built.runs_spelling && !built.spelling->english_dictionary_found();
  });
}

void LintSetup::remember_user_rule(const Rule& rule) {
  const auto* user = dynamic_cast<const userrules::UserRule*>(&rule);
  if (!user) return;
  for (const auto& kept : user_rules_)
    if (kept->info().id == rule.info().id) return;
  user_rules_.push_back(std::make_unique<userrules::UserRule>(user->spec()));
}

std::vector<const Rule*> LintSetup::every_rule() const {
  std::vector<const Rule*> out;
  for (const auto& rule : builtins_) out.push_back(rule.get());
  for (const auto& rule : user_rules_) out.push_back(rule.get());
  return out;
}

std::optional<std::string> LintSetup::effective_config_toml(const std::string& path) {
  std::error_code ec;
  // A directory: the configuration its files get.
  const fs::path target = fs::is_directory(path, ec) ? fs::path(path) / "." : fs::path(path);
  const std::shared_ptr<const EffectiveConfig> config = resolver_.resolve(target);
  report_warnings();
  if (!report_errors() || !config) return std::nullopt;
  std::vector<std::unique_ptr<Rule>> all;
  if (!all_rules(*config, RuleResources{spelling_for(config->spelling)}, all)) return std::nullopt;
  std::vector<const RuleInfo*> infos;
  for (const auto& rule : all) infos.push_back(&rule->info());
  return render_effective_config(*config, infos, path);
}

}  // namespace hanmark
