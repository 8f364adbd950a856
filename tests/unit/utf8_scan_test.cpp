// The word-at-a-time scans of core/utf8 must find exactly what decoding code point by code point
// finds.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/utf8.h"

using namespace hanmark;

namespace {

// The plain definition: decode from `from`, stop at the first NUL (when asked) or invalid byte.
size_t reference_scan(std::string_view text, size_t from, bool nul_too) {
  for (size_t i = from; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.code_point == utf8::kInvalid || (nul_too && d.code_point == 0)) return i;
    i += d.length;
  }
  return std::string_view::npos;
}

// Random text made of pieces that stress the fast paths and their edges.
std::string random_text(std::mt19937& random) {
  static const std::string pieces[] = {"a",
                                       "abcdefgh",
                                       " ",
                                       std::string(1, '\0'),
                                       "가",
                                       "한국어 ",
                                       "\xE0\xA0\x80",
                                       "\xE0\x80\x80",
                                       "\xED\x9F\xBF",
                                       "\xED\xA0\x80",
                                       "\xEF\xBF\xBF",
                                       "\xE1\x80",
                                       "\xC2\x80",
                                       "\xC1\xBF",
                                       "\xF0\x9F\x98\x80",
                                       "\xF4\x90\x80\x80",
                                       "\x80",
                                       "\xFF",
                                       "\xE2",
                                       "\xF0\x9F"};
  std::string text;
  const size_t count = random() % 40;
  for (size_t i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
  return text;
}

}  // namespace

TEST_CASE("find_invalid and find_invalid_or_nul agree with decoding one code point at a time") {
  std::mt19937 random(8);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = random_text(random);
    CHECK(utf8::find_invalid(text) == reference_scan(text, 0, false));
    // Every problem in turn, as Document::parse walks them.
    size_t from = 0;
    for (;;) {
      const size_t found = utf8::find_invalid_or_nul(text, from);
      REQUIRE(found == reference_scan(text, from, true));
      if (found == std::string_view::npos) break;
      from = found + 1;
    }
  }
}

TEST_CASE("find_invalid_or_nul reports a NUL and an invalid byte after long ASCII and Hangul") {
  const std::string ascii(37, 'x');
  CHECK(utf8::find_invalid_or_nul(ascii, 0) == std::string_view::npos);
  CHECK(utf8::find_invalid_or_nul(ascii + std::string(1, '\0'), 0) == 37);
  CHECK(utf8::find_invalid(ascii + std::string(1, '\0')) == std::string_view::npos);
  CHECK(utf8::find_invalid_or_nul("한국어 문장입니다\xED\xA0\x80", 0) == 25);
  CHECK(utf8::find_invalid_or_nul("가\xEA\xB0", 0) == 3);  // a sequence cut short at the end
}
