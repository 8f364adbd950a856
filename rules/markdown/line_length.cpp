// line-length: lines wider than a limit, counted in terminal columns (Hangul and other East Asian
// wide characters take two), markdownlint MD013 style. Off by default: Korean posts often keep a
// paragraph on one line.
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/node.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleOption kOptions[] = {
    {.name = "line-length",
     .default_value = "80",
     .description = "the widest a line may be, in columns (Hangul and other wide characters take "
                    "two, a tab goes to the next stop of 8)",
     .min = 1},
    {.name = "code-blocks",
     .default_value = "true",
     .description = "check the lines of fenced and indented code blocks"},
    {.name = "tables",
     .default_value = "false",
     .description = "check table rows (a GFM table row cannot be wrapped)"},
    {.name = "headings", .default_value = "true", .description = "check headings"},
    {.name = "strict",
     .default_value = "false",
     .description = "also report a line whose part past the limit has no space in it (one long "
                    "word or URL that wrapping cannot shorten)"},
};

constexpr RuleInfo kInfo{
    .id = "line-length",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "lines wider than 80 columns, Hangul counted as two",
    .options = kOptions,
    .enabled_by_default = false,
};

struct Options {
  uint32_t line_length = 80;
  bool code_blocks = true;
  bool tables = false;
  bool headings = true;
  bool strict = false;
};

enum class Line : unsigned char { text, code, table, heading, front_matter };

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// The kind of every line (1-based; index 0 unused), from the blocks that cover it.
std::vector<Line> line_kinds(const Document& doc) {
  const LineIndex& lines = doc.lines();
  std::vector<Line> kinds(lines.line_count() + 1, Line::text);
  auto mark = [&](ByteSpan span, Line kind) {
    if (span.empty()) return;
    const uint32_t last = lines.line_of(span.end - 1);
    for (uint32_t l = lines.line_of(span.begin); l <= last && l < kinds.size(); ++l)
      kinds[l] = kind;
  };
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE_BLOCK) {
      mark(doc.block_span(node), Line::code);
    } else if (type == CMARK_NODE_HEADING) {
      mark(doc.block_span(node), Line::heading);
    } else if (is_type(node, "table")) {
      mark(doc.block_span(node), Line::table);
      cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
    }
  }
  cmark_iter_free(iter);
  if (const auto& fm = doc.front_matter()) mark(fm->span, Line::front_matter);
  return kinds;
}

// The line without its container prefix: indentation, block quote markers and list markers.
std::string_view without_prefix(std::string_view line) {
  for (;;) {
    const size_t before = line.size();
    while (!line.empty() && (is_blank(line.front()) || line.front() == '>')) line.remove_prefix(1);
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
        is_blank(line[1]))
      line.remove_prefix(2);
    size_t digits = 0;
    while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9')
      ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        is_blank(line[digits + 1]))
      line.remove_prefix(digits + 2);
    if (line.size() == before) return line;
  }
}

// End of the bracketed group opening at `at` (`[…]` or `(…)`, nested, with backslash escapes),
// or npos.
size_t group_end(std::string_view s, size_t at) {
  const char open = s[at];
  const char close = open == '[' ? ']' : ')';
  int depth = 0;
  for (size_t i = at; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == open) {
      ++depth;
    } else if (s[i] == close && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// True for a link reference definition (`[label]: https://…`); footnote definitions (`[^1]:`)
// are prose.
bool is_reference_definition(std::string_view rest) {
  if (rest.size() < 2 || rest[0] != '[' || rest[1] == '^') return false;
  const size_t end = group_end(rest, 0);
  return end != std::string_view::npos && end < rest.size() && rest[end] == ':';
}

// True when the line holds nothing but one link, image, linked image, `<…>` autolink or URL
// (possibly emphasized): wrapping cannot shorten it.
bool is_lone_link(std::string_view rest) {
  rest = trim(rest);
  while (rest.size() >= 2 && (rest.front() == '*' || rest.front() == '_') &&
         rest.back() == rest.front()) {
    rest.remove_prefix(1);
    rest.remove_suffix(1);
  }
  if (rest.empty()) return false;
  if (rest.front() == '<') return rest.back() == '>' && rest.find(' ') == std::string_view::npos;
  if (rest.find("://") != std::string_view::npos &&
      rest.find_first_of(" \t") == std::string_view::npos)
    return true;
  size_t at = rest.front() == '!' ? 1 : 0;
  if (at >= rest.size() || rest[at] != '[') return false;
  at = group_end(rest, at);
  if (at == std::string_view::npos) return false;
  if (at < rest.size() && (rest[at] == '(' || rest[at] == '[')) at = group_end(rest, at);
  return at == rest.size();
}

class LineLength final : public Rule {
 public:
  explicit LineLength(Options options) : options_(options) {}

  const RuleInfo& info() const override { return kInfo; }

  std::unique_ptr<Rule> configure(const RuleOptionValues& values) const override {
    Options options;
    options.line_length = static_cast<uint32_t>(
        values.get<int64_t>("line-length", static_cast<int64_t>(options.line_length)));
    options.code_blocks = values.get<bool>("code-blocks", options.code_blocks);
    options.tables = values.get<bool>("tables", options.tables);
    options.headings = values.get<bool>("headings", options.headings);
    options.strict = values.get<bool>("strict", options.strict);
    return std::make_unique<LineLength>(options);
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const LineIndex& lines = doc.lines();
    const std::string_view src = doc.source();
    const std::vector<Line> kinds = line_kinds(doc);
    for (uint32_t l = 1; l <= lines.line_count(); ++l) {
      const Line kind = kinds[l];
      if (!checked(kind)) continue;
      ByteSpan content = lines.line_content(l);
      // Trailing blanks are trailing-space's business, not width.
      while (content.end > content.begin && is_blank(src[content.end - 1])) --content.end;
      // No character is wider than its UTF-8 bytes, so only a tab lets a short line overflow.
      const std::string_view bytes = doc.slice(content);
      if (bytes.size() <= options_.line_length && bytes.find('\t') == std::string_view::npos)
        continue;
      const uint32_t width = lines.display_column(content.end);
      if (width <= options_.line_length) continue;
      const std::string_view line = doc.slice(content);
      if (kind == Line::text) {
        const std::string_view rest = without_prefix(line);
        if (is_reference_definition(rest) || is_lone_link(rest)) continue;
      }
      const ByteSpan overflow{overflow_begin(src, content), content.end};
      // Like MD013: past the limit there must be a space to wrap at, unless strict.
      if (!options_.strict && doc.slice(overflow).find_first_of(" \t") == std::string_view::npos)
        continue;
      Diagnostic& d = sink.report(overflow, "line is " + std::to_string(width) +
                                                " columns wide; the limit is " +
                                                std::to_string(options_.line_length));
      d.notes.emplace_back(advice(kind));
    }
  }

 private:
  std::string advice(Line kind) const {
    switch (kind) {
      case Line::code:
        return "break the code line; long code lines make readers scroll sideways";
      case Line::table:
        return "a table row cannot be wrapped: shorten its cells";
      case Line::heading:
        return "a heading cannot be wrapped: shorten it";
      default:
        return "break the line at a space before column " +
               std::to_string(options_.line_length + 1) +
               ": Markdown joins the lines of a paragraph again (줄을 나눠도 한 문단으로 "
               "이어집니다)";
    }
  }

  bool checked(Line kind) const {
    switch (kind) {
      case Line::front_matter:
        return false;
      case Line::code:
        return options_.code_blocks;
      case Line::table:
        return options_.tables;
      case Line::heading:
        return options_.headings;
      case Line::text:
        return true;
    }
    return true;
  }

  // The first character that ends past the limit (a wide character straddling it counts).
  uint32_t overflow_begin(std::string_view src, ByteSpan content) const {
    uint32_t cells = 0;
    for (uint32_t i = content.begin; i < content.end;) {
      const utf8::Decoded d = utf8::decode(src, i);
      cells = d.code_point == '\t'
                  ? (cells / 8 + 1) * 8
                  : cells + static_cast<uint32_t>(utf8::display_width(d.code_point));
      if (cells > options_.line_length) return i;
      i += d.length;
    }
    return content.end;
  }

  Options options_;
};

}  // namespace

std::unique_ptr<Rule> make_line_length() {
  return std::make_unique<LineLength>(Options{});
}

}  // namespace hanmark
