// duplicate-heading: a heading with the same text as an earlier sibling: same level, same parent
// heading (markdownlint MD024 with siblings_only). "Example" under two different functions is
// fine; two "Example"s under one function are not.
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <cmark-gfm.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/strings.h"
#include "markdown/headings.h"
#include "markdown/slugs.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "duplicate-heading",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "headings with the same text as an earlier heading under the same parent heading",
};

// The heading as readers see it, in the form headings compare in: without a trailing id group
// (`{#id}`, `{/*id*/}`), NFC, lower-cased, blanks collapsed to one space.
std::string comparison_key(cmark_node* heading) {
  const std::string text = heading_text(heading);
  const std::string visible = without_heading_attributes(text).value_or(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(visible.data(), static_cast<int32_t>(visible.size())));
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(unicode, status);
    if (U_SUCCESS(status)) unicode = normalized;
  }
  std::string folded;
  unicode.toUTF8String(folded);
  std::string key;
  bool blank = false;
  const std::string lower = to_lower(folded);
  for (char c : trim(lower)) {
    if (is_ascii_space(c)) {
      blank = true;
      continue;
    }
    if (blank) key += ' ';
    blank = false;
    key += c;
  }
  return key;
}

// GitHub's anchor of every heading of the post (headings in block quotes and lists count too).
std::unordered_map<cmark_node*, std::string> github_anchors(const Document& doc) {
  std::unordered_map<cmark_node*, std::string> anchors;
  SlugCounter counter;
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING)
      anchors[node] = counter.unique(github_slug(heading_text(node)));
  }
  cmark_iter_free(iter);
  return anchors;
}

class DuplicateHeading final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::vector<Heading> headings = section_headings(doc);
    if (headings.size() < 2) return;
    // (parent heading index or -1, level, key) → the first heading with it.
    std::map<std::tuple<int, int, std::string>, size_t> first;
    std::vector<size_t> open;  // the enclosing headings, levels increasing
    std::unordered_map<cmark_node*, std::string> anchors;
    for (size_t i = 0; i < headings.size(); ++i) {
      const Heading& heading = headings[i];
      while (!open.empty() && headings[open.back()].level >= heading.level) open.pop_back();
      const int parent = open.empty() ? -1 : static_cast<int>(open.back());
      open.push_back(i);
      std::string key = comparison_key(heading.node);
      if (key.empty()) continue;
      const auto [it, inserted] = first.try_emplace({parent, heading.level, std::move(key)}, i);
      if (inserted) continue;
      if (anchors.empty()) anchors = github_anchors(doc);
      const Heading& earlier = headings[it->second];
      const uint32_t line = doc.lines().line_of(earlier.text_span.begin);
      Diagnostic& d =
          sink.report(heading.text_span,
                      "heading " + quoted_heading(doc, heading) + " repeats the heading on line " +
                          std::to_string(line) + " under the same parent heading");
      d.notes.push_back("a table of contents shows both alike and links this one as '#" +
                        anchors[heading.node] +
                        "'; name what sets it apart, or merge the two sections (같은 상위 제목 "
                        "아래에 같은 제목이 두 번 나옵니다)");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_heading() {
  return std::make_unique<DuplicateHeading>();
}

}  // namespace hanmark
