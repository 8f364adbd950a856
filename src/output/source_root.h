// Where SARIF and GitHub annotations take paths from: the repository root, so that code scanning
// and the Actions runner find the files whatever directory hanmark ran in.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hanmark {

class SourceRoot {
 public:
  SourceRoot() = default;
  explicit SourceRoot(std::filesystem::path dir);
  // The git work tree holding the current directory (the nearest directory up with a `.git`
  // entry, a directory or a worktree's file), else the current directory.
  static SourceRoot discover();

  const std::filesystem::path& dir() const { return dir_; }
  // `path` (as given: relative to the current directory, or absolute), absolute and normalized.
  std::filesystem::path absolute(const std::string& path) const;
  // `path` relative to the root with '/' separators ("docs/a.md"); nullopt when it lies outside.
  std::optional<std::string> relative(const std::string& path) const;
  // file:///… of the root, ending in '/' as a SARIF uriBaseId must.
  std::string uri() const;

 private:
  std::filesystem::path dir_;
};

}  // namespace hanmark
