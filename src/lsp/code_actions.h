// textDocument/codeAction: the actions of the server's own diagnostics that overlap the
// requested range (eglot may send an empty context.diagnostics), built from the core:
//  - quickfix, one per fix the diagnostic carries (the first safe one preferred);
//  - quickfix "add 'WORD' to dictionary" for `spelling` and `korean-spelling` findings (a
//    command: the server writes the word list and reloads, see server.cpp);
//  - quickfix "disable RULE for this line" (an inline directive, fix/disable_directive.h);
//  - source.fixAll "fix all safe problems in this file" (fix/apply_fixes.h).
#pragma once

#include <string>
#include <vector>

#include "lsp/document_store.h"
#include "lsp/position_encoding.h"
#include "lsp/protocol.h"

namespace hanmark::lsp {

inline constexpr const char* kAddToDictionaryCommand = "hanmark.addToDictionary";

struct CodeActionQuery {
  std::string uri;
  ByteSpan range;                 // the requested range, in bytes
  std::vector<std::string> only;  // context.only; empty: every kind
  bool automatic = false;         // context.triggerKind 2: asked for on every cursor move
};

json code_actions(const CodeActionQuery& query, const LintResult& result,
                  const PositionMapper& mapper);

// True when an action of `kind` is wanted by `only` (LSP kinds are dot-separated hierarchies).
bool kind_wanted(const std::vector<std::string>& only, std::string_view kind);

}  // namespace hanmark::lsp
