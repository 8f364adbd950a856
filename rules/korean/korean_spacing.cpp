// korean-spacing: word spacing (띄어쓰기) errors that can be decided without a morphological
// analyser: dependent nouns written attached (할수 → 할 수), endings written apart (할 지 →
// 할지), counters after Hangul numerals (두가지 → 두 가지), -어야 하다 (해야할 → 해야 할),
// particles detached from Latin words (API 를 → API를) and -하다/-되다 split from their noun.
#include <string>

#include "rules/all_rules.h"
#include "text/hangul.h"
#include "text/spacing_patterns.h"

namespace hanmark {

namespace {

using spacing::Pattern;

constexpr RuleInfo kInfo{
    .id = "korean-spacing",
    .category = Category::korean,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,
    .summary =
        "Korean word-spacing errors: attached dependent nouns and counters, detached "
        "endings, particles and -하다",
};

std::string quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// The topic particle that agrees with `word`: '것'은, '수'는.
std::string topic(std::string_view word) {
  return hangul::has_final(hangul::last_code_point(word)) ? "은" : "는";
}

struct Wording {
  std::string message;
  std::string help;
};

Wording wording(const spacing::Finding& f, std::string_view original, std::string_view fixed) {
  const std::string from = quote(original);
  const std::string to = quote(fixed);
  switch (f.pattern) {
    case Pattern::dependent_noun:
      return {"missing space before the dependent noun " + quote(f.word) + " in " + from +
                  ": write " + to,
              "의존 명사 '" + f.word + "'" + topic(f.word) +
                  " 앞말과 띄어 씁니다 (한글 맞춤법 제42항)"};
    case Pattern::auxiliary_haeya:
      return {"missing space in " + from + ": '-어야 하다' is two words, write " + to,
              "'-아야/-어야' 뒤의 '하다/되다'는 띄어 씁니다 (해야 할, 배워야 한다; 한글 맞춤법 "
              "제2항)"};
    case Pattern::ji_ending:
      return {"the ending " + quote(f.word) + " is written apart in " + from + ": write " + to,
              "어미 '-ㄹ지/-는지'는 붙여 씁니다. 시간의 경과를 나타내는 의존 명사 '지'(-ㄴ 지 "
              "4년)만 띄어 씁니다 (한글 맞춤법 제42항)"};
    case Pattern::ji_duration:
      return {"missing space before the dependent noun '지' (elapsed time) in " + from +
                  ": write " + to,
              "시간의 경과를 나타내는 '지'는 의존 명사이므로 띄어 씁니다: 만난 지 오래, 종사한 지 "
              "4년 (한글 맞춤법 제42항)"};
    case Pattern::counter:
      return {"missing space between the numeral and the counter " + quote(f.word) + " in " + from +
                  ": write " + to,
              "수 관형사 뒤의 단위 명사는 띄어 씁니다: 두 가지, 세 번째 (한글 맞춤법 제43항)"};
    case Pattern::particle_detached:
      return {"the particle " + quote(f.word) + " is separated from the word before it",
              "조사는 앞말에 붙여 씁니다: API를, (DOM)을 (한글 맞춤법 제41항)"};
    case Pattern::verbal_noun_split:
      return {"'-하다/-되다' is separated from its noun in " + from + ": write " + to,
              "'-하다', '-되다'는 접미사이므로 앞의 명사에 붙여 씁니다: 사용할, 생성된 "
              "(표준국어대사전)"};
  }
  return {};
}

class KoreanSpacingRule final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      for (const spacing::Finding& f : spacing::find(text)) {
        if (!run.is_verbatim(f.begin, f.end)) continue;
        const ByteSpan span = run.to_source(f.begin, f.end);
        // Quote the whole words around a removed space so the message shows what changes.
        uint32_t qb = f.begin;
        uint32_t qe = f.end;
        if (f.replacement.empty()) {
          while (qb > 0 && text[qb - 1] != ' ' && text[qb - 1] != '\n') --qb;
          while (qe < text.size() && text[qe] != ' ' && text[qe] != '\n') ++qe;
        }
        const std::string original = text.substr(qb, qe - qb);
        const std::string fixed =
            text.substr(qb, f.begin - qb) + f.replacement + text.substr(f.end, qe - f.end);
        Wording w = wording(f, original, fixed);
        Diagnostic& d = sink.report(span, std::move(w.message));
        d.notes.push_back(std::move(w.help));
        // Removing a space next to an emphasis delimiter can stop cmark from closing the
        // emphasis ('**`code`** 를' → literal asterisks), so such fixes need review.
        const std::string_view source = doc.source();
        const bool near_markup =
            (span.begin > 0 && (source[span.begin - 1] == '*' || source[span.begin - 1] == '_')) ||
            (span.end < source.size() && (source[span.end] == '*' || source[span.end] == '_'));
        const bool safe = f.certain && !near_markup;
        const std::string title = f.replacement.empty() ? "remove the space: " + quote(fixed)
                                                        : "insert a space: " + quote(f.replacement);
        d.fixes.push_back(Fix{.title = title,
                              .safe = safe,
                              .edits = {Edit{.span = span, .replacement = f.replacement}}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_korean_spacing() {
  return std::make_unique<KoreanSpacingRule>();
}

}  // namespace hanmark
