// The one way hanmark runs cmark-gfm: GFM's table, strikethrough, autolink and tasklist
// extensions, safe to call from many threads at once.
#pragma once

#include <string_view>

struct cmark_node;

namespace hanmark {

// Parses `text` with `options` (CMARK_OPT_*); the caller frees the tree with cmark_node_free.
cmark_node* parse_gfm(std::string_view text, int options);

}  // namespace hanmark
