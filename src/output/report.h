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

// Line/column of spans, walking forward from the previous call: diagnostics come sorted, so a
// file's positions cost one pass over it even on a 10 MB single line.
class PositionCursor {
 public:
  explicit PositionCursor(const Document& doc) : doc_(doc) {}
  SpanPosition locate(ByteSpan span);

 private:
  Position advance(Position from, uint32_t from_offset, uint32_t to_offset) const;

  const Document& doc_;
  uint32_t offset_ = 0;
  Position position_{1, 1};
};

}  // namespace hanmark
