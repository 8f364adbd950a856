# shellcheck shell=bash
# Shared helpers for the integration scripts: source it first.
set -euo pipefail

: "${HANMARK_BINARY:?run through ctest (HANMARK_BINARY is not set)}"
: "${HANMARK_SOURCE_DIR:?run through ctest}"
TOOLS_DIR="$HANMARK_SOURCE_DIR/tests/tools"
# The caller's environment must not choose hanmark's output format.
unset GITHUB_ACTIONS

skip() {
  echo "SKIPPED: $*"
  exit 77
}

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# A temp dir removed when the script exits: `dir="$(make_temp_dir)"`. The dirs live under one
# root whose trap is set here, in the script's own shell: a trap set inside make_temp_dir would
# belong to the $(…) subshell and remove the dir as soon as it is made.
HANMARK_IT_TEMP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/hanmark-it.XXXXXX")"
# shellcheck disable=SC2064
trap "rm -rf '$HANMARK_IT_TEMP_ROOT'" EXIT
make_temp_dir() {
  mktemp -d "$HANMARK_IT_TEMP_ROOT/dir.XXXXXX"
}

require_command() {
  command -v "$1" >/dev/null || skip "$1 is not installed (scripts/install-test-tools.sh)"
}

require_node_tools() {
  require_command node
  [ -d "$TOOLS_DIR/node_modules" ] ||
    skip "tests/tools/node_modules is missing (npm ci --prefix tests/tools)"
}

# assert_contains HAYSTACK NEEDLE WHAT
assert_contains() {
  [[ "$1" == *"$2"* ]] || fail "$3: expected to contain '$2', got:
$1"
}
