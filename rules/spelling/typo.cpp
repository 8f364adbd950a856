// typo: known English misspellings, each with one correction applied as a safe fix.
#include <optional>
#include <string>

#include "rules/all_rules.h"
#include "spell/spell_resources.h"
#include "text/words.h"

namespace hanmark {

namespace {

class TypoRule final : public Rule {
 public:
  explicit TypoRule(std::shared_ptr<const SpellResources> resources)
      : resources_(std::move(resources)) {}

  const RuleInfo& info() const override {
    static const RuleInfo info{
        .id = "typo",
        .category = Category::spelling,
        .default_severity = Severity::warning,
        .fix = FixAvailability::always,
        .summary = "common English misspellings with a known correction",
    };
    return info;
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    if (!resources_) return;
    const TypoTable& typos = resources_->typos();
    if (typos.empty()) return;
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      for (const text::Candidate& word : text::spell_candidates(text)) {
        // Short all-caps words are acronyms ("ANS", "TEH" may be names); longer ones are shouting
        // text, where "RECIEVE" is still a typo.
        if (word.acronym && word.end - word.begin <= 4) continue;
        const std::string_view spelled = word.in(text);
        std::optional<std::string> correction = typos.lookup(spelled);
        if (!correction) continue;
        // A safe fix must replace exactly the word's bytes.
        if (!run.is_verbatim(word.begin, word.end)) continue;
        const ByteSpan span = run.to_source(word.begin, word.end);
        Diagnostic& d = sink.report(span, "'" + std::string(spelled) +
                                              "' is a common misspelling of '" + *correction + "'");
        d.suggestions.push_back(*correction);
        d.fixes.push_back(Fix{.title = "replace with '" + *correction + "'",
                              .safe = true,
                              .edits = {Edit{.span = span, .replacement = *correction}}});
      }
    }
  }

 private:
  std::shared_ptr<const SpellResources> resources_;
};

}  // namespace

std::unique_ptr<Rule> make_typo(std::shared_ptr<const SpellResources> resources) {
  return std::make_unique<TypoRule>(std::move(resources));
}

}  // namespace hanmark
