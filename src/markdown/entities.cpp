#include "markdown/entities.h"

#include <cstdlib>
#include <memory>
#include <unordered_map>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/node.h"

namespace hanmark {

namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::optional<DecodedEntity> decode_numeric(std::string_view text) {
  const bool hex = text.size() > 2 && (text[2] == 'x' || text[2] == 'X');
  size_t i = hex ? 3 : 2;
  const size_t digits_begin = i;
  char32_t value = 0;
  for (; i < text.size() && i - digits_begin < (hex ? 6 : 7); ++i) {
    const char c = text[i];
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (hex && c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (hex && c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      break;
    }
    value = value * (hex ? 16 : 10) + digit;
  }
  if (i == digits_begin || i >= text.size() || text[i] != ';') return std::nullopt;
  // CommonMark: invalid code points and NUL become U+FFFD.
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
  std::string out;
  utf8::append(out, value);
  return DecodedEntity{std::move(out), i + 1};
}

// Named entities: let cmark itself decode them, so hanmark agrees with its parser exactly.
std::optional<std::string> decode_named_with_cmark(std::string_view entity) {
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(
      cmark_parse_document(entity.data(), entity.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  cmark_node* paragraph = cmark_node_first_child(root.get());
  if (!paragraph) return std::nullopt;
  std::string text;
  for (cmark_node* child = cmark_node_first_child(paragraph); child;
       child = cmark_node_next(child)) {
    text.append(literal_of(child));
  }
  if (text == entity) return std::nullopt;
  return text;
}

}  // namespace

std::optional<DecodedEntity> decode_entity(std::string_view text) {
  if (text.size() < 3 || text[0] != '&') return std::nullopt;
  if (text[1] == '#') return decode_numeric(text);
  size_t i = 1;
  while (i < text.size() && i <= 32 && is_alnum(text[i])) ++i;
  if (i == 1 || i >= text.size() || text[i] != ';') return std::nullopt;
  const std::string entity(text.substr(0, i + 1));
  thread_local std::unordered_map<std::string, std::optional<std::string>> cache;
  auto [it, inserted] = cache.try_emplace(entity);
  if (inserted) it->second = decode_named_with_cmark(entity);
  if (!it->second) return std::nullopt;
  return DecodedEntity{*it->second, entity.size()};
}

std::string decode_references(std::string_view s, bool backslash_escapes) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (backslash_escapes && s[i] == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      out += s[i + 1];
      i += 2;
    } else if (s[i] == '&') {
      if (auto entity = decode_entity(s.substr(i, 40))) {
        out += entity->text;
        i += entity->source_size;
      } else {
        out += s[i++];
      }
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace hanmark
