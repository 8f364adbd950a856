// HTML comments of a post, block and inline, with exact source spans.
#pragma once

#include <vector>

#include "core/span.h"
#include "markdown/document.h"

struct cmark_node;

namespace hanmark {

struct HtmlComment {
  ByteSpan span;  // "<!--" through "-->"; an unclosed comment runs to the end of the file
  ByteSpan body;  // between the delimiters
  bool closed = true;
  bool block = true;  // from an HTML block; false for raw inline HTML inside prose

  // A hanmark directive: `<!-- hanmark-disable … -->` and friends.
  bool is_directive(const Document& doc) const;
};

// Source bytes of an HTML block node, from its first byte to the end of its last line. cmark's
// end line for HTML blocks can be off by one, so the line count comes from the node's literal.
ByteSpan html_block_span(const Document& doc, cmark_node* html_block);

// The comments that open inside one HTML block, in order. A comment ends at the first "-->"
// after its "<!--" anywhere in the file (as a browser reads it), else at the end of the file.
// `<script>`, `<style>` and `<textarea>` blocks hold raw text, not comments.
std::vector<HtmlComment> html_comments_in_block(const Document& doc, cmark_node* html_block);

// Every HTML comment of the document in source order: HTML blocks and raw inline HTML in
// paragraphs, headings and table cells. Text in code blocks and code spans is not HTML, and
// front matter is not Markdown, so neither is searched.
std::vector<HtmlComment> html_comments(const Document& doc);

}  // namespace hanmark
