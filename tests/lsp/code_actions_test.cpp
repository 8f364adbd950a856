// Code actions: the directive edit that disables a rule for a line, the dictionary entries of
// "add to dictionary", and the actions the server offers for its own diagnostics.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "fix/disable_directive.h"
#include "lsp/code_actions.h"
#include "lsp/server_harness.h"
#include "spell/personal_dictionary.h"

using namespace hanmark;
using namespace hanmark::testing;

namespace {

// `text` with the disable edit for the first occurrence of `needle` applied.
std::string disabled(const std::string& text, const std::string& needle, const std::string& rule) {
  const auto doc = Document::parse("post.md", text);
  const auto edit = disable_line_edit(*doc, static_cast<uint32_t>(text.find(needle)), rule);
  if (!edit) return "<none>";
  std::string out = text;
  out.replace(edit->span.begin, edit->span.size(), edit->replacement);
  return out;
}

std::string contents(const std::filesystem::path& path) {
  std::ostringstream text;
  text << std::ifstream(path, std::ios::binary).rdbuf();
  return text.str();
}

std::string apply(std::string text, const json& edits, lsp::PositionEncoding encoding) {
  // Back to front, so that earlier offsets hold.
  std::vector<std::pair<ByteSpan, std::string>> located;
  const lsp::PositionMapper mapper(text, encoding);
  for (const json& e : edits)
    located.push_back({mapper.span({{e["range"]["start"]["line"], e["range"]["start"]["character"]},
                                    {e["range"]["end"]["line"], e["range"]["end"]["character"]}}),
                       e["newText"]});
  std::sort(located.begin(), located.end(),
            [](const auto& a, const auto& b) { return a.first.begin > b.first.begin; });
  for (const auto& [span, replacement] : located)
    text.replace(span.begin, span.size(), replacement);
  return text;
}

json actions_at(ServerHarness& client, const std::string& uri, const json& range,
                json only = json::array()) {
  return client.request("textDocument/codeAction",
                        {{"textDocument", {{"uri", uri}}},
                         {"range", range},
                         {"context", {{"diagnostics", json::array()}, {"only", only}}}})["result"];
}

const json* find_title(const json& actions, const std::string& title) {
  for (const json& action : actions)
    if (action["title"] == title) return &action;
  return nullptr;
}

}  // namespace

TEST_CASE("disable directive: at the end of the line, before a hard break") {
  CHECK(disabled("# 제목\n\nThe recieve thing.\n", "recieve", "typo") ==
        "# 제목\n\nThe recieve thing. <!-- hanmark-disable-line typo -->\n");
  CHECK(disabled("a recieve  \nb\n", "recieve", "typo") ==
        "a recieve <!-- hanmark-disable-line typo -->  \nb\n");
  CHECK(disabled("> - 인용 안의 recieve\r\n", "recieve", "typo") ==
        "> - 인용 안의 recieve <!-- hanmark-disable-line typo -->\r\n");
}

TEST_CASE("disable directive: a line above where a comment at the end would not be one") {
  // A fence's info string is not HTML.
  CHECK(disabled("text\n\n```\ncode\n```\n", "```", "code-block-language") ==
        "text\n\n<!-- hanmark-disable-next-line code-block-language -->\n```\ncode\n```\n");
  // Inside a block quote, the line above keeps the quote marker.
  CHECK(disabled("> ```\r\n> x\r\n> ```\r\n", "```", "code-block-language") ==
        "> <!-- hanmark-disable-next-line code-block-language -->\r\n> ```\r\n> x\r\n> ```\r\n");
  // The first line of a comment that goes on: the comment would swallow the directive.
  CHECK(disabled("<!-- TODO\nmore -->\n", "<!--", "leftover-comment") ==
        "<!-- hanmark-disable-next-line leftover-comment -->\n<!-- TODO\nmore -->\n");
  // Front matter holds no comments.
  CHECK(disabled("---\ntitle: recieve\n---\n", "recieve", "typo") == "<none>");
}

TEST_CASE("personal dictionary: entries and writing them") {
  CHECK(dictionary_entry("wrold") == "wrold");
  CHECK(dictionary_entry("떄문에") == "떄문/토너먼트");
  CHECK(dictionary_entry("쿠버네티스를") == "쿠버네티스/토너먼트");
  CHECK(dictionary_entry("프라미스") == "프라미스/토너먼트");
  TempDir dir;
  const auto file = dir.path() / "new" / "words.dic";
  std::string error;
  REQUIRE(add_dictionary_entry(file, "wrold", error));
  REQUIRE(add_dictionary_entry(file, "wrold", error));  // once only
  CHECK(contents(file) == "wrold\n");
  const auto team = dir.write("team.dic", "Kubernetes\r\nwrold");  // no final newline
  REQUIRE(add_dictionary_entry(team, "떄문/토너먼트", error));
  REQUIRE(add_dictionary_entry(team, "wrold", error));
  CHECK(contents(team) == "Kubernetes\r\nwrold\n떄문/토너먼트\n");
  CHECK_FALSE(add_dictionary_entry("/proc/hanmark/words.dic", "x", error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("lsp code actions: kinds asked for") {
  using lsp::kind_wanted;
  CHECK(kind_wanted({}, "quickfix"));
  CHECK(kind_wanted({"source"}, "source.fixAll"));
  CHECK(kind_wanted({"source.fixAll"}, "source.fixAll"));
  CHECK_FALSE(kind_wanted({"source.fix"}, "source.fixAll"));
  CHECK_FALSE(kind_wanted({"quickfix"}, "source.fixAll"));
  CHECK_FALSE(kind_wanted({"refactor"}, "quickfix"));
}

TEST_CASE("lsp code actions: from the server's diagnostics, applied in UTF-16") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = lsp::uri_of_path(dir.path() / "post.md");
  const std::string text = "# 제목\n\n😀 한국어 Enginner 문장\n";
  client.open(uri, text);
  // A cursor at the start of the word, an empty context (as eglot sends).
  const json cursor = {{"start", {{"line", 2}, {"character", 7}}},
                       {"end", {{"line", 2}, {"character", 7}}}};
  const json actions = actions_at(client, uri, cursor);
  const json* fix = find_title(actions, "replace with 'Engineer'");
  REQUIRE(fix);
  CHECK((*fix)["kind"] == "quickfix");
  CHECK((*fix)["isPreferred"] == true);
  CHECK((*fix)["diagnostics"][0]["code"] == "typo");
  CHECK(apply(text, (*fix)["edit"]["changes"][uri], lsp::PositionEncoding::utf16) ==
        "# 제목\n\n😀 한국어 Engineer 문장\n");
  const json* disable = find_title(actions, "disable typo for this line");
  REQUIRE(disable);
  CHECK(apply(text, (*disable)["edit"]["changes"][uri], lsp::PositionEncoding::utf16) ==
        "# 제목\n\n😀 한국어 Enginner 문장 <!-- hanmark-disable-line typo -->\n");
  // Nothing on the heading line but fix-all.
  const json heading = {{"start", {{"line", 0}, {"character", 0}}},
                        {"end", {{"line", 0}, {"character", 1}}}};
  const json elsewhere = actions_at(client, uri, heading);
  REQUIRE(elsewhere.size() == 1);
  CHECK(elsewhere[0]["kind"] == "source.fixAll");
  CHECK(actions_at(client, uri, heading, {"quickfix"}).empty());
  // Automatic requests (every cursor move) do not pay for fix-all.
  const json automatic =
      client.request("textDocument/codeAction",
                     {{"textDocument", {{"uri", uri}}},
                      {"range", heading},
                      {"context", {{"diagnostics", json::array()}, {"triggerKind", 2}}}})["result"];
  CHECK(automatic.empty());
}

TEST_CASE("lsp code actions: add to dictionary writes the word list and the finding goes") {
  TempDir dir;
  dir.write(".hanmark.toml", "[rules]\nextend-select = [\"spelling\"]\n");
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = lsp::uri_of_path(dir.path() / "post.md");
  const json published = client.open(uri, "The wrold spun.\n");
  REQUIRE(published["diagnostics"].size() == 1);
  const json& finding = published["diagnostics"][0];
  CHECK(finding["code"] == "spelling");
  const json actions = actions_at(client, uri, finding["range"]);
  const json* add = find_title(actions, "add 'wrold' to dictionary");
  REQUIRE(add);
  CHECK_FALSE(add->contains("edit"));
  const json answer = client.request("workspace/executeCommand", (*add)["command"]);
  CHECK(answer["result"].is_null());
  CHECK(contents(dir.path() / "user-words.dic") == "wrold\n");
  CHECK(client.last_publish(uri)["diagnostics"].empty());
  CHECK(client.request("workspace/executeCommand",
                       {{"command", "hanmark.nothing"},
                        {"arguments", json::array()}})["error"]["code"] == -32602);
}

TEST_CASE("lsp hover: the rule's explanation over a finding") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = lsp::uri_of_path(dir.path() / "post.md");
  client.open(uri, "# 제목\n\n한국어 Enginner 문장\n");
  const auto hover_at = [&](int line, int character) {
    return client.request("textDocument/hover",
                          {{"textDocument", {{"uri", uri}}},
                           {"position", {{"line", line}, {"character", character}}}})["result"];
  };
  const json hover = hover_at(2, 6);
  REQUIRE(hover.is_object());
  const std::string text = hover["contents"]["value"];
  CHECK(text.starts_with("**typo**: 'Enginner' is a common misspelling of 'Engineer'"));
  CHECK(text.find("# typo") != std::string::npos);
  CHECK(hover["range"]["start"]["character"] == 4);
  CHECK(hover_at(2, 3).is_null());   // before the word
  CHECK(hover_at(2, 12).is_null());  // just past it
  CHECK(hover_at(99, 0).is_null());  // past the end: clamped, nothing there
}
