// Glob patterns over '/'-separated relative paths: `*` (any run of characters but '/'), `?` (one
// character but '/'), `[abc]`, `[a-z]`, `[!a-z]` or `[^a-z]` (one character of a class), `**` as a
// whole component (any number of directories, none included), `\` (the next character as
// itself). Characters are code points; matching is case-sensitive.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hanmark {

class Glob {
 public:
  // The glob of `pattern`, or nullopt with the reason in `error` (empty pattern, unclosed '[').
  static std::optional<Glob> parse(std::string_view pattern, std::string& error);

  // True when the whole of `path` ("docs/en/post.md") matches.
  bool matches(std::string_view path) const;
  // True when the pattern has a single component (no '/').
  bool single_component() const { return components_.size() == 1; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::vector<std::u32string> components_;  // U"**" stands for any number of components
};

// True when one path component ("post.md") matches one glob component (`*.md`).
bool glob_component_matches(std::u32string_view pattern, std::u32string_view name);

}  // namespace hanmark
