// Emphasis delimiter runs ('*', '_') that cmark-gfm left as literal text, with the characters
// around them as its inline parser saw them, and the block's inline source cut into snippets
// that can be re-parsed (see inline_probe.h).
#pragma once

#include <string>
#include <vector>

#include "core/span.h"
#include "markdown/document.h"

namespace hanmark {

inline constexpr char32_t kLineBoundary = 0;  // a line start or end: white space to CommonMark

// CommonMark's character classes for flanking, as cmark-gfm applies them: its punctuation is
// ASCII punctuation and Unicode P*, not symbols.
bool is_flanking_space(char32_t cp);
bool is_flanking_punct(char32_t cp);

struct DelimiterRun {
  char marker = '*';
  ByteSpan source;               // the whole run, every byte of it literal text
  cmark_node* parent = nullptr;  // the inline container of its text node
  char32_t before = kLineBoundary;
  char32_t after = kLineBoundary;
  ByteSpan before_source, after_source;          // their bytes (empty at a boundary)
  bool code_before = false, code_after = false;  // a code span ends / starts right there
  bool can_open = false, can_close = false;      // by CommonMark §6.2

  uint32_t size() const { return source.size(); }
  std::string text() const { return std::string(size(), marker); }
};

struct SourceEdit {
  ByteSpan span;
  std::string replacement;
};

// One paragraph, heading or table cell.
class InlineSource {
 public:
  InlineSource(const Document& doc, const ProseRun& run);

  // Whole delimiter runs that are literal text (not escaped, not partly used by emphasis), in
  // source order.
  std::vector<DelimiterRun> literal_delimiter_runs() const;

  // The inline source of `range` with `edits` applied, on one line: line breaks and the container
  // prefixes after them become spaces. Empty when an edit touches a line break.
  std::string snippet(ByteSpan range, std::vector<SourceEdit> edits) const;

 private:
  void set_context(DelimiterRun& r, uint32_t first_text, uint32_t end_text) const;
  bool at_break_end(uint32_t offset) const;

  const Document& doc_;
  const ProseRun& run_;
  std::vector<ByteSpan> breaks_;
  ByteSpan block_;
};

// The code point that ends at `end` (> 0) in `text` and where it begins; an invalid byte reads
// as one '?', as cmark sees it.
char32_t code_point_before(std::string_view text, uint32_t end, uint32_t& begin);

// True when the byte at `at` is backslash-escaped.
bool is_escaped(std::string_view text, uint32_t at);

}  // namespace hanmark
