// The server's lifecycle, diagnostics and error handling, driven in process.
#include <doctest/doctest.h>

#include "lsp/server.h"
#include "lsp/server_harness.h"

using namespace hanmark;
using namespace hanmark::testing;
using lsp::PositionEncoding;

namespace {

const std::string kPost = "# 제목\n\n한국어 문장 Enginner 입니다.\n";

std::string uri_in(const TempDir& dir, const std::string& name) {
  return lsp::uri_of_path(dir.path() / name);
}

json typo_diagnostics(const json& published) {
  json out = json::array();
  for (const json& d : published["diagnostics"])
    if (d["code"] == "typo") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("lsp server: initialize negotiates the position encoding and names the features") {
  TempDir dir;
  {
    ServerHarness client;
    const json result = client.initialize(dir);
    CHECK(result["capabilities"]["positionEncoding"] == "utf-16");
    CHECK(result["capabilities"]["textDocumentSync"]["change"] == 2);
    CHECK(result["capabilities"]["textDocumentSync"]["openClose"] == true);
    CHECK(result["capabilities"]["hoverProvider"] == true);
    CHECK(result["serverInfo"]["name"] == "hanmark");
  }
  ServerHarness client;
  const json result =
      client.initialize(dir, {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}});
  CHECK(result["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(client.request("initialize", json::object())["error"]["code"] == -32600);
}

TEST_CASE("lsp server: diagnostics carry range, severity, rule, doc link, source and version") {
  for (const auto& [offered, encoding, start, end] :
       {std::tuple{json::array(), PositionEncoding::utf16, 7, 15},
        std::tuple{json::array({"utf-8"}), PositionEncoding::utf8, 17, 25}}) {
    TempDir dir;
    ServerHarness client;
    client.initialize(dir, {{"general", {{"positionEncodings", offered}}}});
    const std::string uri = uri_in(dir, "post.md");
    const json published = client.open(uri, kPost, 7);
    REQUIRE(published.is_object());
    CHECK(published["version"] == 7);
    const json typos = typo_diagnostics(published);
    REQUIRE(typos.size() == 1);
    const json& d = typos[0];
    CHECK(d["range"] == json{{"start", {{"line", 2}, {"character", start}}},
                             {"end", {{"line", 2}, {"character", end}}}});
    CHECK(range_text(kPost, d["range"], encoding) == "Enginner");
    CHECK(d["severity"] == 2);
    CHECK(d["source"] == "hanmark");
    CHECK(d["message"] == "'Enginner' is a common misspelling of 'Engineer'");
    CHECK(d["codeDescription"]["href"].get<std::string>().ends_with("/rules/spelling/typo.md"));
  }
}

TEST_CASE("lsp server: a closed document's diagnostics are cleared") {
  TempDir dir;
  ServerHarness client;
  client.initialize(dir);
  const std::string uri = uri_in(dir, "post.md");
  CHECK_FALSE(client.open(uri, kPost)["diagnostics"].empty());
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  const json cleared = client.last_publish(uri);
  CHECK(cleared["diagnostics"].empty());
  CHECK_FALSE(cleared.contains("version"));
}

TEST_CASE("lsp server: bad input gets errors and the server keeps serving") {
  TempDir dir;
  ServerHarness client;
  // Before initialize: requests are refused, notifications dropped.
  CHECK(client.request("textDocument/hover", json::object())["error"]["code"] == -32002);
  client.initialize(dir);
  CHECK(client.send_raw("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "));
  std::vector<json> messages = client.take();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["error"]["code"] == -32700);
  CHECK(messages[0]["id"].is_null());
  CHECK(client.request("hanmark/unknown")["error"]["code"] == -32601);
  client.notify("hanmark/unknownNotification", json::object());
  client.notify("$/cancelRequest", {{"id", 1}});
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///x.md"}}}});  // no text
  CHECK(client.take().empty());  // notifications are never answered
  client.send_raw("[1, 2]");
  CHECK(client.take()[0]["error"]["code"] == -32600);
  const json unknown_document =
      client.request("textDocument/hover", {{"textDocument", {{"uri", uri_in(dir, "none.md")}}},
                                            {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(unknown_document["error"]["code"] == -32602);
  CHECK(client.request("textDocument/codeAction", {{"textDocument", 3}})["error"]["code"] ==
        -32602);
  // Still serving.
  CHECK_FALSE(typo_diagnostics(client.open(uri_in(dir, "post.md"), kPost)).empty());
}

TEST_CASE("lsp server: exit code 0 after shutdown and exit, 1 without shutdown") {
  TempDir dir;
  {
    ServerHarness client;
    client.initialize(dir);
    CHECK(client.request("shutdown")["result"].is_null());
    CHECK(client.request("textDocument/hover", json::object())["error"]["code"] == -32600);
    CHECK_FALSE(client.send_raw(R"({"jsonrpc":"2.0","method":"exit"})"));
    CHECK(client.server().exit_code() == 0);
  }
  {
    ServerHarness client;
    client.initialize(dir);
    CHECK_FALSE(client.send_raw(R"({"jsonrpc":"2.0","method":"exit"})"));
    CHECK(client.server().exit_code() == 1);
  }
}

TEST_CASE("lsp server: the end of input ends the server, with the exit code of the lifecycle") {
  const auto run = [](const std::string& bytes) {
    lsp::StringSource in(bytes);
    std::ostringstream out;
    return lsp::run_language_server(in, out);
  };
  const std::string init =
      lsp::frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  const std::string shutdown = lsp::frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})");
  const std::string exit = lsp::frame(R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(run(init + shutdown + exit) == 0);
  CHECK(run(init + shutdown) == 0);
  CHECK(run(init + exit) == 1);
  CHECK(run(init) == 1);
  CHECK(run("") == 1);
}
