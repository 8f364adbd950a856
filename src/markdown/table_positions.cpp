#include "markdown/table_positions.h"

#include <vector>

#include <cmark-gfm.h>

namespace hanmark {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

int quote_depth(cmark_node* node) {
  int depth = 0;
  for (cmark_node* n = cmark_node_parent(node); n; n = cmark_node_parent(n))
    depth += cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE;
  return depth;
}

// The row's text after container prefixes (indentation and block quote markers).
uint32_t row_start(std::string_view src, ByteSpan line, int depth) {
  uint32_t p = line.begin;
  while (p < line.end && is_blank(src[p])) ++p;
  for (int i = 0; i < depth && p < line.end && src[p] == '>'; ++i) {
    ++p;
    while (p < line.end && is_blank(src[p])) ++p;
  }
  return p;
}

// Cells of one row: the bytes between unescaped pipes (a leading and a trailing pipe are optional).
std::vector<ByteSpan> split_cells(std::string_view src, uint32_t begin, uint32_t end) {
  std::vector<ByteSpan> cells;
  uint32_t p = begin;
  if (p < end && src[p] == '|') ++p;
  uint32_t cell_begin = p;
  for (; p < end; ++p) {
    if (src[p] == '\\' && p + 1 < end) {
      ++p;
    } else if (src[p] == '|') {
      cells.push_back({cell_begin, p});
      cell_begin = p + 1;
    }
  }
  uint32_t last_end = end;
  while (last_end > cell_begin && is_blank(src[last_end - 1])) --last_end;
  if (last_end > cell_begin) cells.push_back({cell_begin, end});
  return cells;
}

}  // namespace

void correct_table_positions(std::string_view src, const LineIndex& lines, cmark_node* table,
                             std::unordered_map<cmark_node*, ByteSpan>& spans) {
  std::vector<cmark_node*> rows;
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row))
    rows.push_back(row);
  const int end_line = cmark_node_get_end_line(table);
  // Header, delimiter row, then one line per body row.
  const int header_line = end_line - static_cast<int>(rows.size());
  if (rows.empty() || header_line < 1 || end_line > static_cast<int>(lines.line_count())) return;
  const int depth = quote_depth(table);
  for (size_t i = 0; i < rows.size(); ++i) {
    const int line_number = i == 0 ? header_line : header_line + 1 + static_cast<int>(i);
    const ByteSpan line = lines.line_content(static_cast<uint32_t>(line_number));
    const uint32_t begin = row_start(src, line, depth);
    if (begin >= line.end) return;  // not the row we expected: keep cmark's positions
    spans[rows[i]] = {begin, line.end};
    const std::vector<ByteSpan> cells = split_cells(src, begin, line.end);
    size_t c = 0;
    for (cmark_node* cell = cmark_node_first_child(rows[i]); cell && c < cells.size();
         cell = cmark_node_next(cell), ++c)
      spans[cell] = cells[c];
  }
  const ByteSpan first = spans[rows.front()];
  spans[table] = {first.begin, lines.line_content(static_cast<uint32_t>(end_line)).end};

  // A paragraph the table split off sits on the lines above the header.
  cmark_node* previous = cmark_node_previous(table);
  if (previous && cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH &&
      cmark_node_get_start_line(previous) < 1) {
    const int start_line = cmark_node_get_start_line(table);
    if (start_line >= 1 && start_line < header_line) {
      const ByteSpan start = lines.line_content(static_cast<uint32_t>(start_line));
      spans[previous] = {row_start(src, start, depth),
                         lines.line_content(static_cast<uint32_t>(header_line - 1)).end};
    }
  }
}

}  // namespace hanmark
