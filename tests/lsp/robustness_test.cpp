// LSP robustness, in process (issue 9): the reader on garbage and wrong Content-Lengths, the
// server on bodies that are no JSON-RPC message, parameters of the wrong type, notifications that
// must never be answered, stale versions, and positions out of range. The decided behaviour is
// docs/lsp.md, "Robustness". robustness_stdio_test.cpp does the same through the real binary's
// stdin and stdout, with the 1,000-change storm and the memory it takes.
#include <doctest/doctest.h>

#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lsp/document_store.h"
#include "lsp/protocol.h"
#include "lsp/server_harness.h"
#include "lsp/transport.h"

using namespace hanmark;
using namespace hanmark::testing;
using lsp::LspRange;
using lsp::PositionEncoding;

namespace {

const std::string kOne = R"({"jsonrpc":"2.0","method":"a"})";
const std::string kTwo = R"({"jsonrpc":"2.0","id":2,"method":"b","params":{"text":"한국어 😀"}})";

struct ReadResult {
  std::vector<std::string> bodies;
  lsp::MessageReader::Skipped skipped;
};

ReadResult read_all(const std::string& bytes, size_t chunk = 4096) {
  lsp::StringSource source(bytes, chunk);
  lsp::MessageReader reader(source, std::chrono::milliseconds(0));
  ReadResult out;
  const auto add_skipped = [&] {
    const lsp::MessageReader::Skipped s = reader.take_skipped();
    out.skipped.bytes += s.bytes;
    out.skipped.sample += s.sample;
  };
  while (const auto body = reader.next()) {
    add_skipped();
    out.bodies.push_back(*body);
  }
  add_skipped();
  return out;
}

// Random bytes (NULs, high bytes, CR and LF included) that hold no "content-length:".
std::string random_bytes(size_t size, uint32_t seed) {
  std::mt19937 random(seed);
  std::string out;
  while (out.size() < size) out += static_cast<char>(random() & 0xff);
  return out;
}

// Everything written to std::cerr while it lives (the server logs there).
class CerrCapture {
 public:
  CerrCapture() : old_(std::cerr.rdbuf(text_.rdbuf())) {}
  ~CerrCapture() { std::cerr.rdbuf(old_); }
  std::string text() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::streambuf* old_;
};

const std::string kPost = "# 제목\n\n한국어 문장 Enginner 입니다.\n";

std::string uri_in(const TempDir& dir, const std::string& name) {
  return lsp::uri_of_path(dir.path() / name);
}

json position(int64_t line, int64_t character) {
  return {{"line", line}, {"character", character}};
}

json text_document(const std::string& uri) {
  return {{"uri", uri}};
}

// The one message the server sent in answer to `body`; fails the test on any other count.
json only_answer(ServerHarness& client, const std::string& body) {
  client.send_raw(body);
  const std::vector<json> sent = client.take();
  REQUIRE_MESSAGE(sent.size() == 1, body);
  return sent[0];
}

// The diagnostics published for `uri` equal those of a fresh didOpen of `expected` (in another
// document of the same directory): the server's text after the edits is `expected`, as far as the
// findings can tell. The tests put findings where the edits land.
void check_text_is(ServerHarness& client, const TempDir& dir, const std::string& uri,
                   const std::string& expected) {
  static int fresh = 0;
  const json edited = client.last_publish(uri);
  const json reference =
      client.open(uri_in(dir, "fresh-" + std::to_string(++fresh) + ".md"), expected);
  REQUIRE(edited.is_object());
  REQUIRE(reference.is_object());
  CHECK(edited["diagnostics"] == reference["diagnostics"]);
  CHECK_FALSE(reference["diagnostics"].empty());
}

}  // namespace

// ---- Framing -------------------------------------------------------------------------------

TEST_CASE("lsp robustness: garbage between messages is skipped, counted, and what follows read") {
  const std::vector<std::pair<const char*, std::string>> garbage = {
      {"random bytes", random_bytes(20000, 9)},
      {"a partial header", "Content-Len"},
      {"a header line without a colon, and its body",
       "Content-Length 41\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":90,\"method\":\"lost\"}"},
      {"a header block without Content-Length, and its body",
       "Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":91}"},
      {"blank lines, CR and LF", "\r\n\r\n\n\r\r\n"},
      {"NUL bytes and half a Hangul syllable", std::string("\0\0\xed\x95", 4)},
      {"a header name glued to text", "log: Content-Length"},
  };
  for (const auto& [what, junk] : garbage) {
    CAPTURE(what);
    const std::string bytes = junk + lsp::frame(kOne) + junk + lsp::frame(kTwo) + junk;
    for (const size_t chunk : {size_t{1}, size_t{7}, size_t{4096}}) {
      CAPTURE(chunk);
      const ReadResult read = read_all(bytes, chunk);
      CHECK(read.bodies == std::vector<std::string>{kOne, kTwo});
      CHECK(read.skipped.bytes == 3 * junk.size());
    }
  }
  // LF-only line ends, and headers before Content-Length, are no garbage.
  const std::string lf = "Content-Length: " + std::to_string(kOne.size()) + "\n\n" + kOne;
  const std::string typed = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                            lsp::frame(kTwo) + "content-length: " + std::to_string(kOne.size()) +
                            "\n\r\n" + kOne;
  const ReadResult read = read_all(lf + typed);
  CHECK(read.bodies == std::vector<std::string>{kOne, kTwo, kOne});
  CHECK(read.skipped.bytes == 0);
}

TEST_CASE("lsp robustness: what was skipped is described in one escaped log line") {
  CHECK(lsp::describe({5, std::string("a\"\\\0", 4) + "\n"}) ==
        R"(skipped 5 bytes that are no message: "a\"\\\x00\n")");
  CHECK(lsp::describe({1000, "한"}) ==
        R"(skipped 1000 bytes that are no message: "\xed\x95\x9c"...)");
  // The sample is the first 80 bytes skipped.
  const ReadResult read = read_all(std::string(100, 'x') + lsp::frame(kOne));
  CHECK(read.skipped.bytes == 100);
  CHECK(read.skipped.sample == std::string(80, 'x'));
}

TEST_CASE("lsp robustness: a Content-Length that is no number, negative or huge is garbage") {
  for (const std::string& value : std::vector<std::string>{
           "-5", "abc", "12abc", "0x10", "", "1e3", "1000000000000", "99999999999999999999999",
           std::to_string(lsp::MessageReader::kMaxBody + 1)}) {
    CAPTURE(value);
    // Its body is lost with it (it has no header of its own); the next message is read.
    const ReadResult read =
        read_all("Content-Length: " + value + "\r\n\r\n" + kOne + lsp::frame(kTwo));
    CHECK(read.bodies == std::vector<std::string>{kTwo});
    CHECK(read.skipped.bytes > kOne.size());
  }
}

TEST_CASE("lsp robustness: a Content-Length too long never holds the next messages back") {
  const auto too_long = [](const std::string& body, size_t length) {
    return "Content-Length: " + std::to_string(length) + "\r\n\r\n" + body;
  };
  const size_t huge = lsp::MessageReader::kMaxBody;  // the largest accepted: 256 MiB
  // A whole JSON value: cut where the next header starts (transport_test has the basic case).
  CHECK(read_all(too_long(kOne, huge) + lsp::frame(kTwo)).bodies ==
        std::vector<std::string>{kOne, kTwo});
  // An empty body: a message of its own (the server answers ParseError), then the next one.
  CHECK(read_all(too_long("", huge) + lsp::frame(kTwo)).bodies ==
        std::vector<std::string>{"", kTwo});
  // A body broken before the next header (cut mid-JSON, or garbage): the same.
  for (const std::string broken :
       {R"({"jsonrpc":)", R"({"jsonrpc":"2.0"} trailing)", "garbage", R"({"id":1,"text":"a"}})"}) {
    CAPTURE(broken);
    for (const size_t chunk : {size_t{3}, size_t{4096}})
      CHECK(read_all(too_long(broken, huge) + lsp::frame(kTwo) + lsp::frame(kOne), chunk).bodies ==
            std::vector<std::string>{broken, kTwo, kOne});
  }
  // A body that stops inside a JSON string: the next header's raw line end cannot be in a string.
  const std::string open_string = R"({"jsonrpc":"2.0","method":"a","params":{"text":"abc)";
  CHECK(read_all(too_long(open_string, huge) + lsp::frame(kTwo) + lsp::frame(kOne), 5).bodies ==
        std::vector<std::string>{open_string, kTwo, kOne});
  // Only a length that ends inside the next header's first line costs the next message: the
  // header's start may be text of the string, and the rest of it is garbage.
  const ReadResult read =
      read_all(too_long(open_string, open_string.size() + 5) + lsp::frame(kTwo) + lsp::frame(kOne));
  CHECK(read.bodies == std::vector<std::string>{open_string + "Conte", kOne});
  // ... whereas a real message carrying header text in its strings is never cut.
  const std::string carrier =
      R"({"jsonrpc":"2.0","method":"a","params":{"text":"Content-Length: 5\r\n\r\n{}"}})";
  CHECK(read_all(too_long(carrier, carrier.size() + 100) + lsp::frame(kTwo)).bodies ==
        std::vector<std::string>{carrier, kTwo});
}

TEST_CASE("lsp robustness: a Content-Length too short costs that message only") {
  // Cut in the middle of a Hangul syllable's bytes: the broken body, then its rest is garbage.
  const size_t cut = kTwo.find("국") + 1;
  const ReadResult read =
      read_all("Content-Length: " + std::to_string(cut) + "\r\n\r\n" + kTwo + lsp::frame(kOne));
  CHECK(read.bodies == std::vector<std::string>{kTwo.substr(0, cut), kOne});
  CHECK(read.skipped.bytes == kTwo.size() - cut);
}

// ---- Messages that are no JSON-RPC request ---------------------------------------------------

TEST_CASE("lsp robustness: bodies that are no JSON-RPC message get the error JSON-RPC names") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  struct Case {
    std::string body;
    int code;
    json id;
  };
  const std::vector<Case> cases = {
      {"", -32700, nullptr},
      {"{", -32700, nullptr},
      {"\xff\xfe{}", -32700, nullptr},
      {R"({"jsonrpc":"2.0","id":1,"method":"shutdown"} extra)", -32700, nullptr},
      {"42", -32600, nullptr},
      {R"("text")", -32600, nullptr},
      {"null", -32600, nullptr},
      {"[1,2]", -32600, nullptr},  // LSP has no batches
      {R"({"jsonrpc":"2.0"})", -32600, nullptr},
      // The id is known: the error carries it, so that the client's request does not hang.
      {R"({"jsonrpc":"2.0","id":7,"method":5})", -32600, 7},
      {R"({"jsonrpc":"2.0","id":"s","params":{}})", -32600, "s"},
      // An id that is no number or string is no id: the error's is null (and it is no shutdown).
      {R"({"jsonrpc":"2.0","id":1.5,"method":"shutdown"})", -32600, nullptr},
      {R"({"jsonrpc":"2.0","id":[1],"method":"shutdown"})", -32600, nullptr},
      {R"({"jsonrpc":"2.0","id":null,"method":"shutdown"})", -32600, nullptr},
      {R"({"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"})", -32600, nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    const json answer = only_answer(client, c.body);
    CHECK(answer["jsonrpc"] == "2.0");
    CHECK(answer["id"] == c.id);
    CHECK(answer["error"]["code"] == c.code);
    CHECK_FALSE(answer.contains("result"));
  }
  // Deeply nested values (as a fuzzer makes them) are no problem either.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(only_answer(client, deep)["error"]["code"] == -32600);
  CAPTURE(deep.size());
  {
    CerrCapture cerr;  // a client's answer with an error is logged, never answered
    client.send_raw(R"({"jsonrpc":"2.0","id":1,"error":)" + deep + "}");
    CHECK(client.take().empty());
    CHECK(cerr.text().find("client answered") != std::string::npos);
    CHECK(cerr.text().size() < 1000);
  }
  // None of that was taken for a shutdown.
  CHECK(client.request("shutdown")["result"].is_null());
}

TEST_CASE("lsp robustness: parameters of the wrong type get InvalidParams with the request's id") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = uri_in(dir, "post.md");
  client.open(uri, kPost);
  const json td = text_document(uri);
  const std::vector<std::pair<std::string, json>> requests = {
      {"textDocument/hover", nullptr},
      {"textDocument/hover", json::array()},
      {"textDocument/hover", {{"textDocument", "x"}, {"position", position(0, 0)}}},
      {"textDocument/hover", {{"textDocument", {{"uri", 5}}}, {"position", position(0, 0)}}},
      {"textDocument/hover", {{"textDocument", td}}},
      {"textDocument/hover", {{"textDocument", td}, {"position", "2:3"}}},
      {"textDocument/hover",
       {{"textDocument", td}, {"position", {{"line", "2"}, {"character", 0}}}}},
      {"textDocument/hover", {{"textDocument", td}, {"position", {{"line", 2}}}}},
      {"textDocument/hover",
       {{"textDocument", td}, {"position", {{"line", true}, {"character", 0}}}}},
      {"textDocument/hover",
       {{"textDocument", text_document(uri_in(dir, "never-opened.md"))},
        {"position", position(0, 0)}}},
      {"textDocument/codeAction", {{"textDocument", td}}},
      {"textDocument/codeAction", {{"textDocument", td}, {"range", {{"start", 1}, {"end", 2}}}}},
      {"textDocument/codeAction",
       {{"textDocument", td}, {"range", {{"start", position(0, 0)}, {"end", nullptr}}}}},
      {"workspace/executeCommand", json::object()},
      {"workspace/executeCommand", {{"command", 5}}},
      {"workspace/executeCommand", {{"command", "hanmark.addToDictionary"}, {"arguments", "x"}}},
      {"workspace/executeCommand",
       {{"command", "hanmark.addToDictionary"}, {"arguments", {{{"word", 5}, {"uri", uri}}}}}},
      {"workspace/executeCommand", {{"command", "no.such.command"}}},
  };
  int id = 1000;
  for (const auto& [method, params] : requests) {
    CAPTURE(method);
    CAPTURE(params.dump());
    // String ids and number ids alike come back as they were.
    const json request_id = id % 2 ? json(std::to_string(id)) : json(id);
    ++id;
    const json answer = only_answer(
        client, json{{"jsonrpc", "2.0"}, {"id", request_id}, {"method", method}, {"params", params}}
                    .dump());
    CHECK(answer["id"] == request_id);
    CHECK(answer["error"]["code"] == -32602);
  }
  CHECK(client.request("no/such/method", json::object())["error"]["code"] == -32601);
  CHECK(client.request("initialize", json::object())["error"]["code"] == -32600);
  // The document is as it was: the typo is still where it was.
  const json hover =
      client.request("textDocument/hover", {{"textDocument", td}, {"position", position(2, 9)}});
  CHECK(hover["result"]["contents"]["value"].get<std::string>().starts_with("**typo**"));
}

TEST_CASE("lsp robustness: notifications are never answered, whatever their parameters") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = uri_in(dir, "post.md");
  const json first = client.open(uri, kPost, 1);
  const json td = text_document(uri);
  const json versioned = {{"uri", uri}, {"version", 2}};
  const std::vector<std::pair<std::string, json>> notifications = {
      {"textDocument/didOpen", json::object()},
      {"textDocument/didOpen",
       {{"textDocument", {{"uri", uri_in(dir, "b.md")}, {"version", 1}, {"text", 5}}}}},
      {"textDocument/didOpen",
       {{"textDocument", {{"uri", uri_in(dir, "c.md")}, {"version", "1"}, {"text", "x"}}}}},
      {"textDocument/didChange", nullptr},
      {"textDocument/didChange", {{"textDocument", versioned}, {"contentChanges", "x"}}},
      {"textDocument/didChange",
       {{"textDocument", {{"uri", uri}, {"version", "3"}}}, {"contentChanges", json::array()}}},
      // A change that is malformed after a good one: none of the two is applied.
      {"textDocument/didChange",
       {{"textDocument", versioned},
        {"contentChanges", {{{"text", "whole new text"}}, {{"range", "bad"}, {"text", "x"}}}}}},
      {"textDocument/didChange",
       {{"textDocument", versioned},
        {"contentChanges",
         {{{"range", {{"start", position(0, 0)}, {"end", position(0, 0)}}}, {"text", 5}}}}}},
      {"textDocument/didSave", json::object()},
      {"textDocument/didClose", {{"textDocument", 5}}},
      {"workspace/didChangeWatchedFiles", {{"changes", 5}}},
      {"$/cancelRequest", {{"id", 1}}},
      {"$/setTrace", {{"value", "verbose"}}},
      {"no/such/notification", json::array()},
      {"", nullptr},
      // Request methods without an id are notifications too: ignored, not run.
      {"shutdown", nullptr},
      {"initialize", json::object()},
      {"textDocument/hover", {{"textDocument", td}, {"position", position(2, 9)}}},
  };
  CerrCapture cerr;
  for (const auto& [method, params] : notifications) {
    CAPTURE(method);
    CAPTURE(params.dump());
    client.notify(method, params);
    // No response (nor request); a reload may re-publish diagnostics, which is no answer.
    for (const json& sent : client.take()) {
      CHECK_FALSE(sent.contains("id"));
      CHECK(sent["method"] == "textDocument/publishDiagnostics");
    }
  }
  // Malformed notifications are logged (stderr), with their method.
  CHECK(cerr.text().find("textDocument/didChange: ") != std::string::npos);
  // Nothing changed the document, and the server was not shut down.
  const json hover =
      client.request("textDocument/hover", {{"textDocument", td}, {"position", position(2, 9)}});
  CHECK(hover["result"]["contents"]["value"].get<std::string>().starts_with("**typo**"));
  CHECK(client.request("shutdown")["result"].is_null());
}

// ---- Versions ------------------------------------------------------------------------------

TEST_CASE("lsp robustness: a stale version is applied as sent, published as sent, and logged") {
  // The client applied the edit to its buffer: dropping it would leave every later incremental
  // edit on the wrong text. clangd, rust-analyzer and vscode-languageserver apply it too.
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = uri_in(dir, "post.md");
  client.open(uri, kPost, 5);
  CerrCapture cerr;
  const auto change = [&](int version, LspRange range, const std::string& text) {
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", version}}},
                   {"contentChanges",
                    {{{"range",
                       {{"start", position(range.start.line, range.start.character)},
                        {"end", position(range.end.line, range.end.character)}}},
                      {"text", text}}}}});
  };
  change(3, {{0, 4}, {0, 4}}, " Enginner");  // "# 제목 Enginner"
  json published = client.last_publish(uri);
  CHECK(published["version"] == 3);
  CHECK(cerr.text().find("version 3 of " + uri + " is not newer than 5") != std::string::npos);
  change(3, {{2, 0}, {2, 0}}, "teh ");  // the same version again: applied too
  published = client.last_publish(uri);
  CHECK(published["version"] == 3);
  CHECK(cerr.text().find("version 3 of " + uri + " is not newer than 3") != std::string::npos);
  check_text_is(client, dir, uri, "# 제목 Enginner\n\nteh 한국어 문장 Enginner 입니다.\n");
}

TEST_CASE("lsp robustness: didChange for a document not open changes nothing, publishes nothing") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string never = uri_in(dir, "never.md");
  const std::string closed = uri_in(dir, "closed.md");
  client.open(closed, kPost);
  client.notify("textDocument/didClose", {{"textDocument", text_document(closed)}});
  client.take();
  CerrCapture cerr;
  for (const std::string& uri : {never, closed}) {
    client.notify("textDocument/didSave", {{"textDocument", text_document(uri)}});
    client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 9}}},
                                             {"contentChanges", {{{"text", "Enginner"}}}}});
    CHECK(client.take().empty());
    CHECK(cerr.text().find("didChange for a document that is not open: " + uri) !=
          std::string::npos);
    const json hover = client.request(
        "textDocument/hover", {{"textDocument", text_document(uri)}, {"position", position(0, 0)}});
    CHECK(hover["error"]["code"] == -32602);
  }
  // Opened later, the document has the text of its didOpen, not of the change.
  const json published = client.open(never, "# 제목\n", 1);
  CHECK(published["version"] == 1);
  CHECK(published["diagnostics"].empty());
}

// ---- Positions out of range --------------------------------------------------------------------

TEST_CASE("lsp robustness: positions as JSON: negative, fractional and huge numbers are clamped") {
  const auto parse = [](const json& value) { return lsp::position_from_json(value); };
  CHECK(parse(position(-1, -5)) == lsp::LspPosition{0, 0});
  CHECK(parse({{"line", 1e12}, {"character", 2.7}}) == lsp::LspPosition{UINT32_MAX, 2});
  CHECK(parse({{"line", uint64_t{1} << 40}, {"character", 3}}) == lsp::LspPosition{UINT32_MAX, 3});
  CHECK(parse({{"line", -1e300}, {"character", 1}}) == lsp::LspPosition{0, 1});
  CHECK_THROWS_AS(parse({{"line", "1"}, {"character", 0}}), lsp::RequestError);
  CHECK_THROWS_AS(parse({{"line", nullptr}, {"character", 0}}), lsp::RequestError);
  CHECK_THROWS_AS(parse({{"line", 1}}), json::exception);
  CHECK_THROWS_AS(parse(json::array({1, 2})), json::exception);
}

TEST_CASE("lsp robustness: edits with positions out of range, in both encodings") {
  // Lines: "가나다", "😀ab" (CRLF), "끝". 😀 is 2 UTF-16 units and 4 bytes, each Hangul syllable
  // 1 unit and 3 bytes.
  const std::string text = "가나다\n😀ab\r\n끝";
  struct Case {
    std::string what;
    PositionEncoding encoding;
    LspRange range;
    std::string replacement, expected;
  };
  const auto u16 = PositionEncoding::utf16, u8 = PositionEncoding::utf8;
  const std::vector<Case> cases = {
      {"a character past the line's end is its end",
       u16,
       {{0, 100}, {0, 100}},
       "X",
       "가나다X\n😀ab\r\n끝"},
      {"the same before a CRLF", u16, {{1, 7}, {1, 9}}, "X", "가나다\n😀abX\r\n끝"},
      {"a line past the last is the end of the text",
       u16,
       {{100, 0}, {100, 5}},
       "X",
       "가나다\n😀ab\r\n끝X"},
      {"an end past the text deletes to the end",
       u16,
       {{2, 0}, {UINT32_MAX, UINT32_MAX}},
       "",
       "가나다\n😀ab\r\n"},
      {"a start past the text appends",
       u16,
       {{UINT32_MAX, 0}, {UINT32_MAX, 0}},
       "\n",
       "가나다\n😀ab\r\n끝\n"},
      {"an end before the start: the range between them",
       u16,
       {{0, 2}, {0, 0}},
       "Z",
       "Z다\n😀ab\r\n끝"},
      {"the same across lines", u16, {{1, 2}, {0, 1}}, "-", "가-ab\r\n끝"},
      {"half a surrogate pair: the emoji's start (start)",
       u16,
       {{1, 1}, {1, 3}},
       "Y",
       "가나다\nYb\r\n끝"},
      {"half a surrogate pair: the emoji's start (both)",
       u16,
       {{1, 1}, {1, 1}},
       "Y",
       "가나다\nY😀ab\r\n끝"},
      {"half a surrogate pair: the emoji's start (end)",
       u16,
       {{1, 0}, {1, 1}},
       "Y",
       "가나다\nY😀ab\r\n끝"},
      {"inside a syllable's UTF-8 bytes: its start",
       u8,
       {{0, 1}, {0, 1}},
       "X",
       "X가나다\n😀ab\r\n끝"},
      {"inside two syllables' bytes", u8, {{0, 4}, {0, 8}}, "X", "가X다\n😀ab\r\n끝"},
      {"inside the emoji's bytes", u8, {{1, 2}, {1, 4}}, "X", "가나다\nXab\r\n끝"},
      {"UTF-8 past the line's end", u8, {{0, 10}, {1, 0}}, "", "가나다😀ab\r\n끝"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    std::string edited = text;
    lsp::apply_change(edited, {c.range, c.replacement}, c.encoding);
    CHECK(edited == c.expected);
  }
}

TEST_CASE("lsp robustness: the server applies out-of-range edits as the spec says") {
  for (const PositionEncoding encoding : {PositionEncoding::utf16, PositionEncoding::utf8}) {
    const bool utf8 = encoding == PositionEncoding::utf8;
    CAPTURE(utf8);
    TempDir dir;
    ServerHarness client;
    client.initialize(dir, {{"general", {{"positionEncodings", {utf8 ? "utf-8" : "utf-16"}}}}});
    const std::string uri = uri_in(dir, "post.md");
    // Line 2: "😀 한국어 문장" then the end. 😀 is 2 units (4 bytes), a syllable 1 (3 bytes).
    client.open(uri, "# 제목\n\n😀 한국어 문장\n", 1);
    const auto range = [](json start, json end) { return json{{"start", start}, {"end", end}}; };
    const json changes = {
        // Past the line's end: appended to line 2.
        {{"range", range(position(2, 1000), position(2, 2000))}, {"text", " Enginner"}},
        // Negative numbers: the start of the text.
        {{"range", range(position(-1, -1), position(0, -7))}, {"text", "teh "}},
        // Reversed: "제목" (line 0, after "teh # ") replaced.
        {{"range", range(position(0, utf8 ? 12 : 8), position(0, utf8 ? 6 : 6))},
         {"text", "Enginner"}},
        // Half of the emoji (UTF-16) or inside its bytes (UTF-8): before it.
        {{"range", range(position(2, 1), position(2, utf8 ? 3 : 1))}, {"text", "adn "}},
        // Past the last line: the end of the text.
        {{"range", range(position(99, 0), position(1u << 31, 5))}, {"text", "teh end\n"}},
    };
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", changes}});
    CHECK(client.last_publish(uri)["version"] == 2);
    check_text_is(client, dir, uri, "teh # Enginner\n\nadn 😀 한국어 문장 Enginner\nteh end\n");
  }
}

TEST_CASE("lsp robustness: hover and code actions at positions out of range are answered") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = uri_in(dir, "post.md");
  client.open(uri, kPost);
  const json td = text_document(uri);
  const auto hover = [&](json at) {
    const json answer =
        client.request("textDocument/hover", {{"textDocument", td}, {"position", at}});
    REQUIRE_MESSAGE(answer.contains("result"), answer.dump());
    return answer["result"];
  };
  CHECK(hover(position(2, 9))["range"] ==
        json{{"start", position(2, 7)}, {"end", position(2, 15)}});
  for (const json& far : {position(1000000, 0), position(2, 1000000), position(-1, -1),
                          position(1e15, 1e15), position(3, 0)})
    CHECK(hover(far).is_null());

  const auto actions = [&](json start, json end) {
    const json answer =
        client.request("textDocument/codeAction",
                       {{"textDocument", td},
                        {"range", {{"start", start}, {"end", end}}},
                        {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}});
    REQUIRE_MESSAGE(answer.contains("result"), answer.dump());
    return answer["result"];
  };
  const json forward = actions(position(0, 0), position(2, 100));
  CHECK_FALSE(forward.empty());
  CHECK(actions(position(2, 100), position(0, 0)) == forward);  // reversed: the same range
  CHECK(actions(position(-5, -5), position(1e12, 1e12)) == forward);
  CHECK(actions(position(500, 0), position(600, 0)).empty());
}
