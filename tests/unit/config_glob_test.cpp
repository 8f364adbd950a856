// The glob matcher and the path patterns of `exclude` and `[[overrides]] paths`.
#include <doctest/doctest.h>

#include <string>

#include "config/glob.h"
#include "config/path_pattern.h"

using namespace hanmark;

namespace {

bool glob(std::string_view pattern, std::string_view path) {
  std::string error;
  const std::optional<Glob> g = Glob::parse(pattern, error);
  REQUIRE_MESSAGE(g, error);
  return g->matches(path);
}

bool pattern(std::string_view text, std::string_view path) {
  std::string error;
  const std::optional<PathPattern> p = PathPattern::parse(text, "/site", error);
  REQUIRE_MESSAGE(p, error);
  return p->matches(std::filesystem::path("/site") / path);
}

}  // namespace

TEST_CASE("config glob: * and ? stay within one path component") {
  CHECK(glob("*.md", "post.md"));
  CHECK(glob("*.md", ".md"));
  CHECK_FALSE(glob("*.md", "docs/post.md"));
  CHECK(glob("docs/*.md", "docs/post.md"));
  CHECK_FALSE(glob("docs/*.md", "docs/en/post.md"));
  CHECK(glob("post-?.md", "post-1.md"));
  CHECK_FALSE(glob("post-?.md", "post-12.md"));
  CHECK_FALSE(glob("a?b", "a/b"));
  CHECK(glob("*draft*", "my-draft-post.md"));
  CHECK(glob("a*b*c", "aXbYbZc"));
  CHECK_FALSE(glob("a*b*c", "aXbYbZ"));
  CHECK(glob("***.md", "x.md"));  // runs of '*' inside a component are one '*'
}

TEST_CASE("config glob: ** matches any number of whole directories") {
  CHECK(glob("docs/**", "docs/post.md"));
  CHECK(glob("docs/**", "docs/en/a/b/post.md"));
  CHECK(glob("docs/**/*.md", "docs/post.md"));
  CHECK(glob("docs/**/*.md", "docs/en/post.md"));
  CHECK(glob("docs/**/*.md", "docs/en/ko/post.md"));
  CHECK_FALSE(glob("docs/**/*.md", "doc/en/post.md"));
  CHECK(glob("**/drafts/**", "blog/2024/drafts/x.md"));
  CHECK(glob("**/drafts/**", "drafts/x.md"));
  CHECK_FALSE(glob("**/drafts/**", "blog/drafts2/x.md"));
  CHECK(glob("**", "a/b/c"));
}

TEST_CASE("config glob: character classes, ranges, negation and escapes") {
  CHECK(glob("post[0-9].md", "post7.md"));
  CHECK_FALSE(glob("post[0-9].md", "postx.md"));
  CHECK(glob("[abc].md", "b.md"));
  CHECK(glob("[!abc].md", "d.md"));
  CHECK_FALSE(glob("[!abc].md", "a.md"));
  CHECK(glob("[^abc].md", "d.md"));
  CHECK(glob("[]x].md", "].md"));  // ']' first in a class is a member
  CHECK(glob("[a-cx-z]", "y"));
  CHECK_FALSE(glob("[a-cx-z]", "m"));
  CHECK(glob("\\*.md", "*.md"));
  CHECK_FALSE(glob("\\*.md", "a.md"));
  CHECK(glob("[*]", "*"));
}

TEST_CASE("config glob: characters are code points, Hangul included") {
  CHECK(glob("?.md", "글.md"));
  CHECK(glob("초안-*.md", "초안-설치.md"));
  CHECK(glob("[가-힣]*.md", "한글.md"));
  CHECK_FALSE(glob("[가-힣]*.md", "english.md"));
  CHECK_FALSE(glob("*.MD", "a.md"));  // case-sensitive
}

TEST_CASE("config glob: malformed patterns are errors") {
  std::string error;
  CHECK_FALSE(Glob::parse("", error));
  CHECK(error == "empty glob");
  CHECK_FALSE(Glob::parse("docs/[a-z", error));
  CHECK(error == "unclosed '[' in glob 'docs/[a-z'");
  CHECK(Glob::parse("docs/\\[a", error));  // an escaped '[' is a character
}

TEST_CASE("config path pattern: names without '/' match at any depth, and below directories") {
  CHECK(pattern("drafts", "drafts/post.md"));
  CHECK(pattern("drafts", "blog/drafts/2024/post.md"));
  CHECK(pattern("drafts", "blog/drafts"));
  CHECK_FALSE(pattern("drafts", "blog/drafts2/post.md"));
  CHECK(pattern("*.draft.md", "blog/x.draft.md"));
  CHECK_FALSE(pattern("*.draft.md", "blog/x.md"));
}

TEST_CASE("config path pattern: patterns with '/' are anchored at the config's directory") {
  CHECK(pattern("docs/en/**", "docs/en/post.md"));
  CHECK(pattern("docs/en", "docs/en/a/post.md"));  // a directory covers what is in it
  CHECK_FALSE(pattern("docs/en", "blog/docs/en/post.md"));
  CHECK(pattern("/CHANGELOG.md", "CHANGELOG.md"));
  CHECK_FALSE(pattern("/CHANGELOG.md", "docs/CHANGELOG.md"));
  CHECK(pattern("./docs/*.md", "docs/a.md"));
  CHECK(pattern("**/README.md", "a/b/README.md"));
  CHECK(pattern("**/README.md", "README.md"));
}

TEST_CASE("config path pattern: a trailing '/' matches directories only") {
  CHECK(pattern("build/", "build/out.md"));
  CHECK(pattern("build/", "docs/build/out.md"));
  CHECK_FALSE(pattern("build/", "build"));  // the path itself is a file
  CHECK_FALSE(pattern("post.md/", "post.md"));
}

TEST_CASE("config path pattern: paths outside the config's directory never match") {
  std::string error;
  const auto p = PathPattern::parse("**", "/site/docs", error);
  REQUIRE(p);
  CHECK(p->matches("/site/docs/a.md"));
  CHECK_FALSE(p->matches("/site/a.md"));
  CHECK_FALSE(p->matches("/site/docs"));
  CHECK_FALSE(p->matches("/elsewhere/docs/a.md"));
  CHECK_FALSE(PathPattern::parse("../x/**", "/site", error));
  CHECK(error == "glob '../x/**' leaves the configuration file's directory");
  CHECK_FALSE(PathPattern::parse("/", "/site", error));
  CHECK(error == "glob '/' matches nothing");
}
