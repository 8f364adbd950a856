#include "lsp/hover.h"

#include <set>
#include <string>

#include "engine/registry.h"
#include "lsp/lsp_diagnostic.h"

namespace hanmark::lsp {

json hover_at(const LintResult& result, const PositionMapper& mapper, uint32_t offset) {
  std::string markdown;
  std::set<std::string> explained;
  std::optional<ByteSpan> range;
  for (const Diagnostic& d : result.diagnostics) {
    const bool here =
        d.span.empty() ? offset == d.span.begin : d.span.begin <= offset && offset < d.span.end;
    if (!here) continue;
    if (!range) range = d.span;
    if (!markdown.empty()) markdown += "\n\n---\n\n";
    markdown += "**" + d.rule + "**: " + d.message;
    if (!explained.insert(d.rule).second) continue;
    const RuleInfo* info = rule_info(result.linter.linter, d.rule);
    if (const std::optional<std::string_view> doc = info ? rule_doc(*info) : std::nullopt)
      markdown += "\n\n" + std::string(*doc);
  }
  if (!range) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}},
          {"range", to_json(mapper.range(*range))}};
}

}  // namespace hanmark::lsp
