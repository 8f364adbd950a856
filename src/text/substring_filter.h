// Whether any of a fixed set of strings occurs in a text, in one pass over its bytes. Tables of
// misspellings and terms use it to pass over the many paragraphs that hold none of their
// entries without segmenting them into words: a word can only equal an entry where the entry
// occurs as a substring.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hanmark::text {

class SubstringFilter {
 public:
  enum class Case { exact, fold_ascii };

  SubstringFilter() = default;
  // With Case::fold_ascii, the ASCII capitals of both the needles and the texts are compared as
  // lower case. Empty needles are ignored.
  SubstringFilter(const std::vector<std::string_view>& needles, Case letter_case);

  // True when some needle occurs in `text`. At each byte that starts a needle, the bytes there
  // are looked up by their first kLong (or kShort) bytes in a bit table, and only on a hit
  // compared with the needles that begin so.
  bool found_in(std::string_view text) const;

 private:
  static constexpr size_t kLong = 6;   // two Hangul syllables
  static constexpr size_t kShort = 3;  // one
  static constexpr unsigned kHashBits = 16, kBucketBits = 12;

  // The needles whose first `length` bytes are indexed.
  struct Tier {
    size_t length = 0;
    std::vector<uint64_t> bits;  // 2^kHashBits bits, by hash() of the prefix
    // Needles by bucket (hash() >> (kHashBits - kBucketBits)): bucket b is
    // entries[start[b], start[b + 1]).
    std::vector<uint32_t> start;
    std::vector<std::pair<uint64_t, uint32_t>> entries;  // (prefix, needle index)
  };

  static uint32_t hash(uint64_t prefix) {
    return static_cast<uint32_t>((prefix * 0x9E3779B97F4A7C15u) >> (64 - kHashBits));
  }
  template <bool kFold>
  bool found(std::string_view text) const;
  template <bool kFold>
  bool in_tier(const Tier& tier, std::string_view text, size_t at) const;
  template <bool kFold>
  bool matches_at(std::string_view text, size_t at, const std::string& needle) const;
  void build(Tier& tier, size_t length, uint8_t flag);
  void mark_first(char folded_byte, uint8_t flag);

  // Korean text is mostly syllables, each of which would be probed in a tier: a bit per syllable
  // (U+AC00 + i) that some needle starts with lets most be passed over with one test. Off when a
  // needle starts with a lead byte of syllables (0xEA..0xED) that does not begin a syllable.
  bool syllable_gate_ = true;
  std::vector<uint64_t> first_syllables_ = std::vector<uint64_t>((11172 + 63) / 64);
  bool continuation_starts_ = false;  // some needle starts with a continuation byte
  bool fold_ = false;
  // Per first byte (in either case when folding): kLong or more bytes (bit 0), kShort to kLong - 1
  // (bit 1), fewer (bit 2) of some needle start with it.
  std::array<uint8_t, 256> first_{};
  Tier long_, short_;
  std::vector<uint32_t> tiny_;        // needles shorter than kShort, compared at each start
  std::vector<std::string> needles_;  // folded
};

}  // namespace hanmark::text
