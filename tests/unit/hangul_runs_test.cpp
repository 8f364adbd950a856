// hangul::runs: the runs of Hangul syllables of a text with the code points around them, found
// by a byte-level test for syllables; checked against a plain decode of every code point.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/hangul.h"

using namespace hanmark;

namespace {

// What runs() must find: every code point decoded, a run per stretch of syllables.
std::vector<hangul::Run> reference_runs(std::string_view text) {
  std::vector<hangul::Run> out;
  char32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (hangul::is_syllable(d.code_point)) {
      if (out.empty() || out.back().end != i)
        out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i), previous, 0});
      out.back().end = static_cast<uint32_t>(i + d.length);
    } else if (!out.empty() && out.back().end == i) {
      out.back().after = d.code_point;
    }
    previous = d.code_point;
    i += d.length;
  }
  return out;
}

bool same(const std::vector<hangul::Run>& a, const std::vector<hangul::Run>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].before != b[i].before ||
        a[i].after != b[i].after)
      return false;
  return true;
}

}  // namespace

TEST_CASE("hangul runs: words, their neighbours, and what is not a syllable") {
  const std::string text = "(Rust를 배운다) 힣\xEA\xB0";  // a truncated syllable at the end
  const auto runs = hangul::runs(text);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].in(text) == "를");
  CHECK(runs[0].before == U't');
  CHECK(runs[0].after == U' ');
  CHECK(runs[1].in(text) == "배운다");
  CHECK(runs[1].after == U')');
  CHECK(runs[2].in(text) == "힣");
  CHECK(runs[2].after == utf8::kInvalid);
  // Conjoining jamo (U+1100…) and compatibility jamo (U+3131…) are not syllables.
  CHECK(hangul::runs("\xE1\x84\x80\xE3\x84\xB1").empty());
}

TEST_CASE("hangul runs: the same as decoding every code point, on random bytes") {
  // Pieces near the syllable block's edges, other scripts, broken sequences.
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "가",
                                           "힣",
                                           "\xEA\xAF\xBF" /* U+ABFF */,
                                           "\xED\x9E\xA4" /* U+D7A4 */,
                                           "\xED\xA0\x80" /* a surrogate */,
                                           "\xEA\xB0",
                                           "\xEA",
                                           "\xB0",
                                           "é",
                                           "日",
                                           "😀",
                                           "\xFF",
                                           "ㄱ"};
  std::mt19937 random(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    CHECK(same(hangul::runs(text).list(), reference_runs(text)));
  }
}
