#!/usr/bin/env bash
# `hanmark lsp` driven by a scripted client on vscode-languageserver-protocol 3.17.5
# (tests/tools/lsp_client.cjs): lifecycle and exit codes, UTF-8 and UTF-16 ranges on a Hangul and
# emoji line, incremental edits, coalesced re-linting, code actions applied client-side,
# add-to-dictionary, configuration reload, hover, malformed input and framing.
source "$(dirname "$0")/lib.sh"
require_node_tools

work="$(make_temp_dir)"
# The user's own word list and configuration must not take part.
export XDG_CONFIG_HOME="$work/config" HOME="$work/home" TMPDIR="$work"
output="$(node "$TOOLS_DIR/lsp_client.cjs" --server "$HANMARK_BINARY" \
  --fixtures "$HANMARK_SOURCE_DIR/tests/lsp/fixtures" 2>&1)" || {
  echo "$output"
  fail "the LSP client checks failed"
}
echo "$output"
assert_contains "$output" "all checks passed" "lsp_client.cjs"
