// The glossary loader (src/text/glossary.h), term forms (src/text/term_forms.h) and the
// term-consistency rule with a glossary of its own: particles fixed with the term, fix safety.
#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/embedded_files.h"
#include "engine/rule.h"
#include "markdown/document.h"
#include "rules/bilingual/term_consistency.h"
#include "text/glossary.h"
#include "text/syllable_set.h"
#include "text/term_forms.h"

using namespace hanmark;

namespace {

std::vector<std::string> error_texts(std::string_view toml) {
  std::vector<std::string> out;
  for (const GlossaryError& e : Glossary::parse(toml, "g.toml").errors)
    out.push_back(e.to_string());
  return out;
}

bool has_error(std::string_view toml, std::string_view part) {
  for (const std::string& e : error_texts(toml))
    if (e.find(part) != std::string::npos) return true;
  return false;
}

struct Finding {
  std::string text;
  std::string message;
  std::vector<Fix> fixes;
};

std::vector<Finding> run(std::shared_ptr<const Glossary> glossary, std::string source) {
  const auto rule = make_term_consistency(std::move(glossary));
  const auto doc = Document::parse("t.md", std::move(source));
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->info(), out);
  rule->check(*doc, sink);
  std::vector<Finding> findings;
  for (const Diagnostic& d : out)
    findings.push_back({std::string(doc->slice(d.span)), d.message, d.fixes});
  return findings;
}

std::string fixed(std::string source, const Fix& fix) {
  for (auto it = fix.edits.rbegin(); it != fix.edits.rend(); ++it)
    source.replace(it->span.begin, it->span.size(), it->replacement);
  return source;
}

std::shared_ptr<const Glossary> glossary_of(std::string_view toml) {
  Glossary::Loaded loaded = Glossary::parse(toml, "test.toml");
  REQUIRE(loaded.errors.empty());
  return std::make_shared<const Glossary>(std::move(loaded.glossary));
}

}  // namespace

TEST_CASE("glossary: terms, translation pairs and spellings") {
  const Glossary::Loaded loaded = Glossary::parse(R"(
[[term]]
preferred = "딥  러닝"   # white space runs count as one space
variants = ["딥러닝"]
english = "Deep Learning"
english_variants = ["DeepLearning"]

[[term]]
preferred = "iOS"
variants = ["IOS"]
)",
                                                  "g.toml");
  REQUIRE(loaded.errors.empty());
  const Glossary& g = loaded.glossary;
  REQUIRE(g.terms().size() == 3);
  CHECK(g.terms()[0].preferred == "딥 러닝");
  CHECK(g.terms()[0].script == Glossary::Script::hangul);
  CHECK(g.terms()[0].translation == 1u);
  CHECK(g.terms()[1].preferred == "Deep Learning");
  CHECK(g.terms()[1].translation == 0u);
  CHECK(g.max_words() == 2);

  CHECK(Glossary::fold(" Deep\tLEARNING ") == "deep learning");
  const Glossary::Spelling* s = g.find("deep learning");
  REQUIRE(s);
  CHECK(s->term == 1);
  CHECK(s->preferred);
  REQUIRE(g.find("deeplearning"));
  CHECK_FALSE(g.find("deeplearning")->preferred);
  REQUIRE(g.find("딥러닝"));
  CHECK(g.find("딥러닝")->term == 0);
  CHECK_FALSE(g.find("딥"));
  // All-capital forms count only where listed.
  CHECK(g.lists_exactly("IOS"));
  CHECK_FALSE(g.lists_exactly("DEEPLEARNING"));
}

TEST_CASE("glossary: errors name the file, line and column") {
  CHECK(error_texts("[[term]]\npreferred = \"GitHub\nvariants = []\n")
            .front()
            .starts_with("g.toml:2:"));
  CHECK(error_texts("[[term]]\npreferred = \"A\"\n  colour = \"x\"\n") ==
        std::vector<std::string>{"g.toml:3:3: unknown key 'colour' in [[term]] (expected "
                                 "preferred, variants, english, english_variants)"});
  CHECK(error_texts("title = \"x\"\n") ==
        std::vector<std::string>{
            "g.toml:1:1: unknown key 'title' (a glossary holds only [[term]] tables)"});
  CHECK(has_error("[[term]]\nvariants = [\"x\"]\n", "g.toml:1:1: [[term]] has no 'preferred'"));
  CHECK(has_error("term = 3\n", "'term' must be written as [[term]] tables"));
  CHECK(has_error("[[term]]\npreferred = 3\n", "g.toml:2:13: 'preferred' must be a string"));
  CHECK(
      has_error("[[term]]\npreferred = \"A\"\nvariants = \"B\"\n", "must be an array of strings"));
  CHECK(has_error("[[term]]\npreferred = \"Node.js 서버\"\n", "is not a term"));
  CHECK(has_error("[[term]]\npreferred = \"\"\n", "'preferred' is empty"));
  CHECK(has_error("[[term]]\npreferred = \"GitHub\"\nvariants = [\"깃허브\"]\n",
                  "g.toml:3:13: '깃허브' is Hangul, unlike the term it belongs to (pair "
                  "translations with 'english')"));
  CHECK(has_error("[[term]]\npreferred = \"GitHub\"\nenglish = \"Git\"\n", "'GitHub' is Latin"));
  CHECK(has_error("[[term]]\npreferred = \"깃허브\"\nenglish = \"깃\"\n", "'깃' is Hangul"));
  CHECK(has_error("[[term]]\npreferred = \"A\"\nenglish_variants = [\"B\"]\n",
                  "'english_variants' needs an 'english' spelling"));
  CHECK(has_error("[[term]]\npreferred = \"a b c d e\"\n", "has more than 4 words"));
  CHECK(has_error("[[term]]\npreferred = \"GitHub\"\nvariants = [\"Github\"]\n",
                  "differs from 'GitHub' only in letter case, and case variants are implied"));
  CHECK(has_error("[[term]]\npreferred = \"GitHub\"\nvariants = [\"GitHub\"]\n",
                  "is the preferred spelling itself"));
  CHECK(
      has_error("[[term]]\npreferred = \"GitHub\"\n\n[[term]]\npreferred = \"Hub\"\nvariants = "
                "[\"github\"]\n",
                "g.toml:6:13: 'github' is already a spelling of 'GitHub' (line 2)"));
  // The entries without errors still load.
  const Glossary::Loaded partial =
      Glossary::parse("[[term]]\npreferred = 3\n\n[[term]]\npreferred = \"GitHub\"\n", "g.toml");
  CHECK(partial.errors.size() == 1);
  CHECK(partial.glossary.terms().size() == 1);
}

TEST_CASE("glossary: the shipped glossary loads cleanly and leaves loanword typos to 'typo'") {
  const auto text = embedded_file("dictionaries/glossary.toml");
  REQUIRE(text);
  const Glossary::Loaded loaded = Glossary::parse(*text, "dictionaries/glossary.toml");
  for (const GlossaryError& e : loaded.errors) FAIL(e.to_string());
  CHECK(loaded.glossary.terms().size() >= 20);
  CHECK(&Glossary::shipped() == &Glossary::shipped());
  CHECK(Glossary::shipped().terms().size() == loaded.glossary.terms().size());

  // No spelling of the glossary is a misspelling of the Korean typo table (깃헙 is typo's).
  const auto typos = embedded_file("dictionaries/typos-ko.tsv");
  REQUIRE(typos);
  std::istringstream lines{std::string(*typos)};
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line.front() == '#') continue;
    const std::string misspelling = line.substr(0, line.find('\t'));
    CHECK_MESSAGE(!Glossary::shipped().find(Glossary::fold(misspelling)),
                  misspelling << " is in typos-ko.tsv and in the glossary");
  }
}

TEST_CASE("term forms: Latin tokens, Hangul words and particle stems") {
  // U+FFFC stands for a code span in prose text.
  const std::string text =
      "Node.js와 C++, \xEF\xBF\xBCGithub @github /js javascript:void Wi-Fi 오늘Java";
  std::vector<std::string> usable;
  for (const terms::LatinToken& t : terms::latin_tokens(text))
    if (!t.glued) usable.emplace_back(t.in(text));
  CHECK(usable == std::vector<std::string>{"Node.js", "C++", "Wi-Fi"});

  const std::string korean = "딥러닝을 API를 (모델은 \xEF\xBF\xBC이 서버";
  std::vector<std::string> words;
  for (const terms::HangulWord& w : terms::hangul_words(korean)) words.emplace_back(w.in(korean));
  CHECK(words == std::vector<std::string>{"딥러닝을", "모델은", "서버"});

  const auto stems = [](std::string_view word) {
    std::vector<std::string> out;
    for (uint32_t n : terms::stem_lengths(word)) out.emplace_back(word.substr(0, n));
    return out;
  };
  CHECK(stems("딥러닝을") == std::vector<std::string>{"딥러닝", "딥러닝을"});
  CHECK(stems("모델들의") == std::vector<std::string>{"모델", "모델들", "모델들의"});
  CHECK(stems("서버에서는") == std::vector<std::string>{"서버", "서버에서", "서버에서는"});
  CHECK(stems("을") == std::vector<std::string>{"을"});
  CHECK(stems("데이터에서도") == std::vector<std::string>{"데이터", "데이터에서", "데이터에서도"});
  CHECK(stems("사용자들로는") ==
        std::vector<std::string>{"사용자", "사용자들", "사용자들로", "사용자들로는"});
  std::vector<uint32_t> appended = {7};
  terms::append_stem_lengths("딥러닝을", appended);
  CHECK(appended == std::vector<uint32_t>{7, 9, 12});
  CHECK(terms::is_particle("에서"));
  CHECK_FALSE(terms::is_particle("서버"));
  // Found by the last syllable: every particle, and none of its longer or shorter neighbours.
  for (const std::string particle : {"에서는", "으로", "와의", "은", "며", "이에요", "입니다"}) {
    CHECK(terms::is_particle(particle));
    CHECK_FALSE(terms::is_particle("서" + particle));
  }
  for (const char* word : {"서는", "에요", "니다", "서버를", ""})
    CHECK_FALSE(terms::is_particle(word));
}

TEST_CASE("syllable set: filled one syllable at a time") {
  hanmark::text::SyllableSet set;
  CHECK_FALSE(set.contains("웹"));
  set.add("웹");
  set.add("힣");
  set.add("가");
  CHECK(set.contains("웹"));
  CHECK(set.contains("힣"));
  CHECK(set.contains("가"));
  CHECK_FALSE(set.contains("딥"));
  CHECK_FALSE(set.contains("웹서"));
  CHECK_FALSE(set.contains("a"));
}

TEST_CASE("term-consistency: glossary variants carry their particle along") {
  const auto glossary = glossary_of(R"(
[[term]]
preferred = "깃허브"
variants = ["깃헙"]
english = "GitHub"
)");
  const std::string source =
      "# 깃헙 사용법\n\n깃헙을 씁니다. 깃헙이 좋습니다. 깃헙의 기능. 깃헙이라는 이름. 깃헙으로 "
      "옮깁니다.\n";
  const std::vector<Finding> found = run(glossary, source);
  REQUIRE(found.size() == 6);
  for (const Finding& f : found) {
    CHECK(f.text == "깃헙");
    CHECK(f.message == "'깃헙' is spelled '깃허브' in the glossary");
  }
  // In a heading, a changed Hangul spelling changes the anchor: offered, not applied.
  REQUIRE(found[0].fixes.size() == 1);
  CHECK_FALSE(found[0].fixes[0].safe);
  CHECK(fixed(source, found[1].fixes.at(0)).find("깃허브를 씁니다") != std::string::npos);
  CHECK(found[1].fixes[0].safe);
  CHECK(fixed(source, found[2].fixes.at(0)).find("깃허브가 좋습니다") != std::string::npos);
  CHECK(fixed(source, found[3].fixes.at(0)).find("깃허브의 기능") != std::string::npos);
  CHECK(found[4].fixes.empty());  // 이라는 → 라는 is not a pair josa knows: no fix
  CHECK(fixed(source, found[5].fixes.at(0)).find("깃허브로 옮깁니다") != std::string::npos);
}

TEST_CASE("term-consistency: lower-case and all-capital glossary forms") {
  const auto glossary = glossary_of("[[term]]\npreferred = \"TypeScript\"\n");
  // A lower-case form alone may be a file or command name.
  CHECK(run(glossary, "typescript 파일을 재생합니다.\n").empty());
  CHECK(run(glossary, "TYPESCRIPT 배너.\n").empty());
  // Beside the preferred spelling it is an inconsistency, with an unsafe fix.
  const std::vector<Finding> found = run(glossary, "TypeScript와 typescript를 씁니다.\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "typescript");
  REQUIRE(found[0].fixes.size() == 1);
  CHECK_FALSE(found[0].fixes[0].safe);
  // In-post comparison leaves glossary terms to the glossary.
  const std::vector<Finding> mixed = run(glossary, "Typescript's types, TypeScript, TypeScript.\n");
  REQUIRE(mixed.size() == 1);
  CHECK(mixed[0].message == "'Typescript' is spelled 'TypeScript' in the glossary");
}

TEST_CASE("term-consistency: the most frequent form wins, ties go to the first") {
  const auto empty = std::make_shared<const Glossary>();
  const std::vector<Finding> tie = run(empty, "반환값을 봅니다. 반환 값을 봅니다.\n");
  REQUIRE(tie.size() == 1);
  CHECK(tie[0].text == "반환 값");
  CHECK(tie[0].message == "'반환 값' is written '반환값' elsewhere in this post (once)");
  REQUIRE(tie[0].fixes.size() == 1);
  CHECK_FALSE(tie[0].fixes[0].safe);
  CHECK(tie[0].fixes[0].edits.at(0).replacement == "반환값");

  const std::vector<Finding> majority =
      run(empty, "MyBatis와 Mybatis, 그리고 MyBatis.\n\n| MyBatis |\n| --- |\n| 표 |\n");
  REQUIRE(majority.size() == 1);
  CHECK(majority[0].text == "Mybatis");
  CHECK(majority[0].message == "'Mybatis' is written 'MyBatis' elsewhere in this post (3 times)");
}
