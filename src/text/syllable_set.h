// A set of single Hangul syllables, for word lists asked about every word of a post.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "text/hangul.h"

namespace hanmark::text {

// A set of single Hangul syllables, one bit each: asked of every word, without hashing.
class SyllableSet {
 public:
  SyllableSet() = default;
  template <size_t N>
  explicit SyllableSet(const std::string_view (&list)[N]) {
    for (std::string_view syllable : list) add(syllable);
  }
  void add(std::string_view syllable) {
    const char32_t cp = single_syllable(syllable);
    assert(cp && "a SyllableSet holds single syllables");
    if (cp) bits_[(cp - kFirst) / 64] |= uint64_t{1} << ((cp - kFirst) % 64);
  }
  // Inlined: asked of most words of a post, where a call costs as much as the test.
  [[gnu::always_inline]] bool contains(std::string_view text) const {
    const char32_t cp = single_syllable(text);
    return cp && (bits_[(cp - kFirst) / 64] >> ((cp - kFirst) % 64) & 1);
  }

 private:
  static constexpr char32_t kFirst = 0xAC00;
  // The syllable `text` is made of, or 0 when it is not exactly one.
  // Decoded here rather than by utf8::decode(): contains() is asked of most words of a post, and
  // only a three-byte sequence with lead byte 0xEA..0xED can be a syllable.
  [[gnu::always_inline]] static char32_t single_syllable(std::string_view text) {
    if (text.size() != 3) return 0;  // bytes of one syllable in UTF-8
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    if (byte(0) < 0xEA || byte(0) > 0xED || (byte(1) & 0xC0) != 0x80 || (byte(2) & 0xC0) != 0x80)
      return 0;
    const char32_t cp = (char32_t{byte(0)} & 0x0F) << 12 | (char32_t{byte(1)} & 0x3F) << 6 |
                        (char32_t{byte(2)} & 0x3F);
    return hangul::is_syllable(cp) ? cp : 0;
  }

  std::array<uint64_t, (0xD7A3 - kFirst) / 64 + 1> bits_{};
};

}  // namespace hanmark::text
