// A declarative user rule as written in TOML (docs/user-rules.md), validated and with the
// positions of its parts, so that every later complaint can point at file:line:col.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"

namespace hanmark::userrules {

// A place in a rule file: 1-based line and code-point column (0 when unknown).
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
};

// A problem with a rule file, reported as `source:line:col: error: message`.
struct Problem {
  std::string source;  // the file name as given
  SourcePos pos;
  std::string message;
};

std::string format_problem(const Problem& problem);

enum class RuleType { existence, substitution, consistency };
enum class FixSafety { safe, unsafe, none };
// What may follow a word that ends in Hangul (or a Latin word written before Hangul).
enum class Suffix { particles, any, none };

// Where in prose a rule looks. Every byte of prose text is in exactly one scope: image alt text,
// else link text, else its block's (heading, or prose for paragraphs and table cells).
enum Scope : uint8_t { kProse = 1, kHeading = 2, kLink = 4, kAlt = 8 };
inline constexpr uint8_t kAllScopes = kProse | kHeading | kLink | kAlt;

std::string_view to_string(RuleType type);

// A literal word or phrase, or an ICU regular expression.
struct Term {
  std::string text;
  bool regex = false;
  SourcePos pos;  // of the TOML string
};

struct Swap {
  Term from;
  std::vector<std::string> to;  // first is the preferred replacement; may use $1…$9 after a regex
  SourcePos to_pos;
};

struct Example {
  std::string text;                  // Markdown
  std::optional<std::string> fixed;  // for a bad example: the text after its fixes
  bool bad = false;
  SourcePos pos;
};

struct RuleSpec {
  std::string id;
  std::string source;  // the rule file
  SourcePos pos;       // of the [[rule]] table
  SourcePos id_pos;
  RuleType type = RuleType::existence;
  std::string message;  // template with {actual} and {expected}
  SourcePos message_pos;
  std::string summary;
  std::string help;
  Severity severity = Severity::warning;
  uint8_t scopes = kAllScopes;
  bool ignore_case = false;
  bool enabled = true;
  Suffix suffix = Suffix::particles;
  FixSafety fix = FixSafety::safe;       // substitution only; consistency fixes are always unsafe
  std::vector<Term> terms;               // existence: words and patterns
  std::vector<Swap> swaps;               // substitution
  std::vector<std::vector<Term>> forms;  // consistency: groups of interchangeable forms
  std::vector<Example> examples;
};

}  // namespace hanmark::userrules
