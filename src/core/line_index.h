// Line starts of a source buffer and the conversions every front end needs.
// Lines end at "\n", "\r\n" or a lone "\r", as in CommonMark.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace hanmark {

struct Position {
  uint32_t line;    // 1-based
  uint32_t column;  // 1-based, in code points (an invalid byte counts as one)
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view source);

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  // 1-based line containing `offset` (an offset at a line terminator belongs to that line).
  uint32_t line_of(uint32_t offset) const;
  uint32_t line_start(uint32_t line) const { return starts_[line - 1]; }
  // The line's bytes without its terminator.
  ByteSpan line_content(uint32_t line) const;
  // Byte offset of a 1-based (line, byte column) pair as cmark reports them, clamped to the line.
  uint32_t offset_of_byte_column(uint32_t line, uint32_t byte_column) const;

  Position position(uint32_t offset) const;
  uint32_t utf16_column(uint32_t offset) const;    // 0-based, for LSP
  uint32_t display_column(uint32_t offset) const;  // 0-based terminal cells, tabs to stops of 8
  // Inverse of the code-point column: byte offset of (line, 1-based column), clamped to the line.
  uint32_t offset_of(Position position) const;

 private:
  // Line starts after LF, CR and CRLF, for text with a CR.
  void add_mixed_line_starts();

  std::string_view source_;
  std::vector<uint32_t> starts_;
};

}  // namespace hanmark
