#include "config/path_pattern.h"

#include <vector>

namespace hanmark {

std::optional<PathPattern> PathPattern::parse(std::string_view pattern, std::filesystem::path base,
                                              std::string& error) {
  const std::string text(pattern);
  bool anchored = false, directories_only = false;
  while (pattern.starts_with("./")) pattern.remove_prefix(2), anchored = true;
  if (pattern.starts_with('/')) pattern.remove_prefix(1), anchored = true;
  if (pattern.ends_with('/') && !pattern.ends_with("\\/"))
    pattern.remove_suffix(1), directories_only = true;
  if (pattern == ".." || pattern.starts_with("../") || pattern.find("/../") != pattern.npos ||
      pattern.ends_with("/..")) {
    error = "glob '" + text + "' leaves the configuration file's directory";
    return std::nullopt;
  }
  std::optional<Glob> glob = Glob::parse(pattern, error);
  if (!glob) {
    if (!pattern.empty() || text.empty()) return std::nullopt;
    error = "glob '" + text + "' matches nothing";
    return std::nullopt;
  }
  PathPattern out(std::move(*glob), text, std::move(base));
  out.anchored_ = anchored || !out.glob_.single_component();
  out.directories_only_ = directories_only;
  return out;
}

bool PathPattern::matches(const std::filesystem::path& path) const {
  const std::filesystem::path relative = path.lexically_relative(base_);
  std::vector<std::string> parts;
  for (const auto& part : relative) {
    if (part == "..") return false;
    if (part.empty() || part == ".") continue;
    parts.push_back(part.generic_string());
  }
  if (parts.empty()) return false;
  // The path itself (unless only directories match), then each directory it is in.
  const size_t first = directories_only_ ? parts.size() - 1 : parts.size();
  if (anchored_) {
    std::string prefix;
    std::vector<std::string> prefixes;
    for (const std::string& part : parts) {
      prefix += (prefix.empty() ? "" : "/") + part;
      prefixes.push_back(prefix);
    }
    for (size_t n = first; n >= 1; --n)
      if (glob_.matches(prefixes[n - 1])) return true;
    return false;
  }
  for (size_t n = first; n >= 1; --n)
    if (glob_.matches(parts[n - 1])) return true;
  return false;
}

}  // namespace hanmark
