// GitHub's heading anchors ("slugs"): `## 상태 관리` is reached by `#상태-관리`, the second
// `## Usage` by `#usage-1`. The algorithm is github-slugger's, which mirrors github.com.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct cmark_node;

namespace hanmark {

// The text of a heading as GitHub renders it, the text its anchor is made from: text and code
// span contents; emphasis, links and strikethrough give their text; raw HTML tags and images give
// nothing; line breaks are "\n".
std::string heading_text(cmark_node* heading);

// A heading text without its trailing attribute group (`설치 {#install}`, `설치 {/*install*/}`),
// which site generators read as the heading's id and do not show; nullopt when it has none.
std::optional<std::string> without_heading_attributes(std::string_view text);

// The slug of a heading text: lower-cased (full Unicode lower-casing), then every character that
// is not a letter, mark, decimal or letter number, connector punctuation ('_'), '-' or ' ' is
// removed (punctuation such as '.', '·', '「', symbols and emoji, other white space), then each
// ' ' becomes '-'. No trimming and no collapsing: "a - b" is "a---b".
std::string github_slug(std::string_view text);

// Unicode full lower-casing (root locale), as JavaScript's toLowerCase().
std::string to_lower(std::string_view text);

// Makes a post's slugs unique as GitHub does: a repeated "usage" becomes "usage-1", then
// "usage-2", skipping suffixes already taken by other headings.
class SlugCounter {
 public:
  std::string unique(const std::string& slug);

 private:
  std::unordered_map<std::string, int> occurrences_;
};

// A fragment in the form anchors compare in: percent-decoded (when that gives valid UTF-8), NFC,
// lower-cased (github.com matches fragments in any case), without variation selectors.
std::string fold_fragment(std::string_view fragment);

// Percent-decodes `text`; false when a decoded byte sequence is not valid UTF-8 or holds a NUL
// (then `out` is unspecified).
bool percent_decode(std::string_view text, std::string& out);

}  // namespace hanmark
