// to_units, the lexicon's UTF-8 to UTF-16 conversion with its fast path for three-byte
// characters, against a plain conversion through utf8::decode, on random bytes: valid and
// invalid sequences, overlong forms, surrogates, truncated ends.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/utf8.h"
#include "spell/affix_lexicon_data.h"

using namespace hanmark;

namespace {

Units plain_units(std::string_view text) {
  Units out;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    i += d.length;
    const char32_t cp = d.code_point == utf8::kInvalid ? 0xFFFD : d.code_point;
    if (cp < 0x10000) {
      out += static_cast<char16_t>(cp);
    } else {
      out += static_cast<char16_t>(0xD7C0 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("lexicon units: to_units converts as utf8::decode reads") {
  // Bytes that lead and continue sequences of every length, and the edges of the fast path.
  const unsigned char bytes[] = {0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE1, 0xEA,
                                 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x84, 0x85};
  std::mt19937 random(9);
  size_t wrong = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string text;
    for (size_t length = random() % 12; length > 0; --length)
      text += static_cast<char>(bytes[random() % std::size(bytes)]);
    wrong += to_units(text) != plain_units(text);
  }
  CHECK(wrong == 0);
  const std::string hangul = "\xE1\x84\x80\xE1\x85\xA1 \xEA\xB0\x80\xED\x9E\xA3\xF0\x9F\x98\x80";
  CHECK(to_units(hangul) == plain_units(hangul));
  CHECK(to_units(hangul + hangul + hangul + hangul + hangul) ==
        plain_units(hangul + hangul + hangul + hangul + hangul));  // longer than the stack buffer
}
