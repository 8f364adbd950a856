// `extends`, [[overrides]] and how layers combine: scalars override, lists accumulate, rule tables
// merge key by key, rule selection applies layer by layer (as in ruff).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "config/effective_config.h"
#include "config/rule_selection.h"
#include "config_test_support.h"

using namespace hanmark;
using hanmark::test::TempTree;
using Strings = std::vector<std::string>;

namespace {

std::shared_ptr<const ConfigChain> load(const TempTree& tree, std::string_view name) {
  ConfigLoader loader(test::test_catalog());
  std::vector<ConfigError> errors;
  auto chain = loader.load(tree.path(name), errors);
  for (const ConfigError& e : errors) MESSAGE(e.format());
  REQUIRE(errors.empty());
  REQUIRE(chain);
  return chain;
}

// The ids of the rules that run under `layers`.
Strings running(const std::vector<SelectionLayer>& layers) {
  const std::vector<const RuleInfo*> infos = test::test_rule_infos();
  const std::vector<bool> on = selected_rules(infos, layers);
  Strings out;
  for (size_t i = 0; i < infos.size(); ++i)
    if (on[i]) out.emplace_back(infos[i]->id);
  return out;
}

Strings running(const EffectiveConfig& config) {
  return running(config.selection);
}

SelectionLayer layer(std::string_view toml_rules) {
  TempTree tree;
  tree.write("c.toml", "[rules]\n" + std::string(toml_rules));
  return effective_config(*load(tree, "c.toml"), tree.path("x.md")).selection.at(0);
}

}  // namespace

TEST_CASE("config merge: extends applies the base first, scalars override, lists accumulate") {
  TempTree tree;
  tree.write("team.dic", "kubectl\n쿠버네티스/토너먼트\n");
  tree.write("base.toml", R"(fail-on = "error"
exclude = ["drafts"]
[front-matter]
title-key = "name"
[rules]
ignore = ["josa"]
[rules.heading-bilingual]
severity = "info"
convention = "title"
min-headings = 3
[rules.korean]
severity = "info"
[spelling]
words = ["kubectl"]
dictionaries = ["team.dic"]
)");
  tree.write("blog/.hanmark.toml", R"(extends = ["../base.toml"]
fail-on = "info"
exclude = ["*.draft.md"]
[rules]
extend-select = ["spelling"]
[rules.heading-bilingual]
min-headings = 4
[spelling]
words = ["helm", "kubectl"]
)");
  const EffectiveConfig config =
      effective_config(*load(tree, "blog/.hanmark.toml"), tree.path("blog/post.md"));
  CHECK(config.files == std::vector<std::filesystem::path>{tree.path("base.toml"),
                                                           tree.path("blog/.hanmark.toml")});
  CHECK(config.fail_on == Severity::info);
  CHECK(config.front_matter_title_key == "name");
  REQUIRE(config.exclude.size() == 2);
  CHECK(config.exclude[0].base() == tree.root());
  CHECK(config.exclude[1].base() == tree.path("blog"));
  CHECK(config.excluded(tree.path("blog/drafts/a.md")));
  CHECK(config.excluded(tree.path("blog/a.draft.md")));
  CHECK_FALSE(config.excluded(tree.path("blog/a.md")));

  const RuleSettings& bilingual = config.rules.at("heading-bilingual");
  CHECK(bilingual.severity == Severity::info);
  CHECK(bilingual.options.get<std::string>("convention", "") == "title");
  CHECK(bilingual.options.get<int64_t>("min-headings", 0) == 4);
  CHECK(config.category_severities.at("korean") == Severity::info);

  CHECK(config.spelling.words == Strings{"kubectl", "helm"});
  REQUIRE(config.spelling.dictionaries.size() == 1);
  CHECK(config.spelling.dictionaries[0].path == tree.path("team.dic"));
  CHECK(config.spelling.dictionaries[0].content == "kubectl\n쿠버네티스/토너먼트\n");

  CHECK(running(config) == Strings{"heading-bilingual", "image-alt", "spelling", "typo"});
}

TEST_CASE("config merge: select replaces what earlier layers chose") {
  TempTree tree;
  tree.write("base.toml", "[rules]\nextend-select = [\"line-length\"]\nignore = [\"typo\"]\n");
  tree.write("c.toml", "extends = [\"base.toml\"]\n[rules]\nselect = [\"markdown\", \"josa\"]\n");
  const EffectiveConfig config = effective_config(*load(tree, "c.toml"), tree.path("a.md"));
  CHECK(running(config) == Strings{"image-alt", "line-length", "josa"});
}

TEST_CASE("config merge: a later layer re-enables what an earlier one ignored") {
  TempTree tree;
  tree.write("base.toml", "[rules]\nignore = [\"korean\", \"typo\"]\n");
  tree.write("c.toml", "extends = [\"base.toml\"]\n[rules]\nextend-select = [\"josa\"]\n");
  CHECK(running(effective_config(*load(tree, "c.toml"), tree.path("a.md"))) ==
        Strings{"heading-bilingual", "image-alt", "josa"});
}

TEST_CASE("config merge: within a layer, a rule id beats its category, removal beats addition") {
  // select a rule, ignore its category: the rule runs.
  CHECK(running({layer("select = [\"josa\"]\nignore = [\"korean\"]\n")}) == Strings{"josa"});
  // select a category, ignore one of its rules.
  CHECK(running({layer("select = [\"markdown\"]\nignore = [\"image-alt\"]\n")}) ==
        Strings{"line-length"});
  // the same name added and removed: removed.
  CHECK(running({layer("extend-select = [\"line-length\"]\n[rules.line-length]\nenabled = "
                       "false\n")}) == Strings{"heading-bilingual", "image-alt", "josa", "typo"});
  // enabled = false on a category, enabled = true on one of its rules.
  CHECK(running({layer("[rules.markdown]\nenabled = false\n[rules.line-length]\nenabled = "
                       "true\n")}) == Strings{"heading-bilingual", "line-length", "josa", "typo"});
  // select = [] runs nothing.
  CHECK(running({layer("select = []\n")}).empty());
}

TEST_CASE("config merge: 'spelling' is the rule, not the category, as on the command line") {
  CHECK(running({layer("ignore = [\"spelling\"]\n")}) ==
        Strings{"heading-bilingual", "image-alt", "josa", "typo"});
  CHECK(running({layer("extend-select = [\"spelling\"]\n")}) ==
        Strings{"heading-bilingual", "image-alt", "josa", "spelling", "typo"});
  RuleSelection command_line;
  command_line.select = {"spelling"};
  CHECK(running({selection_layer(command_line)}) == Strings{"spelling"});
}

TEST_CASE("config merge: extends cycles are reported with the chain") {
  TempTree tree;
  tree.write("a.toml", "extends = [\"b.toml\"]\n");
  tree.write("b.toml", "fail-on = \"info\"\nextends = [\"sub/c.toml\"]\n");
  tree.write("sub/c.toml", "extends = [\"../a.toml\"]\n");
  ConfigLoader loader(test::test_catalog());
  std::vector<ConfigError> errors;
  CHECK(loader.load(tree.path("a.toml"), errors) == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == tree.path("sub/c.toml").string());
  CHECK(errors[0].line == 1);
  CHECK(errors[0].column == 12);
  const std::string a = tree.path("a.toml").string(), b = tree.path("b.toml").string(),
                    c = tree.path("sub/c.toml").string();
  CHECK(errors[0].message == "'extends' cycle: " + a + " -> " + b + " -> " + c + " -> " + a);

  tree.write("self.toml", "extends = [\"self.toml\"]\n");
  errors.clear();
  CHECK(loader.load(tree.path("self.toml"), errors) == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "'extends' cycle: " + tree.path("self.toml").string() + " -> " +
                                 tree.path("self.toml").string());
}

TEST_CASE("config merge: a file extended twice applies once, at its first place") {
  TempTree tree;
  tree.write("base.toml", "fail-on = \"error\"\n");
  tree.write("a.toml", "extends = [\"base.toml\"]\nfail-on = \"info\"\n");
  tree.write("b.toml", "extends = [\"base.toml\"]\n");
  tree.write("c.toml", "extends = [\"a.toml\", \"b.toml\"]\n");
  const EffectiveConfig config = effective_config(*load(tree, "c.toml"), tree.path("x.md"));
  CHECK(config.files == std::vector<std::filesystem::path>{tree.path("base.toml"),
                                                           tree.path("a.toml"), tree.path("b.toml"),
                                                           tree.path("c.toml")});
  CHECK(config.fail_on == Severity::info);  // base does not come back after a.toml
}

TEST_CASE("config merge: [[overrides]] apply to matching files, right after their file") {
  TempTree tree;
  tree.write("base.toml", R"([[overrides]]
paths = ["docs/en/**"]
[overrides.rules]
ignore = ["korean"]
[overrides.rules.heading-bilingual]
severity = "error"
convention = "headings"
[overrides.spelling]
words = ["colour"]
)");
  tree.write(".hanmark.toml", R"(extends = ["base.toml"]
[rules.heading-bilingual]
severity = "info"

[[overrides]]
paths = ["*.draft.md", "docs/en/legacy"]
[overrides.rules]
select = ["markdown"]
)");
  const auto chain = load(tree, ".hanmark.toml");

  const EffectiveConfig plain = effective_config(*chain, tree.path("docs/ko/post.md"));
  CHECK(plain.sources.size() == 2);
  CHECK(plain.rules.at("heading-bilingual").severity == Severity::info);
  CHECK(running(plain) == Strings{"heading-bilingual", "image-alt", "josa", "typo"});

  const EffectiveConfig english = effective_config(*chain, tree.path("docs/en/post.md"));
  REQUIRE(english.sources.size() == 3);
  CHECK(english.sources[1].ends_with("base.toml:1 [[overrides]] #1"));
  // The file's own top level comes after the base's override: its severity wins.
  CHECK(english.rules.at("heading-bilingual").severity == Severity::info);
  CHECK(english.rules.at("heading-bilingual").options.get<std::string>("convention", "") ==
        "headings");
  CHECK(english.spelling.words == Strings{"colour"});
  CHECK(running(english) == Strings{"heading-bilingual", "image-alt", "typo"});

  const EffectiveConfig legacy = effective_config(*chain, tree.path("docs/en/legacy/a/old.md"));
  CHECK(legacy.sources.size() == 4);
  CHECK(legacy.sources[3].ends_with(".hanmark.toml:5 [[overrides]] #1"));
  CHECK(running(legacy) == Strings{"image-alt", "line-length"});

  CHECK(matching_overrides(*chain, tree.path("notes/x.draft.md")) ==
        std::vector<bool>{false, true});
}
