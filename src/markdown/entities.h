#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hanmark {

struct DecodedEntity {
  std::string text;    // UTF-8, as cmark decodes it
  size_t source_size;  // bytes of `&…;` in the source
};

// Decodes the HTML entity or numeric character reference starting at `text[0] == '&'`, exactly
// as CommonMark does; nullopt when it is not one (then '&' is literal).
std::optional<DecodedEntity> decode_entity(std::string_view text);

// `text` with its entities decoded and, when `backslash_escapes`, its backslash escapes too, as
// cmark decodes a link destination or an attribute value.
std::string decode_references(std::string_view text, bool backslash_escapes);

}  // namespace hanmark
