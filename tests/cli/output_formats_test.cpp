// `hanmark check --format sarif|github`, --output and the progress line, run as a user would
// (docs/output-formats.md).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/run.h"

using namespace hanmark::testing;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string q(const fs::path& path) {
  return shell_quote(path.string());
}

std::string cd(const fs::path& dir) {
  return "cd " + q(dir) + " &&";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// User rules of every severity, with '%', ',' and ':' in their messages, and one whose findings
// span two lines.
const char* kRules = R"([[rule]]
id = "pct-error"
type = "existence"
severity = "error"
message = "100% wrong: '{actual}'"
help = "a help line with 50% and, commas: colons"
words = ["문장"]

[[rule]]
id = "note-info"
type = "existence"
severity = "info"
enabled = true
message = "a note about '{actual}'"
words = ["Title"]

[[rule]]
id = "across"
type = "existence"
message = "across lines"
patterns = ['끝\s+시작']
)";

const json& rule_named(const json& rules, const std::string& id) {
  for (const json& rule : rules)
    if (rule["id"] == id) return rule;
  FAIL("no rule " << id);
  static const json none;
  return none;
}

// Ids that `hanmark rules` lists, with the user rules of `rule_file`.
std::set<std::string> listed_rule_ids(const fs::path& rule_file) {
  const RunResult r = run_hanmark("rules --rule-file " + q(rule_file));
  REQUIRE(r.exit_code == 0);
  std::set<std::string> ids;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) ids.insert(line.substr(0, line.find(' ')));
  return ids;
}

}  // namespace

TEST_CASE("sarif: UTF-16 columns and repository-relative URIs with snippets and fixes") {
  TempDir dir;
  const fs::path repo = dir.path() / "repo";
  fs::create_directories(repo / ".git");  // the root: the git work tree around the cwd
  dir.write("repo/docs/한글 post.md", "# 제목 - Title\n\n😀 한국어 recieve 입니다.  \n");
  dir.write("outside.md", "# 제목 - Title\n\n문장 recieve\n");
  const std::string args = "'한글 post.md' ../../outside.md";

  const RunResult r = run_hanmark("check --format sarif " + args, cd(repo / "docs"));
  CHECK(r.exit_code == 1);
  const json log = json::parse(r.out);
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "utf16CodeUnits");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + repo.string() + "/");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(run["invocations"][0].count("toolExecutionNotifications") == 0);

  // The same findings in code points (--format json), to compare columns with.
  const json plain = json::parse(run_hanmark("check --format json " + args, cd(repo / "docs")).out);
  const json& results = run["results"];
  REQUIRE(results.size() == plain["diagnostics"].size());

  const json* typo = nullptr;
  const json* trailing = nullptr;
  for (size_t i = 0; i < results.size(); ++i) {
    const json& result = results[i];
    const json& same = plain["diagnostics"][i];
    CHECK(result["ruleId"] == same["rule"]);
    const json& location = result["locations"][0]["physicalLocation"];
    const json& region = location["region"];
    CHECK(region["startLine"] == same["line"]);
    CHECK(region["endLine"] == same["end_line"]);
    if (same["path"] == "한글 post.md") {
      CHECK(location["artifactLocation"]["uri"] == "docs/%ED%95%9C%EA%B8%80%20post.md");
      CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
      if (region["startLine"] == 3) {
        // 😀 is one code point and two UTF-16 code units.
        CHECK(region["startColumn"] == same["column"].get<int>() + 1);
        CHECK(region["endColumn"] == same["end_column"].get<int>() + 1);
      }
      if (result["ruleId"] == "typo") typo = &result;
      if (result["ruleId"] == "trailing-space") trailing = &result;
    } else {
      CHECK(location["artifactLocation"]["uri"] ==
            "file://" + (dir.path() / "outside.md").string());
      CHECK(location["artifactLocation"].count("uriBaseId") == 0);
      CHECK(region["startColumn"] == same["column"]);  // no astral characters before
    }
  }

  REQUIRE(typo != nullptr);
  const json& region = (*typo)["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"] == 8);
  CHECK(region["endColumn"] == 15);
  CHECK(region["snippet"]["text"] == "recieve");
  CHECK((*typo)["level"] == "warning");
  CHECK((*typo)["message"]["text"] ==
        "'recieve' is a common misspelling of 'receive'\ndid you mean 'receive'?");
  const json& fix = (*typo)["fixes"][0];
  CHECK(fix["description"]["text"] == "replace with 'receive'");
  CHECK(fix["properties"]["safe"] == true);
  const json& change = fix["artifactChanges"][0];
  CHECK(change["artifactLocation"]["uri"] == "docs/%ED%95%9C%EA%B8%80%20post.md");
  const json& replacement = change["replacements"][0];
  CHECK(replacement["deletedRegion"]["startColumn"] == 8);
  CHECK(replacement["deletedRegion"]["endColumn"] == 15);
  CHECK(replacement["insertedContent"]["text"] == "receive");

  REQUIRE(trailing != nullptr);  // a deletion: no inserted content
  const json& deletion = (*trailing)["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(deletion.count("insertedContent") == 0);
  CHECK((*trailing)["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "  ");
}

TEST_CASE("sarif: the driver lists every rule the run knows with user rules and `encoding`") {
  TempDir dir;
  const fs::path rules = dir.write("rules.toml", kRules);
  dir.write("a.md", "# 제목 - Title\n\n문장입니다.\n");
  const RunResult r =
      run_hanmark("check --format sarif --select typo --rule-file rules.toml a.md", cd(dir.path()));
  const json log = json::parse(r.out);
  const json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "hanmark");
  CHECK(driver["version"] == HANMARK_VERSION);
  CHECK(driver["semanticVersion"] == HANMARK_VERSION);
  CHECK(driver["informationUri"].get<std::string>().starts_with("https://"));

  std::set<std::string> ids;
  for (const json& rule : driver["rules"]) ids.insert(rule["id"].get<std::string>());
  std::set<std::string> expected = listed_rule_ids(rules);
  expected.insert("encoding");
  CHECK(ids == expected);  // all of them, though only `typo` was selected
  CHECK(ids.size() == driver["rules"].size());

  const json& typo = rule_named(driver["rules"], "typo");
  CHECK(typo["name"] == "Typo");
  CHECK(typo["shortDescription"]["text"].get<std::string>().find("misspellings") !=
        std::string::npos);
  CHECK(typo["fullDescription"]["text"].get<std::string>().starts_with("Reports English words"));
  CHECK(typo["help"]["markdown"].get<std::string>().starts_with("# typo\n"));
  CHECK(typo["helpUri"].get<std::string>().ends_with("/rules/spelling/typo.md"));
  CHECK(typo["defaultConfiguration"]["level"] == "warning");
  CHECK(typo["defaultConfiguration"].count("enabled") == 0);
  CHECK(typo["properties"]["category"] == "spelling");
  CHECK(typo["properties"]["fix"] == "always");

  CHECK(rule_named(driver["rules"], "line-length")["defaultConfiguration"]["enabled"] == false);
  const json& user = rule_named(driver["rules"], "pct-error");
  CHECK(user["defaultConfiguration"]["level"] == "error");
  CHECK(user["properties"]["category"] == "custom");
  CHECK(user.count("helpUri") == 0);
  CHECK(user["help"]["markdown"].get<std::string>().starts_with("# pct-error\n"));
  CHECK(rule_named(driver["rules"], "note-info")["defaultConfiguration"]["level"] == "note");
  CHECK(rule_named(driver["rules"], "encoding")["defaultConfiguration"]["level"] == "error");

  // ruleIndex points at the result's rule.
  for (const json& result : log["runs"][0]["results"])
    CHECK(driver["rules"][result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
}

TEST_CASE("sarif: unreadable paths are notifications and invalid UTF-8 stays valid JSON") {
  TempDir dir;
  dir.write("bad.md", "# 제목 - Title\n\n깨진 \xff\xfe 바이트 recieve\n");
  const RunResult r = run_hanmark("check --format sarif bad.md missing.md", cd(dir.path()));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot read 'missing.md'") != std::string::npos);
  const json log = json::parse(r.out);  // throws on invalid UTF-8
  const json& invocation = log["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  CHECK(invocation["toolExecutionNotifications"][0]["level"] == "error");
  CHECK(invocation["toolExecutionNotifications"][0]["message"]["text"] ==
        "cannot read 'missing.md': No such file or directory");
  bool encoding = false;
  for (const json& result : log["runs"][0]["results"]) {
    if (result["ruleId"] != "encoding") continue;
    encoding = true;
    CHECK(result["level"] == "error");
    CHECK(result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] ==
          "\xEF\xBF\xBD");  // U+FFFD for the byte
  }
  CHECK(encoding);
}

TEST_CASE("github: one workflow command per finding escaped as the runner parses them") {
  TempDir dir;
  dir.write("rules.toml", kRules);
  dir.write("a,b:c%d 한글.md",
            "# 제목 - Title\n\n문장 recieve 있습니다.\n\n문단의 끝\n시작입니다.\n");
  const RunResult r =
      run_hanmark("check --format github --rule-file rules.toml 'a,b:c%d 한글.md'", cd(dir.path()));
  CHECK(r.exit_code == 1);
  const std::string file = "file=a%2Cb%3Ac%25d 한글.md";
  CHECK(r.out ==
        "::notice title=hanmark (note-info)," + file +
            ",line=1,endLine=1,col=8,endColumn=13::a note about 'Title'\n"
            "::error title=hanmark (pct-error)," +
            file +
            ",line=3,endLine=3,col=1,endColumn=3::100%25 wrong: '문장'%0Ahelp: a help line with "
            "50%25 and, commas: colons\n"
            "::warning title=hanmark (typo)," +
            file +
            ",line=3,endLine=3,col=4,endColumn=11::'recieve' is a common misspelling of "
            "'receive'%0Ahelp: did you mean 'receive'?\n"
            // Over two lines the runner would drop the columns: they are left out.
            "::warning title=hanmark (across)," +
            file +
            ",line=5,endLine=6::across lines\n"
            "1 error, 2 warnings, 1 info in 1 file\n");
}

TEST_CASE("github: chosen when GITHUB_ACTIONS=true unless --format says otherwise") {
  TempDir dir;
  dir.write("a.md", "# 제목 - Title\n\n문장 recieve\n");
  RunResult r = run_hanmark("check a.md", cd(dir.path()) + " GITHUB_ACTIONS=true");
  CHECK(r.out.starts_with("::warning title=hanmark (typo),file=a.md,line=3,"));
  CHECK(r.out.ends_with("\n0 errors, 1 warning, 0 info in 1 file\n"));
  r = run_hanmark("check --format text a.md", cd(dir.path()) + " GITHUB_ACTIONS=true");
  CHECK(r.out.starts_with("a.md:3:4: warning: "));
  r = run_hanmark("check --format json a.md", cd(dir.path()) + " GITHUB_ACTIONS=true");
  CHECK(json::parse(r.out)["diagnostics"].size() == 1);
  r = run_hanmark("check a.md", cd(dir.path()) + " GITHUB_ACTIONS=false");
  CHECK(r.out.starts_with("a.md:3:4: warning: "));
  r = run_hanmark("check a.md", cd(dir.path()));
  CHECK(r.out.starts_with("a.md:3:4: warning: "));
}

TEST_CASE("--output: every format writes the same report to the file and nothing to stdout") {
  TempDir dir;
  dir.write("a.md", "# 제목 - Title\n\n문장 recieve\n");
  for (const std::string format : {"text", "json", "sarif", "github"}) {
    CAPTURE(format);
    const RunResult to_stdout = run_hanmark("check --format " + format + " a.md", cd(dir.path()));
    const RunResult to_file =
        run_hanmark("check --format " + format + " --output report.out a.md", cd(dir.path()));
    CHECK(to_file.exit_code == 1);
    CHECK(to_file.out.empty());
    CHECK(slurp(dir.path() / "report.out") == to_stdout.out);
  }
  // No colors in a file unless asked for.
  CHECK(run_hanmark("check --color=auto --output c.txt a.md", cd(dir.path())).exit_code == 1);
  CHECK(slurp(dir.path() / "c.txt").find("\x1b[") == std::string::npos);
  run_hanmark("check --color=always --output c.txt a.md", cd(dir.path()));
  CHECK(slurp(dir.path() / "c.txt").find("\x1b[") != std::string::npos);
  // The fix mode's findings (and --diff's diff) go there too.
  CHECK(run_hanmark("check --diff --output d.txt a.md", cd(dir.path())).out.empty());
  CHECK(slurp(dir.path() / "d.txt").find("+문장 receive") != std::string::npos);
}

TEST_CASE("--output: an existing report is replaced whole keeping its mode and bad paths exit 2") {
  TempDir dir;
  dir.write("a.md", "# 제목 - Title\n\n깨끗한 본문입니다.\n");
  const fs::path old = dir.write("report.txt", std::string(10000, 'x'));
  fs::permissions(old, fs::perms(0640));
  CHECK(run_hanmark("check --output report.txt a.md", cd(dir.path())).exit_code == 0);
  CHECK(slurp(old) == "no problems found in 1 file\n");
  CHECK((fs::status(old).permissions() & fs::perms::all) == fs::perms(0640));
  // No temporary file is left beside it.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 2);

  RunResult r = run_hanmark("check --output no/such/dir/report.txt a.md", cd(dir.path()));
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "hanmark: error: cannot write 'no/such/dir/report.txt': No such file or directory\n");
  CHECK(r.out.empty());
  r = run_hanmark("check --output . a.md", cd(dir.path()));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "hanmark: error: cannot write '.': is a directory\n");
}

TEST_CASE("progress: shown on a terminal beyond 200 files and never when stderr is not one") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    MESSAGE("skipped: `script` (util-linux) is not installed");
    return;
  }
  TempDir dir;
  for (int i = 0; i < 201; ++i)
    dir.write("many/p" + std::to_string(i) + ".md", "# 제목\n\n문장 recieve\n");
  for (int i = 0; i < 200; ++i) dir.write("few/p" + std::to_string(i) + ".md", "# 제목\n");
  // `script` gives the command a terminal for stdout and stderr alike.
  const auto under_pty = [&](const std::string& command) {
    const fs::path out = dir.path() / "pty.out";
    const std::string inner = "unset GITHUB_ACTIONS; " + cd(dir.path()) + " " +
                              shell_quote(HANMARK_BINARY) + " " + command;
    std::system(("script -qec " + shell_quote(inner) + " /dev/null >" + q(out) + " 2>&1").c_str());
    return slurp(out);
  };

  std::string out = under_pty("check -j 2 many");
  CHECK(out.find("/201 files, ") != std::string::npos);
  CHECK(out.find("hanmark: [") != std::string::npos);
  // Erased before each file's findings, and at the end before the summary.
  const size_t last = out.rfind("/201 files, ");
  CHECK(out.find("\r\x1b[K", last) != std::string::npos);
  CHECK(out.find("0 info in 201 files") != std::string::npos);
  for (size_t at = out.find("files, "); at != std::string::npos; at = out.find("files, ", at + 1)) {
    const size_t line_end = out.find('\n', at);
    const size_t erase = out.find("\r\x1b[K", at);
    CHECK(erase < line_end);  // nothing is printed after the bar on its line
  }

  CHECK(under_pty("check --no-progress many").find("files, ") == std::string::npos);
  CHECK(under_pty("check few").find("files, ") == std::string::npos);  // 200: not more than 200
  // stderr to a file, stdout still a terminal: no progress anywhere.
  out = under_pty("check many 2>err.txt");
  CHECK(out.find("files, ") == std::string::npos);
  CHECK(slurp(dir.path() / "err.txt").empty());
  const RunResult plain = run_hanmark("check many", cd(dir.path()));
  CHECK(plain.err.empty());
  CHECK(plain.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("a report that cannot be written to standard output fails the run") {
  TempDir dir;
  dir.write("clean.md", "# 제목 - Title\n\n본문입니다.\n");
  dir.write("finding.md", "# 제목 - Title\n\n![image](a.png)\n");
  for (const char* format : {"text", "json", "sarif", "github"}) {
    INFO(format);
    for (const char* file : {"clean.md", "finding.md"}) {
      INFO(file);
      // run_hanmark captures stdout itself: this one goes to /dev/full by hand.
      const fs::path err = dir.path() / "err";
      const std::string command = "unset GITHUB_ACTIONS; " + q(HANMARK_BINARY) +
                                  " check --format " + format + " " + q(dir.path() / file) +
                                  " >/dev/full 2>" + q(err) + " </dev/null";
      const int status = std::system(command.c_str());
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 2);
      CHECK(slurp(err).find("cannot write the report to standard output") != std::string::npos);
    }
  }
}
