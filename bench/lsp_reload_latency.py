#!/usr/bin/env python3
"""Latency of `hanmark lsp` after the configuration is read again.

In a temporary workspace (a .hanmark.toml that turns `spelling` on, a user word list), opens a
post with Hangul (examples/sample-post.md) followed by a line of misspelt English words, waits for
its first diagnostics (the dictionaries load), then, for each misspelt word in turn:

- runs "add to dictionary" (`workspace/executeCommand hanmark.addToDictionary`) and times it to
  the command's answer and to the first publishDiagnostics without the word;
- sends the `workspace/didChangeWatchedFiles` a watching client sends for the word list just
  written, and times it to the next publishDiagnostics;
- sends `workspace/didChangeWatchedFiles` for the unchanged .hanmark.toml, and times that too.

    bench/lsp_reload_latency.py [--binary build/hanmark] [--rounds 8]
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.parse

from lsp_stdio import LspStdio

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ["wrold", "plnet", "tabel", "chiar", "florr", "windwo", "grils", "mosue", "cofee",
         "penicl", "scholo", "gardne", "rievr", "mounatin", "tarin", "bottel"]


def uri_of(path):
    return "file://" + urllib.parse.quote(path)


class Server(LspStdio):
    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, accept):
        while True:
            message = self.receive()
            if accept(message):
                return message


def published(uri):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri)


def summary(name, values):
    return (f"{name}: median {statistics.median(values):.0f} ms, min {min(values):.0f}, "
            f"max {max(values):.0f} ({len(values)} rounds)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "hanmark"))
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    words = WORDS[:args.rounds]

    with tempfile.TemporaryDirectory(prefix="hanmark-reload-") as workspace:
        config = os.path.join(workspace, ".hanmark.toml")
        with open(config, "w") as f:
            f.write('[rules]\nextend-select = ["spelling"]\n')
        dictionary = os.path.join(workspace, "words.dic")
        with open(os.path.join(ROOT, "examples", "sample-post.md"), encoding="utf-8") as f:
            text = f.read() + "\n" + " ".join(f"The {word}." for word in words) + "\n"
        uri = uri_of(os.path.join(workspace, "post.md"))

        server = Server(os.path.abspath(args.binary), workspace)
        server.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(workspace),
                                      "capabilities": {},
                                      "initializationOptions": {"userDictionary": dictionary}})
        server.wait(lambda m: "id" in m and "method" not in m)
        server.send({"method": "initialized", "params": {}})
        started = time.perf_counter()
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        first = server.wait(published(uri))["params"]
        print(f"first diagnostics (dictionaries load): "
              f"{(time.perf_counter() - started) * 1000:.0f} ms, "
              f"{len(first['diagnostics'])} findings")

        answered, gone, watched_dic, watched_config = [], [], [], []
        for word in words:
            sent = time.perf_counter()
            request = server.request("workspace/executeCommand", {
                "command": "hanmark.addToDictionary", "arguments": [{"word": word, "uri": uri}]})
            without_word = None
            while without_word is None:
                message = server.receive()
                if message.get("id") == request and "method" not in message:
                    answered.append((time.perf_counter() - sent) * 1000)
                elif published(uri)(message) and not any(
                        f"'{word}'" in d["message"] for d in message["params"]["diagnostics"]):
                    without_word = (time.perf_counter() - sent) * 1000
            gone.append(without_word)

            for file, times in ((dictionary, watched_dic), (config, watched_config)):
                time.sleep(0.1)
                sent = time.perf_counter()
                server.send({"method": "workspace/didChangeWatchedFiles",
                             "params": {"changes": [{"uri": uri_of(file), "type": 2}]}})
                server.wait(published(uri))
                times.append((time.perf_counter() - sent) * 1000)
            time.sleep(0.1)

        server.request("shutdown", None)
        server.send({"method": "exit"})
        server.proc.wait(timeout=10)

    print(summary("add to dictionary -> command answered", answered))
    print(summary("add to dictionary -> diagnostics without the word", gone))
    print(summary("didChangeWatchedFiles (the word list just written) -> diagnostics", watched_dic))
    print(summary("didChangeWatchedFiles (unchanged .hanmark.toml) -> diagnostics",
                  watched_config))


if __name__ == "__main__":
    sys.exit(main())
