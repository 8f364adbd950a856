#include "userrules/user_rule.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/strings.h"
#include "spell/typo_table.h"
#include "text/words.h"
#include "userrules/message_template.h"
#include "userrules/regex.h"
#include "userrules/replacement.h"
#include "userrules/scopes.h"
#include "userrules/word_matcher.h"

namespace hanmark::userrules {

namespace {

constexpr std::string_view kPlaceholder = kObjectReplacement;

std::string_view default_message(RuleType type) {
  switch (type) {
    case RuleType::existence:
      return "avoid '{actual}'";
    case RuleType::substitution:
      return "use '{expected}' instead of '{actual}'";
    case RuleType::consistency:
      return "'{actual}' is written '{expected}' elsewhere in this post";
  }
  return "";
}

// Text as quoted in messages: white space runs (a phrase over a line break) as one space.
std::string display(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The first `limit` items, each made by `item`, joined by `separator`; "…" when there are more.
template <typename T, typename F>
std::string list_of(const std::vector<T>& items, size_t limit, std::string_view separator, F item) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; ++i)
    out += (i ? std::string(separator) : "") + item(items[i]);
  if (items.size() > limit) out += std::string(separator) + "…";
  return out;
}

std::string make_summary(const RuleSpec& spec) {
  if (!spec.summary.empty()) return spec.summary;
  switch (spec.type) {
    case RuleType::existence:
      return "flags " +
             list_of(spec.terms, 3, ", ", [](const Term& t) { return single_quoted(t.text); });
    case RuleType::substitution:
      return list_of(spec.swaps, 3, ", ", [](const Swap& s) {
        return single_quoted(s.from.text) + " → " + single_quoted(s.to.front());
      });
    case RuleType::consistency:
      return "one form per post: " +
             list_of(spec.forms, 2, "; ", [](const std::vector<Term>& group) {
               return list_of(group, 4, " or ",
                              [](const Term& t) { return single_quoted(t.text); });
             });
  }
  return "";
}

FixAvailability fix_availability(const RuleSpec& spec) {
  if (spec.type == RuleType::consistency) return FixAvailability::always;
  if (spec.type == RuleType::substitution && spec.fix != FixSafety::none)
    return FixAvailability::always;
  return FixAvailability::none;
}

struct Hit {
  uint32_t begin;
  uint32_t end;
  uint32_t term;  // index into the rule's term table
  std::vector<std::pair<uint32_t, uint32_t>> groups;
};

// A form of a consistency rule found in the post.
struct Occurrence {
  const ProseRun* run;
  uint32_t begin;
  uint32_t end;
  uint32_t group;
  uint32_t form;
};

void substitute(const RuleSpec& spec, const ProseRun& run, const Hit& hit, std::string_view hay,
                DiagnosticSink& sink) {
  const std::string_view text = run.text();
  const std::string_view actual = text.substr(hit.begin, hit.end - hit.begin);
  const Swap& swap = spec.swaps[hit.term];
  std::vector<std::string> replacements;
  for (const std::string& to : swap.to) {
    std::string with = swap.from.regex ? expand_groups(to, text, hit.groups) : to;
    // A replacement written in lower case takes the case of the text ("Utilise" → "Utilize").
    if (spec.ignore_case && !has_upper(with)) with = match_case(actual, with);
    if (with == actual) return;  // already one of the accepted forms
    replacements.push_back(std::move(with));
  }
  // Inside an occurrence of its own replacement: "러닝" → "딥 러닝" leaves "딥 러닝" alone.
  for (const std::string& with : replacements) {
    const std::string needle = spec.ignore_case ? fold_case(with) : with;
    if (needle.size() <= actual.size()) continue;
    const size_t from = hit.end >= needle.size() ? hit.end - needle.size() : 0;
    for (size_t at = hay.find(needle, from); at != std::string_view::npos && at <= hit.begin;
         at = hay.find(needle, at + 1))
      if (at + needle.size() >= hit.end) return;
  }
  Diagnostic& d =
      sink.report(run.to_source(hit.begin, hit.end),
                  expand_template(spec.message, display(actual), display(replacements.front())));
  d.suggestions = replacements;
  if (spec.fix != FixSafety::none) {
    const bool certain = spec.fix == FixSafety::safe && replacements.size() == 1;
    for (const std::string& with : replacements) {
      Replacement r = replace_word(run, hit.begin, hit.end, with, certain);
      if (!r.particle_note.empty() && d.notes.empty()) d.notes.push_back(r.particle_note);
      d.fixes.push_back(std::move(r.fix));
    }
  }
  if (!spec.help.empty()) d.notes.push_back(spec.help);
}

// Per group, the form used most (the first one used on a tie) is the post's form; every use of
// another form is reported.
void report_inconsistencies(const RuleSpec& spec, const std::vector<Occurrence>& occurrences,
                            DiagnosticSink& sink) {
  std::map<uint32_t, std::vector<const Occurrence*>> by_group;
  for (const Occurrence& o : occurrences) by_group[o.group].push_back(&o);
  for (const auto& [group, uses] : by_group) {
    std::map<uint32_t, size_t> counts;
    for (const Occurrence* o : uses) ++counts[o->form];
    if (counts.size() < 2) continue;
    uint32_t preferred = uses.front()->form;
    for (const Occurrence* o : uses)  // in order of use, so that a tie goes to the first used
      if (counts[o->form] > counts[preferred]) preferred = o->form;
    const std::string& expected = spec.forms[group][preferred].text;
    for (const Occurrence* o : uses) {
      if (o->form == preferred) continue;
      const std::string_view actual =
          std::string_view(o->run->text()).substr(o->begin, o->end - o->begin);
      Diagnostic& d = sink.report(o->run->to_source(o->begin, o->end),
                                  expand_template(spec.message, display(actual), expected));
      d.suggestions.push_back(expected);
      Replacement r = replace_word(*o->run, o->begin, o->end, expected, false);
      d.fixes.push_back(std::move(r.fix));
      d.notes.push_back("'" + expected + "' is used " + std::to_string(counts[preferred]) +
                        (counts[preferred] == 1 ? " time" : " times") + ", '" +
                        spec.forms[group][o->form].text + "' " + std::to_string(counts[o->form]) +
                        (counts[o->form] == 1 ? " time" : " times"));
      if (!spec.help.empty()) d.notes.push_back(spec.help);
    }
  }
}

}  // namespace

struct UserRule::Matchers {
  WordMatcher words;
  std::vector<std::unique_ptr<Regex>> regexes;
  std::vector<uint32_t> regex_terms;
  // Consistency: term → (group, form).
  std::vector<std::pair<uint32_t, uint32_t>> forms;

  Matchers(bool ignore_case, Suffix suffix) : words(ignore_case, suffix) {}

  void add(const Term& term, uint32_t id, bool ignore_case) {
    if (!term.regex) return words.add(term.text, id);
    RegexError error{};
    if (auto regex = Regex::compile(term.text, ignore_case, error)) {
      regexes.push_back(std::move(regex));
      regex_terms.push_back(id);
    }
  }

  std::vector<const Regex*> regex_list() const {
    std::vector<const Regex*> out;
    for (const auto& regex : regexes) out.push_back(regex.get());
    return out;
  }

  // Word and regex matches, leftmost-longest and non-overlapping.
  std::vector<Hit> find(std::string_view text, const RegexScanner* scanner) const {
    std::vector<Hit> hits;
    for (const WordMatch& m : words.find(text)) hits.push_back({m.begin, m.end, m.id, {}});
    if (scanner) {
      scanner->scan(text, [&](size_t r, const RegexMatch& m) {
        hits.push_back({m.begin, m.end, regex_terms[r], m.groups});
      });
      std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
      });
      std::vector<Hit> kept;
      for (Hit& hit : hits)
        if (kept.empty() || hit.begin >= kept.back().end) kept.push_back(std::move(hit));
      hits = std::move(kept);
    }
    return hits;
  }
};

UserRule::UserRule(RuleSpec spec)
    : spec_(std::move(spec)),
      summary_(make_summary(spec_)),
      info_{.id = spec_.id,
            .category = Category::custom,
            .default_severity = spec_.severity,
            .fix = fix_availability(spec_),
            .summary = summary_,
            .enabled_by_default = spec_.enabled},
      matchers_(std::make_unique<Matchers>(spec_.ignore_case, spec_.suffix)) {
  if (spec_.message.empty()) spec_.message = default_message(spec_.type);
  uint32_t id = 0;
  switch (spec_.type) {
    case RuleType::existence:
      for (const Term& term : spec_.terms) matchers_->add(term, id++, spec_.ignore_case);
      break;
    case RuleType::substitution:
      for (const Swap& swap : spec_.swaps) matchers_->add(swap.from, id++, spec_.ignore_case);
      break;
    case RuleType::consistency:
      for (uint32_t g = 0; g < spec_.forms.size(); ++g) {
        for (uint32_t f = 0; f < spec_.forms[g].size(); ++f) {
          matchers_->forms.emplace_back(g, f);
          matchers_->add(spec_.forms[g][f], id++, spec_.ignore_case);
        }
      }
      break;
  }
}

UserRule::~UserRule() = default;

void UserRule::check(const Document& doc, DiagnosticSink& sink) const {
  std::optional<RegexScanner> scanner;
  if (!matchers_->regexes.empty()) scanner.emplace(matchers_->regex_list());
  std::vector<Occurrence> occurrences;

  for (const ProseRun& run : doc.prose()) {
    const std::string& text = run.text();
    if (text.empty()) continue;
    const std::vector<Hit> hits = matchers_->find(text, scanner ? &*scanner : nullptr);
    if (hits.empty()) continue;
    const text::SharedList<text::Range> chunks = text::non_prose_chunks(text);
    std::optional<RunScopes> scopes;
    std::string folded;  // for substitutions under ignore-case
    for (const Hit& hit : hits) {
      const std::string_view actual = std::string_view(text).substr(hit.begin, hit.end - hit.begin);
      if (actual.find(kPlaceholder) != std::string_view::npos) continue;  // spans code
      const bool in_non_prose =
          std::any_of(chunks.begin(), chunks.end(),
                      [&](const text::Range& c) { return hit.begin < c.end && c.begin < hit.end; });
      if (in_non_prose) continue;
      if (spec_.scopes != kAllScopes) {
        if (!scopes) scopes.emplace(run);
        if (!scopes->allows(hit.begin, hit.end, spec_.scopes)) continue;
      }
      switch (spec_.type) {
        case RuleType::existence: {
          Diagnostic& d = sink.report(run.to_source(hit.begin, hit.end),
                                      expand_template(spec_.message, display(actual), ""));
          if (!spec_.help.empty()) d.notes.push_back(spec_.help);
          break;
        }
        case RuleType::substitution:
          if (spec_.ignore_case && folded.empty()) folded = fold_case(text);
          substitute(spec_, run, hit, spec_.ignore_case ? std::string_view(folded) : text, sink);
          break;
        case RuleType::consistency: {
          const auto [group, form] = matchers_->forms[hit.term];
          occurrences.push_back({&run, hit.begin, hit.end, group, form});
          break;
        }
      }
    }
  }
  if (!occurrences.empty()) report_inconsistencies(spec_, occurrences, sink);
}

std::string UserRule::describe() const {
  std::string out = "# " + spec_.id + "\n\n";
  out += "A user rule (" + std::string(to_string(spec_.type)) + ") defined in " + spec_.source +
         ":" + std::to_string(spec_.pos.line) + ": " + summary_ + ".\n\n";
  if (!spec_.help.empty()) out += spec_.help + "\n\n";
  out += "- severity: " + std::string(to_string(spec_.severity)) + "\n";
  out += std::string("- on by default: ") + (spec_.enabled ? "yes" : "no") + "\n";
  out += "- message: " + spec_.message + "\n";
  auto term = [](const Term& t) { return (t.regex ? "pattern '" : "'") + t.text + "'"; };
  for (const Term& t : spec_.terms) out += "- flags " + term(t) + "\n";
  for (const Swap& s : spec_.swaps) {
    out += "- " + term(s.from) + " → ";
    for (size_t i = 0; i < s.to.size(); ++i) out += (i ? " or '" : "'") + s.to[i] + "'";
    out += "\n";
  }
  for (const auto& group : spec_.forms) {
    out += "- one of";
    for (const Term& form : group) out += " '" + form.text + "'";
    out += "\n";
  }
  if (!spec_.examples.empty()) {
    out += "\n## Examples\n\n";
    for (const Example& e : spec_.examples)
      out += std::string(e.bad ? "- bad: " : "- good: ") + display(e.text) + "\n";
  }
  return out;
}

std::vector<std::unique_ptr<UserRule>> make_user_rules(std::vector<RuleSpec> specs) {
  std::vector<std::unique_ptr<UserRule>> rules;
  for (RuleSpec& spec : specs) rules.push_back(std::make_unique<UserRule>(std::move(spec)));
  return rules;
}

}  // namespace hanmark::userrules
