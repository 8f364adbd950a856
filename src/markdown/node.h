// Small, typed helpers over cmark-gfm nodes (extension node types have no public constants).
#pragma once

#include <string_view>

#include <cmark-gfm.h>

namespace hanmark {

inline bool is_type(cmark_node* node, std::string_view type_name) {
  return type_name == cmark_node_get_type_string(node);
}
inline bool is_table_cell(cmark_node* node) {
  return is_type(node, "table_cell");
}
inline bool is_strikethrough(cmark_node* node) {
  return is_type(node, "strikethrough");
}

inline std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? std::string_view(literal) : std::string_view();
}

}  // namespace hanmark
