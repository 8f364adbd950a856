// Small, typed helpers over cmark-gfm nodes.
#pragma once

#include <string_view>

#include <cmark-gfm.h>

// The node types of the GFM extensions. libcmark-gfm-extensions exports them (its table.h and
// strikethrough.h declare them) but Debian does not install those headers. They are set when the
// extensions register (parse_gfm), before any tree can hold such a node.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL,
    CMARK_NODE_STRIKETHROUGH;
}

namespace hanmark {

inline bool is_type(cmark_node* node, std::string_view type_name) {
  return type_name == cmark_node_get_type_string(node);
}
inline bool is_table_cell(cmark_node* node) {
  return cmark_node_get_type(node) == CMARK_NODE_TABLE_CELL;
}
inline bool is_strikethrough(cmark_node* node) {
  return cmark_node_get_type(node) == CMARK_NODE_STRIKETHROUGH;
}

inline std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? std::string_view(literal) : std::string_view();
}

}  // namespace hanmark
