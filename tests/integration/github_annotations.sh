#!/usr/bin/env bash
# `hanmark check --format github` against GitHub's own code: the annotations must be byte for
# byte what @actions/core 3.x prints for the same findings (tests/tools/
# github_annotations_golden.mjs, fed hanmark's --format json), and the runner's parsing
# (tests/tools/workflow_command_check.mjs) must find every property and column where hanmark
# meant it. Broken copies must be caught, so the test can fail.
source "$(dirname "$0")/lib.sh"

require_node_tools
[ -d "$TOOLS_DIR/node_modules/@actions/core" ] || skip "@actions/core is missing (npm ci --prefix tests/tools)"

work="$(make_temp_dir)"
repo="$work/repo"
mkdir -p "$repo/.git" "$repo/posts/한글 폴더"
cp "$HANMARK_SOURCE_DIR/examples/sample-post.md" "$repo/posts/sample-post.md"
# A name with every character a property must escape, messages with '%', ',' and ':', findings
# of every severity and one over two lines.
cat >"$repo/rules.toml" <<'TOML'
[[rule]]
id = "pct-error"
type = "existence"
severity = "error"
message = "100% wrong: '{actual}', really"
help = "50%0A is not a line break, and: colons"
words = ["문장"]

[[rule]]
id = "note-info"
type = "existence"
severity = "info"
message = "a note about '{actual}'"
words = ["Title"]

[[rule]]
id = "across"
type = "existence"
message = "across lines"
patterns = ['끝\s+시작']
TOML
printf '# 제목 - Title\n\n문장 recieve 있습니다.  \n\n문단의 끝\n시작입니다.\n' \
  >"$repo/posts/한글 폴더/a,b:c%d=e.md"

# From a subdirectory: the annotations name files from the repository root all the same.
cd "$repo/posts"
status=0
"$HANMARK_BINARY" check --format github --rule-file ../rules.toml . >"$work/github.txt" || status=$?
[ "$status" = 1 ] || fail "--format github exited $status"
"$HANMARK_BINARY" check --format json --rule-file ../rules.toml . >"$work/findings.json" || true
"$HANMARK_BINARY" check --format text --color never --rule-file ../rules.toml . >"$work/text.txt" ||
  true

grep '^::' "$work/github.txt" >"$work/annotations.txt" || fail "no annotations"
node "$TOOLS_DIR/github_annotations_golden.mjs" --root "$repo" <"$work/findings.json" \
  >"$work/golden.txt"
[ -s "$work/golden.txt" ] || fail "@actions/core printed nothing"
cmp "$work/annotations.txt" "$work/golden.txt" ||
  fail "annotations differ from @actions/core's: $(diff "$work/golden.txt" "$work/annotations.txt")"
# After the annotations, the summary line of the text format, and nothing else.
[ "$(grep -vc '^::' "$work/github.txt")" = 1 ] || fail "lines besides annotations and the summary"
[ "$(tail -n 1 "$work/github.txt")" = "$(tail -n 1 "$work/text.txt")" ] ||
  fail "the summary line differs from the text format's"
assert_contains "$(cat "$work/annotations.txt")" "file=posts/한글 폴더/a%2Cb%3Ac%25d=e.md," \
  "the escaped file name"
assert_contains "$(cat "$work/annotations.txt")" "::notice title=hanmark (note-info)," "info"
assert_contains "$(cat "$work/annotations.txt")" "::error title=hanmark (pct-error)," "error"

node "$TOOLS_DIR/workflow_command_check.mjs" "$work/github.txt" --expect "$work/findings.json" \
  --root "$repo" || fail "the runner would read the annotations otherwise"

# The checker catches what it must: an unescaped ',' in a file name, columns over two lines.
sed 's/%2C/,/' "$work/github.txt" >"$work/broken-comma.txt"
sed 's/,endLine=6::/,endLine=6,col=1,endColumn=3::/' "$work/github.txt" >"$work/broken-columns.txt"
for broken in "$work"/broken-*.txt; do
  ! cmp -s "$broken" "$work/github.txt" || fail "$(basename "$broken") is not broken"
  if node "$TOOLS_DIR/workflow_command_check.mjs" "$broken" >/dev/null; then
    fail "the checker accepts $(basename "$broken")"
  fi
done
echo "$(wc -l <"$work/annotations.txt") annotations identical to @actions/core's and read as meant"
