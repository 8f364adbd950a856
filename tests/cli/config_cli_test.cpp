// Configuration files on the command line: discovery, extends, overrides, exclude, rule settings,
// spelling words, fail-on, errors, --config, --no-config and `hanmark config`.
#include <doctest/doctest.h>

#include "cli/run.h"

using namespace hanmark::testing;
namespace fs = std::filesystem;

namespace {

// Two trailing spaces: one trailing-space warning, nothing else.
const char* kPost = "# 제목\n\n사용자가 관리자를 봅니다.  \n";

// Runs hanmark in `dir`, so that paths in the output are relative to it.
RunResult run_in(const fs::path& dir, const std::string& args) {
  return run_hanmark(args, "cd " + shell_quote(dir.string()) + " &&");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("config: the nearest configuration file wins, parents are not merged") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write("sub/b.md", kPost);
  dir.write(".hanmark.toml", "[rules]\nignore = [\"trailing-space\"]\n");
  dir.write("sub/hanmark.toml", "fail-on = \"warning\"\n");
  const RunResult r = run_in(dir.path(), "check --color never .");
  CHECK(r.exit_code == 1);
  CHECK_FALSE(has(r.out, "a.md:"));
  CHECK(has(r.out, "sub/b.md:3:15: warning: 2 trailing spaces [trailing-space]"));
  CHECK(r.err.empty());
}

TEST_CASE("config: both names in one directory: .hanmark.toml is used, with a warning") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write(".hanmark.toml", "[rules]\nignore = [\"trailing-space\"]\n");
  dir.write("hanmark.toml", "");
  const RunResult r = run_in(dir.path(), "check .");
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "hanmark: warning: both '.hanmark.toml' and 'hanmark.toml' exist"));
}

TEST_CASE("config: extends applies the base first, the file can turn a rule back on") {
  TempDir dir;
  dir.write("base.toml", "[rules]\nignore = [\"trailing-space\"]\n");
  dir.write("quiet/.hanmark.toml", "extends = [\"../base.toml\"]\n");
  dir.write("quiet/a.md", kPost);
  dir.write("loud/.hanmark.toml",
            "extends = [\"../base.toml\"]\n[rules]\nextend-select = [\"trailing-space\"]\n");
  dir.write("loud/b.md", kPost);
  const RunResult r = run_in(dir.path(), "check --color never quiet loud");
  CHECK(r.exit_code == 1);
  CHECK_FALSE(has(r.out, "quiet/a.md"));
  CHECK(has(r.out, "loud/b.md:3:15: warning"));
}

TEST_CASE("config: [[overrides]] apply to the files their paths match") {
  TempDir dir;
  dir.write(".hanmark.toml",
            "[[overrides]]\npaths = [\"docs/en/**\"]\n[overrides.rules]\nignore = "
            "[\"trailing-space\"]\n");
  dir.write("docs/en/a.md", kPost);
  dir.write("docs/ko/b.md", kPost);
  const RunResult r = run_in(dir.path(), "check --color never docs");
  CHECK_FALSE(has(r.out, "docs/en/a.md"));
  CHECK(has(r.out, "docs/ko/b.md:3:15: warning"));
}

TEST_CASE("config: exclude skips files and directories while walking, not files named") {
  TempDir dir;
  dir.write(".hanmark.toml", "exclude = [\"drafts\", \"*.draft.md\"]\n");
  dir.write("a.md", kPost);
  dir.write("b.draft.md", kPost);
  dir.write("drafts/c.md", kPost);
  const RunResult walked = run_in(dir.path(), "check --color never .");
  CHECK(has(walked.out, "a.md:3:15"));
  CHECK_FALSE(has(walked.out, "b.draft.md"));
  CHECK_FALSE(has(walked.out, "drafts/c.md"));
  CHECK(has(walked.out, "in 1 file"));
  const RunResult named = run_in(dir.path(), "check --color never drafts/c.md b.draft.md");
  CHECK(has(named.out, "drafts/c.md:3:15"));
  CHECK(has(named.out, "b.draft.md:3:15"));
}

TEST_CASE("config: per-rule and per-category severity") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write(".hanmark.toml", "[rules.trailing-space]\nseverity = \"error\"\n");
  const RunResult r = run_in(dir.path(), "check --color never a.md");
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "a.md:3:15: error: 2 trailing spaces [trailing-space]"));
  dir.write(".hanmark.toml", "[rules.markdown]\nseverity = \"info\"\n");
  const RunResult info = run_in(dir.path(), "check --color never a.md");
  CHECK(info.exit_code == 0);  // info is below the default fail-on
  CHECK(has(info.out, "a.md:3:15: info: 2 trailing spaces [trailing-space]"));
}

TEST_CASE("config: a rule option reaches the rule") {
  TempDir dir;
  dir.write("a.md", "# 제목\n\n\"곧은\" 따옴표와 “굽은” 따옴표, “둥근” 따옴표.\n");
  const RunResult on = run_in(dir.path(), "check --color never --select paired-punctuation a.md");
  CHECK(on.exit_code == 1);
  CHECK(has(on.out, "[paired-punctuation]"));
  dir.write(".hanmark.toml", "[rules.paired-punctuation]\nmixed-quotes = false\n");
  const RunResult off = run_in(dir.path(), "check --color never --select paired-punctuation a.md");
  CHECK(off.exit_code == 0);
  CHECK_FALSE(has(off.out, "[paired-punctuation]"));
}

TEST_CASE("config: [spelling] words are the house spelling, so typo leaves them alone") {
  TempDir dir;
  dir.write("a.md", "# Title\n\nWe recieve 데이타를 daily.\n");
  const RunResult before = run_in(dir.path(), "check --color never --select typo a.md");
  CHECK(has(before.out, "'recieve'"));
  CHECK(has(before.out, "'데이타를'"));
  dir.write(".hanmark.toml", "[spelling]\nwords = [\"recieve\", \"데이타/토너먼트\"]\n");
  const RunResult after = run_in(dir.path(), "check --color never --select typo a.md");
  CHECK(after.exit_code == 0);
  CHECK_FALSE(has(after.out, "recieve"));
  CHECK_FALSE(has(after.out, "데이타"));
}

TEST_CASE("config: [spelling] words are accepted by the spelling rule") {
  TempDir dir;
  dir.write("a.md", "# Title\n\nThe servr was fast.\n");
  const RunResult before = run_in(dir.path(), "check --color never --select spelling a.md");
  if (!has(before.err, "no hunspell en_US dictionary")) {
    CHECK(has(before.out, "unknown word 'servr' [spelling]"));
  }
  dir.write(".hanmark.toml", "[spelling]\nwords = [\"servr\"]\n");
  const RunResult after = run_in(dir.path(), "check --color never --select spelling a.md");
  CHECK(after.exit_code == 0);
  CHECK_FALSE(has(after.out, "servr"));
}

TEST_CASE("config: Korean words and personal dictionaries reach korean-spelling") {
  TempDir dir;
  dir.write("a.md", "# 제목\n\n쿠버네트스를 씁니다.\n");
  const std::string args = "check --color never --select korean-spelling a.md";
  CHECK(has(run_in(dir.path(), args).out, "unknown Korean word '쿠버네트스를'"));
  dir.write(".hanmark.toml", "[spelling]\nwords = [\"쿠버네트스/토너먼트\"]\n");
  CHECK(run_in(dir.path(), args).exit_code == 0);
  dir.write(".hanmark.toml", "[spelling]\ndictionaries = [\"team.dic\"]\n");
  dir.write("team.dic", "# team words\n쿠버네트스/토너먼트\n");
  CHECK(run_in(dir.path(), args).exit_code == 0);
  fs::remove(dir.path() / "team.dic");
  const RunResult missing = run_in(dir.path(), args);
  CHECK(missing.exit_code == 2);
  CHECK(has(missing.err, ".hanmark.toml:2:17: error: cannot read dictionary 'team.dic'"));
}

TEST_CASE("config: fail-on from the configuration, --fail-on wins") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write(".hanmark.toml", "fail-on = \"error\"\n");
  const RunResult r = run_in(dir.path(), "check a.md");
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "[trailing-space]"));
  CHECK(run_in(dir.path(), "check --fail-on warning a.md").exit_code == 1);
}

TEST_CASE("config: an error stops the run before linting, with path:line:col, exit 2") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write("sub/b.md", kPost);
  dir.write("sub/.hanmark.toml",
            "[rules]\nignore = [\"trailing-spac\"]\n[rules.josa]\nseverity = \"warn\"\n");
  const RunResult r = run_in(dir.path(), "check .");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(has(r.err, "sub/.hanmark.toml:2:11: error: unknown rule or category 'trailing-spac'"));
  CHECK(has(r.err, "did you mean 'trailing-space'?"));
  CHECK(has(r.err, "sub/.hanmark.toml:4:12: error: invalid value 'warn' for 'severity'"));
}

TEST_CASE("config: --no-config ignores configuration files, even broken ones") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write(".hanmark.toml", "[rules]\nignore = [\"trailing-space\"]\n");
  CHECK(run_in(dir.path(), "check a.md").exit_code == 0);
  const RunResult r = run_in(dir.path(), "check --no-config a.md");
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "[trailing-space]"));
  dir.write(".hanmark.toml", "[rules]\nselct = []\n");
  CHECK(run_in(dir.path(), "check --no-config a.md").exit_code == 1);
  CHECK(run_in(dir.path(), "check --no-config --config x.toml a.md").exit_code == 2);
}

TEST_CASE("config: --config FILE is used for every file, instead of discovery") {
  TempDir dir;
  dir.write("a.md", kPost);
  dir.write("sub/b.md", kPost);
  dir.write("sub/.hanmark.toml", "[rules]\nselect = []\n");
  dir.write("conf/quiet.toml", "[rules]\nignore = [\"trailing-space\"]\n");
  const RunResult r = run_in(dir.path(), "check --config conf/quiet.toml .");
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "in 2 files"));
  const RunResult missing = run_in(dir.path(), "check --config nope.toml .");
  CHECK(missing.exit_code == 2);
  CHECK(has(missing.err, "nope.toml"));
}

TEST_CASE("config: rule-files and inline [[rule]] tables add user rules") {
  TempDir dir;
  dir.write("a.md", "# 제목\n\n유저가 어드민을 봅니다.\n");
  dir.write("rules/style.toml",
            "[[rule]]\nid = \"no-yuzeo\"\ntype = \"substitution\"\nswap = { \"유저\" = "
            "\"사용자\" }\n");
  dir.write(".hanmark.toml",
            "rule-files = [\"rules/style.toml\"]\n[rules.no-yuzeo]\nseverity = \"error\"\n\n"
            "[[rule]]\nid = \"no-admin\"\ntype = \"substitution\"\nswap = { \"어드민\" = "
            "\"관리자\" }\n");
  const RunResult r = run_in(dir.path(), "check --color never a.md");
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "a.md:3:1: error: "));
  CHECK(has(r.out, "[no-yuzeo]"));
  CHECK(has(r.out, "[no-admin]"));
  const RunResult ignored = run_in(dir.path(), "check --color never --ignore no-admin a.md");
  CHECK_FALSE(has(ignored.out, "[no-admin]"));
  CHECK(has(ignored.out, "[no-yuzeo]"));
}

TEST_CASE("config: hanmark config names the contributing files and the effective settings") {
  TempDir dir;
  dir.write("base.toml", "fail-on = \"error\"\n");
  dir.write("docs/.hanmark.toml",
            "extends = [\"../base.toml\"]\n[rules.trailing-space]\nseverity = \"info\"\n");
  dir.write("docs/a.md", kPost);
  const RunResult r = run_in(dir.path(), "config docs/a.md");
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "# hanmark configuration for docs/a.md"));
  CHECK(has(r.out, "#   base.toml\n#   docs/.hanmark.toml\n"));
  CHECK(has(r.out, "fail-on = \"error\""));
  CHECK(has(r.out, "[rules.trailing-space]\nseverity = \"info\""));
  const RunResult none = run_in(dir.path(), "config --no-config docs");
  CHECK(none.exit_code == 0);
  CHECK_FALSE(has(none.out, "base.toml"));
  dir.write("docs/.hanmark.toml", "fail-on = 3\n");
  const RunResult bad = run_in(dir.path(), "config docs");
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "docs/.hanmark.toml:1:"));
}
