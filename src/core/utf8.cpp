#include "core/utf8.h"

#include <bit>
#include <cstring>
#include <string>

#include <unicode/uchar.h>

namespace hanmark::utf8 {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kLowBits = 0x0101010101010101ULL;

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A three-byte sequence at `p` (with `available` bytes) that cannot be overlong, a surrogate or
// too large: lead E1-EC or EE-EF and two continuation bytes. Hangul syllables and most CJK.
bool is_plain_three_bytes(const char* p, size_t available) {
  const auto lead = static_cast<unsigned char>(p[0]);
  if (lead == 0xE0 || lead == 0xED) return false;
  if (std::endian::native == std::endian::little && available >= 4) {
    uint32_t word;  // one load tests the lead's high nibble and both continuation bytes
    std::memcpy(&word, p, 4);
    return (word & 0xC0C0F0) == 0x8080E0;
  }
  return available >= 3 && (lead & 0xF0) == 0xE0 && is_continuation(p[1]) && is_continuation(p[2]);
}

// The first invalid byte (and NUL, when `nul_too`) from `i` on. Whole posts are scanned: ASCII
// goes eight bytes a step, and three-byte sequences that cannot be overlong, a surrogate or too
// large (Hangul syllables, CJK) skip decode()'s checks.
size_t find_problem(std::string_view text, size_t i, bool nul_too) {
  const char* bytes = text.data();
  const size_t size = text.size();
  while (i < size) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead >= 0x80) {
      if (is_plain_three_bytes(bytes + i, size - i)) {
        i += 3;
        continue;
      }
      const Decoded d = decode(text, i);
      if (d.code_point == kInvalid) return i;
      i += d.length;
      continue;
    }
    // Eight bytes a step where a load's lowest byte comes first in memory.
    if (std::endian::native != std::endian::little || size - i < 8) {
      if (nul_too && lead == 0) return i;
      ++i;
      continue;
    }
    // Skip the ASCII before the first NUL or non-ASCII byte of the next eight (the lowest
    // flagged byte is exact: a borrow only runs upwards from a NUL).
    uint64_t word;
    std::memcpy(&word, bytes + i, 8);
    const uint64_t flagged = (nul_too ? word | ((word - kLowBits) & ~word) : word) & kHighBits;
    if (flagged == 0) {
      i += 8;
      continue;
    }
    const int skip = std::countr_zero(flagged) / 8;
    if (skip == 0) return i;  // `lead` is a NUL
    i += static_cast<size_t>(skip);
  }
  return std::string_view::npos;
}

}  // namespace

size_t find_invalid(std::string_view text) {
  return find_problem(text, 0, false);
}

size_t find_invalid_or_nul(std::string_view text, size_t from) {
  return find_problem(text, from, true);
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int display_width(char32_t cp) {
  if (cp == kInvalid) return 1;
  if (cp < 0x300) return cp < 0x20 || cp == 0x7F ? 0 : 1;
  if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF)) return 0;
  // Hangul syllables are most of a Korean post: wide, without asking ICU.
  if (cp >= 0xAC00 && cp <= 0xD7A3) return 2;
  const auto category = u_charType(static_cast<UChar32>(cp));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
    return 0;
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

bool is_hangul(char32_t cp) {
  return is_hangul_syllable(cp) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

std::vector<CodePoint> decode_all(std::string_view text) {
  std::vector<CodePoint> out;
  for (size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    out.push_back({d.code_point, static_cast<uint32_t>(i), static_cast<uint32_t>(i + d.length)});
    i += d.length;
  }
  return out;
}

}  // namespace hanmark::utf8
