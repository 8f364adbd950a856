#include "text/substring_filter.h"

#include <algorithm>
#include <cstring>

#include "core/strings.h"
#include "text/hangul.h"

namespace hanmark::text {

namespace {

unsigned char folded(char c) {
  return static_cast<unsigned char>(ascii_lower(c));
}

template <bool kFold>
unsigned char byte_at(std::string_view text, size_t at) {
  return kFold ? folded(text[at]) : static_cast<unsigned char>(text[at]);
}

// The eight bytes of `word` with their ASCII capitals in lower case, all at once.
uint64_t fold_eight(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  const uint64_t low7 = word & ~kHigh;
  const uint64_t above_z = low7 + (0x7F - 'Z') * kOnes;        // high bit: low 7 bits > 'Z'
  const uint64_t from_a = low7 + (0x80 - 'A') * kOnes;         // high bit: low 7 bits >= 'A'
  const uint64_t upper = (from_a & ~above_z) & ~word & kHigh;  // and an ASCII byte
  return word | upper >> 2;                                    // 0x80 >> 2 == 'a' - 'A'
}

// The `length` (at most 8) bytes of `text` at `at` as one number, the first byte lowest.
template <bool kFold>
uint64_t prefix_at(std::string_view text, size_t at, size_t length) {
  uint64_t out = 0;
  if (text.size() - at >= 8) {
    std::memcpy(&out, text.data() + at, 8);
    if (kFold) out = fold_eight(out);
    return length == 8 ? out : out & ((uint64_t{1} << (8 * length)) - 1);
  }
  for (size_t i = 0; i < length; ++i) out |= uint64_t{byte_at<kFold>(text, at + i)} << (8 * i);
  return out;
}

// The index (0..11171) of the Hangul syllable whose three bytes start at `at`, or -1.
int syllable_index_at(std::string_view text, size_t at) {
  const char32_t syllable = hangul::syllable_at(text, at);
  return syllable ? static_cast<int>(syllable - 0xAC00) : -1;
}

bool is_syllable_lead(unsigned char byte) {
  return byte >= 0xEA && byte <= 0xED;
}

}  // namespace

SubstringFilter::SubstringFilter(const std::vector<std::string_view>& needles, Case letter_case)
    : fold_(letter_case == Case::fold_ascii) {
  for (std::string_view needle : needles) {
    if (needle.empty()) continue;
    std::string text;
    for (char c : needle) text += static_cast<char>(fold_ ? folded(c) : c);
    needles_.push_back(std::move(text));
  }
  for (const std::string& needle : needles_) {
    if (!is_syllable_lead(static_cast<unsigned char>(needle.front()))) continue;
    const int syllable = syllable_index_at(needle, 0);
    if (syllable < 0)
      syllable_gate_ = false;
    else
      first_syllables_[syllable / 64] |= uint64_t{1} << (syllable % 64);
  }
  build(long_, kLong, 1);
  build(short_, kShort, 2);
  for (const std::string& needle : needles_)
    continuation_starts_ |= (static_cast<unsigned char>(needle.front()) & 0xC0) == 0x80;
  for (uint32_t i = 0; i < needles_.size(); ++i) {
    if (needles_[i].size() >= kShort) continue;
    mark_first(needles_[i].front(), 4);
    tiny_.push_back(i);
  }
}

void SubstringFilter::mark_first(char folded_byte, uint8_t flag) {
  const auto b = static_cast<unsigned char>(folded_byte);
  first_[b] |= flag;
  if (fold_ && b >= 'a' && b <= 'z') first_[b - ('a' - 'A')] |= flag;
}

void SubstringFilter::build(Tier& tier, size_t length, uint8_t flag) {
  tier.length = length;
  tier.bits.assign((size_t{1} << kHashBits) / 64, 0);
  tier.start.assign((size_t{1} << kBucketBits) + 1, 0);
  for (uint32_t i = 0; i < needles_.size(); ++i) {
    const std::string& needle = needles_[i];
    // Each needle in one tier: the longest prefix it has.
    if (needle.size() < length || (length == kShort && needle.size() >= kLong)) continue;
    mark_first(needle.front(), flag);
    const uint64_t prefix = prefix_at<false>(needle, 0, length);
    const uint32_t h = hash(prefix);
    tier.bits[h / 64] |= uint64_t{1} << (h % 64);
    tier.entries.emplace_back(prefix, i);
  }
  const auto bucket = [](uint64_t prefix) { return hash(prefix) >> (kHashBits - kBucketBits); };
  std::sort(tier.entries.begin(), tier.entries.end(),
            [&](const auto& a, const auto& b) { return bucket(a.first) < bucket(b.first); });
  for (const auto& [prefix, index] : tier.entries) ++tier.start[bucket(prefix) + 1];
  for (size_t b = 1; b < tier.start.size(); ++b) tier.start[b] += tier.start[b - 1];
}

template <bool kFold>
bool SubstringFilter::matches_at(std::string_view text, size_t at,
                                 const std::string& needle) const {
  if (text.size() - at < needle.size()) return false;
  for (size_t i = 0; i < needle.size(); ++i)
    if (byte_at<kFold>(text, at + i) != static_cast<unsigned char>(needle[i])) return false;
  return true;
}

template <bool kFold>
bool SubstringFilter::in_tier(const Tier& tier, std::string_view text, size_t at) const {
  if (text.size() - at < tier.length) return false;
  const uint64_t prefix = prefix_at<kFold>(text, at, tier.length);
  const uint32_t h = hash(prefix);
  if (!(tier.bits[h / 64] >> (h % 64) & 1)) return false;
  const uint32_t b = h >> (kHashBits - kBucketBits);
  for (uint32_t e = tier.start[b]; e < tier.start[b + 1]; ++e) {
    const auto& [needle_prefix, index] = tier.entries[e];
    if (needle_prefix == prefix && matches_at<kFold>(text, at, needles_[index])) return true;
  }
  return false;
}

template <bool kFold>
bool SubstringFilter::found(std::string_view text) const {
  for (size_t at = 0; at < text.size(); ++at) {
    const uint8_t starts = first_[static_cast<unsigned char>(text[at])];
    if (!starts) continue;
    if (syllable_gate_ && is_syllable_lead(static_cast<unsigned char>(text[at]))) {
      const int syllable = syllable_index_at(text, at);
      if (syllable >= 0 && !(first_syllables_[syllable / 64] >> (syllable % 64) & 1)) {
        if (!continuation_starts_) at += 2;  // its other two bytes start no needle either
        continue;
      }
    }
    if ((starts & 1) && in_tier<kFold>(long_, text, at)) return true;
    if ((starts & 2) && in_tier<kFold>(short_, text, at)) return true;
    if (starts & 4) {
      for (uint32_t index : tiny_)
        if (matches_at<kFold>(text, at, needles_[index])) return true;
    }
  }
  return false;
}

bool SubstringFilter::found_in(std::string_view text) const {
  if (needles_.empty()) return false;
  return fold_ ? found<true>(text) : found<false>(text);
}

}  // namespace hanmark::text
