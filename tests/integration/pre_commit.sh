#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework: try-repo,
# a consumer config installed as a git hook (a bad post cannot be committed), hanmark-fix, and
# the `repo: local` config documented in docs/ci.md. Offline: `language: system` needs no download.
source "$(dirname "$0")/lib.sh"
require_command git
require_command pre-commit

work="$(make_temp_dir)"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
# Neither the user's git configuration (core.hooksPath would make `pre-commit install` refuse)
# nor a hanmark installed elsewhere may take part: the hooks must run the binary under test.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
binary_dir="$(cd "$(dirname "$HANMARK_BINARY")" && pwd)"
export PATH="$binary_dir:$PATH"
[ "$(command -v hanmark)" -ef "$HANMARK_BINARY" ] || fail "hanmark on PATH is not $HANMARK_BINARY"

new_repo() {
  git init -q "$1"
  git -C "$1" config user.name "hanmark test"
  git -C "$1" config user.email "test@example.invalid"
  git -C "$1" config commit.gpgSign false
}

# The hook repo holds the real manifest in one commit, whatever the source tree is.
hooks_repo="$work/hook-repo"
new_repo "$hooks_repo"
cp "$HANMARK_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks_repo/"
git -C "$hooks_repo" add .pre-commit-hooks.yaml
git -C "$hooks_repo" commit -qm "hooks"
hooks_rev="$(git -C "$hooks_repo" rev-parse HEAD)"
pre-commit validate-manifest "$hooks_repo/.pre-commit-hooks.yaml" ||
  fail "validate-manifest rejects .pre-commit-hooks.yaml"

project="$work/project"
new_repo "$project"
cd "$project" || fail "cannot enter $project"
bad_post=$'# 제목\n\n서버에서 데이터를 recieve 합니다.\n'
good_post=$'# 제목\n\n서버에서 데이터를 받습니다.\n'
printf '%s' "$bad_post" >bad.md
printf '%s' "$good_post" >good.md
printf 'recieve\n' >notes.txt # not Markdown: the hooks never see it
git add . && git commit -qm "posts"

# expect_run RC OUTPUT_VAR COMMAND...: run COMMAND, check its exit code, keep its output.
out=""
expect_run() {
  local _want="$1" _var="$2" _rc=0 _output
  shift 2
  _output="$("$@" 2>&1)" || _rc=$?
  [ "$_rc" -eq "$_want" ] || fail "'$*' exited $_rc, expected $_want:
$_output"
  printf -v "$_var" '%s' "$_output"
}

echo "== (a) try-repo: bad.md fails with hanmark's diagnostics, good.md passes"
expect_run 1 out pre-commit try-repo "$hooks_repo" hanmark --files bad.md
grep -Eq "^bad\.md:3:11: warning: 'recieve' is a common misspelling of 'receive' \[typo\]$" \
  <<<"$out" || fail "no compiler-style diagnostic in the hook output:
$out"
assert_contains "$out" "Failed" "try-repo on bad.md"
expect_run 0 out pre-commit try-repo "$hooks_repo" hanmark --files good.md
assert_contains "$out" "Passed" "try-repo on good.md"
expect_run 0 out pre-commit try-repo "$hooks_repo" hanmark --files notes.txt
assert_contains "$out" "(no files to check)Skipped" "try-repo on a text file"

echo "== (b) a consumer config as a git hook: a bad post is not committed, a clean one is"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks_repo
    rev: $hooks_rev
    hooks:
      - id: hanmark
YAML
pre-commit validate-config .pre-commit-config.yaml || fail "validate-config rejects the config"
expect_run 0 out pre-commit install
git add .pre-commit-config.yaml
expect_run 0 out git commit -qm "pre-commit config" # no Markdown staged: the hook skips
head_before="$(git rev-parse HEAD)"
printf '%s' "$bad_post" >post.md
git add post.md
expect_run 1 out git commit -m "a post with a typo"
assert_contains "$out" "post.md:3:11: warning: 'recieve'" "the refused commit's output"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "the commit with a bad post went through"
printf '%s' "$good_post" >post.md
git add post.md
expect_run 0 out git commit -m "a clean post"
[ "$(git rev-parse HEAD)" != "$head_before" ] || fail "the clean commit did not happen"
expect_run 0 out pre-commit uninstall

echo "== (c) hanmark-fix: fixes the post and fails once, then passes"
printf '%s' "$bad_post" >fixable.md
git add fixable.md && git commit -qm "fixable post" --no-verify
expect_run 1 out pre-commit try-repo "$hooks_repo" hanmark-fix --files fixable.md
assert_contains "$out" "files were modified by this hook" "first hanmark-fix run"
assert_contains "$(cat fixable.md)" "데이터를 receive 합니다." "fixable.md after hanmark-fix"
expect_run 0 out pre-commit try-repo "$hooks_repo" hanmark-fix --files fixable.md
assert_contains "$out" "Passed" "second hanmark-fix run"

echo "== (d) the 'repo: local' config of docs/ci.md"
# The first yaml block of docs/ci.md that says `repo: local`, as a user would paste it.
awk '/^```yaml$/ { block = ""; inside = 1; next }
     /^```$/ && inside { if (block ~ /repo: local/) { printf "%s", block; exit } inside = 0; next }
     inside { block = block $0 "\n" }' "$HANMARK_SOURCE_DIR/docs/ci.md" >.pre-commit-config.yaml
assert_contains "$(cat .pre-commit-config.yaml)" "entry: hanmark check" "docs/ci.md's local config"
pre-commit validate-config .pre-commit-config.yaml || fail "validate-config rejects docs/ci.md's config"
printf '%s' "$bad_post" >local.md
git add local.md .pre-commit-config.yaml
expect_run 1 out pre-commit run --files local.md
assert_contains "$out" "local.md:3:11: warning: 'recieve'" "the local hook's output"
expect_run 0 out pre-commit run --files good.md

echo "pre-commit hooks: all checks passed"
