// hanmark's diagnostics as LSP Diagnostics: the range in the negotiated encoding, the severity,
// the rule id as `code`, the rule's documentation as `codeDescription.href` (built-in rules
// only: user rules and the `encoding` check have no page), and `source: "hanmark"`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/linter.h"
#include "lsp/position_encoding.h"
#include "lsp/protocol.h"

namespace hanmark::lsp {

inline constexpr std::string_view kSource = "hanmark";

int lsp_severity(Severity severity);

// The RuleInfo of a diagnostic's rule among the Linter's rules, if it is one.
const RuleInfo* rule_info(const Linter* linter, std::string_view rule_id);

json to_lsp_diagnostic(const Diagnostic& diagnostic, const PositionMapper& mapper,
                       const Linter* linter);

json publish_params(const std::string& uri, std::optional<int64_t> version, json diagnostics);

// The publishDiagnostics notification of `diagnostics`, as JSON text: byte for byte the dump of
// notification("textDocument/publishDiagnostics", publish_params(uri, version, [each
// to_lsp_diagnostic])), written straight into a string. Building and dumping nlohmann's DOM took
// ~8 ms for the 500 findings of a 2,000-line post, a third of the time an edit waits.
std::string publish_diagnostics_json(const std::string& uri, std::optional<int64_t> version,
                                     const std::vector<Diagnostic>& diagnostics,
                                     const PositionMapper& mapper, const Linter* linter);

}  // namespace hanmark::lsp
