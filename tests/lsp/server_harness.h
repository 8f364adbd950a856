// Drives an in-process lsp::Server the way a client would, and collects what it sends.
#pragma once

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "lsp/server.h"
#include "lsp/uri.h"

namespace hanmark::testing {

using nlohmann::json;

class ServerHarness {
 public:
  explicit ServerHarness(lsp::ServerOptions options = {std::chrono::milliseconds(0)})
      : writer_(out_), server_(writer_, options) {}

  // Sends initialize (+ initialized) with `capabilities`; returns the result. The user word
  // list is kept inside `dir` so that the tester's own never counts.
  json initialize(const TempDir& dir, json capabilities = json::object(),
                  json options = json::object()) {
    if (!options.contains("userDictionary"))
      options["userDictionary"] = (dir.path() / "user-words.dic").string();
    const json result = request("initialize", {{"processId", nullptr},
                                               {"rootUri", lsp::uri_of_path(dir.path())},
                                               {"capabilities", std::move(capabilities)},
                                               {"initializationOptions", std::move(options)}});
    notify("initialized", json::object());
    return result.at("result");
  }

  // Handles one raw message body; false once the server got `exit`.
  bool send_raw(const std::string& body) { return server_.handle(body); }
  void notify(const std::string& method, json params) {
    send_raw(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  }
  // The whole response (result or error) to a request.
  json request(const std::string& method, json params = nullptr) {
    const int id = ++next_id_;
    send_raw(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}
                 .dump());
    for (const json& message : take())
      if (message.contains("id") && message["id"] == id && !message.contains("method"))
        return message;
    return nullptr;
  }

  // Opens a document and returns the diagnostics published for it.
  json open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
    return last_publish(uri);
  }

  // Every message sent since the last call, once the lint worker is idle.
  std::vector<json> take() {
    server_.wait_idle();
    std::vector<json> out;
    const std::string bytes = out_.str();
    out_.str("");
    lsp::StringSource source(bytes);
    lsp::MessageReader reader(source, std::chrono::milliseconds(0));
    while (const auto body = reader.next()) {
      json message = json::parse(*body);
      seen_.push_back(message);
      out.push_back(std::move(message));
    }
    return out;
  }
  // The params of the latest publishDiagnostics for `uri` (null when none came).
  json last_publish(const std::string& uri) {
    take();
    for (auto it = seen_.rbegin(); it != seen_.rend(); ++it)
      if ((*it).value("method", "") == "textDocument/publishDiagnostics" &&
          (*it)["params"]["uri"] == uri)
        return (*it)["params"];
    return nullptr;
  }
  // Messages with this method among everything seen so far.
  std::vector<json> seen(const std::string& method) {
    take();
    std::vector<json> out;
    for (const json& message : seen_)
      if (message.value("method", "") == method) out.push_back(message);
    return out;
  }

  lsp::Server& server() { return server_; }

 private:
  std::ostringstream out_;
  lsp::MessageWriter writer_;
  lsp::Server server_;
  std::vector<json> seen_;
  int next_id_ = 0;
};

// The text an LSP range covers in `text`, in `encoding`.
inline std::string range_text(const std::string& text, const json& range,
                              lsp::PositionEncoding encoding) {
  const lsp::PositionMapper mapper(text, encoding);
  const ByteSpan span = mapper.span({{range["start"]["line"], range["start"]["character"]},
                                     {range["end"]["line"], range["end"]["character"]}});
  return text.substr(span.begin, span.size());
}

}  // namespace hanmark::testing
