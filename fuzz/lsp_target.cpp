// Arbitrary bytes as the stdin of `hanmark lsp`, after a fixed `initialize` (no configuration
// files, the user word list in a scratch directory): the message reader splits the bytes, an
// in-process server handles each body (as run_language_server does), and its lint worker runs.
// Properties: nothing crashes or hangs, and everything the server writes is a well-formed frame
// holding valid JSON.
//
// The input cannot change files outside the scratch directory: `workspace/executeCommand` (which
// adds words to a dictionary) is dropped once `workspace/didChangeConfiguration` may have pointed
// the dictionaries elsewhere, and a second `initialize` is refused by the server.
#include <chrono>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_targets.h"
#include "lsp/server.h"
#include "lsp/transport.h"
#include "lsp/uri.h"

namespace {

using namespace hanmark;
using nlohmann::json;
namespace fs = std::filesystem;

// Small chunks: headers and bodies arrive split, as they do from a pipe.
constexpr size_t kChunk = 61;

// One spell resources cache for every server, so that hunspell loads once per process.
std::shared_ptr<SpellResourcesCache> shared_spell_cache() {
  static const auto cache = std::make_shared<SpellResourcesCache>();
  return cache;
}

std::string initialize_body(const fs::path& root) {
  return json{
      {"jsonrpc", "2.0"},
      {"id", 0},
      {"method", "initialize"},
      {"params",
       {{"processId", nullptr},
        {"rootUri", lsp::uri_of_path(root)},
        {"capabilities",
         {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}},
          {"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}},
          {"textDocument", {{"codeAction", {{"codeActionLiteralSupport", json::object()}}}}}}},
        {"initializationOptions",
         {{"noConfig", true}, {"userDictionary", (root / "words.dic").string()}}}}}}
      .dump();
}

std::string method_of(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  if (!message.is_object()) return {};
  const auto it = message.find("method");
  return it != message.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Every message in `out` is "Content-Length: N\r\n\r\n" and N bytes of valid JSON.
void check_frames(const std::string& out) {
  static constexpr std::string_view kHeader = "Content-Length: ";
  size_t at = 0;
  while (at < out.size()) {
    if (out.compare(at, kHeader.size(), kHeader) != 0)
      hanmark::fuzz::violation("lsp: output without a header at byte " + std::to_string(at));
    const size_t end = out.find("\r\n\r\n", at);
    if (end == std::string::npos) hanmark::fuzz::violation("lsp: an unterminated header");
    const size_t length = std::stoul(out.substr(at + kHeader.size(), end - at - kHeader.size()));
    const size_t body = end + 4;
    if (body + length > out.size()) hanmark::fuzz::violation("lsp: a body shorter than its header");
    if (!json::accept(out.substr(body, length)))
      hanmark::fuzz::violation("lsp: a body that is not JSON: " +
                               hanmark::fuzz::escaped(out.substr(body, length), 400));
    at = body + length;
  }
}

}  // namespace

int hanmark_fuzz_lsp(const uint8_t* data, size_t size) {
  const fs::path& root = fuzz::scratch_dir();
  std::error_code ec;
  fs::remove(root / "words.dic", ec);
  std::ostringstream out;
  {
    const fuzz::QuietCerr quiet;
    lsp::MessageWriter writer(out);
    lsp::ServerOptions options;
    options.lint_delay = std::chrono::milliseconds(0);
    options.spell_cache = shared_spell_cache();
    lsp::Server server(writer, options);
    server.handle(initialize_body(root));
    server.handle(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
    lsp::StringSource source(std::string(reinterpret_cast<const char*>(data), size), kChunk);
    lsp::MessageReader reader(source, std::chrono::milliseconds(0));
    bool configured = false;
    while (const std::optional<std::string> body = reader.next()) {
      const std::string method = method_of(*body);
      configured |= method == "workspace/didChangeConfiguration";
      if (configured && method == "workspace/executeCommand") continue;
      if (!server.handle(*body)) break;
    }
    server.wait_idle();
  }
  check_frames(out.str());
  return 0;
}
