#include "text/term_forms.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string_view>

#include "core/utf8.h"
#include "text/hangul.h"

namespace hanmark::terms {

namespace {

constexpr char32_t kObject = 0xFFFC;  // stand-in for code spans and other non-prose inlines

constexpr bool is_ascii_alnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

// is_ascii_alnum() of each byte as a table: latin_tokens() asks it of every byte of a post.
constexpr auto kAlnumByte = [] {
  std::array<bool, 256> out{};
  for (unsigned c = 0; c < 256; ++c) out[c] = is_ascii_alnum(c);
  return out;
}();
bool alnum_byte(char c) {
  return kAlnumByte[static_cast<unsigned char>(c)];
}

// Particles (and copula forms) that may end a Hangul word.
constexpr std::string_view kParticles[] = {
    "에서는", "에서도", "에게는", "에게서", "으로는", "으로도", "으로서", "으로써", "이라는",
    "이라고", "이라면", "이에요", "입니다", "에서",   "에게",   "에는",   "에도",   "에선",
    "으로",   "로는",   "로도",   "로서",   "로써",   "와의",   "과의",   "와는",   "과는",
    "까지",   "부터",   "보다",   "처럼",   "마다",   "조차",   "이나",   "이란",   "이며",
    "이고",   "이다",   "이라",   "라는",   "라고",   "라면",   "예요",   "만의",   "만을",
    "만이",   "은",     "는",     "이",     "가",     "을",     "를",     "의",     "에",
    "엔",     "로",     "와",     "과",     "도",     "만",     "나",     "란",     "며",
};

constexpr std::string_view kPlural = "들";
constexpr size_t kSyllable = 3;  // bytes of one Hangul syllable in UTF-8

char32_t code_point_before(std::string_view text, uint32_t offset) {
  if (offset == 0) return 0;
  uint32_t start = offset - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return utf8::decode(text, start).code_point;
}

char32_t code_point_at(std::string_view text, uint32_t offset) {
  return offset < text.size() ? utf8::decode(text, offset).code_point : 0;
}

bool glued_before(std::string_view text, uint32_t begin) {
  const char32_t cp = code_point_before(text, begin);
  if (cp == kObject || hangul::is_syllable(cp)) return true;
  return cp && cp < 0x80 &&
         std::string_view("/@#\\=<>{}$%&*^|~.:_").find(static_cast<char>(cp)) !=
             std::string_view::npos;
}

bool glued_after(std::string_view text, uint32_t end) {
  const char32_t cp = code_point_at(text, end);
  if (cp == kObject) return true;
  if (cp == ':') {
    const char32_t next = code_point_at(text, end + 1);
    return next && next != ' ' && next != '\n';
  }
  return cp && cp < 0x80 &&
         std::string_view("/@\\=<>{}$%&*^|~_").find(static_cast<char>(cp)) !=
             std::string_view::npos;
}

}  // namespace

std::vector<LatinToken> latin_tokens(std::string_view text) {
  std::vector<LatinToken> out;
  const uint32_t size = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < size;) {
    if (!alnum_byte(text[i])) {
      ++i;
      // Bytes of non-ASCII characters (most of Korean text) are never alphanumeric: skipped
      // eight a step, up to the next ASCII byte.
      if constexpr (std::endian::native == std::endian::little) {
        while (size - i >= 8) {
          uint64_t word;
          std::memcpy(&word, text.data() + i, 8);
          const uint64_t ascii = ~word & 0x8080808080808080u;
          if (ascii) {
            i += static_cast<uint32_t>(std::countr_zero(ascii) / 8);
            break;
          }
          i += 8;
        }
      }
      continue;
    }
    const uint32_t begin = i;
    while (i < size) {
      if (alnum_byte(text[i])) {
        ++i;
      } else if ((text[i] == '.' || text[i] == '-' || text[i] == '_' || text[i] == '\'') &&
                 i + 1 < size && alnum_byte(text[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    // "C++", "C#": the marks belong to the name when nothing word-like follows them.
    for (std::string_view tail : {std::string_view("++"), std::string_view("#")}) {
      if (text.substr(i).starts_with(tail) &&
          !is_ascii_alnum(code_point_at(text, i + static_cast<uint32_t>(tail.size())))) {
        i += static_cast<uint32_t>(tail.size());
        break;
      }
    }
    out.push_back({begin, i, glued_before(text, begin) || glued_after(text, i)});
  }
  return out;
}

std::vector<HangulWord> hangul_words(std::string_view text) {
  std::vector<HangulWord> out;
  for (const hangul::Run& run : hangul::runs(text)) {
    if (run.attached_to_non_hangul()) continue;
    if (run.after == kObject || (run.after < 0x80 && is_ascii_alnum(run.after))) continue;
    out.push_back({run.begin, run.end});
  }
  return out;
}

namespace {

// kParticles grouped by their last syllables, and an open-addressing table from a last syllable
// to its group, so that the few particles a word may end in are found with a probe or two
// (stem_lengths() runs on every Hangul word of a post).
struct ParticleEnd {
  uint32_t last;
  std::string_view particle;
};
constexpr auto kParticleEnds = [] {
  std::array<ParticleEnd, std::size(kParticles)> out{};
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = {hangul::last_three_bytes(kParticles[i]), kParticles[i]};
  std::sort(out.begin(), out.end(),
            [](const ParticleEnd& a, const ParticleEnd& b) { return a.last < b.last; });
  return out;
}();

struct ParticleGroup {
  uint32_t last = 0;  // 0: an empty slot (no syllable encodes as 0)
  uint8_t begin = 0;  // kParticleEnds[begin, end)
  uint8_t end = 0;
};
constexpr size_t kGroupSlots = 128;  // a power of two, over twice the number of groups
constexpr size_t group_slot(uint32_t last) {
  return (last * 0x9E3779B1u) >> 25;
}
constexpr auto kParticleGroups = [] {
  static_assert(std::size(kParticles) < 256 && (kGroupSlots & (kGroupSlots - 1)) == 0);
  std::array<ParticleGroup, kGroupSlots> out{};
  size_t groups = 0;
  for (size_t i = 0; i < kParticleEnds.size();) {
    size_t j = i;
    while (j < kParticleEnds.size() && kParticleEnds[j].last == kParticleEnds[i].last) ++j;
    size_t slot = group_slot(kParticleEnds[i].last);
    while (out[slot].last) slot = (slot + 1) % kGroupSlots;
    out[slot] = {kParticleEnds[i].last, static_cast<uint8_t>(i), static_cast<uint8_t>(j)};
    ++groups;
    i = j;
  }
  if (2 * groups > kGroupSlots) throw "kGroupSlots is too small";
  return out;
}();

const ParticleGroup* particles_ending_in(uint32_t last) {
  for (size_t slot = group_slot(last);; slot = (slot + 1) % kGroupSlots) {
    const ParticleGroup& group = kParticleGroups[slot];
    if (group.last == last) return &group;
    if (!group.last) return nullptr;
  }
}

}  // namespace

void append_stem_lengths(std::string_view word, std::vector<uint32_t>& out) {
  // At most two cuts per particle and two for the whole word.
  std::array<uint32_t, 2 * std::size(kParticles) + 2> cuts;
  size_t count = 0;
  const auto add = [&](size_t length) {
    if (length >= kSyllable &&
        std::find(cuts.begin(), cuts.begin() + count, length) == cuts.begin() + count)
      cuts[count++] = static_cast<uint32_t>(length);
  };
  const auto add_with_plural = [&](std::string_view stem) {
    if (stem.size() > kPlural.size() && stem.ends_with(kPlural)) add(stem.size() - kPlural.size());
    add(stem.size());
  };
  if (const ParticleGroup* group = word.size() >= kSyllable
                                       ? particles_ending_in(hangul::last_three_bytes(word))
                                       : nullptr) {
    for (size_t i = group->begin; i < group->end; ++i) {
      const std::string_view particle = kParticleEnds[i].particle;
      if (word.size() > particle.size() && word.ends_with(particle))
        add_with_plural(word.substr(0, word.size() - particle.size()));
    }
  }
  add_with_plural(word);
  // Longest cut first means shortest stem first; a handful of cuts, sorted by insertion.
  for (size_t i = 1; i < count; ++i)
    for (size_t j = i; j > 0 && cuts[j - 1] > cuts[j]; --j) std::swap(cuts[j - 1], cuts[j]);
  out.insert(out.end(), cuts.begin(), cuts.begin() + count);
}

std::vector<uint32_t> stem_lengths(std::string_view word) {
  std::vector<uint32_t> out;
  append_stem_lengths(word, out);
  return out;
}

bool is_particle(std::string_view word) {
  const ParticleGroup* group =
      word.size() >= kSyllable ? particles_ending_in(hangul::last_three_bytes(word)) : nullptr;
  if (!group) return false;
  for (size_t i = group->begin; i < group->end; ++i)
    if (kParticleEnds[i].particle == word) return true;
  return false;
}

}  // namespace hanmark::terms
