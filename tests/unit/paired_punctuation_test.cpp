// paired-punctuation: its option, its unsafe fixes and its cost on hostile input (the fixtures
// cover what it reports).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "markdown/document.h"
#include "rules/all_rules.h"

using namespace hanmark;

namespace {

struct Result {
  std::unique_ptr<Document> doc;
  std::vector<Diagnostic> diagnostics;
};

Result run(const Rule& rule, std::string source) {
  Result r{Document::parse("t.md", std::move(source)), {}};
  DiagnosticSink sink(rule.info(), r.diagnostics);
  rule.check(*r.doc, sink);
  return r;
}

Result run(std::string source) {
  return run(*make_paired_punctuation(), std::move(source));
}

// The text after applying every edit of the first fix of `d`.
std::string apply_first_fix(const Document& doc, const Diagnostic& d) {
  REQUIRE_FALSE(d.fixes.empty());
  std::string text(doc.source());
  const std::vector<Edit>& edits = d.fixes.front().edits;
  for (auto e = edits.rbegin(); e != edits.rend(); ++e)
    text.replace(e->span.begin, e->span.size(), e->replacement);
  return text;
}

constexpr std::string_view kMixed = "“하나”와 “둘”, 그리고 \"셋\"을 씁니다.\n";

}  // namespace

TEST_CASE("paired-punctuation: mixed-quotes can be turned off, unbalanced marks stay") {
  CHECK(run(std::string(kMixed)).diagnostics.size() == 1);

  RuleOptionValues values;
  values.set("mixed-quotes", false);
  const std::unique_ptr<Rule> quiet = make_paired_punctuation()->configure(values);
  REQUIRE(quiet);
  CHECK(quiet->info().id == "paired-punctuation");
  CHECK(run(*quiet, std::string(kMixed)).diagnostics.empty());
  CHECK(run(*quiet, "괄호를 열고(닫지 않습니다.\n").diagnostics.size() == 1);
}

TEST_CASE("paired-punctuation: fixes are unsafe and replace only the marks") {
  {
    const Result r = run(std::string(kMixed));
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics.front();
    CHECK(r.doc->slice(d.span) == "\"셋\"");
    REQUIRE(d.fixes.size() == 1);
    CHECK_FALSE(d.fixes.front().safe);
    CHECK(apply_first_fix(*r.doc, d) == "“하나”와 “둘”, 그리고 “셋”을 씁니다.\n");
  }
  {
    const Result r = run("“설치가 끝났습니다.\" 라고 나옵니다.\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics.front();
    CHECK(r.doc->slice(d.span) == "\"");
    CHECK(d.message == "'\"' closes a quotation opened by '“'; use '”'");
    CHECK(apply_first_fix(*r.doc, d) == "“설치가 끝났습니다.” 라고 나옵니다.\n");
  }
  {
    // A mark written as an entity is reported at the entity, without a fix.
    const Result r = run("&ldquo;설치가 끝났습니다&ldquo; 라고 나옵니다.\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.doc->slice(r.diagnostics.front().span) == "&ldquo;");
    CHECK(r.diagnostics.front().fixes.empty());
  }
}

TEST_CASE("paired-punctuation: messages, spans and notes") {
  const Result r = run("# 제목(\n\n본문이 끝났다) 그리고 “인용\n");
  REQUIRE(r.diagnostics.size() == 3);
  for (const Diagnostic& d : r.diagnostics) {
    CHECK(d.span.size() >= 1);
    CHECK(r.doc->lines().line_of(d.span.begin) == r.doc->lines().line_of(d.span.end - 1));
    CHECK(d.message.back() != '.');
    CHECK(d.fixes.empty());
    CHECK(d.notes.size() == 1);
  }
  CHECK(r.diagnostics[0].message == "'(' is never closed in this heading");
  CHECK(r.diagnostics[1].message == "')' has no opening '('");
  CHECK(r.diagnostics[2].message == "'“' is never closed in this paragraph");
}

TEST_CASE("paired-punctuation: linear on a paragraph of many marks") {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "a) ";
  for (int i = 0; i < 40000; ++i) text += "(“";
  text += "\n";
  const Result r = run(text);
  CHECK(r.diagnostics.size() == 40000 + 20000);  // every '(' and one '“' of each pair
}
