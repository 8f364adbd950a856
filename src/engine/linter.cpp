#include "engine/linter.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <iterator>
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

// cmark-gfm's string getters convert a node's string on their first call (cmark_chunk_to_cstr),
// which two threads must not do at once: make every conversion happen before rules share the tree.
void convert_cmark_strings(const Document& doc) {
  cmark_iter* iter = cmark_iter_new(doc.root());
  while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_get_literal(node);
    cmark_node_get_url(node);
    cmark_node_get_title(node);
    cmark_node_get_fence_info(node);
    cmark_node_get_on_enter(node);
    cmark_node_get_on_exit(node);
  }
  cmark_iter_free(iter);
}

// The findings about encoding, then each rule's, in rule order (whichever thread ran it),
// filtered through the directives and sorted.
std::vector<Diagnostic> merge(const Document& doc, const Linter& linter,
                              std::vector<std::vector<Diagnostic>> by_rule) {
  std::vector<Diagnostic> out;
  report_encoding_problems(doc, out);
  for (std::vector<Diagnostic>& found : by_rule)
    out.insert(out.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  const Directives directives = parse_directives(doc);
  if (!directives.empty()) {
    const DirectiveContext context{.known = linter.known(),
                                   .running = linter.rules(),
                                   .unknown_directive = linter.find(kUnknownDirective),
                                   .unused_directive = linter.find(kUnusedDirective)};
    apply_directives(doc, directives, context, out);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
  return out;
}

}  // namespace

std::vector<Diagnostic> Linter::lint(const Document& doc) const {
  std::vector<std::vector<Diagnostic>> by_rule(rules_.size());
  for (size_t i = 0; i < rules_.size(); ++i) {
    DiagnosticSink sink(rules_[i]->info(), by_rule[i]);
    rules_[i]->check(doc, sink);
  }
  return merge(doc, *this, std::move(by_rule));
}

std::vector<Diagnostic> Linter::lint(const Document& doc, RuleThreads& threads) const {
  if (threads.helpers() == 0) return lint(doc);
  convert_cmark_strings(doc);
  std::vector<std::string_view> names;
  for (const auto& rule : rules_) names.push_back(rule->info().id);
  std::vector<std::vector<Diagnostic>> by_rule(rules_.size());
  threads.run(names, [&](size_t i) {
    DiagnosticSink sink(rules_[i]->info(), by_rule[i]);
    rules_[i]->check(doc, sink);
  });
  return merge(doc, *this, std::move(by_rule));
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
