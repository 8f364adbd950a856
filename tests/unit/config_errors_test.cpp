// Configuration errors: each bad key, type, rule id or option is reported at its line:col, with a
// did-you-mean hint where one is close; all of them, not just the first.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "config/parsed_config.h"
#include "config/toml_reader.h"
#include "config_test_support.h"

using namespace hanmark;
using hanmark::test::lines;
using hanmark::test::load_errors;
using hanmark::test::TempTree;
using Lines = std::vector<std::string>;

TEST_CASE("config errors: unknown keys at every level, with did-you-mean") {
  TempTree tree;
  tree.write(".hanmark.toml", R"(exlude = ["x"]
[rules]
selct = ["josa"]
[spelling]
word = ["a"]
[front-matter]
title = "t"
[[overrides]]
path = ["docs/**"]
)");
  CHECK(load_errors(tree, ".hanmark.toml") ==
        lines({
            "1:1: unknown key 'exlude' at the top level; did you mean 'exclude'?",
            "3:1: unknown key 'selct' in [rules]; did you mean 'select'?",
            "5:1: unknown key 'word' in [spelling]; did you mean 'words'?",
            "7:1: unknown key 'title' in [front-matter]; did you mean 'title-key'?",
            "8:1: [[overrides]] entry without 'paths'",
            "9:1: unknown key 'path' in [[overrides]]; did you mean 'paths'?",
        }));
}

TEST_CASE("config errors: wrong types name the expected type, at the value") {
  TempTree tree;
  tree.write(".hanmark.toml", R"(fail-on = 2
exclude = "drafts"
extends = [1]
rule = {id = "x"}
[rules]
select = "josa"
ignore = ["josa", 3]
image-alt = false
[rules.josa]
severity = "warn"
enabled = "yes"
)");
  CHECK(load_errors(tree, ".hanmark.toml") ==
        lines({
            "1:11: wrong type for 'fail-on': expected a string ('info', 'warning' or 'error'), "
            "found an integer",
            "2:11: wrong type for 'exclude': expected an array of strings, found a string",
            "3:12: wrong type for an element of 'extends': expected a string, found an integer",
            "4:8: wrong type for 'rule': expected an array of tables ([[rule]]), found a table",
            "6:10: wrong type for 'select' in [rules]: expected an array of strings, found a "
            "string",
            "7:19: wrong type for an element of 'ignore' in [rules]: expected a string, found an "
            "integer",
            "8:13: wrong type for 'image-alt' in [rules]: expected a table of rule settings "
            "([rules.image-alt]), found a boolean",
            "10:12: invalid value 'warn' for 'severity' in [rules.josa]; expected 'info', "
            "'warning' or 'error'; did you mean 'warning'?",
            "11:11: wrong type for 'enabled' in [rules.josa]: expected a boolean, found a string",
        }));
}

TEST_CASE("config errors: unknown rule ids, categories and options, in [rules] and overrides") {
  TempTree tree;
  tree.write(".hanmark.toml", R"([rules]
select = ["josaa", "korean", "markdwn"]
extend-select = ["spelling", "custom"]
[rules.heading-bilingal]
severity = "error"
[rules.heading-bilingual]
conventon = "title"
min-headings = "3"
[rules.korean]
severity = "info"
max = 3
[rules.josa]
max = 3
[[overrides]]
paths = ["docs/**"]
[overrides.rules]
ignore = ["typoo"]
[overrides.rules.heading-bilingual]
convention = "titel"
min-headings = 0
[overrides.rules.line-length]
max = 1001
code = 1
allow = ["x", 2]
)");
  CHECK(load_errors(tree, ".hanmark.toml") ==
        lines({
            "2:11: unknown rule or category 'josaa' in 'select' of [rules]; did you mean 'josa'?",
            "2:30: unknown rule or category 'markdwn' in 'select' of [rules]; did you mean "
            "'markdown'?",
            "4:8: unknown rule or category 'heading-bilingal' in [rules]; did you mean "
            "'heading-bilingual'?",
            "7:1: unknown key 'conventon' in [rules.heading-bilingual]; did you mean 'convention'?",
            "8:16: wrong type for 'min-headings' in [rules.heading-bilingual]: expected an "
            "integer, found a string",
            "11:1: unknown key 'max' in [rules.korean]; a category takes only 'severity' and "
            "'enabled'",
            "13:1: unknown key 'max' in [rules.josa]; rule 'josa' has no options, only 'severity' "
            "and 'enabled'",
            "17:11: unknown rule or category 'typoo' in 'ignore' of [overrides.rules]; did you "
            "mean 'typo'?",
            "19:14: invalid value 'titel' for 'convention' in "
            "[overrides.rules.heading-bilingual]; expected one of 'auto', 'title' or 'headings'; "
            "did you mean 'title'?",
            "20:16: invalid value '0' for 'min-headings' in [overrides.rules.heading-bilingual]; "
            "expected an integer of at least 1",
            "22:7: invalid value '1001' for 'max' in [overrides.rules.line-length]; expected an "
            "integer from 1 to 1000",
            "23:8: wrong type for 'code' in [overrides.rules.line-length]: expected a boolean, "
            "found an integer",
            "24:9: wrong type for 'allow' in [overrides.rules.line-length]: expected an array of "
            "strings, found an array",
        }));
}

TEST_CASE("config errors: values that are not valid: severities, globs, files") {
  TempTree tree;
  tree.write(".hanmark.toml", R"(fail-on = "warn"
exclude = ["docs/[a-z", "../up/**", ""]
rule-files = ["rules/missing.toml"]
[spelling]
words = ["kubectl", " "]
dictionaries = ["team.dic"]
[[overrides]]
paths = []
)");
  CHECK(load_errors(tree, ".hanmark.toml") ==
        lines({
            "1:11: invalid value 'warn' for 'fail-on'; expected 'info', 'warning' or 'error'; did "
            "you mean 'warning'?",
            "2:12: unclosed '[' in glob 'docs/[a-z'",
            "2:25: glob '../up/**' leaves the configuration file's directory",
            "2:37: empty glob",
            "3:15: cannot find rule file 'rules/missing.toml'",
            "5:21: empty word in 'words' in [spelling]",
            "6:17: cannot read dictionary 'team.dic': no such file",
            "8:9: 'paths' in [[overrides]] is empty",
        }));
}

TEST_CASE("config errors: TOML syntax errors keep toml++'s position") {
  TempTree tree;
  tree.write(".hanmark.toml", "[rules]\nselect = [\"josa\"]\nselect = [\"typo\"]\n");
  CHECK(load_errors(tree, ".hanmark.toml") ==
        "3:10: invalid TOML: error while parsing key-value pair: cannot redefine existing array "
        "'select'\n");

  tree.write("b.toml", "fail-on = warning\n");
  CHECK(load_errors(tree, "b.toml") ==
        "1:11: invalid TOML: error while parsing value: could not determine value type\n");
}

TEST_CASE("config errors: a file that extends a broken file fails, the errors in the base") {
  TempTree tree;
  tree.write("base.toml", "[rules]\nignore = [\"jossa\"]\n");
  tree.write("sub/.hanmark.toml", "extends = [\"../base.toml\", \"../nope.toml\"]\n");
  ConfigLoader loader(test::test_catalog());
  std::vector<ConfigError> errors;
  CHECK(loader.load(tree.path("sub/.hanmark.toml"), errors) == nullptr);
  sort_unique(errors);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].path == tree.path("base.toml").string());
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column == 11);
  CHECK(errors[0].message ==
        "unknown rule or category 'jossa' in 'ignore' of [rules]; did you "
        "mean 'josa'?");
  CHECK(errors[1].path == tree.path("sub/.hanmark.toml").string());
  CHECK(errors[1].line == 1);
  CHECK(errors[1].column == 28);
  CHECK(errors[1].message == "cannot read extended configuration '../nope.toml': no such file");
  CHECK(errors[1].format() ==
        tree.path("sub/.hanmark.toml").string() +
            ":1:28: error: cannot read extended configuration '../nope.toml': no such file");
}

TEST_CASE("config errors: user rule ids come from the front end's loader") {
  TempTree tree;
  tree.write("rules/team.toml", "# declarative rules\n");
  tree.write(".hanmark.toml", R"(rule-files = ["rules/team.toml"]
[rules]
extend-select = ["no-click-here", "no-clik-here"]
[rules.no-click-here]
severity = "error"
level = 2

[[rule]]
id = "inline-one"
)");
  std::vector<std::filesystem::path> seen_files;
  size_t seen_inline = 0;
  ConfigLoader loader(test::test_catalog(),
                      [&](const UserRuleSources& sources, std::vector<ConfigError>&) {
                        seen_files = sources.rule_files;
                        seen_inline = sources.inline_rules.size();
                        return std::vector<std::string>{"no-click-here"};
                      });
  std::vector<ConfigError> errors;
  loader.load(tree.path(".hanmark.toml"), errors);
  CHECK(test::located(errors) ==
        lines({
            "3:35: unknown rule or category 'no-clik-here' in 'extend-select' of [rules]; did "
            "you mean 'no-click-here'?",
            "6:1: unknown key 'level' in [rules.no-click-here]; user rules take only 'severity' "
            "and 'enabled'",
        }));
  CHECK(seen_files == std::vector<std::filesystem::path>{tree.path("rules/team.toml")});
  CHECK(seen_inline == 1);
}

TEST_CASE("config errors: the message format is path:line:col: error: message") {
  const ConfigError e{"docs/.hanmark.toml", 3, 1, "unknown key 'selct' in [rules]"};
  CHECK(e.format() == "docs/.hanmark.toml:3:1: error: unknown key 'selct' in [rules]");
  const ConfigError whole{"x.toml", 0, 0, "cannot read configuration file: no such file"};
  CHECK(whole.format() == "x.toml: error: cannot read configuration file: no such file");
}
