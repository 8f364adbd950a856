#include "markdown/literal_delimiters.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/node.h"

namespace hanmark {

namespace {

// The parent node of each '*' and '_' of the run's text that came from a text node, found by
// locating the text literals in order (the run's text is made of them, placeholders and breaks).
std::unordered_map<uint32_t, cmark_node*> delimiter_parents(const ProseRun& run) {
  std::unordered_map<uint32_t, cmark_node*> parents;
  const std::string& text = run.text();
  size_t cursor = 0;
  cmark_iter* iter = cmark_iter_new(run.block());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(node) == CMARK_NODE_LINK) {
      // An autolink's text is a placeholder in the prose run, not text.
      const char* url = cmark_node_get_url(node);
      cmark_node* child = cmark_node_first_child(node);
      const std::string label(child ? literal_of(child) : std::string_view());
      if (url && (label == url || "mailto:" + label == url || "http://" + label == url))
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
      continue;
    }
    if (cmark_node_get_type(node) != CMARK_NODE_TEXT) continue;
    const std::string_view literal = literal_of(node);
    if (literal.empty()) continue;
    const size_t at = text.find(literal, cursor);
    if (at == std::string::npos) continue;
    for (size_t i = at; i < at + literal.size(); ++i)
      if (text[i] == '*' || text[i] == '_')
        parents[static_cast<uint32_t>(i)] = cmark_node_parent(node);
    cursor = at + literal.size();
  }
  cmark_iter_free(iter);
  return parents;
}

void set_flanking(DelimiterRun& r) {
  const bool left =
      !is_flanking_space(r.after) &&
      (!is_flanking_punct(r.after) || is_flanking_space(r.before) || is_flanking_punct(r.before));
  const bool right =
      !is_flanking_space(r.before) &&
      (!is_flanking_punct(r.before) || is_flanking_space(r.after) || is_flanking_punct(r.after));
  if (r.marker == '*') {
    r.can_open = left;
    r.can_close = right;
  } else {  // '_' never opens or closes inside a word
    r.can_open = left && (!right || is_flanking_punct(r.before));
    r.can_close = right && (!left || is_flanking_punct(r.after));
  }
}

}  // namespace

bool is_flanking_space(char32_t cp) {
  return cp == kLineBoundary || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR;
}

bool is_flanking_punct(char32_t cp) {
  if (cp < 0x80)
    return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
           (cp >= '{' && cp <= '~');
  return u_ispunct(static_cast<UChar32>(cp));
}

char32_t code_point_before(std::string_view text, uint32_t end, uint32_t& begin) {
  begin = end - 1;
  while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80)
    --begin;
  const utf8::Decoded d = utf8::decode(text, begin);
  if (begin + d.length != end) {
    begin = end - 1;
    return '?';
  }
  return d.code_point == utf8::kInvalid ? U'?' : d.code_point;
}

bool is_escaped(std::string_view text, uint32_t at) {
  uint32_t slashes = 0;
  while (at > slashes && text[at - slashes - 1] == '\\') ++slashes;
  return slashes % 2 == 1;
}

InlineSource::InlineSource(const Document& doc, const ProseRun& run)
    : doc_(doc), run_(run), block_(doc.block_span(run.block())) {
  const std::string& text = run.text();
  for (const ProseRun::Piece& piece : run.pieces())
    if (!piece.verbatim && text[piece.text_begin] == '\n') breaks_.push_back(piece.source);
}

bool InlineSource::at_break_end(uint32_t offset) const {
  return std::any_of(breaks_.begin(), breaks_.end(), [&](ByteSpan b) { return b.end == offset; });
}

std::vector<DelimiterRun> InlineSource::literal_delimiter_runs() const {
  std::vector<DelimiterRun> runs;
  const std::string& text = run_.text();
  if (run_.unaligned() > 0 || !contains_any(text, "*_")) return runs;
  const std::string_view src = doc_.source();
  const auto parents = delimiter_parents(run_);
  for (uint32_t i = 0; i < text.size();) {
    const char marker = text[i];
    const auto parent = parents.find(i);
    if ((marker != '*' && marker != '_') || parent == parents.end() ||
        !run_.is_verbatim(i, i + 1)) {
      ++i;
      continue;
    }
    // Bytes of one text node, unescaped and contiguous in the source.
    uint32_t end = i + 1;
    while (end < text.size() && text[end] == marker && run_.is_verbatim(i, end + 1) &&
           parents.contains(end))
      ++end;
    DelimiterRun r;
    r.marker = marker;
    r.source = run_.to_source(i, end);
    r.parent = parent->second;
    // The whole delimiter run in the source; one partly used by real emphasis is not literal.
    const bool whole = (r.source.begin == 0 || src[r.source.begin - 1] != marker ||
                        is_escaped(src, r.source.begin - 1)) &&
                       (r.source.end >= src.size() || src[r.source.end] != marker);
    if (whole) {
      set_context(r, i, end);
      set_flanking(r);
      runs.push_back(r);
    }
    i = end;
  }
  return runs;
}

void InlineSource::set_context(DelimiterRun& r, uint32_t first_text, uint32_t end_text) const {
  const std::string_view src = doc_.source();
  const std::string& text = run_.text();
  const std::string_view placeholder = kObjectReplacement;
  const uint32_t b = r.source.begin;
  const uint32_t e = r.source.end;
  // A table cell's content is parsed on its own: its pipes are line boundaries.
  const bool cell = run_.kind() == ProseRun::Block::table_cell;
  const bool starts_line = b == 0 || b == block_.begin || src[b - 1] == '\n' ||
                           src[b - 1] == '\r' || at_break_end(b) ||
                           (cell && src[b - 1] == '|' && !is_escaped(src, b - 1));
  if (!starts_line) {
    uint32_t begin;
    r.before = code_point_before(src, b, begin);
    r.before_source = {begin, b};
    r.code_before =
        r.before == '`' && first_text >= placeholder.size() &&
        text.compare(first_text - placeholder.size(), placeholder.size(), placeholder) == 0;
  }
  const bool ends_line = e >= block_.end || e >= src.size() || src[e] == '\n' || src[e] == '\r' ||
                         (cell && src[e] == '|');
  if (!ends_line) {
    const utf8::Decoded d = utf8::decode(src, e);
    r.after = d.code_point == utf8::kInvalid ? U'?' : d.code_point;
    r.after_source = {e, e + d.length};
    r.code_after = r.after == '`' && text.compare(end_text, placeholder.size(), placeholder) == 0;
  }
}

std::string InlineSource::snippet(ByteSpan range, std::vector<SourceEdit> edits) const {
  for (const ByteSpan b : breaks_) {
    if (b.begin < range.begin || b.end > range.end) continue;
    for (const SourceEdit& edit : edits)
      if (edit.span.overlaps(b) || b.contains(edit.span.begin)) return {};
    edits.push_back({b, " "});
  }
  std::stable_sort(edits.begin(), edits.end(), [](const SourceEdit& a, const SourceEdit& b) {
    return a.span.begin < b.span.begin;
  });
  const std::string_view src = doc_.source();
  std::string out;
  uint32_t cursor = range.begin;
  for (const SourceEdit& edit : edits) {
    if (edit.span.begin < cursor) return {};
    out.append(src.substr(cursor, edit.span.begin - cursor));
    out.append(edit.replacement);
    cursor = edit.span.end;
  }
  out.append(src.substr(cursor, range.end - cursor));
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return out;
}

}  // namespace hanmark
