// A path glob from a configuration file (`exclude`, `[[overrides]] paths`), relative to the
// directory of the file that declares it. As in ruff and .gitignore: a pattern without '/'
// matches a file or directory name at any depth ("drafts", "*.draft.md"); a pattern with '/' is
// anchored at that directory ("docs/en/**", "/CHANGELOG.md"); a pattern that matches a directory
// matches everything below it ("docs/en" covers "docs/en/post.md"); a trailing '/' matches
// directories only ("build/").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "config/glob.h"

namespace hanmark {

class PathPattern {
 public:
  // nullopt with the reason in `error` when the glob is malformed or leaves `base` ("../x").
  static std::optional<PathPattern> parse(std::string_view pattern, std::filesystem::path base,
                                          std::string& error);

  // `path` is absolute and lexically normal; a path outside base never matches.
  bool matches(const std::filesystem::path& path) const;

  const std::string& text() const { return text_; }  // as written
  const std::filesystem::path& base() const { return base_; }

  friend bool operator==(const PathPattern& a, const PathPattern& b) {
    return a.text_ == b.text_ && a.base_ == b.base_;
  }

 private:
  PathPattern(Glob glob, std::string text, std::filesystem::path base)
      : glob_(std::move(glob)), text_(std::move(text)), base_(std::move(base)) {}

  Glob glob_;
  std::string text_;
  std::filesystem::path base_;
  bool anchored_ = false;
  bool directories_only_ = false;
};

}  // namespace hanmark
