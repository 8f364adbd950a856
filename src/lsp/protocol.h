// JSON-RPC 2.0 / LSP 3.17 vocabulary shared by the server's parts: error codes, the error a
// handler throws, and positions and ranges as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "lsp/position_encoding.h"

namespace hanmark::lsp {

using json = nlohmann::json;

namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
}  // namespace error_code

// LSP DiagnosticSeverity and MessageType values.
namespace severity {
inline constexpr int kError = 1;
inline constexpr int kWarning = 2;
inline constexpr int kInformation = 3;
}  // namespace severity

// Thrown by a request handler; the client gets it as the request's error.
class RequestError : public std::runtime_error {
 public:
  RequestError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// object[key], or null when `object` is no object or lacks the key (clients omit what they lack).
const json& member(const json& object, const char* key);

json to_json(LspPosition position);
json to_json(LspRange range);
// Throw on a malformed value (json exceptions or RequestError): the server answers InvalidParams.
LspPosition position_from_json(const json& value);
LspRange range_from_json(const json& value);

json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);
json request(const json& id, const std::string& method, json params);

}  // namespace hanmark::lsp
