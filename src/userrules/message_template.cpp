#include "userrules/message_template.h"

#include "core/utf8.h"

namespace hanmark::userrules {

namespace {

// Walks `text`, calling `literal(piece)` for plain text and `placeholder(name, index)` for each
// {name}; stops with an error at a stray brace.
template <typename Literal, typename Placeholder>
std::optional<TemplateError> walk(std::string_view text, Literal literal, Placeholder placeholder) {
  size_t index = 0;  // code points before i
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal(text.substr(i, 1));
      i += 2, index += 2;
      continue;
    }
    if (c == '}') return TemplateError{index, "unmatched '}' in message; write '}}' for a brace"};
    if (c == '{') {
      const size_t close = text.find('}', i);
      if (close == std::string_view::npos)
        return TemplateError{index, "unclosed '{' in message; write '{{' for a brace"};
      const std::string_view name = text.substr(i + 1, close - i - 1);
      if (auto error = placeholder(name, index)) return error;
      for (size_t j = i; j <= close; j += utf8::decode(text, j).length) ++index;
      i = close + 1;
      continue;
    }
    const unsigned length = utf8::decode(text, i).length;
    literal(text.substr(i, length));
    i += length, ++index;
  }
  return std::nullopt;
}

}  // namespace

std::optional<TemplateError> check_template(std::string_view text, bool has_expected) {
  return walk(
      text, [](std::string_view) {},
      [&](std::string_view name, size_t index) -> std::optional<TemplateError> {
        if (name == "actual" || (name == "expected" && has_expected)) return std::nullopt;
        return TemplateError{index, "unknown placeholder '{" + std::string(name) +
                                        "}' in message; use {actual}" +
                                        (has_expected ? " or {expected}" : "")};
      });
}

std::string expand_template(std::string_view text, std::string_view actual,
                            std::string_view expected) {
  std::string out;
  walk(
      text, [&](std::string_view piece) { out += piece; },
      [&](std::string_view name, size_t) -> std::optional<TemplateError> {
        out += name == "actual" ? actual : expected;
        return std::nullopt;
      });
  return out;
}

}  // namespace hanmark::userrules
