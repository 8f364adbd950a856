#include "lsp/code_actions.h"

#include <algorithm>
#include <set>

#include "core/common_ends.h"
#include "fix/apply_fixes.h"
#include "fix/disable_directive.h"
#include "lsp/lsp_diagnostic.h"

namespace hanmark::lsp {

namespace {

bool is_spelling_rule(std::string_view rule) {
  return rule == "spelling" || rule == "korean-spelling";
}

// The diagnostic touches the range (a cursor at either end of a word counts).
bool overlaps(ByteSpan diagnostic, ByteSpan range) {
  return diagnostic.begin <= range.end && range.begin <= diagnostic.end;
}

json text_edit(const Edit& edit, const PositionMapper& mapper) {
  return {{"range", to_json(mapper.range(edit.span))}, {"newText", edit.replacement}};
}

json workspace_edit(const std::string& uri, const std::vector<Edit>& edits,
                    const PositionMapper& mapper) {
  json list = json::array();
  for (const Edit& edit : edits) list.push_back(text_edit(edit, mapper));
  return {{"changes", {{uri, std::move(list)}}}};
}

// The one edit that turns `before` into `after`: what lies between their common prefix and
// suffix (so that the editor keeps the cursor and folds elsewhere).
Edit minimal_edit(std::string_view before, std::string_view after) {
  auto [prefix, suffix] = common_ends(before, after);
  // Keep UTF-8 sequences whole: edit boundaries must be character boundaries.
  const auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  while (prefix > 0 && prefix < before.size() && continuation(before[prefix])) --prefix;
  while (suffix > 0 && continuation(before[before.size() - suffix])) --suffix;
  return {{static_cast<uint32_t>(prefix), static_cast<uint32_t>(before.size() - suffix)},
          std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

void add_quick_fixes(const CodeActionQuery& query, const LintResult& result,
                     const PositionMapper& mapper, json& actions) {
  std::set<std::pair<std::string, uint32_t>> disabled;  // (rule, line) already offered
  for (const Diagnostic& d : result.diagnostics) {
    if (!overlaps(d.span, query.range)) continue;
    const json diagnostic = to_lsp_diagnostic(d, mapper, result.linter.linter);
    bool preferred_given = false;
    for (const Fix& fix : d.fixes) {
      json action = {{"title", fix.title},
                     {"kind", "quickfix"},
                     {"diagnostics", {diagnostic}},
                     {"edit", workspace_edit(query.uri, fix.edits, mapper)}};
      if (fix.safe && !preferred_given) action["isPreferred"] = preferred_given = true;
      actions.push_back(std::move(action));
    }
    if (is_spelling_rule(d.rule)) {
      const std::string word(result.doc->slice(d.span));
      const std::string title = "add '" + word + "' to dictionary";
      actions.push_back({{"title", title},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"command",
                          {{"title", title},
                           {"command", kAddToDictionaryCommand},
                           {"arguments", {{{"uri", query.uri}, {"word", word}}}}}}});
    }
    if (d.rule == kEncodingDiagnostic) continue;  // cannot be disabled
    const uint32_t line = result.doc->lines().line_of(d.span.begin);
    if (!disabled.insert({d.rule, line}).second) continue;
    if (const std::optional<Edit> edit = disable_line_edit(*result.doc, d.span.begin, d.rule))
      actions.push_back({{"title", "disable " + d.rule + " for this line"},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"edit", workspace_edit(query.uri, {*edit}, mapper)}});
  }
}

void add_fix_all(const CodeActionQuery& query, const LintResult& result,
                 const PositionMapper& mapper, json& actions) {
  const bool any_safe =
      std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
        return std::any_of(d.fixes.begin(), d.fixes.end(), [](const Fix& f) { return f.safe; });
      });
  if (!any_safe || !result.linter) return;
  const std::string_view source = result.doc->source();
  const FixOutcome fixed = fix_until_stable(*result.linter.linter, result.doc->path(),
                                            std::string(source), FixMode::safe_only);
  if (fixed.text == source) return;
  actions.push_back(
      {{"title", "fix all safe problems in this file"},
       {"kind", "source.fixAll"},
       {"edit", workspace_edit(query.uri, {minimal_edit(source, fixed.text)}, mapper)}});
}

}  // namespace

bool kind_wanted(const std::vector<std::string>& only, std::string_view kind) {
  if (only.empty()) return true;
  return std::any_of(only.begin(), only.end(), [&](const std::string& wanted) {
    return kind == wanted ||
           (kind.starts_with(wanted) && kind.size() > wanted.size() && kind[wanted.size()] == '.');
  });
}

json code_actions(const CodeActionQuery& query, const LintResult& result,
                  const PositionMapper& mapper) {
  json actions = json::array();
  if (!result.doc) return actions;
  if (kind_wanted(query.only, "quickfix")) add_quick_fixes(query, result, mapper, actions);
  // Fixing the whole file lints it a few times: only when asked, not on every cursor move.
  const bool fix_all =
      query.only.empty() ? !query.automatic : kind_wanted(query.only, "source.fixAll");
  if (fix_all) add_fix_all(query, result, mapper, actions);
  return actions;
}

}  // namespace hanmark::lsp
