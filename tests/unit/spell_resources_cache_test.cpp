// Spell resources kept across configuration reloads: shared while the options are equal, and
// extended in place when a word is added, with the same answers as resources loaded afresh.
#include <doctest/doctest.h>

#include <hunspell/hunspell.hxx>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "cli/run.h"
#include "spell/hunspell_pool.h"
#include "spell/spell_resources_cache.h"

using namespace hanmark;
using hanmark::testing::TempDir;

namespace {

SpellOptions with_dictionary(std::string dictionary) {
  SpellOptions options;
  options.personal_dictionaries.push_back(std::move(dictionary));
  return options;
}

// What the English speller says about `words`: accepted, then near misses.
std::vector<std::string> english_answers(const SpellResources& resources,
                                         const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& word : words) {
    std::string answer = word + (resources.english().correct(word) ? " ok" : " unknown");
    for (const std::string& near : resources.english().near_misses(word)) answer += " " + near;
    out.push_back(answer);
  }
  return out;
}

std::vector<std::string> korean_answers(const SpellResources& resources,
                                        const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& word : words)
    out.push_back(word + (resources.korean().correct(word) ? " ok" : " unknown") +
                  (resources.korean().is_tech_word(word) ? " tech" : ""));
  return out;
}

}  // namespace

TEST_CASE("spell cache: equal options share resources, other options get their own") {
  SpellResourcesCache cache;
  const auto first = cache.get(with_dictionary("Zorbly\n"));
  CHECK(cache.get(with_dictionary("Zorbly\n")) == first);
  SpellOptions other = with_dictionary("Zorbly\n");
  other.english_dictionary = "en_GB";
  CHECK(cache.get(other) != first);
  CHECK(cache.counts().reused == 1);
  CHECK(cache.counts().created == 2);
  CHECK(cache.counts().extended == 0);
}

TEST_CASE("spell resources: an added English word, learnt by the loaded speller") {
  const auto before = SpellResources::create(with_dictionary("# mine\nGrafanna\n"));
  const std::vector<std::string> words = {"Zorbly", "Zorblys",  "Zorbly's", "zorbly",
                                          "Zorblu", "Grafanna", "wrold",    "world"};
  // Answers cached before the word comes must not outlive it.
  CHECK_FALSE(before->english().correct("Zorbly"));
  CHECK(before->english().near_misses("Zorblu").empty());

  const SpellOptions options = with_dictionary("# mine\nGrafanna\nZorbly\n");
  const auto after = before->extended(options);
  REQUIRE(after);
  CHECK(after->options() == options);
  CHECK(&after->english() == &before->english());  // not loaded again
  CHECK(after->english().correct("Zorbly"));
  CHECK(after->english().near_misses("Zorblu") == std::vector<std::string>{"Zorbly"});
  CHECK(english_answers(*after, words) == english_answers(*SpellResources::create(options), words));
}

TEST_CASE("spell resources: an added Korean word takes particles at once") {
  SpellOptions base;
  base.korean_tech_words = "컴포넌트/토너먼트\n";
  SpellOptions old_options = base, options = base;
  old_options.extra_words = {"쿠버네티스/토너먼트"};
  options.extra_words = {"쿠버네티스/토너먼트", "깗뷁/토너먼트"};
  const auto before = SpellResources::create(old_options);
  const std::vector<std::string> words = {"깗뷁",         "깗뷁을",     "깗뷁이",
                                          "쿠버네티스를", "컴포넌트가", "깗뷁앍"};
  CHECK_FALSE(before->korean().correct("깗뷁을"));

  const auto after = before->extended(options);
  REQUIRE(after);
  CHECK(&after->korean() == &before->korean());
  CHECK(after->korean().correct("깗뷁을"));
  CHECK(after->korean().is_tech_word("깗뷁"));
  CHECK(korean_answers(*after, words) == korean_answers(*SpellResources::create(options), words));
}

TEST_CASE("spell resources: not extended when a word goes or another option changes") {
  const auto before = SpellResources::create(with_dictionary("Zorbly\nGrafanna\n"));
  CHECK_FALSE(before->extended(with_dictionary("Zorbly\n")));
  SpellOptions other = with_dictionary("Zorbly\nGrafanna\nKubeflowz\n");
  other.english_dictionary = "en_GB";
  CHECK_FALSE(before->extended(other));
  // A Korean entry modelled on an added word: the order of adding them matters.
  const auto korean = SpellResources::create(with_dictionary("가나다/토너먼트\n"));
  CHECK_FALSE(korean->extended(with_dictionary("가나다/토너먼트\n라마바/가나다\n")));
  CHECK(korean->extended(with_dictionary("가나다/토너먼트\n라마바/토너먼트\n")));
}

TEST_CASE("spell resources: parts not loaded yet load with the new words") {
  const auto before = SpellResources::create(with_dictionary("Zorbly\n"));
  const auto after = before->extended(with_dictionary("Zorbly\nGrafanna\n"));
  REQUIRE(after);
  CHECK(after->english().correct("Grafanna"));
  CHECK_FALSE(before->english().correct("Grafanna"));  // loaded on its own, from its own options
}

TEST_CASE("spell cache: a generation extends what the last one used, never what it uses") {
  SpellResourcesCache cache;
  const SpellOptions one = with_dictionary("Zorbly\n"), two = with_dictionary("Zorbly\nGrafanna\n"),
                     three = with_dictionary("Zorbly\nKubeflowz\n");
  const auto first = cache.get(one);
  CHECK(first->english().correct("Zorbly"));
  // In the same generation `first` is in use: `two` gets resources of its own.
  const auto second = cache.get(two);
  CHECK(cache.counts().created == 2);
  CHECK_FALSE(first->english().correct("Grafanna"));

  cache.next_generation();
  const auto third = cache.get(three);  // extends `one` (`two` has a word `three` lacks)
  CHECK(cache.counts().extended == 1);
  CHECK(cache.counts().created == 2);
  CHECK(&third->english() == &first->english());
  CHECK(third->english().correct("Kubeflowz"));
  CHECK(cache.get(three) == third);
  CHECK(cache.size() == 2);  // `one` left when it was extended

  cache.next_generation();  // `two` was last used two generations ago
  CHECK(cache.size() == 1);
  cache.next_generation();
  CHECK(cache.size() == 0);
}

TEST_CASE("hunspell pool: a change reaches every instance, a leased one on its next lease") {
  TempDir dir;
  const auto aff = dir.write("tiny.aff", "SET UTF-8\n");
  const auto dic = dir.write("tiny.dic", "2\nhello\nworld\n");
  const auto load = [&] { return std::make_unique<Hunspell>(aff.c_str(), dic.c_str()); };
  HunspellPool pool(load(), load, 3);
  {
    const HunspellPool::Lease held = pool.acquire();
    const HunspellPool::Lease loaded = pool.acquire();  // a second instance
    CHECK(pool.size() == 2);
    pool.change_all([](Hunspell& h) { h.add(std::string("zorbly")); });
    CHECK_FALSE(held->spell(std::string("zorbly")));  // no change under a lease
    CHECK(held->spell(std::string("hello")));
  }
  const HunspellPool::Lease a = pool.acquire(), b = pool.acquire(), c = pool.acquire();
  CHECK(pool.size() == 3);  // the third loaded after the change
  CHECK(a->spell(std::string("zorbly")));
  CHECK(b->spell(std::string("zorbly")));
  CHECK(c->spell(std::string("zorbly")));
}

TEST_CASE("spell resources: words added while other threads check and suggest") {
  const std::vector<std::string> added = {"Zorbly", "Grafanna", "Kubeflowz", "Terrafomr", "Plnet"};
  auto resources = SpellResources::create(with_dictionary("\n"));
  const EnglishSpeller& speller = resources->english();
  std::atomic<bool> done{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t] {
      for (size_t i = 0; !done.load(); ++i) {
        const std::string& word = added[(i + t) % added.size()];
        speller.correct(word);
        speller.near_misses(word + "x");
        if (i % 50 == 0) speller.suggest(word);
      }
    });
  std::string list;
  for (const std::string& word : added) {
    list += word + "\n";
    resources = resources->extended(with_dictionary(list));
    REQUIRE(resources);
    CHECK(speller.correct(word));
  }
  done = true;
  for (std::thread& thread : threads) thread.join();
  for (const std::string& word : added) CHECK(speller.correct(word));
  CHECK(&resources->english() == &speller);  // passed on, never loaded again
}
