#include "markdown/inline_probe.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>

namespace hanmark {

namespace {

// The same extensions as Document's parser: autolinks and strikethrough change what is text.
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

}  // namespace

InlineShape inline_shape(std::string_view snippet) {
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : kExtensions)
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, snippet.data(), snippet.size());
  cmark_node* root = cmark_parser_finish(parser);
  cmark_parser_free(parser);

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
