// heading-increment: a heading more than one level deeper than the heading before it
// (`##` followed by `####`).
#include <string>
#include <vector>

#include "markdown/headings.h"
#include "rules/all_rules.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "heading-increment",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::none,
    .summary = "headings more than one level deeper than the heading before them",
};

class HeadingIncrement final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::vector<Heading> headings = section_headings(doc);
    // The first heading may start at any level (markdownlint does the same): a post whose title
    // lives in front matter often starts at `##`, an excerpt at `###`.
    for (size_t i = 1; i < headings.size(); ++i) {
      const int previous = headings[i - 1].level;
      const int level = headings[i].level;
      if (level <= previous + 1) continue;
      Diagnostic& d =
          sink.report(headings[i].text_span, "heading " + quoted_heading(doc, headings[i]) +
                                                 " skips from level " + std::to_string(previous) +
                                                 " to level " + std::to_string(level));
      d.notes.emplace_back("use a level-" + std::to_string(previous + 1) +
                           " heading here, or add the missing level above it (제목 수준을 "
                           "건너뛰었습니다)");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_heading_increment() {
  return std::make_unique<HeadingIncrement>();
}

}  // namespace hanmark
