// The first real case: ../shared/seed/become-a-deep-learning-engineer.md must show exactly its
// known problems and nothing in its code, URLs or correct words.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include <tuple>
#include "markdown/document.h"

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
  // Korean typos (issue #3) are checked by the test below.
  auto korean_typo = [](const auto& d) {
    const std::string message = d["message"];
    return d["rule"] == "typo" && !message.starts_with("'Enginner'");
  };
  for (const auto& d : diagnostics)
    if (!korean_typo(d)) actual.emplace(d["line"], d["column"], d["rule"], d["message"]);
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
    if (d["rule"] == "typo" && !korean_typo(d)) {
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
  CHECK(r.out.find(":13:3: warning: image has placeholder alt text 'Alt text' [image-alt]\n") !=
        std::string::npos);
}

TEST_CASE("seed post: its Korean errors, and none of its correct Korean words") {
  if (!fs::exists(kSeed)) {
    MESSAGE("skipped: ../shared/seed is absent (it is not part of a user's clone)");
    return;
  }
  const RunResult r = run_hanmark("check --format json " + shell_quote(kSeed.string()));
  REQUIRE_MESSAGE(r.exit_code == 1, r.err);
  std::ifstream in(kSeed, std::ios::binary);
  const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto doc = hanmark::Document::parse("seed.md", source);
  // Each finding as "rule: the source text it points at".
  std::vector<std::string> found;
  const auto report = nlohmann::json::parse(r.out);
  for (const auto& d : report["diagnostics"]) {
    const auto at = [&](const char* line, const char* column) {
      return doc->lines().offset_of({d[line].get<uint32_t>(), d[column].get<uint32_t>()});
    };
    const uint32_t begin = at("line", "column");
    const uint32_t end = at("end_line", "end_column");
    found.push_back(d["rule"].get<std::string>() + ": " + std::string(doc->slice({begin, end})));
  }
  // `rules` is one rule id, or several separated by '|' (either may report it).
  auto reported = [&](const std::string& rules, const std::string& text) {
    return std::any_of(found.begin(), found.end(), [&](const std::string& f) {
      const std::string rule = f.substr(0, f.find(':'));
      return ("|" + rules + "|").find("|" + rule + "|") != std::string::npos &&
             f.find(text) != std::string::npos;
    });
  };
  // The list; 해야할 and 소흘히 are inside a leftover HTML comment, which prose rules do
  // not read (leftover-comment reports the comment).
  for (const auto& [rule, text] : std::vector<std::pair<std::string, std::string>>{
           {"typo", "아니였"},
           {"typo", "되봅시다"},
           {"typo", "거에요"},
           {"typo", "더라구요"},
           {"korean-spacing", "종사한지"},
           {"korean-spacing", "구상중"},
           {"korean-spacing", "두가지"},
           {"korean-spacing", "싶은거"},
       })
    CHECK_MESSAGE(reported(rule, text), rule << " does not report '" << text << "' among "
                                             << found.size() << " findings");
  for (const char* word : {"딥러닝", "유튜브", "백엔드", "프론트", "캡스톤", "라즈베리파이",
                           "리서처", "헤르미온느", "OpenCV"}) {
    for (const std::string& f : found) {
      const bool korean_rule =
          f.starts_with("korean-spelling: ") || f.starts_with("josa: ") || f.starts_with("typo: ");
      CHECK_MESSAGE(!(korean_rule && f.find(word) != std::string::npos), "reported: " << f);
    }
  }
}
