// The first real case: ../shared/seed/become-a-deep-learning-engineer.md must show exactly its
// known problems and nothing in its code, URLs or correct words.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "cli/run.h"

using namespace hanmark::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSeed =
    fs::path(HANMARK_SOURCE_DIR) / ".." / "shared" / "seed" / "become-a-deep-learning-engineer.md";
// The rules of hanmark 0.1; later rules have their own seed expectations.
const char* kFoundationRules =
    "--select empty-section,heading-bilingual,image-alt,leftover-comment,spelling,typo";

}  // namespace

TEST_CASE("seed post: exactly its known problems") {
  if (!fs::exists(kSeed)) {
    MESSAGE("skipped: ../shared/seed is absent (it is not part of a user's clone)");
    return;
  }
  const RunResult r = run_hanmark(std::string("check --format json ") + kFoundationRules + " " +
                                  shell_quote(kSeed.string()));
  CHECK(r.exit_code == 1);
  const auto diagnostics = nlohmann::json::parse(r.out)["diagnostics"];

  // The empty section's heading, read from the seed (its text is not copied into the repository).
  std::ifstream seed(kSeed);
  std::string line, empty_heading;
  for (int n = 1; std::getline(seed, line); ++n)
    if (n == 25) empty_heading = line.substr(3);  // after "## "
  REQUIRE(!empty_heading.empty());

  using Finding = std::tuple<int, int, std::string, std::string>;  // line, column, rule, message
  std::multiset<Finding> actual;
  for (const auto& d : diagnostics) actual.emplace(d["line"], d["column"], d["rule"], d["message"]);
  const std::multiset<Finding> expected = {
      {1, 45, "typo", "'Enginner' is a common misspelling of 'Engineer'"},
      {11, 4, "heading-bilingual",
       "heading has Korean only; the post's headings are bilingual (Korean - English)"},
      {13, 3, "image-alt", "image has placeholder alt text 'Alt text'"},
      {25, 4, "empty-section", "section '" + empty_heading + "' holds only HTML comments"},
      {25, 4, "heading-bilingual",
       "heading has Korean only; the post's headings are bilingual (Korean - English)"},
      {29, 1, "leftover-comment", "leftover HTML comment spans 6 lines and holds drafted prose"},
      {36, 1, "leftover-comment",
       "leftover HTML comment spans 23 lines and holds drafted headings and prose"},
  };
  CHECK(actual == expected);
  for (const auto& d : diagnostics) {
    if (d["rule"] == "typo") {
      REQUIRE(!d["suggestions"].empty());
      CHECK(d["suggestions"][0] == "Engineer");
      CHECK(d["end_column"] == 53);
    }
  }
}

TEST_CASE("seed post: text output shows the title typo with its suggestion") {
  if (!fs::exists(kSeed)) {
    MESSAGE("skipped: ../shared/seed is absent (it is not part of a user's clone)");
    return;
  }
  const RunResult r = run_hanmark(std::string("check --color=never ") + kFoundationRules + " " +
                                  shell_quote(kSeed.string()));
  CHECK(r.out.find(":1:45: warning: 'Enginner' is a common misspelling of 'Engineer' [typo]\n") !=
        std::string::npos);
  CHECK(r.out.find("   = help: did you mean 'Engineer'?\n") != std::string::npos);
  CHECK(r.out.ends_with("0 errors, 7 warnings, 0 info in 1 file\n"));
}
