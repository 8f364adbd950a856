#include "markdown/prose_builder.h"

#include <cstring>
#include <vector>

#include "core/strings.h"
#include "markdown/document.h"
#include "markdown/entities.h"
#include "markdown/node.h"

namespace hanmark {

namespace {

constexpr uint32_t kResyncWindow = 4096;  // how far a lost alignment may search ahead

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}
// Whether `text` has a '\\' or '&', the bytes that can start an escape or an entity. Two memchr
// scans: on whole literals they beat one loop over the bytes.
bool has_escape_or_entity_start(std::string_view text) {
  return !text.empty() && (std::memchr(text.data(), '\\', text.size()) ||
                           std::memchr(text.data(), '&', text.size()));
}

// Walks one block's inline nodes in document order while a cursor moves through its source.
// Every inline node consumes exactly the source it came from; prose text is copied into the run.
class InlineAligner {
 public:
  InlineAligner(std::string_view source, uint32_t begin, uint32_t limit, int quote_depth,
                ProseRun& run)
      : src_(source), pos_(begin), limit_(limit), quote_depth_(quote_depth), run_(run) {}

  void walk(cmark_node* block);

 private:
  // Returns false when the node's children are not to be visited (nor its exit).
  bool enter(cmark_node* node);
  void exit(cmark_node* node);

  void text(std::string_view literal);
  void line_break();
  void code_span();
  void raw_html(std::string_view literal);
  bool link_open(cmark_node* node, bool image);
  void link_close();
  void footnote_reference();
  void skip_container_prefix();
  void delimiters(char allowed_a, char allowed_b, unsigned count);

  // Matches `literal` against the source at `at`; on success appends pieces when `emit` and
  // returns the end of the matched source, else returns npos-like 0 with `ok == false`.
  bool match(std::string_view literal, uint32_t at, bool emit, bool decode, uint32_t& end);
  bool align(std::string_view literal, bool emit, bool decode, uint32_t& begin);
  void placeholder(ByteSpan source) { run_.append(kObjectReplacement, source, false); }
  void skip_blanks() {
    while (pos_ < limit_ && is_blank(src_[pos_])) ++pos_;
  }
  char peek(uint32_t ahead = 0) const { return pos_ + ahead < limit_ ? src_[pos_ + ahead] : '\0'; }

  std::string_view src_;
  uint32_t pos_;
  uint32_t limit_;
  int quote_depth_;
  uint32_t line_start_ = 0;  // start of the current continuation line, for re-alignment
  ProseRun& run_;
  std::vector<unsigned> strike_widths_;
};

bool InlineAligner::match(std::string_view literal, uint32_t at, bool emit, bool decode,
                          uint32_t& end) {
  // Most literals are their source verbatim: without '\\' or '&' in them, equal bytes leave no
  // escape or entity to decode, and the loop below would only step over each byte.
  if (at <= limit_ && literal.size() <= limit_ - at &&
      src_.compare(at, literal.size(), literal) == 0 && !has_escape_or_entity_start(literal)) {
    if (emit) run_.append(literal, {at, at + static_cast<uint32_t>(literal.size())}, true);
    end = at + static_cast<uint32_t>(literal.size());
    return true;
  }
  size_t i = 0;
  uint32_t p = at;
  uint32_t verbatim_begin = p;
  size_t verbatim_text = 0;
  auto flush = [&] {
    if (emit && p > verbatim_begin)
      run_.append(literal.substr(verbatim_text, i - verbatim_text), {verbatim_begin, p}, true);
  };
  while (i < literal.size()) {
    if (p >= limit_) return false;
    const bool escape = decode && src_[p] == '\\' && p + 1 < limit_ && is_ascii_punct(src_[p + 1]);
    const auto entity = decode && src_[p] == '&'
                            ? decode_entity(src_.substr(p, std::min<size_t>(40, limit_ - p)))
                            : std::nullopt;
    if (!escape && !entity && src_[p] == literal[i]) {
      ++i, ++p;
      continue;
    }
    if (escape) {
      if (src_[p + 1] != literal[i]) return false;
      flush();
      if (emit) run_.append(literal.substr(i, 1), {p, p + 2}, false);
      ++i, p += 2;
    } else if (entity) {
      if (literal.substr(i, entity->text.size()) != entity->text) return false;
      flush();
      if (emit)
        run_.append(entity->text, {p, p + static_cast<uint32_t>(entity->source_size)}, false);
      i += entity->text.size(), p += static_cast<uint32_t>(entity->source_size);
    } else if (is_line_end(src_[p]) && literal[i] == '\n') {
      // Raw HTML spanning lines: the literal has '\n' where the source has a container prefix.
      flush();
      const uint32_t break_begin = p;
      if (src_[p] == '\r' && p + 1 < limit_ && src_[p + 1] == '\n') ++p;
      ++p;
      while (p < limit_ && (is_blank(src_[p]) || src_[p] == '>')) ++p;
      if (emit) run_.append("\n", {break_begin, p}, false);
      ++i;
    } else {
      return false;
    }
    verbatim_begin = p;
    verbatim_text = i;
  }
  flush();
  end = p;
  return true;
}

// Finds where `literal` sits: at the cursor, after blanks, or (when an earlier construct was
// consumed wrongly) a little further on. Text that cannot be found is left out of the run, so
// a rule never reports a wrong span.
bool InlineAligner::align(std::string_view literal, bool emit, bool decode, uint32_t& begin) {
  if (literal.empty()) {
    begin = pos_;
    return true;
  }
  uint32_t end;
  const ProseRun::Mark before = run_.mark();
  // Matching once, emitting as it goes: a failed attempt's pieces are taken back.
  auto matches_at = [&](uint32_t at) {
    if (match(literal, at, emit, decode, end)) return true;
    if (emit) run_.rollback(before);
    return false;
  };
  // Most literals sit at the cursor. If not, after a line break the container prefix may have
  // been over-skipped: search from the line's start.
  const bool at_cursor = pos_ < limit_ && matches_at(pos_);
  uint32_t at = pos_;
  if (!at_cursor) {
    const uint32_t from = line_start_ > 0 && line_start_ <= pos_ ? line_start_ : pos_;
    const uint32_t window_end = std::min<uint32_t>(limit_, from + kResyncWindow);
    for (at = from; at < window_end; ++at)
      if (at != pos_ && matches_at(at)) break;
    if (at >= window_end) return false;
  }
  begin = at;
  pos_ = end;
  line_start_ = 0;
  return true;
}

void InlineAligner::text(std::string_view literal) {
  uint32_t begin;
  if (!align(literal, true, true, begin)) run_.count_unaligned();
}

void InlineAligner::raw_html(std::string_view literal) {
  uint32_t begin;
  if (align(literal, false, false, begin)) placeholder({begin, pos_});
}

void InlineAligner::line_break() {
  const uint32_t begin = pos_;
  skip_blanks();
  if (peek() == '\\' && is_line_end(peek(1))) ++pos_;
  if (peek() == '\r') ++pos_;
  if (peek() == '\n') ++pos_;
  line_start_ = pos_;
  skip_container_prefix();
  run_.append("\n", {begin, pos_}, false);
}

// Skips the next line's indentation and at most one '>' per enclosing block quote. A lazy
// continuation line has no markers, so a '>' that is followed by nothing is the text itself.
void InlineAligner::skip_container_prefix() {
  skip_blanks();
  const uint32_t after_indent = pos_;
  for (int markers = 0; markers < quote_depth_ && peek() == '>'; ++markers) {
    ++pos_;
    skip_blanks();
  }
  if (pos_ >= limit_ || is_line_end(src_[pos_])) pos_ = after_indent;
}

void InlineAligner::code_span() {
  skip_blanks();
  const uint32_t begin = pos_;
  unsigned width = 0;
  while (peek() == '`') ++pos_, ++width;
  if (width == 0) return;
  for (uint32_t p = pos_; p < limit_;) {
    if (src_[p] != '`') {
      ++p;
      continue;
    }
    unsigned run = 0;
    while (p < limit_ && src_[p] == '`') ++p, ++run;
    if (run == width) {
      pos_ = p;
      break;
    }
  }
  placeholder({begin, pos_});
}

void InlineAligner::delimiters(char allowed_a, char allowed_b, unsigned count) {
  for (unsigned i = 0; i < count && (peek() == allowed_a || peek() == allowed_b); ++i) ++pos_;
}

void InlineAligner::footnote_reference() {
  const uint32_t begin = pos_;
  if (peek() == '[' && peek(1) == '^') {
    while (pos_ < limit_ && src_[pos_] != ']') ++pos_;
    if (pos_ < limit_) ++pos_;
  }
  placeholder({begin, pos_});
}

bool InlineAligner::link_open(cmark_node* node, bool image) {
  skip_blanks();                  // a table cell's leading blank is not part of any literal
  if (!image && peek() == '<') {  // <https://…> or <user@host>: not prose
    const uint32_t begin = pos_;
    while (pos_ < limit_ && src_[pos_] != '>') ++pos_;
    if (pos_ < limit_) ++pos_;
    placeholder({begin, pos_});
    return false;
  }
  if (image && peek() == '!' && peek(1) == '[') {
    pos_ += 2;
    return true;
  }
  if (!image && peek() == '[') {
    ++pos_;
    return true;
  }
  // GFM extended autolink (www.…, https://…, user@host): its text is the source itself.
  cmark_node* child = cmark_node_first_child(node);
  uint32_t begin;
  if (child && align(literal_of(child), false, false, begin)) placeholder({begin, pos_});
  return false;
}

void InlineAligner::link_close() {
  skip_blanks();
  if (peek() != ']') return;
  ++pos_;
  if (peek() == '(') {  // inline destination and title: skip, honouring escapes and quotes
    int depth = 0;
    char quote = '\0';
    for (; pos_ < limit_; ++pos_) {
      const char c = src_[pos_];
      if (c == '\\') {
        ++pos_;
      } else if (quote) {
        if (c == quote) quote = '\0';
      } else if ((c == '"' || c == '\'') && is_blank(src_[pos_ - 1])) {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        ++pos_;
        break;
      }
    }
  } else if (peek() == '[') {  // full or collapsed reference
    while (pos_ < limit_ && src_[pos_] != ']' && !is_line_end(src_[pos_])) ++pos_;
    if (peek() == ']') ++pos_;
  }
}

bool InlineAligner::enter(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      text(literal_of(node));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      line_break();
      break;
    case CMARK_NODE_CODE:
      code_span();
      break;
    case CMARK_NODE_HTML_INLINE:
      raw_html(literal_of(node));
      break;
    case CMARK_NODE_EMPH:
      delimiters('*', '_', 1);
      break;
    case CMARK_NODE_STRONG:
      delimiters('*', '_', 2);
      break;
    case CMARK_NODE_LINK:
      return link_open(node, false);
    case CMARK_NODE_IMAGE:
      return link_open(node, true);
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      footnote_reference();
      break;
    default:
      if (is_strikethrough(node)) {
        unsigned width = 0;
        while (peek() == '~') ++pos_, ++width;
        strike_widths_.push_back(width);
      }
      break;
  }
  return true;
}

void InlineAligner::exit(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_EMPH:
      delimiters('*', '_', 1);
      break;
    case CMARK_NODE_STRONG:
      delimiters('*', '_', 2);
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      link_close();
      break;
    default:
      if (is_strikethrough(node) && !strike_widths_.empty()) {
        delimiters('~', '~', strike_widths_.back());
        strike_widths_.pop_back();
      }
      break;
  }
}

// In the order of cmark's iterator, without allocating one per block: a node is entered, then its
// children, then exited (exit does nothing for leaves); a node whose children are skipped is not
// exited, as after cmark_iter_reset to its exit.
void InlineAligner::walk(cmark_node* block) {
  cmark_node* node = cmark_node_first_child(block);
  while (node) {
    if (enter(node)) {
      if (cmark_node* child = cmark_node_first_child(node)) {
        node = child;
        continue;
      }
      exit(node);
    }
    while (!cmark_node_next(node)) {
      node = cmark_node_parent(node);
      if (node == block) return;
      exit(node);
    }
    node = cmark_node_next(node);
  }
}

// Where a block's inline content starts in the source: after an ATX heading's opening hashes.
uint32_t content_start(std::string_view src, ByteSpan block, ProseRun::Block kind) {
  if (kind != ProseRun::Block::heading) return block.begin;
  // An ATX heading opens with 1-6 '#' and a blank or line end; otherwise it is a setext heading.
  uint32_t p = block.begin;
  while (p < block.end && is_blank(src[p])) ++p;
  uint32_t hashes = p;
  while (hashes < block.end && src[hashes] == '#') ++hashes;
  const bool atx = hashes > p && hashes - p <= 6 &&
                   (hashes == block.end || is_blank(src[hashes]) || is_line_end(src[hashes]));
  if (!atx) return block.begin;
  while (hashes < block.end && is_blank(src[hashes])) ++hashes;
  return hashes;
}

}  // namespace

ProseRun build_prose_run(const Document& doc, std::string_view parsed, cmark_node* block,
                         ProseRun::Block kind) {
  ProseRun run(block, kind);
  const ByteSpan span = doc.block_span(block);
  if (span.empty()) return run;  // no position: nothing can be mapped back to the source
  run.reserve(span.size());      // the text is the source less its markup: one allocation
  int quote_depth = 0;
  for (cmark_node* n = cmark_node_parent(block); n; n = cmark_node_parent(n))
    quote_depth += cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE;
  InlineAligner(parsed, content_start(parsed, span, kind), span.end, quote_depth, run).walk(block);
  return run;
}

}  // namespace hanmark
