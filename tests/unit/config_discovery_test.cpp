// Finding each file's configuration: the nearest config file wins, --config and --no-config,
// caching (one pointer per distinct configuration), exclude, errors reported once.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "config/config_resolver.h"
#include "config_test_support.h"

using namespace hanmark;
using hanmark::test::TempTree;
using Paths = std::vector<std::filesystem::path>;

TEST_CASE("config discovery: the nearest config file wins, without merging parents") {
  TempTree tree;
  tree.write(".hanmark.toml", "fail-on = \"error\"\n[rules]\nignore = [\"josa\"]\n");
  tree.write("docs/hanmark.toml", "[rules]\nselect = [\"markdown\"]\n");
  tree.write("docs/en/post.md", "# Post\n");
  tree.write("blog/2024/post.md", "# 글\n");

  ConfigResolver resolver(test::test_catalog());
  const auto docs = resolver.resolve(tree.path("docs/en/post.md"));
  REQUIRE(docs);
  CHECK(docs->files == Paths{tree.path("docs/hanmark.toml")});
  CHECK_FALSE(docs->fail_on);  // the root file's fail-on does not reach docs/

  const auto blog = resolver.resolve(tree.path("blog/2024/post.md"));
  REQUIRE(blog);
  CHECK(blog->files == Paths{tree.path(".hanmark.toml")});
  CHECK(blog->fail_on == Severity::error);
  CHECK(resolver.config_file_for(tree.path("blog/2024")) == tree.path(".hanmark.toml"));
  CHECK(resolver.config_file_for(tree.path("docs/en")) == tree.path("docs/hanmark.toml"));
  CHECK(resolver.take_errors().empty());
  CHECK(resolver.take_warnings().empty());
}

TEST_CASE("config discovery: .hanmark.toml is used when both names exist, with a warning") {
  TempTree tree;
  tree.write(".hanmark.toml", "fail-on = \"info\"\n");
  tree.write("hanmark.toml", "fail-on = \"error\"\n");
  ConfigResolver resolver(test::test_catalog());
  const auto config = resolver.resolve(tree.path("post.md"));
  REQUIRE(config);
  CHECK(config->fail_on == Severity::info);
  const std::vector<std::string> warnings = resolver.take_warnings();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("using '.hanmark.toml'") != std::string::npos);
  resolver.resolve(tree.path("other.md"));
  CHECK(resolver.take_warnings().empty());  // once per directory
}

TEST_CASE("config discovery: files with the same configuration share one pointer") {
  TempTree tree;
  tree.write(".hanmark.toml", R"([[overrides]]
paths = ["en/**"]
[overrides.rules]
ignore = ["korean"]
)");
  ConfigResolver resolver(test::test_catalog());
  const auto a = resolver.resolve(tree.path("a.md"));
  const auto b = resolver.resolve(tree.path("sub/dir/b.md"));
  const auto en1 = resolver.resolve(tree.path("en/one.md"));
  const auto en2 = resolver.resolve(tree.path("en/deep/two.md"));
  REQUIRE(a);
  REQUIRE(en1);
  CHECK(a == b);
  CHECK(en1 == en2);
  CHECK(a != en1);
  CHECK(en1->sources.size() == 2);
}

TEST_CASE("config discovery: relative paths resolve against the working directory") {
  // The repository has no .hanmark.toml above its README: the defaults, shared.
  ConfigResolver resolver(test::test_catalog());
  const auto config = resolver.resolve("README.md");
  REQUIRE(config);
  if (!resolver.config_file_for(".")) CHECK(config->sources.empty());
}

TEST_CASE("config discovery: --config uses one file for every file, --no-config none") {
  TempTree tree;
  tree.write("shared/lint.toml", "fail-on = \"info\"\nexclude = [\"drafts\"]\n");
  tree.write("project/.hanmark.toml", "fail-on = \"error\"\n");

  ConfigResolver explicit_file =
      ConfigResolver::with_file(tree.path("shared/lint.toml"), test::test_catalog());
  const auto config = explicit_file.resolve(tree.path("project/post.md"));
  REQUIRE(config);
  CHECK(config->fail_on == Severity::info);
  CHECK(config == explicit_file.resolve(tree.path("elsewhere/x.md")));
  // Globs stay relative to the config file's own directory.
  CHECK(explicit_file.excluded(tree.path("shared/drafts/x.md")));
  CHECK_FALSE(explicit_file.excluded(tree.path("project/drafts/x.md")));

  ConfigResolver none = ConfigResolver::without_config(test::test_catalog());
  const auto defaults = none.resolve(tree.path("project/post.md"));
  REQUIRE(defaults);
  CHECK(defaults->sources.empty());
  CHECK_FALSE(defaults->fail_on);
  CHECK_FALSE(none.config_file_for(tree.path("project")));

  ConfigResolver missing = ConfigResolver::with_file(tree.path("nope.toml"), test::test_catalog());
  CHECK(missing.resolve(tree.path("project/post.md")) == nullptr);
  const std::vector<ConfigError> errors = missing.take_errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "cannot read configuration file: no such file");
}

TEST_CASE("config discovery: exclude globs of the config that governs the path") {
  TempTree tree;
  tree.write(".hanmark.toml", R"(exclude = ["drafts", "*.draft.md", "/vendor/", "docs/old/**"])");
  tree.write("sub/.hanmark.toml", "exclude = [\"private\"]\n");
  ConfigResolver resolver(test::test_catalog());
  CHECK(resolver.excluded(tree.path("drafts")));
  CHECK(resolver.excluded(tree.path("blog/drafts/a.md")));
  CHECK(resolver.excluded(tree.path("blog/a.draft.md")));
  CHECK(resolver.excluded(tree.path("vendor/lib/README.md")));
  CHECK_FALSE(resolver.excluded(tree.path("blog/vendor/README.md")));
  CHECK(resolver.excluded(tree.path("docs/old/a.md")));
  CHECK_FALSE(resolver.excluded(tree.path("docs/new/a.md")));
  // sub/ has its own config: the root's globs do not apply there.
  CHECK_FALSE(resolver.excluded(tree.path("sub/drafts/a.md")));
  CHECK(resolver.excluded(tree.path("sub/private/a.md")));
}

TEST_CASE("config discovery: a broken config fails its files, and is reported once") {
  TempTree tree;
  tree.write(".hanmark.toml", "[rules]\nselct = [\"josa\"]\n");
  tree.write("ok/.hanmark.toml", "fail-on = \"info\"\n");
  ConfigResolver resolver(test::test_catalog());
  CHECK(resolver.resolve(tree.path("a.md")) == nullptr);
  CHECK(resolver.resolve(tree.path("b.md")) == nullptr);
  CHECK(resolver.resolve(tree.path("ok/c.md")) != nullptr);
  CHECK_FALSE(resolver.excluded(tree.path("d.md")));
  const std::vector<ConfigError> errors = resolver.take_errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 2);
  CHECK(resolver.take_errors().empty());
  CHECK(resolver.failed());
}
