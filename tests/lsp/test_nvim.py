#!/usr/bin/env python3
"""A real client: Debian's neovim (0.7) headless, with its built-in LSP
client, opens a defective digest, receives the findings at the right
positions, applies a quick fix and the fix-all action, and the buffer
then equals what `digestlint --fix` writes. Skipped (77) without nvim.

Usage: test_nvim.py DIGESTLINT SOURCE_DIR"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_lsp import DIGEST  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])
HERE = Path(__file__).resolve().parent


def main():
    nvim = shutil.which("nvim")
    if nvim is None:
        print("SKIP: nvim not found (Debian package 'neovim'); the real-client test did not run")
        return 77
    version = subprocess.run([nvim, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print("using", version)
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)
            print("FAIL:", what)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        digest = root / "20260101.md"
        digest.write_bytes(DIGEST.encode("utf-8"))
        out = root / "results.txt"
        env = dict(os.environ, DIGESTLINT=BINARY, DIGEST=str(digest), ROOT=str(root), OUT=str(out),
                   XDG_CONFIG_HOME=str(root / "config"), XDG_DATA_HOME=str(root / "data"),
                   XDG_STATE_HOME=str(root / "state"), XDG_CACHE_HOME=str(root / "cache"))
        try:
            run = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
                                  "luafile " + str(HERE / "nvim_client.lua")],
                                 env=env, cwd=root, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            print("FAIL: nvim did not finish in 120 s")
            return 1
        if not out.exists():
            print("FAIL: nvim wrote no results; stderr:", run.stderr)
            return 1
        rows = [line.split("\t") for line in out.read_text().splitlines()]
        for r in rows:
            print("  ", " ".join(r))
        errors = [r for r in rows if r[0] == "error"]
        check(not errors, f"the Lua script failed: {errors}")
        check(["diagnostics", "true"] in rows, "diagnostics arrived")
        check(["encoding", "utf-16"] in rows, "neovim 0.7 offers no encodings: utf-16")

        # Neovim turns the UTF-16 characters into byte columns: expected
        # here from the text itself.
        lines = DIGEST.split("\n")
        expected = {}
        for code, needle, length in (("DL503", "ＡＢＣ", 3), ("DL208", "した \n", None), ("DL103", "\n### Tools\nN/A\n", None)):
            if code == "DL208":
                line = 21
                col = len(lines[21].encode()) - 1
                expected[code] = (line, col, line, col + 1)
            elif code == "DL103":
                expected[code] = (37, 0, 37, len("### Tools"))
            else:
                index = DIGEST.index(needle)
                line = DIGEST.count("\n", 0, index)
                start = len(DIGEST[DIGEST.rfind("\n", 0, index) + 1:index].encode())
                expected[code] = (line, start, line, start + len(needle[:length].encode()))
        got = {r[5]: tuple(int(x) for x in r[1:5]) for r in rows if r[0] == "diag"}
        for code, want in expected.items():
            check(got.get(code) == want, f"{code} at {got.get(code)} (line, col, end line, end col in bytes), expected {want}")
        check(all(r[6] == "digestlint" for r in rows if r[0] == "diag"), "source is digestlint")
        check(["quickfix-applied", "1"] in rows, "the DL503 quick fix was applied")
        check(any(r[0] == "action" and r[1] == "source.fixAll.digestlint" for r in rows), "fix all offered")

        fixed = subprocess.run([BINARY, "--fix", "-", "--stdin-filename", str(digest)], input=DIGEST,
                               capture_output=True, text=True, timeout=60).stdout
        buffer = (root / "results.txt.buffer").read_text(encoding="utf-8") if (root / "results.txt.buffer").exists() else None
        check(buffer == fixed, "the buffer equals digestlint --fix's text")
        if buffer is not None and buffer != fixed:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(fixed.splitlines(True), buffer.splitlines(True), "--fix", "buffer"))
        check("ＡＢＣ" not in (buffer or "ＡＢＣ") and "した \n" not in (buffer or ""), "the defects are gone from the buffer")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("neovim: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
