#include "lsp/protocol.h"

#include <algorithm>

namespace hanmark::lsp {

namespace {

// LSP uinteger; negative or huge numbers from a sloppy client become 0 or the maximum, which
// PositionMapper then clamps to the text.
uint32_t uinteger(const json& value) {
  if (value.is_number_unsigned())
    return static_cast<uint32_t>(std::min<uint64_t>(value.get<uint64_t>(), UINT32_MAX));
  if (value.is_number_integer())  // negative (from the wire), or built as a signed number
    return static_cast<uint32_t>(std::clamp<int64_t>(value.get<int64_t>(), 0, UINT32_MAX));
  if (value.is_number_float())
    return static_cast<uint32_t>(std::clamp(value.get<double>(), 0.0, double{UINT32_MAX}));
  throw RequestError(error_code::kInvalidParams, "a position's line and character must be numbers");
}

}  // namespace

const json& member(const json& object, const char* key) {
  static const json null;
  if (!object.is_object()) return null;
  const auto it = object.find(key);
  return it == object.end() ? null : *it;
}

json to_json(LspPosition position) {
  return {{"line", position.line}, {"character", position.character}};
}

json to_json(LspRange range) {
  return {{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

LspPosition position_from_json(const json& value) {
  return {uinteger(value.at("line")), uinteger(value.at("character"))};
}

LspRange range_from_json(const json& value) {
  return {position_from_json(value.at("start")), position_from_json(value.at("end"))};
}

json response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json request(const json& id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace hanmark::lsp
