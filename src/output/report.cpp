#include "output/report.h"

#include "core/utf8.h"

namespace hanmark {

Position PositionCursor::advance(Position from, uint32_t from_offset, uint32_t to_offset) const {
  const std::string_view src = doc_.source();
  Position p = from;
  for (uint32_t i = from_offset; i < to_offset;) {
    const char c = src[i];
    if (c == '\n' || (c == '\r' && !(i + 1 < src.size() && src[i + 1] == '\n'))) {
      ++p.line, p.column = 1, ++i;
    } else if (c == '\r') {
      ++p.column, ++i;  // first half of CRLF counts as a column, as in LineIndex
    } else {
      ++p.column;
      i += utf8::decode(src, i).length;
    }
  }
  return p;
}

SpanPosition PositionCursor::locate(ByteSpan span) {
  if (span.begin < offset_) {  // out of order: start again from the line
    position_ = doc_.lines().position(span.begin);
  } else {
    position_ = advance(position_, offset_, span.begin);
  }
  offset_ = span.begin;
  return {position_, advance(position_, span.begin, span.end)};
}

}  // namespace hanmark
