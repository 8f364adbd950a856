#!/usr/bin/env bash
# Neovim (0.7 on Debian 12) as a real client of `hanmark lsp`, headless (tests/lsp/nvim_check.lua):
# diagnostics on a Hangul line where Neovim shows them, the quick fix applied by Neovim itself,
# the re-published diagnostics after Neovim's own didChange, and the server's exit code. Runs on
# a fixture of ours in UTF-16 (what nvim 0.7 speaks) and UTF-8, and on a copy of the seed post
# when ../shared is there.
source "$(dirname "$0")/lib.sh"
require_command nvim

work="$(make_temp_dir)"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  HOME="$work/home"
mkdir -p "$HOME"
cmd="[\"$HANMARK_BINARY\",\"lsp\"]"

# run_nvim NAME FILE [ENCODINGS]: runs the check, prints its report, fails the test if it fails.
run_nvim() {
  local name="$1" file="$2" encodings="${3:-}" status=0
  (cd "$(dirname "$file")" &&
    HANMARK_LSP_CMD="$cmd" LSP_FILE="$file" LSP_OUT="$work/$name.json" \
      LSP_POSITION_ENCODINGS="$encodings" LSP_TIMEOUT_MS=30000 \
      timeout 120 nvim --headless --clean -u NONE -i NONE -n \
      -S "$HANMARK_SOURCE_DIR/tests/lsp/nvim_check.lua" </dev/null >/dev/null 2>&1) || status=$?
  echo "$name (exit $status): $(cat "$work/$name.json" 2>/dev/null)"
  [ "$status" -eq 0 ] || fail "$name: Neovim check failed (exit $status)"
}

mkdir -p "$work/fixture" "$work/seed"
cp "$HANMARK_SOURCE_DIR/tests/lsp/fixtures/enginner.md" "$work/fixture/post.md"
run_nvim fixture-utf16 "$work/fixture/post.md"
cp "$HANMARK_SOURCE_DIR/tests/lsp/fixtures/enginner.md" "$work/fixture/post-utf8.md"
run_nvim fixture-utf8 "$work/fixture/post-utf8.md" utf-8,utf-16
assert_contains "$(cat "$work/fixture-utf16.json")" '"offset_encoding":"utf-16"' "nvim 0.7 speaks UTF-16"

seed="$HANMARK_SOURCE_DIR/../shared/seed/become-a-deep-learning-engineer.md"
if [ -f "$seed" ]; then
  cp "$seed" "$work/seed/post.md"
  run_nvim seed "$work/seed/post.md"
else
  echo "seed post not found at $seed: that part is skipped"
fi
