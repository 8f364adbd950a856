// GitHub heading slugs, heading text as rendered, fragment folding and the anchors of a post.
#include <doctest/doctest.h>

#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "markdown/anchors.h"
#include "markdown/document.h"
#include "markdown/slugs.h"

using namespace hanmark;

namespace {

std::vector<cmark_node*> headings_of(const Document& doc) {
  std::vector<cmark_node*> out;
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER &&
        cmark_node_get_type(cmark_iter_get_node(iter)) == CMARK_NODE_HEADING)
      out.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return out;
}

}  // namespace

TEST_CASE("github slug: Korean, punctuation, case, spaces") {
  CHECK(github_slug("상태 관리") == "상태-관리");
  CHECK(github_slug("Getting Started") == "getting-started");
  CHECK(github_slug("설치 방법: macOS · Linux") == "설치-방법-macos--linux");
  CHECK(github_slug("1. 소개") == "1-소개");
  CHECK(github_slug("What's new?") == "whats-new");
  CHECK(github_slug("a - b") == "a---b");  // no collapsing
  CHECK(github_slug("snake_case 이름") == "snake_case-이름");
  CHECK(github_slug("「인용」과 “따옴표”") == "인용과-따옴표");
  CHECK(github_slug("한글—영어 – dash") == "한글영어--dash");
  CHECK(github_slug("배포 가이드 🚀") == "배포-가이드-");  // the emoji goes, its space stays
  CHECK(github_slug("C++ & C#") == "c--c");
  CHECK(github_slug("ÄÖÜ Straße") == "äöü-straße");
  CHECK(github_slug("ΣΊΣΥΦΟΣ") == "σίσυφος");    // full lower-casing, final sigma
  CHECK(github_slug("Ⅻ편 ½ ²") == "ⅻ편--");      // letter numbers stay, other numbers go
  CHECK(github_slug("tab\there") == "tabhere");  // only ' ' becomes '-'
  CHECK(github_slug("").empty());
}

TEST_CASE("slug counter: repeats get -1, -2, skipping taken suffixes") {
  SlugCounter counter;
  CHECK(counter.unique("예시") == "예시");
  CHECK(counter.unique("예시") == "예시-1");
  CHECK(counter.unique("예시-1") == "예시-1-1");
  CHECK(counter.unique("예시") == "예시-2");
  SlugCounter other;
  CHECK(other.unique("foo-1") == "foo-1");
  CHECK(other.unique("foo") == "foo");
  CHECK(other.unique("foo") == "foo-2");
}

TEST_CASE("heading text: as rendered, code kept, markup and images dropped") {
  const auto doc = Document::parse(
      "t.md",
      "# **굵은** _기울임_ `code()` [링크](x.md) ![그림](a.png) <span>태그</span> &amp; \\*\n\n"
      "## 상태 관리 {/*managing-state*/}\n\nSetext 첫 줄\n둘째 줄\n---\n");
  const auto headings = headings_of(*doc);
  REQUIRE(headings.size() == 3);
  CHECK(heading_text(headings[0]) == "굵은 기울임 code() 링크  태그 & *");
  CHECK(github_slug(heading_text(headings[0])) == "굵은-기울임-code-링크--태그--");
  CHECK(heading_text(headings[1]) == "상태 관리 {/managing-state/}");
  CHECK(without_heading_attributes(heading_text(headings[1])) == "상태 관리");
  CHECK(heading_text(headings[2]) == "Setext 첫 줄\n둘째 줄");
  CHECK(github_slug(heading_text(headings[2])) == "setext-첫-줄둘째-줄");
  CHECK_FALSE(without_heading_attributes("집합 {a, b}"));
  CHECK(without_heading_attributes("FAQ {#faq}") == "FAQ");
}

TEST_CASE("fragments fold: percent-decoded, NFC, lower-cased") {
  CHECK(fold_fragment("%EC%83%81%ED%83%9C-%EA%B4%80%EB%A6%AC") == "상태-관리");
  CHECK(fold_fragment("Getting-Started") == "getting-started");
  // Decomposed jamo (macOS) compose to the syllables a heading slug has.
  CHECK(fold_fragment("\xE1\x84\x89\xE1\x85\xA5\xE1\x86\xAF") == "설");
  CHECK(fold_fragment("%FF%FE") == "%ff%fe");  // not UTF-8: kept as written
  std::string decoded;
  CHECK(percent_decode("a%20b%2Fc", decoded));
  CHECK(decoded == "a b/c");
  CHECK_FALSE(percent_decode("%00", decoded));
}

TEST_CASE("anchors of a post: headings, custom ids, HTML ids, footnotes") {
  const auto doc =
      Document::parse("t.md",
                      "# 제목\n\n## 예시\n\n## 예시\n\n## FAQ {#questions}\n\n"
                      "## 상태 관리 {/*managing-state*/}\n\n"
                      "<a id=\"부록\"></a>\n\n문단 <a name=\"inline-anchor\"></a> 끝\n\n"
                      "<Recipes titleId=\"examples-basic\">\n\n</Recipes>\n\n"
                      "<h2>HTML 제목</h2>\n\n각주[^note].\n\n[^note]: 각주 내용\n\n"
                      "> ### 인용 속 제목\n");
  const Anchors anchors = collect_anchors(*doc);
  for (const char* fragment : {"제목",
                               "예시",
                               "예시-1",
                               "faq-questions",
                               "faq",
                               "questions",
                               "상태-관리-managing-state",
                               "상태-관리",
                               "managing-state",
                               "부록",
                               "inline-anchor",
                               "examples-basic",
                               "html-제목",
                               "fn-note",
                               "fnref-note",
                               "인용-속-제목",
                               "",
                               "top",
                               "L10",
                               "L19C5-L21C11",
                               "%EC%98%88%EC%8B%9C",
                               "FAQ"})
    CHECK_MESSAGE(anchors.contains(fragment), std::string(fragment));
  for (const char* fragment : {"예시-2", "상태관리", "l", "L1-", "nowhere"})
    CHECK_MESSAGE(!anchors.contains(fragment), std::string(fragment));
  CHECK(anchors.closest("상태관리") == "상태-관리");
  CHECK(anchors.closest("예시-3") == "예시-1");
  CHECK(anchors.closest("inline") == "inline-anchor");  // the one anchor it starts
  CHECK_FALSE(anchors.closest("전혀-다른-이름"));
}
