#include "markdown/html_tags.h"

#include "markdown/entities.h"

namespace hanmark {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (auto entity = decode_entity(s.substr(i, 40))) {
        out += entity->text;
        i += entity->source_size;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

const HtmlAttribute* HtmlTag::attribute(std::string_view attribute_name) const {
  for (const HtmlAttribute& a : attributes)
    if (a.name == attribute_name) return &a;
  return nullptr;
}

std::optional<HtmlTag> parse_html_tag(std::string_view text, size_t at) {
  if (at + 1 >= text.size() || text[at] != '<' || !is_ascii_letter(text[at + 1]))
    return std::nullopt;
  HtmlTag tag;
  tag.begin = at;
  tag.component = text[at + 1] >= 'A' && text[at + 1] <= 'Z';
  size_t q = at + 1;
  while (q < text.size() && !is_blank(text[q]) && text[q] != '>' && text[q] != '/')
    tag.name += lower(text[q++]);
  while (q < text.size()) {
    while (q < text.size() && (is_blank(text[q]) || text[q] == '/')) ++q;
    if (q >= text.size()) return std::nullopt;
    if (text[q] == '>') {
      tag.end = q + 1;
      return tag;
    }
    const size_t name_begin = q;
    while (q < text.size() && !is_blank(text[q]) && text[q] != '=' && text[q] != '>' &&
           text[q] != '/' && text[q] != '"' && text[q] != '\'' && text[q] != '<')
      ++q;
    if (q == name_begin) return std::nullopt;  // a stray quote or '<': not a tag
    HtmlAttribute attribute;
    for (char c : text.substr(name_begin, q - name_begin)) attribute.name += lower(c);
    attribute.value_begin = attribute.value_end = q;
    size_t r = q;
    while (r < text.size() && is_blank(text[r])) ++r;
    if (r < text.size() && text[r] == '=') {
      ++r;
      while (r < text.size() && is_blank(text[r])) ++r;
      if (r < text.size() && (text[r] == '"' || text[r] == '\'')) {
        const size_t close = text.find(text[r], r + 1);
        if (close == std::string_view::npos) return std::nullopt;
        attribute.value_begin = r + 1;
        attribute.value_end = close;
        q = close + 1;
      } else {
        const size_t value_begin = r;
        while (r < text.size() && !is_blank(text[r]) && text[r] != '>') ++r;
        attribute.value_begin = value_begin;
        attribute.value_end = r;
        q = r;
      }
    }
    attribute.value = decode_entities(
        text.substr(attribute.value_begin, attribute.value_end - attribute.value_begin));
    tag.attributes.push_back(std::move(attribute));
  }
  return std::nullopt;
}

}  // namespace hanmark
