#include "text/speech_levels.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "core/utf8.h"
#include "text/hangul.h"

namespace hanmark::speech {

namespace {

constexpr int kFinalBieup = 17;  // ㅂ in the Unicode order of final consonants

// The code points of `text`, in `buffer` when they fit (final words do: no allocation per
// sentence), else in `spill`.
std::u32string_view decode(std::string_view text, std::span<char32_t> buffer,
                           std::u32string& spill) {
  if (text.size() > buffer.size()) {
    for (size_t i = 0; i < text.size();) {
      const utf8::Decoded d = utf8::decode(text, i);
      spill += d.code_point;
      i += d.length;
    }
    return spill;
  }
  size_t n = 0;  // no more code points than bytes
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    buffer[n++] = d.code_point;
    i += d.length;
  }
  return {buffer.data(), n};
}

// Nouns that end in 요 and close list items and fragments: "설치 필요", "개요".
constexpr std::array<std::u32string_view, 11> kNounsInYo = {U"필요", U"중요", U"주요", U"개요",
                                                            U"수요", U"소요", U"강요", U"동요",
                                                            U"민요", U"풍요", U"요요"};
// -자 (해라체 suggestion: "알아보자") is recognised only after these verbs, and not in these
// nouns: 초보자, 참가자, 평가자, 후보자 end in the same syllables.
constexpr std::array<std::u32string_view, 7> kVerbsBeforeJa = {U"보자", U"하자", U"가자", U"두자",
                                                               U"쓰자", U"먹자", U"읽자"};
constexpr std::array<std::u32string_view, 4> kNounsInJa = {U"초보자", U"참가자", U"평가자",
                                                           U"후보자"};

bool ends_with_any(std::u32string_view word, auto const& list) {
  for (std::u32string_view entry : list)
    if (word.ends_with(entry)) return true;
  return false;
}

bool has_final_bieup(char32_t syllable) {
  return hangul::final_index(syllable) == kFinalBieup;
}

}  // namespace

std::string_view name(Level level) {
  switch (level) {
    case Level::hapnida:
      return "합니다체";
    case Level::haeyo:
    case Level::seyo:
    case Level::question:
      return "해요체";
    case Level::haera:
      return "해라체";
    case Level::none:
      break;
  }
  return "";
}

Level classify(std::string_view word_utf8, bool attached, char32_t terminator) {
  std::array<char32_t, 64> buffer;
  std::u32string spill;
  const std::u32string_view word = decode(word_utf8, buffer, spill);
  const size_t n = word.size();
  if (n == 0) return Level::none;
  const char32_t last = word[n - 1];
  const char32_t prev = n >= 2 ? word[n - 2] : 0;
  const char32_t prev2 = n >= 3 ? word[n - 3] : 0;

  // 합니다체: 합니다, 습니다, 입니다, 됩니다; 합니까; 합시다; 하십시오.
  if (n >= 3 && (prev == U'니' && (last == U'다' || last == U'까')) && has_final_bieup(prev2))
    return Level::hapnida;
  if (n >= 3 && prev == U'시' && last == U'다' && has_final_bieup(prev2)) return Level::hapnida;
  if (word.ends_with(U"십시오") || word.ends_with(U"십시요")) return Level::hapnida;

  // 해요체.
  if (last == U'요') {
    if (n == 1) return attached ? Level::haeyo : Level::none;
    if (word == U"아니요") return Level::none;  // the answer "no", polite in every style
    if (ends_with_any(word, kNounsInYo)) return Level::none;
    if (prev == U'세' || prev == U'셔') return Level::seyo;
    if (prev == U'까' || terminator == U'?') return Level::question;
    return Level::haeyo;
  }
  if (last == U'죠') {
    if (n == 1) return Level::none;
    return terminator == U'?' ? Level::question : Level::haeyo;
  }

  // 해라체.
  if (last == U'다') {
    if (n == 1) return attached ? Level::haera : Level::none;  // "다" alone is the adverb
    if (word == U"니다") return Level::none;  // the rest of a word broken by a line wrap
    // Nouns ("바다") and the particle 보다 ("이전보다") end in the same syllable.
    if (word == U"바다" || word == U"소다" || word == U"보다") return Level::none;
    return Level::haera;
  }
  if (last == U'자' && (terminator == U'.' || terminator == U'!') && n >= 2 &&
      word != U"하자" /* the noun: a defect */ && ends_with_any(word, kVerbsBeforeJa) &&
      !ends_with_any(word, kNounsInJa))
    return Level::haera;
  return Level::none;
}

bool may_have_level(std::string_view text) {
  // The last syllables classify() gives a level to; UTF-8 has one encoding of each: 까 EA B9 8C,
  // 다 EB 8B A4, 오 EC 98 A4, 요 EC 9A 94, 자 EC 9E 90, 죠 EC A3 A0. Compared as bytes at every
  // lead byte, stepping over the continuation bytes of three-byte code points.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  for (size_t i = 0; i + 2 < size;) {
    const unsigned char lead = bytes[i];
    if (lead < 0xE0 || lead > 0xEF) {
      ++i;
      continue;
    }
    const unsigned char second = bytes[i + 1], third = bytes[i + 2];
    if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) {
      ++i;  // not a three-byte sequence: a needle may start at the next byte
      continue;
    }
    const uint32_t code = uint32_t{lead} << 16 | uint32_t{second} << 8 | third;
    if (code == 0xEAB98C || code == 0xEB8BA4 || code == 0xEC98A4 || code == 0xEC9A94 ||
        code == 0xEC9E90 || code == 0xECA3A0)
      return true;
    i += 3;
  }
  return false;
}

}  // namespace hanmark::speech
