// The section headings of a post: ATX and setext headings that are direct children of the
// document (a heading quoted in a blockquote or list item does not open a section).
#pragma once

#include <string>
#include <vector>

#include "core/span.h"
#include "markdown/document.h"

struct cmark_node;

namespace hanmark {

struct Heading {
  cmark_node* node = nullptr;
  int level = 1;
  bool setext = false;
  // Prose text, trimmed: code spans and raw HTML are U+FFFC, line breaks "\n", emphasis
  // delimiters, escapes and entities resolved.
  std::string text;
  // The heading's content as written: after the opening "#"s (ATX) and before any closing "#"s,
  // or the lines above a setext underline; without surrounding blanks. For an empty ATX heading,
  // its "#" marker.
  ByteSpan text_span;
  const ProseRun* prose = nullptr;
};

std::vector<Heading> section_headings(const Document& doc);

// The heading as quoted in a message: '…' around its source text, joined onto one line.
std::string quoted_heading(const Document& doc, const Heading& heading);

}  // namespace hanmark
