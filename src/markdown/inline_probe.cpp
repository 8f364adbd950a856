#include "markdown/inline_probe.h"

#include <cmark-gfm.h>

#include "markdown/gfm_parser.h"

namespace hanmark {

InlineShape inline_shape(std::string_view snippet) {
  cmark_node* root = parse_gfm(snippet, CMARK_OPT_FOOTNOTES);

  InlineShape shape;
  cmark_node* first = cmark_node_first_child(root);
  shape.one_paragraph =
      first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
        ++shape.emphasis;
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        ++shape.links;
        break;
      case CMARK_NODE_HTML_INLINE:
        ++shape.raw_html;
        break;
      case CMARK_NODE_TEXT:
        for (const char* c = cmark_node_get_literal(node); c && *c; ++c)
          shape.literal_delimiters += *c == '*' || *c == '_';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  cmark_node_free(root);
  return shape;
}

}  // namespace hanmark
