// Unified diffs: hunks, context, line counts and the missing-final-newline marker, checked by
// applying the diff back with patch(1) when it is installed.
#include "fix/unified_diff.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/run.h"

using hanmark::unified_diff;
namespace fs = std::filesystem;

namespace {

std::string numbered(int from, int to, const std::string& suffix = "") {
  std::string out;
  for (int i = from; i <= to; ++i) out += "line " + std::to_string(i) + suffix + "\n";
  return out;
}

// Applies `diff` to a file holding `before` with patch(1); the patched text, or nullopt when
// patch is missing.
std::optional<std::string> patched(const std::string& before, const std::string& diff) {
  if (std::system("command -v patch >/dev/null 2>&1") != 0) return std::nullopt;
  const hanmark::testing::TempDir temp;
  const fs::path& dir = temp.path();
  fs::create_directories(dir / "a");
  std::ofstream(dir / "a" / "f.md", std::ios::binary) << before;
  std::ofstream(dir / "f.diff", std::ios::binary) << diff;
  const std::string command =
      "cd '" + dir.string() + "/a' && patch -s -p1 --binary < ../f.diff > ../out.txt 2>&1";
  const int status = std::system(command.c_str());
  std::ostringstream text;
  text << std::ifstream(dir / "a" / "f.md", std::ios::binary).rdbuf();
  std::ostringstream log;
  log << std::ifstream(dir / "out.txt").rdbuf();
  INFO("patch said: " << log.str());
  CHECK(status == 0);
  return text.str();
}

void check_round_trip(const std::string& before, const std::string& after) {
  const std::string diff = unified_diff(before, after, "f.md");
  INFO("diff:\n" << diff);
  if (const auto result = patched(before, diff)) CHECK(*result == after);
}

}  // namespace

TEST_CASE("unified_diff: equal texts give nothing, headers name a/ and b/") {
  CHECK(unified_diff("same\n", "same\n", "x.md").empty());
  CHECK(unified_diff("old\n", "new\n", "dir/x.md") ==
        "--- a/dir/x.md\n+++ b/dir/x.md\n@@ -1 +1 @@\n-old\n+new\n");
}

TEST_CASE("unified_diff: three lines of context, near changes share a hunk, far ones do not") {
  const std::string before = numbered(1, 20);
  std::string after = before;
  after.replace(after.find("line 2\n"), 7, "line two\n");
  after.replace(after.find("line 6\n"), 7, "line six\n");   // 3 lines apart: same hunk
  after.replace(after.find("line 18\n"), 8, "line 18!\n");  // far: its own hunk
  const std::string diff = unified_diff(before, after, "f.md");
  CHECK(diff.find("@@ -1,9 +1,9 @@\n line 1\n-line 2\n+line two\n line 3\n") != std::string::npos);
  CHECK(diff.find("@@ -15,6 +15,6 @@\n line 15\n") != std::string::npos);
  check_round_trip(before, after);
}

TEST_CASE("unified_diff: insertions, deletions, empty sides") {
  check_round_trip(numbered(1, 10), numbered(1, 4) + "new\n" + numbered(5, 10));
  check_round_trip(numbered(1, 10), numbered(1, 3) + numbered(7, 10));
  CHECK(unified_diff("", "a\n", "f.md") == "--- a/f.md\n+++ b/f.md\n@@ -0,0 +1 @@\n+a\n");
  CHECK(unified_diff("a\nb\n", "a\n", "f.md") == "--- a/f.md\n+++ b/f.md\n@@ -1,2 +1 @@\n a\n-b\n");
  check_round_trip("a\n", "");
}

TEST_CASE("unified_diff: a missing final newline is marked, CRLF lines stay whole") {
  CHECK(unified_diff("a\nb", "a\nc", "f.md") ==
        "--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
        "\\ No newline at end of file\n");
  check_round_trip("a\nb", "a\nb\n");
  check_round_trip("a\nb\n", "a\nb");
  check_round_trip("one  \r\ntwo\r\nthree\r\n", "one\r\ntwo\r\nthree\r\n");
  check_round_trip("\xEF\xBB\xBF# 제목 \n\n본문\n", "\xEF\xBB\xBF# 제목\n\n본문\n");
}

TEST_CASE("unified_diff: many scattered changes round-trip") {
  std::string before, after;
  for (int i = 0; i < 300; ++i) {
    before += "줄 " + std::to_string(i) + "\n";
    if (i % 17 == 3) continue;                // deleted
    if (i % 23 == 5) after += "추가된 줄\n";  // inserted
    after += "줄 " + std::to_string(i) + (i % 11 == 0 ? " 바뀜" : "") + "\n";
  }
  check_round_trip(before, after);
}
