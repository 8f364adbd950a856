// Re-parses a short stretch of inline Markdown with the options and extensions Document uses, to
// ask cmark-gfm itself how a candidate text renders (rather than re-implementing its rules).
#pragma once

#include <string_view>

namespace hanmark {

struct InlineShape {
  bool one_paragraph = false;  // the snippet parsed as a single paragraph (no list, heading …)
  int emphasis = 0;            // emphasis and strong nodes
  int literal_delimiters = 0;  // '*' and '_' left in text nodes
  int raw_html = 0;            // inline HTML nodes
  int links = 0;               // links and images
};

// `snippet` should be one line of inline content (line breaks are better given as spaces).
InlineShape inline_shape(std::string_view snippet);

}  // namespace hanmark
