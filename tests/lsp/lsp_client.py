"""A scripted LSP client: starts `digestlint lsp`, writes framed JSON-RPC
messages, and reads the server's frames on a thread so that a test can
wait for a message with a timeout (a hang fails, it never blocks)."""

import json
import queue
import subprocess
import threading
import time


class ServerGone(Exception):
    pass


def encode(message):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LspClient:
    def __init__(self, argv, cwd=None):
        self.proc = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.incoming = queue.Queue()
        self.received = []  # every message read, in order
        self.next_id = 1
        self.frame_errors = []
        self._consumed = set()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.incoming.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if "content-length" not in headers:
                self.frame_errors.append("frame without Content-Length: %r" % headers)
                continue
            body = out.read(int(headers["content-length"]))
            try:
                self.incoming.put(json.loads(body.decode("utf-8")))
            except ValueError as e:
                self.frame_errors.append("bad JSON from the server: %s" % e)

    def send(self, message):
        self.send_raw(encode(message))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=20):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait_for(self, predicate, timeout=20):
        """The first message not returned before that satisfies
        `predicate`, waiting up to `timeout` seconds for it."""
        deadline = time.monotonic() + timeout
        index = 0
        while True:
            while index < len(self.received):
                m = self.received[index]
                index += 1
                if index - 1 not in self._consumed and predicate(m):
                    self._consumed.add(index - 1)
                    return m
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message within %ss" % timeout)
            try:
                m = self.incoming.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                raise ServerGone("the server closed its output")
            self.received.append(m)

    def drain(self, seconds):
        """Reads whatever arrives within `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                m = self.incoming.get(timeout=left)
            except queue.Empty:
                return
            if m is None:
                return
            self.received.append(m)

    def initialize(self, capabilities, root_uri=None, options=None):
        params = {"processId": None, "rootUri": root_uri, "capabilities": capabilities}
        if options is not None:
            params["initializationOptions"] = options
        response = self.request("initialize", params)
        self.notify("initialized", {})
        return response

    def close(self, timeout=20):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
