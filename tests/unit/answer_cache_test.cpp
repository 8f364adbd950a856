// The spellers' shared answer cache (src/spell/answer_cache.h).
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "spell/answer_cache.h"

using namespace hanmark;

TEST_CASE("answer cache: computes once per key, across growth and clear()") {
  AnswerCache<int> cache;
  int computed = 0;
  const auto answer = [&](const std::string& key) {
    return cache.get(key, [&] {
      ++computed;
      return static_cast<int>(key.size());
    });
  };
  // Short keys (kept inline) and long ones; enough to make every shard grow several times.
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i)
    keys.push_back(i % 2 ? std::to_string(i) : std::string(40, 'x') + std::to_string(i));
  for (const std::string& key : keys) CHECK(answer(key) == static_cast<int>(key.size()));
  CHECK(computed == 5000);
  for (const std::string& key : keys) CHECK(answer(key) == static_cast<int>(key.size()));
  CHECK(computed == 5000);
  CHECK(answer("") == 0);  // the empty key is a key like any other
  CHECK(answer("") == 0);
  CHECK(computed == 5001);
  cache.clear();
  CHECK(answer(keys.front()) == static_cast<int>(keys.front().size()));
  CHECK(computed == 5002);
}

TEST_CASE("answer cache: an answer computed across clear() is not kept") {
  AnswerCache<int> cache;
  CHECK(cache.get("word", [&] {
    cache.clear();  // words were added while this answer was being computed
    return 1;
  }) == 1);
  CHECK(cache.get("word", [] { return 2; }) == 2);
  CHECK(cache.get("word", [] { return 3; }) == 2);
}

TEST_CASE("answer cache: threads agree") {
  AnswerCache<std::string> cache;
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20000; ++i) {
        const std::string key = std::to_string((i * 7 + t) % 3000);
        if (cache.get(key, [&] { return key + "!"; }) != key + "!") ++wrong[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int w : wrong) CHECK(w == 0);
}
