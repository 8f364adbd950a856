// The publishDiagnostics text the server writes directly must be exactly what nlohmann's DOM of
// the same diagnostics dumps, for every kind of text a message can quote.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "lsp/lsp_diagnostic.h"
#include "lsp/transport.h"

using namespace hanmark;
using namespace hanmark::lsp;

namespace {

// The reference: the DOM the server built before, dumped as MessageWriter::write dumps it.
std::string dom_json(const std::string& uri, std::optional<int64_t> version,
                     const std::vector<Diagnostic>& diagnostics, const PositionMapper& mapper,
                     const Linter* linter) {
  json items = json::array();
  for (const Diagnostic& d : diagnostics) items.push_back(to_lsp_diagnostic(d, mapper, linter));
  return notification("textDocument/publishDiagnostics",
                      publish_params(uri, version, std::move(items)))
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

Diagnostic diagnostic(std::string rule, ByteSpan span, std::string message,
                      std::vector<std::string> notes = {}) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.span = span;
  d.message = std::move(message);
  d.notes = std::move(notes);
  return d;
}

const Linter& all_rules() {
  static const Linter linter = [] {
    std::vector<std::string> unknown;
    return make_linter(make_all_rules(default_rule_resources()), {}, unknown);
  }();
  return linter;
}

}  // namespace

TEST_CASE("lsp publish json: escapes, Unicode and invalid bytes as nlohmann dumps them") {
  const std::string source = "딥 러닝 😀 Enginner로\r\n\"quoted\" \\ tab\there\n";
  std::vector<Diagnostic> diagnostics = {
      diagnostic("typo", {21, 29}, "'Enginner' is a common misspelling of 'Engineer'"),
      diagnostic("term-consistency", {0, 10}, "'딥 러닝' is written '딥러닝' elsewhere (twice)",
                 {"technical terms may be spaced or joined", "second note"}),
      diagnostic("encoding", {5, 6}, "invalid UTF-8 byte \xff at \xe3\x82 byte offset 5"),
      diagnostic("my-rule", {33, 41},
                 "quote \" backslash \\ tab \t nul " + std::string(1, '\0') +
                     " bell \x07 esc \x1b del \x7f cr \r lf \n ff \f bs \b"),
      diagnostic("line-length", {0, static_cast<uint32_t>(source.size())}, "emoji 😀 and 한글"),
  };
  diagnostics[2].severity = Severity::error;
  diagnostics[4].severity = Severity::info;
  for (const PositionEncoding encoding : {PositionEncoding::utf16, PositionEncoding::utf8}) {
    const PositionMapper mapper(source, encoding);
    for (const std::optional<int64_t> version :
         {std::optional<int64_t>(7), std::optional<int64_t>()}) {
      const std::string uri = "file:///tmp/a%20b/\"post\".md";
      CHECK(publish_diagnostics_json(uri, version, diagnostics, mapper, &all_rules()) ==
            dom_json(uri, version, diagnostics, mapper, &all_rules()));
      CHECK(publish_diagnostics_json(uri, version, diagnostics, mapper, nullptr) ==
            dom_json(uri, version, diagnostics, mapper, nullptr));
    }
  }
  const PositionMapper mapper(source, PositionEncoding::utf16);
  CHECK(publish_diagnostics_json("untitled:1", 1, {}, mapper, nullptr) ==
        R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics",)"
        R"("params":{"diagnostics":[],"uri":"untitled:1","version":1}})");
}

TEST_CASE("lsp publish json: a real post's findings, with links to the rules' docs") {
  std::string text, error;
  REQUIRE(read_file(std::string(HANMARK_SOURCE_DIR) + "/examples/sample-post.md", text, error));
  const auto doc = Document::parse("sample-post.md", text);
  const std::vector<Diagnostic> diagnostics = all_rules().lint(*doc);
  REQUIRE(diagnostics.size() > 5);
  const PositionMapper mapper(doc->source(), PositionEncoding::utf16);
  const std::string body =
      publish_diagnostics_json("file:///sample-post.md", 3, diagnostics, mapper, &all_rules());
  CHECK(body == dom_json("file:///sample-post.md", 3, diagnostics, mapper, &all_rules()));
  CHECK(body.find(R"("codeDescription":{"href":")") != std::string::npos);
}

TEST_CASE("lsp publish json: write_body frames the text as write does the JSON") {
  std::ostringstream by_body, by_json;
  MessageWriter(by_body).write_body(R"({"a":"한"})");
  MessageWriter(by_json).write(json{{"a", "한"}});
  CHECK(by_body.str() == frame(R"({"a":"한"})"));
  CHECK(by_json.str() == by_body.str());
}
