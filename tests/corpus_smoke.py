#!/usr/bin/env python3
"""Corpus smoke test: digestlint on every real digest.

usage: corpus_smoke.py DIGESTLINT CORPUS_DIR

Runs `DIGESTLINT --format json CORPUS_DIR` once and checks: exit status 0 or
1 (never a usage, I/O or schema error, never a signal), output that parses
as JSON, every *.md file reported exactly once without an error, and every
diagnostic's offsets inside its file. When the run fails, each file is run
alone to name the ones that fail. Exits 77 (CTest SKIP_RETURN_CODE) when
the corpus is not there: it is not part of the repository.
"""
import json
import os
import subprocess
import sys

SKIP = 77


def run(digestlint, paths):
    proc = subprocess.run([digestlint, "--format", "json", "--jobs", "2", *paths],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def describe(status):
    return f"killed by signal {-status}" if status < 0 else f"exit status {status}"


def check_report(out, files):
    """Problems with the JSON report of `files` (a dict path -> size)."""
    try:
        report = json.loads(out)
    except ValueError as e:
        return [f"output is not valid JSON: {e}"]
    problems = []
    seen = {}
    for f in report.get("files", []):
        path = os.path.realpath(f.get("path", ""))
        seen[path] = seen.get(path, 0) + 1
        if "error" in f:
            problems.append(f"{f['path']}: {f['error']}")
        size = files.get(path)
        for d in f.get("diagnostics", []):
            r = d.get("range", d)
            begin, end = r.get("offset"), r.get("end_offset")
            if size is not None and begin is not None and not (0 <= begin <= end <= size):
                problems.append(f"{f['path']}: {d.get('rule')} range {begin}-{end} "
                                f"outside the file ({size} bytes)")
    for path in files:
        if seen.get(path, 0) != 1:
            problems.append(f"{path}: reported {seen.get(path, 0)} times, expected once")
    if report.get("summary", {}).get("files") != len(files):
        problems.append(f"summary counts {report.get('summary', {}).get('files')} files, "
                        f"expected {len(files)}")
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    digestlint, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print(f"corpus smoke: skipped: no corpus at {corpus} (it is not part of the repository)")
        return SKIP
    files = {}
    for root, dirs, names in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(".md"):
                path = os.path.realpath(os.path.join(root, name))
                files[path] = os.path.getsize(path)
    if not files:
        print(f"corpus smoke: no *.md files under {corpus}", file=sys.stderr)
        return 1

    status, out, err = run(digestlint, [corpus])
    problems = []
    if status not in (0, 1):
        problems.append(f"digestlint on the corpus: {describe(status)}: {err.strip()[:2000]}")
        # Name the files that fail on their own.
        for path in sorted(files):
            s, o, e = run(digestlint, [path])
            if s not in (0, 1):
                problems.append(f"{path}: {describe(s)}: {e.strip()[:500]}")
            else:
                problems += check_report(o, {path: files[path]})
    else:
        problems += check_report(out, files)

    if problems:
        print(f"corpus smoke: {len(problems)} problem(s) over {len(files)} files:")
        for p in problems[:50]:
            print("  " + p)
        return 1
    summary = json.loads(out)["summary"]
    print(f"corpus smoke: {len(files)} files linted, {describe(status)}, valid JSON, "
          f"{summary['errors']} errors, {summary['warnings']} warnings, "
          f"{summary['infos']} infos")
    return 0


if __name__ == "__main__":
    sys.exit(main())
