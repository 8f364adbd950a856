// hangul-nfc: prose with Hangul decomposed into conjoining jamo (not in Unicode NFC), as macOS
// file names and pastes leave it; the safe fix composes it.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "rules/all_rules.h"
#include "text/hangul.h"
#include "text/words.h"

namespace hanmark {

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(status);
}

bool is_conjoining_jamo(char32_t cp) {
  return cp >= 0x1100 && cp <= 0x11FF;
}

// CJK compatibility ideographs: KS X 1001 keeps duplicate Hanja for their readings, and NFC
// maps them onto the unified ideographs. That is a choice of character, not an encoding slip.
bool is_compatibility_ideograph(char32_t cp) {
  return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// The compatibility jamo that shows a conjoining jamo on its own (ᄒ → ㅎ), or 0.
char32_t visible_jamo(char32_t cp) {
  static constexpr char16_t kInitials[] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                           0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                           0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
  static constexpr char16_t kFinals[] = {0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136, 0x3137,
                                         0x3139, 0x313A, 0x313B, 0x313C, 0x313D, 0x313E, 0x313F,
                                         0x3140, 0x3141, 0x3142, 0x3144, 0x3145, 0x3146, 0x3147,
                                         0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
  if (cp >= 0x1100 && cp <= 0x1112) return kInitials[cp - 0x1100];
  if (cp >= 0x1161 && cp <= 0x1175) return 0x314F + (cp - 0x1161);
  if (cp >= 0x11A8 && cp <= 0x11C2) return kFinals[cp - 0x11A8];
  return 0;
}

// Shortens a quoted stretch to `max` code points, ending it with '…'.
std::string shorten(std::string_view text, size_t max) {
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (++count > max) return out + "…";
    out.append(text.substr(i, d.length));
    i += d.length;
  }
  return out;
}

// The jamo spelling of decomposed Hangul ("ㅎㅏㄴㄱㅡㄹ"), at most `max` letters.
std::string jamo_spelling(std::string_view text, size_t max) {
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    i += d.length;
    const char32_t shown = visible_jamo(d.code_point);
    if (!shown) continue;
    if (++count > max) return out + "…";
    utf8::append(out, shown);
  }
  return out;
}

struct Stretch {
  uint32_t begin;
  uint32_t end;
};

// Maximal stretches of `text` that are not in NFC, cut at normalization boundaries. Stretches
// separated by nothing but spaces are merged: a pasted decomposed sentence is one finding.
std::vector<Stretch> non_nfc_stretches(std::string_view text) {
  const icu::Normalizer2& norm = nfc();
  std::vector<Stretch> out;
  auto flush = [&](uint32_t begin, uint32_t end) {
    if (begin == end) return;
    const std::string_view segment = text.substr(begin, end - begin);
    bool compat = false;
    for (size_t i = 0; i < segment.size();) {
      const utf8::Decoded d = utf8::decode(segment, i);
      if (is_compatibility_ideograph(d.code_point)) compat = true;
      i += d.length;
    }
    if (compat || hangul::is_nfc(segment)) return;
    if (!out.empty()) {
      const std::string_view gap = text.substr(out.back().end, begin - out.back().end);
      if (gap.find_first_not_of(' ') == std::string_view::npos) {
        out.back().end = end;
        return;
      }
    }
    out.push_back({begin, end});
  };
  uint32_t segment_begin = 0;
  for (uint32_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    const bool boundary = d.code_point == utf8::kInvalid ||
                          norm.hasBoundaryBefore(static_cast<UChar32>(d.code_point));
    if (boundary && i > segment_begin) {
      flush(segment_begin, i);
      segment_begin = i;
    }
    i += d.length;
  }
  flush(segment_begin, static_cast<uint32_t>(text.size()));
  return out;
}

class HangulNfcRule final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{
        .id = "hangul-nfc",
        .category = Category::unicode,
        .default_severity = Severity::warning,
        .fix = FixAvailability::always,
        .summary = "prose with decomposed Hangul jamo, which is not in Unicode NFC",
    };
    return info;
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose()) {
      const std::string& text = run.text();
      if (hangul::is_nfc(text)) continue;
      const text::SharedList<text::Range> chunks = text::non_prose_chunks(text);
      for (const Stretch& s : non_nfc_stretches(text)) {
        bool in_chunk = false;
        for (const text::Range& c : chunks) in_chunk |= s.begin < c.end && c.begin < s.end;
        if (in_chunk || !run.is_verbatim(s.begin, s.end)) continue;
        const ByteSpan span = run.to_source(s.begin, s.end);
        const std::string_view source = doc.slice(span);
        const std::string composed = hangul::to_nfc(source);
        if (composed == source) continue;
        bool jamo = false;
        for (size_t i = 0; i < source.size();) {
          const utf8::Decoded d = utf8::decode(source, i);
          jamo |= is_conjoining_jamo(d.code_point);
          i += d.length;
        }
        // Other combining sequences ("S\u0307") are mostly written on purpose, in posts about
        // Unicode itself; macOS decomposition shows up as Hangul jamo.
        if (!jamo) continue;
        std::string message = "text is not in NFC: '" + shorten(composed, 30) +
                              "' is decomposed Hangul ('" + jamo_spelling(source, 12) + "')";
        Diagnostic& d = sink.report(span, std::move(message));
        d.suggestions.push_back(composed);
        d.fixes.push_back(Fix{.title = "compose to NFC",
                              .safe = true,
                              .edits = {Edit{.span = span, .replacement = composed}}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_hangul_nfc() {
  return std::make_unique<HangulNfcRule>();
}

}  // namespace hanmark
