#include "lsp/lsp_diagnostic.h"

#include "engine/registry.h"

namespace hanmark::lsp {

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return severity::kError;
    case Severity::warning:
      return severity::kWarning;
    case Severity::info:
      break;
  }
  return severity::kInformation;
}

const RuleInfo* rule_info(const Linter* linter, std::string_view rule_id) {
  if (!linter) return nullptr;
  const Rule* rule = linter->find(rule_id);
  return rule ? &rule->info() : nullptr;
}

json to_lsp_diagnostic(const Diagnostic& diagnostic, const PositionMapper& mapper,
                       const Linter* linter) {
  // The CLI's `help:` lines follow the message, one a line, as editors show them in full.
  std::string message = diagnostic.message;
  for (const std::string& note : diagnostic.notes) message += "\n" + note;
  json out = {{"range", to_json(mapper.range(diagnostic.span))},
              {"severity", lsp_severity(diagnostic.severity)},
              {"code", diagnostic.rule},
              {"source", kSource},
              {"message", message}};
  if (const RuleInfo* info = rule_info(linter, diagnostic.rule); info && rule_doc(*info))
    out["codeDescription"] = {{"href", rule_doc_url(*info)}};
  return out;
}

json publish_params(const std::string& uri, std::optional<int64_t> version, json diagnostics) {
  json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
  if (version) params["version"] = *version;
  return params;
}

}  // namespace hanmark::lsp
