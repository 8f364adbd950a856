// Where the binary takes its data from (docs/install.md): HANMARK_DATA_DIR, else share/hanmark
// beside it, else its built-in copy; `--version` says which.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/run.h"

using namespace hanmark::testing;

namespace {

// An empty HANMARK_DATA_DIR counts as unset.
const std::string kNoDataDir = "HANMARK_DATA_DIR=";

std::string second_line(const std::string& text) {
  const size_t first_end = text.find('\n');
  if (first_end == std::string::npos) return "";
  return text.substr(first_end + 1, text.find('\n', first_end + 1) - first_end - 1);
}

}  // namespace

TEST_CASE("--version: the version alone on the first line, where data comes from on the second") {
  const RunResult r = run_hanmark("--version", kNoDataDir);
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with(std::string("hanmark ") + HANMARK_VERSION + "\n"));
  const std::filesystem::path beside =
      std::filesystem::path(HANMARK_BINARY).parent_path() / "../share/hanmark";
  if (!std::filesystem::is_directory(beside)) CHECK(second_line(r.out) == "data: built in");
}

TEST_CASE("HANMARK_DATA_DIR: its files replace the built-in ones, the others stay built in") {
  TempDir data;
  data.write("dictionaries/typos-en.tsv", "hanmrak\thanmark\n");
  TempDir posts;
  const auto post = posts.write("post.md", "# Notes\n\nI ran hanmrak on recieve.\n");
  const std::string env = "HANMARK_DATA_DIR=" + shell_quote(data.path().string());

  const RunResult version = run_hanmark("--version", env);
  CHECK(second_line(version.out) == "data: " + data.path().string() + " (HANMARK_DATA_DIR)");

  const RunResult r = run_hanmark("check --no-config --color never " + shell_quote(post), env);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("'hanmrak' is a common misspelling of 'hanmark' [typo]") != std::string::npos);
  // This table replaces the built-in one, which has 'recieve'.
  CHECK(r.out.find("'recieve' is a common misspelling") == std::string::npos);
  // The rule docs are not in the directory: the built-in ones.
  const RunResult doc = run_hanmark("explain typo", env);
  CHECK(doc.exit_code == 0);
  CHECK(doc.out.starts_with("# typo"));
  CHECK(doc.err.empty());
}

TEST_CASE("HANMARK_DATA_DIR: not a directory is a warning, then the built-in data") {
  TempDir posts;
  const auto post = posts.write("post.md", "# Notes\n\nI ran hanmrak on recieve.\n");
  const std::string missing = (posts.path() / "no-such-dir").string();
  const RunResult r = run_hanmark("check --no-config --color never " + shell_quote(post),
                                  "HANMARK_DATA_DIR=" + shell_quote(missing));
  CHECK(r.exit_code == 1);
  CHECK(r.err == "hanmark: warning: HANMARK_DATA_DIR '" + missing +
                     "' is not a directory; using the built-in data\n");
  CHECK(r.out.find("'recieve' is a common misspelling of 'receive' [typo]") != std::string::npos);
  CHECK(r.out.find("'hanmrak' is a common misspelling") == std::string::npos);
}
