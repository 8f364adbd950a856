// repeated-word: the same word twice in a row ("the the", "이 이"), fixed by deleting the second.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "rules/all_rules.h"
#include "text/hangul.h"
#include "text/words.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "repeated-word",
    .category = Category::editorial,
    .default_severity = Severity::warning,
    .fix = FixAvailability::always,
    .summary = "the same word twice in a row, such as 'the the'",
};

// English words that are correctly doubled ("what it is is", "that that was", "had had") or are
// doubled interjections ("bye bye", "ha ha").
constexpr std::string_view kEnglishDoubles[] = {
    "that", "had",  "is",    "do",  "does", "did",   "ha",  "haha", "hah",  "he",
    "hey",  "hi",   "ho",    "bye", "no",   "yes",   "so",  "tut",  "bla",  "blah",
    "yada", "chop", "knock", "wow", "oh",   "go",    "hip", "ding", "dong", "boo",
    "ah",   "aha",  "la",    "na",  "yeah", "there", "my",  "now",
};

// Korean words that are never doubled on purpose: determiners, conjunctions, dependent nouns,
// particles written apart and common function words. Other Hangul words are often reduplicated
// adverbs spaced apart ("하나 하나", "차례 차례", "쿵 쿵"), which deleting would change.
constexpr std::string_view kKoreanFunctionWords[] = {
    "이",   "그",   "저",     "이런",   "그런",   "저런",   "어떤",   "모든", "각",   "몇",
    "및",   "또는", "그리고", "하지만", "그러나", "그래서", "따라서", "또한", "즉",   "혹은",
    "수",   "것",   "때",     "등",     "를",     "을",     "은",     "는",   "가",   "에",
    "의",   "와",   "과",     "도",     "로",     "으로",   "에서",   "에게", "한",   "할",
    "하는", "있는", "없는",   "된",     "되는",   "같은",   "위해",   "통해", "대한", "경우",
    "다음", "아래", "위의",   "이제",   "먼저",   "바로",   "다시",   "만약", "만일", "아직",
};

// Particle endings that mark a doubled Korean word as a noun phrase written twice ("설정을
// 설정을"), not a reduplicated adverb.
constexpr std::string_view kKoreanParticleEndings[] = {
    "을", "를", "은", "는", "의", "에", "에서", "에게", "와", "과", "으로",
};

enum class Script { latin, hangul, other };

Script script_of(std::string_view word) {
  bool latin = false, hangul = false;
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    i += d.length;
    const char32_t cp = d.code_point;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '\'' || cp == 0x2019) {
      latin = true;
    } else if (utf8::is_hangul_syllable(cp)) {
      hangul = true;
    } else {
      return Script::other;  // digits, '_', '.', other scripts
    }
  }
  if (latin && hangul) return Script::other;
  return latin ? Script::latin : hangul ? Script::hangul : Script::other;
}

// Whether doubling `word` is worth reporting.
bool reportable(std::string_view word, Script script) {
  if (script == Script::latin) {
    const std::string w = ascii_lowered(word);
    if (word.size() < 2 && w != "a") return false;  // variables such as "x x", but "a a" is a slip
    return std::find(std::begin(kEnglishDoubles), std::end(kEnglishDoubles), w) ==
           std::end(kEnglishDoubles);
  }
  if (script != Script::hangul) return false;
  if (std::find(std::begin(kKoreanFunctionWords), std::end(kKoreanFunctionWords), word) !=
      std::end(kKoreanFunctionWords))
    return true;
  // A word of two or more syllables (each three bytes) ending in a particle.
  if (word.size() < 6) return false;
  return std::any_of(
      std::begin(kKoreanParticleEndings), std::end(kKoreanParticleEndings),
      [&](std::string_view p) { return word.size() > p.size() && word.ends_with(p); });
}

// True when the word at text [begin, end) stands alone: not glued to a code span or other
// non-prose inline ("`spawn`이 이 클로저": that '이' is a particle of the code).
bool stands_alone(std::string_view text, uint32_t begin, uint32_t end) {
  constexpr std::string_view object = kObjectReplacement;
  if (text.substr(0, begin).ends_with(object)) return false;
  // "React 18이 이 글": the first '이' is the particle of "18".
  if (begin > 0) {
    const char before = text[begin - 1];
    if ((before >= '0' && before <= '9') || (before >= 'a' && before <= 'z') ||
        (before >= 'A' && before <= 'Z') || before == '_' || before == ')' || before == ']')
      return false;
  }
  return !text.substr(end).starts_with(object);
}

// Only spaces, with at most one line break among them.
bool only_spaces(std::string_view gap) {
  if (gap.empty()) return false;
  int breaks = 0;
  for (char c : gap) {
    if (c == '\n') {
      ++breaks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return breaks <= 1;
}

// True when text [begin, end) maps to one contiguous stretch of source in which every piece that
// is not a verbatim copy is a line break, so that deleting the source span deletes exactly that
// text (an emphasis marker between the words would make it false).
bool deletable(const ProseRun& run, uint32_t begin, uint32_t end) {
  const std::vector<ProseRun::Piece>& pieces = run.pieces();
  const std::string& text = run.text();
  const ProseRun::Piece* previous = nullptr;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const uint32_t piece_begin = pieces[i].text_begin;
    const uint32_t piece_end =
        i + 1 < pieces.size() ? pieces[i + 1].text_begin : static_cast<uint32_t>(text.size());
    if (piece_end <= begin) continue;
    if (piece_begin >= end) break;
    if (!pieces[i].verbatim && text.substr(piece_begin, piece_end - piece_begin) != "\n")
      return false;
    if (previous && previous->source.end != pieces[i].source.begin) return false;
    previous = &pieces[i];
  }
  return true;
}

bool is_gap_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

// Tokens longer than this are left to the full check.
constexpr size_t kQuickTokenBytes = 64;

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The first byte of a word script_of() calls Latin or Hangul: an ASCII letter, an apostrophe
// (' or the lead byte of ’) or the lead byte of a Hangul syllable.
bool may_start_word(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') return true;
  return byte == '\'' || byte == 0xE2 || (byte >= 0xEA && byte <= 0xED);
}

// False only when no word of `text` can be followed by itself. A finding is a word, a run of
// spaces, tabs and line breaks, and the same bytes again (Latin ones compared without case); so
// some token (bytes between such runs) ends with what the next token starts with, and since ICU
// never breaks between two ASCII letters or digits, nor between two Hangul syllables, neither
// copy stands next to one that goes on ("이용해 해결": 해 goes on into 해결). A few byte compares
// per token, so that the ICU word segmentation, most of the rule's time, runs only for the rare
// paragraph where that shape occurs.
bool may_repeat(std::string_view text) {
  const auto same = [&](size_t a, size_t b, size_t length) {
    for (size_t i = 0; i < length; ++i)
      if (ascii_lower(text[a + i]) != ascii_lower(text[b + i])) return false;
    return true;
  };
  // Two Hangul syllables meet at `at`: ICU never breaks between them either.
  const auto syllables_meet = [&](size_t at) {
    return at >= 3 && hangul::syllable_at(text, at) && hangul::syllable_at(text, at - 3);
  };
  // Whether text[begin, end) may be a whole word of its token [token_begin, token_end).
  const auto whole = [&](size_t token_begin, size_t begin, size_t end, size_t token_end) {
    if (begin > token_begin &&
        ((is_ascii_alnum(text[begin]) && is_ascii_alnum(text[begin - 1])) || syllables_meet(begin)))
      return false;
    return !(end < token_end &&
             ((is_ascii_alnum(text[end - 1]) && is_ascii_alnum(text[end])) || syllables_meet(end)));
  };
  size_t previous_begin = 0, previous_end = 0;  // the token before, empty at first
  size_t previous_tail = 0;                     // the bytes of the syllables it ends with
  for (size_t i = 0; i < text.size();) {
    const size_t begin = i;
    // The token, syllables three bytes a step (no gap byte is part of one). A copy can neither
    // end inside the syllables a token begins with nor begin inside those it ends with
    // (syllables_meet), so the lengths that would are passed over.
    size_t head = 0;           // the bytes of the syllables it begins with
    size_t tail_from = begin;  // where the syllables it ends with begin
    while (i < text.size() && !is_gap_byte(text[i])) {
      if (hangul::syllable_at(text, i)) {
        i += 3;
        if (tail_from == begin) head = i - begin;
      } else {
        tail_from = ++i;
      }
    }
    const size_t end = i;
    while (i < text.size() && is_gap_byte(text[i])) ++i;
    if (begin == end) continue;  // text that starts with a gap
    const size_t previous = previous_end - previous_begin;
    if (previous > 0 && may_start_word(text[begin])) {
      if (previous > kQuickTokenBytes || end - begin > kQuickTokenBytes) return true;
      const char last = ascii_lower(text[previous_end - 1]);
      for (size_t length = std::max<size_t>({1, previous_tail, head});
           length <= std::min(previous, end - begin); ++length)
        if (ascii_lower(text[begin + length - 1]) == last &&
            same(previous_end - length, begin, length) &&
            whole(previous_begin, previous_end - length, previous_end, previous_end) &&
            whole(begin, begin, begin + length, end))
          return true;
    }
    previous_begin = begin;
    previous_end = end;
    previous_tail = end - tail_from;
  }
  return false;
}

bool in_chunks(const std::vector<text::Range>& chunks, uint32_t begin, uint32_t end) {
  for (const text::Range& c : chunks)
    if (begin < c.end && c.begin < end) return true;
  return false;
}

class RepeatedWord final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      if (!may_repeat(text)) continue;
      const text::SharedList<text::Word> words = text::words(text);
      text::SharedList<text::Range> chunks;
      bool chunks_ready = false;
      for (size_t i = 1; i < words.size(); ++i) {
        const text::Word& first = words[i - 1];
        const text::Word& second = words[i];
        const std::string_view a = first.in(text);
        const std::string_view b = second.in(text);
        if (a.size() != b.size()) continue;
        const Script script = script_of(b);
        if (script == Script::other) continue;
        if (script == Script::latin ? ascii_lowered(a) != ascii_lowered(b) : a != b) continue;
        if (!only_spaces(std::string_view(text).substr(first.end, second.begin - first.end)))
          continue;
        if (!reportable(b, script)) continue;
        if (!stands_alone(text, first.begin, first.end) ||
            !stands_alone(text, second.begin, second.end))
          continue;
        if (!chunks_ready) {
          chunks = text::non_prose_chunks(text);
          chunks_ready = true;
        }
        if (in_chunks(chunks, first.begin, second.end)) continue;
        if (!run.is_verbatim(second.begin, second.end)) continue;
        if (!deletable(run, first.end, second.end)) continue;
        const ByteSpan span = run.to_source(first.end, second.end);
        Diagnostic& d = sink.report(span, "'" + std::string(b) + "' is repeated");
        d.fixes.push_back(Fix{.title = "delete the repeated '" + std::string(b) + "'",
                              .safe = true,
                              .edits = {Edit{.span = span, .replacement = ""}}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_repeated_word() {
  return std::make_unique<RepeatedWord>();
}

}  // namespace hanmark
