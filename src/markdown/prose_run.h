// A piece of prose (the text of a paragraph, heading or table cell) with an exact map from
// its text back to source bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/span.h"

struct cmark_node;

namespace hanmark {

// Stands in the text for an inline that is not prose (code span, raw HTML, autolink, footnote
// reference), so that words on either side of it never join.
inline constexpr char kObjectReplacement[] = "\xEF\xBF\xBC";  // U+FFFC

class ProseRun {
 public:
  enum class Block { paragraph, heading, table_cell };

  // A stretch of text that came from one stretch of source. Verbatim pieces map byte for byte;
  // others (escapes, entities, line breaks, placeholders) map as a whole.
  struct Piece {
    uint32_t text_begin;
    ByteSpan source;
    bool verbatim;
  };

  ProseRun(cmark_node* block, Block kind) : block_(block), kind_(kind) {}

  cmark_node* block() const { return block_; }
  Block kind() const { return kind_; }
  const std::string& text() const { return text_; }
  const std::vector<Piece>& pieces() const { return pieces_; }

  // Source bytes of text bytes [begin, end). Any text span maps to whole source characters.
  ByteSpan to_source(uint32_t begin, uint32_t end) const;
  // True when text [begin, end) is an unbroken copy of its source (no escapes, entities, breaks).
  bool is_verbatim(uint32_t begin, uint32_t end) const;

  // Inline literals the builder could not place in the source; they are left out of text().
  uint32_t unaligned() const { return unaligned_; }

  // Building (used by the document builder only).
  void reserve(size_t text_bytes) {
    text_.reserve(text_bytes);
    pieces_.reserve(4);  // most runs have a few: one allocation, not three
  }
  void append(std::string_view text, ByteSpan source, bool verbatim);
  void count_unaligned() { ++unaligned_; }
  // What has been appended so far, to take back appends that turned out wrong.
  struct Mark {
    size_t text_size;
    size_t piece_count;
    Piece last;  // the last piece then: a later append may have extended it
  };
  Mark mark() const;
  void rollback(const Mark& mark);

 private:
  const Piece& piece_at(uint32_t text_offset) const;

  cmark_node* block_;
  Block kind_;
  std::string text_;
  std::vector<Piece> pieces_;
  uint32_t unaligned_ = 0;
};

}  // namespace hanmark
