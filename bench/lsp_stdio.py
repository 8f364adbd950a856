"""The stdio side of the LSP benchmarks: starts `hanmark lsp` and frames JSON-RPC messages."""
import json
import subprocess


class LspStdio:
    def __init__(self, binary, cwd=None):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0

    def send(self, message):
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive_raw(self):
        """One message's body, unparsed (so that a benchmark can time its arrival)."""
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return self.proc.stdout.read(length)

    def receive(self):
        return json.loads(self.receive_raw())
