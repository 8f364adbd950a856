// trailing-space: spaces and tabs at the end of a line, except the two spaces of a hard line break;
// code blocks and front matter are left alone.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "markdown/node.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "trailing-space",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::always,
    .summary = "spaces and tabs at line ends, except a two-space hard line break",
};

enum class Line : unsigned char { other, skip, break_allowed };

bool contains_pre(std::string_view html) {
  std::string lower(html);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("<pre") != std::string::npos || lower.find("<textarea") != std::string::npos;
}

class TrailingSpace final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const LineIndex& lines = doc.lines();
    const std::string_view src = doc.source();
    // Index 0 unused: lines are 1-based.
    std::vector<Line> kind(lines.line_count() + 1, Line::other);
    auto mark = [&](uint32_t first, uint32_t last, Line k) {
      for (uint32_t l = first; l <= last && l < kind.size(); ++l)
        if (kind[l] != Line::skip) kind[l] = k;
    };
    auto line_range = [&](ByteSpan span, uint32_t& first, uint32_t& last) {
      first = lines.line_of(span.begin);
      last = lines.line_of(span.end > span.begin ? span.end - 1 : span.begin);
    };

    if (const auto& fm = doc.front_matter()) {
      uint32_t first = 0, last = 0;
      line_range(fm->span, first, last);
      mark(first, last, Line::skip);
    }
    visit_blocks(doc.root(), [&](cmark_node* node) {
      const cmark_node_type type = cmark_node_get_type(node);
      const bool code = type == CMARK_NODE_CODE_BLOCK;
      const bool pre =
          type == CMARK_NODE_HTML_BLOCK && contains_pre(doc.slice(doc.block_span(node)));
      const bool paragraph = type == CMARK_NODE_PARAGRAPH;
      if (!code && !pre && !paragraph) return;
      const ByteSpan span = doc.block_span(node);
      if (span.empty() && cmark_node_get_start_line(node) < 1) return;
      uint32_t first = 0, last = 0;
      line_range(span, first, last);
      if (code || pre) {
        // cmark ends an indented code block at its last non-blank line; its interior is content.
        mark(first, last, Line::skip);
      } else if (last > first) {
        // Two spaces before a line break inside a paragraph make a hard line break; the last
        // line's trailing spaces break nothing.
        mark(first, last - 1, Line::break_allowed);
      }
    });

    for (uint32_t l = 1; l <= lines.line_count(); ++l) {
      if (kind[l] == Line::skip) continue;
      const ByteSpan content = lines.line_content(l);
      uint32_t begin = content.end;
      while (begin > content.begin && (src[begin - 1] == ' ' || src[begin - 1] == '\t')) --begin;
      if (begin == content.end) continue;
      ByteSpan offending{begin, content.end};
      std::string message;
      if (kind[l] == Line::break_allowed && content.end - begin >= 2 &&
          src[content.end - 1] == ' ' && src[content.end - 2] == ' ') {
        // A hard line break: keep its two spaces, report the blanks before them.
        if (content.end - begin == 2) continue;
        offending.end = content.end - 2;
        message = "extra whitespace before a hard line break (two spaces are enough)";
      } else {
        const bool tabs = doc.slice(offending).find('\t') != std::string_view::npos;
        message = tabs ? std::string("trailing whitespace")
                       : std::to_string(offending.size()) +
                             (offending.size() == 1 ? " trailing space" : " trailing spaces");
      }
      Diagnostic& d = sink.report(offending, std::move(message));
      d.fixes.push_back(Fix{.title = "delete the trailing whitespace",
                            .safe = true,
                            .edits = {Edit{.span = offending, .replacement = ""}}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_trailing_space() {
  return std::make_unique<TrailingSpace>();
}

}  // namespace hanmark
