#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the installed hanmark runs from any directory, reads
# the data installed beside it (<prefix>/share/hanmark), warns about a bad data file and uses its
# built-in copy instead, and still works when the data directory is gone (docs/install.md).
source "$(dirname "$0")/lib.sh"
: "${HANMARK_BUILD_DIR:?run through ctest}"
require_command cmake
unset HANMARK_DATA_DIR

tmp="$(make_temp_dir)"
prefix="$tmp/prefix"
cmake --install "$HANMARK_BUILD_DIR" --prefix "$prefix" >/dev/null
hanmark="$prefix/bin/hanmark"
[ -x "$hanmark" ] || fail "no $hanmark after cmake --install"
data="$(cd "$prefix/share/hanmark" && pwd -P)" # as hanmark sees it, from /proc/self/exe
for file in dictionaries/typos-en.tsv dictionaries/typos-ko.tsv dictionaries/en-tech.dic \
  dictionaries/ko-tech.dic dictionaries/glossary.toml rules/spelling/typo.md \
  rules/korean/josa.md; do
  [ -f "$data/$file" ] || fail "cmake --install did not install share/hanmark/$file"
done
stray="$(find "$data/rules" -type f ! -name '*.md')"
[ -z "$stray" ] || fail "share/hanmark/rules holds more than rule docs: $stray"
[ -f "$prefix/share/doc/hanmark/README.md" ] || fail "README.md is not in share/doc/hanmark"

# Lints FILE... with BINARY and prints the report; exit code 1 (findings) is expected.
lint() {
  local binary="$1" status=0
  shift
  "$binary" check --no-config --color never "$@" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "$binary check $* exited with $status, expected 1"
}

work="$tmp/work" # not the source tree, not the prefix
mkdir -p "$work"
cd "$work" || fail "cannot enter $work"
cp "$HANMARK_SOURCE_DIR/examples/sample-post.md" .
printf '# Notes\n\nI ran hanmrak on this post.\n' >made-up.md

version="$("$hanmark" --version)"
[ "$(head -n 1 <<<"$version")" = "$("$HANMARK_BINARY" --version | head -n 1)" ] ||
  fail "installed --version's first line differs from the build's: $version"
[ "$(sed -n 2p <<<"$version")" = "data: $data" ] ||
  fail "installed --version does not name its data directory: $version"
if [ ! -d "$(dirname "$HANMARK_BINARY")/../share/hanmark" ]; then
  build_version="$("$HANMARK_BINARY" --version)"
  [ "$(sed -n 2p <<<"$build_version")" = "data: built in" ] ||
    fail "the build-tree binary should use its built-in data: $build_version"
fi

report="$(lint "$hanmark" sample-post.md)"
assert_contains "$report" "sample-post.md:9:12: warning: 'recieve' is a common misspelling of 'receive' [typo]" \
  "installed hanmark on examples/sample-post.md"
assert_contains "$report" "'Github' is spelled 'GitHub' in the glossary [term-consistency]" \
  "installed hanmark on examples/sample-post.md"
seed="$HANMARK_SOURCE_DIR/../shared/seed/become-a-deep-learning-engineer.md"
if [ -f "$seed" ]; then
  cp "$seed" seed.md
  report="$(lint "$hanmark" seed.md)"
  assert_contains "$report" "seed.md:1:45: warning: 'Enginner' is a common misspelling of 'Engineer' [typo]" \
    "installed hanmark on the seed post"
else
  echo "NOTE: ../shared is absent: the seed post is not linted"
fi
doc="$("$hanmark" explain typo)"
assert_contains "$doc" "$(head -n 1 "$data/rules/spelling/typo.md")" "installed hanmark explain typo"

# The installed data is what hanmark reads: a typo and a doc line added there show up, and not
# in the build-tree binary, which has only its built-in copy.
printf 'hanmrak\thanmark\n' >>"$data/dictionaries/typos-en.tsv"
printf '\nInstalled-copy marker.\n' >>"$data/rules/spelling/typo.md"
expected="made-up.md:3:7: warning: 'hanmrak' is a common misspelling of 'hanmark' [typo]"
assert_contains "$(lint "$hanmark" made-up.md)" "$expected" "installed hanmark, edited typo table"
assert_contains "$("$hanmark" explain typo)" "Installed-copy marker." "installed hanmark, edited doc"
build_report="$("$HANMARK_BINARY" check --no-config --color never made-up.md 2>&1)" ||
  fail "the build-tree binary found something in made-up.md: $build_report"
[[ "$("$HANMARK_BINARY" explain typo)" != *"Installed-copy marker."* ]] ||
  fail "the build-tree binary printed the installed doc"
# HANMARK_DATA_DIR points any binary at a data directory.
assert_contains "$(HANMARK_DATA_DIR="$data" lint "$HANMARK_BINARY" made-up.md)" "$expected" \
  "build-tree binary with HANMARK_DATA_DIR"

# A bad installed file: a warning, then the built-in copy.
printf '[[term]\npreferred = \n' >"$data/dictionaries/glossary.toml"
printf 'broken\t\xff\n' >>"$data/dictionaries/typos-en.tsv"
report="$(lint "$hanmark" sample-post.md made-up.md)"
assert_contains "$report" "hanmark: warning: $data/dictionaries/glossary.toml:1:" "broken glossary"
assert_contains "$report" "; using the built-in glossary" "broken glossary"
assert_contains "$report" "'Github' is spelled 'GitHub' in the glossary" "built-in glossary"
assert_contains "$report" \
  "hanmark: warning: cannot use data file '$data/dictionaries/typos-en.tsv': byte" \
  "typo table that is not UTF-8"
assert_contains "$report" "'recieve' is a common misspelling of 'receive'" "built-in typo table"
[[ "$report" != *hanmrak* ]] || fail "the typo table that is not UTF-8 was used: $report"

# No data directory: the built-in copy.
rm -rf "$prefix/share/hanmark"
assert_contains "$("$hanmark" --version)" "data: built in" "installed hanmark without its data"
report="$(lint "$hanmark" sample-post.md)"
assert_contains "$report" "'recieve' is a common misspelling of 'receive' [typo]" \
  "installed hanmark without its data"
[[ "$report" != *"hanmark: warning"* ]] || fail "warnings without a data directory: $report"
doc="$("$hanmark" explain typo)"
assert_contains "$doc" "# typo" "installed hanmark explain typo without its data"
[[ "$doc" != *"Installed-copy marker."* ]] || fail "explain printed the removed doc"
echo "installed prefix: OK"
