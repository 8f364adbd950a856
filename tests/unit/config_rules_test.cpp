// From configuration to the linter's rules: options reach rules through configure(), severities
// through a wrapper, [front-matter] title-key through the rules' `front-matter-title` option;
// `hanmark config` output; personal dictionaries reach the spellers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "config/configured_rules.h"
#include "config/effective_config.h"
#include "config/render_config.h"
#include "config/spell_settings.h"
#include "config_test_support.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "markdown/document.h"
#include "spell/spell_resources.h"

using namespace hanmark;
using hanmark::test::TempTree;

namespace {

RuleCatalog real_catalog() {
  static const auto rules = make_all_rules(default_rule_resources());
  return RuleCatalog::of(rules);
}

// The effective configuration of `toml` (a .hanmark.toml) for a file beside it.
EffectiveConfig config_of(std::string_view toml) {
  TempTree tree;
  tree.write(".hanmark.toml", toml);
  ConfigLoader loader(real_catalog());
  std::vector<ConfigError> errors;
  const auto chain = loader.load(tree.path(".hanmark.toml"), errors);
  for (const ConfigError& e : errors) MESSAGE(e.format());
  REQUIRE(chain);
  return effective_config(*chain, tree.path("post.md"));
}

struct Finding {
  std::string rule;
  Severity severity;
  std::string text;
};

std::vector<Finding> lint(const EffectiveConfig& config, std::string source,
                          std::vector<std::string> select) {
  RuleSelection only;
  only.select = std::move(select);
  ConfiguredRules configured =
      configured_rules(config, make_all_rules(default_rule_resources()), only);
  CHECK(configured.errors.empty());
  const Linter linter(std::move(configured.rules));
  const auto doc = Document::parse("post.md", std::move(source));
  std::vector<Finding> out;
  for (const Diagnostic& d : linter.lint(*doc))
    out.push_back({d.rule, d.severity, std::string(doc->slice(d.span))});
  return out;
}

std::vector<std::string> texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.text);
  return out;
}

constexpr std::string_view kBilingualTitlePost =
    "# 설치 안내 - Installation Guide\n\n## 준비\n\n## 설정 - Settings\n\n## 정리\n";
constexpr std::string_view kBilingualHeadingsPost =
    "# 설치 안내\n\n## 준비 - Preparation\n\n## 설정 - Settings\n\n## 정리\n";

}  // namespace

TEST_CASE("config rules: every rule with options can be configured, and its defaults are valid") {
  const auto rules = make_all_rules(default_rule_resources());
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    if (info.options.empty()) continue;
    CAPTURE(info.id);
    RuleOptionValues defaults;
    for (const RuleOption& option : info.options) {
      CAPTURE(option.name);
      const RuleOptionValue value = default_value(option);
      const OptionType type = option_type(option);
      CHECK(value.index() == (type == OptionType::boolean       ? 0u
                              : type == OptionType::integer     ? 1u
                              : type == OptionType::string_list ? 3u
                                                                : 2u));
      if (const auto* i = std::get_if<int64_t>(&value)) {
        CHECK(*i >= option.min);
        CHECK(*i <= option.max);
      }
      const auto choices = option_choices(option);
      if (!choices.empty())
        CHECK(std::find(choices.begin(), choices.end(), option.default_value) != choices.end());
      defaults.set(std::string(option.name), value);
    }
    const std::unique_ptr<Rule> configured = rule->configure(defaults);
    CHECK_MESSAGE(configured, "a rule that declares options must implement configure()");
    if (configured) CHECK(configured->info().id == info.id);
  }
}

TEST_CASE("config rules: heading-bilingual convention = \"title\" (the issue's example)") {
  const EffectiveConfig title = config_of("[rules.heading-bilingual]\nconvention = \"title\"\n");
  const EffectiveConfig headings =
      config_of("[rules.heading-bilingual]\nconvention = \"headings\"\n");
  const EffectiveConfig automatic = config_of("");
  const std::vector<std::string> select = {"heading-bilingual"};

  // A bilingual title alone sets the convention, except under "headings".
  CHECK(texts(lint(automatic, std::string(kBilingualTitlePost), select)) ==
        std::vector<std::string>{"준비", "정리"});
  CHECK(texts(lint(title, std::string(kBilingualTitlePost), select)) ==
        std::vector<std::string>{"준비", "정리"});
  CHECK(lint(headings, std::string(kBilingualTitlePost), select).empty());

  // A majority of bilingual headings sets it, except under "title".
  CHECK(texts(lint(automatic, std::string(kBilingualHeadingsPost), select)) ==
        std::vector<std::string>{"설치 안내", "정리"});
  CHECK(lint(title, std::string(kBilingualHeadingsPost), select).empty());
  CHECK(texts(lint(headings, std::string(kBilingualHeadingsPost), select)) ==
        std::vector<std::string>{"설치 안내", "정리"});

  const EffectiveConfig more = config_of("[rules.heading-bilingual]\nmin-headings = 3\n");
  CHECK(lint(more, std::string(kBilingualHeadingsPost), select).empty());
}

TEST_CASE("config rules: speech-level options") {
  const std::string post =
      "설치합니다. 실행합니다. 확인합니다. 정리합니다. 배포합니다. 이제 끝났어요.\n";
  const std::vector<std::string> select = {"speech-level"};
  CHECK(texts(lint(config_of(""), post, select)) == std::vector<std::string>{"끝났어요"});
  CHECK(lint(config_of("[rules.speech-level]\nmin-sentences = 10\n"), post, select).empty());
  CHECK(lint(config_of("[rules.speech-level]\nmajority = 90\n"), post, select).empty());
}

TEST_CASE("config rules: severities of rules and categories") {
  const std::vector<std::string> select = {"heading-bilingual", "single-title"};
  const std::string post = std::string(kBilingualTitlePost) + "\n# 또 제목\n";
  auto severities = [&](std::string_view toml) {
    std::vector<std::pair<std::string, Severity>> out;
    for (const Finding& f : lint(config_of(toml), post, select))
      out.emplace_back(f.rule, f.severity);
    return out;
  };
  using Pairs = std::vector<std::pair<std::string, Severity>>;
  const Pairs defaults = severities("");
  REQUIRE(defaults.size() == 4);
  CHECK(std::all_of(defaults.begin(), defaults.end(),
                    [](const auto& p) { return p.second == Severity::warning; }));
  const Pairs configured = severities(R"([rules.bilingual]
severity = "info"
[rules.markdown]
severity = "info"
[rules.single-title]
severity = "error"
)");
  CHECK(configured == Pairs{{"heading-bilingual", Severity::info},
                            {"heading-bilingual", Severity::info},
                            {"heading-bilingual", Severity::info},
                            {"single-title", Severity::error}});
}

TEST_CASE("config rules: [front-matter] title-key reaches single-title and heading-bilingual") {
  const std::string post = "---\nname: 설치 - Installation\n---\n\n# 설치\n\n## 준비\n";
  const std::vector<std::string> select = {"single-title", "heading-bilingual"};
  // Without the key, `name` is not a title: the H1 is the title, nothing is bilingual.
  CHECK(lint(config_of(""), post, select).empty());
  const auto findings = lint(config_of("[front-matter]\ntitle-key = \"name\"\n"), post, select);
  std::vector<std::string> rules;
  for (const Finding& f : findings) rules.push_back(f.rule + " " + f.text);
  CHECK(rules == std::vector<std::string>{"heading-bilingual 설치", "single-title 설치",
                                          "heading-bilingual 준비"});
  // A rule's own option beats [front-matter].
  CHECK(lint(config_of("[front-matter]\ntitle-key = \"name\"\n[rules.single-title]\n"
                       "front-matter-title = \"\"\n[rules.heading-bilingual]\n"
                       "front-matter-title = \"title\"\n"),
             post, select)
            .empty());
}

TEST_CASE("config rules: selection and the command line layer") {
  const EffectiveConfig config = config_of("[rules]\nignore = [\"korean\"]\n");
  RuleSelection command_line;
  command_line.extend_select = {"josa"};
  const ConfiguredRules configured =
      configured_rules(config, make_all_rules(default_rule_resources()), command_line);
  std::vector<std::string> ids;
  for (const auto& rule : configured.rules) ids.emplace_back(rule->info().id);
  CHECK(std::find(ids.begin(), ids.end(), "josa") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "korean-spacing") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "typo") != ids.end());

  RuleSelection bad;
  bad.select = {"josa", "jossa"};
  bad.ignore = {"korea"};
  CHECK(unknown_rule_names(bad, real_catalog()) ==
        std::vector<std::string>{"unknown rule or category 'jossa'; did you mean 'josa'?",
                                 "unknown rule or category 'korea'; did you mean 'korean'?"});
}

TEST_CASE("config rules: a rule that declares options but cannot be configured is an error") {
  struct Stubborn final : Rule {
    const RuleInfo& info() const override { return test::kTestRules[2]; }  // line-length
    void check(const Document&, DiagnosticSink&) const override {}
  };
  EffectiveConfig config;
  config.rules["line-length"].options.set("max", int64_t{100});
  std::vector<std::unique_ptr<Rule>> all;
  all.push_back(std::make_unique<Stubborn>());
  RuleSelection everything;
  everything.select = {"line-length"};
  const ConfiguredRules configured = configured_rules(config, std::move(all), everything);
  CHECK(configured.rules.size() == 1);
  CHECK(configured.errors ==
        std::vector<std::string>{"rule 'line-length' declares options but cannot be configured"});
}

TEST_CASE("config rules: hanmark config output lists sources and effective values") {
  TempTree tree;
  tree.write("base.toml", "[spelling]\nwords = [\"kubectl\"]\n");
  tree.write(".hanmark.toml", R"(extends = ["base.toml"]
fail-on = "error"
exclude = ["drafts"]
[rules]
select = ["bilingual", "josa"]
[rules.heading-bilingual]
convention = "title"
[rules.josa]
severity = "info"
[[overrides]]
paths = ["en/**"]
[overrides.rules]
ignore = ["josa"]
)");
  ConfigLoader loader(real_catalog());
  std::vector<ConfigError> errors;
  const auto chain = loader.load(tree.path(".hanmark.toml"), errors);
  REQUIRE(chain);
  std::vector<const RuleInfo*> infos = real_catalog().rules();
  const std::string text = render_effective_config(
      effective_config(*chain, tree.path("en/post.md")), infos, "en/post.md");
  const std::string base = tree.path("base.toml").string();
  const std::string own = tree.path(".hanmark.toml").string();
  const std::string expected_head =
      "# hanmark configuration for en/post.md\n"
      "# from, in the order applied (nearest last):\n"
      "#   " +
      base +
      "\n"
      "#   " +
      own +
      "\n"
      "#   " +
      own +
      ":10 [[overrides]] #1\n"
      "\n"
      "fail-on = \"error\"\n"
      "exclude = [\n"
      "  \"drafts\",  # in " +
      tree.root().string() +
      "/\n"
      "]\n"
      "rule-files = []\n";
  CHECK(text.substr(0, expected_head.size()) == expected_head);
  CHECK(text.find("[rules]\nselect = [\n  \"heading-bilingual\",\n") != std::string::npos);
  CHECK(text.find("\"josa\"") == std::string::npos);  // ignored by the override
  CHECK(text.find("[rules.heading-bilingual]\nseverity = \"warning\"  # default\n"
                  "min-headings = 2  # default\nconvention = \"title\"\n"
                  "front-matter-title = \"title\"  # default\n") != std::string::npos);
  CHECK(text.find("[spelling]\nwords = [\"kubectl\"]\ndictionaries = []\n") != std::string::npos);
  CHECK(text.ends_with("[front-matter]\ntitle-key = \"title\"  # default\n"));

  const std::string defaults = render_effective_config(EffectiveConfig{}, infos, "a.md");
  CHECK(defaults.find("# no configuration file: the defaults\n") != std::string::npos);
  CHECK(defaults.find("fail-on = \"warning\"  # default") != std::string::npos);
}

TEST_CASE("config rules: spelling words and personal dictionaries reach the spellers") {
  TempTree tree;
  tree.write("team.dic", "3\nzorbulator\n쿠버네티스/토너먼트\n*forbiddenword\n");
  const EffectiveConfig config = config_of("[spelling]\nwords = [\"quuxify\", \"테라폼펑션\"]\n");
  SpellSettings settings = config.spelling;
  settings.dictionaries.push_back({tree.path("team.dic"),
                                   "3\nzorbulator\n쿠버네티스/토너먼트\n"
                                   "*forbiddenword\n"});
  const SpellOptions options = spell_options(settings);
  CHECK(options.extra_words == std::vector<std::string>{"quuxify", "테라폼펑션"});
  REQUIRE(options.personal_dictionaries.size() == 1);

  const auto resources = SpellResources::create(options);
  if (resources->english_available()) {
    CHECK(resources->english().correct("quuxify"));
    CHECK(resources->english().correct("zorbulator"));
    CHECK_FALSE(resources->english().correct("forbiddenword"));
  }
  const KoreanSpeller& korean = resources->korean();
  if (korean.available()) {
    CHECK(korean.correct("쿠버네티스를"));  // the model word lends its particles
    CHECK(korean.correct("쿠버네티스가"));
    CHECK(korean.correct("테라폼펑션"));
  } else {
    MESSAGE("hunspell-ko not found: Korean personal dictionary entries not checked");
  }
}
