// josa: a particle whose form does not agree with the sound before it (모델를 → 모델을,
// GPU을 → GPU를, 3를 → 3을, `ProductTable`와 → `ProductTable`과, 딥 러닝(Deep Learning)를 → 을).
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "rules/all_rules.h"
#include "spell/korean_speller.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"
#include "text/josa.h"
#include "text/text_memo.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "josa",
    .category = Category::korean,
    .default_severity = Severity::warning,
    .fix = FixAvailability::always,
    .summary =
        "particles (을/를, 이/가, 은/는, 과/와, 으로/로 …) that do not agree with the word "
        "before them",
};

// What the particle follows.
enum class Context { hangul, digit, latin, code, gloss, quote };

struct Preceding {
  josa::Reading reading;
  std::string word;  // as quoted in the message
  Context context;
  // For a gloss: the reading of the end of the text in parentheses, when known.
  std::optional<josa::Reading> inside = std::nullopt;
  // 한글(English): Hangul before the parentheses, Latin letters at the end inside them.
  bool plain_gloss = false;
  bool hangul_word = false;  // the word before the gloss is Hangul
};

bool is_ascii_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_ascii_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == '~' || c == ',' || c == '%';
}

// The code point that ends right before byte `at` of `text`, and where it starts.
struct Before {
  char32_t cp = 0;
  uint32_t begin = 0;
};
Before code_point_before(std::string_view text, uint32_t at) {
  if (at == 0) return {};
  uint32_t i = at - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return {utf8::decode(text, i).code_point, i};
}

// What may stand right before a word that a particle's reading is taken from: nothing, a space,
// Hangul, or opening punctuation.
bool opens_word(char32_t cp) {
  return cp == 0 || is_space(cp) || hangul::is_syllable(cp) || cp == '(' || cp == '[' ||
         cp == '{' || cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0x300C ||
         cp == 0x300E;
}

bool is_closing_quote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
         cp == 0xBB;
}

// The Hangul run that ends at `end` (for messages).
std::string hangul_word_before(std::string_view text, uint32_t end) {
  uint32_t begin = end;
  while (true) {
    const Before b = code_point_before(text, begin);
    if (!hangul::is_syllable(b.cp)) break;
    begin = b.begin;
  }
  return std::string(text.substr(begin, end - begin));
}

class JosaRule final : public Rule {
 public:
  explicit JosaRule(std::shared_ptr<const SpellResources> resources)
      : resources_(std::move(resources)) {}

  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const KoreanSpeller* speller = nullptr;
    bool speller_loaded = false;
    for (const ProseRun& run : doc.prose()) {
      for (const Candidate& c : candidates(run.text())) {
        if (c.attached) {
          check_attached(doc, run, c.run, sink);
          continue;
        }
        if (!speller_loaded) {
          speller_loaded = true;
          if (resources_ && resources_->korean().available()) speller = &resources_->korean();
        }
        if (speller) check_hangul(*speller, run, c.run, sink);
      }
    }
  }

 private:
  // A Hangul run of a paragraph that may hold a particle to check: one attached to what it
  // follows (check_attached), or a word that may end in a particle (check_hangul).
  struct Candidate {
    hangul::Run run;
    bool attached;
  };

  // The candidates of a paragraph, in order: a function of the text alone, remembered, since the
  // language server lints mostly unchanged paragraphs again (text/text_memo.h).
  static text::SharedList<Candidate> candidates(std::string_view text) {
    static text::TextMemo<std::vector<Candidate>> memo(text::Keep::when_asked_again);
    return text::SharedList<Candidate>(memo.get(text, [&] {
      std::vector<Candidate> out;
      for (const hangul::Run& h : hangul::runs(text)) {
        // A run glued to Latin letters or digits on its right is not a word of its own.
        if (is_ascii_letter(h.after) || is_ascii_digit(h.after)) continue;
        if (h.attached_to_non_hangul())
          out.push_back({h, true});
        else if (josa::may_end_with_particle(h.in(text)))
          out.push_back({h, false});
      }
      return out;
    }));
  }

  // A Hangul word (noun + particle) checked with hunspell-ko's own particle rules.
  void check_hangul(const KoreanSpeller& speller, const ProseRun& run, const hangul::Run& h,
                    DiagnosticSink& sink) const {
    const std::string_view word = h.in(run.text());
    const std::optional<std::string> fixed = speller.particle_fix(word);
    if (!fixed) return;
    // The common prefix is the stem; what differs must be the two forms of one pair.
    size_t stem = 0;
    while (stem < word.size() && stem < fixed->size() && word[stem] == (*fixed)[stem]) ++stem;
    while (stem > 0 && (static_cast<unsigned char>(word[stem]) & 0xC0) == 0x80) --stem;
    if (stem == 0) return;
    const std::optional<josa::Swap> swap =
        josa::find_swap(word.substr(stem), std::string_view(*fixed).substr(stem));
    if (!swap) return;
    // Cross-check with the stem's last syllable, and keep the copula's optional 이 (사과이나).
    const std::optional<josa::Coda> coda =
        josa::coda_of_syllable(hangul::last_code_point(word.substr(0, stem)));
    if (!coda) return;
    const josa::Found found{swap->pair, swap->from == swap->pair->after_consonant, swap->from,
                            word.substr(stem + swap->from.size())};
    // Many words end in 이 or 은 after a vowel (토이, 아이, 다은) and hunspell-ko does not know
    // them all: those two are left alone.
    if (*coda == josa::Coda::none && (swap->from == "이" || swap->from == "은")) return;
    const std::optional<josa::Coda> checked = coda;
    const std::optional<std::string_view> want = josa::correction(found, *checked);
    if (!want || *want != swap->to) return;
    report(run, h.begin + static_cast<uint32_t>(stem), found, *want,
           Preceding{{*coda, ""}, std::string(word.substr(0, stem)), Context::hangul}, sink);
  }

  // A run right after Latin text, digits, code, a closing bracket or quote: it is checked only if
  // it is exactly a particle, against the reading of what it follows.
  void check_attached(const Document& doc, const ProseRun& run, const hangul::Run& h,
                      DiagnosticSink& sink) const {
    const std::string& text = run.text();
    const std::optional<josa::Found> found = josa::particle_run(h.in(text));
    if (!found) return;
    const std::optional<Preceding> before = preceding(doc, run, h.begin, 0);
    if (!before) return;
    const std::optional<std::string_view> want = josa::correction(*found, before->reading.coda);
    if (!want) return;
    if (before->context == Context::gloss) {
      // Writers also make the particle agree with the text in parentheses (cost(비용)을,
      // SlackBuild(들)을): report only when it agrees with neither. When that text cannot be read,
      // only the plain 한글(English) gloss is checked.
      if (before->inside ? !josa::correction(*found, before->inside->coda) : !before->plain_gloss)
        return;
    }
    report(run, h.begin, *found, *want, *before, sink);
  }

  void report(const ProseRun& run, uint32_t begin, const josa::Found& found, std::string_view want,
              const Preceding& before, DiagnosticSink& sink) const {
    const uint32_t end = begin + static_cast<uint32_t>(found.form.size());
    if (!run.is_verbatim(begin, end)) return;
    const ByteSpan span = run.to_source(begin, end);
    const std::string form(found.form);
    const std::string replacement(want);
    Diagnostic& d = sink.report(span, "particle '" + form + "' does not agree with '" +
                                          before.word + "'; use '" + replacement + "'");
    d.suggestions.push_back(replacement);
    d.fixes.push_back(Fix{.title = "replace with '" + replacement + "'",
                          .safe = true,
                          .edits = {Edit{.span = span, .replacement = replacement}}});
    d.notes.push_back(explain(before, found, replacement));
    if (before.context == Context::gloss)
      d.notes.push_back(
          "after a parenthesised gloss the particle agrees with the word before the parenthesis "
          "(괄호 안의 말은 빼고 앞말에 맞춥니다)");
  }

  static std::string explain(const Preceding& before, const josa::Found& found,
                             const std::string& want) {
    std::string how = "'" + before.word + "'";
    if (!before.reading.spoken.empty()) how += " (read '…" + before.reading.spoken + "')";
    switch (before.reading.coda) {
      case josa::Coda::none:
        return how + " ends in a vowel (no 받침), which takes '" + want + "'";
      case josa::Coda::rieul:
        if (found.pair->rieul_takes_vowel_form)
          return how + " ends in ㄹ, which takes '" + want + "' (ㄹ 받침 뒤에는 '로')";
        return how + " ends in a final consonant (ㄹ 받침), which takes '" + want + "'";
      case josa::Coda::other:
      case josa::Coda::some:
        return how + " ends in a final consonant (받침), which takes '" + want + "'";
    }
    return {};
  }

  // The reading of what ends at text byte `at` (the particle's start). `depth` bounds recursion
  // through closing HTML tags.
  std::optional<Preceding> preceding(const Document& doc, const ProseRun& run, uint32_t at,
                                     int depth) const {
    const std::string& text = run.text();
    const Before b = code_point_before(text, at);
    if (b.cp == 0) return std::nullopt;
    if (is_ascii_letter(b.cp) || is_ascii_digit(b.cp) || b.cp == '%')
      return token_before(text, at, Context::latin);
    if (b.cp == 0xFFFC) return object_before(doc, run, b.begin, depth);
    if (b.cp == ')') return gloss_before(doc, run, b.begin);
    if (is_closing_quote(b.cp)) return quoted_before(doc, run, b.begin, depth);
    return std::nullopt;
  }

  // A token of letters, digits and . - _ ~ , % ending at `at`.
  std::optional<Preceding> token_before(std::string_view text, uint32_t at, Context context) const {
    uint32_t begin = at;
    while (begin > 0 && is_token_char(text[begin - 1])) --begin;
    if (begin == at) return std::nullopt;
    const Before left = code_point_before(text, begin);
    if (!opens_word(left.cp)) return std::nullopt;  // C++, C#, $5, a/b, user@host, naïve
    const std::string_view token = text.substr(begin, at - begin);
    const bool has_letters =
        std::any_of(token.begin(), token.end(), [](char c) { return is_ascii_letter(c); });
    // A bare number after a Latin word may be a version read in English ("Python 3" 쓰리).
    bool version = false;
    if (!has_letters && is_space(left.cp)) {
      const Before word = code_point_before(text, left.begin);
      version = is_ascii_letter(word.cp) || is_ascii_digit(word.cp) || word.cp == 0xFFFC ||
                text.substr(0, left.begin).ends_with("버전") ||
                text.substr(0, left.begin).ends_with("버젼");
    }
    const std::optional<josa::Reading> reading = josa::read_token(token, version, known_words());
    if (!reading) return std::nullopt;
    if (context == Context::latin && !has_letters) context = Context::digit;
    if (context == Context::latin && std::isdigit(static_cast<unsigned char>(token[0])) &&
        token.find_first_of("0123456789") == 0) {
      // "3GB", "50%": a number with a unit.
      context = Context::digit;
    }
    return Preceding{*reading, std::string(token), context};
  }

  // U+FFFC: a code span, raw HTML or an autolink.
  std::optional<Preceding> object_before(const Document& doc, const ProseRun& run, uint32_t object,
                                         int depth) const {
    const std::string_view source = doc.slice(run.to_source(object, object + 3));
    if (source.starts_with("`")) {
      size_t fence = 0;
      while (fence < source.size() && source[fence] == '`') ++fence;
      if (source.size() < 2 * fence) return std::nullopt;
      std::string_view code = source.substr(fence, source.size() - 2 * fence);
      if (code.find('\n') != std::string_view::npos || code.find('\r') != std::string_view::npos)
        return std::nullopt;
      const std::optional<josa::Reading> reading = josa::read_code(code, known_words());
      if (!reading) return std::nullopt;
      return Preceding{*reading, std::string(source), Context::code};
    }
    if (depth > 2 || !source.starts_with("</")) return std::nullopt;
    std::string tag;
    for (size_t i = 2; i < source.size() && std::isalpha(static_cast<unsigned char>(source[i]));
         ++i)
      tag.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(source[i]))));
    if (tag == "sup") {
      // 하향식<sup>Top-Down</sup>으로: a gloss; the particle agrees with the word before <sup>.
      const std::string& text = run.text();
      uint32_t i = object;
      while (i >= 3) {
        const size_t open = text.rfind("\xEF\xBF\xBC", i - 1);
        if (open == std::string::npos) return std::nullopt;
        i = static_cast<uint32_t>(open);
        const std::string_view s = doc.slice(run.to_source(i, i + 3));
        if (s.size() >= 4 && (s.substr(0, 4) == "<sup" || s.substr(0, 4) == "<SUP")) break;
        if (i < 3) return std::nullopt;
      }
      std::optional<Preceding> p = word_before_gloss(doc, run, i);
      if (p) set_inside(doc, run, i + 3, object, *p);
      return p;
    }
    static constexpr std::string_view kInline[] = {"code", "b",   "strong", "em",   "i",
                                                   "a",    "kbd", "span",   "mark", "u"};
    for (std::string_view t : kInline) {
      if (tag == t) return preceding(doc, run, object, depth + 1);
    }
    return std::nullopt;
  }

  // `)` at `close`: agreement with the word before the matching `(`.
  std::optional<Preceding> gloss_before(const Document& doc, const ProseRun& run,
                                        uint32_t close) const {
    const std::string& text = run.text();
    int depth = 0;
    uint32_t open = close;
    for (uint32_t i = close + 1; i-- > 0;) {
      if (text[i] == ')') ++depth;
      if (text[i] == '(' && --depth == 0) {
        open = i;
        break;
      }
      if (text[i] == '\n') return std::nullopt;  // a gloss within one line only
    }
    if (open == close || open + 1 >= close) return std::nullopt;
    const std::string_view inside = std::string_view(text).substr(open + 1, close - open - 1);
    // f(x), foo(bar): a call, not a gloss.
    const Before right_before = code_point_before(text, open);
    if ((is_ascii_letter(right_before.cp) || is_ascii_digit(right_before.cp)) &&
        inside.find(' ') == std::string_view::npos &&
        std::none_of(inside.begin(), inside.end(), [](char c) { return c & 0x80; }))
      return std::nullopt;
    std::optional<Preceding> p = word_before_gloss(doc, run, open);
    if (p) set_inside(doc, run, open + 1, close, *p);
    return p;
  }

  // The reading of the gloss text [begin, end), when it can be read; an acronym may be read letter
  // by letter (OOP 오오피).
  void set_inside(const Document& doc, const ProseRun& run, uint32_t begin, uint32_t end,
                  Preceding& p) const {
    p.inside = reading_before(doc, run, end);
    const std::string_view inside = std::string_view(run.text()).substr(begin, end - begin);
    const char last = inside.empty() ? '\0' : inside.back();
    if (!p.inside && last >= 'A' && last <= 'Z') p.inside = josa::read_letter(last);
    const bool hangul_inside =
        std::any_of(inside.begin(), inside.end(), [](char c) { return c & 0x80; });
    p.plain_gloss =
        p.hangul_word && !hangul_inside && is_ascii_letter(static_cast<unsigned char>(last));
  }

  // The reading of what ends right before `at`, Hangul included (the end of a gloss).
  std::optional<josa::Reading> reading_before(const Document& doc, const ProseRun& run,
                                              uint32_t at) const {
    const Before b = code_point_before(run.text(), at);
    if (hangul::is_syllable(b.cp)) return josa::Reading{*josa::coda_of_syllable(b.cp), ""};
    std::optional<Preceding> p = preceding(doc, run, at, 1);
    if (!p) return std::nullopt;
    return p->reading;
  }

  std::optional<Preceding> word_before_gloss(const Document& doc, const ProseRun& run,
                                             uint32_t open) const {
    const std::string& text = run.text();
    uint32_t end = open;
    while (end > 0 && text[end - 1] == ' ') --end;
    if (open - end > 1) return std::nullopt;
    const Before b = code_point_before(text, end);
    std::optional<Preceding> p;
    if (hangul::is_syllable(b.cp)) {
      p = Preceding{
          {*josa::coda_of_syllable(b.cp), ""}, hangul_word_before(text, end), Context::gloss};
      p->hangul_word = true;
    } else if (is_ascii_letter(b.cp) || is_ascii_digit(b.cp) || b.cp == '%') {
      p = token_before(text, end, Context::gloss);
    } else if (b.cp == 0xFFFC) {
      p = object_before(doc, run, b.begin, 3);
    }
    if (p) p->context = Context::gloss;
    return p;
  }

  // A closing quote at `quote`: agreement with the end of the quoted text.
  std::optional<Preceding> quoted_before(const Document& doc, const ProseRun& run, uint32_t quote,
                                         int depth) const {
    const std::string& text = run.text();
    uint32_t end = quote;
    // Sentence punctuation inside the quotes is not read: ‘완료!’를.
    while (end > 0 && (text[end - 1] == '.' || text[end - 1] == '!' || text[end - 1] == '?')) --end;
    const Before b = code_point_before(text, end);
    if (b.cp == 0 || is_space(b.cp)) return std::nullopt;
    std::optional<Preceding> p;
    if (hangul::is_syllable(b.cp)) {
      p = Preceding{
          {*josa::coda_of_syllable(b.cp), ""}, hangul_word_before(text, end), Context::quote};
    } else if (end == quote) {
      p = preceding(doc, run, quote, depth + 1);
    }
    if (p && p->context == Context::latin) p->context = Context::quote;
    return p;
  }

  // English words and the tech vocabulary, for telling abbreviations from words: the short
  // words read_latin asks come from the cached short-word list, loaded on the first word asked.
  // (An unavailable speller accepts every word, which reads like having no word list.)
  josa::IsWord known_words() const {
    if (!resources_) return {};
    return [r = resources_.get()](std::string_view w) { return r->english_correct(w); };
  }

  std::shared_ptr<const SpellResources> resources_;
};

}  // namespace

std::unique_ptr<Rule> make_josa(std::shared_ptr<const SpellResources> resources) {
  return std::make_unique<JosaRule>(std::move(resources));
}

}  // namespace hanmark
