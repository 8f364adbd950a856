// spelling: English words that neither hunspell en_US nor the tech vocabulary knows.
#include <string>
#include <unordered_map>
#include <vector>

#include "markdown/directives.h"
#include "rules/all_rules.h"
#include "spell/spell_resources.h"
#include "text/words.h"

namespace hanmark {

namespace {

// Shorter unknown words are abbreviations ("src", "pid", "img") far more often than typos.
constexpr uint32_t kMinLetters = 4;

bool compound_correct(const EnglishSpeller& speller, std::string_view text,
                      const text::Candidate& word) {
  const std::string_view compound =
      text.substr(word.compound_begin, word.compound_end - word.compound_begin);
  if (speller.correct(compound)) return true;
  std::string joined(compound);
  std::erase(joined, '-');
  return speller.correct(joined);
}

struct Unknown {
  std::string_view word;  // in the document's prose
  ByteSpan span;
};

// Prose words that neither hunspell nor the tech list knows, nor the typo rule reports.
std::vector<Unknown> unknown_words(const Document& doc, const EnglishSpeller& speller,
                                   const TypoTable& typos, const AcceptedWords& accepted) {
  std::vector<Unknown> out;
  for (const ProseRun& run : doc.prose()) {
    const std::string& text = run.text();
    for (const text::Candidate& word : text::spell_candidates(text)) {
      if (word.acronym) continue;
      const std::string_view spelled = word.in(text);
      if (typos.contains(spelled)) continue;    // reported by `typo`, with a safe fix
      if (accepted.accepts(spelled)) continue;  // the post says it is right (hanmark-words)
      if (speller.correct(spelled)) continue;
      // "Fi" is no word, but "Wi-Fi" is "WiFi" with a hyphen.
      if (word.in_compound() && compound_correct(speller, text, word)) continue;
      // The span must be exactly the word's bytes; a word with an escape or entity inside is
      // too rare to risk a wrong span.
      if (!run.is_verbatim(word.begin, word.end)) continue;
      out.push_back({spelled, run.to_source(word.begin, word.end)});
    }
  }
  return out;
}

// Typos are slips in ordinary words: short words are abbreviations ("src", "pid") and words
// without a vowel are commands and acronyms ("btrfs", "tftp") far more often.
bool looks_like_a_slip(std::string_view word) {
  if (word.size() < kMinLetters) return false;
  return word.find_first_of("aeiouyAEIOUY") != std::string_view::npos;
}

class SpellingRule final : public Rule {
 public:
  explicit SpellingRule(std::shared_ptr<const SpellResources> resources)
      : resources_(std::move(resources)) {}

  const RuleInfo& info() const override {
    static const RuleInfo info{
        .id = "spelling",
        .category = Category::spelling,
        .default_severity = Severity::warning,
        .fix = FixAvailability::sometimes,
        .summary = "likely typos in English words: unknown words one slip from a known word",
        // Off by default: on real tech posts most unknown words are names and jargon (see doc).
        .enabled_by_default = false,
    };
    return info;
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    if (!resources_) return;
    const EnglishSpeller& speller = resources_->english();
    if (!speller.available()) return;
    const std::vector<Unknown> unknown =
        unknown_words(doc, speller, resources_->typos(), accepted_words(doc));
    std::unordered_map<std::string_view, int> uses;
    for (const Unknown& u : unknown) ++uses[u.word];
    for (const Unknown& u : unknown) {
      // A word written the same way twice is meant: a name or a term, not a slip.
      if (uses[u.word] > 1 || !looks_like_a_slip(u.word)) continue;
      std::vector<std::string> near = speller.near_misses(u.word);
      if (near.empty()) continue;
      Diagnostic& d = sink.report(u.span, "unknown word '" + std::string(u.word) + "'");
      d.fixes.push_back(Fix{.title = "replace with '" + near.front() + "'",
                            .safe = false,
                            .edits = {Edit{.span = u.span, .replacement = near.front()}}});
      d.suggestions = std::move(near);
    }
  }

 private:
  std::shared_ptr<const SpellResources> resources_;
};

}  // namespace

std::unique_ptr<Rule> make_spelling(std::shared_ptr<const SpellResources> resources) {
  return std::make_unique<SpellingRule>(std::move(resources));
}

}  // namespace hanmark
