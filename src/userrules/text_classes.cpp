#include "userrules/text_classes.h"

#include <unicode/uchar.h>

#include "core/utf8.h"

namespace hanmark::userrules {

namespace {

bool is_joiner(char32_t cp) {
  return cp == '.' || cp == '-' || cp == '/' || cp == '@';
}

}  // namespace

CharClass char_class(char32_t cp) {
  if (cp == 0 || cp == utf8::kInvalid) return kOther;
  if (utf8::is_hangul(cp)) return kHangul;
  const auto c = static_cast<UChar32>(cp);
  if (cp == '_' || u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c)) return kAlnum;
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK) return kAlnum;
  return kOther;
}

char32_t last_code_point(std::string_view text, size_t offset) {
  if (offset == 0 || offset > text.size()) return 0;
  size_t start = offset - 1;
  while (start > 0 && offset - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  const utf8::Decoded d = utf8::decode(text, start);
  return start + d.length == offset ? d.code_point : utf8::kInvalid;
}

bool starts_word(std::string_view text, uint32_t begin) {
  const CharClass first = char_class(utf8::decode(text, begin).code_point);
  const char32_t before = last_code_point(text, begin);
  if (char_class(before) == first) return false;
  if (first != kAlnum || !is_joiner(before)) return true;
  return char_class(last_code_point(text, begin - 1)) != kAlnum;
}

bool ends_alnum_word(std::string_view text, uint32_t end) {
  if (end >= text.size()) return true;
  const utf8::Decoded next = utf8::decode(text, end);
  if (char_class(next.code_point) == kAlnum) return false;
  if (!is_joiner(next.code_point) || end + next.length >= text.size()) return true;
  return char_class(utf8::decode(text, end + next.length).code_point) != kAlnum;
}

std::string_view hangul_run_at(std::string_view text, uint32_t offset) {
  size_t end = offset;
  while (end < text.size()) {
    const utf8::Decoded d = utf8::decode(text, end);
    if (!utf8::is_hangul(d.code_point)) break;
    end += d.length;
  }
  return text.substr(offset, end - offset);
}

}  // namespace hanmark::userrules
