// The words of prose text that may be written forms of a term: Latin tokens ("JavaScript",
// "Node.js") and Hangul words (eojeol, "딥러닝을"), with the particles that may end a Hangul word
// peeled off for comparison.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace hanmark::terms {

// A Latin token: ASCII letters and digits, with '.', '-', '_' or an apostrophe between two of
// them ("Node.js", "Wi-Fi", "don't") and a trailing "++" or "#" ("C++", "C#").
struct LatinToken {
  uint32_t begin;  // byte offsets into the text
  uint32_t end;
  // Glued to something that makes it part of a larger non-word: code (U+FFFC), a path, a
  // mention or a URL scheme ("@github", "/js", "javascript:void"), or Hangul before it.
  bool glued;

  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};
std::vector<LatinToken> latin_tokens(std::string_view text);

// A Hangul word that stands on its own: a run of syllables not glued to Latin letters, digits or
// code on either side (a particle after "API" or a code span is not a word).
struct HangulWord {
  uint32_t begin;
  uint32_t end;

  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};
std::vector<HangulWord> hangul_words(std::string_view text);

// Byte lengths of `word` without a trailing particle (and a plural 들 before it), longest cut
// first, the whole word last: "딥러닝을" → {딥러닝, 딥러닝을}; "모델들의" → {모델, 모델들,
// 모델들의}. A cut always leaves at least one syllable. Only for comparing forms: 이 in "파이"
// is cut too, so both forms being compared must be cut the same way.
std::vector<uint32_t> stem_lengths(std::string_view word);
// stem_lengths(word) appended to `out`, without a vector of its own.
void append_stem_lengths(std::string_view word, std::vector<uint32_t>& out);

// True when `word` is one of the particles stem_lengths() cuts ("에서", "는").
bool is_particle(std::string_view word);

}  // namespace hanmark::terms
