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
      const utf8::Decoded d = utf8::decode(src, i);
      const bool pair = unit_ == ColumnUnit::utf16_code_units && d.code_point != utf8::kInvalid &&
                        d.code_point >= 0x10000;  // a surrogate pair in UTF-16
      p.column += pair ? 2 : 1;
      i += d.length;
    }
  }
  return p;
}

Position PositionCursor::restart_at(uint32_t offset) const {
  const uint32_t line = doc_.lines().line_of(offset);
  return advance({line, 1}, doc_.lines().line_start(line), offset);
}

SpanPosition PositionCursor::locate(ByteSpan span) {
  // Out of order, or on a later line: start again from the line (found by binary search, not
  // by decoding every character in between).
  if (span.begin < offset_ || doc_.lines().line_of(span.begin) != position_.line) {
    position_ = restart_at(span.begin);
  } else {
    position_ = advance(position_, offset_, span.begin);
  }
  offset_ = span.begin;
  return {position_, advance(position_, span.begin, span.end)};
}

std::vector<std::string> help_lines(const Diagnostic& d) {
  std::vector<std::string> lines;
  if (!d.suggestions.empty()) {
    std::string line = "did you mean ";
    for (size_t i = 0; i < d.suggestions.size(); ++i) {
      if (i > 0) line += i + 1 == d.suggestions.size() ? " or " : ", ";
      line += "'" + d.suggestions[i] + "'";
    }
    lines.push_back(line + "?");
  }
  lines.insert(lines.end(), d.notes.begin(), d.notes.end());
  return lines;
}

}  // namespace hanmark
