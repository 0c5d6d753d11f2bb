#!/usr/bin/env python3
"""The language server's latency: the time from writing a didChange to
reading its publishDiagnostics, on a ~100 KB digest, over the real stdio
pipes of `digestlint lsp`. Run by hand (never by ctest):

    python3 bench/lsp_latency.py build/digestlint [--runs N] [--size BYTES] [DIGEST_DIR]

The digest is built from the corpus (default ../shared/corpus): the
newest-format digest of 2025 with the articles of the next ones added to
its news section until it reaches --size bytes. Each run types one
character at a different place (incremental sync), waits for the publish
of that version, then pauses so runs do not overlap. Reported: median,
10th/90th percentile and best; the server's debounce (2 ms) is included."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "lsp"))
from lsp_client import LspClient  # noqa: E402

NEWS = "### 日々のニュース要約\n"


def build_digest(corpus, size):
    files = sorted(p for p in corpus.rglob("2025*.md"))
    files = [p for p in files if p.read_text(encoding="utf-8", errors="replace").startswith("# Daily Security Info")]
    if not files:
        sys.exit(f"lsp_latency: no 2025 digests under {corpus}")
    base = files[0].read_text(encoding="utf-8")
    head, sep, tail = base.partition(NEWS)
    if not sep:
        sys.exit(f"lsp_latency: {files[0]} has no news section")
    news_end = tail.find("\n### ")
    articles, rest = (tail[:news_end + 1], tail[news_end + 1:]) if news_end >= 0 else (tail, "")
    for other in files[1:]:
        if len((head + articles + rest).encode("utf-8")) >= size:
            break
        text = other.read_text(encoding="utf-8", errors="replace")
        _, found, after = text.partition(NEWS)
        if found:
            end = after.find("\n### ")
            articles += after[: end + 1] if end >= 0 else after
    return head + sep + articles + rest, [files[0].name] + [f.name for f in files[1:]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("digestlint")
    parser.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    parser.add_argument("--runs", type=int, default=101)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--pause", type=float, default=0.03, help="seconds between runs")
    args = parser.parse_args()

    text, _ = build_digest(Path(args.corpus), args.size)
    size = len(text.encode("utf-8"))
    lines = text.split("\n")
    client = LspClient([os.path.abspath(args.digestlint), "lsp"])
    client.initialize({})
    uri = "file:///tmp/lsp-latency/20250501.md"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    first = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == 1, 60)
    findings = len(first["params"]["diagnostics"])

    samples = []
    version = 1
    for run in range(args.runs):
        version += 1
        line = (run * 37) % len(lines)
        # Type a space at the start of some line, or delete it again on the
        # next run: the text alternates, every lint is a full one.
        if version % 2 == 0:
            change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": " "}
            previous_line = line
        else:
            change = {"range": {"start": {"line": previous_line, "character": 0},
                                "end": {"line": previous_line, "character": 1}}, "text": ""}
        started = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        client.wait_for(lambda m, v=version: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == v, 60)
        samples.append((time.perf_counter() - started) * 1000)
        time.sleep(args.pause)
    client.request("shutdown", None)
    client.notify("exit", None)
    client.close()

    samples.sort()
    decile = statistics.quantiles(samples, n=10)
    print(f"digest: {size} bytes, {len(lines)} lines, {findings} findings")
    print(f"didChange -> publishDiagnostics over {len(samples)} runs: median {statistics.median(samples):.2f} ms, "
          f"p10 {decile[0]:.2f} ms, p90 {decile[-1]:.2f} ms, best {samples[0]:.2f} ms "
          f"(includes the server's debounce)")


if __name__ == "__main__":
    main()
