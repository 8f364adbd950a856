// Particle tables and readings (src/text/josa.h).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "text/josa.h"

using namespace hanmark;
using josa::Coda;

namespace {

std::optional<Coda> latin(std::string_view w) {
  const auto r = josa::read_latin(w);
  return r ? std::optional<Coda>(r->coda) : std::nullopt;
}
std::optional<Coda> number(std::string_view n, bool version = false) {
  const auto r = josa::read_number(n, version);
  return r ? std::optional<Coda>(r->coda) : std::nullopt;
}
std::optional<Coda> token(std::string_view t) {
  const auto r = josa::read_token(t, false);
  return r ? std::optional<Coda>(r->coda) : std::nullopt;
}
std::optional<Coda> code(std::string_view c) {
  const auto r = josa::read_code(c);
  return r ? std::optional<Coda>(r->coda) : std::nullopt;
}

}  // namespace

TEST_CASE("josa: particle runs and corrections") {
  CHECK_FALSE(josa::particle_run("가속"));
  CHECK_FALSE(josa::particle_run("로그"));
  CHECK_FALSE(josa::particle_run("이용"));
  const auto ro = josa::particle_run("로는");
  REQUIRE(ro);
  CHECK(ro->form == "로");
  CHECK(ro->suffix == "는");
  CHECK(*josa::correction(*ro, Coda::other) == "으로");
  CHECK_FALSE(josa::correction(*ro, Coda::rieul));  // 파일로는
  CHECK_FALSE(josa::correction(*ro, Coda::some));   // 1로 or 원으로: undecided
  const auto eul = josa::particle_run("을");
  REQUIRE(eul);
  CHECK(*josa::correction(*eul, Coda::none) == "를");
  CHECK_FALSE(josa::correction(*eul, Coda::some));
  // 이나/이며/이라고 keep the copula's 이 after a vowel; only 나 after a consonant is wrong.
  const auto ina = josa::particle_run("이나");
  REQUIRE(ina);
  CHECK_FALSE(josa::correction(*ina, Coda::none));
  CHECK(*josa::correction(*josa::particle_run("나"), Coda::other) == "이나");
  CHECK(*josa::correction(*josa::particle_run("예요"), Coda::other) == "이에요");
  const auto swap = josa::find_swap("으로", "로");
  REQUIRE(swap);
  CHECK(swap->from == "으로");
  CHECK(josa::may_end_with_particle("모델를"));
  CHECK_FALSE(josa::may_end_with_particle("를"));
  CHECK(josa::may_end_with_particle("x를"));         // anything before the particle
  CHECK(josa::may_end_with_particle("파일으로는"));  // a form with a particle stacked on it
  CHECK(josa::may_end_with_particle("프로그램이라고"));
  CHECK_FALSE(josa::may_end_with_particle("과의"));  // the particle alone
  CHECK_FALSE(josa::may_end_with_particle("컴퓨터"));
  CHECK_FALSE(josa::may_end_with_particle(""));
  CHECK_FALSE(josa::may_end_with_particle("\xEB"));  // a broken syllable
}

TEST_CASE("josa: numbers in Sino-Korean") {
  CHECK(number("3") == Coda::other);      // 삼
  CHECK(number("2") == Coda::none);       // 이
  CHECK(number("1") == Coda::rieul);      // 일
  CHECK(number("8") == Coda::rieul);      // 팔
  CHECK(number("10") == Coda::other);     // 십
  CHECK(number("100") == Coda::other);    // 백
  CHECK(number("1,000") == Coda::other);  // 천
  CHECK(number("20000") == Coda::other);  // 만
  CHECK(number("3.5") == Coda::none);     // 오
  CHECK(number("2024-01-15") == Coda::none);
  CHECK_FALSE(number("0"));     // 영, 공 or 제로
  CHECK_FALSE(number("3.10"));  // 일영 or 십
  CHECK_FALSE(number("1,00"));
  // Versions may be read in English: only 2, 4, 5 (no final) and 1, 7 (some final) agree.
  CHECK(number("4", true) == Coda::none);
  CHECK(number("7", true) == Coda::some);
  CHECK_FALSE(number("3", true));
  CHECK_FALSE(number("12", true));
}

TEST_CASE("josa: units, versions and identifiers") {
  CHECK(token("50%") == Coda::none);
  CHECK(token("3GB") == Coda::none);
  CHECK(token("10ms") == Coda::none);
  CHECK_FALSE(token("10px"));
  CHECK_FALSE(token("1st"));
  CHECK_FALSE(token("4K"));
  CHECK(token("GPT-4") == Coda::none);
  CHECK_FALSE(token("GPT-3"));
  CHECK_FALSE(token("H100"));
  CHECK(token("Node.js") == Coda::none);
  CHECK(token("config.toml") == Coda::rieul);
  CHECK(token("docker-compose") == Coda::none);
  CHECK_FALSE(token("x86_64"));
}

TEST_CASE("josa: English words and acronyms") {
  CHECK(latin("GPU") == Coda::none);
  CHECK(latin("LLM") == Coda::other);
  CHECK(latin("SQL") == Coda::rieul);
  CHECK(latin("PR") == Coda::rieul);
  CHECK(latin("JSON") == Coda::other);
  CHECK(latin("GPUs") == Coda::none);
  CHECK_FALSE(latin("NAT"));   // 냇 or 엔에이티
  CHECK_FALSE(latin("CLIP"));  // 클립 or 씨엘아이피
  CHECK(latin("JPEG") == Coda::other);
  CHECK(latin("Docker") == Coda::none);
  CHECK(latin("Kubernetes") == Coda::none);
  CHECK(latin("ProductTable") == Coda::rieul);
  CHECK(latin("JavaScript") == Coda::none);  // 스크립트
  CHECK(latin("useState") == Coda::none);
  CHECK(latin("macOS") == Coda::none);
  CHECK(latin("Learning") == Coda::other);
  CHECK(latin("Slack") == Coda::other);
  CHECK(latin("iPhone") == Coda::other);
  CHECK(latin("model") == Coda::rieul);
  CHECK(latin("app") == Coda::other);
  CHECK(latin("Effect") == Coda::none);
  CHECK(latin("Technique") == Coda::other);  // 테크닉
  CHECK(latin("npm") == Coda::other);
  CHECK(latin("Go") == Coda::none);
  CHECK(latin("commits") == Coda::none);
  CHECK(latin("commit") == Coda::other);
  CHECK_FALSE(latin("set"));                // 세트 or 셋
  CHECK_FALSE(latin("GitHub"));             // 깃허브 or 깃헙
  CHECK_FALSE(latin("prop"));               // 프롭 or 프로퍼티
  CHECK(latin("template") == Coda::other);  // 템플릿
  CHECK_FALSE(latin("climate"));
  CHECK_FALSE(latin("climb"));
  CHECK_FALSE(latin("naïve"));
}

TEST_CASE("josa: code spans") {
  CHECK(code("ProductTable") == Coda::rieul);
  CHECK(code("npm install") == Coda::rieul);
  CHECK(code("foo()") == Coda::none);
  CHECK(code("src/main.py") == Coda::none);
  CHECK_FALSE(code("a + b"));
  CHECK_FALSE(code("1/2"));
  CHECK_FALSE(code("x = \"y\""));
  // Abbreviations are not read when a word list says they are not words.
  const josa::IsWord words = [](std::string_view w) { return w != "func" && w != "expr"; };
  CHECK_FALSE(josa::read_code("func", words));
  CHECK(josa::read_code("value", words)->coda == Coda::none);
}
