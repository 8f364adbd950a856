// code-block-language: a fenced code block without a language in its info string.
#include <string>
#include <string_view>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "markdown/node.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "code-block-language",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "fenced code blocks without a language",
};

// The opening fence's characters ("```" or "~~~~") of a fenced code block; empty if not found.
ByteSpan opening_fence(const Document& doc, cmark_node* block) {
  const ByteSpan span = doc.block_span(block);
  if (span.empty()) return {};
  const std::string_view src = doc.source();
  const ByteSpan line = doc.lines().line_content(doc.lines().line_of(span.begin));
  uint32_t p = span.begin;
  while (p < line.end && (src[p] == ' ' || src[p] == '\t')) ++p;
  if (p == line.end || (src[p] != '`' && src[p] != '~')) return {};
  const char fence = src[p];
  uint32_t end = p;
  while (end < line.end && src[end] == fence) ++end;
  if (end - p < 3) return {};
  return {p, end};
}

// True when the fenced block ends with a closing fence: at least `length` fence characters alone
// on its last line (after any container markers). cmark runs an unclosed fence to the end of its
// container.
bool is_closed(const Document& doc, cmark_node* block, char fence_char, int length) {
  const ByteSpan span = doc.block_span(block);
  const LineIndex& lines = doc.lines();
  const uint32_t first = lines.line_of(span.begin);
  const uint32_t last = lines.line_of(span.end > span.begin ? span.end - 1 : span.begin);
  if (last == first) return false;
  std::string_view line = doc.slice(lines.line_content(last));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  int run = 0;
  while (!line.empty() && line.back() == fence_char) {
    line.remove_suffix(1);
    ++run;
  }
  return run >= length &&
         (line.empty() || line.back() == ' ' || line.back() == '\t' || line.back() == '>');
}

class CodeBlockLanguage final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    visit_blocks(doc.root(), [&](cmark_node* node) { check_block(doc, node, sink); });
  }

 private:
  static void check_block(const Document& doc, cmark_node* node, DiagnosticSink& sink) {
    if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK) return;
    int length = 0, offset = 0;
    char fence_char = 0;
    if (!cmark_node_get_fenced(node, &length, &offset, &fence_char)) return;  // indented
    const char* info = cmark_node_get_fence_info(node);
    if (info && !trim(std::string_view(info)).empty()) return;
    // An unclosed fence with no info string is nearly always a stray closing fence, whose
    // opening line was not a fence (a backtick in a backtick fence's info string).
    if (!is_closed(doc, node, fence_char, length)) return;
    // So is one that opens onto a blank line: stray fences pair up, the first "opening" a block
    // of the paragraphs between them.
    if (const char* literal = cmark_node_get_literal(node);
        literal && (literal[0] == '\n' || (literal[0] == '\r' && literal[1] == '\n')))
      return;
    const ByteSpan fence = opening_fence(doc, node);
    if (fence.empty()) return;
    Diagnostic& d = sink.report(fence, "fenced code block has no language");
    d.notes.emplace_back("name the language after the fence for syntax highlighting, e.g. '" +
                         std::string(doc.slice(fence)) +
                         "python', or 'text' for plain output (코드 블록에 "
                         "언어를 지정하세요)");
  }
};

}  // namespace

std::unique_ptr<Rule> make_code_block_language() {
  return std::make_unique<CodeBlockLanguage>();
}

}  // namespace hanmark
