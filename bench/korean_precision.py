#!/usr/bin/env python3
"""Precision check of hanmark's Korean rules on a corpus of real posts.

For each rule: findings, findings per 1,000 Hangul words, and a random sample of findings
with their source line, for judging by hand. Also the wall time of a default
`hanmark check` over the corpus (median of several runs).

Usage: bench/korean_precision.py [--hanmark build/hanmark] [--corpus ../shared/corpus]
                                 [--sample 50] [--seed 1] [--rules korean-spelling,josa,...]
Not part of the test suite: the corpus is not in the repository.
"""
import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
FENCE = re.compile(r"^\s*(```|~~~)")


def hangul_words(path: Path) -> int:
    """Hangul words outside fenced code and front matter (an approximation of prose)."""
    count, in_fence, in_front = 0, False, False
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0
    for number, line in enumerate(lines):
        if number == 0 and line.strip() in ("---", "+++"):
            in_front = True
            continue
        if in_front:
            in_front = line.strip() not in ("---", "+++", "...")
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            count += len(HANGUL_WORD.findall(line))
    return count


def lint(hanmark: str, corpus: Path, rule: str):
    result = subprocess.run([hanmark, "check", "--format", "json", "--select", rule, str(corpus)],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"hanmark failed ({result.returncode}): {result.stderr}")
    return json.loads(result.stdout)["diagnostics"]


def wall_time(hanmark: str, corpus: Path, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([hanmark, "check", str(corpus)], capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hanmark", default=str(root / "build" / "hanmark"))
    parser.add_argument("--corpus", default=str(root.parent / "shared" / "corpus"))
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", default="korean-spelling,typo,korean-spacing,josa,speech-level")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"no corpus at {corpus}")

    words = sum(hangul_words(p) for p in corpus.rglob("*.md"))
    print(f"corpus: {corpus}  Hangul words in prose (approx.): {words:,}")
    print(f"wall time, default rules, median of 5: {wall_time(args.hanmark, corpus):.2f} s\n")
    print(f"{'rule':18} {'findings':>9} {'per 1,000 Hangul words':>24}")
    samples = {}
    for rule in args.rules.split(","):
        found = lint(args.hanmark, corpus, rule)
        print(f"{rule:18} {len(found):9} {1000 * len(found) / max(words, 1):24.2f}")
        samples[rule] = found
    rng = random.Random(args.seed)
    for rule, found in samples.items():
        if not found:
            continue
        picked = rng.sample(found, min(args.sample, len(found)))
        print(f"\n== {rule}: {len(picked)} random findings to judge ==")
        for n, d in enumerate(picked, 1):
            path = Path(d["path"])
            line = path.read_text(encoding="utf-8", errors="replace").splitlines()[d["line"] - 1]
            start = max(0, d["column"] - 30)
            snippet = line[start:d["column"] + 40].strip()
            print(f"{n:3}. {d['message']}  | {snippet}")


if __name__ == "__main__":
    main()
