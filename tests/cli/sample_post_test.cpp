// The quick start's demo post (examples/sample-post.md) shows every rule that is on by default,
// plus the opt-in spelling rule it is linted with: a new rule needs its example there.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/run.h"
#include "engine/registry.h"

using namespace hanmark::testing;

TEST_CASE("sample post: one example of every default rule, and of spelling") {
  const std::string sample = std::string(HANMARK_SOURCE_DIR) + "/examples/sample-post.md";
  const RunResult r =
      run_hanmark("check --format json --extend-select spelling " + shell_quote(sample));
  REQUIRE(r.exit_code == 1);
  std::set<std::string> reported;
  const auto json = nlohmann::json::parse(r.out);
  for (const auto& d : json["diagnostics"]) reported.insert(d["rule"].get<std::string>());

  std::set<std::string> expected{"spelling"};
  for (const auto& rule : hanmark::make_all_rules(hanmark::default_rule_resources()))
    if (rule->info().enabled_by_default) expected.emplace(rule->info().id);
  for (const std::string& id : expected)
    CHECK_MESSAGE(reported.count(id) == 1, "no example: " << id);
  for (const std::string& id : reported)
    CHECK_MESSAGE(expected.count(id) == 1, "unexpected: " << id);
}
