#include "markdown/links.h"

#include <algorithm>
#include <map>
#include <optional>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "markdown/entities.h"
#include "markdown/html_comments.h"
#include "markdown/html_tags.h"
#include "markdown/node.h"

namespace hanmark {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}

struct Candidate {
  ByteSpan span;
  std::string url;
  bool image;
  bool used = false;
};

// Past the blanks and at most one line ending (with a block quote's '>' markers) at `q`.
uint32_t skip_link_whitespace(std::string_view src, uint32_t q, uint32_t limit) {
  while (q < limit && is_blank(src[q])) ++q;
  if (q < limit && is_line_end(src[q])) {
    q += (src[q] == '\r' && q + 1 < limit && src[q + 1] == '\n') ? 2 : 1;
    while (q < limit && (is_blank(src[q]) || src[q] == '>')) ++q;
  }
  return q;
}

// The destination of a link written as `dest` or `<dest>` at `q`; sets `end` after it.
std::optional<ByteSpan> destination_at(std::string_view src, uint32_t q, uint32_t limit,
                                       uint32_t& end) {
  if (q < limit && src[q] == '<') {
    const uint32_t begin = ++q;
    while (q < limit && src[q] != '>' && src[q] != '<' && !is_line_end(src[q]))
      q += (src[q] == '\\' && q + 1 < limit) ? 2 : 1;
    if (q >= limit || src[q] != '>') return std::nullopt;
    end = q + 1;
    return ByteSpan{begin, q};
  }
  const uint32_t begin = q;
  int depth = 0;
  while (q < limit && !is_blank(src[q]) && !is_line_end(src[q])) {
    if (src[q] == '\\' && q + 1 < limit && is_ascii_punct(src[q + 1])) {
      q += 2;
      continue;
    }
    if (src[q] == '(') ++depth;
    if (src[q] == ')' && depth-- == 0) break;
    ++q;
  }
  end = q;
  return ByteSpan{begin, q};
}

// `(dest "title")` at `p` (the '('): the destination, when the whole is well formed.
std::optional<ByteSpan> inline_destination(std::string_view src, uint32_t p, uint32_t limit) {
  uint32_t q = skip_link_whitespace(src, p + 1, limit);
  uint32_t after = q;
  const std::optional<ByteSpan> dest = destination_at(src, q, limit, after);
  if (!dest) return std::nullopt;
  q = skip_link_whitespace(src, after, limit);
  if (q < limit && q > after && (src[q] == '"' || src[q] == '\'' || src[q] == '(')) {
    const char close = src[q] == '(' ? ')' : src[q];
    ++q;
    while (q < limit && src[q] != close) q += (src[q] == '\\' && q + 1 < limit) ? 2 : 1;
    if (q >= limit) return std::nullopt;
    q = skip_link_whitespace(src, q + 1, limit);
  }
  if (q >= limit || src[q] != ')') return std::nullopt;
  return dest;
}

// Every `[…](dest)` and `![…](dest)` of src[begin, limit), brackets matched, escapes and code
// spans skipped.
std::vector<Candidate> inline_candidates(std::string_view src, uint32_t begin, uint32_t limit) {
  std::vector<bool> opens;  // true for "!["
  std::vector<Candidate> found;
  for (uint32_t p = begin; p < limit;) {
    const char c = src[p];
    if (c == '\\') {
      p += (p + 1 < limit && is_ascii_punct(src[p + 1])) ? 2 : 1;
    } else if (c == '`') {
      const uint32_t length = code_span_length(src, p, limit);
      if (length) {
        p += length;
      } else {
        while (p < limit && src[p] == '`') ++p;
      }
    } else if (c == '!' && p + 1 < limit && src[p + 1] == '[') {
      opens.push_back(true);
      p += 2;
    } else if (c == '[') {
      opens.push_back(false);
      ++p;
    } else if (c == ']' && !opens.empty()) {
      const bool image = opens.back();
      opens.pop_back();
      if (p + 1 < limit && src[p + 1] == '(') {
        if (const auto dest = inline_destination(src, p + 1, limit))
          found.push_back(
              {*dest, decode_references(src.substr(dest->begin, dest->size()), true), image});
      }
      ++p;
    } else {
      ++p;
    }
  }
  return found;
}

// Link reference definitions (`[label]: dest`), outside code, HTML blocks and front matter.
std::vector<Candidate> definitions(const Document& doc) {
  std::vector<ByteSpan> excluded;
  if (doc.front_matter()) excluded.push_back(doc.front_matter()->span);
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
      excluded.push_back(doc.block_span(node));
    else if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK)
      excluded.push_back(html_block_span(doc, node));
  }
  cmark_iter_free(iter);

  std::sort(excluded.begin(), excluded.end(),
            [](ByteSpan a, ByteSpan b) { return a.begin < b.begin; });

  const std::string_view src = doc.source();
  const LineIndex& lines = doc.lines();
  std::vector<Candidate> found;
  size_t next_excluded = 0;  // lines and excluded spans both go forward: one sweep
  for (uint32_t line = 1; line <= lines.line_count(); ++line) {
    const ByteSpan content = lines.line_content(line);
    while (next_excluded < excluded.size() && excluded[next_excluded].end < content.begin)
      ++next_excluded;
    bool skip = false;
    for (size_t i = next_excluded; i < excluded.size() && excluded[i].begin <= content.end; ++i)
      skip = skip || excluded[i].overlaps(content) || excluded[i].contains(content.begin);
    if (skip) continue;
    uint32_t p = content.begin;
    while (p < content.end && (is_blank(src[p]) || src[p] == '>')) ++p;
    if (p + 1 >= content.end || src[p] != '[' || src[p + 1] == '^') continue;
    uint32_t q = p + 1;
    while (q < content.end && src[q] != ']' && src[q] != '[')
      q += (src[q] == '\\' && q + 1 < content.end) ? 2 : 1;
    if (q + 1 >= content.end || src[q] != ']' || src[q + 1] != ':' || q == p + 1) continue;
    q = skip_link_whitespace(src, q + 2, static_cast<uint32_t>(src.size()));
    uint32_t end = q;
    const std::optional<ByteSpan> dest =
        destination_at(src, q, static_cast<uint32_t>(src.size()), end);
    if (!dest || dest->empty()) continue;
    found.push_back({*dest, decode_references(src.substr(dest->begin, dest->size()), true), false});
  }
  return found;
}

void add_html_destinations(std::string_view html, uint32_t offset,
                           const std::function<bool(std::string_view)>& wanted,
                           std::vector<LinkDestination>& out) {
  for_each_html_tag(html, [&](const HtmlTag& tag) {
    const bool image = tag.name == "img";
    if (!image && tag.name != "a") return;
    const HtmlAttribute* a = tag.attribute(image ? "src" : "href");
    if (!a || !wanted(a->value)) return;
    out.push_back({LinkDestination::Kind::html,
                   image,
                   a->value,
                   {offset + static_cast<uint32_t>(a->value_begin),
                    offset + static_cast<uint32_t>(a->value_end)}});
  });
}

}  // namespace

std::vector<LinkDestination> link_destinations(
    const Document& doc, const std::function<bool(std::string_view url)>& wanted) {
  std::vector<LinkDestination> out;
  std::map<std::string, bool> references;  // url → whether every link using it is an image

  for (const ProseRun& run : doc.prose()) {
    std::vector<std::pair<std::string, bool>> nodes;  // url, image
    visit_nodes(run.block(), [&](cmark_node* node) {
      const cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
        const char* url = cmark_node_get_url(node);
        if (url && wanted(url)) nodes.emplace_back(url, type == CMARK_NODE_IMAGE);
      }
      return true;
    });

    // Raw inline HTML stands in prose as one placeholder piece with its exact source.
    for (const ProseRun::Piece& piece : run.pieces()) {
      if (piece.verbatim || run.text().compare(piece.text_begin, 3, kObjectReplacement) != 0)
        continue;
      const std::string_view html = doc.slice(piece.source);
      if (html.starts_with('<')) add_html_destinations(html, piece.source.begin, wanted, out);
    }
    if (nodes.empty()) continue;

    const ByteSpan block = doc.block_span(run.block());
    std::vector<Candidate> candidates = inline_candidates(doc.source(), block.begin, block.end);
    for (const auto& [url, image] : nodes) {
      // Init-captures: clang before 16 cannot capture structured bindings.
      auto match = std::find_if(candidates.begin(), candidates.end(),
                                [&url = url, image = image](const Candidate& c) {
                                  return !c.used && c.image == image && c.url == url;
                                });
      if (match != candidates.end()) {
        match->used = true;
        out.push_back({LinkDestination::Kind::inline_link, image, url, match->span});
      } else {
        auto [it, inserted] = references.try_emplace(url, image);
        if (!inserted) it->second = it->second && image;
      }
    }
  }

  if (!references.empty()) {
    for (const Candidate& definition : definitions(doc)) {
      const auto it = references.find(definition.url);
      if (it == references.end()) continue;
      out.push_back(
          {LinkDestination::Kind::reference, it->second, definition.url, definition.span});
    }
  }

  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK) continue;
    const ByteSpan region = html_block_span(doc, node);
    add_html_destinations(doc.slice(region), region.begin, wanted, out);
  }
  cmark_iter_free(iter);

  std::sort(out.begin(), out.end(), [](const LinkDestination& a, const LinkDestination& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

uint32_t code_span_length(std::string_view src, uint32_t p, uint32_t limit) {
  uint32_t width = 0;
  while (p + width < limit && src[p + width] == '`') ++width;
  for (uint32_t q = p + width; q < limit;) {
    if (src[q] != '`') {
      ++q;
      continue;
    }
    uint32_t run = 0;
    while (q < limit && src[q] == '`') ++q, ++run;
    if (run == width) return q - p;
  }
  return 0;
}

}  // namespace hanmark
