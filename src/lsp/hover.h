// textDocument/hover over a diagnostic: its message and its rule's documentation (rule_doc),
// as Markdown.
#pragma once

#include <cstdint>

#include "lsp/document_store.h"
#include "lsp/position_encoding.h"
#include "lsp/protocol.h"

namespace hanmark::lsp {

// The Hover for the diagnostics at `offset`, or null when there are none.
json hover_at(const LintResult& result, const PositionMapper& mapper, uint32_t offset);

}  // namespace hanmark::lsp
