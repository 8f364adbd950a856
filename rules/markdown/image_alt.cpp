// image-alt: images without a real text alternative, in Markdown (`![alt](src)`) and raw HTML
// (`<img>`).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "markdown/entities.h"
#include "markdown/html_comments.h"
#include "markdown/links.h"
#include "markdown/node.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "image-alt",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "images with no alt text, placeholder alt text or their file name as alt text",
};

// Compared after trimming, collapsing blanks and ASCII lower-casing.
constexpr std::string_view kPlaceholders[] = {
    "alt text", "alt",    "image", "img",  "picture",  "photo", "screenshot",
    "figure",   "이미지", "사진",  "그림", "스크린샷", "캡처",  "대체 텍스트",
};

constexpr std::string_view kDescribeNote =
    "describe what the image shows; screen readers, search engines and readers whose images do "
    "not load get only this text (이미지가 보여 주는 내용을 적어 주세요)";

constexpr std::string_view kDecorativeNote =
    "mark a purely decorative image as such: alt=\"\" role=\"presentation\"";

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

ByteSpan trim_span(std::string_view src, ByteSpan span) {
  while (span.begin < span.end && is_blank(src[span.begin])) ++span.begin;
  while (span.end > span.begin && is_blank(src[span.end - 1])) --span.end;
  return span;
}

// Trimmed, blanks collapsed to one space, ASCII lower-cased: the form placeholders compare in.
std::string fold(std::string_view s) {
  std::string out;
  bool blank = false;
  for (char c : trim(s)) {
    if (is_blank(c)) {
      blank = true;
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += lower(c);
  }
  return out;
}

// Backslash escapes and entities decoded, as cmark decodes text and attribute values.

// Only the letters, digits and other non-ASCII-punctuation: enough to tell which source image an
// AST image is, whatever escapes, entities, emphasis or code spans its alt text uses.
std::string skeleton(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!is_blank(c) && !is_ascii_punct(c)) out += c;
  return out;
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The file name at the end of an image address: "assets/chart.png?v=2" → "chart.png".
std::string file_name_of(std::string_view url) {
  if (url.starts_with("data:")) return {};
  url = url.substr(0, url.find_first_of("?#"));
  const size_t slash = url.find_last_of("/\\");
  if (slash != std::string_view::npos) url.remove_prefix(slash + 1);
  return percent_decode(url);
}

// True when `alt` is the image's file name, with or without its extension.
bool is_file_name(std::string_view alt, std::string_view url) {
  const std::string name = fold(file_name_of(url));
  if (name.empty()) return false;
  const std::string folded = fold(alt);
  if (folded == name) return true;
  const size_t dot = name.rfind('.');
  return dot != std::string::npos && dot > 0 && folded == std::string_view(name).substr(0, dot);
}

bool is_placeholder(std::string_view alt) {
  const std::string folded = fold(alt);
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), folded) !=
         std::end(kPlaceholders);
}

// ---------------------------------------------------------------------------------------------
// Markdown images. cmark's inline positions are not source offsets, so the images of a block
// are found again in its source by a small bracket scanner and matched to the AST in order.

struct SourceImage {
  uint32_t open;     // the '!'
  ByteSpan alt;      // between "![" and "]"
  uint32_t end;      // after ")" or the reference label's "]"
  bool inline_link;  // "(dest title)" follows
  std::string dest;  // decoded destination of an inline image
};

// "(dest "title")" starting at `p` (the '('): sets `end` after ')' and `dest`.
bool parse_inline_destination(std::string_view src, uint32_t p, uint32_t limit, uint32_t& end,
                              std::string& dest) {
  uint32_t q = p + 1;
  auto skip_blanks = [&] {
    while (q < limit && is_blank(src[q])) ++q;
  };
  skip_blanks();
  const uint32_t dest_begin = q;
  uint32_t dest_end = q;
  if (q < limit && src[q] == '<') {
    ++q;
    while (q < limit && src[q] != '>' && src[q] != '\n' && src[q] != '<')
      q += src[q] == '\\' ? 2 : 1;
    if (q >= limit || src[q] != '>') return false;
    dest = decode_references(src.substr(dest_begin + 1, q - dest_begin - 1), true);
    ++q;
  } else {
    int depth = 0;
    while (q < limit && !is_blank(src[q])) {
      if (src[q] == '\\' && q + 1 < limit) {
        q += 2;
        continue;
      }
      if (src[q] == '(') ++depth;
      if (src[q] == ')' && depth-- == 0) break;
      ++q;
    }
    dest_end = std::min(q, limit);
    dest = decode_references(src.substr(dest_begin, dest_end - dest_begin), true);
  }
  skip_blanks();
  if (q < limit && (src[q] == '"' || src[q] == '\'' || src[q] == '(')) {
    const char close = src[q] == '(' ? ')' : src[q];
    ++q;
    while (q < limit && src[q] != close) q += src[q] == '\\' ? 2 : 1;
    if (q >= limit) return false;
    ++q;
    skip_blanks();
  }
  if (q >= limit || src[q] != ')') return false;
  end = q + 1;
  return true;
}

// Every "![…]" of src[begin, limit) with its brackets matched, skipping escapes and code spans.
std::vector<SourceImage> scan_images(std::string_view src, uint32_t begin, uint32_t limit) {
  struct Open {
    uint32_t at;  // the '['
    bool image;
  };
  std::vector<Open> stack;
  std::vector<SourceImage> images;
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
      stack.push_back({p + 1, true});
      p += 2;
    } else if (c == '[') {
      stack.push_back({p, false});
      ++p;
    } else if (c == ']') {
      if (!stack.empty()) {
        const Open open = stack.back();
        stack.pop_back();
        if (open.image) images.push_back({open.at - 1, {open.at + 1, p}, p + 1, false, {}});
      }
      ++p;
    } else {
      ++p;
    }
  }
  for (SourceImage& image : images) {
    const uint32_t after = image.alt.end + 1;
    if (after < limit && src[after] == '(') {
      image.inline_link = parse_inline_destination(src, after, limit, image.end, image.dest);
    } else if (after < limit && src[after] == '[') {
      uint32_t q = after + 1;
      while (q < limit && src[q] != ']') q += src[q] == '\\' ? 2 : 1;
      if (q < limit) image.end = q + 1;
    }
  }
  std::sort(images.begin(), images.end(),
            [](const SourceImage& a, const SourceImage& b) { return a.open < b.open; });
  return images;
}

// The source range to scan for the images of a prose block (a table cell ends at its pipe;
// empty for a block cmark gave no position).
ByteSpan scan_range(const Document& doc, cmark_node* block) {
  return doc.block_span(block);
}

void check_markdown_image(const Document& doc, DiagnosticSink& sink, cmark_node* image,
                          const SourceImage& where) {
  const std::string alt_text = plain_text(image);
  const std::string_view alt = trim(alt_text);
  const char* url_c = cmark_node_get_url(image);
  const std::string_view url = url_c ? url_c : "";
  const ByteSpan alt_span = trim_span(doc.source(), where.alt);
  if (alt.empty() || alt_span.empty()) {
    sink.report({where.open, where.end}, "image has no alt text").notes.emplace_back(kDescribeNote);
  } else if (is_placeholder(alt)) {
    sink.report(alt_span, "image has placeholder alt text '" + std::string(alt) + "'")
        .notes.emplace_back(kDescribeNote);
  } else if (is_file_name(alt, url)) {
    sink.report(alt_span, "image alt text is its file name '" + std::string(alt) + "'")
        .notes.emplace_back(kDescribeNote);
  }
}

void check_markdown_images(const Document& doc, DiagnosticSink& sink, const ProseRun& run) {
  // An image in another image's alt text is rendered as text, not as an image: it is skipped, in
  // the AST and in the source, which also keeps deeply nested images linear (every alt text
  // would otherwise hold all the images inside it).
  // An image is written "![…": a block whose source has no such pair has none, and its inline
  // content (most of a post's nodes) need not be walked.
  const std::string_view src = doc.source();
  const ByteSpan range = scan_range(doc, run.block());
  if (!range.empty() &&
      src.substr(range.begin, range.end - range.begin).find("![") == std::string_view::npos)
    return;
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(run.block());
  cmark_event_type event;
  int inside_image = 0;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (cmark_node_get_type(node) != CMARK_NODE_IMAGE) continue;
    if (event == CMARK_EVENT_ENTER && inside_image++ == 0) nodes.push_back(node);
    if (event == CMARK_EVENT_EXIT) --inside_image;
  }
  cmark_iter_free(iter);
  if (nodes.empty()) return;

  std::vector<SourceImage> found;
  uint32_t inside_until = 0;  // the end of the alt text of the last image with a destination
  for (SourceImage& image : scan_images(src, range.begin, range.end)) {
    if (image.open < inside_until) continue;
    if (image.inline_link) inside_until = image.alt.end;
    found.push_back(std::move(image));
  }
  // Bracket text that is no image ("![" without a destination around a real image) leaves
  // candidates whose alt texts nest; comparing each in full would be quadratic, so the bytes
  // compared per block are capped at a multiple of its size. Past the cap the remaining images
  // go unchecked rather than risk reporting a span that is not theirs.
  size_t budget = 16 * size_t{range.end - range.begin} + 4096;
  size_t cursor = 0;
  for (cmark_node* node : nodes) {
    const std::string key = skeleton(plain_text(node));
    const char* url = cmark_node_get_url(node);
    // The same alt text, and the same address when the source image has an inline one.
    std::optional<size_t> match;
    for (size_t i = cursor; i < found.size() && !match; ++i) {
      const SourceImage& candidate = found[i];
      if (candidate.alt.size() > budget) return;
      budget -= candidate.alt.size();
      if (skeleton(decode_references(doc.slice(candidate.alt), true)) != key) continue;
      if (!candidate.inline_link || candidate.dest == (url ? url : "")) match = i;
    }
    if (!match) continue;  // never report a span that is not the image's own
    cursor = *match + 1;
    check_markdown_image(doc, sink, node, found[*match]);
  }
}

// ---------------------------------------------------------------------------------------------
// Raw HTML <img> tags.

struct ImgTag {
  ByteSpan tag;
  bool has_alt = false;
  ByteSpan alt_value;  // the value's bytes, without quotes
  std::string alt;     // decoded
  std::string src;
  bool decorative = false;  // role="presentation"/"none" or aria-hidden="true"
};

// The <img> tag opening at `p` ('<'), when there is one.
std::optional<ImgTag> parse_img(std::string_view src, uint32_t p, uint32_t limit) {
  if (p + 4 >= limit || src[p] != '<' || lower(src[p + 1]) != 'i' || lower(src[p + 2]) != 'm' ||
      lower(src[p + 3]) != 'g')
    return std::nullopt;
  uint32_t q = p + 4;
  if (!is_blank(src[q]) && src[q] != '/' && src[q] != '>') return std::nullopt;
  ImgTag img;
  std::string role, aria_hidden;
  while (q < limit) {
    while (q < limit && (is_blank(src[q]) || src[q] == '/')) ++q;
    if (q >= limit) return std::nullopt;
    if (src[q] == '>') {
      img.tag = {p, q + 1};
      img.decorative =
          img.decorative || role == "presentation" || role == "none" || aria_hidden == "true";
      return img;
    }
    const uint32_t name_begin = q;
    while (q < limit && !is_blank(src[q]) && src[q] != '=' && src[q] != '>' && src[q] != '/' &&
           src[q] != '"' && src[q] != '\'')
      ++q;
    if (q == name_begin) return std::nullopt;  // a stray quote: not a tag
    std::string name;
    for (char c : src.substr(name_begin, q - name_begin)) name += lower(c);
    uint32_t r = q;
    while (r < limit && is_blank(src[r])) ++r;
    ByteSpan value{q, q};
    if (r < limit && src[r] == '=') {
      ++r;
      while (r < limit && is_blank(src[r])) ++r;
      if (r < limit && (src[r] == '"' || src[r] == '\'')) {
        const char quote = src[r];
        const size_t close = src.substr(0, limit).find(quote, r + 1);
        if (close == std::string_view::npos) return std::nullopt;
        value = {r + 1, static_cast<uint32_t>(close)};
        q = static_cast<uint32_t>(close) + 1;
      } else {
        const uint32_t value_begin = r;
        while (r < limit && !is_blank(src[r]) && src[r] != '>') ++r;
        value = {value_begin, r};
        q = r;
      }
    }
    const std::string decoded = decode_references(src.substr(value.begin, value.size()), false);
    if (name == "alt") {
      img.has_alt = true;
      img.alt_value = value;
      img.alt = decoded;
    } else if (name == "src") {
      img.src = decoded;
    } else if (name == "role") {
      role = fold(decoded);
    } else if (name == "aria-hidden") {
      aria_hidden = fold(decoded);
    }
  }
  return std::nullopt;
}

void check_img(const Document& doc, DiagnosticSink& sink, const ImgTag& img) {
  // Hidden from assistive technology on purpose: nothing to describe (as markdownlint MD045).
  if (img.decorative) return;
  const std::string_view alt = trim(img.alt);
  if (!img.has_alt) {
    auto& d = sink.report(img.tag, "<img> has no alt attribute");
    d.notes.emplace_back(kDescribeNote);
    d.notes.emplace_back(kDecorativeNote);
  } else if (alt.empty()) {
    auto& d = sink.report(img.tag, "<img> has an empty alt attribute");
    d.notes.emplace_back(kDescribeNote);
    d.notes.emplace_back(kDecorativeNote);
  } else if (is_placeholder(alt)) {
    sink.report(trim_span(doc.source(), img.alt_value),
                "<img> has placeholder alt text '" + std::string(alt) + "'")
        .notes.emplace_back(kDescribeNote);
  } else if (is_file_name(alt, img.src)) {
    sink.report(trim_span(doc.source(), img.alt_value),
                "<img> alt text is its file name '" + std::string(alt) + "'")
        .notes.emplace_back(kDescribeNote);
  }
}

void check_html_block(const Document& doc, DiagnosticSink& sink, cmark_node* block) {
  const std::string_view src = doc.source();
  const ByteSpan region = html_block_span(doc, block);
  const std::string_view text = doc.slice(region);
  if (fold(text.substr(0, 7)).starts_with("<script") || fold(text.substr(0, 6)) == "<style") return;
  const std::vector<HtmlComment> comments = html_comments_in_block(doc, block);
  size_t next_comment = 0;
  for (uint32_t p = region.begin; p < region.end; ++p) {
    if (next_comment < comments.size() && p >= comments[next_comment].span.begin) {
      p = comments[next_comment++].span.end - 1;  // skip the comment
      continue;
    }
    if (src[p] != '<') continue;
    // A tag may run past a wrongly computed line end; allow it to the end of the file.
    if (auto img = parse_img(src, p, static_cast<uint32_t>(src.size()))) {
      check_img(doc, sink, *img);
      p = img->tag.end - 1;
    }
  }
}

class ImageAlt final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      check_markdown_images(doc, sink, run);
      for (const ProseRun::Piece& piece : run.pieces()) {
        if (piece.verbatim || run.text().compare(piece.text_begin, 3, kObjectReplacement) != 0)
          continue;
        if (auto img = parse_img(doc.source(), piece.source.begin, piece.source.end))
          check_img(doc, sink, *img);
      }
    }
    visit_blocks(doc.root(), [&](cmark_node* node) {
      if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) check_html_block(doc, sink, node);
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_image_alt() {
  return std::make_unique<ImageAlt>();
}

}  // namespace hanmark
