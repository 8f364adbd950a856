#include "engine/directive_filter.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/nearest_name.h"
#include "engine/linter.h"

namespace hanmark {

namespace {

// What one name of a directive stands for. More specific targets win where several directives
// cover the same finding.
struct Target {
  enum class Kind { all, category, rule };  // in order of specificity
  Kind kind = Kind::all;
  std::string name;
};

// One name of one directive (or the whole directive when it names none).
struct Entry {
  const Directive* directive;
  size_t directive_index;
  std::optional<size_t> arg;  // index in directive->args; none for a directive without names
  Target target;
  bool used = false;
};

bool is_meta(std::string_view rule) {
  return rule == kUnknownDirective || rule == kUnusedDirective;
}

bool is_blank_byte(char c) {
  return c == ' ' || c == '\t' || c == '>';
}

class Filter {
 public:
  Filter(const Document& doc, const Directives& directives, const DirectiveContext& context)
      : doc_(doc), directives_(directives), context_(context) {
    for (const KnownRule& rule : context.known) {
      category_of_.emplace(rule.id, std::string(to_string(rule.category)));
      categories_.insert(std::string(to_string(rule.category)));
    }
    for (const auto& rule : context.running) {
      running_.insert(std::string(rule->info().id));
      category_of_.emplace(std::string(rule->info().id),
                           std::string(to_string(rule->info().category)));
    }
    for (size_t i = 0; i < directives.items.size(); ++i) add_entries(i);
    for (const Directive& d : directives.items)
      if (!d.in_front_matter) comment_spans_.push_back(d.span);
    std::sort(comment_spans_.begin(), comment_spans_.end(),
              [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
    index_entries(next_line_targets());
  }

  void run(std::vector<Diagnostic>& diagnostics) {
    std::erase_if(diagnostics, [&](const Diagnostic& d) { return suppressed(d); });
    std::vector<Diagnostic> found;
    if (context_.unknown_directive) report_unknown(found);
    std::erase_if(found, [&](const Diagnostic& d) { return suppressed(d); });
    std::vector<Diagnostic> unused;
    if (context_.unused_directive) report_unused(unused);
    std::erase_if(unused, [&](const Diagnostic& d) { return suppressed(d); });
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    diagnostics.insert(diagnostics.end(), unused.begin(), unused.end());
  }

 private:
  // --- names ----------------------------------------------------------------------------------

  // A rule id wins over a category of the same name ("spelling"), as in --select.
  std::optional<Target> resolve(const std::string& name) const {
    if (category_of_.contains(name)) return Target{Target::Kind::rule, name};
    if (categories_.contains(name)) return Target{Target::Kind::category, name};
    return std::nullopt;
  }

  void add_entries(size_t index) {
    const Directive& d = directives_.items[index];
    if (d.kind == DirectiveKind::words) return;
    if (d.args.empty()) {
      entries_.push_back({&d, index, std::nullopt, Target{}});
      return;
    }
    for (size_t i = 0; i < d.args.size(); ++i) {
      if (auto target = resolve(d.args[i].text)) {
        entries_.push_back({&d, index, i, std::move(*target)});
      } else {
        unknown_names_.push_back({&d, i});
      }
    }
  }

  bool covers(const Target& target, std::string_view rule) const {
    if (is_meta(rule)) return target.kind == Target::Kind::rule && target.name == rule;
    switch (target.kind) {
      case Target::Kind::all:
        return true;
      case Target::Kind::rule:
        return target.name == rule;
      case Target::Kind::category: {
        const auto it = category_of_.find(std::string(rule));
        return it != category_of_.end() && it->second == target.name;
      }
    }
    return false;
  }

  // --- lines ----------------------------------------------------------------------------------

  // A line with nothing but spaces, block quote markers and directive comments.
  bool is_skippable(uint32_t line) const {
    const ByteSpan content = doc_.lines().line_content(line);
    for (uint32_t at = content.begin; at < content.end;) {
      if (is_blank_byte(doc_.source()[at])) {
        ++at;
        continue;
      }
      // The comment that begins last at or before `at` (comments do not overlap).
      auto after = std::upper_bound(comment_spans_.begin(), comment_spans_.end(), at,
                                    [](uint32_t at, const ByteSpan& s) { return at < s.begin; });
      if (after == comment_spans_.begin() || !std::prev(after)->contains(at)) return false;
      at = std::prev(after)->end;
    }
    return true;
  }

  // Per directive, the line a disable-next-line silences (0: none, or another kind): the next
  // line that is not blank and not only directives, so that a blank line or a stack of
  // directives may stand between it and its line.
  std::vector<uint32_t> next_line_targets() const {
    std::vector<uint32_t> targets(directives_.items.size(), 0);
    const uint32_t count = doc_.lines().line_count();
    // From the end, each line's next line that is not skippable (0: none), found once for all
    // directives: a stack of them would otherwise each walk it.
    std::vector<uint32_t> next_kept;
    const auto next_from = [&](uint32_t first) -> uint32_t {
      if (next_kept.empty()) {
        next_kept.assign(count + 2, 0);
        for (uint32_t line = count; line >= 1; --line)
          next_kept[line] = is_skippable(line) ? next_kept[line + 1] : line;
      }
      return first <= count ? next_kept[first] : 0;
    };
    for (size_t i = 0; i < directives_.items.size(); ++i) {
      const Directive& d = directives_.items[i];
      if (d.kind == DirectiveKind::disable_next_line) targets[i] = next_from(d.last_line + 1);
    }
    return targets;
  }

  // The entries by what they silence: the lines they are aimed at, the regions between
  // disable and enable (in order), the whole file. So that each finding looks at its own only.
  void index_entries(const std::vector<uint32_t>& next_lines) {
    for (Entry& e : entries_) {
      const Directive& dir = *e.directive;
      switch (dir.kind) {
        case DirectiveKind::disable_line:
          for (uint32_t line = dir.first_line; line <= dir.last_line; ++line)
            on_line_[line].push_back(&e);
          break;
        case DirectiveKind::disable_next_line:
          if (next_lines[e.directive_index] != 0)
            on_line_[next_lines[e.directive_index]].push_back(&e);
          break;
        case DirectiveKind::disable:
        case DirectiveKind::enable:
          regions_.push_back(&e);
          break;
        case DirectiveKind::disable_file:
          file_.push_back(&e);
          break;
        default:
          break;
      }
    }
    regions_sorted_ = std::is_sorted(regions_.begin(), regions_.end(), [](auto* a, auto* b) {
      return a->directive->first_line < b->directive->first_line;
    });
  }

  // --- suppression ----------------------------------------------------------------------------

  // The most specific entry among `candidates` that covers `rule`, the first one on a tie.
  Entry* best(const std::vector<Entry*>& candidates, std::string_view rule) const {
    Entry* found = nullptr;
    for (Entry* e : candidates)
      if (covers(e->target, rule) && (!found || e->target.kind > found->target.kind)) found = e;
    return found;
  }

  // The entry that silences `d`, if any: one aimed at its line first, then the disable/enable
  // region it lies in, then the whole file.
  Entry* suppressor(const Diagnostic& d) {
    if (d.rule == kEncodingDiagnostic) return nullptr;
    const uint32_t line = doc_.lines().line_of(d.span.begin);
    if (const auto it = on_line_.find(line); it != on_line_.end())
      if (Entry* e = best(it->second, d.rule)) return e;
    if (Entry* e = region_suppressor(line, d.rule)) return e;
    return best(file_, d.rule);
  }

  // The latest disable or enable at or above `line` that names the rule decides; the state of a
  // line is the one after the directives on it.
  Entry* region_suppressor(uint32_t line, std::string_view rule) {
    std::optional<size_t> deciding;
    std::vector<Entry*> candidates;
    const std::vector<Entry*>& regions = regions_covering(rule);
    // Directives come in the order of the text: those below `line` are passed over at once.
    auto from = regions.rbegin();
    if (regions_sorted_)
      from = std::make_reverse_iterator(std::upper_bound(
          regions.begin(), regions.end(), line,
          [](uint32_t line, const Entry* e) { return line < e->directive->first_line; }));
    for (auto it = from; it != regions.rend(); ++it) {
      Entry& e = **it;
      if (e.directive->first_line > line) continue;
      if (deciding && e.directive_index != *deciding) break;
      deciding = e.directive_index;
      candidates.push_back(&e);
    }
    if (!deciding || directives_.items[*deciding].kind != DirectiveKind::disable) return nullptr;
    std::reverse(candidates.begin(), candidates.end());
    return best(candidates, rule);
  }

  // The disable and enable entries that cover `rule`, in order; found once per rule.
  const std::vector<Entry*>& regions_covering(std::string_view rule) {
    const auto [it, added] = regions_by_rule_.try_emplace(std::string(rule));
    if (added)
      for (Entry* e : regions_)
        if (covers(e->target, rule)) it->second.push_back(e);
    return it->second;
  }

  bool suppressed(const Diagnostic& d) {
    Entry* e = suppressor(d);
    if (e) e->used = true;
    return e != nullptr;
  }

  // --- findings about directives --------------------------------------------------------------

  std::vector<std::string> known_names() const {
    std::vector<std::string> names;
    for (const auto& [id, category] : category_of_) names.push_back(id);
    names.insert(names.end(), categories_.begin(), categories_.end());
    return names;
  }

  void report_unknown(std::vector<Diagnostic>& out) const {
    DiagnosticSink sink(context_.unknown_directive->info(), out);
    for (const DirectiveProblem& problem : directives_.problems) {
      Diagnostic& d = sink.report(problem.span, problem.message);
      suggest(d, problem.suggestion);
      if (!problem.help.empty()) d.notes.push_back(problem.help);
    }
    const std::vector<std::string> names = known_names();
    for (const auto& [directive, arg_index] : unknown_names_) {
      const DirectiveArg& arg = directive->args[arg_index];
      Diagnostic& d = sink.report(
          arg.span, "unknown rule or category '" + arg.text + "' in " + where(*directive));
      const std::string hint = nearest_name(arg.text, names);
      suggest(d, hint);
      if (hint.empty()) d.notes.push_back("`hanmark rules` lists the rule ids and categories");
    }
  }

  // A guess ("did you mean"): offered to the editor, never applied by --fix.
  static void suggest(Diagnostic& d, const std::string& replacement) {
    if (replacement.empty()) return;
    d.suggestions.push_back(replacement);
    d.fixes.push_back(Fix{.title = "replace with '" + replacement + "'",
                          .safe = false,
                          .edits = {Edit{.span = d.span, .replacement = replacement}}});
  }

  // How a message names the directive: "'hanmark-disable'", "front matter 'hanmark: disable'".
  std::string where(const Directive& d) const {
    std::string out = d.in_front_matter ? "front matter 'hanmark: " : "'";
    out += d.in_front_matter ? doc_.slice(d.keyword) : keyword_of(d.kind);
    out += '\'';
    return out;
  }

  // Whether we can tell that an entry is unused: every rule it names runs. A directive without
  // names means "whatever runs", so it is judged against the rules that run.
  bool judged(const Entry& e) const {
    switch (e.target.kind) {
      case Target::Kind::all:
        return true;
      case Target::Kind::rule:
        return e.target.name != kUnusedDirective && running_.contains(e.target.name);
      case Target::Kind::category:
        for (const auto& [id, category] : category_of_)
          if (category == e.target.name && !is_meta(id) && !running_.contains(id)) return false;
        return true;
    }
    return false;
  }

  static bool overlap(const Target& a, const Target& b, const Filter& f) {
    if (a.kind == Target::Kind::all || b.kind == Target::Kind::all) return true;
    if (a.kind == b.kind) return a.name == b.name;
    const Target& rule = a.kind == Target::Kind::rule ? a : b;
    const Target& category = a.kind == Target::Kind::rule ? b : a;
    return f.covers(category, rule.name);
  }

  // An enable is used when a disable above it covers some of what it names; `disabled` holds
  // the targets of the disables above it, each once (there are only so many names).
  bool enable_used(const Entry& enable, const std::vector<const Target*>& disabled) const {
    return std::any_of(disabled.begin(), disabled.end(),
                       [&](const Target* t) { return overlap(*t, enable.target, *this); });
  }

  void report_unused(std::vector<Diagnostic>& out) const {
    DiagnosticSink sink(context_.unused_directive->info(), out);
    std::vector<bool> unused(entries_.size(), false);
    std::vector<const Target*> disabled;  // by the directives before entry i's
    for (size_t i = 0, above = 0; i < entries_.size(); ++i) {
      for (; entries_[above].directive_index < entries_[i].directive_index; ++above) {
        const Entry& d = entries_[above];
        if (d.directive->kind != DirectiveKind::disable) continue;
        if (std::none_of(disabled.begin(), disabled.end(), [&](const Target* t) {
              return t->kind == d.target.kind && t->name == d.target.name;
            }))
          disabled.push_back(&d.target);
      }
      const Entry& e = entries_[i];
      unused[i] = e.directive->kind == DirectiveKind::enable ? !enable_used(e, disabled)
                                                             : judged(e) && !e.used;
    }
    // Per directive: whether all its names are unused (and none is unknown).
    std::vector<bool> all_unused(directives_.items.size(), true);
    for (size_t i = 0; i < entries_.size(); ++i)
      if (!unused[i]) all_unused[entries_[i].directive_index] = false;
    for (const auto& [directive, arg] : unknown_names_)
      all_unused[static_cast<size_t>(directive - directives_.items.data())] = false;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (!unused[i]) continue;
      const Entry& e = entries_[i];
      const Directive& dir = *e.directive;
      const ByteSpan span = e.arg ? dir.args[*e.arg].span : dir.span;
      Diagnostic& d = sink.report(span, unused_message(e));
      if (dir.in_front_matter) continue;
      // The whole comment goes when all its names are unused; otherwise only this name.
      d.fixes.push_back(all_unused[e.directive_index] ? remove_directive(dir)
                                                      : remove_name(dir, *e.arg));
    }
  }

  std::string unused_message(const Entry& e) const {
    const Directive& dir = *e.directive;
    const std::string name = e.arg ? "'" + dir.args[*e.arg].text + "'" : "";
    if (dir.kind == DirectiveKind::enable) {
      return "'hanmark-enable' has nothing to re-enable: " +
             (e.arg ? name + " is not disabled above it" : "no 'hanmark-disable' above it");
    }
    return where(dir) + (e.arg ? " suppresses no " + name + " finding" : " suppresses nothing");
  }

  // Deletes the comment, with its line when nothing else is on it.
  Fix remove_directive(const Directive& dir) const {
    const std::string_view src = doc_.source();
    const LineIndex& lines = doc_.lines();
    ByteSpan cut = dir.span;
    const ByteSpan first = lines.line_content(dir.first_line);
    const ByteSpan last = lines.line_content(dir.last_line);
    bool alone = true;
    for (uint32_t at = first.begin; at < dir.span.begin; ++at)
      alone = alone && is_blank_byte(src[at]);
    for (uint32_t at = dir.span.end; at < last.end; ++at)
      alone = alone && (src[at] == ' ' || src[at] == '\t');
    if (alone) {
      cut = {first.begin,
             dir.last_line < lines.line_count() ? lines.line_start(dir.last_line + 1) : last.end};
    } else {
      while (cut.begin > first.begin && (src[cut.begin - 1] == ' ' || src[cut.begin - 1] == '\t'))
        --cut.begin;
    }
    return Fix{.title = "remove the directive",
               .safe = false,
               .edits = {Edit{.span = cut, .replacement = ""}}};
  }

  // Deletes one name with the separator after it (or before it, for the last name).
  Fix remove_name(const Directive& dir, size_t arg) const {
    ByteSpan cut = dir.args[arg].span;
    if (arg + 1 < dir.args.size()) {
      cut.end = dir.args[arg + 1].span.begin;
    } else if (arg > 0) {
      cut.begin = dir.args[arg - 1].span.end;
    }
    return Fix{.title = "remove '" + dir.args[arg].text + "' from the directive",
               .safe = false,
               .edits = {Edit{.span = cut, .replacement = ""}}};
  }

  const Document& doc_;
  const Directives& directives_;
  const DirectiveContext& context_;
  std::map<std::string, std::string>
      category_of_;  // rule id → category name (sorted: stable hints)
  std::set<std::string> categories_;
  std::set<std::string> running_;
  std::vector<Entry> entries_;
  std::vector<std::pair<const Directive*, size_t>> unknown_names_;
  std::vector<ByteSpan> comment_spans_;  // of the directive comments, by position
  std::unordered_map<uint32_t, std::vector<Entry*>> on_line_;  // disable-line and -next-line
  std::vector<Entry*> regions_;                                // disable and enable, in order
  bool regions_sorted_ = false;                                // by first line
  std::unordered_map<std::string, std::vector<Entry*>> regions_by_rule_;
  std::vector<Entry*> file_;  // disable-file
};

}  // namespace

void apply_directives(const Document& doc, const Directives& directives,
                      const DirectiveContext& context, std::vector<Diagnostic>& diagnostics) {
  if (directives.empty()) return;
  Filter(doc, directives, context).run(diagnostics);
}

}  // namespace hanmark
