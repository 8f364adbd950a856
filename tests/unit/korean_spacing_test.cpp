// korean-spacing and the spacing patterns behind it: each pattern, its exceptions, exact spans,
// fix safety next to emphasis, Hangul/emoji/CRLF text.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "engine/rule.h"
#include "markdown/document.h"
#include "rules/all_rules.h"
#include "text/spacing_patterns.h"

using namespace hanmark;

namespace {

// "original→replacement" for each finding of the patterns on plain text.
std::vector<std::string> changes(std::string_view text) {
  std::vector<std::string> out;
  for (const spacing::Finding& f : spacing::find(text)) {
    out.push_back(std::string(text.substr(f.begin, f.end - f.begin)) + "→" + f.replacement);
  }
  return out;
}

std::vector<spacing::Pattern> patterns(std::string_view text) {
  std::vector<spacing::Pattern> out;
  for (const spacing::Finding& f : spacing::find(text)) out.push_back(f.pattern);
  return out;
}

struct Found {
  std::string text;  // source bytes of the span
  std::string message;
  bool safe;
  std::string replacement;
};

std::vector<Found> lint(std::string source) {
  const auto rule = make_korean_spacing();
  const auto doc = Document::parse("t.md", std::move(source));
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->info(), out);
  rule->check(*doc, sink);
  std::vector<Found> found;
  for (const Diagnostic& d : out) {
    REQUIRE(d.fixes.size() == 1);
    REQUIRE(d.fixes[0].edits.size() == 1);
    CHECK(d.fixes[0].edits[0].span == d.span);
    CHECK(d.message.back() != '.');
    CHECK_FALSE(d.notes.empty());
    found.push_back({std::string(doc->slice(d.span)), d.message, d.fixes[0].safe,
                     d.fixes[0].edits[0].replacement});
  }
  return found;
}

using V = std::vector<std::string>;
using P = spacing::Pattern;

}  // namespace

TEST_CASE("korean-spacing: dependent nouns written attached") {
  CHECK(changes("비교할수 있다") == V{"비교할수→비교할 수"});
  CHECK(changes("볼수없다") == V{"볼수없→볼 수 없"});
  CHECK(changes("둘수밖에 없다") == V{"둘수→둘 수"});
  CHECK(changes("있는것과 할것") == V{"있는것→있는 것", "할것→할 것"});
  CHECK(changes("실행할때 확인") == V{"실행할때→실행할 때"});
  CHECK(changes("구상중이신 분, 하는중에") == V{"구상중→구상 중", "하는중→하는 중"});
  CHECK(changes("할만큼 했고 읽었을뿐이다") == V{"할만큼→할 만큼", "읽었을뿐→읽었을 뿐"});
  CHECK(changes("싶은거에요") == V{"싶은거→싶은 거"});
  CHECK(patterns("할때") == std::vector{P::dependent_noun});
}

TEST_CASE("korean-spacing: dictionary words that look like dependent nouns") {
  for (const char* text :
       {"실수가 있다", "필수 항목",   "홀수가 있다", "좋아질수록", "그것은",   "날것으로",
        "들것에",      "아무것도",    "그때",        "한때",       "물때를",   "집중이 필요",
        "대중이 쓰는", "비중이 크다", "그중에",      "중요한 것",  "역할만큼", "권한만큼",
        "마을만큼",    "있을뿐더러",  "먹을거리",    "볼거리",     "하거나",   "그렇거든",
        "설거지",      "할 수 있다",  "만난 지 오래"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
}

TEST_CASE("korean-spacing: -어야 하다 written as one word") {
  CHECK(changes("해야할 일") == V{"해야할→해야 할"});
  CHECK(changes("배워야한다") == V{"배워야한→배워야 한"});
  CHECK(changes("있어야합니다") == V{"있어야합→있어야 합"});
  CHECK(changes("돼야될까") == V{"돼야될→돼야 될"});
  for (const char* text : {"이야기", "여야합의", "하야하라", "분야합계", "해야 할"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
}

TEST_CASE("korean-spacing: the endings -ㄹ지 and -는지 written apart") {
  CHECK(changes("생성할 지 정한다") == V{" →"});
  CHECK(patterns("하는 지 확인") == std::vector{P::ji_ending});
  CHECK(patterns("할 지를 정한다") == std::vector{P::ji_ending});
  CHECK(patterns("생길 지도 모릅니다") == std::vector{P::ji_ending});
  CHECK(patterns("변경할 지라도") == std::vector{P::ji_ending});
  for (const char* text : {"그릴 지도 한 장", "책임을 지는 사람", "1일 지나서", "할지 정한다",
                           "만난 지 오래", "할 지원", "새로운 지도"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
}

TEST_CASE("korean-spacing: elapsed-time 지 after the past adnominal") {
  CHECK(changes("종사한지 기껏해야 이제 4년 반") == V{"종사한지→종사한 지"});
  CHECK(changes("만난지 오래다") == V{"만난지→만난 지"});
  CHECK(changes("시작한지 얼마 안 됐다") == V{"시작한지→시작한 지"});
  CHECK(changes("먹은지 한 달이 넘었다") == V{"먹은지→먹은 지"});
  for (const char* text : {"얼마나 중요한지 알아보자", "중요한지 3가지 이유", "어떤지 3일 동안",
                           "무엇인지 2년", "하는지 3년", "한지 3장", "시작한지. 4년"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
  const auto f = spacing::find("합류한지 2년");
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].certain);
}

TEST_CASE("korean-spacing: counters after Hangul numerals") {
  CHECK(changes("두가지 방법") == V{"두가지→두 가지"});
  CHECK(changes("세번째로") == V{"세번→세 번"});
  CHECK(changes("여러개의 파일") == V{"여러개→여러 개"});
  CHECK(changes("(두명씩)") == V{"두명→두 명"});
  for (const char* text : {"한번 해 보자", "한가지로", "세대 차이", "두개골", "한살이", "두 가지",
                           "이세가지", "Vue세번", "세균", "두고"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
}

TEST_CASE("korean-spacing: particles detached from Latin words, digits and code") {
  CHECK(changes("API 를 호출") == V{" →"});
  CHECK(patterns("(DOM) 을 조작") == std::vector{P::particle_detached});
  CHECK(patterns("[링크] 에서") == std::vector{P::particle_detached});
  CHECK(patterns("\xEF\xBF\xBC 는 좋다") == std::vector{P::particle_detached});
  CHECK(patterns("Python 3 에서.") == std::vector{P::particle_detached});
  CHECK(patterns("React  와 Vue") == std::vector{P::particle_detached});
  for (const char* text : {"90 도 회전", "1 만 원", "A 이 값", "API 인지 기능", "학생 과 선생",
                           "API 를를", "API\n를", "API 를a", "API 과장"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
}

TEST_CASE("korean-spacing: -하다/-되다 split from a verbal noun") {
  CHECK(changes("사용 할 수") == V{" →"});
  CHECK(patterns("생성 된 파일") == std::vector{P::verbal_noun_split});
  CHECK(patterns("렌더링 한 다음") == std::vector{P::verbal_noun_split});
  CHECK(patterns("호출 했다") == std::vector{P::verbal_noun_split});
  CHECK(patterns("변경 되었다") == std::vector{P::verbal_noun_split});
  for (const char* text : {"추가 한 번", "실행 한 가지", "추가 할인", "문제 해결", "추가 하나",
                           "사용을 한다", "사용 함수", "실행 되돌리기", "할당 해제", "사용 하"}) {
    CAPTURE(text);
    CHECK(changes(text).empty());
  }
  const auto f = spacing::find("생성 된");
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].certain);
}

TEST_CASE("korean-spacing: rule spans, messages and fix safety") {
  const auto found = lint("# 제목\n\n배포할때 🚀 두가지를 확인하고 API 를 부릅니다.\n");
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "배포할때");
  CHECK(found[0].replacement == "배포할 때");
  CHECK(found[0].message ==
        "missing space before the dependent noun '때' in '배포할때': write '배포할 때'");
  CHECK(found[0].safe);
  CHECK(found[1].text == "두가지");
  CHECK(found[2].text == " ");
  CHECK(found[2].replacement.empty());
  CHECK(found[2].message == "the particle '를' is separated from the word before it");
  CHECK(found[2].safe);

  // Removing the space after '**' would leave the emphasis unclosed: offered, not safe.
  const auto bold = lint("굵게 쓴 **`code`** 를 봅니다.\n");
  REQUIRE(bold.size() == 1);
  CHECK_FALSE(bold[0].safe);

  const auto crlf = lint("설치 할 때\r\n`x` 는 값입니다.\r\n");
  REQUIRE(crlf.size() == 2);
  CHECK(crlf[0].text == " ");
  CHECK_FALSE(crlf[0].safe);
  CHECK(crlf[0].message == "'-하다/-되다' is separated from its noun in '설치 할': write '설치할'");
  CHECK(crlf[1].safe);
}

TEST_CASE("korean-spacing: code, URLs and escaped text are not prose") {
  CHECK(lint("`할수 있다` <https://example.com/할때>\n\n```\n두가지 API 를\n```\n").empty());
  // An entity inside the span: the source is not a verbatim copy, so nothing is reported.
  CHECK(lint("할&#xC218; 있다\n").empty());
}

TEST_CASE("korean-spacing decodes as utf8::decode_all does, invalid bytes as U+FFFD") {
  // Syllables at the ends of the range, what surrounds them in UTF-8 (Yi, surrogates, other
  // three-byte code points), truncated and stray bytes.
  const std::vector<std::string> pieces = {"가",
                                           "힣",
                                           "수",
                                           " ",
                                           "a",
                                           "\n",
                                           "\xEA\xB0",
                                           "\xEA",
                                           "\xED\x9E\xA3",
                                           "\xED\x9E\xA4",
                                           "\xED\xA0\x80",
                                           "\xEA\x80\x80",
                                           "\xEC\x80",
                                           "\x80",
                                           "\xBF",
                                           "\xC3\xA9",
                                           "\xE2\x80\xA6",
                                           "\xF0\x9F\x98\x80",
                                           "\xEF\xBF\xBC",
                                           "\xE0\x80\x80",
                                           "\xFF"};
  std::mt19937 random(3);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t n = random() % 12;
    for (size_t i = 0; i < n; ++i) text += pieces[random() % pieces.size()];
    std::vector<std::pair<char32_t, uint32_t>> expected;
    for (const utf8::CodePoint& c : utf8::decode_all(text))
      expected.emplace_back(c.cp == utf8::kInvalid ? U'\uFFFD' : c.cp, c.begin);
    REQUIRE_MESSAGE(spacing::code_points(text) == expected, text);
  }
}
