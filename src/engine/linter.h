// Runs the selected rules over a Document and returns sorted diagnostics.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/directive_filter.h"
#include "engine/rule.h"
#include "engine/rule_threads.h"
#include "markdown/document.h"

namespace hanmark {

// Id of the diagnostics hanmark itself reports for bytes that are not UTF-8 (not a rule: it
// cannot be disabled).
inline constexpr std::string_view kEncodingDiagnostic = "encoding";

// Ids and categories of `rules`, for Linter's `known`.
std::vector<KnownRule> known_rules(const std::vector<std::unique_ptr<Rule>>& rules);

class Linter {
 public:
  // `rules` run. `known` is every rule hanmark knows, selected or not (known_rules() of the whole
  // registry and the user rules): inline directives may name any of them without being reported
  // as unknown. Empty means the rules that run.
  explicit Linter(std::vector<std::unique_ptr<Rule>> rules, std::vector<KnownRule> known = {});

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const std::vector<KnownRule>& known() const { return known_; }
  const Rule* find(std::string_view id) const;

  // The rules' findings, filtered through the post's inline directives (docs/directives.md),
  // with the findings about the directives themselves. Sorted by span, then rule id; identical
  // for identical input.
  std::vector<Diagnostic> lint(const Document& doc) const;
  // The same, with the rules shared among `threads` and the calling thread: the same
  // diagnostics in the same order, sooner for one post.
  std::vector<Diagnostic> lint(const Document& doc, RuleThreads& threads) const;

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<KnownRule> known_;
};

// Which rules run: `select` (rule ids or category names) replaces the default set — the rules
// enabled by default — `extend_select` adds to it and `ignore` removes from it. A name that is a
// rule id means that rule even where a category has the same name ("spelling"). Names that are
// neither are returned in `unknown`.
struct RuleSelection {
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

std::vector<std::unique_ptr<Rule>> select_rules(std::vector<std::unique_ptr<Rule>> rules,
                                                const RuleSelection& selection,
                                                std::vector<std::string>& unknown);

// A Linter of the selected rules that knows all of `rules` (for directives).
Linter make_linter(std::vector<std::unique_ptr<Rule>> rules, const RuleSelection& selection,
                   std::vector<std::string>& unknown);

}  // namespace hanmark
