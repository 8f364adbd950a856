#include "markdown/headings.h"

#include <cmark-gfm.h>

namespace hanmark {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

ByteSpan trim(std::string_view src, ByteSpan span) {
  while (span.begin < span.end && is_space(src[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(src[span.end - 1])) --span.end;
  return span;
}

// Sets `content` to the text of the ATX heading on `line` (from the heading's first byte); false
// when the line does not open an ATX heading.
bool atx_content(std::string_view src, ByteSpan line, ByteSpan& content) {
  uint32_t p = line.begin;
  while (p < line.end && is_blank(src[p])) ++p;
  const uint32_t marker = p;
  while (p < line.end && src[p] == '#') ++p;
  if (p == marker || p - marker > 6 || (p < line.end && !is_blank(src[p]))) return false;
  ByteSpan text = trim(src, {p, line.end});
  // An optional closing sequence: "#"s preceded by a blank (or making up the whole content).
  uint32_t q = text.end;
  while (q > text.begin && src[q - 1] == '#') --q;
  if (q < text.end && (q == text.begin || is_blank(src[q - 1]))) text = trim(src, {text.begin, q});
  if (text.empty()) {  // "##" or "## ##": point at the opening marker
    uint32_t end = marker;
    while (end < line.end && src[end] == '#') ++end;
    text = {marker, end};
  }
  content = text;
  return true;
}

// A setext underline: "===" or "---" with up to three blanks before and any blanks after.
bool is_underline(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (i > 3 || i == line.size() || (line[i] != '=' && line[i] != '-')) return false;
  const char c = line[i];
  while (i < line.size() && line[i] == c) ++i;
  while (i < line.size() && is_blank(line[i])) ++i;
  return i == line.size();
}

}  // namespace

std::vector<Heading> section_headings(const Document& doc) {
  std::vector<Heading> headings;
  const std::string_view src = doc.source();
  const LineIndex& lines = doc.lines();
  for (cmark_node* node = cmark_node_first_child(doc.root()); node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
    Heading heading;
    heading.node = node;
    heading.level = cmark_node_get_heading_level(node);
    heading.prose = doc.prose_of(node);
    if (heading.prose) {
      const std::string& text = heading.prose->text();
      size_t begin = 0, end = text.size();
      while (begin < end && is_space(text[begin])) ++begin;
      while (end > begin && is_space(text[end - 1])) --end;
      heading.text = text.substr(begin, end - begin);
    }
    const ByteSpan block = doc.block_span(node);
    ByteSpan first_line = lines.line_content(lines.line_of(block.begin));
    first_line.begin = block.begin;
    if (!atx_content(src, first_line, heading.text_span)) {
      // Setext: the lines above the underline. cmark's end line may be the line after the
      // underline (with end column 0), so look for the underline from the end.
      heading.setext = true;
      const uint32_t first = lines.line_of(block.begin);
      uint32_t underline = lines.line_of(block.end);
      while (underline > first + 1 && !is_underline(doc.slice(lines.line_content(underline))))
        --underline;
      const uint32_t last = underline > first ? underline - 1 : first;
      heading.text_span = trim(src, {block.begin, lines.line_content(last).end});
    }
    headings.push_back(std::move(heading));
  }
  return headings;
}

std::string quoted_heading(const Document& doc, const Heading& heading) {
  std::string text;
  bool blank = false;
  for (char c : doc.slice(heading.text_span)) {
    if (c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !text.empty() && text.back() != ' ') text += ' ';
    blank = false;
    text += c;
  }
  return "'" + text + "'";
}

}  // namespace hanmark
