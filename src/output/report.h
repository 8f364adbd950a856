// One linted file as the renderers see it, plus the positions they print.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/line_index.h"
#include "engine/diagnostic.h"
#include "markdown/document.h"

namespace hanmark {

struct FileReport {
  std::unique_ptr<Document> doc;
  std::vector<Diagnostic> diagnostics;  // sorted by span
};

struct SpanPosition {
  Position begin;
  Position end;  // exclusive
};

// What a column counts. Code points are hanmark's own unit (text, JSON, GitHub annotations);
// UTF-16 code units are what SARIF consumers and editors count. An invalid byte is one of either.
enum class ColumnUnit { code_points, utf16_code_units };

// Line/column of spans. Diagnostics come sorted: a span on the line of the previous one is
// reached by walking forward from it (one pass even over a 10 MB single line), a span on
// another line from the start of its line, found by binary search.
class PositionCursor {
 public:
  explicit PositionCursor(const Document& doc, ColumnUnit unit = ColumnUnit::code_points)
      : doc_(doc), unit_(unit) {}
  SpanPosition locate(ByteSpan span);

 private:
  Position advance(Position from, uint32_t from_offset, uint32_t to_offset) const;
  // Back to the start of `offset`'s line, then forward to it.
  Position restart_at(uint32_t offset) const;

  const Document& doc_;
  ColumnUnit unit_;
  uint32_t offset_ = 0;
  Position position_{1, 1};
};

// The `help:` lines of the text output, without the gutter: "did you mean 'a' or 'b'?" for the
// suggestions, then the notes. Other formats append them to the message.
std::vector<std::string> help_lines(const Diagnostic& diagnostic);

}  // namespace hanmark
