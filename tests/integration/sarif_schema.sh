#!/usr/bin/env bash
# `hanmark check --format sarif` against the official SARIF 2.1.0 schema, validated twice: Ajv
# (tests/tools/sarif_validate.cjs, with GitHub upload checks) and Python jsonschema's
# Draft4Validator. A deliberately broken copy must fail both, so the test can fail.
source "$(dirname "$0")/lib.sh"

require_node_tools
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 is not installed"
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null ||
  skip "python3-jsonschema is not installed (scripts/install-test-tools.sh)"

SCHEMA="$TOOLS_DIR/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
[ -f "$SCHEMA" ] || skip "the SARIF schema is missing (npm ci --prefix tests/tools)"

work="$(make_temp_dir)"
repo="$work/repo"
mkdir -p "$repo/.git" "$repo/posts/한글 글" "$repo/style"
cp "$HANMARK_SOURCE_DIR/examples/sample-post.md" "$repo/posts/sample-post.md"
# A user rule from the configuration, one from --rule-file; fixes, Hangul and emoji, bad bytes.
cat >"$repo/posts/.hanmark.toml" <<'TOML'
rule-files = ["../style/house.toml"]
TOML
cat >"$repo/style/house.toml" <<'TOML'
[[rule]]
id = "house-admin"
type = "substitution"
message = "write '{expected}' instead of '{actual}'"
swap = { "어드민" = "관리자" }
TOML
cat >"$repo/style/cli.toml" <<'TOML'
[[rule]]
id = "cli-note"
type = "existence"
severity = "info"
message = "a 100% sure note: '{actual}'"
words = ["크롤러"]
TOML
printf '# 제목 - Title\n\n😀 어드민이 recieve 합니다.  \n' >"$repo/posts/한글 글/fix #1.md"
printf '# 제목 - Title\n\n깨진 \xff 바이트\n' >"$repo/posts/bytes.md"
printf '# 제목 - Title\n\n깨끗한 본문입니다.\n' >"$repo/clean.md"

status=0
(cd "$repo/posts" && "$HANMARK_BINARY" check --format sarif --rule-file ../style/cli.toml \
  . missing.md >"$work/run.sarif" 2>"$work/stderr") || status=$?
[ "$status" = 2 ] || fail "expected exit 2 (a missing path), got $status: $(cat "$work/stderr")"
(cd "$repo" && "$HANMARK_BINARY" check --format sarif clean.md >"$work/clean.sarif") || fail "a run without findings should exit 0"

validate_python() {
  /usr/bin/python3 - "$SCHEMA" "$@" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema)
bad = 0
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    for error in errors[:5]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message[:200]}")
    bad += bool(errors)
sys.exit(1 if bad else 0)
PY
}

node "$TOOLS_DIR/sarif_validate.cjs" "$work/run.sarif" "$work/clean.sarif" ||
  fail "Ajv rejects hanmark's SARIF"
validate_python "$work/run.sarif" "$work/clean.sarif" || fail "jsonschema rejects hanmark's SARIF"

# What the log must say, beyond being valid.
/usr/bin/python3 - "$work/run.sarif" "$repo" <<'PY' || fail "the SARIF log lacks expected content"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
run = log["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
for rule in ("typo", "line-length", "house-admin", "cli-note", "encoding"):
    assert rule in rules, f"{rule} is not in tool.driver.rules"
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + sys.argv[2] + "/"
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert "posts/%ED%95%9C%EA%B8%80%20%EA%B8%80/fix%20%231.md" in uris, uris
assert "posts/sample-post.md" in uris, uris
found = {r["ruleId"] for r in run["results"]}
for rule in ("typo", "house-admin", "cli-note", "encoding"):
    assert rule in found, f"no {rule} result"
assert any("fixes" in r for r in run["results"]), "no fixes"
invocation = run["invocations"][0]
assert invocation["executionSuccessful"] is False
assert "missing.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]
PY

# Broken copies must be rejected by both validators.
/usr/bin/python3 - "$work/run.sarif" "$work" <<'PY'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
broken = json.loads(json.dumps(log))
broken["runs"][0]["results"][0]["level"] = "warn"
json.dump(broken, open(sys.argv[2] + "/broken-level.sarif", "w"))
broken = json.loads(json.dumps(log))
del broken["runs"][0]["results"][0]["message"]
json.dump(broken, open(sys.argv[2] + "/broken-message.sarif", "w"))
broken = json.loads(json.dumps(log))
broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(broken, open(sys.argv[2] + "/broken-line.sarif", "w"))
PY
for broken in "$work"/broken-*.sarif; do
  if node "$TOOLS_DIR/sarif_validate.cjs" "$broken" >/dev/null; then
    fail "Ajv accepts $(basename "$broken")"
  fi
  if validate_python "$broken" >/dev/null; then
    fail "jsonschema accepts $(basename "$broken")"
  fi
done
echo "SARIF valid for both validators; 3 broken copies rejected by both"
