// UTF-8 decoding that never fails: an invalid byte decodes as one replacement unit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace hanmark::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t code_point;  // kInvalid for a byte that starts no valid sequence
  unsigned length;      // bytes consumed, at least 1
};

// Decodes the sequence at `offset`; rejects overlong forms, surrogates and values above U+10FFFF.
Decoded decode(std::string_view text, size_t offset);

// One decoded code point and its bytes [begin, end) in the text.
struct CodePoint {
  char32_t cp;
  uint32_t begin;
  uint32_t end;
};

// Every code point of `text`, in order (an invalid byte is one kInvalid code point).
std::vector<CodePoint> decode_all(std::string_view text);

// Offset of the first invalid byte, or npos when `text` is valid UTF-8.
size_t find_invalid(std::string_view text);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// Columns a terminal uses for `cp`: 2 for East Asian wide/fullwidth and emoji presentation,
// 0 for combining marks, format characters and conjoining Hangul vowels/finals, else 1.
int display_width(char32_t cp);

inline bool is_hangul_syllable(char32_t cp) {
  return cp >= 0xAC00 && cp <= 0xD7A3;
}
bool is_hangul(char32_t cp);  // syllables, jamo and compatibility jamo

}  // namespace hanmark::utf8
