// line-length's options (the fixtures run it with its defaults): the limit, strict, tables,
// code blocks and headings.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "markdown/document.h"
#include "rules/all_rules.h"

using namespace hanmark;

namespace {

// The source text of each finding.
std::vector<std::string> overflows(const Rule& rule, std::string source) {
  const auto doc = Document::parse("t.md", std::move(source));
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule.info(), out);
  rule.check(*doc, sink);
  std::vector<std::string> texts;
  for (const Diagnostic& d : out) texts.emplace_back(doc->slice(d.span));
  return texts;
}

std::unique_ptr<Rule> configured(const RuleOptionValues& values) {
  std::unique_ptr<Rule> rule = make_line_length()->configure(values);
  REQUIRE(rule);
  return rule;
}

// 94 columns: past 80 comes "넘칩니다 정말로", past 85 "다 정말로".
const std::string kKorean =
    "가나다 라마바 사아자 차카타 파하가 나다라 마바사 아자차 카타파 하가나 다라마바 넘칩니다 "
    "정말로\n";
const std::string kUrl =
    "링크는 여기에 있습니다: https://example.com/a/rather/long/path/to/the/page/itself/and/more\n";
const std::string kLoneLink =
    "[링크 글자가 아주 긴 링크 하나만 있는 줄은 나눌 수 없습니다 정말 그렇습니다](https://e.com)\n";
const std::string kTable =
    "| 표의 행은 나눌 수 없으므로 기본으로 검사하지 않습니다 | 표의 행은 나눌 수 없습니다 |\n"
    "| --- | --- |\n";
const std::string kCode =
    "```\nprint('long code line', 'long code line', 'long code line', 'long code line', 'and "
    "more')\n```\n";
const std::string kHeading =
    "## 제목도 너무 길면 보고합니다: 제목은 줄을 나눌 수 없으니 짧게 줄여야 합니다 정말로 "
    "그렇습니다\n";

}  // namespace

TEST_CASE("line-length: metadata and defaults") {
  const auto rule = make_line_length();
  CHECK(rule->info().id == "line-length");
  CHECK_FALSE(rule->info().enabled_by_default);
  CHECK(rule->info().fix == FixAvailability::none);
  std::vector<std::string> names;
  for (const RuleOption& option : rule->info().options) names.emplace_back(option.name);
  CHECK(names ==
        std::vector<std::string>{"line-length", "code-blocks", "tables", "headings", "strict"});

  CHECK(overflows(*rule, kKorean) == std::vector<std::string>{"넘칩니다 정말로"});
  CHECK(overflows(*rule, kUrl).empty());       // nothing to wrap at past the limit
  CHECK(overflows(*rule, kLoneLink).empty());  // a lone link cannot be wrapped
  CHECK(overflows(*rule, kTable).empty());
  CHECK(overflows(*rule, kCode).size() == 1);
  CHECK(overflows(*rule, kHeading).size() == 1);
}

TEST_CASE("line-length: options") {
  RuleOptionValues wider;
  wider.set("line-length", int64_t{85});
  CHECK(overflows(*configured(wider), kKorean) == std::vector<std::string>{"다 정말로"});

  RuleOptionValues strict;
  strict.set("strict", true);
  CHECK(overflows(*configured(strict), kUrl) == std::vector<std::string>{"f/and/more"});
  CHECK(overflows(*configured(strict), kLoneLink).empty());

  RuleOptionValues tables;
  tables.set("tables", true);
  CHECK(overflows(*configured(tables), kTable) == std::vector<std::string>{"니다 |"});

  RuleOptionValues no_code;
  no_code.set("code-blocks", false);
  CHECK(overflows(*configured(no_code), kCode).empty());

  RuleOptionValues no_headings;
  no_headings.set("headings", false);
  CHECK(overflows(*configured(no_headings), kHeading).empty());
}
