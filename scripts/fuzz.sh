#!/usr/bin/env bash
# Builds the libFuzzer targets (the 'fuzz' preset) and runs each for a fixed time, one at a time,
# under nice. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default 60 s each; targets: document fix lsp config
#                                             # lexicon
#
# Environment:
#   FUZZ_OUT      output directory (default build-fuzz/fuzz-out): <target>/corpus grows across
#                 runs, <target>/artifacts keeps crash-*, leak-*, timeout-* and oom-* inputs,
#                 <target>/run-<stamp>.log is libFuzzer's log, leaks-<stamp>.log the leak check
#                 of the inputs the run added, stats.tsv one line per run
#                 (stamp, target, seconds run, CPU seconds, executions, cov, ft, crashes, exit
#                 status)
#   FUZZ_NICE     nice level (default 19)
#   FUZZ_TIMEOUT  seconds one input may take before it counts as a hang (default 60: under nice
#                 on a busy machine a slow input gets a small share of a core)
#   FUZZ_SAMPLE   how many posts of ../shared/corpus to add to the seeds when it exists (default 30)
#   FUZZ_BUILD=0  skip configuring and building
#   FUZZ_ARGS     more libFuzzer flags
#
# Seeds are copied into a temporary directory at every run (tests/fixtures, examples, docs, rule
# docs, tests/lsp/fixtures, tests/fuzz, and a sample of ../shared/corpus): never commit them.
# Exit code: 0 when no target crashed, 1 when one did (see the artifacts), 2 on usage errors.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2; }
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document fix lsp config lexicon)
for target in "${targets[@]}"; do
  case "$target" in document | fix | lsp | config | lexicon) ;; *) echo "unknown target '$target'" >&2; exit 2 ;; esac
done
out=${FUZZ_OUT:-$root/build-fuzz/fuzz-out}
nice_level=${FUZZ_NICE:-19}
sample=${FUZZ_SAMPLE:-30}
timeout=${FUZZ_TIMEOUT:-60}

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake --preset fuzz "${launcher[@]}" >/dev/null
  cmake --build --preset fuzz -j2
fi

seeds=$(mktemp -d "${TMPDIR:-/tmp}/hanmark-fuzz-seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds"/{document,fix,lsp,config,lexicon}

# Markdown seeds: fixtures, examples, docs, rule docs, and a sample of the shared corpus.
copy_numbered() { # DIR FILE...: copies each file under a unique name
  local dir=$1 i=0
  shift
  for file in "$@"; do
    cp "$file" "$dir/$(printf '%05d' $i)-$(basename "$file")"
    i=$((i + 1))
  done
}
mapfile -t markdown < <(find tests/fixtures examples docs rules tests/lsp/fixtures -name '*.md' -type f | sort)
if [ -d ../shared/corpus ] && [ "$sample" -gt 0 ]; then
  mapfile -t -O ${#markdown[@]} markdown < <(find ../shared/corpus -name '*.md' -type f -size -64k |
    shuf -n "$sample")
fi
for target in document fix; do
  copy_numbered "$seeds/$target" "${markdown[@]}"
  cp tests/fuzz/document/* tests/fuzz/fix/* "$seeds/$target/"
done
# Lexicon seeds: the same posts (their Hangul words are what is compared), tests/fuzz/lexicon.
copy_numbered "$seeds/lexicon" "${markdown[@]}"
cp tests/fuzz/lexicon/* "$seeds/lexicon/"

# LSP seeds: a session per fixture post (open, hover, code actions, edits, close, shutdown).
python3 - "$seeds/lsp" tests/lsp/fixtures/*.md tests/fixtures/markdown/*/*.md <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
for n, name in enumerate(sys.argv[2:40]):
    text = pathlib.Path(name).read_bytes().decode("utf-8", "replace")
    uri = "file:///tmp/hanmark-fuzz-lsp/" + pathlib.Path(name).name
    doc = {"uri": uri}
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 5}}
    session = [
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {**doc, "languageId": "markdown", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover",
         "params": {"textDocument": doc, "position": {"line": 2, "character": 3}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": whole, "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {**doc, "version": 2},
                    "contentChanges": [{"range": whole, "text": "teh 문장 입니다  \n"}]}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": whole,
                    "context": {"diagnostics": [], "only": ["source.fixAll"]}}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": doc}},
        {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    (out / ("session-%03d" % n)).write_bytes(b"".join(frame(m) for m in session))
PY
cp tests/fuzz/lsp/* "$seeds/lsp/"

# Configuration seeds: example rule files, the TOML blocks of the docs, tests/fuzz/config.
cp examples/rules/*.toml tests/fuzz/config/* "$seeds/config/"
for doc in docs/configuration.md docs/user-rules.md; do
  awk -v dir="$seeds/config" -v name="$(basename "$doc" .md)" '
    /^```toml/ { n++; file = sprintf("%s/%s-%02d.toml", dir, name, n); inside = 1; next }
    /^```/ { inside = 0; next }
    inside { print > file }' "$doc"
done

# Small inputs run faster and find most bugs; seeds longer than this are cut.
declare -A max_len=([document]=8192 [fix]=4096 [lsp]=8192 [config]=2048 [lexicon]=1024)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
read -ra extra_args <<<"${FUZZ_ARGS:-}"
TIMEFORMAT='%U %S'
stamp=$(date -u +%Y%m%dT%H%M%SZ)
failed=0
summary=()
for target in "${targets[@]}"; do
  dir="$out/$target"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  log="$dir/run-$stamp.log"
  before=$(find "$dir/artifacts" -type f ! -name 'slow-unit-*' | wc -l)
  echo "fuzz_$target: ${seconds}s, log $log" >&2
  status=0
  started=$SECONDS
  touch "$seeds/start-$target"
  # The fuzzer's CPU time too: under nice on a busy machine it is much less than the wall time.
  # LeakSanitizer runs after every input that left memory allocated, and hanmark's caches grow
  # with new words: checking each input made fuzzing 4-5 times slower. So the fuzzing runs
  # without it and every input it added to the corpus is checked for leaks afterwards.
  cpu=$({ time (cd "$dir" && nice -n "$nice_level" "$root/build-fuzz/fuzz/fuzz_$target" \
    -max_total_time="$seconds" -dict="$root/fuzz/markdown_hangul.dict" -timeout="$timeout" \
    -rss_limit_mb=2560 -max_len="${max_len[$target]}" -print_final_stats=1 -detect_leaks=0 \
    -artifact_prefix="$dir/artifacts/" "${extra_args[@]}" "$dir/corpus" "$seeds/$target" \
    </dev/null >"$log" 2>&1); } 2>&1) || status=$?
  cpu=$(awk '{ printf "%d", $1 + $2 }' <<<"$cpu")
  elapsed=$((SECONDS - started))
  new_inputs="$seeds/new-$target"
  mkdir -p "$new_inputs"
  find "$dir/corpus" -type f -newer "$seeds/start-$target" -exec cp {} "$new_inputs/" \;
  leak_status=0
  (cd "$dir" && nice -n "$nice_level" "$root/build-fuzz/fuzz/fuzz_$target" -runs=0 \
    -detect_leaks=1 -timeout="$timeout" -rss_limit_mb=2560 -artifact_prefix="$dir/artifacts/" \
    "$new_inputs" </dev/null >"$dir/leaks-$stamp.log" 2>&1) || leak_status=$?
  [ "$status" -ne 0 ] || status=$leak_status
  leak_checked=$(find "$new_inputs" -type f | wc -l)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: [0-9]+' | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  after=$(find "$dir/artifacts" -type f ! -name 'slow-unit-*' | wc -l)
  crashes=$((after - before))
  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    failed=1
    grep -hE '^(==[0-9]+==ERROR|SUMMARY|hanmark fuzz: property violated|.*runtime error)' "$log" \
      "$dir/leaks-$stamp.log" | head -5 >&2 || true
  fi
  summary+=("$(printf '%-9s %7ss %7ss %12s %7s %8s %8s %7s %7s %s' "$target" "$elapsed" "$cpu" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "${rss:-?}" "$leak_checked" "$crashes" \
    "$([ "$status" -eq 0 ] && echo ok || echo "exit $status")")")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$target" "$elapsed" "$cpu" "${execs:-}" "${cov:-}" \
    "${ft:-}" "$crashes" "$status" >>"$out/stats.tsv"
done

printf '%-9s %8s %8s %12s %7s %8s %8s %7s %7s %s\n' target time cpu executions cov ft rss_mb \
  leakchk crashes status
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || echo "crash inputs: $out/<target>/artifacts (minimize: docs/fuzzing.md)" >&2
exit "$failed"
