// invisible-char: invisible and look-alike space characters in prose (zero-width spaces and
// joiners, soft hyphens, stray BOMs, Hangul fillers, bidi controls, NBSP, ideographic space);
// the safe fix removes them or turns the space-like ones into a plain space.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "rules/all_rules.h"
#include "text/words.h"

namespace hanmark {

namespace {

struct Invisible {
  char32_t cp;
  std::string_view name;
  bool space_like;  // shows as (or stands for) a blank between words
};

constexpr Invisible kInvisibles[] = {
    {0x00A0, "NO-BREAK SPACE", true},
    {0x00AD, "SOFT HYPHEN", false},
    {0x115F, "HANGUL CHOSEONG FILLER", false},
    {0x1160, "HANGUL JUNGSEONG FILLER", false},
    {0x200B, "ZERO WIDTH SPACE", false},
    {0x200C, "ZERO WIDTH NON-JOINER", false},
    {0x200D, "ZERO WIDTH JOINER", false},
    {0x200E, "LEFT-TO-RIGHT MARK", false},
    {0x200F, "RIGHT-TO-LEFT MARK", false},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING", false},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING", false},
    {0x202C, "POP DIRECTIONAL FORMATTING", false},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE", false},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE", false},
    {0x2060, "WORD JOINER", false},
    {0x2066, "LEFT-TO-RIGHT ISOLATE", false},
    {0x2067, "RIGHT-TO-LEFT ISOLATE", false},
    {0x2068, "FIRST STRONG ISOLATE", false},
    {0x2069, "POP DIRECTIONAL ISOLATE", false},
    {0x3000, "IDEOGRAPHIC SPACE", true},
    {0x3164, "HANGUL FILLER", true},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE (BOM)", false},
    {0xFFA0, "HALFWIDTH HANGUL FILLER", true},
};

// The first bytes of the UTF-8 encodings of kInvisibles. A byte >= 0xC0 always starts a code
// point (a continuation byte is 0x80-0xBF), so check() decodes only where one of these stands
// and skips the rest of the text, mostly Hangul and ASCII, a byte at a time.
constexpr bool may_start_invisible(unsigned char byte) {
  return byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF;
}

constexpr unsigned char first_utf8_byte(char32_t cp) {
  return static_cast<unsigned char>(cp < 0x80    ? cp
                                    : cp < 0x800 ? 0xC0 | (cp >> 6)
                                                 : 0xE0 | (cp >> 12));
}

static_assert(std::all_of(std::begin(kInvisibles), std::end(kInvisibles), [](const Invisible& inv) {
  return inv.cp < 0x10000 && may_start_invisible(first_utf8_byte(inv.cp));
}));

const Invisible* find_invisible(char32_t cp) {
  for (const Invisible& inv : kInvisibles) {
    if (inv.cp == cp) return &inv;
  }
  return nullptr;
}

bool is_blank(char32_t cp) {
  return cp == ' ' || cp == '\t';
}

// Code point ending at byte `end` of `text` (0 at the start).
utf8::Decoded decode_before(std::string_view text, size_t end) {
  return end == 0 ? utf8::Decoded{0, 0} : utf8::decode_before(text, 0, end);
}

bool is_pictographic(char32_t cp) {
  return cp != utf8::kInvalid && cp != 0 &&
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
}

// Parts of an emoji that may stand between a pictograph and a ZWJ: variation selectors, skin
// tone modifiers, tag characters, the keycap mark.
bool is_emoji_tail(char32_t cp) {
  return cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

// Scripts whose spelling uses ZWJ/ZWNJ (Persian "می‌خواهم", Indic conjuncts).
bool is_joining_script(char32_t cp) {
  if (cp == 0 || cp == utf8::kInvalid || cp < 0x0590) return false;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(cp), &status)) {
    case USCRIPT_ARABIC:
    case USCRIPT_SYRIAC:
    case USCRIPT_NKO:
    case USCRIPT_MONGOLIAN:
    case USCRIPT_DEVANAGARI:
    case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI:
    case USCRIPT_GUJARATI:
    case USCRIPT_ORIYA:
    case USCRIPT_TAMIL:
    case USCRIPT_TELUGU:
    case USCRIPT_KANNADA:
    case USCRIPT_MALAYALAM:
    case USCRIPT_SINHALA:
      return true;
    default:
      return false;
  }
}

// True for a ZWJ/ZWNJ that belongs to the text around it: inside an emoji ZWJ sequence
// (👨‍👩‍👧) or next to a letter of a script that joins.
bool legitimate_joiner(std::string_view text, uint32_t begin, uint32_t end, char32_t cp) {
  utf8::Decoded before = decode_before(text, begin);
  const char32_t after = end < text.size() ? utf8::decode(text, end).code_point : 0;
  if (is_joining_script(before.code_point) || is_joining_script(after)) return true;
  if (cp != 0x200D) return false;
  size_t at = begin;
  while (before.length && is_emoji_tail(before.code_point)) {
    at -= before.length;
    before = decode_before(text, at);
  }
  return is_pictographic(before.code_point) && is_pictographic(after);
}

class InvisibleCharRule final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{
        .id = "invisible-char",
        .category = Category::unicode,
        .default_severity = Severity::warning,
        .fix = FixAvailability::always,
        .summary = "invisible characters and look-alike spaces in prose",
    };
    return info;
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      text::SharedList<text::Range> chunks;
      bool chunks_done = false;
      for (uint32_t i = 0; i < text.size();) {
        if (!may_start_invisible(static_cast<unsigned char>(text[i]))) {
          ++i;
          continue;
        }
        const utf8::Decoded d = utf8::decode(text, i);
        const uint32_t begin = i;
        const uint32_t end = i + d.length;
        i = end;
        const Invisible* inv = find_invisible(d.code_point);
        if (!inv) continue;
        // `&nbsp;`, `&#8203;`: written on purpose.
        if (!run.is_verbatim(begin, end)) continue;
        if ((inv->cp == 0x200C || inv->cp == 0x200D) &&
            legitimate_joiner(text, begin, end, inv->cp)) {
          continue;
        }
        if (!inv->space_like) {
          if (!chunks_done) chunks = text::non_prose_chunks(text), chunks_done = true;
          bool in_chunk = false;
          for (const text::Range& c : chunks) in_chunk |= begin >= c.begin && begin < c.end;
          if (in_chunk) continue;
        }
        const ByteSpan span = run.to_source(begin, end);
        if (span.begin == 0) continue;  // a BOM at byte 0 is the file's, not the text's
        bool at_line_start = true;
        for (size_t at = begin; at > 0;) {
          const utf8::Decoded b = decode_before(text, at);
          if (b.length == 0 || b.code_point == '\n') break;
          at -= b.length;
          if (!find_invisible(b.code_point) && !is_blank(b.code_point)) {
            at_line_start = false;
            break;
          }
        }
        char32_t follow = 0;
        for (size_t at = end; at < text.size();) {
          const utf8::Decoded a = utf8::decode(text, at);
          if (a.code_point == '\n') break;
          at += a.length;
          if (find_invisible(a.code_point)) continue;
          follow = a.code_point;
          break;
        }
        report(doc, span, *inv, at_line_start, follow, sink);
      }
    }
  }

 private:
  // `at_line_start`: only blanks and invisibles stand before it on its line of prose text;
  // `follow`: the first character after it that is not invisible (0 at the end of the line).
  static void report(const Document& doc, ByteSpan span, const Invisible& inv, bool at_line_start,
                     char32_t follow, DiagnosticSink& sink) {
    const std::string_view src = doc.source();
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(inv.cp));
    std::string message = "invisible character ";
    message += hex;
    message += ' ';
    message += inv.name;
    Diagnostic& d = sink.report(span, std::move(message));
    const auto flagged = [](char32_t cp) { return find_invisible(cp) != nullptr; };
    const auto line_end = [](char32_t cp) { return cp == 0 || cp == '\n' || cp == '\r'; };

    // What stands on the line before and after, looking past other invisibles.
    char32_t prev = 0;
    bool spaces_before = false;  // ASCII blanks between `prev` and this character
    for (size_t at = span.begin;;) {
      const utf8::Decoded b = decode_before(src, at);
      if (b.length == 0 || line_end(b.code_point)) break;
      at -= b.length;
      if (flagged(b.code_point)) continue;
      if (is_blank(b.code_point)) {
        spaces_before = true;
        continue;
      }
      prev = b.code_point;
      break;
    }
    char32_t next = 0;
    for (size_t at = span.end; at < src.size();) {
      const utf8::Decoded a = utf8::decode(src, at);
      if (line_end(a.code_point)) break;
      at += a.length;
      if (flagged(a.code_point) || is_blank(a.code_point)) continue;
      next = a.code_point;
      break;
    }
    const char32_t raw_prev = decode_before(src, span.begin).code_point;
    const char32_t raw_next = span.end < src.size() ? utf8::decode(src, span.end).code_point : 0;

    Edit edit{.span = span, .replacement = ""};
    std::string title = "remove the invisible character";
    if (inv.space_like && prev != 0 && next != 0 && !is_blank(raw_prev) && !flagged(raw_prev) &&
        !is_blank(raw_next)) {
      // Between two words it is their space: keep one.
      bool blank_follows = false;
      for (size_t at = span.end; at < src.size();) {
        const utf8::Decoded a = utf8::decode(src, at);
        if (!flagged(a.code_point) && !is_blank(a.code_point)) break;
        blank_follows |= is_blank(a.code_point);
        at += a.length;
      }
      if (!blank_follows) {
        edit.replacement = " ";
        title = "replace with a plain space";
      }
    } else if (is_blank(raw_prev) && raw_next == ' ' && prev != 0 && next != 0) {
      // "a \u200B b": removing it alone would leave two spaces.
      edit.span.end += 1;
    }

    // At the start of a line's text (after any block quote or list markers), removing it may
    // turn the line into Markdown syntax ("#", "-", an indented code block); at the end, blanks
    // before it may become a hard line break.
    bool safe = !at_line_start || (follow != 0 && follow != utf8::kInvalid &&
                                   u_isalpha(static_cast<UChar32>(follow)));
    if (next == 0 && spaces_before) safe = false;
    d.fixes.push_back(Fix{.title = std::move(title), .safe = safe, .edits = {std::move(edit)}});
  }
};

}  // namespace

std::unique_ptr<Rule> make_invisible_char() {
  return std::make_unique<InvisibleCharRule>();
}

}  // namespace hanmark
