// Fixture files with inline expectations (see README "Writing a rule"):
//   <!-- expect[@-N] RULE ["exact source text"[#k]] [: message substring] -->
//   <!-- also-run RULE… -->   runs these rules beside the folder's rule (their findings must be
//                             expected too): how directive fixtures show what they suppress
// Expectation lines are removed before parsing, so rules never see them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hanmark::testing {

struct Expectation {
  int fixture_line;  // where the expectation is written, for failure messages
  int target_line;   // 1-based line in the stripped text
  std::string rule;
  std::optional<std::string> text;  // exact source text of the span
  int occurrence = 1;               // which occurrence of `text` on the line
  std::string message_part;
};

struct Fixture {
  std::string stripped;  // the fixture without its expectation lines
  std::vector<Expectation> expectations;
  std::vector<int> original_line;     // stripped line (index + 1) → fixture line
  std::vector<std::string> errors;    // malformed expectations
  std::vector<std::string> also_run;  // rule ids to run beside the folder's rule
};

Fixture parse_fixture(const std::string& text);

}  // namespace hanmark::testing
