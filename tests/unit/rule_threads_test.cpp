// RuleThreads runs one lint's rules on several threads; Linter::lint with them must find exactly
// what the single-threaded lint finds, in the same order.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "engine/linter.h"
#include "engine/registry.h"
#include "engine/rule_threads.h"

namespace fs = std::filesystem;
using namespace hanmark;

namespace {

std::vector<std::string_view> names(size_t count) {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out;
    for (int i = 0; i < 64; ++i) out.push_back("task-" + std::to_string(i));
    return out;
  }();
  return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(count)};
}

// Everything a diagnostic says, for comparing two lints.
std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  for (const Diagnostic& d : diagnostics) {
    out << d.rule << ' ' << static_cast<int>(d.severity) << ' ' << d.span.begin << '-' << d.span.end
        << ' ' << d.message << '\n';
    for (const std::string& s : d.suggestions) out << "  suggestion " << s << '\n';
    for (const std::string& n : d.notes) out << "  note " << n << '\n';
    for (const Fix& f : d.fixes) {
      out << "  fix " << f.title << ' ' << f.safe << '\n';
      for (const Edit& e : f.edits)
        out << "    " << e.span.begin << '-' << e.span.end << ' ' << e.replacement << '\n';
    }
  }
  return out.str();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("rule threads: every task runs once, on more than one thread") {
  RuleThreads threads(1);
  REQUIRE(threads.helpers() == 1);
  for (int round = 0; round < 3; ++round) {
    std::mutex mutex;
    std::condition_variable both_started;
    int started = 0;
    std::multiset<size_t> ran;
    std::set<std::thread::id> ids;
    bool overlapped = true;
    threads.run(names(10), [&](size_t i) {
      std::unique_lock lock(mutex);
      ran.insert(i);
      ids.insert(std::this_thread::get_id());
      // The first two tasks wait for each other: they can only both start on two threads.
      if (i < 2 && ++started < 2)
        overlapped =
            both_started.wait_for(lock, std::chrono::seconds(10), [&] { return started == 2; });
      else if (i < 2)
        both_started.notify_all();
    });
    CHECK(ran == std::multiset<size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    CHECK(overlapped);
    CHECK(ids.size() == 2);
  }
}

TEST_CASE("rule threads: a task's exception reaches the caller after the other tasks ran") {
  RuleThreads threads(1);
  std::atomic<int> ran{0};
  CHECK_THROWS_WITH_AS(threads.run(names(8),
                                   [&](size_t i) {
                                     ++ran;
                                     if (i == 3) throw std::runtime_error("rule failed");
                                   }),
                       "rule failed", std::runtime_error);
  CHECK(ran == 8);
  // The threads still work afterwards.
  ran = 0;
  threads.run(names(5), [&](size_t) { ++ran; });
  CHECK(ran == 5);
}

TEST_CASE("rule threads: a second caller during a run does its tasks on its own thread") {
  RuleThreads threads(1);
  std::mutex mutex;
  std::condition_variable changed;
  bool inner_done = false;
  std::thread::id inner_thread;
  std::set<std::thread::id> inner_ids;
  std::thread other;
  threads.run(names(2), [&](size_t i) {
    if (i != 0) return;
    // While this run is in progress, another thread runs a batch of its own.
    other = std::thread([&] {
      inner_thread = std::this_thread::get_id();
      threads.run(names(4), [&](size_t) {
        const std::lock_guard lock(mutex);
        inner_ids.insert(std::this_thread::get_id());
      });
      const std::lock_guard lock(mutex);
      inner_done = true;
      changed.notify_all();
    });
    std::unique_lock lock(mutex);
    changed.wait_for(lock, std::chrono::seconds(10), [&] { return inner_done; });
  });
  other.join();
  CHECK(inner_done);
  CHECK(inner_ids == std::set<std::thread::id>{inner_thread});
}

TEST_CASE("rule threads: no helpers means the caller's thread only") {
  RuleThreads threads(0);
  std::vector<size_t> order;
  threads.run(names(4), [&](size_t i) { order.push_back(i); });
  CHECK(order == std::vector<size_t>{0, 1, 2, 3});
}

TEST_CASE("linter: rules on several threads find the same, in the same order") {
  std::vector<std::string> unknown;
  const Linter linter = make_linter(make_all_rules(default_rule_resources()), {}, unknown);
  RuleThreads threads(2);
  std::vector<fs::path> posts = {fs::path(HANMARK_SOURCE_DIR) / "examples" / "sample-post.md"};
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(HANMARK_SOURCE_DIR) / "tests" / "fixtures"))
    if (entry.path().extension() == ".md") posts.push_back(entry.path());
  REQUIRE(posts.size() > 50);
  size_t findings = 0;
  for (const fs::path& post : posts) {
    CAPTURE(post.string());
    const auto doc = Document::parse(post.string(), read_text(post));
    const std::vector<Diagnostic> alone = linter.lint(*doc);
    findings += alone.size();
    for (int round = 0; round < 2; ++round)  // the second round orders rules by their cost
      CHECK(describe(linter.lint(*doc, threads)) == describe(alone));
  }
  CHECK(findings > 100);
}
