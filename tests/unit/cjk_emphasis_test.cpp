// cjk-emphasis: the unsafe fixes it offers, each confirmed by cmark-gfm to render the emphasis,
// and the inline probe those confirmations rely on.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/apply_fixes.h"
#include "markdown/document.h"
#include "markdown/inline_probe.h"
#include "markdown/literal_delimiters.h"
#include "rules/all_rules.h"

using namespace hanmark;

namespace {

std::vector<Diagnostic> lint(const Rule& rule, const std::string& source) {
  const auto doc = Document::parse("t.md", source);
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule.info(), out);
  rule.check(*doc, sink);
  return out;
}

// The text after applying every finding's fix (all of them unsafe).
std::string fixed(const std::string& source) {
  const auto rule = make_cjk_emphasis();
  const std::vector<Diagnostic> diagnostics = lint(*rule, source);
  REQUIRE(!diagnostics.empty());
  for (const Diagnostic& d : diagnostics) {
    REQUIRE(d.fixes.size() == 1);
    CHECK_FALSE(d.fixes.front().safe);
  }
  size_t applied = 0;
  std::string out = apply_fixes(source, diagnostics, FixMode::include_unsafe, applied);
  CHECK(applied == diagnostics.size());
  CHECK(apply_fixes(source, diagnostics, FixMode::safe_only, applied) == source);
  CHECK(lint(*rule, out).empty());  // the fixed text renders its emphasis
  return out;
}

std::string first_fix_title(const std::string& source) {
  const auto rule = make_cjk_emphasis();
  const std::vector<Diagnostic> diagnostics = lint(*rule, source);
  REQUIRE(diagnostics.size() == 1);
  REQUIRE(diagnostics.front().fixes.size() == 1);
  return diagnostics.front().fixes.front().title;
}

}  // namespace

TEST_CASE("cjk-emphasis: quotes and brackets around the whole text move outside") {
  CHECK(fixed("딥 러닝 **\"엔지니어\"**가 되기\n") == "딥 러닝 \"**엔지니어**\"가 되기\n");
  CHECK(fixed("새 도구는 *“빠른 빌드”*를 약속합니다.\n") ==
        "새 도구는 “*빠른 빌드*”를 약속합니다.\n");
  CHECK(fixed("***\"절대 금지\"***입니다.\n") == "\"***절대 금지***\"입니다.\n");
  CHECK(fixed("이건**\"중요\"**를 봅니다.\n") == "이건\"**중요**\"를 봅니다.\n");
  CHECK(fixed("괄호 **(둘째)**는\n") == "괄호 (**둘째**)는\n");
  CHECK(fixed("밑줄 **<u>핵심 경로</u>**를 봅니다.\n") == "밑줄 <u>**핵심 경로**</u>를 봅니다.\n");
  CHECK(first_fix_title("**\"엔지니어\"**가\n") == "move '\"…\"' outside the '**'");
}

TEST_CASE("cjk-emphasis: a trailing gloss ends up after the emphasis") {
  CHECK(fixed("**딥 러닝(Deep Learning)**을 배우자.\n") ==
        "**딥 러닝**(Deep Learning)을 배우자.\n");
  CHECK(fixed("**딥 러닝 (Deep Learning)**을 배우자.\n") ==
        "**딥 러닝** (Deep Learning)을 배우자.\n");
  CHECK(fixed("*함수 f(x)의 값(value)*을 구합니다.\n") == "*함수 f(x)의 값*(value)을 구합니다.\n");
  CHECK(first_fix_title("**딥 러닝(Deep Learning)**을\n") ==
        "end the emphasis before '(Deep Learning)'");
}

TEST_CASE("cjk-emphasis: underscores become asterisks") {
  CHECK(fixed("__엔지니어__가 되자.\n") == "**엔지니어**가 되자.\n");
  CHECK(fixed("_지연 로딩_은 느립니다.\n") == "*지연 로딩*은 느립니다.\n");
  CHECK(fixed("이것은__중요__ 합니다.\n") == "이것은**중요** 합니다.\n");
  CHECK(fixed("__\"엔지니어\"__가 되자.\n") == "\"**엔지니어**\"가 되자.\n");
  CHECK(fixed("__딥 러닝(DL)__을 배우자.\n") == "**딥 러닝**(DL)을 배우자.\n");
  CHECK(first_fix_title("__엔지니어__가\n") == "replace '__' with '**'");
}

TEST_CASE("cjk-emphasis: HTML tags when no Markdown rewrite renders") {
  CHECK(fixed("이것은 **`code`**입니다.\n") == "이것은 <strong>`code`</strong>입니다.\n");
  CHECK(fixed("값은**`null`** 입니다.\n") == "값은<strong>`null`</strong> 입니다.\n");
  CHECK(fixed("**'협력'과 '피드백'**을 자주\n") == "<strong>'협력'과 '피드백'</strong>을 자주\n");
  CHECK(fixed("**그는 \"엔지니어\"**가 된다.\n") == "<strong>그는 \"엔지니어\"</strong>가 된다.\n");
  // Ending the emphasis before a link's destination would break the link.
  CHECK(fixed("**[문서](https://example.com/a)**를 보세요.\n") ==
        "<strong>[문서](https://example.com/a)</strong>를 보세요.\n");
  CHECK(fixed("*\"강조\"*도 **왜?**라고\n") == "\"*강조*\"도 <strong>왜?</strong>라고\n");
  CHECK(first_fix_title("**`code`**입니다\n") == "use '<strong>…</strong>' instead of '**'");
}

TEST_CASE("cjk-emphasis: fixes keep container prefixes and CRLF") {
  CHECK(fixed("> 인용 **\"여러 줄\n> 강조\"**도 봅니다.\n") ==
        "> 인용 \"**여러 줄\n> 강조**\"도 봅니다.\n");
  CHECK(fixed("- 목록 **\"항목\"**이\r\n  이어서 **(둘째)**는\r\n") ==
        "- 목록 \"**항목**\"이\r\n  이어서 (**둘째**)는\r\n");
  CHECK(fixed("| **\"캐시\"**가 | 값 |\n|---|---|\n| **딥 러닝(DL)**을 | 값 |\n") ==
        "| \"**캐시**\"가 | 값 |\n|---|---|\n| **딥 러닝**(DL)을 | 값 |\n");
}

TEST_CASE("cjk-emphasis: the span covers the would-be emphasis, the help shows the rewrite") {
  const auto rule = make_cjk_emphasis();
  const std::string source = "우리 팀은 **\"배포 담당자\"**가 따로 없습니다.\n";
  const std::vector<Diagnostic> diagnostics = lint(*rule, source);
  REQUIRE(diagnostics.size() == 1);
  const Diagnostic& d = diagnostics.front();
  CHECK(source.substr(d.span.begin, d.span.size()) == "**\"배포 담당자\"**");
  CHECK(d.message ==
        "'**' before '가' does not close the emphasis: after '\"' it closes only before a space "
        "or punctuation");
  CHECK(d.suggestions == std::vector<std::string>{"\"**배포 담당자**\""});
}

TEST_CASE("inline probe: counts what cmark-gfm renders") {
  const InlineShape broken = inline_shape("**\"엔지니어\"**가");
  CHECK(broken.one_paragraph);
  CHECK(broken.emphasis == 0);
  CHECK(broken.literal_delimiters == 4);
  const InlineShape fine = inline_shape("\"**엔지니어**\"가");
  CHECK(fine.emphasis == 1);
  CHECK(fine.literal_delimiters == 0);
  CHECK(inline_shape("<strong>`x`</strong>가").raw_html == 2);
  CHECK(inline_shape("[a](https://example.com) https://example.org").links == 2);
  CHECK_FALSE(inline_shape("> 인용").one_paragraph);
}

TEST_CASE("literal delimiters: only whole, unescaped runs left as text, with their neighbours") {
  const std::string source = "> 값 **\"키\"**가 \\*별 과 **굵게**와 a_b_c 2 * 3 `x`**y**\n";
  const auto doc = Document::parse("t.md", source);
  REQUIRE(doc->prose().size() == 1);
  const InlineSource block(*doc, doc->prose().front());
  const std::vector<DelimiterRun> runs = block.literal_delimiter_runs();
  std::vector<std::string> found;
  for (const DelimiterRun& r : runs) found.push_back(std::string(doc->slice(r.source)));
  // `\*` is escaped, `**굵게**` and `**y**` are emphasis: neither is literal.
  CHECK(found == std::vector<std::string>{"**", "**", "_", "_", "*"});
  REQUIRE(runs.size() == 5);
  CHECK(runs[0].before == U' ');
  CHECK(runs[0].after == U'"');
  CHECK(runs[0].can_open);
  CHECK_FALSE(runs[1].can_close);  // after '"', before '가'
  CHECK(runs[1].after == U'가');
  CHECK_FALSE(runs[2].can_open);  // '_' inside a word
  CHECK_FALSE(runs[2].can_close);
  CHECK_FALSE(runs[4].can_open);  // '*' between spaces
  CHECK_FALSE(runs[4].can_close);
  CHECK(block.snippet({runs[0].source.begin, runs[1].source.end}, {}) == "**\"키\"**");
}
