// korean-spelling: Hangul words that hunspell-ko (plus the Korean tech vocabulary) rejects and
// that are one jamo away from a word it accepts (소흘히 → 소홀히).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "markdown/directives.h"
#include "rules/all_rules.h"
#include "spell/korean_speller.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"
#include "text/text_memo.h"
#include "text/words.h"

namespace hanmark {

namespace {

// Shorter words have many neighbours one letter away, and most unknown ones are loanwords.
constexpr size_t kMinSyllables = 3;
// No Korean word runs this long; a longer run is a hostile or broken file, and checking it
// (compound splits, near misses) would cost quadratic time and memory.
constexpr size_t kMaxSyllables = 24;

bool is_ascii_alnum(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

size_t syllables(std::string_view word) {
  return word.size() / 3;
}

// Index of the one syllable in which two words of equal length differ.
size_t differing_syllable(std::string_view a, std::string_view b) {
  for (size_t i = 0; i + 3 <= a.size() && i + 3 <= b.size(); i += 3)
    if (a.substr(i, 3) != b.substr(i, 3)) return i / 3;
  return a.size() / 3;
}

// True when `word` is two accepted words written together: a compound (주소값 = 주소 + 값), an
// auxiliary verb attached to its main verb (보여줍니다 = 보여 + 줍니다) or a missing space
// (가질때 = 가질 + 때). The norms allow much of this (한글 맞춤법 제47항, 제49항, 제50항);
// what is not allowed is korean-spacing's question, not a misspelling.
bool is_two_words(const KoreanSpeller& speller, std::string_view word) {
  for (size_t at = 3; at < word.size(); at += 3)
    if (speller.correct_syllables(word.substr(0, at)) && speller.correct_syllables(word.substr(at)))
      return true;
  return false;
}

// True when `word` is a known noun with a derivational suffix that inflects like a known
// derived word: 간략화하고 = 간략 + 화하고 (as in 변화하고), 함수적인 = 함수 + 적인.
bool is_derived(const KoreanSpeller& speller, std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
      {"화", "변화"}, {"적", "효율적"}, {"성", "가능성"}, {"법", "방법"}, {"형", "유형"},
      {"식", "방식"}, {"별", "종류별"}, {"상", "이론상"}, {"용", "사용"}, {"들", "사람들"}};
  for (size_t at = 6; at < word.size(); at += 3) {
    for (const auto& [suffix, model] : kSuffixes) {
      if (word.substr(at, suffix.size()) != suffix) continue;
      const std::string_view rest = word.substr(at + suffix.size());
      if (speller.correct_syllables(word.substr(0, at)) &&
          speller.correct_syllables(std::string(model) + std::string(rest)))
        return true;
    }
  }
  return false;
}

// Syllables that carry the past or future tense marker (배웠듯이, 되었을지). hunspell-ko lacks
// many tensed forms; an "error" inside one is far more often such a gap than a slip.
bool is_tense_syllable(std::string_view syllable) {
  static constexpr std::string_view kTensed[] = {"었", "았", "였", "웠", "왔", "겠", "했", "됐",
                                                 "셨", "졌", "쳤", "켰", "렸", "섰", "갔", "봤"};
  return std::find(std::begin(kTensed), std::end(kTensed), syllable) != std::end(kTensed);
}

// The syllables of `word` (bit i: syllable i) where a one-jamo change is likely a slip. Not the
// last: a change there only swaps an ending or particle (까다로워질 → 까다로워짐, 설계상 →
// 설계사), and the word was most likely right and unknown. Not a tensed one either.
uint32_t slip_syllables(std::string_view word) {
  uint32_t out = 0;
  const size_t count = syllables(word);
  for (size_t i = 0; i + 1 < count && i < 32; ++i)
    if (!is_tense_syllable(word.substr(i * 3, 3))) out |= uint32_t{1} << i;
  return out;
}

// True when `a` and `b` differ only in the vowel of syllable `at`, one ㅏ and the other ㅗ.
bool a_o_alternation(std::string_view a, std::string_view b, size_t at) {
  const auto vowel = [&](std::string_view w) {
    const char32_t cp = hangul::last_code_point(w.substr(0, at * 3 + 3));
    return (cp - 0xAC00) / 28 % 21;
  };
  const auto va = vowel(a), vb = vowel(b);
  constexpr char32_t kA = 0, kO = 8;  // ㅏ, ㅗ
  return (va == kA && vb == kO) || (va == kO && vb == kA);
}

// The word without the particles at its end ("프라미스와는" → "프라미스"), at least two syllables.
std::string_view base_of(std::string_view word) {
  for (size_t at = 6; at < word.size(); at += 3)
    if (is_particle_sequence(word.substr(at))) return word.substr(0, at);
  return word;
}

bool overlaps(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) {
  return b1 < e2 && b2 < e1;
}

// The Hangul words of a paragraph worth looking up, in order: a function of the text alone,
// remembered, since the language server lints mostly unchanged paragraphs again
// (text/text_memo.h).
text::SharedList<hangul::Run> korean_words(std::string_view text) {
  static text::TextMemo<std::vector<hangul::Run>> memo(text::Keep::when_asked_again);
  return text::SharedList<hangul::Run>(memo.get(text, [&] {
    std::vector<hangul::Run> out;
    const text::SharedList<hangul::Run> words = hangul::runs(text);
    if (words.empty()) return out;
    const text::SharedList<text::Range> chunks = text::non_prose_chunks(text);
    for (const hangul::Run& word : words) {
      // A word glued to code, Latin text, digits or a closing bracket is a particle after them:
      // that is josa's question.
      if (word.attached_to_non_hangul()) continue;
      // A word that goes on in Latin letters or digits ("에러code") is not a Korean word.
      if (is_ascii_alnum(word.after) || word.after == 0xFFFC) continue;
      const size_t length = syllables(word.in(text));
      if (length < kMinSyllables || length > kMaxSyllables) continue;
      // URLs, paths and e-mail addresses written as text.
      if (std::any_of(chunks.begin(), chunks.end(), [&](const text::Range& c) {
            return overlaps(c.begin, c.end, word.begin, word.end);
          }))
        continue;
      out.push_back(word);
    }
    return out;
  }));
}

struct Candidate {
  const ProseRun* run;
  hangul::Run word;
  std::string text;  // the word
};

class KoreanSpellingRule final : public Rule {
 public:
  explicit KoreanSpellingRule(std::shared_ptr<const SpellResources> resources)
      : resources_(std::move(resources)) {}

  const RuleInfo& info() const override {
    static const RuleInfo info{
        .id = "korean-spelling",
        .category = Category::korean,
        .default_severity = Severity::warning,
        .fix = FixAvailability::sometimes,
        .summary =
            "Hangul words unknown to hunspell-ko that are one letter (jamo) away from a "
            "known word",
    };
    return info;
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    if (!resources_) return;
    // hunspell-ko takes most of a second to load: not for a post without Korean words.
    const KoreanSpeller* loaded = nullptr;
    const AcceptedWords accepted = accepted_words(doc);

    std::vector<Candidate> unknown;
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      const text::SharedList<hangul::Run> words = korean_words(text);
      if (words.empty()) continue;
      if (!loaded) loaded = &resources_->korean();
      if (!loaded->available()) return;
      const KoreanSpeller& speller = *loaded;
      // The typo table's matches, looked for only once the paragraph has an unknown word: most
      // paragraphs have none.
      std::optional<text::SharedList<KoreanTypoTable::Match>> typo_matches;
      for (const hangul::Run& word : words) {
        const std::string_view spelled = word.in(text);
        if (accepted.accepts(spelled) || speller.correct_syllables(spelled)) continue;
        // `typo` reports its own table's misspellings, with a sure correction.
        if (!typo_matches) typo_matches = resources_->korean_typos().find(text);
        if (std::any_of(typo_matches->begin(), typo_matches->end(), [&](const auto& m) {
              return overlaps(m.word_begin, m.word_end, word.begin, word.end);
            }))
          continue;
        unknown.push_back({&run, word, std::string(spelled)});
      }
    }

    // A word written the same way twice, with whatever particles, is meant (a name, a term, a
    // house spelling such as 프라미스), not a slip.
    std::vector<std::string_view> bases;  // of each unknown word (views into `unknown`)
    std::unordered_map<std::string_view, int> uses;
    for (const Candidate& c : unknown) ++uses[bases.emplace_back(base_of(c.text))];

    for (size_t i = 0; i < unknown.size(); ++i) {
      const KoreanSpeller& speller = *loaded;  // set: there are words
      const Candidate& c = unknown[i];
      if (uses[bases[i]] > 1) continue;
      // A particle that does not fit its noun is josa's finding.
      if (speller.particle_fix(c.text)) continue;
      if (is_two_words(speller, c.text) || is_derived(speller, c.text)) continue;
      if (!c.run->is_verbatim(c.word.begin, c.word.end)) continue;
      // A slip in a real word has one obvious repair: exactly one word one jamo away. A word with
      // several is a short loanword or jargon hunspell-ko lacks (로컬 → 보컬, 로클, 루컬). And the
      // repair must lie where a slip is likely (slip_syllables): searching there first, most
      // words are settled without the other syllables' hundreds of checks.
      const uint32_t likely = slip_syllables(c.text);
      std::vector<std::string> near = speller.near_misses(c.text, 2, likely);
      if (near.size() != 1 || !speller.near_misses(c.text, 1, ~likely).empty()) continue;
      const size_t edited = differing_syllable(c.text, near.front());
      // Loanwords follow American or British vowels (프라미스 / 프로미스, 바디 / 보디): a house
      // spelling, not a slip.
      if (a_o_alternation(c.text, near.front(), edited) &&
          speller.is_tech_word(base_of(near.front())))
        continue;
      const ByteSpan span = c.run->to_source(c.word.begin, c.word.end);
      Diagnostic& d = sink.report(span, "unknown Korean word '" + c.text + "'");
      d.fixes.push_back(Fix{.title = "replace with '" + near.front() + "'",
                            .safe = false,
                            .edits = {Edit{.span = span, .replacement = near.front()}}});
      d.suggestions = std::move(near);
    }
  }

 private:
  std::shared_ptr<const SpellResources> resources_;
};

}  // namespace

std::unique_ptr<Rule> make_korean_spelling(std::shared_ptr<const SpellResources> resources) {
  return std::make_unique<KoreanSpellingRule>(std::move(resources));
}

}  // namespace hanmark
