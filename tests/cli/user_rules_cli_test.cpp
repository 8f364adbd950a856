// User rule files on the command line: check --rule-file, rules --rule-file, rules --check,
// explain --rule-file; exit codes and compiler-style errors.
#include <doctest/doctest.h>

#include "cli/run.h"

using namespace hanmark::testing;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& path) {
  return shell_quote(path.string());
}

const char* kRules = R"([[rule]]
id = "no-yuzeo"
type = "substitution"
swap = { "유저" = "사용자", "어드민" = "관리자" }
examples.bad = [{ text = "어드민을 봅니다.", fixed = "관리자를 봅니다." }]
examples.good = ["사용자가 봅니다."]

[[rule]]
id = "quiet-rule"
type = "existence"
enabled = false
words = ["본문"]
)";

const char* kPost = "# 제목 - Title\n\n유저가 어드민을 봅니다. 본문입니다.\n";

}  // namespace

TEST_CASE("rules --check: the shipped example rule file passes its own examples") {
  const std::string file = std::string(HANMARK_SOURCE_DIR) + "/examples/rules/ko-tech-style.toml";
  const RunResult r = run_hanmark("rules --check " + shell_quote(file));
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("1 rule file, 7 rules, "));
  CHECK(r.out.ends_with(" examples: all pass\n"));
  CHECK(r.err.empty());
}

TEST_CASE("rules --check: errors and failed examples as path:line:col, exit code 2") {
  TempDir dir;
  const auto good = dir.write("good.toml", kRules);
  const auto bad = dir.write("bad.toml",
                             "[[rule]]\nid = \"typo\"\ntype = \"existence\"\nwords = [\"x\"]\n\n"
                             "[[rule]]\nid = \"ok\"\ntype = \"existence\"\nwords = [\"유저\"]\n"
                             "mesage = \"m\"\n\n"
                             "[[rule]]\nid = \"fails\"\ntype = \"existence\"\nwords = [\"유저\"]\n"
                             "examples.good = [\"유저가\"]\n");
  RunResult r = run_hanmark("rules --check " + q(good));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "1 rule file, 2 rules, 2 examples: all pass\n");

  r = run_hanmark("rules --check " + q(good) + " " + q(bad) + " " + q(dir.path() / "none.toml"));
  CHECK(r.exit_code == 2);
  const std::string b = bad.string();
  CHECK(r.out == b + ":2:6: error: rule id 'typo' is taken by a built-in rule or category\n" + b +
                     ":10:1: error: unknown key 'mesage'; did you mean 'message'?\n" + b +
                     ":16:18: error: rule 'fails': good example '유저가' draws a finding at "
                     "'유저': avoid '유저'\n" +
                     (dir.path() / "none.toml").string() +
                     ": error: cannot read rule file: No such file or directory\n"
                     "3 rule files, 3 rules, 3 examples: 3 errors, 1 failed example\n");

  const auto syntax = dir.write("syntax.toml", "[[rule]\n");
  r = run_hanmark("rules --check " + q(syntax));
  CHECK(r.exit_code == 2);
  CHECK(r.out.starts_with(syntax.string() + ":1:8: error: invalid TOML"));
}

TEST_CASE("check --rule-file: user rules run with the built-in ones, by id and category") {
  TempDir dir;
  const auto rules = dir.write("rules.toml", kRules);
  const auto post = dir.write("post.md", kPost);
  const std::string p = post.string();

  RunResult r = run_hanmark("check --color=never --rule-file " + q(rules) + " " + q(post));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(p + ":3:1: warning: use '사용자' instead of '유저' [no-yuzeo]\n") !=
        std::string::npos);
  CHECK(r.out.find(p + ":3:5: warning: use '관리자' instead of '어드민' [no-yuzeo]\n") !=
        std::string::npos);
  CHECK(r.out.find("[quiet-rule]") == std::string::npos);  // off by default

  r = run_hanmark("check --format json --select custom --rule-file " + q(rules) + " " + q(post));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"rule\":\"quiet-rule\"") != std::string::npos);  // a category selects all
  CHECK(r.out.find("\"replacement\":\"관리자를\"") != std::string::npos);

  CHECK(run_hanmark("check --select no-yuzeo --ignore no-yuzeo --rule-file " + q(rules) + " " +
                    q(post))
            .exit_code == 0);
  CHECK(run_hanmark("check --select quiet-rule --rule-file " + q(rules) + " " + q(post))
            .out.find("[quiet-rule]") != std::string::npos);
  r = run_hanmark("check --select no-yuzeoo --rule-file " + q(rules) + " " + q(post));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean 'no-yuzeo'?") != std::string::npos);
  // Without the rule file the id is unknown.
  CHECK(run_hanmark("check --select no-yuzeo " + q(post)).exit_code == 2);
}

TEST_CASE("check --rule-file: a bad or missing rule file stops the run with exit code 2") {
  TempDir dir;
  const auto post = dir.write("post.md", kPost);
  const auto bad = dir.write("bad.toml", "[[rule]]\nid = \"x\"\ntype = \"existence\"\nwords = 3\n");
  RunResult r = run_hanmark("check --rule-file " + q(bad) + " " + q(post));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == bad.string() +
                     ":4:9: error: 'words' must be a string or an array of strings, not an "
                     "integer\n");
  r = run_hanmark("check --rule-file " + q(dir.path() / "missing.toml") + " " + q(post));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("missing.toml: error: cannot read rule file") != std::string::npos);
}

TEST_CASE("rules and explain with --rule-file list and describe user rules") {
  TempDir dir;
  const auto rules = dir.write("rules.toml", kRules);
  RunResult r = run_hanmark("rules --rule-file " + q(rules));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\nno-yuzeo               custom      warning   always     on       '유저' → "
                   "'사용자', '어드민' → '관리자'\n") != std::string::npos);
  CHECK(r.out.find("\nquiet-rule             custom      warning   -          off      flags "
                   "'본문'\n") != std::string::npos);
  CHECK(r.out.find("\nimage-alt ") != std::string::npos);

  r = run_hanmark("explain no-yuzeo --rule-file " + q(rules));
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("# no-yuzeo\n\nA user rule (substitution) defined in "));
  CHECK(run_hanmark("explain no-yuzeo").exit_code == 2);
}
