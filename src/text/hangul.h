// Hangul syllable arithmetic and Hangul runs of prose text: the one place Korean letters are
// taken apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_memo.h"

namespace hanmark::hangul {

inline bool is_syllable(char32_t cp) {
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

// The Hangul syllable whose three UTF-8 bytes start at text[i] (i <= text.size()), else 0. A test
// on bytes (lead 0xEA..0xED, two continuation bytes) for the scans that pass over everything
// else; inlined, since they ask it of nearly every syllable of a post.
[[gnu::always_inline]] inline char32_t syllable_at(std::string_view text, size_t i) {
  if (text.size() - i < 3) return 0;
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  if (byte(0) < 0xEA || byte(0) > 0xED || (byte(1) & 0xC0) != 0x80 || (byte(2) & 0xC0) != 0x80)
    return 0;
  const char32_t cp = (char32_t{byte(0)} & 0x0F) << 12 | (char32_t{byte(1)} & 0x3F) << 6 |
                      (char32_t{byte(2)} & 0x3F);
  return is_syllable(cp) ? cp : 0;
}

// Index of the final consonant (jongseong) of a precomposed syllable: 0 for none, 8 for ㄹ,
// 1..27 in the Unicode order (ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ …). -1 for a code point that is not a
// syllable.
int final_index(char32_t cp);
inline constexpr int kFinalRieul = 8;

inline bool has_final(char32_t cp) {
  return final_index(cp) > 0;
}
inline bool has_final_rieul(char32_t cp) {
  return final_index(cp) == kFinalRieul;
}

// The syllable with its final consonant replaced (0 removes it).
char32_t with_final(char32_t syllable, int final);

// The last three bytes of UTF-8 `text` (a Hangul syllable's encoding) as one number, 0 when it is
// shorter: a key for tables of endings, compared without decoding.
constexpr uint32_t last_three_bytes(std::string_view text) {
  if (text.size() < 3) return 0;
  const auto byte = [&](size_t back) {
    return static_cast<uint32_t>(static_cast<unsigned char>(text[text.size() - back]));
  };
  return byte(3) << 16 | byte(2) << 8 | byte(1);
}

// The last code point of UTF-8 `text` (0 when empty).
char32_t last_code_point(std::string_view text);

// A maximal run of Hangul syllables in prose text, with what stands right before and after it:
// a particle written straight after Latin text, digits, code or a closing bracket
// (`OpenCV를`, `` `x`를 ``, `(DOM)을`) has no Hangul word of its own to check.
struct Run {
  uint32_t begin;  // byte offsets into the text
  uint32_t end;
  char32_t before;  // code point right before the run, 0 at the start of the text
  char32_t after;   // code point right after the run, 0 at the end of the text

  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
  // True when the run is glued to something that is neither Hangul nor white space nor
  // ordinary opening punctuation (Latin letters, digits, U+FFFC code stand-ins, ')' ']' '"' …).
  bool attached_to_non_hangul() const;
};

// The runs of `text`, in order. Remembered (text/text_memo.h): several Korean rules ask for those
// of each paragraph, and share one list. Thread-safe.
text::SharedList<Run> runs(std::string_view text);

// NFC form of UTF-8 text (decomposed jamo from macOS composed back to syllables).
std::string to_nfc(std::string_view text);
bool is_nfc(std::string_view text);
// NFD form: syllables as conjoining jamo, as hunspell-ko's dictionary stores its words.
std::string to_nfd(std::string_view text);

// One syllable of a word replaced: syllable `at` becomes `syllable`.
struct SyllableEdit {
  uint32_t at;
  char32_t syllable;
};

// Every spelling of `syllables` (Hangul syllables only) with one jamo of one syllable changed,
// for the syllables whose bit is set in `positions` (bit i: syllable i): the vowels first
// (소흘히 → 소홀히), then the finals (됬 → 됐), then the initials; left to right in each, so that
// the edits of one syllable come in a row.
std::vector<SyllableEdit> one_jamo_edits(std::u32string_view syllables, uint32_t positions = ~0u);

// The syllables of `word`: empty when it has anything else.
std::u32string syllables_of(std::string_view word);
// `syllables` with `edit` made, in UTF-8.
std::string edited(std::u32string_view syllables, SyllableEdit edit);

// The words of one_jamo_edits (none when `word` is not Hangul syllables only).
std::vector<std::string> one_jamo_variants(std::string_view word, uint32_t positions = ~0u);

}  // namespace hanmark::hangul
