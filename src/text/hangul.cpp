#include "text/hangul.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

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
  char32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (!is_syllable(d.code_point)) {
      if (!out.empty() && out.back().end == i) out.back().after = d.code_point;
      previous = d.code_point;
      i += d.length;
      continue;
    }
    if (out.empty() || out.back().end != i) {
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i), previous, 0});
    }
    i += d.length;
    out.back().end = static_cast<uint32_t>(i);
    previous = d.code_point;
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

std::vector<std::string> one_jamo_variants(std::string_view word, uint32_t positions) {
  std::u32string syllables;
  for (size_t i = 0; i < word.size();) {
    const utf8::Decoded d = utf8::decode(word, i);
    if (!is_syllable(d.code_point)) return {};
    syllables.push_back(d.code_point);
    i += d.length;
  }
  std::vector<std::string> out;
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
        std::string text;
        for (size_t k = 0; k < syllables.size(); ++k)
          utf8::append(text,
                       k == i ? kFirst + static_cast<char32_t>((nl * kVowels + nv) * kFinals + nt)
                              : syllables[k]);
        out.push_back(std::move(text));
      }
    }
  }
  return out;
}

namespace {

// ASCII and precomposed syllables only: normalized already (no two of them compose). Most words
// are; asking ICU costs a conversion to UTF-16.
bool is_ascii_and_syllables(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    if (!utf8::is_hangul_syllable(d.code_point)) return false;
    i += d.length;
  }
  return true;
}

}  // namespace

bool is_nfc(std::string_view text) {
  if (is_ascii_and_syllables(text)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  return nfc().isNormalized(in, status) || U_FAILURE(status);
}

}  // namespace hanmark::hangul
