// is_lexically_normal is true only of paths lexically_normal() leaves as they are (then the call
// is skipped), and of the paths file discovery makes.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>

#include "config/lexical_path.h"

using hanmark::is_lexically_normal;

namespace {

bool normal_by_std(const std::string& path) {
  return !path.empty() && std::filesystem::path(path).lexically_normal().native() == path;
}

}  // namespace

TEST_CASE("lexical path: paths discovery makes are normal, the others are not") {
  for (const char* path :
       {"/work/docs/post.md", "docs/글.md", "a", "/a", ".hidden/x.md", "a/..b/c", "a/b.", "/..x"})
    CHECK_MESSAGE(is_lexically_normal(path), path);
  for (const char* path : {"", "./a", "a/./b", "a/../b", "a//b", "/a/..", ".", "//a", "a/b/."})
    CHECK_FALSE_MESSAGE(is_lexically_normal(path), path);
}

TEST_CASE("lexical path: never true of a path lexically_normal() changes") {
  std::mt19937 random(7);
  const char* parts[] = {"a", "b", ".", "..", "", "글", ".x", "x.", "..y"};
  for (int i = 0; i < 20000; ++i) {
    std::string path = random() % 3 == 0 ? "/" : "";
    const int count = 1 + static_cast<int>(random() % 4);
    for (int k = 0; k < count; ++k) {
      if (k > 0) path += '/';
      path += parts[random() % std::size(parts)];
    }
    if (random() % 5 == 0) path += '/';
    CAPTURE(path);
    if (is_lexically_normal(path)) CHECK(normal_by_std(path));
  }
}
