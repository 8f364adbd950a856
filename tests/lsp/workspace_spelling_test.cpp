// The server's configuration reloads keep the spell resources (and the hunspell dictionaries they
// loaded) while the spelling stays the same, and teach them a word added to a word list.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/run.h"
#include "lsp/workspace.h"
#include "markdown/document.h"

using namespace hanmark;
using hanmark::testing::TempDir;

namespace {

const std::string kPost = "# 제목\n\n한국어 문장을 씁니다. The wrold and plnet.\n";

// The rule ids and flagged words of the workspace's findings on kPost.
std::vector<std::string> findings(lsp::Workspace& workspace, const std::filesystem::path& post) {
  const lsp::LinterRef ref = workspace.linter_for(post);
  REQUIRE(ref);
  const auto doc = Document::parse(post.string(), kPost);
  std::vector<std::string> out;
  for (const Diagnostic& d : ref.linter->lint(*doc))
    out.push_back(d.rule + " " + kPost.substr(d.span.begin, d.span.size()));
  return out;
}

}  // namespace

TEST_CASE("lsp workspace: reloads keep the spell resources while the spelling is the same") {
  TempDir dir;
  dir.write(".hanmark.toml",
            "[rules]\nextend-select = [\"spelling\"]\n\n[spelling]\nwords = [\"plnet\"]\n");
  lsp::WorkspaceSettings settings;
  settings.user_dictionary = dir.path() / "user-words.dic";
  lsp::Workspace workspace(settings);
  const auto post = dir.path() / "post.md";
  const std::vector<std::string> before = findings(workspace, post);
  CHECK(before == std::vector<std::string>{"spelling wrold"});
  CHECK(workspace.spell_cache_counts().created == 1);

  SUBCASE("nothing changed") {
    workspace.reload();
    CHECK(findings(workspace, post) == before);
    CHECK(workspace.spell_cache_counts().created == 1);
    CHECK(workspace.spell_cache_counts().reused == 1);
  }
  SUBCASE("a rule changed, the spelling did not") {
    dir.write(".hanmark.toml",
              "[rules]\nextend-select = [\"spelling\"]\nignore = [\"typo\"]\n\n"
              "[spelling]\nwords = [\"plnet\"]\n");
    workspace.reload();
    CHECK(findings(workspace, post) == before);
    CHECK(workspace.spell_cache_counts().created == 1);
  }
  SUBCASE("new client settings, the same spelling") {
    settings.no_config = false;
    settings.config_file = (dir.path() / ".hanmark.toml").string();
    workspace.configure(settings);
    CHECK(findings(workspace, post) == before);
    CHECK(workspace.spell_cache_counts().created == 1);
  }
  SUBCASE("a word added to the user word list: the loaded spellers learn it") {
    dir.write("user-words.dic", "wrold\n");
    workspace.reload();
    CHECK(findings(workspace, post).empty());
    CHECK(workspace.spell_cache_counts().created == 1);
    CHECK(workspace.spell_cache_counts().extended == 1);
    // The word list read again as it is (the client's file watcher): nothing to load.
    workspace.reload();
    CHECK(findings(workspace, post).empty());
    CHECK(workspace.spell_cache_counts().created == 1);

    SUBCASE("then removed: loaded again without it") {
      dir.write("user-words.dic", "");
      workspace.reload();
      CHECK(findings(workspace, post) == before);
      CHECK(workspace.spell_cache_counts().created == 2);
    }
  }
  SUBCASE("[spelling] changed otherwise: new resources") {
    dir.write(".hanmark.toml", "[rules]\nextend-select = [\"spelling\"]\n");
    workspace.reload();
    CHECK(findings(workspace, post) ==
          std::vector<std::string>{"spelling wrold", "spelling plnet"});
    CHECK(workspace.spell_cache_counts().created == 2);
  }
}
