#include "markdown/html_comments.h"

#include <algorithm>
#include <string_view>

#include <cmark-gfm.h>

#include "markdown/node.h"

namespace hanmark {

namespace {

constexpr std::string_view kOpen = "<!--";
constexpr std::string_view kClose = "-->";

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The comment whose "<!--" is at `open`. "<!-->" and "<!--->" are empty comments, as in HTML.
HtmlComment comment_at(std::string_view src, uint32_t open, bool block) {
  HtmlComment comment;
  comment.block = block;
  const size_t close = src.find(kClose, open + 2);
  const auto body_begin = static_cast<uint32_t>(std::min<size_t>(open + kOpen.size(), src.size()));
  if (close == std::string_view::npos) {
    comment.closed = false;
    comment.span = {open, static_cast<uint32_t>(src.size())};
    comment.body = {body_begin, static_cast<uint32_t>(src.size())};
  } else {
    const auto close_at = static_cast<uint32_t>(close);
    comment.span = {open, close_at + static_cast<uint32_t>(kClose.size())};
    comment.body = {std::min(body_begin, close_at), close_at};
  }
  return comment;
}

}  // namespace

bool HtmlComment::is_directive(const Document& doc) const {
  std::string_view text = doc.slice(body);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r'))
    text.remove_prefix(1);
  return text.starts_with("hanmark-");
}

ByteSpan html_block_span(const Document& doc, cmark_node* html_block) {
  const int start_line = std::max(cmark_node_get_start_line(html_block), 1);
  const uint32_t begin = doc.offset_of(start_line, cmark_node_get_start_column(html_block));
  // One literal line per source line (container prefixes are stripped, lines are not merged).
  const std::string_view literal = literal_of(html_block);
  uint32_t lines = 0;
  for (size_t i = 0; i < literal.size(); ++i) {
    if (literal[i] == '\n' || literal[i] == '\r') {
      ++lines;
      if (literal[i] == '\r' && i + 1 < literal.size() && literal[i + 1] == '\n') ++i;
    }
  }
  if (!literal.empty() && literal.back() != '\n' && literal.back() != '\r') ++lines;
  const LineIndex& index = doc.lines();
  const uint32_t last = std::min<uint32_t>(
      static_cast<uint32_t>(start_line) + std::max(lines, 1u) - 1, index.line_count());
  return {begin, std::max(begin, index.line_content(last).end)};
}

std::vector<HtmlComment> html_comments_in_block(const Document& doc, cmark_node* html_block) {
  std::vector<HtmlComment> comments;
  const std::string_view src = doc.source();
  const ByteSpan region = html_block_span(doc, html_block);
  const std::string_view text = doc.slice(region);
  if (starts_with_ci(text, "<script") || starts_with_ci(text, "<style") ||
      starts_with_ci(text, "<textarea"))
    return comments;
  // Openings that begin in the block; the search stops there instead of at the next comment of
  // the file, which for a post of many blocks and no comments is each time its end.
  const std::string_view searched =
      src.substr(0, std::min<size_t>(src.size(), region.end + kOpen.size() - 1));
  for (uint32_t at = region.begin; at < region.end;) {
    const size_t open = searched.find(kOpen, at);
    if (open == std::string_view::npos || open >= region.end) break;
    comments.push_back(comment_at(src, static_cast<uint32_t>(open), true));
    at = comments.back().span.end;
  }
  return comments;
}

std::vector<HtmlComment> html_comments(const Document& doc) {
  std::vector<HtmlComment> comments;
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK) continue;
    for (const HtmlComment& comment : html_comments_in_block(doc, node))
      comments.push_back(comment);
  }
  cmark_iter_free(iter);

  // Raw inline HTML stands in prose runs as one placeholder piece with its exact source.
  for (const ProseRun& run : doc.prose()) {
    for (const ProseRun::Piece& piece : run.pieces()) {
      if (piece.verbatim) continue;
      if (run.text().compare(piece.text_begin, 3, kObjectReplacement) != 0) continue;
      if (!doc.slice(piece.source).starts_with(kOpen)) continue;
      HtmlComment comment;
      comment.block = false;
      comment.span = piece.source;
      const bool closed = doc.slice(piece.source).ends_with(kClose) && piece.source.size() >= 7;
      comment.closed = closed;
      comment.body = {
          piece.source.begin + static_cast<uint32_t>(kOpen.size()),
          closed ? piece.source.end - static_cast<uint32_t>(kClose.size()) : piece.source.end};
      comments.push_back(comment);
    }
  }
  std::sort(comments.begin(), comments.end(),
            [](const HtmlComment& a, const HtmlComment& b) { return a.span.begin < b.span.begin; });
  // An unclosed or long block comment may already cover a later one; keep the outer comment.
  std::vector<HtmlComment> kept;
  for (const HtmlComment& comment : comments)
    if (kept.empty() || comment.span.begin >= kept.back().span.end) kept.push_back(comment);
  return kept;
}

}  // namespace hanmark
