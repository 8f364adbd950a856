// The links and images of a post with the exact source bytes of their destinations. cmark's
// inline positions are not source offsets, so each destination is found again in the source of
// its block (inline links), in the post's link reference definitions (reference links), or in
// raw HTML (`<a href>`, `<img src>`).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "markdown/document.h"

namespace hanmark {

struct LinkDestination {
  enum class Kind { inline_link, reference, html };
  Kind kind;
  bool image;       // `![…](…)`, an image reference, `<img src>`
  std::string url;  // as a renderer reads it: backslash escapes and entities decoded
  // The destination as written: inside `<…>` in that form; for a reference link, the
  // destination in its definition (`[label]: dest`), listed once however many links use it.
  ByteSpan span;
};

// The links and images whose decoded destination satisfies `wanted`, in source order. One whose
// destination cannot be placed in the source exactly is left out.
std::vector<LinkDestination> link_destinations(
    const Document& doc, const std::function<bool(std::string_view url)>& wanted);

// Length of the backtick code span opening at src[p] (within src[…, limit)), or 0 when its run
// of backticks has no closing run: scanners of link syntax skip code spans with it.
uint32_t code_span_length(std::string_view src, uint32_t p, uint32_t limit);

}  // namespace hanmark
