#include "markdown/gfm_parser.h"

#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace hanmark {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

// cmark-gfm keeps the inline parser's table of special characters in a global that every
// parser with extensions edits: it adds the extensions' characters when it starts feeding and
// removes them when it finishes. Two parses at once would then miss autolinks (':' and 'w'
// stop being special mid-paragraph), so parses take turns. Rules still run in parallel.
std::mutex& parse_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

cmark_node* parse_gfm(std::string_view text, int options) {
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  const std::lock_guard lock(parse_mutex());
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : kExtensions)
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return root;
}

}  // namespace hanmark
