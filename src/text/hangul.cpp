#include "text/hangul.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <unicode/unistr.h>
#include <atomic>

#include "core/utf8.h"
#include "text/text_memo.h"

namespace hanmark::hangul {

namespace {

constexpr char32_t kFirst = 0xAC00;
constexpr int kInitials = 19, kVowels = 21, kFinals = 28;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(status);
}

std::string normalized(const icu::Normalizer2& form, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString out = form.normalize(in, status);
  std::string utf8_out;
  if (U_FAILURE(status)) return std::string(text);
  out.toUTF8String(utf8_out);
  return utf8_out;
}

}  // namespace

int final_index(char32_t cp) {
  if (!is_syllable(cp)) return -1;
  return static_cast<int>((cp - kFirst) % kFinals);
}

char32_t with_final(char32_t syllable, int final) {
  if (!is_syllable(syllable) || final < 0 || final >= kFinals) return syllable;
  return syllable - static_cast<char32_t>(final_index(syllable)) + static_cast<char32_t>(final);
}

char32_t last_code_point(std::string_view text) {
  if (text.empty()) return 0;
  size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return utf8::decode(text, i).code_point;
}

bool Run::attached_to_non_hangul() const {
  if (before == 0 || is_space(before)) return false;
  // Opening punctuation starts a word: "(모델을" and "'서버'를" differ in what the particle
  // follows.
  return !(before == '(' || before == '[' || before == '{' || before == '<' || before == 0x201C ||
           before == 0x2018 || before == 0x300C || before == 0x300E);
}

namespace {

std::vector<Run> find_runs(std::string_view text) {
  std::vector<Run> out;
  char32_t previous = 0;  // the code point before `i`
  for (size_t i = 0; i < text.size();) {
    if (char32_t cp = syllable_at(text, i)) {
      // A whole run at once, then what follows it.
      const auto begin = static_cast<uint32_t>(i);
      const char32_t before = previous;
      do {
        previous = cp;
        i += 3;
      } while ((cp = syllable_at(text, i)) != 0);
      char32_t after = 0;
      if (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        after = byte < 0x80 ? byte : utf8::decode(text, i).code_point;
      }
      out.push_back({begin, static_cast<uint32_t>(i), before, after});
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      previous = byte;
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    previous = d.code_point;
    i += d.length;
  }
  return out;
}

}  // namespace

text::SharedList<Run> runs(std::string_view text) {
  // Several Korean rules (korean-spelling, josa, term-consistency, typo's Korean table) ask for
  // the runs of each paragraph: the second and later ask find them remembered.
  static text::TextMemo<std::vector<Run>> memo;
  if (text.empty()) return {};
  return text::SharedList<Run>(memo.get(text, [&] { return find_runs(text); }));
}

std::string to_nfc(std::string_view text) {
  return normalized(nfc(), text);
}

std::string to_nfd(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return U_FAILURE(status) ? std::string(text) : normalized(*nfd, text);
}

std::vector<SyllableEdit> one_jamo_edits(std::u32string_view syllables, uint32_t positions) {
  std::vector<SyllableEdit> out;
  for (int kind = 0; kind < 3; ++kind) {  // vowels, finals, initials
    for (size_t i = 0; i < syllables.size(); ++i) {
      if (i >= 32 || (positions >> i & 1) == 0) continue;
      const int index = static_cast<int>(syllables[i] - kFirst);
      const int l = index / (kVowels * kFinals), v = (index / kFinals) % kVowels,
                t = index % kFinals;
      const int count = kind == 0 ? kVowels : kind == 1 ? kFinals : kInitials;
      for (int x = 0; x < count; ++x) {
        const int nl = kind == 2 ? x : l, nv = kind == 0 ? x : v, nt = kind == 1 ? x : t;
        if (nl == l && nv == v && nt == t) continue;
        out.push_back({static_cast<uint32_t>(i),
                       kFirst + static_cast<char32_t>((nl * kVowels + nv) * kFinals + nt)});
      }
    }
  }
  return out;
}

std::u32string syllables_of(std::string_view word) {
  std::u32string syllables;
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    if (!is_syllable(d.code_point)) return {};
    syllables.push_back(d.code_point);
    i += d.length;
  }
  return syllables;
}

std::string edited(std::u32string_view syllables, SyllableEdit edit) {
  std::string text;
  for (size_t k = 0; k < syllables.size(); ++k)
    utf8::append(text, k == edit.at ? edit.syllable : syllables[k]);
  return text;
}

std::vector<std::string> one_jamo_variants(std::string_view word, uint32_t positions) {
  const std::u32string syllables = syllables_of(word);
  std::vector<std::string> out;
  for (const SyllableEdit& edit : one_jamo_edits(syllables, positions))
    out.push_back(edited(syllables, edit));
  return out;
}

namespace {

// Whether a code point leaves any text it stands in NFC as far as it goes: its NFC quick check is
// Yes (it neither decomposes nor composes with what precedes it) and its combining class is 0.
// Asked of ICU once per block of 256 code points that a text uses, then looked up: most
// paragraphs have some punctuation beyond U+02FF (…, ’, →), and the whole-text check in ICU
// costs a paragraph's worth of work each time.
class StableCodePoints {
 public:
  bool contains(char32_t cp) {
    if (cp >= 0x10000) return stable(cp);  // rare: emoji and the like
    Page& page = pages_[cp >> 8];
    if (!page.ready.load(std::memory_order_acquire)) fill(page, cp & ~char32_t{0xFF});
    return page.bits[(cp & 0xFF) >> 6].load(std::memory_order_relaxed) >> (cp & 63) & 1;
  }

 private:
  struct Page {
    std::atomic<bool> ready{false};
    std::atomic<uint64_t> bits[4] = {};
  };
  static bool stable(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(c) == 0;
  }
  // Threads filling one page at once write the same bits.
  static void fill(Page& page, char32_t first) {
    for (char32_t k = 0; k < 256; ++k)
      if (stable(first + k)) page.bits[k >> 6].fetch_or(uint64_t{1} << (k & 63));
    page.ready.store(true, std::memory_order_release);
  }
  Page pages_[256];
};

StableCodePoints& stable_code_points() {
  static StableCodePoints table;
  return table;
}

// Text that is NFC whatever its characters' order: ASCII, the code points below U+0300 (none
// decomposes, none composes with what precedes it, none has a combining class), precomposed
// syllables (a trailing jamo would compose with one, but it is none of these), and other code
// points StableCodePoints holds. Byte tests for the first three: this is asked of every
// paragraph and word, and most are Korean prose.
bool is_plainly_nfc(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  for (size_t i = 0; i < size;) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
    } else if (lead >= 0xC2 && lead <= 0xCB && i + 1 < size && (bytes[i + 1] & 0xC0) == 0x80) {
      i += 2;  // U+0080..U+02FF
    } else if (lead >= 0xEA && lead <= 0xED && i + 2 < size && (bytes[i + 1] & 0xC0) == 0x80 &&
               (bytes[i + 2] & 0xC0) == 0x80 &&
               utf8::is_hangul_syllable((lead & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 |
                                        (bytes[i + 2] & 0x3F))) {
      i += 3;
    } else {
      const utf8::Decoded d = utf8::decode(text, i);
      if (d.code_point == utf8::kInvalid || !stable_code_points().contains(d.code_point))
        return false;
      i += d.length;
    }
  }
  return true;
}

}  // namespace

bool is_nfc(std::string_view text) {
  if (is_plainly_nfc(text)) return true;
  // ICU checks UTF-8 as it is (ill-formed bytes count as U+FFFD), without a UTF-16 copy.
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfc().isNormalizedUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return normalized || U_FAILURE(status);
}

}  // namespace hanmark::hangul
