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
// Inline: rules decode every code point of a post several times.
inline Decoded decode(std::string_view text, size_t offset) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(offset);
  if (lead < 0x80) return {lead, 1};
  unsigned length;
  char32_t cp;
  char32_t minimum;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    return {kInvalid, 1};
  }
  if (offset + length > text.size()) return {kInvalid, 1};
  for (unsigned i = 1; i < length; ++i) {
    const unsigned char next = byte(offset + i);
    if ((next & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kInvalid, 1};
  return {cp, length};
}

// Decodes the code point that ends right before `end` (begin < end), looking back no further
// than `begin`: the one decode() finds going forward from `begin` (an invalid byte is one
// kInvalid), since a byte >= 0xC0 always starts a code point.
inline Decoded decode_before(std::string_view text, size_t begin, size_t end) {
  size_t start = end - 1;
  while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
         end - start < 4)
    --start;
  const Decoded d = decode(text, start);
  if (start + d.length != end) return {kInvalid, 1};
  return d;
}

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
// Offset of the first NUL or invalid byte at or after `from` (a code point boundary), or npos.
size_t find_invalid_or_nul(std::string_view text, size_t from);

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
