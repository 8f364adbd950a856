// Inline directives: parsing every form (comments in containers, CRLF, front matter) with exact
// spans, and what the linter does with them (suppression, unknown-directive, unused-directive,
// hanmark-words).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/linter.h"
#include "engine/registry.h"
#include "fix/apply_fixes.h"
#include "markdown/directives.h"

using namespace hanmark;

// Failure messages show the lists.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const std::string& item : items) out += (out.size() > 1 ? ", \"" : "\"") + item + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace {

using Texts = std::vector<std::string>;

Texts arg_texts(const Document& doc, const Directive& d) {
  Texts out;
  for (const DirectiveArg& arg : d.args) {
    CHECK(doc.slice(arg.span) == arg.text);
    out.push_back(arg.text);
  }
  return out;
}

struct Found {
  std::string rule;
  std::string text;  // the span's source bytes
  uint32_t line;
  std::string message;
  std::vector<std::string> suggestions;

  std::string brief() const { return std::to_string(line) + " " + rule + " " + text; }
};

const RuleResources& resources() {
  static const RuleResources shared = default_rule_resources();
  return shared;
}

Linter linter_of(const Texts& select) {
  std::vector<std::string> unknown;
  Linter linter = make_linter(make_all_rules(resources()), {.select = select}, unknown);
  REQUIRE(unknown.empty());
  return linter;
}

std::vector<Found> lint(const std::string& source, const Texts& select) {
  const auto doc = Document::parse("t.md", source);
  std::vector<Found> out;
  for (const Diagnostic& d : linter_of(select).lint(*doc))
    out.push_back({d.rule, std::string(doc->slice(d.span)), doc->lines().line_of(d.span.begin),
                   d.message, d.suggestions});
  return out;
}

Texts briefs(const std::vector<Found>& found) {
  Texts out;
  for (const Found& f : found) out.push_back(f.brief());
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Parsing

TEST_CASE("directives: every comment form, with names, lines and exact spans (CRLF)") {
  const auto doc = Document::parse(
      "t.md",
      "# 제목\r\n\r\n<!-- hanmark-disable typo, repeated-word -->\r\n\r\n"
      "<!-- hanmark-enable -->\r\n\r\n<!--hanmark-disable-next-line korean-->\r\n본문\r\n\r\n"
      "문장 끝 <!-- hanmark-disable-line josa -->\r\n\r\n<!-- hanmark-disable-file -->\r\n\r\n"
      "<!-- hanmark-words 딥러닝 Kubernetes,쿠버네티스 -->\r\n");
  const Directives parsed = parse_directives(*doc);
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.items.size() == 6);
  const auto& items = parsed.items;
  CHECK(items[0].kind == DirectiveKind::disable);
  CHECK(arg_texts(*doc, items[0]) == Texts{"typo", "repeated-word"});
  CHECK(doc->slice(items[0].span) == "<!-- hanmark-disable typo, repeated-word -->");
  CHECK(doc->slice(items[0].keyword) == "hanmark-disable");
  CHECK(items[0].first_line == 3);
  CHECK(items[0].last_line == 3);
  CHECK_FALSE(items[0].inline_html);
  CHECK(items[1].kind == DirectiveKind::enable);
  CHECK(items[1].args.empty());
  CHECK(items[2].kind == DirectiveKind::disable_next_line);
  CHECK(arg_texts(*doc, items[2]) == Texts{"korean"});
  CHECK(items[3].kind == DirectiveKind::disable_line);
  CHECK(items[3].inline_html);
  CHECK(items[3].first_line == 10);
  CHECK(arg_texts(*doc, items[3]) == Texts{"josa"});
  CHECK(items[4].kind == DirectiveKind::disable_file);
  CHECK(items[5].kind == DirectiveKind::words);
  CHECK(arg_texts(*doc, items[5]) == Texts{"딥러닝", "Kubernetes", "쿠버네티스"});
  for (const Directive& d : items) CHECK_FALSE(d.in_front_matter);
}

TEST_CASE("directives: in list items, block quotes, headings and table cells, never in code") {
  const auto doc = Document::parse("t.md",
                                   "- 항목 <!-- hanmark-disable-line typo -->\n"
                                   "  <!-- hanmark-disable-next-line josa -->\n"
                                   "  둘째 줄\n\n"
                                   "> 인용 <!-- hanmark-disable-line typo -->\n"
                                   "> <!-- hanmark-disable\n"
                                   ">   korean, typo -->\n\n"
                                   "## 제목 <!-- hanmark-disable-line heading-increment -->\n\n"
                                   "| a | b <!-- hanmark-disable-line typo --> |\n|---|---|\n\n"
                                   "`<!-- hanmark-disable typo -->` 코드\n\n"
                                   "```\n<!-- hanmark-disable-file -->\n```\n\n"
                                   "    <!-- hanmark-disable-file -->\n");
  const Directives parsed = parse_directives(*doc);
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.items.size() == 6);
  CHECK(parsed.items[0].kind == DirectiveKind::disable_line);
  CHECK(parsed.items[0].inline_html);
  CHECK(parsed.items[0].first_line == 1);
  CHECK(parsed.items[1].kind == DirectiveKind::disable_next_line);
  CHECK(parsed.items[1].first_line == 2);
  CHECK(parsed.items[2].first_line == 5);
  // A comment over two quoted lines: the second line's '>' belongs to the block quote.
  CHECK(parsed.items[3].kind == DirectiveKind::disable);
  CHECK(arg_texts(*doc, parsed.items[3]) == Texts{"korean", "typo"});
  CHECK(parsed.items[3].first_line == 6);
  CHECK(parsed.items[3].last_line == 7);
  CHECK(parsed.items[4].first_line == 9);
  CHECK(parsed.items[5].first_line == 11);
  CHECK(arg_texts(*doc, parsed.items[5]) == Texts{"typo"});
}

TEST_CASE("directives: a reason after '--' is not a name") {
  const auto doc =
      Document::parse("t.md",
                      "<!-- hanmark-disable-next-line typo -- 고유명사입니다 -->\nteh\n\n"
                      "<!-- hanmark-disable-file --- 초안 -->\n");
  const Directives parsed = parse_directives(*doc);
  REQUIRE(parsed.items.size() == 2);
  CHECK(arg_texts(*doc, parsed.items[0]) == Texts{"typo"});
  CHECK(doc->slice(parsed.items[0].reason) == "고유명사입니다");
  CHECK(parsed.items[1].args.empty());
  CHECK(doc->slice(parsed.items[1].reason) == "초안");
}

TEST_CASE("directives: misspelt, unclosed and empty directives are problems") {
  const auto doc = Document::parse(
      "t.md",
      "<!-- hanmark-disabel typo -->\n\n<!-- hanmark-ignore -->\n\n"
      "<!-- hanmark-words -->\n\n<!-- hanmarkdisable -->\n\n<!-- hanmark-disable typo\n");
  const Directives parsed = parse_directives(*doc);
  CHECK(parsed.items.empty());
  REQUIRE(parsed.problems.size() == 4);
  CHECK(doc->slice(parsed.problems[0].span) == "hanmark-disabel");
  CHECK(parsed.problems[0].message == "unknown directive 'hanmark-disabel'");
  CHECK(parsed.problems[0].suggestion == "hanmark-disable");
  CHECK(parsed.problems[1].suggestion.empty());
  CHECK(parsed.problems[1].help.find("hanmark-disable-next-line") != std::string::npos);
  CHECK(parsed.problems[2].message == "'hanmark-words' lists no words");
  CHECK(doc->slice(parsed.problems[3].span) == "hanmark-disable");
  CHECK(parsed.problems[3].message.starts_with("unclosed directive comment"));
}

TEST_CASE("directives: a paragraph's '<!-- hanmark-… -- reason -->' is text, and a problem") {
  const auto doc =
      Document::parse("t.md",
                      "문장 <!-- hanmark-disable-line typo -- 이유 --> 끝\n\n"
                      "보기: \\<!-- hanmark-disable-line -- x -->\n\n"
                      "<!-- hanmark-disable-next-line typo -- 이유는 여기에 -->\nteh\n");
  const Directives parsed = parse_directives(*doc);
  REQUIRE(parsed.items.size() == 1);
  CHECK(doc->slice(parsed.items[0].reason) == "이유는 여기에");
  REQUIRE(parsed.problems.size() == 1);
  CHECK(doc->slice(parsed.problems[0].span) == "<!-- hanmark-disable-line typo -- 이유 -->");
}

TEST_CASE("directives: YAML front matter, flow and block forms") {
  auto parse = [](const std::string& source) {
    const auto doc = Document::parse("t.md", source);
    Directives parsed = parse_directives(*doc);
    Texts out;
    for (const Directive& d : parsed.items) {
      CHECK(d.in_front_matter);
      std::string line = d.kind == DirectiveKind::words ? "words:" : "disable:";
      for (const DirectiveArg& arg : d.args) {
        CHECK(doc->slice(arg.span) == arg.text);
        line += " " + arg.text;
      }
      out.push_back(line);
    }
    for (const DirectiveProblem& p : parsed.problems)
      out.push_back("problem " + std::string(doc->slice(p.span)) + ": " + p.message);
    return out;
  };
  CHECK(parse("---\ntitle: 글\nhanmark: { disable: [typo, \"josa\"], words: ['딥러닝'] }\n---\n"
              "본문\n") == Texts{"disable: typo josa", "words: 딥러닝"});
  CHECK(parse("---\r\nhanmark:\r\n  disable: [typo,\r\n    josa]  # 이유\r\n  words:\r\n"
              "    - 딥러닝\r\n    - \"Kubernetes\"\r\ntags: [a]\r\n---\r\n") ==
        Texts{"disable: typo josa", "words: 딥러닝 Kubernetes"});
  CHECK(parse("---\nhanmark:\n  disable: typo, josa\n---\n") == Texts{"disable: typo josa"});
  // Block sequences may sit at the key's indentation, as YAML allows.
  CHECK(parse("---\nhanmark:\n  disable:\n  - typo\n---\n") == Texts{"disable: typo"});
  CHECK(parse("---\nhanmark: {disable: []}\n---\n").empty());  // an empty list names nothing
  CHECK(parse("---\nhanmark:\n  disabel: [typo]\n---\n") ==
        Texts{"problem disabel: unknown key 'disabel' in the front matter 'hanmark' settings"});
  CHECK(parse("---\nhanmark: yes\n---\n") ==
        Texts{"problem hanmark: front matter 'hanmark' must be a mapping"});
  // Nested keys and other keys are not hanmark's.
  CHECK(parse("---\nextra:\n  hanmark: {disable: [typo]}\nhanmark_x: 1\n---\n").empty());
  CHECK(parse("hanmark: {disable: [typo]}\n").empty());  // not front matter
}

TEST_CASE("directives: TOML front matter") {
  auto args = [](const std::string& source) {
    const auto doc = Document::parse("t.md", source);
    const Directives parsed = parse_directives(*doc);
    CHECK(parsed.problems.empty());
    Texts out;
    for (const Directive& d : parsed.items) {
      for (const DirectiveArg& arg : d.args) {
        CHECK(doc->slice(arg.span) == arg.text);
        out.push_back((d.kind == DirectiveKind::words ? "w:" : "d:") + arg.text);
      }
    }
    return out;
  };
  CHECK(args("+++\ntitle = \"글\"\n[hanmark]\ndisable = [\"typo\", 'josa']\nwords = [\n  "
             "\"딥러닝\",\n]"
             "\n[extra]\ndisable = [\"x\"]\n+++\n") == Texts{"d:typo", "d:josa", "w:딥러닝"});
  CHECK(args("+++\nhanmark = { disable = [\"typo\"] }\n+++\n") == Texts{"d:typo"});
  CHECK(args("+++\nhanmark.words = [\"딥러닝\"]\n+++\n") == Texts{"w:딥러닝"});
}

TEST_CASE("accepted words: case-insensitive ASCII, Hangul words with their particles") {
  const auto doc = Document::parse(
      "t.md", "---\nhanmark: {words: [쿠버네티스]}\n---\n<!-- hanmark-words Recieve 딥러닝 -->\n");
  const AcceptedWords words = accepted_words(*doc);
  CHECK(words.accepts("recieve"));
  CHECK(words.accepts("RECIEVE"));
  CHECK(words.accepts("딥러닝"));
  CHECK(words.accepts("딥러닝을"));
  CHECK(words.accepts("쿠버네티스에서"));
  CHECK_FALSE(words.accepts("딥러"));
  CHECK_FALSE(words.accepts("recieved"));
  CHECK_FALSE(words.accepts("딥러닝x"));
  CHECK(accepted_words(*Document::parse("t.md", "본문\n")).empty());
}

// ---------------------------------------------------------------------------------------------
// Suppression

TEST_CASE("directives: disable and enable regions by id, category and all") {
  const std::string source =
      "teh 하나\n\n"                                                               // 1
      "<!-- hanmark-disable typo -->\n\n"                                          // 3
      "teh the the\n\n"                                                            // 5
      "<!-- hanmark-enable typo -->\n\n"                                           // 7
      "teh 둘\n\n"                                                                 // 9
      "<!-- hanmark-disable -->\n\n"                                               // 11
      "teh the the\n\n"                                                            // 13
      "<!-- hanmark-enable repeated-word -->\n\n"                                  // 15
      "teh the the\n\n"                                                            // 17
      "<!-- hanmark-enable -->\n<!-- hanmark-disable spelling, editorial -->\n\n"  // 19
      "teh the the\n";                                                             // 22
  CHECK(briefs(lint(source, {"typo", "repeated-word"})) ==
        Texts{"1 typo teh", "5 repeated-word  the", "9 typo teh", "17 repeated-word  the",
              "22 typo teh"});
}

TEST_CASE("directives: a disable or enable applies from its own line") {
  CHECK(briefs(lint("teh <!-- hanmark-disable typo -->\nteh\n\nteh <!-- hanmark-enable typo -->\n",
                    {"typo"})) == Texts{"4 typo teh"});
}

TEST_CASE("directives: disable-next-line skips blank lines and other directives") {
  const std::string source =
      "<!-- hanmark-disable-next-line typo -->\nteh 하나 teh.\nteh 둘\n\n"  // 1-3
      "<!-- hanmark-disable-next-line typo -->\n\nteh 셋\n\n"               // 5, 7
      "<!-- hanmark-disable-next-line typo -->\n"                           // 9
      "<!-- hanmark-disable-next-line repeated-word -->\n"                  // 10
      "teh the the\n\n"                                                     // 11
      "문단 <!-- hanmark-disable-next-line typo -->\nteh 넷\nteh 다섯\n";   // 13-15
  CHECK(briefs(lint(source, {"typo", "repeated-word"})) == Texts{"3 typo teh", "15 typo teh"});
}

TEST_CASE("directives: disable-line, in paragraphs, list items, block quotes and tables") {
  const std::string source =
      "첫 줄 teh\n둘째 teh <!-- hanmark-disable-line typo -->\n\n"
      "- 항목 teh <!-- hanmark-disable-line typo -->\n- 항목 teh\n\n"
      "> 인용 teh <!-- hanmark-disable-line -->\n> 인용 teh\n\n"
      "| 열 |\n|---|\n| teh <!-- hanmark-disable-line typo --> |\n| teh |\n";
  CHECK(briefs(lint(source, {"typo"})) ==
        Texts{"1 typo teh", "5 typo teh", "8 typo teh", "13 typo teh"});
}

TEST_CASE("directives: directives inside list items and block quotes govern their lines") {
  const std::string source =
      "- 항목\n"
      "  <!-- hanmark-disable-next-line typo -->\n"
      "  teh 항목\n"
      "- teh\n\n"
      "> <!-- hanmark-disable typo -->\n"
      "> teh 인용\n"
      ">\n"
      "> <!-- hanmark-enable typo -->\n"
      "> teh\n";
  CHECK(briefs(lint(source, {"typo"})) == Texts{"4 typo teh", "10 typo teh"});
}

TEST_CASE("directives: disable-file anywhere, and the front matter's disable") {
  CHECK(lint("teh the the\n\n<!-- hanmark-disable-file typo -->\n", {"typo", "repeated-word"})
            .size() == 1);
  CHECK(lint("teh the the\n\n<!-- hanmark-disable-file -->\n", {"typo", "repeated-word"}).empty());
  CHECK(briefs(lint("---\nhanmark:\n  disable: [typo]\n---\nteh the the\n",
                    {"typo", "repeated-word"})) == Texts{"5 repeated-word  the"});
  CHECK(lint("+++\n[hanmark]\ndisable = [\"spelling\", \"editorial\"]\n+++\nteh the the\n",
             {"typo", "repeated-word"})
            .size() == 1);  // 'spelling' is the rule: typo still runs
}

TEST_CASE("directives: encoding problems cannot be disabled") {
  const auto found = lint("<!-- hanmark-disable-file -->\n\nbad \xFF byte\n", {"typo"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "encoding");
}

TEST_CASE("directives: fixes of suppressed findings are not applied") {
  const Linter linter = linter_of({"typo"});
  const FixOutcome fixed = fix_until_stable(
      linter, "t.md", "teh 하나\n<!-- hanmark-disable-next-line typo -->\nteh 둘\n",
      FixMode::safe_only);
  CHECK(fixed.text == "the 하나\n<!-- hanmark-disable-next-line typo -->\nteh 둘\n");
}

TEST_CASE("directives: hanmark-words keeps the spelling rules quiet about a word") {
  const std::string source =
      "<!-- hanmark-words recieve 어플리케이션 -->\n\nrecieve teh 어플리케이션을 씁니다.\n";
  CHECK(briefs(lint(source, {"typo"})) == Texts{"3 typo teh"});
}

// ---------------------------------------------------------------------------------------------
// unknown-directive and unused-directive

TEST_CASE("unknown-directive: names neither a rule nor a category, at the name's bytes") {
  const std::string source =
      "<!-- hanmark-disable tpyo, korean, spelling -->\n\n"
      "> 인용 <!-- hanmark-disable-line josaa -->\n\n"
      "<!-- hanmark-disabel -->\n";
  const auto found = lint(source, {"typo", "unknown-directive"});
  REQUIRE(found.size() == 3);
  CHECK(found[0].brief() == "1 unknown-directive tpyo");
  CHECK(found[0].message == "unknown rule or category 'tpyo' in 'hanmark-disable'");
  CHECK(found[0].suggestions == Texts{"typo"});
  CHECK(found[1].brief() == "3 unknown-directive josaa");
  CHECK(found[1].suggestions == Texts{"josa"});
  CHECK(found[2].brief() == "5 unknown-directive hanmark-disabel");
  CHECK(found[2].suggestions == Texts{"hanmark-disable"});
  // Rules that exist but do not run (josa, korean) are not unknown.
  CHECK(lint("<!-- hanmark-disable josa korean -->\n", {"unknown-directive"}).empty());
}

TEST_CASE("unknown-directive: in front matter, and silenced only by naming it") {
  const auto found = lint("---\nhanmark: { disable: [typo, nope], wrods: [x] }\n---\n본문\n",
                          {"unknown-directive"});
  CHECK(briefs(found) == Texts{"2 unknown-directive nope", "2 unknown-directive wrods"});
  CHECK(
      lint("<!-- hanmark-disable-file -->\n<!-- hanmark-disable tpyo -->\n", {"unknown-directive"})
          .size() == 1);
  CHECK(lint("<!-- hanmark-disable-file unknown-directive -->\n<!-- hanmark-disable tpyo -->\n",
             {"unknown-directive"})
            .empty());
}

TEST_CASE("unused-directive: each name that suppresses nothing, at its bytes") {
  const std::string source =
      "<!-- hanmark-disable-next-line typo repeated-word -->\n"  // 1: repeated-word unused
      "teh 하나\n\n"
      "<!-- hanmark-disable-line -->\n\n"          // 4: nothing on its own line
      "<!-- hanmark-disable-next-line josa -->\n"  // 6: josa does not run
      "문장\n\n"
      "<!-- hanmark-enable typo -->\n\n"                  // 9: nothing to re-enable
      "<!-- hanmark-disable-file spelling korean -->\n";  // 11: not all judged
  const auto found = lint(source, {"typo", "repeated-word", "unused-directive"});
  CHECK(briefs(found) == Texts{"1 unused-directive repeated-word",
                               "4 unused-directive <!-- hanmark-disable-line -->",
                               "9 unused-directive typo"});
  REQUIRE(found.size() == 3);
  CHECK(found[0].message == "'hanmark-disable-next-line' suppresses no 'repeated-word' finding");
  CHECK(found[1].message == "'hanmark-disable-line' suppresses nothing");
  CHECK(found[2].message ==
        "'hanmark-enable' has nothing to re-enable: 'typo' is not disabled "
        "above it");
}

TEST_CASE("unused-directive: a category is judged when all its rules run") {
  CHECK(briefs(lint("<!-- hanmark-disable-file spelling -->\n본문\n",
                    {"spelling", "unused-directive"})) == Texts{"1 unused-directive spelling"});
  CHECK(briefs(lint("<!-- hanmark-disable-file editorial -->\nthe the\n",
                    {"editorial", "unused-directive"}))
            .empty());
  CHECK(briefs(lint("<!-- hanmark-disable-file editorial -->\n본문\n",
                    {"editorial", "unused-directive"})) == Texts{"1 unused-directive editorial"});
  CHECK(
      lint("<!-- hanmark-disable-file editorial -->\n본문\n", {"repeated-word", "unused-directive"})
          .empty());  // leftover-comment does not run: it might need the directive
}

TEST_CASE("unused-directive: the most specific directive is the one used") {
  const std::string source =
      "<!-- hanmark-disable-file typo -->\n\n"
      "<!-- hanmark-disable-next-line typo -->\nteh\n";
  CHECK(briefs(lint(source, {"typo", "unused-directive"})) == Texts{"1 unused-directive typo"});
}

TEST_CASE("unused-directive: the unsafe fix removes the name or the whole directive") {
  const Linter linter = linter_of({"typo", "repeated-word", "unused-directive"});
  auto fix = [&](const std::string& source) {
    return fix_until_stable(linter, "t.md", source, FixMode::include_unsafe).text;
  };
  CHECK(fix("<!-- hanmark-disable-next-line typo, repeated-word -->\nteh\n") ==
        "<!-- hanmark-disable-next-line typo -->\nteh\n");
  CHECK(fix("<!-- hanmark-disable-next-line repeated-word, typo -->\nteh\n") ==
        "<!-- hanmark-disable-next-line typo -->\nteh\n");
  CHECK(fix("# 제목\n\n<!-- hanmark-disable-next-line typo -->\n본문\n") == "# 제목\n\n본문\n");
  CHECK(fix("> 인용\n> <!-- hanmark-disable typo -->\n> 본문\n") == "> 인용\n> 본문\n");
  CHECK(fix("본문 <!-- hanmark-disable-line typo --> 끝\n") == "본문 끝\n");
  CHECK(fix("- <!-- hanmark-disable-line -->\n") == "-\n");
  // Without --unsafe-fixes nothing is removed.
  CHECK(fix_until_stable(linter, "t.md", "<!-- hanmark-disable typo -->\n", FixMode::safe_only)
            .text == "<!-- hanmark-disable typo -->\n");
}

TEST_CASE("unused-directive: a Linter without known rules knows the selected ones") {
  std::vector<std::string> unknown;
  const Linter linter(select_rules(make_all_rules(resources()),
                                   {.select = {"typo", "unknown-directive"}}, unknown));
  const auto doc = Document::parse("t.md", "<!-- hanmark-disable typo josa -->\n");
  const auto found = linter.lint(*doc);
  REQUIRE(found.size() == 1);
  CHECK(doc->slice(found[0].span) == "josa");
}
