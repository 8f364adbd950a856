#!/usr/bin/env python3
"""Side-by-side timing of hanmark and markdownlint-cli2 (issue 8's targets, as ratios).

Runs, interleaved round by round so that machine noise hits every command alike:
  hanmark (all default rules), hanmark --select markdown (structure only), the parse-only
  baseline (bench/parse_only.cpp: read + cmark-gfm parse, nothing else) and markdownlint-cli2
  on a corpus (default ../shared/corpus), and hanmark vs markdownlint-cli2 on one post (the
  pre-commit case). Prints medians of wall time and peak RSS, and the ratios.

Builds hanmark and the baseline in build-bench/ (Release) and installs markdownlint-cli2 0.22.1
(later versions need Node 22) under ~/.cache/hanmark-bench when missing. Not part of .ci/run.

`--before BINARY` adds an older hanmark build (default rules) to both tables, for before/after
numbers from the same run. The English `spelling` rule is off by default; a row with it on
(`--extend-select spelling`) shows what all spelling costs.

  bench/compare.py [--runs 5] [--corpus DIR] [--post FILE] [--before BINARY]
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench_common import ROOT, build, measure

MDL_VERSION = "0.22.1"


def markdownlint_cli2() -> Path:
    prefix = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "hanmark-bench"
    binary = prefix / "node_modules" / ".bin" / "markdownlint-cli2"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("npm is needed to install markdownlint-cli2")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", prefix,
                        f"markdownlint-cli2@{MDL_VERSION}"], check=True,
                       stdout=subprocess.DEVNULL)
    return binary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--post", type=Path,
                        default=ROOT.parent / "shared" / "seed" /
                        "become-a-deep-learning-engineer.md")
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build-bench")
    parser.add_argument("--before", type=Path, help="an older hanmark binary to compare with")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus} (pass --corpus DIR)")

    build(args.build_dir)
    hanmark = str(args.build_dir / "hanmark")
    parse_only = str(args.build_dir / "bench" / "hanmark_parse_only")
    mdl = str(markdownlint_cli2())
    corpus = str(args.corpus.resolve())
    check = [hanmark, "check", "--no-config", "--color=never"]

    before = [str(args.before.resolve()), *check[1:]] if args.before else None
    # The compiled-lexicon cache (docs/korean-lexicon.md) is warm after the first round; the
    # "no cache" rows show what a first run, or HANMARK_NO_CACHE=1, costs.
    no_cache = ["env", "HANMARK_NO_CACHE=1", *check]
    corpus_commands = [
        ("hanmark (default rules)", check + [corpus], None),
        ("hanmark, no lexicon cache", no_cache + [corpus], None),
        ("hanmark + English spelling", check + ["--extend-select", "spelling", corpus], None),
        ("hanmark --select markdown", check + ["--select", "markdown", corpus], None),
        ("parse-only baseline", [parse_only, corpus], None),
        ("markdownlint-cli2", [mdl, "**/*.md", "**/*.markdown", "**/*.mdx"], corpus),
    ]
    if before:
        corpus_commands.append(("hanmark before (default rules)", before + [corpus], None))
    print(f"corpus: {corpus}, {args.runs} runs each, interleaved")
    results = measure(corpus_commands, args.runs)
    print(f"{'command':30} {'wall (median)':>14} {'peak RSS':>10}")
    for name, (wall, rss) in results.items():
        print(f"{name:30} {wall:12.2f} s {rss:7.0f} MB")
    default = results["hanmark (default rules)"][0]
    structure = results["hanmark --select markdown"][0]
    baseline = results["parse-only baseline"][0]
    mdl_wall = results["markdownlint-cli2"][0]
    print(f"markdownlint-cli2 / hanmark default: {mdl_wall / default:.1f}x (target >= 20x)")
    print(f"structure-only / parse-only: {structure / baseline:.2f}x (target <= 3x)")

    if args.post.is_file():
        post = str(args.post.resolve())
        post_commands = [
            ("hanmark (one post)", check + [post], None),
            ("hanmark, no cache (one post)", no_cache + [post], None),
            ("markdownlint-cli2 (one post)", [mdl, post], None),
        ]
        if before:
            post_commands.append(("hanmark before (one post)", before + [post], None))
        print(f"\none post: {post}")
        post_results = measure(post_commands, args.runs)
        for name, (wall, rss) in post_results.items():
            print(f"{name:30} {wall:12.3f} s {rss:7.0f} MB")
        ratio = post_results["hanmark (one post)"][0] / post_results[
            "markdownlint-cli2 (one post)"][0]
        print(f"hanmark / markdownlint-cli2 on one post: {ratio:.2f}x (target <= 1x)")


if __name__ == "__main__":
    main()
