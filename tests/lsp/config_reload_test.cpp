// The server reads .hanmark.toml like `hanmark check`, shows configuration errors in the editor,
// and reads the configuration again when it changes.
#include <doctest/doctest.h>

#include "lsp/server_harness.h"

using namespace hanmark;
using namespace hanmark::testing;

namespace {

const std::string kPost = "# 제목\n\n한국어 Enginner 문장\n";

bool has_typo(const json& published) {
  for (const json& d : published["diagnostics"])
    if (d["code"] == "typo") return true;
  return false;
}

}  // namespace

TEST_CASE("lsp config: errors on the configuration file, cleared when it is fixed") {
  TempDir dir;
  const auto config = dir.write(".hanmark.toml", "[rules]\nignore = [\"typo\"]\n");
  ServerHarness client;
  client.initialize(dir,
                    {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  const auto registrations = client.seen("client/registerCapability");
  REQUIRE(registrations.size() == 1);
  CHECK(registrations[0]["params"]["registrations"][0]["method"] ==
        "workspace/didChangeWatchedFiles");
  const std::string uri = lsp::uri_of_path(dir.path() / "post.md");
  CHECK_FALSE(has_typo(client.open(uri, kPost)));

  const std::string config_uri = lsp::uri_of_path(config);
  const auto changed = [&] {
    client.notify("workspace/didChangeWatchedFiles",
                  {{"changes", {{{"uri", config_uri}, {"type", 2}}}}});
  };
  dir.write(".hanmark.toml", "[rules]\n한글키 = 1\nignore = [\"typo\"]\n");
  changed();
  const json problems = client.last_publish(config_uri);
  REQUIRE(problems.is_object());
  REQUIRE(problems["diagnostics"].size() == 1);
  const json& d = problems["diagnostics"][0];
  CHECK(d["severity"] == 1);
  CHECK(d["source"] == "hanmark");
  CHECK(d["range"]["start"] == json{{"line", 1}, {"character", 0}});
  CHECK(d["range"]["end"] == json{{"line", 1}, {"character", 7}});  // the line, in UTF-16
  CHECK(client.last_publish(uri)["diagnostics"].empty());  // not linted with a broken config

  dir.write(".hanmark.toml", "[rules]\nignore = [\"korean\"]\n");
  changed();
  CHECK(client.last_publish(config_uri)["diagnostics"].empty());
  CHECK(has_typo(client.last_publish(uri)));
}

TEST_CASE("lsp config: client settings, and a missing --config file shown as a message") {
  TempDir dir;
  dir.write(".hanmark.toml", "[rules]\nignore = [\"typo\"]\n");
  const auto other = dir.write("other.toml", "[rules]\nignore = [\"korean\"]\n");
  ServerHarness client;
  client.initialize(dir, json::object(), {{"hanmark", {{"configFile", other.string()}}}});
  const std::string uri = lsp::uri_of_path(dir.path() / "post.md");
  CHECK(has_typo(client.open(uri, kPost)));  // other.toml, not .hanmark.toml
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"hanmark", {{"configFile", ""}}}}}});
  CHECK_FALSE(has_typo(client.last_publish(uri)));  // discovery again
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"configFile", (dir.path() / "missing.toml").string()}}}});
  const auto messages = client.seen("window/showMessage");
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["params"]["type"] == 1);
  CHECK(messages[0]["params"]["message"].get<std::string>().find("missing.toml") !=
        std::string::npos);
  CHECK(client.last_publish(uri)["diagnostics"].empty());
}
