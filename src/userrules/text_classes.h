// What counts as a word character around user rule matches: Hangul, other letters and digits,
// or neither (punctuation, space, U+FFFC code stand-ins).
#pragma once

#include <cstdint>
#include <string_view>

namespace hanmark::userrules {

enum CharClass : uint8_t { kOther, kHangul, kAlnum };

CharClass char_class(char32_t cp);

// The code point that ends before byte `offset` of `text` (0 at the start).
char32_t last_code_point(std::string_view text, size_t offset);

// True when a word starting at `begin` does not continue a word before it: the code point
// before is of another class, and a Latin word is not the tail of a dotted, dashed or slashed
// token ("github.io", "e-mail", "text/javascript", "user@host").
bool starts_word(std::string_view text, uint32_t begin);
// True when a word ending at `end` in a letter or digit is not continued by more letters or
// digits (Hangul may follow) nor by a '.', '-', '/' or '@' and more letters or digits.
bool ends_alnum_word(std::string_view text, uint32_t end);

// The maximal run of Hangul starting at `offset` (empty when there is none).
std::string_view hangul_run_at(std::string_view text, uint32_t offset);

}  // namespace hanmark::userrules
