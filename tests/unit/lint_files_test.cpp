// lint_files lints on worker threads and hands each file back once, in the given order, one at a
// time, also when the output is slower than the workers (they wait for room).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/lint_run.h"
#include "engine/registry.h"

namespace fs = std::filesystem;
using namespace hanmark;

namespace {

struct TempPosts {
  fs::path dir = fs::temp_directory_path() /
                 ("hanmark-lint-files-" +
                  std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  std::vector<std::string> paths;
  explicit TempPosts(size_t count) {
    fs::create_directories(dir);
    for (size_t i = 0; i < count; ++i) {
      paths.push_back((dir / ("post-" + std::to_string(i) + ".md")).string());
      std::ofstream(paths.back()) << "# 제목 " << i << "\n\n"
                                  << (i % 3 == 0 ? "recieve\n" : "본문\n");
    }
  }
  ~TempPosts() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("lint_files: every file once, in order, with a slow output and an unreadable file") {
  std::vector<std::string> unknown;
  const Linter linter = make_linter(make_all_rules(default_rule_resources()), {}, unknown);
  TempPosts posts(400);  // more than the window of 64 per thread
  std::vector<std::string> files = posts.paths;
  files.insert(files.begin() + 200, (posts.dir / "missing.md").string());
  for (unsigned jobs : {1u, 2u, 3u}) {
    CAPTURE(jobs);
    std::vector<std::string> emitted;
    size_t typos = 0;
    std::atomic<int> inside{0};
    std::atomic<bool> overlapped{false};
    lint_files(linter, files, jobs, [&](LintResult& result) {
      if (inside++ != 0) overlapped = true;
      // A slow start: the workers run ahead until the window is full and must wait.
      if (emitted.size() < 3) std::this_thread::sleep_for(std::chrono::milliseconds(30));
      if (result.report.doc) {
        emitted.push_back(result.report.doc->path());
        for (const Diagnostic& d : result.report.diagnostics) typos += d.rule == "typo";
      } else {
        CHECK(result.error.find("missing.md") != std::string::npos);
        emitted.push_back(files[200]);
      }
      --inside;
    });
    CHECK_FALSE(overlapped);
    CHECK(emitted == files);
    CHECK(typos == 134);  // posts 0, 3, …, 399
  }
}
