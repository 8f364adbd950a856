// Every rule is registered once, sorted, documented, and has positive and negative fixtures.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/linter.h"
#include "engine/registry.h"
#include "harness/fixture.h"

namespace fs = std::filesystem;
using namespace hanmark;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string stem_of(std::string_view id) {
  std::string stem(id);
  std::replace(stem.begin(), stem.end(), '-', '_');
  return stem;
}

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

TEST_CASE("registry: rule ids are unique, kebab-case and sorted") {
  const auto rules = make_all_rules(default_rule_resources());
  REQUIRE(rules.size() >= 6);
  for (size_t i = 0; i < rules.size(); ++i) {
    CHECK_MESSAGE(is_kebab_case(rules[i]->info().id), rules[i]->info().id);
    CHECK_FALSE(rules[i]->info().summary.empty());
    if (i > 0) CHECK(rules[i - 1]->info().id < rules[i]->info().id);
  }
}

TEST_CASE("registry: every rule source file is registered, and every rule has its doc") {
  const fs::path root(HANMARK_SOURCE_DIR);
  const auto rules = make_all_rules(default_rule_resources());
  std::set<std::string> registered;
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    registered.insert(rule_doc_path(info));
    const fs::path doc_path = root / rule_doc_path(info);
    CHECK_MESSAGE(fs::exists(doc_path), "missing doc " << doc_path);
    const auto doc = rule_doc(info);
    REQUIRE_MESSAGE(doc.has_value(), "doc not compiled in for " << info.id);
    CHECK(doc->starts_with("# " + std::string(info.id) + "\n"));
    for (const char* heading : {"## What it does", "## Why", "## Example", "## Fix safety",
                                "## Options", "## References"})
      CHECK_MESSAGE(doc->find(heading) != std::string_view::npos, info.id << " lacks " << heading);
    fs::path cpp = doc_path;
    CHECK_MESSAGE(fs::exists(cpp.replace_extension(".cpp")), "missing " << cpp);
  }
  for (const auto& entry : fs::recursive_directory_iterator(root / "rules")) {
    if (entry.path().extension() != ".cpp" || entry.path().filename() == "registry.cpp") continue;
    const std::string doc =
        fs::relative(entry.path(), root).replace_extension(".md").generic_string();
    CHECK_MESSAGE(registered.count(doc), entry.path() << " is not a registered rule");
  }
}

TEST_CASE("registry: every rule has positive and negative fixtures") {
  const fs::path fixtures = fs::path(HANMARK_SOURCE_DIR) / "tests" / "fixtures";
  for (const auto& rule : make_all_rules(default_rule_resources())) {
    const RuleInfo& info = rule->info();
    const fs::path folder = fixtures / std::string(to_string(info.category)) / stem_of(info.id);
    int positive = 0, negative = 0;
    if (fs::exists(folder)) {
      for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".md" || name.ends_with(".fixed.md")) continue;
        const auto fixture = testing::parse_fixture(read_text(entry.path()));
        (fixture.expectations.empty() ? negative : positive) += 1;
      }
    }
    CHECK_MESSAGE(positive > 0, info.id << " has no fixture with expectations in " << folder);
    CHECK_MESSAGE(negative > 0, info.id << " has no fixture without findings in " << folder);
  }
}

TEST_CASE("selection: by id, by category, extend-select, ignore, ids win over categories") {
  auto ids = [](const RuleSelection& selection) {
    std::vector<std::string> unknown;
    std::vector<std::string> out;
    for (const auto& rule :
         select_rules(make_all_rules(default_rule_resources()), selection, unknown))
      out.emplace_back(rule->info().id);
    CHECK(unknown.empty());
    return out;
  };
  using Ids = std::vector<std::string>;
  CHECK(ids({.select = {"editorial"}}) ==
        Ids{"leftover-comment", "repeated-word", "unknown-directive", "unused-directive"});
  CHECK(ids({.select = {"korean"}}) ==
        Ids{"josa", "korean-spacing", "korean-spelling", "speech-level"});
  CHECK(ids({.select = {"spelling"}}) == Ids{"spelling"});  // the rule, not the category
  CHECK(ids({.select = {"editorial", "typo"}, .ignore = {"repeated-word"}}) ==
        Ids{"leftover-comment", "typo", "unknown-directive", "unused-directive"});
  const Ids defaults = ids({});
  CHECK(std::find(defaults.begin(), defaults.end(), "spelling") == defaults.end());
  const Ids extended = ids({.extend_select = {"spelling"}});
  CHECK(extended.size() == defaults.size() + 1);
  std::vector<std::string> unknown;
  select_rules(make_all_rules(default_rule_resources()), {.select = {"korea"}}, unknown);
  CHECK(unknown == std::vector<std::string>{"korea"});
}
