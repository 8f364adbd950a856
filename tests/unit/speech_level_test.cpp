// speech-level and its helpers: sentence segmentation, quotation masking, final words and the
// speech level of an ending.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/strings.h"
#include "engine/rule.h"
#include "markdown/document.h"
#include "rules/all_rules.h"
#include "text/sentences.h"
#include "text/speech_levels.h"

using namespace hanmark;
using speech::Level;

namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const text::Sentence& s : text::sentences(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

std::string last_word(std::string_view text) {
  const std::vector<text::Sentence> all = text::sentences(text);
  REQUIRE_FALSE(all.empty());
  const text::FinalWord w = text::final_word(text, all.back().begin, all.back().end);
  return std::string(text.substr(w.begin, w.end - w.begin));
}

Level level(std::string_view word, char32_t terminator = U'.') {
  return speech::classify(word, false, terminator);
}

struct Finding {
  std::string text;
  std::string message;
  uint32_t line;
};

std::vector<Finding> run(std::string source) {
  const std::unique_ptr<Rule> rule = make_speech_level();
  const auto doc = Document::parse("t.md", std::move(source));
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->info(), out);
  rule->check(*doc, sink);
  std::vector<Finding> findings;
  for (const Diagnostic& d : out) {
    CHECK(d.rule == "speech-level");
    CHECK(d.fixes.empty());
    CHECK(d.message.back() != '.');
    CHECK(d.notes.size() == 2);
    findings.push_back(
        {std::string(doc->slice(d.span)), d.message, doc->lines().line_of(d.span.begin)});
  }
  std::sort(findings.begin(), findings.end(),
            [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return findings;
}

const std::string kFormal =
    "설치는 금방 끝났습니다. 모델도 바로 내려받았습니다. 설정 파일은 저장소에 올려 두었습니다. "
    "처음 한 번만 기다리면 됩니다. 다음부터는 캐시에서 바로 읽습니다.";

}  // namespace

TEST_CASE("speech-level sentences: terminators, decimals, URLs and quotatives") {
  CHECK(sentence_texts("설치합니다. 실행합니다!") ==
        std::vector<std::string>{"설치합니다.", "실행합니다!"});
  CHECK(sentence_texts("버전 2.0을 씁니다. Node.js와 e.g.x도 그대로입니다") ==
        std::vector<std::string>{"버전 2.0을 씁니다.", "Node.js와 e.g.x도 그대로입니다"});
  CHECK(sentence_texts("https://a.example/b.html 에 있습니다.") ==
        std::vector<std::string>{"https://a.example/b.html 에 있습니다."});
  CHECK(sentence_texts("배워야겠다! 라고 하시는 분이 많습니다.") ==
        std::vector<std::string>{"배워야겠다! 라고 하시는 분이 많습니다."});
  CHECK(sentence_texts("끝났습니다.다음은 배포입니다.") ==
        std::vector<std::string>{"끝났습니다.", "다음은 배포입니다."});
  CHECK(sentence_texts("정말요?! 그렇습니다...") ==
        std::vector<std::string>{"정말요?!", "그렇습니다..."});
  CHECK(sentence_texts("(생각합니다.) 다음") == std::vector<std::string>{"(생각합니다.)", "다음"});
  const std::vector<text::Sentence> lines = text::sentences("첫 줄입니다\r\n둘째 줄");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].at_line_break);
  CHECK(lines[0].end == std::string("첫 줄입니다").size());
  CHECK(lines[1].terminator == 0);
  CHECK_FALSE(lines[1].at_line_break);
  CHECK(text::sentences("좋네요?")[0].terminator == U'?');
  CHECK(text::sentences("좋네요…")[0].terminator == U'\u2026');
}

TEST_CASE("speech-level quotations are masked byte for byte") {
  const std::string text = "그는 \"좋아요.\"라고 했고 '괜찮다'고 했습니다. don't 「됐다」";
  const std::string masked = text::mask_quotations(text);
  CHECK(masked.size() == text.size());
  CHECK(masked.find("좋아요") == std::string::npos);
  CHECK(masked.find("괜찮다") == std::string::npos);
  CHECK(masked.find("됐다") == std::string::npos);
  CHECK(masked.find("don't") != std::string::npos);
  CHECK(masked.find("라고 했고") != std::string::npos);
  CHECK(sentence_texts(masked).size() == 2);
  // An unpaired quote is left as is.
  CHECK(text::mask_quotations("3\" 디스크입니다.") == "3\" 디스크입니다.");
}

TEST_CASE("speech-level final word past punctuation, emoji, jamo and parentheticals") {
  CHECK(last_word("꽤 괜찮았어요 😀") == "괜찮았어요");
  CHECK(last_word("아니였거든요 ㅋㅋ") == "아니였거든요");
  CHECK(last_word("확인했습니다 (약 10분).") == "확인했습니다");
  CHECK(last_word("(저는 그렇게 생각합니다.)") == "생각합니다");
  CHECK(last_word("다음과 같이 설정합니다:") == "설정합니다");
  CHECK(last_word("`x`이다.") == "이다");
  CHECK(last_word("명령은 `npm i`") == "");
  CHECK(last_word("이렇게 씁니다 Rust") == "");
  CHECK(last_word(text::mask_quotations("그가 말했다: \"좋아요.\"")) == "");
  // Read backwards from the end: full-width and nested parentheses, invalid bytes, and what stands
  // before the word, inside the sentence or before it.
  CHECK(last_word("설치합니다\xEF\xBC\x88선택\xEF\xBC\x89") == "설치합니다");
  CHECK(last_word("실행합니다 (옵션 (기본값) 포함)") == "실행합니다");
  CHECK(last_word("(괄호만 있는 문장)") == "문장");
  CHECK(last_word("잘 됩니다 \xE3\x80") == "");
  CHECK(last_word("\x80\x80됩니다") == "됩니다");
  const std::string_view text = "첫 문장입니다. 가나다";
  const std::vector<text::Sentence> all = text::sentences(text);
  REQUIRE(all.size() == 2);
  const text::FinalWord whole = text::final_word(text, all[1].begin, all[1].end);
  CHECK(text.substr(whole.begin, whole.size()) == "가나다");
  CHECK(whole.before == U' ');
  const text::FinalWord first = text::final_word(text, all[0].begin, all[0].end);
  CHECK(text.substr(first.begin, first.size()) == "문장입니다");
  CHECK(first.before == U' ');
}

TEST_CASE("speech-level endings") {
  for (const char* w : {"합니다", "있습니다", "입니다", "됩니다", "아닙니다", "합니까", "갑시다",
                        "지읍시다", "확인하십시오"})
    CHECK_MESSAGE(level(w) == Level::hapnida, w);
  for (const char* w : {"괜찮았어요", "거예요", "이에요", "했죠", "좋네요", "그렇군요", "많거든요",
                        "되는데요", "이렇게요", "했지요"})
    CHECK_MESSAGE(level(w) == Level::haeyo, w);
  for (const char* w : {"했다", "한다", "이다", "있다", "없다", "아니다", "것이다"})
    CHECK_MESSAGE(level(w) == Level::haera, w);
  CHECK(level("참고하세요") == Level::seyo);
  CHECK(level("남겨주세요", U'!') == Level::seyo);
  CHECK(level("볼까요") == Level::question);
  CHECK(level("무엇인가요", U'?') == Level::question);
  CHECK(level("그렇죠", U'?') == Level::question);
  CHECK(level("알아보자") == Level::haera);
  CHECK(level("시작하자", U'!') == Level::haera);
  // Not endings: nouns, the adverb 다, the particle 보다, a wrapped word, no terminator for -자.
  for (const char* w : {"필요", "불필요", "개요", "주요", "아니요", "다", "바다", "보다", "니다",
                        "초보자", "참가자", "하자", "사용함", "쉬움", "설치하기", "하니까", "요"})
    CHECK_MESSAGE(level(w) == Level::none, w);
  CHECK(level("알아보자", 0) == Level::none);
  CHECK(speech::classify("다", true, U'.') == Level::haera);  // "GPU다."
  CHECK(speech::name(Level::seyo) == "해요체");
  // Every word with a level ends in one of six syllables; text without them is passed over.
  for (const char* w : {"합니다", "합니까", "하십시오", "해요", "했죠", "알아보자"})
    CHECK_MESSAGE(speech::may_have_level(std::string("이것은 ") + w + "."), w);
  CHECK_FALSE(speech::may_have_level("설치하기"));
  CHECK_FALSE(speech::may_have_level("- 캐시 비우기, 서버 재시작"));
}

TEST_CASE("speech-level rule: minority endings at their exact bytes") {
  const auto findings = run("# 제목\n\n" + kFormal + " 꽤 괜찮았어요 😀. 결국 성공했다!\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].text == "괜찮았어요");
  CHECK(findings[0].message ==
        "sentence ends in 해요체 ('괜찮았어요'); the post is written in 합니다체");
  CHECK(findings[1].text == "성공했다");
  CHECK(findings[1].message ==
        "sentence ends in 해라체 ('성공했다'); the post is written in 합니다체");
}

TEST_CASE("speech-level rule: CRLF, requests, quotes and the majority threshold") {
  std::string crlf =
      kFormal + "\r\n참고하세요. \"정말 좋아요.\"라고 했습니다.\r\n\r\n빨랐어요.\r\n";
  const auto findings = run(crlf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].text == "빨랐어요");
  CHECK(findings[0].line == 4);
  // Four sentences are too few; half and half is no majority.
  CHECK(run("설치합니다. 실행합니다. 끝입니다. 좋았어요.\n").empty());
  CHECK(run("설치합니다. 실행했어요. 끝입니다. 좋았어요. 됩니다. 그래요.\n").empty());
}

TEST_CASE("speech-level rule: groups are compared separately") {
  // 해라체 list items in a 합니다체 post are a style of their own.
  const std::string list = kFormal + "\n\n- 설치가 쉽다.\n- 문서가 많다.\n- 빠르다.\n";
  CHECK(run(list).empty());
  // Block quotes, tables and code are left out.
  CHECK(run(kFormal + "\n\n> 인용은 그대로예요.\n\n| a |\n| - |\n| 돼요. |\n\n```\n했어요.\n```\n")
            .empty());
  // A 해라체 post: 합니다체 and 해요체 requests stand out.
  const auto findings =
      run("빌드가 느렸다. 캐시가 컸다. 스크립트를 만들었다. 매일 실행된다. 용량이 줄었다. "
          "효과가 컸습니다. 문서를 참고하세요.\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].text == "컸습니다");
  CHECK(findings[1].message ==
        "sentence ends in 해요체 request ('참고하세요'); the post is written in 해라체");
}

TEST_CASE("speech-level may_have_level: exactly the texts that contain a last syllable") {
  const std::vector<std::string> pieces = {"다",       "까",   "오",           "요",
                                           "죠",       "자",   "가",           "니",
                                           "a",        " ",    "\xEB",         "\xEB\x8B",
                                           "\x8B\xA4", "\xEC", "\xE2\x80\xA6", "\xF0\x9F\x98\x80",
                                           "\xC3\xA9", "\x80", "\xA4"};
  std::mt19937 random(5);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t n = random() % 10;
    for (size_t i = 0; i < n; ++i) text += pieces[random() % pieces.size()];
    bool found = false;
    for (std::string_view syllable : {"다", "까", "오", "요", "죠", "자"})
      found = found || text.find(syllable) != std::string::npos;
    REQUIRE_MESSAGE(speech::may_have_level(text) == found, text);
  }
}

TEST_CASE("speech-level classify: words longer than its buffer") {
  std::string long_word;
  for (int i = 0; i < 30; ++i) long_word += "가";
  CHECK(speech::classify(long_word + "습니다", false, U'.') == Level::hapnida);
  CHECK(speech::classify(long_word + "해요", false, U'.') == Level::haeyo);
  CHECK(speech::classify(long_word + "아니요", false, U'.') == Level::haeyo);
  CHECK(speech::classify("아니요", false, U'.') == Level::none);
}
