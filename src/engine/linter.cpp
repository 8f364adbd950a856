#include "engine/linter.h"

#include <algorithm>
#include <set>

namespace hanmark {

std::vector<KnownRule> known_rules(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<KnownRule> known;
  for (const auto& rule : rules)
    known.push_back({std::string(rule->info().id), rule->info().category});
  return known;
}

Linter::Linter(std::vector<std::unique_ptr<Rule>> rules, std::vector<KnownRule> known)
    : rules_(std::move(rules)), known_(std::move(known)) {
  if (known_.empty()) known_ = known_rules(rules_);
}

const Rule* Linter::find(std::string_view id) const {
  for (const auto& rule : rules_)
    if (rule->info().id == id) return rule.get();
  return nullptr;
}

namespace {

// One error for the first bad byte of each kind, with a count of the rest: a binary file must
// not bury the report under thousands of lines.
void report_encoding_problems(const Document& doc, std::vector<Diagnostic>& out) {
  for (const bool nul : {false, true}) {
    const EncodingProblem* first = nullptr;
    size_t count = 0;
    for (const EncodingProblem& problem : doc.encoding_problems()) {
      if (problem.nul != nul) continue;
      if (!first) first = &problem;
      ++count;
    }
    if (!first) continue;
    Diagnostic& d = out.emplace_back();
    d.rule = std::string(kEncodingDiagnostic);
    d.severity = Severity::error;
    d.span = {first->offset, first->offset + 1};
    d.message = std::string(nul ? "NUL byte" : "invalid UTF-8 byte") + " at byte offset " +
                std::to_string(first->offset);
    if (count > 1) d.message += " (" + std::to_string(count - 1) + " more in this file)";
  }
}

}  // namespace

std::vector<Diagnostic> Linter::lint(const Document& doc) const {
  std::vector<Diagnostic> out;
  report_encoding_problems(doc, out);
  for (const auto& rule : rules_) {
    DiagnosticSink sink(rule->info(), out);
    rule->check(doc, sink);
  }
  const Directives directives = parse_directives(doc);
  if (!directives.empty()) {
    const DirectiveContext context{.known = known_,
                                   .running = rules_,
                                   .unknown_directive = find(kUnknownDirective),
                                   .unused_directive = find(kUnusedDirective)};
    apply_directives(doc, directives, context, out);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
  return out;
}

std::vector<std::unique_ptr<Rule>> select_rules(std::vector<std::unique_ptr<Rule>> rules,
                                                const RuleSelection& selection,
                                                std::vector<std::string>& unknown) {
  // Collected before erase_if below moves rules around.
  std::set<std::string_view> ids;
  for (const auto& rule : rules) ids.insert(rule->info().id);
  auto is_rule_id = [&](const std::string& name) { return ids.contains(name); };
  auto names_rule = [&](const std::string& name, const RuleInfo& info) {
    return name == info.id || (name == to_string(info.category) && !is_rule_id(name));
  };
  auto named = [&](const Rule& rule, const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& name) { return names_rule(name, rule.info()); });
  };
  for (const auto* list : {&selection.select, &selection.extend_select, &selection.ignore}) {
    for (const std::string& name : *list) {
      const bool known = std::any_of(rules.begin(), rules.end(), [&](const auto& rule) {
        return names_rule(name, rule->info());
      });
      if (!known) unknown.push_back(name);
    }
  }
  std::erase_if(rules, [&](const auto& rule) {
    const bool base =
        selection.select.empty() ? rule->info().enabled_by_default : named(*rule, selection.select);
    return !(base || named(*rule, selection.extend_select)) || named(*rule, selection.ignore);
  });
  return rules;
}

Linter make_linter(std::vector<std::unique_ptr<Rule>> rules, const RuleSelection& selection,
                   std::vector<std::string>& unknown) {
  std::vector<KnownRule> known = known_rules(rules);
  return Linter(select_rules(std::move(rules), selection, unknown), std::move(known));
}

}  // namespace hanmark
