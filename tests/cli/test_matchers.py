#!/usr/bin/python3
"""The shipped problem matchers read real `--format text` output (issue 5).

    /usr/bin/python3 tests/cli/test_matchers.py BUILD/digestlint SOURCE_DIR

editors/vscode/tasks.json (VS Code, JavaScript regular expressions) and
editors/github/digestlint-problem-matcher.json (GitHub Actions runner,
.NET regular expressions in ECMAScript mode) are run over digestlint's
text output, piped and on a terminal, and every finding line must yield
the file, line, column, severity, code and message the JSON output has.
The expressions use only syntax that JavaScript, .NET and Python read
alike (groups, lazy quantifiers, \\S and \\d), so Python's re stands in.
"""

import json
import os
import pty
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

# The runner strips colour codes before matching (OutputManager.cs).
RUNNER_COLOR = re.compile(r"\x1b\[[0-9;]*m?")


def load(*parts):
    with open(it.source(*parts), encoding="utf-8") as f:
        return json.load(f)


def vscode_matcher():
    tasks = load("editors", "vscode", "tasks.json")["tasks"]
    return tasks[0]["problemMatcher"]


def vscode_match(line):
    """(file, line, column, severity, code, message) as VS Code reads it, or None."""
    pattern = vscode_matcher()["pattern"]
    m = re.search(pattern["regexp"], line)
    if not m:
        return None
    group = lambda key: m.group(pattern[key]) if key in pattern else None  # noqa: E731
    return (group("file"), group("line"), group("column"), group("severity"), group("code"),
            group("message"))


def github_match(line):
    """What the runner makes of a line: (owner, file, line, column, severity,
    code, message) from the first matcher that matches, or None."""
    line = RUNNER_COLOR.sub("", line)
    for matcher in load("editors", "github", "digestlint-problem-matcher.json")["problemMatcher"]:
        pattern = matcher["pattern"][0]
        m = re.search(pattern["regexp"], line)
        if not m:
            continue
        group = lambda key: m.group(pattern[key]) if key in pattern else None  # noqa: E731
        severity = group("severity") or matcher.get("severity") or "error"
        return (matcher["owner"], group("file"), group("line"), group("column"), severity,
                group("code"), group("message"))
    return None


def run_on_terminal(args, cwd):
    """Runs digestlint with stdout and stderr on a pseudo-terminal."""
    try:
        pid, fd = pty.fork()
    except OSError as e:
        raise unittest.SkipTest("no pseudo-terminal here: %s" % e)
    if pid == 0:
        os.chdir(cwd)
        os.execv(it.BINARY, [it.BINARY, *args])
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


class Definitions(unittest.TestCase):
    def test_vscode_tasks_share_one_matcher(self):
        tasks = load("editors", "vscode", "tasks.json")["tasks"]
        self.assertGreaterEqual(len(tasks), 3)
        for task in tasks:
            self.assertEqual(task["problemMatcher"], vscode_matcher(), task["label"])
            self.assertEqual(task["command"], "digestlint")
            # Plain output: no colour codes for the matcher to trip on.
            self.assertEqual(task["args"][task["args"].index("--color") + 1], "never")
        matcher = vscode_matcher()
        self.assertEqual(matcher["owner"], "digestlint")
        self.assertEqual(matcher["fileLocation"], ["autoDetect", "${workspaceFolder}"])
        groups = re.compile(matcher["pattern"]["regexp"]).groups
        for key in ("file", "line", "column", "severity", "code", "message"):
            self.assertLessEqual(matcher["pattern"][key], groups, key)

    def test_github_matchers_pass_the_runners_validation(self):
        # IssueMatcherConfig.Validate: distinct owners, a known default
        # severity, groups that exist, a message.
        matchers = load("editors", "github", "digestlint-problem-matcher.json")["problemMatcher"]
        owners = [m["owner"].lower() for m in matchers]
        self.assertEqual(len(owners), len(set(owners)))
        for m in matchers:
            self.assertIn(m.get("severity", "").upper(), ("", "ERROR", "WARNING", "NOTICE"))
            self.assertEqual(len(m["pattern"]), 1)
            pattern = m["pattern"][0]
            groups = re.compile(pattern["regexp"]).groups
            self.assertIn("message", pattern)
            for key in ("file", "line", "column", "severity", "code", "message"):
                if key in pattern:
                    self.assertLessEqual(pattern[key], groups, (m["owner"], key))


class Matching(it.TempDirTest):
    def setUp(self):
        super().setUp()
        self.cwd = it.source("tests", "golden", "formats")
        self.args = ["--no-config", "--select", it.GOLDEN_RULES, "inputs", "inputs/missing.md"]
        doc = json.loads(it.run("--format", "json", *self.args, cwd=self.cwd).out)
        self.expected = [(f["path"], str(d["line"]), str(d["column"]), d["severity"], d["rule"],
                          it.printable(d["message"]))
                         for f in doc["files"] for d in f.get("diagnostics", [])]
        self.assertEqual({e[3] for e in self.expected}, {"error", "warning", "info"})

    def check_lines(self, lines):
        findings = []
        for line in lines:
            if line.startswith(" "):
                # Context lines on a terminal: never a problem.
                self.assertIsNone(vscode_match(line), line)
                self.assertIsNone(github_match(line), line)
                continue
            v = vscode_match(line)
            g = github_match(line)
            if line.endswith("]") and " [DL" in line:
                findings.append(v)
                self.assertEqual(g[1:4], v[:3])
                self.assertEqual(g[4], {"error": "error", "warning": "warning",
                                        "info": "notice"}[v[3]])
                self.assertEqual(g[5:], v[4:])
                self.assertEqual(g[0], "digestlint-info" if v[3] == "info" else "digestlint")
        self.assertEqual(findings, self.expected)

    def test_piped_output(self):
        r = it.run(*self.args, cwd=self.cwd)
        self.check_lines(r.out.splitlines())
        # The unreadable file: a file-level problem (no line) on GitHub;
        # VS Code needs a line, so it shows only in the task's output.
        error = "inputs/missing.md: error: no such file or directory"
        self.assertIn(error, r.out.splitlines())
        self.assertEqual(github_match(error),
                         ("digestlint", "inputs/missing.md", None, None, "error", None,
                          "no such file or directory"))
        self.assertEqual(vscode_match(error),
                         ("inputs/missing.md", None, None, "error", None,
                          "no such file or directory"))
        # The summary on stderr is not a problem.
        for line in r.err.splitlines():
            self.assertIsNone(vscode_match(line), line)
            self.assertIsNone(github_match(line), line)

    def test_terminal_output_with_context_lines(self):
        out = run_on_terminal(["--color", "never", *self.args], self.cwd)
        lines = out.splitlines()
        self.assertTrue(any(l.startswith("    7 | -[") for l in lines), out)  # context shown
        self.check_lines([l for l in lines if not l[:1].isdigit()])  # drop the summary

    def test_coloured_output_as_the_runner_sees_it(self):
        r = it.run("--color", "always", *self.args, cwd=self.cwd)
        self.assertIn("\x1b[", r.out)
        for line in r.out.splitlines():
            if " [DL" in line:
                self.assertIsNotNone(github_match(line), line)
        stripped = [RUNNER_COLOR.sub("", l) for l in r.out.splitlines()]
        self.check_lines(stripped)

    def test_config_errors_have_a_location(self):
        it.write(self.path(".digestlint.toml"), "[rules]\nDL201 = \"loud\"\n")
        it.write(self.path("a.md"), "# Daily Security Info\n")
        r = it.run("a.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        line = r.out.splitlines()[0]
        self.assertEqual(vscode_match(line),
                         (".digestlint.toml", "2", "9", "error", None,
                          "severity must be one of 'error', 'warning', 'info', 'off' "
                          "(1 file under it not linted)"))
        self.assertEqual(github_match(line)[1:4], (".digestlint.toml", "2", "9"))

    def test_paths_with_colons_and_spaces(self):
        name = "2024: notes/a b:1.md"
        it.write(self.path(name), "# Daily Security Info\n\n### Tools\n-[x](https://example.com)\n")
        r = it.run("--no-config", "--select", "DL201", name, cwd=self.dir)
        self.assertEqual(vscode_match(r.out.splitlines()[0])[:3], (name, "4", "1"))


if __name__ == "__main__":
    it.main()
