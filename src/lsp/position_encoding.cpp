#include "lsp/position_encoding.h"

#include <algorithm>

#include "core/utf8.h"

namespace hanmark::lsp {

namespace {

// Code units of one decoded character: an invalid byte is one unit (the client sees U+FFFD in
// its place, one UTF-16 unit; we count the byte in UTF-8, as it is in the text).
uint32_t units_of(const utf8::Decoded& d, PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf8) return d.length;
  return d.code_point != utf8::kInvalid && d.code_point >= 0x10000 ? 2 : 1;
}

}  // namespace

std::string_view to_string(PositionEncoding encoding) {
  return encoding == PositionEncoding::utf8 ? "utf-8" : "utf-16";
}

PositionEncoding negotiate_encoding(const std::vector<std::string>& offered) {
  return std::find(offered.begin(), offered.end(), "utf-8") != offered.end()
             ? PositionEncoding::utf8
             : PositionEncoding::utf16;
}

PositionMapper::PositionMapper(std::string_view text, PositionEncoding encoding)
    : text_(text), encoding_(encoding) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
  }
}

ByteSpan PositionMapper::line_content(uint32_t line) const {
  const uint32_t begin = starts_[line];
  uint32_t end =
      line + 1 < starts_.size() ? starts_[line + 1] : static_cast<uint32_t>(text_.size());
  if (end > begin && text_[end - 1] == '\n') --end;
  if (end > begin && text_[end - 1] == '\r') --end;
  return {begin, end};
}

LspPosition PositionMapper::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const uint32_t line = static_cast<uint32_t>(after - starts_.begin()) - 1;
  // An offset inside a line terminator ("\r|\n") is the end of the line's content.
  offset = std::min(offset, line_content(line).end);
  uint32_t units = 0;
  for (uint32_t i = starts_[line]; i < offset;) {
    const utf8::Decoded d = utf8::decode(text_, i);
    units += units_of(d, encoding_);
    i += d.length;
  }
  return {line, units};
}

LspRange PositionMapper::range(ByteSpan span) const {
  return {position(span.begin), position(span.end)};
}

uint32_t PositionMapper::offset(LspPosition position) const {
  if (position.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  const ByteSpan content = line_content(position.line);
  uint32_t offset = content.begin, units = 0;
  while (offset < content.end) {
    const utf8::Decoded d = utf8::decode(text_, offset);
    const uint32_t next = units + units_of(d, encoding_);
    if (next > position.character) break;
    units = next;
    offset += d.length;
  }
  return offset;
}

ByteSpan PositionMapper::span(LspRange range) const {
  const uint32_t start = offset(range.start), end = offset(range.end);
  return {std::min(start, end), std::max(start, end)};
}

}  // namespace hanmark::lsp
