// Declarative user rules: the TOML loader (errors with exact file:line:col), matching of each
// rule type (word boundaries, Hangul particles, case, scopes, exact spans), fixes and examples.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/apply_fixes.h"
#include "markdown/document.h"
#include "userrules/examples.h"
#include "userrules/regex.h"
#include "userrules/rule_file.h"
#include "userrules/rule_table.h"
#include "userrules/user_rule.h"
#include "userrules/word_matcher.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const std::string& item : items) out += "\n  \"" + item + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

using namespace hanmark;
using namespace hanmark::userrules;

namespace {

std::vector<std::string> load_errors(const std::string& toml, const std::string& name = "r.toml") {
  RuleLoader loader({"typo", "markdown"});
  loader.load(toml, name);
  std::vector<std::string> out;
  for (const Problem& p : loader.problems()) out.push_back(format_problem(p));
  return out;
}

std::unique_ptr<UserRule> make_rule(const std::string& toml) {
  RuleLoader loader({"typo"});
  loader.load(toml, "r.toml");
  for (const Problem& p : loader.problems()) FAIL(format_problem(p));
  auto specs = loader.take_specs();
  REQUIRE(specs.size() == 1);
  return std::make_unique<UserRule>(std::move(specs.front()));
}

struct Finding {
  std::string text;  // the span's source bytes
  std::string message;
  std::vector<std::string> suggestions;
  std::vector<Fix> fixes;
  std::vector<std::string> notes;
};

struct Run {
  std::unique_ptr<Document> doc;
  std::vector<Diagnostic> diagnostics;
  std::vector<Finding> findings;
};

Run run(const Rule& rule, std::string markdown) {
  Run r;
  r.doc = Document::parse("t.md", std::move(markdown));
  DiagnosticSink sink(rule.info(), r.diagnostics);
  rule.check(*r.doc, sink);
  std::stable_sort(
      r.diagnostics.begin(), r.diagnostics.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  for (const Diagnostic& d : r.diagnostics)
    r.findings.push_back(
        {std::string(r.doc->slice(d.span)), d.message, d.suggestions, d.fixes, d.notes});
  return r;
}

std::vector<std::string> texts(const Rule& rule, const std::string& markdown) {
  std::vector<std::string> out;
  for (const Finding& f : run(rule, markdown).findings) out.push_back(f.text);
  return out;
}

std::string fixed(const Rule& rule, const std::string& markdown) {
  const Run r = run(rule, markdown);
  size_t applied = 0;
  return apply_fixes(r.doc->source(), r.diagnostics, FixMode::include_unsafe, applied);
}

using Strings = std::vector<std::string>;

}  // namespace

// --- Loader ------------------------------------------------------------------------------------

TEST_CASE("user rules: a TOML syntax error points at its line and column") {
  CHECK(load_errors("[[rule]]\nid = \"x\ntype = \"existence\"\n") ==
        Strings{"r.toml:2:8: error: invalid TOML while parsing string: unescaped control "
                "characters other than TAB (U+0009) are explicitly prohibited"});
  const Strings errors = load_errors("[[rule]]\nid = \"유저\" x\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with("r.toml:2:11: error: invalid TOML"));  // columns count code points
}

TEST_CASE("user rules: unknown keys, with a did-you-mean, and keys of another rule type") {
  CHECK(load_errors(
            "[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = [\"x\"]\nmesage = \"m\"\n") ==
        Strings{"r.toml:5:1: error: unknown key 'mesage'; did you mean 'message'?"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = [\"x\"]\nswap = {}\n") ==
        Strings{"r.toml:5:1: error: 'swap' does not apply to an existence rule (it belongs to "
                "substitution rules)"});
  CHECK(load_errors("[rules]\n") ==
        Strings{"r.toml:1:2: error: unknown key 'rules' (a rule file holds [[rule]] tables); did "
                "you mean 'rule'?"});
  CHECK(
      load_errors("[rule]\nid = \"a\"\n") ==
      Strings{"r.toml:1:1: error: 'rule' must be an array of tables: write each rule as [[rule]]"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existance\"\n") ==
        Strings{"r.toml:3:8: error: unknown rule type 'existance'; expected existence, "
                "substitution or consistency (did you mean 'existence'?)"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\n") ==
        Strings{"r.toml:1:1: error: rule has no 'type' (existence, substitution or consistency)"});
}

TEST_CASE("user rules: values of the wrong type or out of range") {
  CHECK(
      load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = [\"x\"]\n"
                  "ignore-case = \"yes\"\n") ==
      Strings{"r.toml:5:15: error: 'ignore-case' must be a boolean (true or false), not a string"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = [\"x\", 3]\n") ==
        Strings{"r.toml:4:15: error: an item of 'words' must be a string, not an integer"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = \"x\"\n"
                    "severity = \"warnng\"\n") ==
        Strings{"r.toml:5:12: error: 'severity' must be one of info, warning, error, not "
                "'warnng'; did you mean 'warning'?"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = \"x\"\n"
                    "scope = [\"prose\", \"headng\"]\n") ==
        Strings{"r.toml:5:19: error: unknown scope 'headng'; expected prose, heading, link or alt "
                "(did you mean 'heading'?)"});
  CHECK(load_errors("[[rule]]\nid = \"No_Good\"\ntype = \"existence\"\nwords = \"x\"\n") ==
        Strings{"r.toml:2:6: error: rule id 'No_Good' is not kebab-case (lower-case letters and "
                "digits, joined by single '-')"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"consistency\"\nforms = [\"딥러닝\"]\n") ==
        Strings{"r.toml:4:9: error: a group of forms needs two or more forms"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = \"x\"\n"
                    "message = \"bad {word}\"\n") ==
        Strings{"r.toml:5:16: error: unknown placeholder '{word}' in message; use {actual}"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = \"x\"\n"
                    "examples = { bad = [\"x\"], god = [\"y\"] }\n") ==
        Strings{"r.toml:5:27: error: unknown key 'god' in examples; did you mean 'good'?"});
}

TEST_CASE("user rules: an invalid regex points at the offending character, through escapes") {
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\npatterns = ['유저(']\n") ==
        Strings{"r.toml:4:16: error: invalid regex '유저(': unbalanced parenthesis"});
  // "\\w{3,1}" is the pattern \w{3,1}: its '}' is eight columns after the opening quote.
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"existence\"\npatterns = [\"\\\\w{3,1}\"]\n") ==
        Strings{"r.toml:4:21: error: invalid regex '\\w{3,1}': {min,max} with max less than min"});
  CHECK(load_errors("[[rule]]\nid = \"a\"\ntype = \"substitution\"\n"
                    "swap = [{ pattern = '(\\d+)개', to = '$2개' }]\n") ==
        Strings{"r.toml:4:37: error: '$2' refers to a group the pattern does not have"});
}

TEST_CASE("user rules: duplicate ids and ids of built-in rules or categories") {
  RuleLoader loader({"typo", "markdown"});
  const std::string rule = "[[rule]]\nid = \"same\"\ntype = \"existence\"\nwords = \"x\"\n";
  loader.load(rule, "a.toml");
  loader.load("# second file\n" + rule, "b.toml");
  loader.load("[[rule]]\nid = \"typo\"\ntype = \"existence\"\nwords = \"x\"\n", "c.toml");
  loader.load("[[rule]]\nid = \"markdown\"\ntype = \"existence\"\nwords = \"x\"\n", "d.toml");
  Strings errors;
  for (const Problem& p : loader.problems()) errors.push_back(format_problem(p));
  CHECK(errors == Strings{
                      "b.toml:3:6: error: duplicate rule id 'same' (first defined at a.toml:2:6)",
                      "c.toml:2:6: error: rule id 'typo' is taken by a built-in rule or category",
                      "d.toml:2:6: error: rule id 'markdown' is taken by a built-in rule or "
                      "category",
                  });
  CHECK(loader.specs().size() == 1);
}

TEST_CASE("user rules: one bad rule does not hide the problems of the next, and never throws") {
  const Strings errors = load_errors(
      "[[rule]]\nid = \"a\"\ntype = \"existence\"\n"  // no words
      "[[rule]]\nid = \"b\"\ntype = \"substitution\"\nswap = 3\n");
  CHECK(errors == Strings{"r.toml:1:1: error: existence rule has neither 'words' nor 'patterns'",
                          "r.toml:7:8: error: 'swap' must be a table of word = replacement, or an "
                          "array of tables, not an integer"});
  for (const char* junk : {"", "\xff\xfe", "[[rule]]", "[[rule]]\n[[rule]]\n", "rule = 3",
                           "[[rule]]\nexamples = 1\nforms = [[]]\n", "[[rule.swap]]\nto = 1\n"})
    CHECK_NOTHROW(load_errors(junk));
  CHECK(load_errors("").empty());
}

TEST_CASE("user rules: a failing example is reported at the example, a passing one is silent") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"no-user\"\ntype = \"substitution\"\nswap = { \"유저\" = \"사용자\" }\n"
      "examples.bad = [\"유저가 봅니다\", \"사용자가\", { text = \"유저를\", fixed = \"사용자가\" "
      "}]\n"
      "examples.good = [\"사용자\", \"유저\"]\n");
  Strings failures;
  for (const Problem& p : check_examples(*rule)) failures.push_back(format_problem(p));
  CHECK(failures ==
        Strings{"r.toml:5:28: error: rule 'no-user': bad example '사용자가' draws no finding",
                "r.toml:5:36: error: rule 'no-user': bad example '유저를' is fixed to '사용자를', "
                "not '사용자가'",
                "r.toml:6:25: error: rule 'no-user': good example '유저' draws a finding at "
                "'유저': use '사용자' instead of '유저'"});
}

TEST_CASE("user rules: string positions account for escapes, multi-line strings point at start") {
  const std::string toml = "a = \"\\u00e9\\tx\"\nb = '''\nxy'''\n";
  CHECK(position_in_string(toml, {1, 5}, 0).column == 6);
  CHECK(position_in_string(toml, {1, 5}, 1).column == 12);  // after \u00e9
  CHECK(position_in_string(toml, {1, 5}, 2).column == 14);  // after \t
  CHECK(position_in_string(toml, {2, 5}, 1).column == 5);
}

// --- Matching ----------------------------------------------------------------------------------

TEST_CASE("user rules: Hangul words start at a boundary and may take particles") {
  const auto rule = make_rule("[[rule]]\nid = \"u\"\ntype = \"existence\"\nwords = [\"유저\"]\n");
  CHECK(texts(*rule, "유저가 유저를 봅니다. 유저입니다. 유저들도 DB유저와 (유저)\n") ==
        Strings{"유저", "유저", "유저", "유저", "유저", "유저"});
  CHECK(texts(*rule, "슈퍼유저, 유저네임, 유저스토리\n").empty());

  const auto any = make_rule(
      "[[rule]]\nid = \"u\"\ntype = \"existence\"\nwords = [\"유저\"]\nsuffix = \"any\"\n");
  CHECK(texts(*any, "유저네임 슈퍼유저\n") == Strings{"유저"});
  const auto none = make_rule(
      "[[rule]]\nid = \"u\"\ntype = \"existence\"\nwords = [\"유저\"]\nsuffix = \"none\"\n");
  CHECK(texts(*none, "유저 유저가\n") == Strings{"유저"});
}

TEST_CASE("user rules: Latin words need boundaries on both sides, case folds only when asked") {
  const auto exact = make_rule("[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = [\"API\"]\n");
  CHECK(texts(*exact, "API, api, APIs, RAPID, API를, 'API', x.API, API-key, API.\n") ==
        Strings{"API", "API", "API", "API"});
  const auto folded = make_rule(
      "[[rule]]\nid = \"a\"\ntype = \"existence\"\nwords = [\"naïve\", \"api\"]\nignore-case = "
      "true\n");
  CHECK(texts(*folded, "API Api NAÏVE Naïve naive user.api.io\n") ==
        Strings{"API", "Api", "NAÏVE", "Naïve"});
}

TEST_CASE("user rules: phrases match across white space and line breaks, with exact spans") {
  const auto rule =
      make_rule("[[rule]]\nid = \"p\"\ntype = \"existence\"\nwords = [\"딥 러닝\", \"C++\"]\n");
  CHECK(texts(*rule, "> 딥  러닝과 딥\r\n> 러닝, C++와 C+++\r\n") ==
        Strings{"딥  러닝", "딥\r\n> 러닝", "C++", "C++"});
  const Run r = run(*rule, "😀 딥 러닝\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].span.begin == 5);  // after the 4-byte emoji and a space
  CHECK(r.findings[0].message == "avoid '딥 러닝'");
}

TEST_CASE("user rules: code, URLs, HTML and paths are never matched") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"u\"\ntype = \"existence\"\nwords = [\"유저\"]\npatterns = ['x.*y']\n");
  CHECK(texts(*rule,
              "`유저` <a title=\"유저\">a</a> https://유저.com/x ~/유저/a/b\n\n"
              "```\n유저\n```\n\n    유저\n\n<!-- 유저 -->\nx `code` y, x and y\n") ==
        Strings{"x and y"});
}

TEST_CASE("user rules: regex offsets map back to UTF-8 exactly, surrogate pairs included") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"r\"\ntype = \"existence\"\npatterns = ['되어(?:지|진)', "
      "'\\p{Emoji_Presentation}+']\n");
  const Run r = run(*rule, "😀🎉 사용되어진다 &amp; 사용되어지고\n");
  REQUIRE(r.findings.size() == 3);
  CHECK(r.findings[0].text == "😀🎉");
  CHECK(r.findings[1].text == "되어진");
  CHECK(r.findings[2].text == "되어지");
  CHECK(r.diagnostics[1].span.begin == 15);
}

TEST_CASE("user rules: scopes select headings, prose, link text and alt text") {
  const std::string toml =
      "[[rule]]\nid = \"s\"\ntype = \"existence\"\nwords = [\"유저\"]\nscope = ";
  const std::string post =
      "# 유저 [유저](a)\n\n유저 [유저 안내 ![유저 그림](p.png)](u) <https://x.com/유저>\n\n"
      "| 유저 |\n|---|\n| 표의 유저 |\n| [유저](c) |\n";
  auto spans = [&](const std::string& scope) {
    std::vector<uint32_t> lines;
    const Run r = run(*make_rule(toml + scope + "\n"), post);
    for (const Diagnostic& d : r.diagnostics)
      lines.push_back(r.doc->lines().position(d.span.begin).column);
    return lines;
  };
  CHECK(spans("\"heading\"") == std::vector<uint32_t>{3});
  CHECK(spans("\"prose\"") == std::vector<uint32_t>{1, 3, 6});  // paragraph, two table cells
  CHECK(spans("\"link\"") == std::vector<uint32_t>{7, 5, 4});   // in a heading, a paragraph, a cell
  CHECK(spans("\"alt\"") == std::vector<uint32_t>{13});
  CHECK(spans("[\"link\", \"alt\"]") == std::vector<uint32_t>{7, 5, 13, 4});
  CHECK(spans("[\"prose\", \"heading\", \"link\", \"alt\"]").size() == 8);
}

TEST_CASE("user rules: a substitution keeps the particle in agreement, or makes the fix unsafe") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"s\"\ntype = \"substitution\"\n"
      "swap = { \"유저\" = \"사용자\", \"어드민\" = \"관리자\", \"깃헙\" = \"GitHub\", \"레포\" = "
      "\"repo\" }\n");
  const Run r = run(*rule, "유저를 어드민을 어드민과 깃헙을 레포로 유저\n");
  REQUIRE(r.findings.size() == 6);
  CHECK(r.findings[0].text == "유저");
  CHECK(r.findings[0].fixes[0].edits[0].replacement == "사용자");  // 유저를 → 사용자를: same form
  CHECK(r.findings[0].fixes[0].safe);
  CHECK(r.findings[1].text == "어드민");  // the finding is the word; the edit takes the particle
  CHECK(r.doc->slice(r.findings[1].fixes[0].edits[0].span) == "어드민을");
  CHECK(r.findings[1].fixes[0].edits[0].replacement == "관리자를");
  CHECK(r.findings[1].fixes[0].title == "replace with '관리자를'");
  CHECK(r.findings[1].fixes[0].safe);
  CHECK(r.findings[2].fixes[0].edits[0].replacement == "관리자와");
  // hanmark cannot tell how "GitHub" is read: the particle is left to the writer.
  CHECK(r.findings[3].fixes[0].edits[0].replacement == "GitHub");
  CHECK_FALSE(r.findings[3].fixes[0].safe);
  CHECK(r.findings[3].notes == Strings{"check the particle '을' after the replacement"});
  CHECK(r.findings[4].fixes[0].edits[0].replacement == "repo");  // 레포로, repo로: both 로
  CHECK(r.findings[4].fixes[0].safe);
  CHECK(fixed(*rule, "유저를 어드민을 어드민과\n") == "사용자를 관리자를 관리자와\n");
}

TEST_CASE("user rules: substitution case, alternatives, regex groups and self-overlap") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"s\"\ntype = \"substitution\"\nignore-case = true\n"
      "swap = { \"utilise\" = \"utilize\", \"javascript\" = \"JavaScript\", \"러닝\" = \"딥 "
      "러닝\", "
      "\"어플\" = [\"앱\", \"애플리케이션\"] }\n");
  const Run r =
      run(*rule, "Utilise UTILISE javascript JavaScript JAVASCRIPT 딥 러닝 러닝 어플을\n");
  REQUIRE(r.findings.size() == 6);
  CHECK(r.findings[0].suggestions == Strings{"Utilize"});
  CHECK(r.findings[1].suggestions == Strings{"UTILIZE"});
  CHECK(r.findings[2].suggestions == Strings{"JavaScript"});  // written with capitals: as is
  CHECK(r.findings[3].text == "JAVASCRIPT");
  CHECK(r.findings[4].text == "러닝");  // the one not inside "딥 러닝"
  CHECK(r.findings[5].suggestions == Strings{"앱", "애플리케이션"});
  REQUIRE(r.findings[5].fixes.size() == 2);
  CHECK_FALSE(r.findings[5].fixes[0].safe);                    // two choices: the writer picks
  CHECK(r.findings[5].fixes[0].edits[0].replacement == "앱");  // 어플을, 앱을: both 을
  CHECK(r.findings[5].fixes[1].edits[0].replacement == "애플리케이션");

  const auto groups = make_rule(
      "[[rule]]\nid = \"g\"\ntype = \"substitution\"\nfix = \"unsafe\"\n"
      "swap = [{ pattern = '(\\d+)\\s+개', to = '$1개' }, { word = \"US$\", to = \"$$\" }]\n");
  const Run g = run(*groups, "사과 3 개, 10 개와 US$\n");
  REQUIRE(g.findings.size() == 3);
  CHECK(g.findings[0].suggestions == Strings{"3개"});
  CHECK_FALSE(g.findings[0].fixes[0].safe);
  CHECK(g.findings[1].fixes[0].edits[0].replacement == "10개");
  CHECK(g.findings[2].suggestions == Strings{"$$"});  // a word's replacement is literal
}

TEST_CASE("user rules: consistency reports the minority forms, the first form wins a tie") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"c\"\ntype = \"consistency\"\n"
      "forms = [[\"딥러닝\", \"딥 러닝\"], [\"웹사이트\", \"웹 사이트\"]]\n");
  const Run r = run(*rule, "딥 러닝을 딥러닝, 딥러닝. 웹 사이트와 웹사이트\n\n# 웹 사이트\n");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].text == "딥 러닝");
  CHECK(r.findings[0].message == "'딥 러닝' is written '딥러닝' elsewhere in this post");
  CHECK(r.findings[0].notes == Strings{"'딥러닝' is used 2 times, '딥 러닝' 1 time"});
  CHECK_FALSE(r.findings[0].fixes[0].safe);
  CHECK(r.findings[0].fixes[0].edits[0].replacement == "딥러닝");
  CHECK(r.findings[1].text == "웹사이트");  // the heading counts too: 웹 사이트 twice
  const Run tie = run(*rule, "웹사이트와 웹 사이트\n");
  REQUIRE(tie.findings.size() == 1);
  CHECK(tie.findings[0].text == "웹 사이트");  // a tie: the form used first wins
  CHECK(texts(*rule, "딥러닝과 딥러닝\n").empty());
}

TEST_CASE("user rules: rule metadata, defaults and the explain text") {
  const auto rule = make_rule(
      "[[rule]]\nid = \"my-rule\"\ntype = \"substitution\"\nseverity = \"error\"\nenabled = false\n"
      "help = \"도움말\"\nswap = { \"유저\" = \"사용자\" }\n");
  CHECK(rule->info().id == "my-rule");
  CHECK(rule->info().category == Category::custom);
  CHECK(rule->info().default_severity == Severity::error);
  CHECK_FALSE(rule->info().enabled_by_default);
  CHECK(rule->info().fix == FixAvailability::always);
  CHECK(rule->info().summary == "'유저' → '사용자'");
  const Run r = run(*rule, "유저\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].notes == Strings{"도움말"});
  CHECK(
      rule->describe().starts_with("# my-rule\n\nA user rule (substitution) defined in r.toml:1"));
}

TEST_CASE("user rules: matching stays linear in the text and the word list") {
  std::string toml = "[[rule]]\nid = \"big\"\ntype = \"existence\"\nwords = [";
  for (int i = 0; i < 5000; ++i) toml += "\"낱말" + std::to_string(i) + "\", ";
  toml += "\"끝\"]\n";
  const auto rule = make_rule(toml);
  std::string post;
  for (int i = 0; i < 20000; ++i) post += "가나다 낱말 word 낱말17 ";
  post += "\n";
  const auto start = std::chrono::steady_clock::now();
  CHECK(run(*rule, post).findings.size() == 20000);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
