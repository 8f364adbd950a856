// hangul::is_nfc answers from the bytes for plain text and asks ICU otherwise: compared here with
// ICU's answer on the UTF-16 form, on every code point below U+0300 and on random mixes of the
// characters that decide normalization (jamo, combining marks, compatibility forms, bad bytes).
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/hangul.h"

namespace hanmark {
namespace {

bool icu_is_nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfc = *icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  return nfc.isNormalized(utf16, status) || U_FAILURE(status);
}

std::string utf8_of(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

TEST_CASE("is_nfc agrees with ICU on code points below U+0300, after syllables and marks") {
  for (char32_t cp = 1; cp < 0x300; ++cp) {
    for (const char* before : {"", "a", "가", "각", "\xE1\x84\x80"}) {
      const std::string text = before + utf8_of(cp) + "\xCC\x81";  // then U+0301
      CHECK_MESSAGE(hangul::is_nfc(text) == icu_is_nfc(text), "U+", std::hex, uint32_t(cp));
      const std::string plain = before + utf8_of(cp);
      CHECK_MESSAGE(hangul::is_nfc(plain) == icu_is_nfc(plain), "U+", std::hex, uint32_t(cp));
    }
  }
}

TEST_CASE("is_nfc agrees with ICU on every code point, alone, after a syllable and before marks") {
  std::vector<char32_t> code_points;
  for (char32_t cp = 0x300; cp < 0x10000; ++cp)
    if (cp < 0xD800 || cp > 0xDFFF) code_points.push_back(cp);
  // Beyond the BMP: emoji, musical symbols and CJK compatibility ideographs (which decompose).
  for (char32_t cp : {0x1F600, 0x1D15E, 0x1D160, 0x2F800, 0x2FA1D, 0x10000, 0xE0001, 0x1F1E6})
    code_points.push_back(cp);
  size_t wrong = 0;
  for (char32_t cp : code_points) {
    for (const char* before : {"", "가"}) {
      for (const char* after : {"", "\xCC\x81", "\xE1\x85\xA1"}) {  // U+0301, a vowel jamo
        const std::string text = before + utf8_of(cp) + after;
        if (hangul::is_nfc(text) != icu_is_nfc(text) && ++wrong <= 5)
          MESSAGE("U+" << std::hex << uint32_t(cp) << " after '" << before << "'");
      }
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("is_nfc agrees with ICU on random mixes of deciding characters") {
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "가",
                                           "각",
                                           "힣",
                                           "한국어",
                                           "é",
                                           "\xC3\x80",  // precomposed
                                           "\xE1\x84\x80",
                                           "\xE1\x85\xA1",
                                           "\xE1\x86\xA8",  // L, V, T jamo
                                           "\xE3\x84\xB1",
                                           "\xEF\xBE\xA1",  // compatibility jamo, halfwidth
                                           "\xCC\x81",
                                           "\xCC\xA3",
                                           "\xCD\x80",
                                           "\xCD\x84",  // U+0301, U+0323, U+0340, U+0344
                                           "\xE2\x84\xAB",
                                           "\xEF\xAC\x80",
                                           "\xE2\x80\x9C",
                                           "\xF0\x9F\x98\x80",  // Å sign, ﬀ, “, emoji
                                           "\xEA\xB0",
                                           "\xED\x9F\xBF",
                                           "\x80",
                                           "\xC2",
                                           "\xED\xA0\x80",
                                           "\xEA\xB0\x80\xCC"};
  std::mt19937 random(8);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 6);
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    for (size_t n = length(random); n > 0; --n) text += pieces[pick(random)];
    REQUIRE_MESSAGE(hangul::is_nfc(text) == icu_is_nfc(text), text);
  }
}

}  // namespace
}  // namespace hanmark
