#!/usr/bin/env bash
# Runs the shell of action.yml's "Lint with hanmark" and "Fail on findings" steps as the runner
# would (bash -eo pipefail, inputs in the environment, $GITHUB_OUTPUT a file) against the built
# binary: how the inputs become options, the exit-code and sarif-file outputs, annotations and
# SARIF from one step, and the step that fails the job.
source "$(dirname "$0")/lib.sh"
/usr/bin/python3 -c 'import yaml' 2>/dev/null ||
  skip "/usr/bin/python3 with yaml (python3-yaml) is not installed"
for format in github sarif; do
  "$HANMARK_BINARY" check --format "$format" --output /dev/null - </dev/null >/dev/null 2>&1 ||
    skip "this hanmark has no '--format $format --output FILE' yet"
done

work="$(make_temp_dir)"
# step_script STEP_ID: the `run` text of that step of action.yml.
step_script() {
  /usr/bin/python3 - "$HANMARK_SOURCE_DIR/action.yml" "$1" <<'PY'
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["runs"]["steps"]
print(next(s for s in steps if s.get("id") == sys.argv[2] or s.get("name") == sys.argv[2])["run"])
PY
}
step_script lint >"$work/lint.sh"
step_script "Fail on findings" >"$work/fail.sh"

workspace="$work/workspace"
mkdir -p "$workspace"
cd "$workspace" || fail "cannot enter $workspace"
printf '# 제목\n\n서버에서 데이터를 recieve 합니다.\n' >bad.md
printf '# 제목\n\n서버에서 데이터를 받습니다.\n' >good.md
printf '[rules]\nignore = ["typo"]\n' >no-typo.toml

# lint VAR=VALUE…: runs the lint step with these inputs (the others empty, paths "."); sets
# $output (stdout and stderr), $exit_code and $sarif_file (the step's outputs).
lint() {
  local rc=0
  : >"$work/github_output"
  output="$(env INPUT_PATHS=. INPUT_CONFIG= INPUT_FAIL_ON= INPUT_ARGS= INPUT_SARIF_FILE= \
    "$@" HANMARK="$HANMARK_BINARY" GITHUB_OUTPUT="$work/github_output" \
    bash --noprofile --norc -eo pipefail "$work/lint.sh" 2>&1)" || rc=$?
  [ "$rc" -eq 0 ] || fail "the lint step itself failed ($rc); it must leave that to the next step:
$output"
  exit_code="$(sed -n 's/^exit-code=//p' "$work/github_output")"
  sarif_file="$(sed -n 's/^sarif-file=//p' "$work/github_output")"
}

echo "== findings: annotations and exit-code 1"
lint INPUT_PATHS="bad.md good.md"
[ "$exit_code" = 1 ] || fail "exit-code=$exit_code for bad.md, expected 1: $output"
assert_contains "$output" "::warning " "annotations"
assert_contains "$output" "file=bad.md,line=3," "the annotation's place"
[ -z "$sarif_file" ] || fail "sarif-file='$sarif_file' without the input"

echo "== paths on several lines, a clean post"
lint INPUT_PATHS=$'good.md\n'
[ "$exit_code" = 0 ] || fail "exit-code=$exit_code for good.md: $output"
[[ "$output" != *"::warning"* ]] || fail "annotations for a clean post: $output"

echo "== fail-on, args and config reach hanmark"
lint INPUT_PATHS=bad.md INPUT_FAIL_ON=error
[ "$exit_code" = 0 ] || fail "fail-on=error: exit-code=$exit_code"
assert_contains "$output" "::warning " "fail-on=error still reports"
lint INPUT_PATHS=bad.md INPUT_ARGS="--ignore typo  --jobs 1"
[ "$exit_code" = 0 ] || fail "args='--ignore typo': exit-code=$exit_code: $output"
lint INPUT_PATHS=bad.md INPUT_CONFIG=no-typo.toml
[ "$exit_code" = 0 ] || fail "config=no-typo.toml: exit-code=$exit_code: $output"
lint INPUT_PATHS=bad.md INPUT_CONFIG=missing.toml
[ "$exit_code" = 2 ] || fail "config=missing.toml: exit-code=$exit_code, expected 2"
lint INPUT_PATHS='*.md'
[ "$exit_code" = 2 ] || fail "a glob in paths must reach hanmark as is (no such file): $exit_code"

echo "== sarif-file: SARIF written, annotations still printed"
lint INPUT_PATHS=bad.md INPUT_SARIF_FILE=results/hanmark.sarif
[ "$exit_code" = 1 ] || fail "exit-code=$exit_code with sarif-file"
[ "$sarif_file" = results/hanmark.sarif ] || fail "sarif-file output is '$sarif_file'"
assert_contains "$output" "file=bad.md,line=3," "annotations beside SARIF"
/usr/bin/python3 - results/hanmark.sarif <<'PY' || fail "results/hanmark.sarif is not the findings"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0", log["version"]
results = log["runs"][0]["results"]
assert [r["ruleId"] for r in results] == ["typo"], results
location = results[0]["locations"][0]["physicalLocation"]
assert location["artifactLocation"]["uri"] == "bad.md", location
assert location["region"]["startLine"] == 3, location
PY
lint INPUT_PATHS=good.md INPUT_SARIF_FILE=clean.sarif
[ "$exit_code" = 0 ] || fail "exit-code=$exit_code for good.md with sarif-file"
[ -s clean.sarif ] || fail "a clean run must still write its SARIF file"

echo 'stale' >broken.sarif
lint INPUT_PATHS=bad.md INPUT_CONFIG=missing.toml INPUT_SARIF_FILE=broken.sarif
[ "$exit_code" = 2 ] || fail "a broken run with sarif-file: exit-code=$exit_code, expected 2"
if [ -n "$sarif_file" ]; then
  [ "$(cat "$sarif_file")" != stale ] || fail "sarif-file points at an old file"
else
  [ ! -e broken.sarif ] || fail "an old SARIF file is left for the upload step"
fi

echo "== the step after: fails the job with the exit code"
for status in 1 2; do
  rc=0
  out="$(STATUS=$status bash --noprofile --norc -eo pipefail "$work/fail.sh" 2>&1)" || rc=$?
  [ "$rc" = "$status" ] || fail "the fail step exited $rc for exit-code $status"
  assert_contains "$out" "::error::hanmark" "the fail step's message"
done

echo "action.yml lint step: all checks passed"
