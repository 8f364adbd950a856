#!/usr/bin/env bash
# Emacs 28 + eglot 1.9 (Debian 12) as a real client of `hanmark lsp`, in batch mode
# (tests/lsp/eglot_check.el): UTF-16 ranges on a Hangul line where eglot puts them, a quick fix
# requested with an empty context and applied by eglot, the re-publish after its didChange, and
# the configuration file watcher registered with eglot.
source "$(dirname "$0")/lib.sh"
require_command emacs
compgen -G "/usr/share/emacs/site-lisp/elpa/eglot-*" >/dev/null ||
  skip "eglot is not installed (elpa-eglot)"

work="$(make_temp_dir)"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config"
mkdir -p "$HOME" "$work/project"
cp "$HANMARK_SOURCE_DIR/tests/lsp/fixtures/enginner.md" "$work/project/post.md"
status=0
HANMARK_LSP_CMD="[\"$HANMARK_BINARY\",\"lsp\"]" LSP_FILE="$work/project/post.md" \
  LSP_OUT="$work/eglot.json" timeout 120 emacs --batch -Q \
  -l "$HANMARK_SOURCE_DIR/tests/lsp/eglot_check.el" </dev/null >"$work/emacs.log" 2>&1 || status=$?
echo "eglot (exit $status): $(cat "$work/eglot.json" 2>/dev/null)"
[ "$status" -eq 0 ] || {
  tail -20 "$work/emacs.log"
  fail "the eglot check failed (exit $status)"
}
