#include "core/utf8.h"

#include <string>

#include <unicode/uchar.h>

namespace hanmark::utf8 {

size_t find_invalid(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode(text, i);
    if (d.code_point == kInvalid) return i;
    i += d.length;
  }
  return std::string_view::npos;
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
