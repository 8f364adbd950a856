// Opening HTML tags in raw HTML (blocks and inline), with the exact bytes of attribute values:
// enough to read `<a href>`, `<img src>` and `id`/`name` anchors without an HTML parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hanmark {

struct HtmlAttribute {
  std::string name;    // lower-cased
  size_t value_begin;  // the value's bytes in the scanned text, without quotes
  size_t value_end;
  std::string value;  // entities decoded
};

struct HtmlTag {
  std::string name;  // lower-cased: "a", "img", "h2"
  bool component;    // written with a capital letter: a JSX/MDX component such as <Recipes>
  size_t begin;      // '<'
  size_t end;        // after '>'
  std::vector<HtmlAttribute> attributes;

  const HtmlAttribute* attribute(std::string_view attribute_name) const;
};

// The opening (or self-closing) tag starting at `text[at] == '<'`, when it is one. A tag may span
// lines; a quote that never closes, or a '<' inside the tag, makes it no tag.
std::optional<HtmlTag> parse_html_tag(std::string_view text, size_t at);

// Calls `f(tag)` for each opening tag in `text`, skipping comments and the raw text of
// <script>/<style>/<textarea> elements.
template <typename F>
void for_each_html_tag(std::string_view text, F f) {
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at)) {
    if (text.substr(at, 4) == "<!--") {
      const size_t close = text.find("-->", at + 4);
      if (close == std::string_view::npos) return;
      at = close + 3;
      continue;
    }
    const std::optional<HtmlTag> tag = parse_html_tag(text, at);
    if (!tag) {
      ++at;
      continue;
    }
    f(*tag);
    at = tag->end;
    if (tag->name == "script" || tag->name == "style" || tag->name == "textarea") {
      const size_t close = text.find("</" + tag->name, at);
      if (close == std::string_view::npos) return;
      at = close;
    }
  }
}

}  // namespace hanmark
