// The Document must map every piece of prose back to exactly its source bytes.
#include <doctest/doctest.h>

#include <cmark-gfm.h>

#include "markdown/document.h"
#include "markdown/node.h"

using namespace hanmark;

namespace {

// The source bytes behind the first occurrence of `needle` in any prose run.
std::string source_of(const Document& doc, std::string_view needle) {
  for (const ProseRun& run : doc.prose()) {
    const size_t at = run.text().find(needle);
    if (at != std::string::npos) {
      const ByteSpan span = run.to_source(at, at + needle.size());
      return std::string(doc.slice(span));
    }
  }
  return "<not in prose>";
}

std::string all_prose(const Document& doc) {
  std::string text;
  for (const ProseRun& run : doc.prose()) text += run.text() + "|";
  return text;
}

}  // namespace

TEST_CASE("prose maps plain Hangul, emoji and Latin text to their exact bytes") {
  const auto doc = Document::parse("t.md", "# 제목 Title 🎉\n\n딥러닝 😀 Enginner 엔지니어가 되기\n");
  CHECK(source_of(*doc, "Enginner") == "Enginner");
  CHECK(source_of(*doc, "😀 Enginner 엔지니어가") == "😀 Enginner 엔지니어가");
  CHECK(source_of(*doc, "Title 🎉") == "Title 🎉");
  const ProseRun& heading = doc->prose().front();
  CHECK(heading.kind() == ProseRun::Block::heading);
  CHECK(heading.text() == "제목 Title 🎉");
}

TEST_CASE("escapes and entities map to the whole source construct") {
  const auto doc = Document::parse("t.md", "a \\*not emph\\* &amp; &#xAC00;&#44032; &copy; b\n");
  const ProseRun& run = doc->prose().front();
  CHECK(run.text() == "a *not emph* & 가가 © b");
  CHECK(source_of(*doc, "*not") == "\\*not");
  CHECK(source_of(*doc, "&") == "&amp;");
  CHECK(source_of(*doc, "가가") == "&#xAC00;&#44032;");
  CHECK(source_of(*doc, "©") == "&copy;");
  CHECK(source_of(*doc, " b") == " b");
  CHECK_FALSE(run.is_verbatim(0, static_cast<uint32_t>(run.text().size())));
}

TEST_CASE("CRLF, soft breaks and blockquote prefixes") {
  const auto doc = Document::parse("t.md", "> 첫째 줄 one\r\n> 둘째 줄 two\r\nlazy 셋째\r\n");
  const ProseRun& run = doc->prose().front();
  CHECK(run.text() == "첫째 줄 one\n둘째 줄 two\nlazy 셋째");
  CHECK(source_of(*doc, "two") == "two");
  CHECK(source_of(*doc, "one\n둘째") == "one\r\n> 둘째");
  CHECK(source_of(*doc, "lazy 셋째") == "lazy 셋째");
}

TEST_CASE("tabs, nested lists and list continuation lines") {
  const auto doc = Document::parse("t.md",
                                   "- 항목\tone\n  - 중첩 nested *강조*\n    continued 줄\n1. 번호 "
                                   "item\n   이어짐 more\n");
  CHECK(source_of(*doc, "항목\tone") == "항목\tone");
  CHECK(source_of(*doc, "nested 강조") == "nested *강조");  // a range over markup covers it
  CHECK(source_of(*doc, "강조") == "강조");
  CHECK(source_of(*doc, "continued 줄") == "continued 줄");
  CHECK(source_of(*doc, "이어짐 more") == "이어짐 more");
}

TEST_CASE("code, raw HTML, autolinks and link destinations are not prose") {
  const auto doc =
      Document::parse("t.md",
                      "see `code 코드` and <span>html</span> <https://example.com> www.example.org "
                      "[링크 text](https://x.com/path \"title\") ![대체 alt](img.png) end\n");
  const std::string prose = all_prose(*doc);
  CHECK(prose.find("code") == std::string::npos);
  CHECK(prose.find("span") == std::string::npos);
  CHECK(prose.find("example") == std::string::npos);
  CHECK(prose.find("x.com") == std::string::npos);
  CHECK(prose.find("title") == std::string::npos);
  CHECK(prose.find("img.png") == std::string::npos);
  CHECK(source_of(*doc, "링크 text") == "링크 text");
  CHECK(source_of(*doc, "대체 alt") == "대체 alt");
  CHECK(source_of(*doc, " end") == " end");
  // A placeholder keeps words on either side of a code span apart and maps to the whole span.
  CHECK(source_of(*doc, kObjectReplacement) == "`code 코드`");
}

TEST_CASE("tables: each cell is its own run, escaped pipes included") {
  const auto doc =
      Document::parse("t.md", "| 이름 | 설명 \\| desc |\n|---|---|\n| `x` 값 | 한글 😀 text |\n");
  CHECK(source_of(*doc, "설명 | desc") == "설명 \\| desc");
  CHECK(source_of(*doc, "한글 😀 text") == "한글 😀 text");
  CHECK(source_of(*doc, " 값") == " 값");
  int cells = 0;
  for (const ProseRun& run : doc->prose()) cells += run.kind() == ProseRun::Block::table_cell;
  CHECK(cells == 4);
}

TEST_CASE("tables: links, images and autolinks at the start of a cell") {
  const auto doc = Document::parse(
      "t.md",
      "| 링크 | 그림 |\n|---|---|\n| [깃 Git](https://git-scm.com/) | ![대체 alt](a.png) |\n");
  CHECK(source_of(*doc, "깃 Git") == "깃 Git");
  CHECK(source_of(*doc, "대체 alt") == "대체 alt");
}

TEST_CASE("headings: ATX with closing sequence, setext, emphasis and strikethrough") {
  const auto doc = Document::parse(
      "t.md", "  ## 제목 **굵게** ~~취소~~ ##\n\n설정 *Setext* 제목\n===\n\n#해시 아님\n");
  CHECK(doc->prose()[0].text() == "제목 굵게 취소");
  CHECK(source_of(*doc, "굵게") == "굵게");
  CHECK(source_of(*doc, "취소") == "취소");
  CHECK(source_of(*doc, "Setext 제목") == "Setext* 제목");
  CHECK(source_of(*doc, " 제목") == " 제목");
  CHECK(source_of(*doc, "#해시 아님") == "#해시 아님");
}

TEST_CASE("front matter is recognised and kept out of prose") {
  const auto yaml = Document::parse("t.md", "---\ntitle: 제목 Enginner\n---\n본문 text\n");
  REQUIRE(yaml->front_matter());
  CHECK(yaml->front_matter()->format == FrontMatter::Format::yaml);
  CHECK(yaml->slice(yaml->front_matter()->content) == "title: 제목 Enginner\n");
  CHECK(all_prose(*yaml) == "본문 text|");
  CHECK(source_of(*yaml, "본문") == "본문");

  const auto toml = Document::parse("t.md", "\xEF\xBB\xBF+++\ntitle = \"x\"\n+++\n# 제목\n");
  REQUIRE(toml->front_matter());
  CHECK(toml->front_matter()->format == FrontMatter::Format::toml);
  CHECK(toml->has_bom());
  CHECK(all_prose(*toml) == "제목|");

  const auto unclosed = Document::parse("t.md", "---\ntitle: x\n");
  CHECK_FALSE(unclosed->front_matter());
}

TEST_CASE("a BOM is kept and spans after it stay exact") {
  const auto doc = Document::parse("t.md", "\xEF\xBB\xBF# 제목 Title\n\n본문\n");
  CHECK(doc->has_bom());
  CHECK(source_of(*doc, "제목 Title") == "제목 Title");
  CHECK(doc->lines().position(3).column == 2);  // the BOM is one code point
}

TEST_CASE("invalid UTF-8 and NUL bytes are recorded, never repaired, and prose stays aligned") {
  std::string source = "앞 \xFF\xFE 뒤 text\n\n널";
  source += '\0';
  source += " 끝\n";
  const auto doc = Document::parse("t.md", source);
  REQUIRE(doc->encoding_problems().size() == 3);
  CHECK(doc->encoding_problems()[0].offset == 4);
  CHECK(doc->encoding_problems()[2].nul);
  CHECK(doc->source() == source);
  CHECK(source_of(*doc, "?? 뒤 text") == "\xFF\xFE 뒤 text");  // cmark and rules see '?'
  CHECK(source_of(*doc, "뒤 text") == "뒤 text");
  CHECK(source_of(*doc, " 끝") == " 끝");
}

TEST_CASE("footnotes, task lists and hard breaks") {
  const auto doc = Document::parse(
      "t.md",
      "- [ ] 할 일 task\n- [x] done 완료\n\n본문[^1] 계속  \n다음 줄\\\n끝\n\n[^1]: 각주 note\n");
  CHECK(source_of(*doc, "할 일 task") == "할 일 task");
  CHECK(source_of(*doc, " 계속") == " 계속");
  CHECK(source_of(*doc, "다음 줄") == "다음 줄");
  CHECK(source_of(*doc, "끝") == "끝");
  CHECK(source_of(*doc, "각주 note") == "각주 note");
}

TEST_CASE("line index conversions: code points, UTF-16 and display width") {
  const auto doc = Document::parse("t.md", "a\r\n한글😀x\rb\n");
  const LineIndex& lines = doc->lines();
  CHECK(lines.line_count() == 3);
  const uint32_t x = static_cast<uint32_t>(doc->source().find('x'));
  CHECK(lines.position(x).line == 2);
  CHECK(lines.position(x).column == 4);  // 한, 글, 😀 are one code point each
  CHECK(lines.utf16_column(x) == 4);     // 😀 is two UTF-16 units
  CHECK(lines.display_column(x) == 6);   // 한 and 글 and 😀 are two cells each
  CHECK(lines.line_of(static_cast<uint32_t>(doc->source().find('b'))) == 3);
  CHECK(lines.offset_of({2, 4}) == x);
  CHECK(doc->slice(lines.line_content(2)) == "한글😀x");
}

TEST_CASE("hostile shapes parse without crashing") {
  std::string deep;
  for (int i = 0; i < 10000; ++i)
    deep += std::string(static_cast<size_t>(i % 40) * 2, ' ') + "- 항목\n";
  CHECK(Document::parse("deep.md", deep)->prose().size() == 10000);
  const std::string long_line(10 * 1024 * 1024, 'a');
  CHECK(Document::parse("long.md", long_line)->prose().size() == 1);
  CHECK(Document::parse("empty.md", "")->prose().empty());
  CHECK(Document::parse("fence.md", "```\nunclosed 코드\n")->prose().empty());
}

TEST_CASE("a table right after a paragraph: both keep exact positions") {
  // cmark-gfm gives the split-off paragraph no position and misplaces the header row.
  const auto doc =
      Document::parse("t.md", "intro 소개\nmore 줄\n| 머리 a | b |\n|---|---|\n| 셀 c | d |\n");
  CHECK(source_of(*doc, "intro 소개\nmore 줄") == "intro 소개\nmore 줄");
  CHECK(source_of(*doc, "머리 a") == "머리 a");
  CHECK(source_of(*doc, "셀 c") == "셀 c");
  CHECK(doc->lines().line_of(doc->block_span(doc->prose()[1].block()).begin) == 3);
}

TEST_CASE("tables inside block quotes and without outer pipes") {
  const auto doc = Document::parse("t.md", "> 이름 | 값\n> --- | ---\n> 키 `k` | 😀 값\n");
  CHECK(source_of(*doc, "이름") == "이름");
  CHECK(source_of(*doc, " 값") == " 값");
  CHECK(source_of(*doc, "😀 값") == "😀 값");
  int cells = 0;
  for (const ProseRun& run : doc->prose()) cells += run.kind() == ProseRun::Block::table_cell;
  CHECK(cells == 4);
}

TEST_CASE("every paragraph, heading and table cell has a run, in document order, however nested") {
  const auto doc = Document::parse(
      "t.md",
      "# 하나\n\n> - 둘\n>\n>   | 셋 | 넷 |\n>   |---|---|\n>   | 다섯 | ~~여섯~~ |\n"
      ">\n>   일곱[^n]\n\n[^n]: 여덟\n\n| 아홉 |\n|---|\n");
  std::vector<cmark_node*> blocks;
  cmark_iter* iter = cmark_iter_new(doc->root());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const std::string_view type = cmark_node_get_type_string(node);
    CHECK(is_table_cell(node) == (type == "table_cell"));
    CHECK(is_strikethrough(node) == (type == "strikethrough"));
    if (event == CMARK_EVENT_ENTER &&
        (type == "paragraph" || type == "heading" || type == "table_cell"))
      blocks.push_back(node);
  }
  cmark_iter_free(iter);
  REQUIRE(doc->prose().size() == blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    CHECK(doc->prose()[i].block() == blocks[i]);
    CHECK(doc->prose_of(blocks[i]) == &doc->prose()[i]);
  }
  // cmark moves footnote definitions to the end of the tree.
  CHECK(all_prose(*doc) == "하나|둘|셋|넷|다섯|여섯|일곱\xEF\xBF\xBC|아홉|여덟|");
  CHECK(source_of(*doc, "여섯") == "여섯");
}

TEST_CASE("an autolink's children are skipped without closing it as a link") {
  // Closing it would take the "](괄호)" after it for a link destination.
  const auto doc = Document::parse("t.md", "<https://x.y> ](괄호) 뒤 www.example.org ](둘)\n");
  const ProseRun& run = doc->prose().front();
  CHECK(run.unaligned() == 0);
  CHECK(all_prose(*doc) == "\xEF\xBF\xBC ](괄호) 뒤 \xEF\xBF\xBC ](둘)|");
  CHECK(source_of(*doc, "](괄호) 뒤") == "](괄호) 뒤");
  CHECK(source_of(*doc, "](둘)") == "](둘)");
}
