// didChange edits applied in the negotiated encoding, the store's revisions, and the scheduler
// that coalesces bursts of changes.
#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "lsp/document_store.h"
#include "lsp/lint_scheduler.h"

using namespace hanmark;
using namespace hanmark::lsp;
using namespace std::chrono_literals;

namespace {

std::string edited(std::string text, LspRange range, const std::string& replacement,
                   PositionEncoding encoding) {
  apply_change(text, {range, replacement}, encoding);
  return text;
}

}  // namespace

TEST_CASE("lsp sync: range edits on a Hangul and emoji line, in both encodings") {
  const std::string text = "제목\r\n😀 한국어 Enginner 끝\r\n";
  // Replace "Enginner": after 😀(2) ␠ 한국어(3) ␠ = 7 UTF-16 units, 4+1+9+1 = 15 bytes.
  CHECK(edited(text, {{1, 7}, {1, 15}}, "Engineer", PositionEncoding::utf16) ==
        "제목\r\n😀 한국어 Engineer 끝\r\n");
  CHECK(edited(text, {{1, 15}, {1, 23}}, "Engineer", PositionEncoding::utf8) ==
        "제목\r\n😀 한국어 Engineer 끝\r\n");
  // Across the CRLF: join the lines.
  CHECK(edited(text, {{0, 2}, {1, 0}}, " ", PositionEncoding::utf16) ==
        "제목 😀 한국어 Enginner 끝\r\n");
  // An insertion at the very end, on the empty last line.
  CHECK(edited(text, {{2, 0}, {2, 0}}, "새 줄", PositionEncoding::utf16) == text + "새 줄");
  // Full replacement.
  std::string whole = text;
  apply_change(whole, {std::nullopt, "new"}, PositionEncoding::utf16);
  CHECK(whole == "new");
}

TEST_CASE("lsp sync: several changes apply in order, each on the previous result") {
  DocumentStore store;
  store.open({"file:///a.md", "/a.md", "가나다\n", 1, 0, nullptr});
  REQUIRE(store.change("file:///a.md", 2,
                       {{LspRange{{0, 1}, {0, 1}}, "😀"},   // 가😀나다
                        {LspRange{{0, 3}, {0, 4}}, "X"}},  // the emoji is two units: 가😀X다
                       PositionEncoding::utf16));
  const auto document = store.get("file:///a.md");
  REQUIRE(document);
  CHECK(document->text == "가😀X다\n");
  CHECK(document->version == 2);
  CHECK_FALSE(store.change("file:///b.md", 2, {}, PositionEncoding::utf16));
}

TEST_CASE("lsp sync: a result is kept only for the revision it was linted from") {
  DocumentStore store;
  store.open({"file:///a.md", "/a.md", "a", 1, 0, nullptr});
  const uint64_t first = store.get("file:///a.md")->revision;
  auto result = std::make_shared<LintResult>();
  result->revision = first;
  store.change("file:///a.md", 2, {{std::nullopt, "b"}}, PositionEncoding::utf16);
  CHECK_FALSE(store.set_result("file:///a.md", result));  // overtaken by version 2
  // Closed and opened again with the same version number: still another text.
  store.close("file:///a.md");
  store.open({"file:///a.md", "/a.md", "c", 1, 0, nullptr});
  CHECK_FALSE(store.set_result("file:///a.md", result));
  result->revision = store.get("file:///a.md")->revision;
  CHECK(store.set_result("file:///a.md", result));
  CHECK(store.get("file:///a.md")->result_is_current());
  store.close("file:///a.md");
  CHECK_FALSE(store.set_result("file:///a.md", result));
}

TEST_CASE("lsp scheduler: a lone change runs at once, a burst runs once after it") {
  std::mutex mutex;
  std::vector<std::pair<std::string, LintScheduler::Clock::time_point>> runs;
  const auto count = [&] {
    const std::lock_guard lock(mutex);
    return runs.size();
  };
  // Jobs for "b" wait for `release`, so that the test can queue and cancel work behind them.
  std::promise<void> b_started, release;
  std::shared_future<void> released = release.get_future().share();
  LintScheduler scheduler(
      [&](const std::string& uri) {
        if (uri == "b") {
          b_started.set_value();
          released.wait();
        }
        const std::lock_guard lock(mutex);
        runs.emplace_back(uri, LintScheduler::Clock::now());
      },
      500ms);
  const auto start = LintScheduler::Clock::now();
  scheduler.schedule("a");
  scheduler.wait_idle();
  REQUIRE(count() == 1);
  CHECK(runs[0].second - start < 400ms);  // not held back by the delay

  // Ten changes 5 ms apart: linted once, the delay after the last (twice at most, when the first
  // change came more than the delay after the lone one on a loaded machine).
  for (int i = 0; i < 10; ++i) {
    scheduler.schedule("a");
    std::this_thread::sleep_for(5ms);
  }
  const auto last_change = LintScheduler::Clock::now();
  scheduler.wait_idle();
  REQUIRE(count() >= 2);
  CHECK(count() <= 3);
  CHECK(runs.back().second - last_change >= 400ms);

  // Documents are independent, and a cancelled one does not run: "c" is queued while the
  // worker is busy with "b" (a lone change would otherwise start at once), then cancelled.
  const size_t before = count();
  scheduler.schedule("b");
  b_started.get_future().wait();
  scheduler.schedule("c");
  scheduler.cancel("c");
  release.set_value();
  scheduler.wait_idle();
  REQUIRE(count() == before + 1);
  CHECK(runs.back().first == "b");
}
