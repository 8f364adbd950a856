#pragma once

#include <string_view>
#include <unordered_map>

#include "core/line_index.h"
#include "core/span.h"

struct cmark_node;

namespace hanmark {

// cmark-gfm's table extension gets positions wrong: a paragraph that a table splits off
// ("text\n| a |\n|---|") has none, the header row is placed on the paragraph's first line, and
// cell columns count from the paragraph's content. GFM table rows are one line each, so the rows
// are placed from the table's last line, and cells are split at unescaped pipes in the source.
// Fills `spans` with the corrected source spans of `table`, its rows and cells, and the paragraph
// it split off.
void correct_table_positions(std::string_view parsed, const LineIndex& lines, cmark_node* table,
                             std::unordered_map<cmark_node*, ByteSpan>& spans);

}  // namespace hanmark
