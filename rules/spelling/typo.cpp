// typo: known English and Korean misspellings, each with one correction applied as a safe fix.
#include <algorithm>
#include <optional>
#include <string>

#include "markdown/directives.h"
#include "rules/all_rules.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"
#include "text/words.h"

namespace hanmark {

namespace {

// Particles whose form depends on whether the word before them ends in a final consonant.
struct ParticlePair {
  std::string_view with_final;
  std::string_view without_final;
};
constexpr ParticlePair kParticlePairs[] = {
    {"이에요", "예요"}, {"이랑", "랑"}, {"이나", "나"}, {"이라", "라"}, {"으로", "로"},
    {"을", "를"},       {"이", "가"},   {"은", "는"},   {"과", "와"},
};

// The particle that starts `rest`, in the form `word` needs ("컨셉을" → "콘셉트" + "를"), or
// nullopt when `rest` starts with no particle of a pair.
std::optional<std::pair<std::string_view, std::string_view>> particle_for(std::string_view word,
                                                                          std::string_view rest) {
  const char32_t last = hangul::last_code_point(word);
  if (!hangul::is_syllable(last)) return std::nullopt;
  for (const ParticlePair& pair : kParticlePairs) {
    for (std::string_view form : {pair.with_final, pair.without_final}) {
      if (!rest.starts_with(form)) continue;
      // 으로/로: a final ㄹ takes 로 ("파일로").
      const bool final = pair.with_final == "으로"
                             ? hangul::has_final(last) && !hangul::has_final_rieul(last)
                             : hangul::has_final(last);
      return std::pair{form, final ? pair.with_final : pair.without_final};
    }
  }
  return std::nullopt;
}

// Korean words of prose that sit in a URL, path or email written as text.
bool in_non_prose(const std::vector<text::Range>& chunks, uint32_t begin, uint32_t end) {
  return std::any_of(chunks.begin(), chunks.end(),
                     [&](const text::Range& c) { return begin < c.end && c.begin < end; });
}

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
        .summary = "common English and Korean misspellings with a known correction",
    };
    return info;
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    if (!resources_) return;
    // Words the post (hanmark-words) or the project ([spelling] words) declares right are its
    // house spelling, not slips.
    AcceptedWords accepted = accepted_words(doc);
    for (const std::string& word : resources_->options().extra_words) accepted.add(word);
    check_english(doc, accepted, sink);
    check_korean(doc, accepted, sink);
  }

 private:
  void check_korean(const Document& doc, const AcceptedWords& accepted,
                    DiagnosticSink& sink) const {
    const KoreanTypoTable& typos = resources_->korean_typos();
    if (typos.empty()) return;
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      const text::SharedList<KoreanTypoTable::Match> matches = typos.find(text);
      if (matches.empty()) continue;
      const text::SharedList<text::Range> chunks = text::non_prose_chunks(text);
      for (const KoreanTypoTable::Match& m : matches) {
        if (in_non_prose(chunks, m.word_begin, m.word_end)) continue;
        if (!accepted.empty() && accepted.accepts(std::string_view(text).substr(
                                     m.word_begin, m.word_end - m.word_begin)))
          continue;
        const KoreanTypoTable::Entry& entry = *m.entry;
        uint32_t end = m.end;
        std::string replacement = entry.corrections.front();
        // A word-mode correction may end differently ("컨셉" → "콘셉트"): its particle follows.
        if (entry.mode == KoreanTypoTable::Mode::word && entry.corrections.size() == 1) {
          const std::string_view rest = std::string_view(text).substr(m.end, m.word_end - m.end);
          if (auto particle = particle_for(replacement, rest);
              particle && particle->first != particle->second) {
            end += static_cast<uint32_t>(particle->first.size());
            replacement += particle->second;
          }
        }
        if (!run.is_verbatim(m.begin, end)) continue;
        const ByteSpan span = run.to_source(m.begin, end);
        const std::string_view word =
            std::string_view(text).substr(m.word_begin, m.word_end - m.word_begin);
        const auto corrected = [&](std::string_view with) {
          std::string out(word.substr(0, m.begin - m.word_begin));
          out += with;
          out += word.substr(end - m.word_begin);
          return out;
        };
        std::string message = "'" + std::string(word) + "' is a misspelling of ";
        for (size_t i = 0; i < entry.corrections.size(); ++i) {
          if (i) message += " or ";
          message += "'" +
                     corrected(i == 0 ? std::string_view(replacement)
                                      : std::string_view(entry.corrections[i])) +
                     "'";
        }
        message += " (" + entry.rule + ")";
        Diagnostic& d = sink.report(span, std::move(message));
        const bool certain = entry.corrections.size() == 1;
        for (size_t i = 0; i < entry.corrections.size(); ++i) {
          const std::string with = i == 0 ? replacement : entry.corrections[i];
          d.suggestions.push_back(with);
          d.fixes.push_back(Fix{.title = "replace with '" + with + "'",
                                .safe = certain,
                                .edits = {Edit{.span = span, .replacement = with}}});
        }
      }
    }
  }

  void check_english(const Document& doc, const AcceptedWords& accepted,
                     DiagnosticSink& sink) const {
    const TypoTable& typos = resources_->typos();
    if (typos.empty()) return;
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      if (!typos.may_occur_in(text)) continue;
      for (const text::Candidate& word : text::spell_candidates(text)) {
        // Short all-caps words are acronyms ("ANS", "TEH" may be names); longer ones are shouting
        // text, where "RECIEVE" is still a typo.
        if (word.acronym && word.end - word.begin <= 4) continue;
        const std::string_view spelled = word.in(text);
        std::optional<std::string> correction = typos.lookup(spelled);
        if (!correction || accepted.accepts(spelled)) continue;
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

  std::shared_ptr<const SpellResources> resources_;
};

}  // namespace

std::unique_ptr<Rule> make_typo(std::shared_ptr<const SpellResources> resources) {
  return std::make_unique<TypoRule>(std::move(resources));
}

}  // namespace hanmark
