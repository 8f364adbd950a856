#include "output/source_root.h"

#include "core/file_uri.h"

namespace hanmark {

namespace fs = std::filesystem;

SourceRoot::SourceRoot(fs::path dir) : dir_(std::move(dir)) {}

SourceRoot SourceRoot::discover() {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return SourceRoot(fs::path("/"));
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return SourceRoot(dir);
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  return SourceRoot(cwd);
}

fs::path SourceRoot::absolute(const std::string& path) const {
  std::error_code ec;
  const fs::path out = fs::absolute(path, ec);
  return (ec ? fs::path(path) : out).lexically_normal();
}

std::optional<std::string> SourceRoot::relative(const std::string& path) const {
  const fs::path relative = absolute(path).lexically_relative(dir_);
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return std::nullopt;
  return relative.generic_string();
}

std::string SourceRoot::uri() const {
  std::string out = file_uri(dir_);
  if (!out.ends_with('/')) out += '/';
  return out;
}

}  // namespace hanmark
