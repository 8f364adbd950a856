// Shared by the lexicon tests: a small hunspell dictionary that uses every feature AffixLexicon
// implements, written to a temporary directory, its words, and hunspell-ko's files when installed.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "spell/spell_resources.h"
#include "text/hangul.h"

namespace hanmark::test {

// Conjoining jamo: initials, vowels, finals.
inline const std::string G = "\u1100", N = "\u1102", D = "\u1103", O = "\u110B";
inline const std::string A = "\u1161", EU = "\u1173", I = "\u1175";
inline const std::string K = "\u11A8", NF = "\u11AB", L = "\u11AF";

inline std::string syllable(int initial, int vowel, int final) {
  std::string out;
  utf8::append(out, 0xAC00 + static_cast<char32_t>((initial * 21 + vowel) * 28 + final));
  return out;
}

// Syllables of the initials ᄀ ᄂ ᄃ ᄋ, vowels ᅡ ᅳ ᅵ and no final or ᆨ ᆫ ᆯ.
inline std::vector<std::string> test_syllables() {
  std::vector<std::string> out;
  for (int initial : {0, 2, 3, 11})
    for (int vowel : {0, 18, 20})
      for (int final : {0, 1, 4, 8}) out.push_back(syllable(initial, vowel, final));
  return out;
}

// Suffixes with strip text, conditions (sets, negated sets, '.'), a twofold suffix
// (continuation class 13), ONLYINCOMPOUND and FORBIDDENWORD roots, homonyms, a word pair with a
// space, and three kinds of COMPOUNDRULE: starred, optional, plain.
inline std::string test_aff() {
  std::string aff =
      "SET UTF-8\nFLAG num\nFORBIDDENWORD 9\nONLYINCOMPOUND 8\nCOMPOUNDMIN 1\n"
      "COMPOUNDRULE 3\nCOMPOUNDRULE (1)*(2)\nCOMPOUNDRULE (3)?(4)(5)?\nCOMPOUNDRULE (6)(7)\n"
      "AF 6\nAF 1,2,10,11\nAF 3,4,10\nAF 5,8,10\nAF 9\nAF 6,7,10,12\nAF 13\n";
  const std::vector<std::string> syllables = test_syllables();
  aff += "ICONV " + std::to_string(syllables.size()) + "\n";
  for (const std::string& s : syllables) aff += "ICONV " + s + " " + hangul::to_nfd(s) + "\n";
  aff += "SFX 10 Y 4\n";
  aff += "SFX 10 0 " + N + EU + NF + " .\n";                  // +는
  aff += "SFX 10 " + A + " " + EU + NF + " " + A + "\n";      // ᅡ → ᅳᆫ
  aff += "SFX 10 0 " + O + EU + L + "/6 [" + K + NF + "]\n";  // +을 after ᆨ or ᆫ, then 13
  aff += "SFX 10 0 " + I + " [^" + A + I + "]\n";             // +ᅵ unless after ᅡ or ᅵ
  aff += "SFX 11 Y 1\nSFX 11 0 " + G + A + " .\n";            // +가
  aff += "SFX 12 Y 2\nSFX 12 0 " + K + " " + A + "\nSFX 12 0 " + D + A + "/6 .\n";
  aff += "SFX 13 Y 2\nSFX 13 0 " + D + A + " .\nSFX 13 0 " + N + A + " .\n";  // twofold
  return aff;
}

inline std::string test_dic() {
  const std::vector<std::string> lines = {
      G + A + "/1",                // 가: 1 2 10 11
      N + A + "/1",                // 나
      D + A + "/2",                // 다: 3 4 10
      G + A + D + A + "/3",        // 가다: ONLYINCOMPOUND
      N + A + D + A + "/4",        // 나다: forbidden
      O + A + "/5",                // 아: 6 7 10 12
      O + A + "/2",                // 아 again, other flags
      G + EU + NF,                 // 근, no flags
      D + A + "/4",                // 다 again, forbidden second homonym
      G + A + " " + N + A + "/1",  // "가 나"
      O + I + K + "/2",
  };
  std::string dic = std::to_string(lines.size()) + "\n";
  for (const std::string& line : lines) dic += line + "\n";
  return dic;
}

struct TestDictionary {
  std::filesystem::path dir;
  std::string aff, dic;
  TestDictionary(const std::string& aff_text, const std::string& dic_text) {
    dir = std::filesystem::temp_directory_path() /
          ("hanmark-lexicon-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    aff = (dir / "t.aff").string();
    dic = (dir / "t.dic").string();
    std::ofstream(aff) << aff_text;
    std::ofstream(dic) << dic_text;
  }
  ~TestDictionary() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// Every word of up to `max_length` test syllables, and random longer ones.
inline std::vector<std::string> test_words(size_t max_length, size_t random_count) {
  const std::vector<std::string> syllables = test_syllables();
  std::vector<std::string> words = {""};
  std::vector<std::string> out;
  for (size_t length = 1; length <= max_length; ++length) {
    std::vector<std::string> longer;
    for (const std::string& w : words)
      for (const std::string& s : syllables) longer.push_back(w + s);
    out.insert(out.end(), longer.begin(), longer.end());
    words = std::move(longer);
  }
  std::mt19937 random(7);
  for (size_t n = 0; n < random_count; ++n) {
    std::string w;
    for (size_t i = 0, length = 4 + random() % 5; i < length; ++i)
      w += syllables[random() % syllables.size()];
    out.push_back(w);
  }
  return out;
}

// hunspell-ko's .aff and .dic, or empty paths (and a message) when it is not installed.
inline std::pair<std::string, std::string> hunspell_ko_files() {
  const std::string dic = SpellResources::create()->korean_dictionary_path();
  if (dic.empty()) {
    MESSAGE("skipped: hunspell-ko is not installed");
    return {};
  }
  return {dic.substr(0, dic.size() - 4) + ".aff", dic};
}

}  // namespace hanmark::test
