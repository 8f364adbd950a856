// TextMemo: results of a pure function of a text, remembered by the text itself, bounded.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "text/text_memo.h"

using hanmark::text::Keep;
using hanmark::text::SharedList;
using hanmark::text::TextMemo;

namespace {

// A "function of the text" that counts its calls.
struct Counted {
  int calls = 0;
  std::string operator()(std::string_view text) {
    ++calls;
    return "<" + std::string(text) + ">";
  }
};

}  // namespace

TEST_CASE("text memo: one computation per text, never another text's result") {
  TextMemo<std::string> memo;
  Counted f;
  const auto get = [&](std::string_view text) { return *memo.get(text, [&] { return f(text); }); };
  CHECK(get("딥러닝을 배웁니다") == "<딥러닝을 배웁니다>");
  CHECK(get("딥러닝을 배웁니다") == "<딥러닝을 배웁니다>");
  CHECK(f.calls == 1);
  CHECK(get("딥러닝을 배웁니다.") == "<딥러닝을 배웁니다.>");  // one byte more: another text
  CHECK(get(std::string("딥러닝을 배웁니다")) == "<딥러닝을 배웁니다>");
  CHECK(f.calls == 2);
}

TEST_CASE("text memo: Keep::when_asked_again keeps a text from its second request") {
  TextMemo<std::string> memo(Keep::when_asked_again);
  Counted f;
  const auto get = [&](std::string_view text) { return *memo.get(text, [&] { return f(text); }); };
  CHECK(get("a") == "<a>");
  CHECK(f.calls == 1);
  CHECK(get("a") == "<a>");
  CHECK(f.calls == 2);
  for (int i = 0; i < 3; ++i) CHECK(get("a") == "<a>");
  CHECK(f.calls == 2);
}

TEST_CASE("text memo: full, it forgets and starts again") {
  TextMemo<std::string> memo(Keep::always, 4, 1000, 1);  // one shard: every text counts
  Counted f;
  const auto get = [&](std::string_view text) { return *memo.get(text, [&] { return f(text); }); };
  for (const char* text : {"a", "b", "c", "d"}) get(text);
  CHECK(f.calls == 4);
  get("d");
  CHECK(f.calls == 4);
  get("e");  // the fifth text: the memo is cleared first
  CHECK(f.calls == 5);
  get("a");
  CHECK(f.calls == 6);
  get("e");
  CHECK(f.calls == 6);
  // A text larger than the byte budget is computed each time, never kept.
  const std::string big(2000, 'x');
  get(big);
  get(big);
  CHECK(f.calls == 8);
}

TEST_CASE("text memo: threads asking at once get the right results") {
  TextMemo<std::string> memo(Keep::always, 64);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string text = "paragraph " + std::to_string((i * 7 + t) % 100);
        if (*memo.get(text, [&] { return "<" + text + ">"; }) != "<" + text + ">") ++wrong;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong == 0);
}

namespace {

// Every text in one slot: what a memo does when two texts' hashes are equal.
struct SameHash {
  uint64_t operator()(std::string_view) const { return 42; }
};

}  // namespace

TEST_CASE("text memo: texts with the same hash never get each other's result") {
  for (const Keep keep : {Keep::always, Keep::when_asked_again}) {
    TextMemo<std::string, SameHash> memo(keep);
    Counted f;
    const auto get = [&](std::string_view text) {
      return *memo.get(text, [&] { return f(text); });
    };
    for (int round = 0; round < 3; ++round) {
      CHECK(get("a") == "<a>");
      CHECK(get("b") == "<b>");
      CHECK(get("a") == "<a>");
    }
  }
}

TEST_CASE("text memo: a result stays valid after the memo forgets it") {
  TextMemo<std::string> memo(Keep::always, 2, 1000, 1);
  const auto first = memo.get("a", [] { return std::string("<a>"); });
  for (const char* text : {"b", "c", "d", "e"}) memo.get(text, [&] { return std::string(text); });
  CHECK(*first == "<a>");
}

TEST_CASE("shared list: reads like the vector it holds, empty without one") {
  const SharedList<int> none;
  CHECK(none.empty());
  CHECK(none.size() == 0);
  CHECK(none.begin() == none.end());
  const SharedList<int> list(std::make_shared<const std::vector<int>>(std::vector<int>{1, 2, 3}));
  CHECK(list.size() == 3);
  CHECK(list.front() == 1);
  CHECK(list[1] == 2);
  CHECK(list.back() == 3);
  int sum = 0;
  for (const int i : list) sum += i;
  CHECK(sum == 6);
  const std::vector<int>& vector = list;
  CHECK(vector.size() == 3);
}

TEST_CASE("text hash: equal texts hash alike, a changed byte anywhere changes the hash") {
  std::string text = "딥러닝을 배웁니다. Deep learning, 0123456789 abcdefghijklmnop!";
  for (size_t length = 0; length <= text.size(); ++length) {
    const std::string_view prefix = std::string_view(text).substr(0, length);
    CHECK(hanmark::text_hash(prefix) == hanmark::text_hash(std::string(prefix)));
    if (length > 0) CHECK(hanmark::text_hash(prefix) != hanmark::text_hash(prefix.substr(1)));
    for (size_t i = 0; i < length; ++i) {
      std::string changed(prefix);
      changed[i] = static_cast<char>(changed[i] ^ 0x20);
      CHECK(hanmark::text_hash(changed) != hanmark::text_hash(prefix));
    }
  }
}
