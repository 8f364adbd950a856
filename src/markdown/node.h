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

// Calls `visit(node)` on every node under `root` in document order, descending into a node's
// children only when it returns true. Unlike cmark_iter, allocates nothing.
template <typename Visit>
void visit_nodes(cmark_node* root, Visit visit) {
  cmark_node* node = cmark_node_first_child(root);
  while (node) {
    if (cmark_node* child = visit(node) ? cmark_node_first_child(node) : nullptr) {
      node = child;
      continue;
    }
    while (node != root && !cmark_node_next(node)) node = cmark_node_parent(node);
    node = node == root ? nullptr : cmark_node_next(node);
  }
}

// Whether `node` is a block that holds other blocks (a quote, list, item, footnote): the blocks
// that hold text (paragraphs, headings, table cells) and code, HTML, breaks and tables do not.
inline bool holds_blocks(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return true;
    default:
      return false;
  }
}

// Calls `visit(node)` on every block under `root` outside tables, in document order, without
// walking the inline content of paragraphs and headings (most of a post's nodes).
template <typename Visit>
void visit_blocks(cmark_node* root, Visit visit) {
  visit_nodes(root, [&](cmark_node* node) {
    visit(node);
    return holds_blocks(node);
  });
}

}  // namespace hanmark
