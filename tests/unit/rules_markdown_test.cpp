// image-alt, leftover-comment, empty-section and heading-bilingual, and the helpers they share
// (section headings, HTML comments): exact spans on Hangul, emoji and CRLF.
#include <doctest/doctest.h>

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "markdown/document.h"
#include "markdown/headings.h"
#include "markdown/html_comments.h"
#include "rules/all_rules.h"

using namespace hanmark;

namespace {

struct Finding {
  std::string text;  // the span's source bytes
  std::string message;
  uint32_t line;
  std::vector<std::string> notes;
};

std::vector<Finding> run(const Rule& rule, std::string source) {
  const auto doc = Document::parse("t.md", std::move(source));
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule.info(), out);
  rule.check(*doc, sink);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.span.begin < b.span.begin;
  });
  std::vector<Finding> findings;
  for (const Diagnostic& d : out) {
    CHECK(d.rule == rule.info().id);
    CHECK(d.span.end <= doc->source().size());
    CHECK(d.fixes.empty());
    CHECK_FALSE(d.message.empty());
    CHECK(d.message.back() != '.');
    findings.push_back(
        {std::string(doc->slice(d.span)), d.message, doc->lines().line_of(d.span.begin), d.notes});
  }
  return findings;
}

std::vector<std::string> texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.text);
  return out;
}

cmark_node* first_of(const Document& doc, cmark_node_type type) {
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_node* found = nullptr;
  cmark_event_type event;
  while (!found && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(iter)) == type)
      found = cmark_iter_get_node(iter);
  cmark_iter_free(iter);
  return found;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Helpers

TEST_CASE("section headings: levels, exact text spans, setext, closing sequences") {
  const auto doc = Document::parse(
      "t.md",
      "# 제목 🎉 - Title\r\n\r\n## **강조** `code` ##\r\n\r\nSetext 제목\r\n둘째 줄\r\n---\r\n\r\n"
      "##\r\n\r\n> ## 인용 속 제목\r\n\r\n### 끝 \\#\r\n");
  const std::vector<Heading> headings = section_headings(*doc);
  REQUIRE(headings.size() == 5);
  CHECK(headings[0].level == 1);
  CHECK(doc->slice(headings[0].text_span) == "제목 🎉 - Title");
  CHECK(headings[0].text == "제목 🎉 - Title");
  CHECK(doc->slice(headings[1].text_span) == "**강조** `code`");
  CHECK(headings[1].text == "강조 \xEF\xBF\xBC");
  CHECK(headings[2].setext);
  CHECK(headings[2].level == 2);
  CHECK(doc->slice(headings[2].text_span) == "Setext 제목\r\n둘째 줄");
  CHECK(doc->slice(headings[3].text_span) == "##");
  CHECK(headings[3].text.empty());
  CHECK(doc->slice(headings[4].text_span) == "끝 \\#");  // an escaped '#' is not a closing one
}

TEST_CASE("html_block_span ends at the comment's own last line, not cmark's end line") {
  const auto doc =
      Document::parse("t.md", "# T\n\n<!--\n하나\n둘\n-->\n\n<!-- a -->\n<!-- b -->\nx\n");
  cmark_node* block = first_of(*doc, CMARK_NODE_HTML_BLOCK);
  REQUIRE(block);
  CHECK(doc->slice(html_block_span(*doc, block)) == "<!--\n하나\n둘\n-->");
  const std::vector<HtmlComment> comments = html_comments(*doc);
  REQUIRE(comments.size() == 3);
  CHECK(doc->slice(comments[0].span) == "<!--\n하나\n둘\n-->");
  CHECK(doc->slice(comments[0].body) == "\n하나\n둘\n");
  CHECK(doc->slice(comments[1].span) == "<!-- a -->");
  CHECK(doc->slice(comments[2].span) == "<!-- b -->");
}

TEST_CASE("html comments: inline, in containers, unclosed, never in code") {
  const auto doc = Document::parse(
      "t.md",
      "문장 <!-- 안쪽 --> 끝 `<!-- 코드 -->`\r\n\r\n> <!-- 인용\r\n> 속 -->\r\n\r\n```\r\n<!-- "
      "펜스 "
      "-->\r\n```\r\n\r\n<!-- hanmark-disable typo -->\r\n\r\n<!-- 닫히지 않음 🎉\r\n마지막");
  const std::vector<HtmlComment> comments = html_comments(*doc);
  REQUIRE(comments.size() == 4);
  CHECK(doc->slice(comments[0].span) == "<!-- 안쪽 -->");
  CHECK_FALSE(comments[0].block);
  CHECK(doc->slice(comments[1].span) == "<!-- 인용\r\n> 속 -->");
  CHECK(comments[1].block);
  CHECK(comments[2].is_directive(*doc));
  CHECK_FALSE(comments[3].closed);
  CHECK(doc->slice(comments[3].span) == "<!-- 닫히지 않음 🎉\r\n마지막");
}

// ---------------------------------------------------------------------------------------------
// image-alt

TEST_CASE("image-alt: metadata") {
  const auto rule = make_image_alt();
  CHECK(rule->info().id == "image-alt");
  CHECK(rule->info().category == Category::markdown);
  CHECK(rule->info().default_severity == Severity::warning);
  CHECK(rule->info().fix == FixAvailability::none);
}

TEST_CASE("image-alt: placeholder, empty and file-name alt text") {
  const auto rule = make_image_alt();
  const auto found = run(*rule,
                         "![Alt text](assets/chart.png)\n\n"
                         "도넛 ![](assets/chart.png) 🎉 ![chart.png](assets/chart.png) "
                         "![chart](assets/chart.png) ![대체 텍스트](x.png)\n\n"
                         "![분기별 매출을 보여 주는 도넛 차트](assets/chart.png)\n");
  REQUIRE(found.size() == 5);
  CHECK(found[0].text == "Alt text");
  CHECK(found[0].message == "image has placeholder alt text 'Alt text'");
  CHECK(found[0].line == 1);
  REQUIRE(found[0].notes.size() == 1);
  CHECK(found[0].notes[0].starts_with("describe what the image shows"));
  CHECK(found[1].text == "![](assets/chart.png)");
  CHECK(found[1].message == "image has no alt text");
  CHECK(found[2].text == "chart.png");
  CHECK(found[2].message == "image alt text is its file name 'chart.png'");
  CHECK(found[3].message == "image alt text is its file name 'chart'");
  CHECK(found[4].message == "image has placeholder alt text '대체 텍스트'");
}

TEST_CASE("image-alt: spans survive escapes, entities, emphasis, links and blockquotes") {
  const auto rule = make_image_alt();
  const auto found = run(*rule,
                         "> 첫 줄 \\[괄호\\] ![*Screenshot*](a.png \"제목 (1)\") &amp;\r\n"
                         "> [![IMG](https://x.test/b.svg)](https://x.test) ![사진](<c d.png>)\r\n"
                         "\r\n"
                         "![&#xC0AC;&#xC9C4;](e.png) ![\\[photo\\]](f.png)\r\n");
  CHECK(texts(found) ==
        std::vector<std::string>{"*Screenshot*", "IMG", "사진", "&#xC0AC;&#xC9C4;"});
  CHECK(found[0].message == "image has placeholder alt text 'Screenshot'");
  CHECK(found[1].line == 2);
}

TEST_CASE("image-alt: table cells keep their own images") {
  const auto rule = make_image_alt();
  const auto found = run(*rule, "| 🎉 | b |\n|---|---|\n| ![사진](a.png) | ![사진](b.png) |\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "사진");
  CHECK(found[1].text == "사진");
  CHECK(found[0].line == 3);
}

TEST_CASE("image-alt: <img> tags in HTML blocks and inline HTML") {
  const auto rule = make_image_alt();
  const auto found =
      run(*rule,
          "<p>\n  <img src=\"a.png\">\n  <img src=\"b.png\" alt=\"\" aria-hidden=\"true\">\n"
          "  <img alt=\"\" src=\"c.png\">\n  <!-- <img src=\"hidden.png\"> -->\n"
          "  <img src=\"%EC%82%AC%EC%A7%84.png\" alt=\"사진.png\">\n</p>\n\n"
          "글 <img src=\"icon.svg\"/> 과 <img src=\"ok.svg\" alt=\"확인 아이콘\"> 🎉\n");
  CHECK(texts(found) == std::vector<std::string>{"<img src=\"a.png\">",
                                                 "<img alt=\"\" src=\"c.png\">", "사진.png",
                                                 "<img src=\"icon.svg\"/>"});
  CHECK(found[0].message == "<img> has no alt attribute");
  CHECK(found[1].message == "<img> has an empty alt attribute");
  CHECK(found[2].message == "<img> alt text is its file name '사진.png'");
}

TEST_CASE("image-alt: nothing in code, comments, escaped images or plain links") {
  const auto rule = make_image_alt();
  CHECK(run(*rule,
            "`![](x.png)` `<img src=x>`\n\n```\n![Alt text](a.png)\n<img src=\"b\">\n```\n\n"
            "    ![](c.png)\n\n\\![Alt text](d.png) [image](e.png)\n\n<!-- ![](f.png) -->\n\n"
            "<script>\nconst s = '<img src=\"g.png\">';\n</script>\n")
            .empty());
}

TEST_CASE("image-alt: unbalanced brackets stay linear and never misplace a span") {
  const auto rule = make_image_alt();
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "![";
  text += " ![사진](a.png)\n";
  const auto found = run(*rule, text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "사진");
}

// ---------------------------------------------------------------------------------------------
// leftover-comment

TEST_CASE("leftover-comment: metadata") {
  const auto rule = make_leftover_comment();
  CHECK(rule->info().id == "leftover-comment");
  CHECK(rule->info().category == Category::editorial);
  CHECK(rule->info().default_severity == Severity::warning);
}

TEST_CASE("leftover-comment: drafted sections, notes and markers") {
  const auto rule = make_leftover_comment();
  const auto found =
      run(*rule,
          "# 제목\n\n## 빈 절\n\n<!--\n핵심 요소 정리\n1. 첫째 생각\n2. 둘째 생각\n-->\n\n"
          "<!--\n## 숨겨 둔 절 - Hidden\n\n초안 문단을 여기에 길게 적어 두었습니다 정말로.\n\n"
          "## 또 다른 절\n-->\n\n"
          "본문 <!-- TODO(민수): 링크 --> 끝\n\n<!-- 출처: 직접 촬영 -->\n");
  REQUIRE(found.size() == 4);
  CHECK(found[0].text == "<!--");
  CHECK(found[0].line == 5);
  CHECK(found[0].message == "leftover HTML comment spans 5 lines and holds drafted prose");
  CHECK(found[0].notes.front() == "the comment runs from line 5 to line 9");
  CHECK(found[1].line == 11);
  CHECK(found[1].message ==
        "leftover HTML comment spans 7 lines and holds drafted headings and prose");
  CHECK(found[2].text == "<!-- TODO(민수): 링크 -->");
  CHECK(found[2].message == "leftover HTML comment holds a 'TODO' marker");
  CHECK(found[3].message == "leftover HTML comment '출처: 직접 촬영'");
}

TEST_CASE("leftover-comment: markers need word boundaries, Korean markers must be labels") {
  const auto rule = make_leftover_comment();
  const auto found = run(*rule,
                         "<!-- TODOS and todolist -->\n\n<!-- 해야 할 일이 남은 메모리 -->\n\n"
                         "<!-- [할 일] 표 -->\n\n<!-- 메모 -->\n\n<!-- xxx tbd -->\n");
  REQUIRE(found.size() == 5);
  CHECK(found[0].message == "leftover HTML comment 'TODOS and todolist'");
  CHECK(found[1].message == "leftover HTML comment '해야 할 일이 남은 메모리'");
  CHECK(found[2].message == "leftover HTML comment holds a '할 일' marker");
  CHECK(found[3].message == "leftover HTML comment holds a '메모' marker");
  CHECK(found[4].message == "leftover HTML comment 'xxx tbd'");
}

TEST_CASE("leftover-comment: long single-line comments are quoted, shortened") {
  const auto rule = make_leftover_comment();
  const auto found = run(
      *rule,
      "<!-- 이 문장은 마흔 글자가 넘도록 길게 적어서 메시지에서 잘려야 하는 주석입니다 🎉 -->\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.ends_with("\xE2\x80\xA6'"));
}

TEST_CASE("leftover-comment: unclosed comments hide the rest of the file") {
  const auto rule = make_leftover_comment();
  const auto found = run(*rule, "# 제목\r\n\r\n<!-- 초안 😀   \r\n## 숨은 절\r\n내용");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "<!-- 초안 😀");
  CHECK(found[0].message ==
        "unclosed HTML comment hides the rest of the file (3 lines) and holds a drafted heading "
        "and prose");
}

TEST_CASE("leftover-comment: directives, tool comments and code are never reported") {
  const auto rule = make_leftover_comment();
  CHECK(run(*rule,
            "<!-- hanmark-disable image-alt -->\n\n<!--hanmark-disable-file-->\n\n"
            "글 <!-- hanmark-words 딥러닝 --> 끝\n\n<!-- more -->\n\n<!-- prettier-ignore -->\n\n"
            "<!-- markdownlint-disable MD033 -->\n\n`<!-- TODO -->`\n\n```\n<!-- TODO -->\n```\n\n"
            "    <!-- TODO -->\n")
            .empty());
}

// ---------------------------------------------------------------------------------------------
// empty-section

TEST_CASE("empty-section: metadata") {
  const auto rule = make_empty_section();
  CHECK(rule->info().id == "empty-section");
  CHECK(rule->info().category == Category::markdown);
}

TEST_CASE("empty-section: sections with nothing, only comments, only empty subsections") {
  const auto rule = make_empty_section();
  const auto found =
      run(*rule,
          "# 제목 🎉\r\n\r\n소개.\r\n\r\n## 빈 절\r\n\r\n## 주석 절 😀\r\n\r\n<!--\r\n"
          "초안\r\n-->\r\n\r\n## 상위\r\n\r\n### 하위\r\n\r\n---\r\n\r\n## 내용\r\n\r\n"
          "### 하위 내용\r\n\r\n- 항목\r\n\r\n## 끝 ##\r\n");
  REQUIRE(found.size() == 5);
  CHECK(found[0].text == "빈 절");
  CHECK(found[0].message == "section '빈 절' is empty");
  CHECK(found[1].text == "주석 절 😀");
  CHECK(found[1].message == "section '주석 절 😀' holds only HTML comments");
  CHECK(found[2].message == "section '상위' holds only empty subsections");
  CHECK(found[3].message == "section '하위' is empty");
  CHECK(found[4].text == "끝");
  CHECK(found[4].line == 25);
}

TEST_CASE("empty-section: content of every kind counts, nested headings are content") {
  const auto rule = make_empty_section();
  CHECK(run(*rule,
            "# A\n\n> ## 인용 속 제목\n\n## B\n\n```\ncode\n```\n\n## C\n\n<div>x</div>\n\n## D\n\n"
            "| a |\n|---|\n| 1 |\n\n## E\n\n    indented\n\n## F\n\n<!-- 주석 --> 그리고 글\n")
            .empty());
}

TEST_CASE("empty-section: a comment that hides the following headings empties the section") {
  const auto rule = make_empty_section();
  const auto found = run(*rule, "## 보이는 절\n\n<!--\n## 숨은 절\n\n내용\n-->\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "section '보이는 절' holds only HTML comments");
}

// ---------------------------------------------------------------------------------------------
// heading-bilingual

TEST_CASE("heading-bilingual: metadata and options") {
  const auto rule = make_heading_bilingual();
  CHECK(rule->info().id == "heading-bilingual");
  CHECK(rule->info().category == Category::bilingual);
  REQUIRE(rule->info().options.size() == 3);
  CHECK(rule->info().options[0].name == "min-headings");
  CHECK(rule->info().options[0].default_value == "2");
  CHECK(rule->info().options[1].name == "convention");
  CHECK(rule->info().options[2].name == "front-matter-title");
}

TEST_CASE("heading-bilingual: a bilingual title makes one-language headings stand out") {
  const auto rule = make_heading_bilingual();
  const auto found =
      run(*rule,
          "# 딥 러닝 \"엔지니어\" 되기 - Becoming an \"Engineer\"\n\n## 배울 게 많아요...\n\n"
          "## 개발이 좋아요 🎉\n\n## Docker 설치\n\n## 배포 - Deployment\n");
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "배울 게 많아요...");
  CHECK(found[0].message ==
        "heading has Korean only; the post's headings are bilingual (Korean - English)");
  REQUIRE(found[0].notes.size() == 1);
  CHECK(found[0].notes[0] == "add the English counterpart: '배울 게 많아요... - \xE2\x80\xA6'");
  CHECK(found[1].text == "개발이 좋아요 🎉");
  CHECK(found[2].text == "Docker 설치");
}

TEST_CASE("heading-bilingual: order and separator follow the majority") {
  const auto rule = make_heading_bilingual();
  const auto found =
      run(*rule,
          "# Title Only\n\n## Setup / 설치\n\n## Usage / 사용법\n\n## 설정 / Config\n\n"
          "## Tips | 팁\n\n## FAQ\n\n## 2024\n");
  REQUIRE(found.size() == 4);
  CHECK(found[0].text == "Title Only");
  CHECK(found[0].message ==
        "heading has English only; the post's headings are bilingual (English / Korean)");
  CHECK(found[0].notes[0] == "add the Korean counterpart: 'Title Only / \xE2\x80\xA6'");
  CHECK(found[1].message ==
        "heading is Korean / English; the post's headings are English / Korean");
  CHECK(found[2].message ==
        "heading separates Korean and English with '|'; the post's headings use '/'");
  CHECK(found[3].text == "FAQ");
}

TEST_CASE("heading-bilingual: no convention, no findings") {
  const auto rule = make_heading_bilingual();
  // All Korean (English terms inside do not make a heading bilingual).
  CHECK(run(*rule, "# 한국어 제목\n\n## Docker 설치하기\n\n## PyTorch로 학습하기\n").empty());
  // Two bilingual headings out of five do not make a majority.
  CHECK(run(*rule, "# 제목\n\n## 가\n\n## 나\n\n## 다 - C\n\n## 라 - D\n\n## 마\n").empty());
  // One bilingual heading is below min-headings.
  CHECK(run(*rule, "## 소개 - Intro\n\n## 설치\n").empty());
  // Term glosses: a glossed title sets nothing alone, and a half that mixes scripts is no half.
  CHECK(run(*rule, "# DB 트랜잭션(Transaction)\n\n## 특징\n\n## 커밋\n").empty());
  CHECK(run(*rule, "# 트랜잭션(Transaction)\n\n## 특징\n\n## 커밋\n").empty());
  CHECK(run(*rule,
            "## 참조자(References)와 빌림(Borrowing)\n\n### 가변 참조자(Mutable References)\n\n"
            "### 댕글링 참조자(Dangling References)\n\n### 참조자의 규칙\n")
            .empty());
  // Glosses never set a convention, however many there are.
  CHECK(
      run(*rule, "## 소개 (Intro)\n\n## 설치 (Install)\n\n## 설정 (Setup)\n\n## 마치며\n").empty());
  // An English post.
  CHECK(run(*rule, "# Engineering\n\n## Setup\n\n## Training (GPU)\n").empty());
}

TEST_CASE("heading-bilingual: a majority of bilingual section headings sets the convention") {
  const auto rule = make_heading_bilingual();
  const auto found =
      run(*rule,
          "## 소개 - Intro\n\n## 설치 - Install\n\n## 학습 - Training\n\n## 설정(Setup)\n\n"
          "## 마치며\n\n"
          "> ## 인용 - Quote\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "설정(Setup)");  // a gloss where the post separates with ' - '
  CHECK(found[1].text == "마치며");
  CHECK(found[1].message ==
        "heading has Korean only; the post's headings are bilingual (Korean - English)");
  CHECK(found[1].notes[0] == "add the English counterpart: '마치며 - \xE2\x80\xA6'");
}
