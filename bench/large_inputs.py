#!/usr/bin/env python3
"""Large inputs for hanmark (issue 8, targets 4 and 5): memory, throughput and scaling.

Generates, in a temporary directory (removed afterwards unless --keep):
  - a large corpus grown from ../shared/corpus: its posts copied again and again, each copy
    mutated with a fixed seed (paragraphs swapped, some Hangul words replaced by other corpus
    words with the same last syllable, about one in a hundred given a typo, and prose paragraphs
    of the same repository added until the files average the target size), so that the spell
    caches see new words as a bigger real corpus would. Copies go to part-NN/ folders of 2,500
    files, and the 1x, 2x and 4x sizes are the first quarter, half and all of them (default
    4x: 30,000 files, 150 MB);
  - a 10 MB post (corpus posts one after another), a post with 50,000 headings, a 10 MB post
    of one paragraph, a post of 50,000 HTML blocks and one of 40,000 directive comments, to catch
    work that grows faster than the input.
Without the corpus only the generated posts run (built from examples/sample-post.md).

Runs `hanmark check --no-progress` with all default rules and with `--select markdown` on each
input, interleaved round by round, and prints a Markdown table of medians (wall time, MB/s, peak
RSS) and the scaling ratios. Builds hanmark in build-bench/ (Release) unless --binary is given.
Not part of .ci/run.

  bench/large_inputs.py [--runs 3] [--binary build/hanmark] [--files 30000] [--megabytes 150]
"""
import argparse
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bench_common import ROOT, build, measure

MB = 1 << 20
PART_FILES = 2500
HANGUL_WORD = re.compile(r"[가-힣]+")
# Code spans, link targets and HTML stay as they are: anchors and paths must still resolve.
UNTOUCHED = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>")
NOT_PROSE = ("#", "|", "`", "~", ">", "<", "-", "*", "+", "!", "[", " ", "\t", "=")


# --- reading the corpus --------------------------------------------------------------------


def corpus_files(corpus: Path):
    """Markdown files as `hanmark check` finds them (no hidden folders), in path order."""
    found = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if any(p.startswith(".") or p == "node_modules" for p in rel.parts[:-1]):
            continue
        if path.suffix in (".md", ".markdown", ".mdx") and path.is_file():
            found.append(rel)
    return found


def split_blocks(text: str):
    """Blocks separated by blank lines; a front matter or fenced code block stays whole."""
    blocks, current, fence = [], [], None
    lines = text.split("\n")
    start = 0
    if lines and lines[0] == "---":
        end = next((i for i in range(1, len(lines)) if lines[i] in ("---", "...")), None)
        if end is not None:
            blocks.append("\n".join(lines[:end + 1]))
            start = end + 1
    for line in lines[start:]:
        stripped = line.lstrip()
        if fence:
            current.append(line)
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")) and len(line) - len(stripped) < 4:
            fence = stripped[:3]
        if not stripped and fence is None:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def is_prose(block: str) -> bool:
    return (not block.startswith(NOT_PROSE) and not block[:1].isdigit()
            and HANGUL_WORD.search(block) is not None and "```" not in block)


class Mutator:
    """Seeded changes that keep Korean prose Korean but give the spell caches new words."""

    def __init__(self, texts):
        by_last = {}
        for text in texts:
            for block in split_blocks(text):
                if is_prose(block):
                    for word in HANGUL_WORD.findall(block):
                        if len(word) >= 2:
                            by_last.setdefault(word[-1], set()).add(word)
        self.by_last = {k: sorted(v) for k, v in by_last.items() if len(v) > 1}

    def typo(self, word: str, rng: random.Random) -> str:
        i = rng.randrange(len(word))
        code = ord(word[i]) - 0xAC00
        lead, vowel, tail = code // 588, code % 588 // 28, code % 28
        if rng.random() < 0.5:
            tail = rng.choice((0, 4, 8, 16, 17, 19, 21))  # none, ㄴ, ㄹ, ㅁ, ㅂ, ㅅ, ㅇ
        else:
            vowel = (vowel + rng.choice((-1, 1))) % 21
        return word[:i] + chr(0xAC00 + lead * 588 + vowel * 28 + tail) + word[i + 1:]

    def word(self, match, rng: random.Random) -> str:
        word = match.group(0)
        roll = rng.random()
        if roll < 0.05 and len(word) >= 2 and word[-1] in self.by_last:
            return rng.choice(self.by_last[word[-1]])
        if roll < 0.06:
            return self.typo(word, rng)
        return word

    def prose(self, block: str, rng: random.Random) -> str:
        pieces, last = [], 0
        for kept in UNTOUCHED.finditer(block):
            pieces.append(HANGUL_WORD.sub(lambda m: self.word(m, rng), block[last:kept.start()]))
            pieces.append(kept.group(0))
            last = kept.end()
        pieces.append(HANGUL_WORD.sub(lambda m: self.word(m, rng), block[last:]))
        return "".join(pieces)

    def post(self, text: str, rng: random.Random, filler=(), extra_bytes=0) -> str:
        blocks = split_blocks(text)
        prose = [i for i, b in enumerate(blocks) if is_prose(b)]
        for n, i in enumerate(prose):  # swap nearby paragraphs, now and then
            if rng.random() < 0.3 and len(prose) > 1:
                j = prose[min(len(prose) - 1, max(0, n + rng.randint(-3, 3)))]
                blocks[i], blocks[j] = blocks[j], blocks[i]
        blocks = [self.prose(b, rng) if is_prose(b) else b for b in blocks]
        added = 0
        while filler and added < extra_bytes:
            block = self.prose(rng.choice(filler), rng)
            at = rng.randint(1 if len(blocks) > 1 else len(blocks), len(blocks))
            blocks.insert(at, block)
            added += len(block.encode()) + 2
        return "\n\n".join(blocks) + "\n"


# --- generating inputs ---------------------------------------------------------------------


def grow_corpus(corpus: Path, out: Path, files: int, total_bytes: int, seed: int):
    """Writes `files` mutated copies into out/part-NN/; returns the part folders."""
    sources = corpus_files(corpus)
    texts = [(corpus / rel).read_text(errors="surrogateescape") for rel in sources]
    mutator = Mutator(texts)
    filler = {}
    for rel, text in zip(sources, texts):
        pool = filler.setdefault(rel.parts[0], [])
        pool.extend(b for b in split_blocks(text)
                    if is_prose(b) and "](" not in b and "<" not in b)
    written = 0
    parts = []
    for i in range(files):
        part = out / f"part-{i // PART_FILES:02d}"
        if i % PART_FILES == 0:
            parts.append(part)
        rel = sources[i % len(sources)]
        rng = random.Random(f"{seed}:{i}")
        deficit = total_bytes * (i + 1) // files - written - len(texts[i % len(texts)].encode())
        text = mutator.post(texts[i % len(texts)], rng, filler.get(rel.parts[0], ()),
                            min(max(deficit, 0), 12000))
        path = part / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode(errors="surrogateescape")
        path.write_bytes(data)
        written += len(data)
    return parts


def big_post(texts, mutator, size: int, seed: int) -> str:
    """Posts one after another (front matter dropped) until `size` bytes."""
    rng = random.Random(f"{seed}:big")
    chunks, total, i = [], 0, 0
    while total < size:
        blocks = split_blocks(texts[i % len(texts)])
        if blocks and blocks[0].startswith("---\n"):
            blocks = blocks[1:]
        chunk = mutator.post("\n\n".join(blocks), rng)
        chunks.append(chunk)
        total += len(chunk.encode())
        i += 1
    return "\n".join(chunks)


def sentences(texts):
    found = []
    for text in texts:
        for block in split_blocks(text):
            if is_prose(block):
                found.extend(s.strip() for s in re.split(r"(?<=[.?!])\s+", block.replace("\n", " "))
                             if HANGUL_WORD.search(s) and len(s.strip()) > 10)
    return found


def one_paragraph(texts, mutator, size: int, seed: int) -> str:
    """One paragraph of `size` bytes: corpus sentences, one per line."""
    rng = random.Random(f"{seed}:paragraph")
    pool = sentences(texts)
    lines, total = [], 0
    while total < size:
        line = mutator.prose(rng.choice(pool), rng)
        lines.append(line)
        total += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


def many_headings(texts, count: int, seed: int) -> str:
    """`count` headings (h2 to h4, many with the same text, so anchors get -1, -2, ... suffixes),
    a sentence under each and, under every tenth, a link to an earlier heading's anchor."""
    rng = random.Random(f"{seed}:headings")
    pool = sorted({s[:40].rstrip(" .") for s in sentences(texts)})[:300] or ["제목"]
    titles = []
    lines = ["# 제목이 많은 글", ""]
    for i in range(count):
        title = rng.choice(pool)
        titles.append(title)
        lines += [f"{'#' * (2 + i % 3)} {title}", "", rng.choice(pool) + ".", ""]
        if i % 10 == 9:
            lines += [f"[앞 절]({'#' + slug(rng.choice(titles))})을 보세요.", ""]
    return "\n".join(lines)


def many_html_blocks(texts, count: int, seed: int) -> str:
    """`count` HTML blocks (figures with a corpus sentence as caption, as posts embed images)
    and a draft note in an HTML comment at the end: comments are searched for block by block."""
    rng = random.Random(f"{seed}:html")
    pool = sorted({s[:60] for s in sentences(texts)})[:300] or ["그림"]
    lines = ["# HTML 블록이 많은 글", ""]
    for i in range(count):
        lines += [f'<figure><img src="img/{i}.png"><figcaption>{rng.choice(pool)}'
                  "</figcaption></figure>", ""]
    return "\n".join(lines + ["<!-- 초안: 그림 설명을 다듬을 것 -->", ""])


def many_directives(texts, count: int, seed: int) -> str:
    """`count` directive comments: each sentence under a disable-next-line, every tenth between a
    disable and an enable, as a post that silences rule after rule might have them."""
    rng = random.Random(f"{seed}:directives")
    pool = sorted(sentences(texts))[:300] or ["문장이다."]
    rules = ["josa", "korean-spacing", "typo", "speech-level"]
    lines = ["# 지시문이 많은 글", ""]
    for i in range(count):
        rule = rules[i % len(rules)]
        if i % 10 == 9:
            lines += [f"<!-- hanmark-disable {rule} -->", rng.choice(pool),
                      f"<!-- hanmark-enable {rule} -->", ""]
        else:
            lines += [f"<!-- hanmark-disable-next-line {rule} -->", rng.choice(pool), ""]
    return "\n".join(lines)


def slug(title: str) -> str:
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", title.lower()))


# --- measuring -----------------------------------------------------------------------------


def size_of(paths):
    files = [p for root in paths for p in ([root] if root.is_file() else root.rglob("*"))
             if p.is_file()]
    return sum(p.stat().st_size for p in files) / MB, len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--files", type=int, default=30000, help="files at 4x")
    parser.add_argument("--megabytes", type=float, default=150, help="MB at 4x")
    parser.add_argument("--post-megabytes", type=float, default=10)
    parser.add_argument("--headings", type=int, default=50000)
    parser.add_argument("--html-blocks", type=int, default=50000)
    parser.add_argument("--directives", type=int, default=40000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=900, help="seconds, per run")
    parser.add_argument("--only", choices=("corpus", "posts"), help="run only these inputs")
    parser.add_argument("--binary", type=Path, action="append",
                        help="hanmark to measure (default: build one); repeat to compare builds")
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build-bench")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()

    if not args.binary:
        build(args.build_dir, ("hanmark",))
        args.binary = [args.build_dir / "hanmark"]
    have_corpus = args.corpus.is_dir()
    if have_corpus:
        texts = [(args.corpus / rel).read_text(errors="surrogateescape")
                 for rel in corpus_files(args.corpus)]
    else:
        print(f"no corpus at {args.corpus}: only the generated posts, from "
              "examples/sample-post.md\n")
        texts = [(ROOT / "examples" / "sample-post.md").read_text()]
    mutator = Mutator(texts)

    work = args.keep or Path(tempfile.mkdtemp(prefix="hanmark-large-"))
    work.mkdir(parents=True, exist_ok=True)
    inputs = []  # (name, paths)
    try:
        if have_corpus and args.only != "posts":
            parts = grow_corpus(args.corpus, work / "corpus", args.files,
                                int(args.megabytes * MB), args.seed)
            for scale in (1, 2, 4):
                inputs.append((f"corpus {scale}x", parts[:max(1, len(parts) * scale // 4)]))
        if args.only != "corpus":
            posts = {
                f"{args.post_megabytes:g} MB post": big_post(texts, mutator,
                                                          int(args.post_megabytes * MB),
                                                          args.seed),
                f"{args.headings:,} headings": many_headings(texts, args.headings, args.seed),
                f"{args.post_megabytes:g} MB paragraph": one_paragraph(
                    texts, mutator, int(args.post_megabytes * MB), args.seed),
                f"{args.html_blocks:,} HTML blocks": many_html_blocks(texts, args.html_blocks,
                                                                      args.seed),
                f"{args.directives:,} directives": many_directives(texts, args.directives,
                                                                   args.seed),
            }
            for n, (name, text) in enumerate(posts.items()):
                path = work / f"post-{n}.md"
                path.write_text(text, errors="surrogateescape")
                inputs.append((name, [path]))

        modes = {"default rules": [], "--select markdown": ["--select", "markdown"]}
        if len(args.binary) > 1:
            modes = {f"{mode}, {binary}": [binary] + extra
                     for mode, extra in modes.items() for binary in args.binary}
        else:
            modes = {mode: [args.binary[0]] + extra for mode, extra in modes.items()}
        commands = [((name, mode), [str(argv[0]), "check", "--no-config", "--no-progress",
                                    "--color=never"] + argv[1:] + [str(p) for p in paths], None)
                    for name, paths in inputs for mode, argv in modes.items()]
        print(f"{', '.join(map(str, args.binary))}: {args.runs} runs each, interleaved; "
              "medians\n")
        results = measure(commands, args.runs, args.timeout)
        report(inputs, modes, results, args.timeout)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(inputs, modes, results, timeout):
    sizes = {name: size_of(paths) for name, paths in inputs}
    print("| input | rules | size MB | files | wall s | MB/s | peak RSS MB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, _ in inputs:
        megabytes, files = sizes[name]
        for mode in modes:
            wall, rss = results[(name, mode)]
            shown = f"> {timeout:g}" if wall is None else f"{wall:.2f}"
            speed = "" if wall is None else f"{megabytes / wall:.1f}"
            print(f"| {name} | {mode} | {megabytes:.1f} | {files:,} | {shown} | {speed} | "
                  f"{rss:.0f} |")
    base = [name for name, _ in inputs if name.startswith("corpus 1x")]
    if base and all(results[(n, m)][0] for n, _ in inputs if n.startswith("corpus")
                    for m in modes):
        print("\nscaling against 1x (linear: time 2x and 4x, same MB/s)")
        for mode in modes:
            wall1 = results[(base[0], mode)][0]
            rss1 = results[(base[0], mode)][1]
            for scale in (2, 4):
                name = f"corpus {scale}x"
                wall, rss = results[(name, mode)]
                size_ratio = sizes[name][0] / sizes[base[0]][0]
                print(f"- {mode}, {scale}x: size {size_ratio:.2f}x, time {wall / wall1:.2f}x, "
                      f"MB/s {size_ratio * wall1 / wall:.2f}x, peak RSS {rss / rss1:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
