// The hanmark command line, run as a user would: exit codes, formats, bad input.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/run.h"

using namespace hanmark::testing;
namespace fs = std::filesystem;

namespace {

const char* kClean = "# 제목 - Title\n\n깨끗한 본문입니다. A clean paragraph.\n";
const char* kPlaceholderImage = "# 제목 - Title\n\n![이미지](a.png) 본문 text\n";

std::string q(const fs::path& path) {
  return shell_quote(path.string());
}

}  // namespace

TEST_CASE("check: exit codes follow --fail-on, failures to read give 2 and the run goes on") {
  TempDir dir;
  const auto clean = dir.write("clean.md", kClean);
  const auto bad = dir.write("bad.md", kPlaceholderImage);

  RunResult r = run_hanmark("check " + q(clean));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no problems found in 1 file\n");

  r = run_hanmark("check " + q(bad));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("[image-alt]") != std::string::npos);

  CHECK(run_hanmark("check --fail-on error " + q(bad)).exit_code == 0);
  CHECK(run_hanmark("check --select markdown " + q(bad)).exit_code == 1);  // a category
  CHECK(run_hanmark("check --select korean,typo " + q(bad)).exit_code == 0);
  CHECK(run_hanmark("check --fail-on info " + q(bad)).exit_code == 1);

  r = run_hanmark("check " + q(dir.path() / "missing.md") + " " + q(bad));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot read '") != std::string::npos);
  CHECK(r.err.find("missing.md': No such file or directory") != std::string::npos);
  CHECK(r.out.find("bad.md:3:3: warning:") != std::string::npos);  // the rest is still linted

  CHECK(run_hanmark("check --no-such-flag " + q(clean)).exit_code == 2);
  r = run_hanmark("check --select image-alts " + q(clean));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean 'image-alt'?") != std::string::npos);
  CHECK(run_hanmark("").exit_code == 2);
}

TEST_CASE("check: text output is compiler-style, the caret sits under Hangul by display width") {
  TempDir dir;
  const auto bad = dir.write("bad.md", kPlaceholderImage);
  dir.write("a.png", "");  // the image exists: only its alt text is wrong
  const RunResult r = run_hanmark("check --color=never " + q(bad));
  const std::string path = bad.string();
  const std::string expected_head =
      path + ":3:3: warning: image has placeholder alt text '이미지' [image-alt]\n" +
      " 3 | ![이미지](a.png) 본문 text\n" + "   |   ^~~~~~\n";
  CHECK(r.out.substr(0, expected_head.size()) == expected_head);
  CHECK(r.out.find("   = help: ") != std::string::npos);
  CHECK(r.out.ends_with("0 errors, 1 warning, 0 info in 1 file\n"));
}

TEST_CASE("check: colors only when asked or on a terminal, and never with --color=never") {
  TempDir dir;
  const auto bad = dir.write("bad.md", kPlaceholderImage);
  CHECK(run_hanmark("check --color=always " + q(bad)).out.find("\x1b[") != std::string::npos);
  CHECK(run_hanmark("check " + q(bad)).out.find("\x1b[") == std::string::npos);  // not a tty
  CHECK(run_hanmark("check --color=never " + q(bad)).out.find("\x1b[") == std::string::npos);
}

TEST_CASE("check: --format json has the documented shape, code-point columns, end exclusive") {
  TempDir dir;
  dir.write("b.md", kPlaceholderImage);
  dir.write("a.md", "# 제목 - Title\n\n😀 ![photo](x.png)\n");
  dir.write("a.png", "");
  dir.write("x.png", "");
  const RunResult r = run_hanmark("check --format json " + q(dir.path()));
  CHECK(r.exit_code == 1);
  const auto json = nlohmann::json::parse(r.out);
  CHECK(json["version"] == 1);
  const auto& diagnostics = json["diagnostics"];
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0]["path"].get<std::string>().ends_with("a.md"));  // sorted by path
  CHECK(diagnostics[0]["column"] == 5);  // the emoji before it is one code point
  const auto& d = diagnostics[1];
  CHECK(d["path"].get<std::string>().ends_with("b.md"));
  CHECK(d["line"] == 3);
  CHECK(d["column"] == 3);
  CHECK(d["end_line"] == 3);
  CHECK(d["end_column"] == 6);  // '이미지' is three code points
  CHECK(d["severity"] == "warning");
  CHECK(d["rule"] == "image-alt");
  CHECK(d["message"] == "image has placeholder alt text '이미지'");
  CHECK(d["suggestions"].is_array());
  CHECK(d["fixes"].is_array());
}

TEST_CASE("check: output is identical for any thread count") {
  const std::string fixtures = shell_quote(std::string(HANMARK_SOURCE_DIR) + "/tests/fixtures");
  const RunResult one = run_hanmark("check -j 1 " + fixtures);
  const RunResult two = run_hanmark("check -j 2 " + fixtures);
  const RunResult four = run_hanmark("check -j 4 --format json " + fixtures);
  CHECK(one.exit_code == 1);
  CHECK(one.out == two.out);
  CHECK(four.out == run_hanmark("check -j 1 --format json " + fixtures).out);
}

TEST_CASE("check: bad input gets a clear message and never stops the run") {
  TempDir dir;
  dir.write("empty.md", "");
  dir.write("bom.md", "\xEF\xBB\xBF# 제목 - Title\n\n본문\n");
  dir.write("crlf.md", "# 제목 - Title\r\n\r\n![image](a.png)\r\n");
  dir.write("invalid.md", "# 제목 - Title\n\n앞 \xC3\x28 뒤 \xFF\n");
  dir.write("nul.md", std::string("# 제목 - Title\n\nA") + '\0' + "B\n");
  dir.write("long.md", std::string(10 * 1024 * 1024, 'a') + "\n");
  std::string hangul_line;  // one 200,000-syllable "word": Korean rules must stay linear
  for (int i = 0; i < 200000; ++i) hangul_line += "가";
  dir.write("hangul-line.md", hangul_line + "\n");
  std::string nested;
  for (int i = 0; i < 10000; ++i)
    nested += std::string(static_cast<size_t>(i % 60) * 2, ' ') + "- 항목\n";
  dir.write("nested.md", nested);
  fs::create_directories(dir.path() / "folder.md");  // a directory named like a post
  fs::create_directories(dir.path() / "no-markdown");
  dir.write("no-markdown/notes.txt", "not markdown");
  fs::create_symlink(dir.path() / "gone.md", dir.path() / "dangling.md");
  fs::create_directory_symlink(dir.path(), dir.path() / "loop");  // a symlink loop
  dir.write(".github/ISSUE_TEMPLATE/bug.md", "![](x.png)\n");     // hidden: not walked
  dir.write("node_modules/pkg/README.md", "![](x.png)\n");

  const RunResult r = run_hanmark("check " + q(dir.path()) + " " + q(dir.path() / "no-markdown"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("invalid.md:3:3: error: invalid UTF-8 byte at byte offset 22 (1 more in this "
                   "file) [encoding]") != std::string::npos);
  CHECK(r.out.find("nul.md:3:2: error: NUL byte at byte offset 19 [encoding]") !=
        std::string::npos);
  CHECK(r.out.find("crlf.md:3:3: warning: image has placeholder alt text 'image' [image-alt]") !=
        std::string::npos);
  CHECK(r.out.find("in 8 files") != std::string::npos);  // the dangling link and folder.md skipped
  CHECK(r.err.find("no Markdown files under '") != std::string::npos);
  CHECK(r.out.find("empty.md") == std::string::npos);
  CHECK(r.out.find("bom.md") == std::string::npos);

  CHECK(r.out.find("bug.md") == std::string::npos);
  CHECK(r.out.find("README.md") == std::string::npos);
  CHECK(run_hanmark("check " + q(dir.path() / ".github")).out.find("bug.md:1:1:") !=
        std::string::npos);

  const RunResult dangling = run_hanmark("check " + q(dir.path() / "dangling.md"));
  CHECK(dangling.exit_code == 2);
  CHECK(dangling.err.find("No such file or directory") != std::string::npos);
}

TEST_CASE("rules and explain list and document every rule") {
  const RunResult rules = run_hanmark("rules");
  CHECK(rules.exit_code == 0);
  for (const char* id :
       {"empty-section", "heading-bilingual", "image-alt", "leftover-comment", "spelling", "typo"})
    CHECK_MESSAGE(rules.out.find(std::string("\n") + id + " ") != std::string::npos, id);
  const RunResult explain = run_hanmark("explain image-alt");
  CHECK(explain.exit_code == 0);
  CHECK(explain.out.starts_with("# image-alt\n"));
  const RunResult unknown = run_hanmark("explain image-alts");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean 'image-alt'?") != std::string::npos);
}
