#!/usr/bin/env python3
"""Latency of `hanmark lsp`: time from a didChange to the publishDiagnostics of that version.

Opens a 2,000-line Korean post (by default two long chapters of the Korean Rust book from
../shared/corpus, joined and cut at 2,000 lines, read at bench time and never copied; without the
corpus, examples/sample-post.md repeated), waits for the first diagnostics (dictionaries load),
then types single Hangul syllables at seeded random places in lines with Hangul, one edit at a
time, each after a pause longer than the server's coalescing delay, and measures each round
trip. All default rules run. Then a typing burst: edits
every --burst-gap ms, timed from the last edit to the diagnostics of the last version.

    bench/lsp_latency.py [--binary build/hanmark] [--input post.md] [--edits 200]
"""
import argparse
import json
import os
import random
import statistics
import sys
import time

from lsp_stdio import LspStdio

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS_BOOK = os.path.join(ROOT, "..", "shared", "corpus", "rinthel__rust-lang-book-ko",
                           "second-edition", "src")
CORPUS_POSTS = ["ch20-02-multithreaded.md", "ch18-03-pattern-syntax.md"]


def default_text(lines):
    if all(os.path.exists(os.path.join(CORPUS_BOOK, name)) for name in CORPUS_POSTS):
        text = []
        for name in CORPUS_POSTS:
            with open(os.path.join(CORPUS_BOOK, name), encoding="utf-8") as f:
                text += f.read().splitlines(keepends=True)
        source = "../shared/corpus/rinthel__rust-lang-book-ko: " + " + ".join(CORPUS_POSTS)
    else:
        with open(os.path.join(ROOT, "examples", "sample-post.md"), encoding="utf-8") as f:
            text = f.read().splitlines(keepends=True)
        source = "examples/sample-post.md, repeated"
    while len(text) < lines:
        text += text
    return "".join(text[:lines]), source


class Server(LspStdio):
    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def wait_publish(self, version):
        """Waits for the publishDiagnostics of `version`: timed on arrival, parsed after."""
        marker = b'"method":"textDocument/publishDiagnostics"'
        while True:
            body = self.receive_raw()
            if marker in body and body.rstrip().endswith(b'"version":%d}}' % version):
                return body


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "hanmark"))
    parser.add_argument("--input", help="the post to edit (default: see above)")
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--pause", type=float, default=100, help="ms between single edits")
    parser.add_argument("--burst", type=int, default=20, help="edits in the typing burst")
    parser.add_argument("--burst-gap", type=float, default=20, help="ms between burst edits")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    if args.input:
        with open(args.input, encoding="utf-8") as f:
            text, source = f.read(), args.input
    else:
        text, source = default_text(args.lines)
    lines = text.split("\n")
    hangul_lines = sum(1 for line in lines if any("\uac00" <= c <= "\ud7a3" for c in line))
    print(f"input: {source}: {len(lines)} lines ({hangul_lines} with Hangul), "
          f"{len(text.encode())} bytes")

    server = Server(args.binary)
    server.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    server.send({"method": "initialized", "params": {}})
    uri = "file:///tmp/hanmark-lsp-latency/post.md"
    started = time.perf_counter()
    server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    first = json.loads(server.wait_publish(1))["params"]
    print(f"first diagnostics (dictionaries load): {(time.perf_counter() - started) * 1000:.0f} ms,"
          f" {len(first['diagnostics'])} findings")

    rng = random.Random(args.seed)
    candidates = [i for i, line in enumerate(lines)
                  if any("\uac00" <= c <= "\ud7a3" for c in line)]
    version = 1
    latencies = []

    def edit():
        nonlocal version
        line = rng.choice(candidates)
        # UTF-16 units of the line: a position inside it (Hangul is one unit; emoji two).
        units = len(lines[line].encode("utf-16-le")) // 2
        character = rng.randint(0, units)
        version += 1
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": character},
                                          "end": {"line": line, "character": character}},
                                "text": "가"}]}})
        lines[line] = lines[line][:character] + "가" + lines[line][character:] \
            if not any(ord(c) > 0xFFFF for c in lines[line]) else lines[line]
        return version

    for _ in range(args.edits):
        time.sleep(args.pause / 1000)
        sent = time.perf_counter()
        server.wait_publish(edit())
        latencies.append((time.perf_counter() - sent) * 1000)

    time.sleep(0.2)
    for _ in range(args.burst):
        last = edit()
        last_sent = time.perf_counter()
        time.sleep(args.burst_gap / 1000)
    server.wait_publish(last)
    burst = (time.perf_counter() - last_sent) * 1000 + args.burst_gap

    server.request("shutdown", None)
    server.send({"method": "exit"})
    server.proc.wait(timeout=10)

    print(f"{len(latencies)} single edits, didChange -> publishDiagnostics (ms): "
          f"p50 {percentile(latencies, 50):.1f}, p95 {percentile(latencies, 95):.1f}, "
          f"max {max(latencies):.1f}, mean {statistics.mean(latencies):.1f}")
    print(f"typing burst of {args.burst} edits {args.burst_gap:.0f} ms apart: diagnostics "
          f"{burst:.0f} ms after the last edit")


if __name__ == "__main__":
    sys.exit(main())
