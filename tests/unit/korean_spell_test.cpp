// The Korean speller (hunspell-ko + ko-tech.dic) and the Korean misspelling table.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/embedded_files.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "spell/hunspell_clock.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"

using namespace hanmark;

namespace {

constexpr char kKoreanTech[] = R"(# test vocabulary
컴포넌트/토너먼트
쿠버네티스/토너먼트   # trailing comment
렌더링/토너먼트
렌더링하다/사용하다
렌더링되다/사용되다
)";

std::shared_ptr<SpellResources> korean_resources() {
  static const std::shared_ptr<SpellResources> resources = [] {
    SpellOptions options;
    options.korean_tech_words = kKoreanTech;
    return SpellResources::create(options);
  }();
  return resources;
}

std::vector<std::string> matched(const KoreanTypoTable& table, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : table.find(text)) out.emplace_back(text.substr(m.begin, m.end - m.begin));
  return out;
}

}  // namespace

TEST_CASE("korean speller: hunspell-ko with the tech vocabulary") {
  const KoreanSpeller& ko = korean_resources()->korean();
  if (!ko.available()) {
    MESSAGE("hunspell-ko not installed; skipping");
    return;
  }
  CHECK(ko.tech_word_count() == 5);
  CHECK(ko.is_tech_word("컴포넌트"));
  CHECK(ko.correct("사과를"));
  CHECK_FALSE(ko.correct("사과를을"));
  // Particles attach to tech words in the right form only.
  CHECK(ko.correct("컴포넌트를"));
  CHECK(ko.correct("컴포넌트가"));
  CHECK_FALSE(ko.correct("컴포넌트을"));
  CHECK(ko.correct("쿠버네티스는"));
  CHECK_FALSE(ko.correct("쿠버네티스은"));
  CHECK(ko.correct("렌더링으로"));
  CHECK(ko.correct("렌더링하는"));
  CHECK(ko.correct("렌더링된"));
  // NFD input (macOS) is normalised first.
  CHECK(ko.correct("\xE1\x84\x89\xE1\x85\xA1\xE1\x84\x80\xE1\x85\xAA"));  // 사과 in jamo
  // Syllables only: the same answers without the NFC test.
  for (const char* word :
       {"사과를", "사과를을", "컴포넌트를", "컴포넌트을", "렌더링하는", "소흘히"})
    CHECK_MESSAGE(ko.correct_syllables(word) == ko.correct(word), word);
}

TEST_CASE("korean speller: particle_fix, near misses and suggestions") {
  const KoreanSpeller& ko = korean_resources()->korean();
  if (!ko.available()) return;
  CHECK(ko.particle_fix("서버을") == std::optional<std::string>("서버를"));
  CHECK(ko.particle_fix("컴포넌트을") == std::optional<std::string>("컴포넌트를"));
  CHECK(ko.particle_fix("파일으로") == std::optional<std::string>("파일로"));
  CHECK_FALSE(ko.particle_fix("서버를").has_value());
  const std::vector<std::string> near = ko.near_misses("소흘히");
  REQUIRE_FALSE(near.empty());
  CHECK(near.front() == "소홀히");
  CHECK(ko.near_misses("헤르미온느가").empty());  // a name: nothing one jamo away
  // A limit stops the search: the first words of the full answer, cached apart from it.
  const std::vector<std::string> all = ko.near_misses("사괴");
  REQUIRE(all.size() >= 2);
  CHECK(ko.near_misses("사괴", 1) == std::vector<std::string>{all.front()});
  CHECK(ko.near_misses("사괴", 2) == std::vector<std::string>(all.begin(), all.begin() + 2));
  CHECK(ko.near_misses("사괴") == all);
  const std::vector<std::string> suggestions = ko.suggest("소흘히");
  CHECK(std::find(suggestions.begin(), suggestions.end(), "소홀히") != suggestions.end());
  CHECK(ko.suggestion_calls() >= 1);
  CHECK(ko.suggest("소흘히") == suggestions);  // cached
}

TEST_CASE("korean speller: concurrent checks agree") {
  const KoreanSpeller& ko = korean_resources()->korean();
  if (!ko.available()) return;
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (!ko.correct("컴포넌트를") || ko.correct("컴포넌트을")) ++wrong;
        if (ko.near_misses("아니였다").empty()) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(wrong == 0);
}

TEST_CASE("korean speller: unavailable dictionary accepts everything") {
  SpellOptions options;
  options.search_paths = {"/nonexistent"};
  const auto resources = SpellResources::create(options);
  CHECK_FALSE(resources->korean().available());
  CHECK(resources->korean().correct("소흘히"));
  CHECK(resources->korean().correct_syllables("소흘히"));
  CHECK(resources->korean().near_misses("소흘히").empty());
  CHECK(resources->korean_dictionary_path().empty());
}

TEST_CASE("korean typo table: parsing") {
  const KoreanTypoTable table = KoreanTypoTable::parse(
      "# c\n되요\t돼요\tending\tR1\n몇일\t며칠\tword\tR2\nbad line\n"
      "x\ty\tsideways\tR\n어떻해\t어떡해|어떻게 해\tword\tR3\nㄹ께요\tㄹ게요\tending\tR4\n"
      "않 되\t안 되\tphrase\tR5\n");
  CHECK(table.size() == 5);
  CHECK(table.problems().size() == 2);
  CHECK(table.entries()[2].corrections.size() == 2);
  CHECK(table.entries()[3].after_rieul);
  CHECK(table.entries()[3].misspelling == "께요");
}

TEST_CASE("korean typo table: anchored matches only") {
  const KoreanTypoTable table = KoreanTypoTable::parse(
      "되요\t돼요\tending\tR\n몇일\t며칠\tword\tR\n아니였\t아니었\tstem\tR\n됬\t됐\tinfix\tR\n"
      "ㄹ께요\tㄹ게요\tending\tR\n않 되\t안 되\tphrase\tR\n");
  CHECK(matched(table, "안되요.") == std::vector<std::string>{"되요"});
  CHECK(matched(table, "되요일").empty());  // not at the end of the word
  CHECK(matched(table, "몇일에 몇일간") == std::vector<std::string>{"몇일", "몇일"});
  CHECK(matched(table, "몇일자리").empty());  // 자리 is no particle
  CHECK(matched(table, "아니였거든요 그게아니였다").size() == 1);
  CHECK(matched(table, "안됬다").size() == 1);
  CHECK(matched(table, "할께요 먹을께요") == std::vector<std::string>{"께요", "께요"});
  CHECK(matched(table, "가께요").empty());  // no final ㄹ before it
  CHECK(matched(table, "그러면 않 되는") == std::vector<std::string>{"않 되"});
  CHECK(matched(table, "하지않 된다").empty());
}

TEST_CASE("korean typo table: the shipped table is well-formed") {
  const auto tsv = embedded_file("dictionaries/typos-ko.tsv");
  REQUIRE(tsv.has_value());
  const KoreanTypoTable table = KoreanTypoTable::parse(*tsv);
  CHECK(table.problems().empty());
  CHECK(table.size() >= 150);
  for (const auto& e : table.entries()) {
    CHECK_MESSAGE(!e.rule.empty(), e.misspelling);
    CHECK_MESSAGE(hangul::is_nfc(e.misspelling), e.misspelling);
  }
  const auto dic = embedded_file("dictionaries/ko-tech.dic");
  REQUIRE(dic.has_value());
  CHECK(std::count(dic->begin(), dic->end(), '\n') > 1000);
}

TEST_CASE("hunspell reads hanmark's coarse clock") {
  // hunspell_clock.cpp: libhunspell's clock() calls must bind to the executable's definition.
  CHECK(clock_is_coarse());
  const clock_t before = clock();
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  // Wall time, not CPU time: a sleeping thread still sees it advance.
  CHECK(clock() - before >= CLOCKS_PER_SEC / 100);
}

TEST_CASE("the Korean speller loads only for a post with Korean words") {
  const auto spelling = SpellResources::create();
  std::vector<std::string> unknown;
  const Linter linter = make_linter(make_all_rules({.spelling = spelling}), {}, unknown);
  linter.lint(*Document::parse("en.md", "# Title\n\nEnglish only, with a typo: recieve.\n"));
  CHECK_FALSE(spelling->korean_loaded());
  linter.lint(*Document::parse("ko.md", "# 제목\n\n한국어 문장입니다.\n"));
  CHECK(spelling->korean_loaded());
}
