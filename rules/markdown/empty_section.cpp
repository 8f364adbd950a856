// empty-section: a heading whose section has no content before the next heading of the same or a
// higher level (or the end of the post).
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "markdown/headings.h"
#include "markdown/html_comments.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "empty-section",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "headings whose section has no content before the next heading of its level",
};

// What a top-level block contributes to the section it stands in.
enum class Block { heading, content, comment, separator };

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// True when an HTML block holds nothing but comments and blank space.
bool only_comments(const Document& doc, cmark_node* html_block) {
  const ByteSpan region = html_block_span(doc, html_block);
  const std::vector<HtmlComment> comments = html_comments_in_block(doc, html_block);
  const std::string_view src = doc.source();
  size_t next = 0;
  for (uint32_t p = region.begin; p < region.end; ++p) {
    if (next < comments.size() && p >= comments[next].span.begin) {
      p = comments[next++].span.end - 1;
      continue;
    }
    if (!is_blank(src[p])) return false;
  }
  return true;
}

Block classify(const Document& doc, cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
      return Block::heading;
    case CMARK_NODE_THEMATIC_BREAK:
      return Block::separator;
    case CMARK_NODE_HTML_BLOCK:
      return only_comments(doc, node) ? Block::comment : Block::content;
    default:
      return Block::content;
  }
}

class EmptySection final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::vector<Heading> headings = section_headings(doc);
    if (headings.empty()) return;

    // Top-level blocks in source order. Footnote definitions are moved to the end of the tree
    // by cmark-gfm and render at the bottom of the page, so they belong to no section.
    struct Entry {
      Block kind;
      int level;  // for headings
      size_t heading;
    };
    std::vector<Entry> blocks;
    size_t next_heading = 0;
    for (cmark_node* node = cmark_node_first_child(doc.root()); node;
         node = cmark_node_next(node)) {
      if (cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION) continue;
      const Block kind = classify(doc, node);
      if (kind == Block::heading) {
        blocks.push_back({kind, headings[next_heading].level, next_heading});
        ++next_heading;
      } else {
        blocks.push_back({kind, 0, 0});
      }
    }

    // A file that is only its title is a stub page (a book's chapter index that the site fills
    // with links to its children), not a post with an empty section.
    if (blocks.size() == 1) return;

    for (size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != Block::heading) continue;
      const int level = blocks[i].level;
      bool content = false, comments = false, subsections = false;
      for (size_t j = i + 1; j < blocks.size() && !content; ++j) {
        if (blocks[j].kind == Block::heading) {
          if (blocks[j].level <= level) break;
          subsections = true;
        }
        content = blocks[j].kind == Block::content;
        comments = comments || blocks[j].kind == Block::comment;
      }
      if (content) continue;
      const Heading& heading = headings[blocks[i].heading];
      std::string message = "section " + quoted_heading(doc, heading);
      if (subsections) {
        message += " holds only empty subsections";
      } else if (comments) {
        message += " holds only HTML comments";
      } else {
        message += " is empty";
      }
      Diagnostic& d = sink.report(heading.text_span, std::move(message));
      d.notes.emplace_back("write the section, or delete its heading (내용이 없는 절입니다)");
      if (comments && !subsections)
        d.notes.emplace_back("text inside HTML comments is not shown to readers");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_empty_section() {
  return std::make_unique<EmptySection>();
}

}  // namespace hanmark
