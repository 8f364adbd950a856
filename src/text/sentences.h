// Sentence segmentation of prose text for rules that look at how sentences end (speech level):
// quotations masked out, sentences split at . ! ? … (and their full-width forms) followed by a
// space or the end, and the final word of each sentence found past closing punctuation,
// emoticons and a trailing parenthetical.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hanmark::text {

// The byte that stands for quoted text in a masked copy (see mask_quotations).
inline constexpr char kQuoteMask = '\x1A';

// A copy of `text` in which every quotation, quote marks included, is overwritten byte for byte
// with kQuoteMask: "…" and “…” (paired in order), ‘…’, '…' (an apostrophe between letters, as in
// "don't", is not a quote), 「…」 and 『…』. An unpaired quote mark is left as is. Offsets are
// unchanged, so ranges found in the copy index the original text.
std::string mask_quotations(std::string_view text);

struct Sentence {
  uint32_t begin;  // byte offsets into the text; the sentence without its leading spaces
  uint32_t end;    // after its terminator and closing quotes/brackets, if any
  // The terminating punctuation: '.', '!', '?', U+2026 '…' (also for "..."), or 0 when the
  // sentence ends at a line break or at the end of the text without one.
  char32_t terminator;
  bool at_line_break;  // ends at a "\n" without a terminator
};

// Sentences of `text` (prose text, usually masked). A terminator ends a sentence when a space or
// the end of the text follows (after any closing quotes and brackets), or when it stands between
// two Hangul syllables ("했습니다.그리고", a missing space); "2.0", "e.g.x" and "Node.js" do not
// end one. A terminator followed by a quotative ("…겠다! 라고 하시는") is an unquoted quotation
// and does not end the sentence either. A line break ends a sentence (at_line_break) too; callers
// decide whether what precedes it is a sentence end.
std::vector<Sentence> sentences(std::string_view text);

// The final word of text[begin, end): the maximal run of Hangul syllables that ends the sentence
// once the terminator, closing punctuation, symbols, emoji, compatibility jamo (ㅋㅋ, ㅠㅠ) and a
// trailing parenthetical ("…설치합니다 (선택)") are set aside. Empty (begin == end) when the
// sentence does not end in Hangul (Latin, digits, code, a quotation).
struct FinalWord {
  uint32_t begin = 0;
  uint32_t end = 0;
  char32_t before = 0;  // code point right before the run (0 at the start of the text)
  bool empty() const { return begin == end; }
  uint32_t size() const { return end - begin; }
};
FinalWord final_word(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace hanmark::text
