// The one place where byte offsets meet LSP positions. LSP 3.17 counts a position's `character`
// in code units of the negotiated encoding: UTF-16 by default (Neovim 0.7, eglot 1.9), UTF-8 when
// the client offers it. Lines end at "\n", "\r\n" or a lone "\r", and, unlike hanmark's
// LineIndex, a final line terminator opens an empty last line, as editors count lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace hanmark::lsp {

enum class PositionEncoding { utf8, utf16 };

// "utf-8" or "utf-16", as in InitializeResult.capabilities.positionEncoding.
std::string_view to_string(PositionEncoding encoding);

// The server's choice among the client's general.positionEncodings: utf-8 when offered (no
// conversion), else utf-16, which every client must support.
PositionEncoding negotiate_encoding(const std::vector<std::string>& offered);

struct LspPosition {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // 0-based, in code units of the encoding
  friend bool operator==(LspPosition, LspPosition) = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;
  friend bool operator==(LspRange, LspRange) = default;
};

// Converts between byte offsets into `text` and positions in `encoding`. Keeps a view of `text`:
// the text must outlive the mapper.
class PositionMapper {
 public:
  PositionMapper(std::string_view text, PositionEncoding encoding);

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  LspPosition position(uint32_t offset) const;
  LspRange range(ByteSpan span) const;

  // The byte offset of a client's position. Positions past the end of a line mean its end (as
  // the spec says), lines past the last one the end of the text, and a position inside a
  // character (half a UTF-16 surrogate pair, the middle of a UTF-8 sequence) that character's
  // start.
  uint32_t offset(LspPosition position) const;
  // A range's bytes; an end before the start is taken as the start of the range and the start
  // as its end, as vscode-languageserver's TextDocument does (a selection made backwards).
  ByteSpan span(LspRange range) const;

 private:
  ByteSpan line_content(uint32_t line) const;  // without the terminator

  std::string_view text_;
  PositionEncoding encoding_;
  std::vector<uint32_t> starts_;  // byte offset of each line's first byte
};

}  // namespace hanmark::lsp
