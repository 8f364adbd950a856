// fullwidth-punctuation: full-width ASCII punctuation (U+FF01–FF5E) and the ideographic full
// stop and comma (。、) in Korean prose, fixed to their ASCII forms.
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "rules/all_rules.h"
#include "text/words.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "fullwidth-punctuation",
    .category = Category::typography,
    .default_severity = Severity::warning,
    .fix = FixAvailability::always,
    .summary = "full-width punctuation such as '，' or '。' in Korean prose",
};

bool is_kana(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9D);
}

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_latin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

// The ASCII form of a full-width punctuation mark, or 0 when `cp` is not one. Full-width
// letters and digits (Ａ, ０) are not punctuation and are left alone.
char ascii_form(char32_t cp) {
  if (cp == 0x3002) return '.';
  if (cp == 0x3001) return ',';
  if (cp < 0xFF01 || cp > 0xFF5E) return 0;
  const char c = static_cast<char>(cp - 0xFEE0);
  if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return 0;
  return c;
}

// False when `text` has none of the marks ascii_form() knows: 。、 (E3 80 82, E3 80 81) and
// U+FF01-FF5E (EF BC 81-BF, EF BD 80-9E). Tested on the bytes: most paragraphs have none, and
// many have other characters with those lead bytes (「」, U+FFFC for inline code).
bool may_have_mark(std::string_view text) {
  const auto at = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (at(i) == 0xE3 && at(i + 1) == 0x80 && (at(i + 2) == 0x81 || at(i + 2) == 0x82)) return true;
    if (at(i) == 0xEF &&
        ((at(i + 1) == 0xBC && at(i + 2) >= 0x81) || (at(i + 1) == 0xBD && at(i + 2) <= 0x9E)))
      return true;
  }
  return false;
}

// A mark that takes a space after it in Korean and English prose when a word follows.
bool spaced_after(char c) {
  return c == ',' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

using Char = utf8::CodePoint;
using utf8::decode_all;

// True when the nearest letter on either side of chars[at] is Japanese or Chinese: the mark
// belongs to a quotation in that language ("「你好，世界」").
bool in_cjk_quote(const std::vector<Char>& chars, size_t at) {
  const auto cjk = [](char32_t cp) { return is_kana(cp) || is_han(cp); };
  const auto letter = [](char32_t cp) {
    return utf8::is_hangul(cp) || is_kana(cp) || is_han(cp) || is_latin_letter(cp);
  };
  for (size_t i = at; i-- > 0;) {
    if (letter(chars[i].cp)) {
      if (cjk(chars[i].cp)) return true;
      break;
    }
  }
  for (size_t i = at + 1; i < chars.size(); ++i) {
    if (letter(chars[i].cp)) return cjk(chars[i].cp);
  }
  return false;
}

bool in_chunks(const std::vector<text::Range>& chunks, uint32_t begin, uint32_t end) {
  for (const text::Range& c : chunks)
    if (begin < c.end && c.begin < end) return true;
  return false;
}

class FullwidthPunctuation final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      if (!may_have_mark(text)) continue;
      const std::vector<Char> chars = decode_all(text);
      bool korean = false;
      for (const Char& c : chars) korean = korean || utf8::is_hangul_syllable(c.cp);
      if (!korean) continue;
      text::SharedList<text::Range> chunks;
      bool chunks_ready = false;
      for (size_t i = 0; i < chars.size(); ++i) {
        const char ascii = ascii_form(chars[i].cp);
        if (!ascii) continue;
        if (in_cjk_quote(chars, i)) continue;
        if (!chunks_ready) {
          chunks = text::non_prose_chunks(text);
          chunks_ready = true;
        }
        if (in_chunks(chunks, chars[i].begin, chars[i].end)) continue;
        if (!run.is_verbatim(chars[i].begin, chars[i].end)) continue;
        const std::string mark(text.substr(chars[i].begin, chars[i].end - chars[i].begin));
        std::string replacement(1, ascii);
        // "설정，확인" → "설정, 확인": the full-width mark carried its own space.
        if (spaced_after(ascii) && i + 1 < chars.size() &&
            (utf8::is_hangul(chars[i + 1].cp) || is_latin_letter(chars[i + 1].cp)))
          replacement += ' ';
        const ByteSpan span = run.to_source(chars[i].begin, chars[i].end);
        Diagnostic& d = sink.report(
            span, "full-width '" + mark + "' in Korean prose; use '" + std::string(1, ascii) + "'");
        d.suggestions.emplace_back(1, ascii);
        d.fixes.push_back(Fix{.title = "replace with '" + replacement + "'",
                              .safe = true,
                              .edits = {Edit{.span = span, .replacement = replacement}}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_fullwidth_punctuation() {
  return std::make_unique<FullwidthPunctuation>();
}

}  // namespace hanmark
