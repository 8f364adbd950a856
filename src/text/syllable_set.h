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
  // The syllable `text` is made of, or 0 when it is not exactly one. Tested on bytes
  // (hangul::syllable_at), not by utf8::decode(): contains() is asked of most words of a post.
  [[gnu::always_inline]] static char32_t single_syllable(std::string_view text) {
    return text.size() == 3 ? hangul::syllable_at(text, 0) : 0;  // bytes of one syllable
  }

  std::array<uint64_t, (0xD7A3 - kFirst) / 64 + 1> bits_{};
};

}  // namespace hanmark::text
