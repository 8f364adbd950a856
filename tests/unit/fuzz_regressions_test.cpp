// Replays the inputs kept under tests/fuzz/<target>/ (minimized inputs the fuzzers found, plus
// hand-picked tricky seeds) through the same target bodies libFuzzer runs (fuzz/fuzz_targets.h),
// here in the normal build. A broken property throws instead of aborting, so that doctest names
// the file. See docs/fuzzing.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"

namespace {

namespace fs = std::filesystem;
using Body = int (*)(const uint8_t*, size_t);

const std::map<std::string, Body> kTargets = {
    {"document", hanmark_fuzz_document}, {"fix", hanmark_fuzz_fix},
    {"lsp", hanmark_fuzz_lsp},           {"config", hanmark_fuzz_config},
    {"lexicon", hanmark_fuzz_lexicon},
};

fs::path regressions_dir() {
  return fs::path(HANMARK_SOURCE_DIR) / "tests" / "fuzz";
}

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(regressions_dir() / target))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

struct ThrowOnViolation {
  ThrowOnViolation() {
    hanmark::fuzz::set_violation_handler(
        [](const std::string& what) { throw std::runtime_error(what); });
  }
  ~ThrowOnViolation() { hanmark::fuzz::set_violation_handler(nullptr); }
};

// Runs every input of `target`; returns how many there were.
size_t replay(const std::string& target) {
  const ThrowOnViolation throwing;
  const Body body = kTargets.at(target);
  size_t count = 0;
  for (const fs::path& file : inputs_of(target)) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    INFO("input: ", file.string());
    CHECK_NOTHROW(body(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("fuzz regressions: tests/fuzz has a directory per target and nothing else") {
  std::vector<std::string> dirs;
  for (const auto& entry : fs::directory_iterator(regressions_dir())) {
    CHECK_MESSAGE(entry.is_directory(), entry.path().string(), " is not a target directory");
    dirs.push_back(entry.path().filename().string());
  }
  std::sort(dirs.begin(), dirs.end());
  CHECK(dirs == std::vector<std::string>{"config", "document", "fix", "lexicon", "lsp"});
}

TEST_CASE("fuzz regressions: document inputs parse, lint and render as valid JSON") {
  CHECK(replay("document") >= 3);
}

TEST_CASE("fuzz regressions: fix inputs settle, stay UTF-8 and are idempotent") {
  CHECK(replay("fix") >= 3);
}

TEST_CASE("fuzz regressions: lsp byte streams get well-formed JSON frames back") {
  CHECK(replay("lsp") >= 3);
}

TEST_CASE("fuzz regressions: config inputs load, print as TOML and lint") {
  CHECK(replay("config") >= 3);
}

TEST_CASE("fuzz regressions: lexicon inputs get libhunspell's answers from the Korean lexicon") {
  CHECK(replay("lexicon") >= 3);
}

TEST_CASE("fuzz regressions: a broken property fails the replay instead of passing silently") {
  const ThrowOnViolation throwing;
  CHECK_THROWS_WITH_AS(hanmark::fuzz::violation("planted"), "planted", std::runtime_error);
}
