// A test on path text that spares std::filesystem's lexically_normal(), which builds a list of
// components and a new path for every call.
#pragma once

#include <algorithm>
#include <string_view>

namespace hanmark {

// True only when lexically_normal() would leave `path` as it is: no empty, "." or ".." component
// and no trailing separator. (Some normal paths, such as "../a" or "a/", get false and are
// normalised as before.) Paths from file discovery are normal; normalising each file's path
// anyway took more time than finding its configuration.
inline bool is_lexically_normal(std::string_view path) {
  if (path.empty() || path.back() == '/') return false;
  for (size_t begin = path.front() == '/' ? 1 : 0; begin <= path.size();) {
    const size_t end = std::min(path.find('/', begin), path.size());
    const std::string_view part = path.substr(begin, end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    begin = end + 1;
  }
  return true;
}

}  // namespace hanmark
