#include "userrules/scopes.h"

#include <cmark-gfm.h>

#include <string_view>

#include "markdown/node.h"

namespace hanmark::userrules {

namespace {

constexpr std::string_view kPlaceholder = kObjectReplacement;

struct Open {
  cmark_node* node;
  uint32_t begin;
  Scope scope;
  bool skipped;  // an autolink: a placeholder in the text, no children
};

}  // namespace

RunScopes::RunScopes(const ProseRun& run)
    : block_scope_(run.kind() == ProseRun::Block::heading ? kHeading : kProse) {
  const std::string_view text = run.text();
  if (run.unaligned() > 0 || !run.block()) {
    exact_ = false;
    return;
  }
  // The prose builder appends, in document order: text literals as they are, "\n" for line
  // breaks, one placeholder per code span, raw HTML, footnote reference and autolink.
  uint32_t cursor = 0;
  auto expect = [&](std::string_view piece) {
    if (text.substr(cursor, piece.size()) != piece) return false;
    cursor += static_cast<uint32_t>(piece.size());
    return true;
  };
  std::vector<Open> open;
  cmark_iter* iter = cmark_iter_new(run.block());
  cmark_event_type event;
  while (exact_ && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (node == run.block()) continue;
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_EXIT) {
      if ((type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) && !open.empty() &&
          open.back().node == node) {
        if (!open.back().skipped) ranges_.push_back({open.back().begin, cursor, open.back().scope});
        open.pop_back();
      }
      continue;
    }
    switch (type) {
      case CMARK_NODE_TEXT:
        exact_ = expect(literal_of(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        exact_ = expect("\n");
        break;
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        exact_ = expect(kPlaceholder);
        break;
      case CMARK_NODE_LINK: {
        // An autolink (<https://…>, or a bare URL of the autolink extension) stands in the text
        // as one placeholder where its text child would be.
        cmark_node* child = cmark_node_first_child(node);
        const bool autolink = child && cmark_node_get_type(child) == CMARK_NODE_TEXT &&
                              !literal_of(child).starts_with(kPlaceholder) &&
                              text.substr(cursor).starts_with(kPlaceholder);
        if (autolink) {
          cursor += static_cast<uint32_t>(kPlaceholder.size());
          cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        }
        open.push_back({node, cursor, kLink, autolink});
        break;
      }
      case CMARK_NODE_IMAGE:
        open.push_back({node, cursor, kAlt, false});
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  if (cursor != text.size()) exact_ = false;
  if (!exact_) ranges_.clear();
}

Scope RunScopes::scope_at(uint32_t offset) const {
  Scope scope = block_scope_;
  for (const Range& r : ranges_) {
    if (offset < r.begin || offset >= r.end) continue;
    if (r.scope == kAlt) return kAlt;
    scope = kLink;
  }
  return scope;
}

bool RunScopes::allows(uint32_t begin, uint32_t end, uint8_t allowed) const {
  if (!exact_) {
    const uint8_t needed = block_scope_ | kLink | kAlt;
    return (allowed & needed) == needed;
  }
  if ((allowed & kAllScopes) == kAllScopes) return true;
  // The scope changes only at range boundaries: test the start and every boundary inside.
  if (!(allowed & scope_at(begin))) return false;
  for (const Range& r : ranges_) {
    for (uint32_t edge : {r.begin, r.end})
      if (edge > begin && edge < end && !(allowed & scope_at(edge))) return false;
  }
  return true;
}

}  // namespace hanmark::userrules
