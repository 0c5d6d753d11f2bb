#!/usr/bin/python3
"""Command-line tests of the foundation behaviour (issue 2).

Run as CTest does:

    /usr/bin/python3 tests/cli/test_cli.py BUILD/digestlint SOURCE_DIR [unittest args]

Covers exit statuses, unreadable inputs among readable ones, directory
recursion, standard input, the JSON document's shape, --fix (atomic, mode
and symlinks kept, errors leave the file untouched), --select/--ignore,
--explain/--list-rules, schema errors, the seed digest and the template,
the bundled examples, the modern corpus's conventions, and golden text/JSON
output.

Golden files live in tests/golden/; regenerate them with
DIGESTLINT_UPDATE_GOLDEN=1 and review the diff.
Standard library only.
"""

import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import unittest

BINARY = ""
SOURCE = ""

# A clean modern digest: every section, N/A where there is nothing.
CLEAN = """# Daily Security Info

### Tools
N/A

### malware campaign
N/A

### security report
- [クラウドの設定ミスによる情報漏えいの傾向](https://example.com/report/cloud)
    - 公開設定のままのストレージが原因の大半を占める

### cybercrime topics
N/A

### 日々のニュース要約
N/A

### 日本のインシデント事例
N/A

### その他のメモ
N/A
"""

# The same with one defect: '-[title](url)' on line 10.
DEFECT = CLEAN.replace("- [クラウドの", "-[クラウドの")
DEFECT_FIXED = CLEAN

# One valid article, as the prompt's output format has it.
ARTICLE = """#### 大手ネットワーク機器ベンダーがVPN製品の認証回避の脆弱性を修正
https://example.com/news/vpn-auth-bypass

- 要約
    - VPN製品の管理画面に認証を回避できる脆弱性が見つかった
    - 細工したリクエストを送るだけで管理者として操作できる
    - ベンダーは修正版を公開し、早期の更新を呼びかけている
- IOCの列挙
    - 198.51.100[.]7,IPアドレス,知られていない,C2サーバーとして言及,グローバル
- 推奨事項
    - 修正版へ速やかに更新する
    - 管理画面をインターネットに公開しない
- その他
    - 既に攻撃が行われている
- ChatGPTの推奨事項
    - 利用中の機器のバージョンを確認し、修正版を適用する
"""

FOUNDATION_CODES = [
    "DL101", "DL102", "DL103", "DL104", "DL105", "DL106", "DL107", "DL110",
    "DL111", "DL112", "DL113", "DL114", "DL201", "DL202", "DL203", "DL204",
    "DL205", "DL206", "DL207", "DL208", "DL901",
]

SECTIONS = ["Tools", "malware campaign", "security report", "cybercrime topics",
            "日々のニュース要約", "日本のインシデント事例", "その他のメモ"]
LABEL_LINES = {"- " + label for label in
               ["要約", "IOCの列挙", "推奨事項", "その他", "ChatGPTの推奨事項", "追記"]}


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")
        self.raw_out = proc.stdout

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return "exit %d\n--- stdout\n%s--- stderr\n%s" % (self.code, self.out, self.err)


def run(*args, stdin=None, cwd=None, prefix=()):
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    proc = subprocess.run(list(prefix) + [BINARY] + [str(a) for a in args], input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                          timeout=120)
    return Result(proc)


def write(path, text, mode=None):
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(path, "wb") as f:
        f.write(data)
    if mode is not None:
        os.chmod(path, mode)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def findings(text_output):
    """(path, line, column, code) of each finding line of the text format."""
    found = []
    for line in text_output.splitlines():
        m = re.match(r"^(.*):(\d+):(\d+): (error|warning|info): .* \[(DL\d+) [a-z0-9-]+\]$", line)
        if m:
            found.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(5)))
    return found


def shared_format():
    path = os.path.normpath(os.path.join(SOURCE, "..", "shared", "format"))
    return path if os.path.isdir(path) else None


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="digestlint-cli-")
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)


class ExitStatus(TempDirTest):
    def test_clean_file_exits_0_and_prints_nothing(self):
        r = run(write(self.path("clean.md"), CLEAN))
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "")
        self.assertIn("0 errors, 0 warnings, 0 infos in 1 file", r.err)

    def test_an_error_exits_1(self):
        f = write(self.path("defect.md"), DEFECT)
        r = run(f)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(findings(r.out), [(f, 10, 1, "DL201")])
        line = r.out.splitlines()[0]
        self.assertTrue(line.startswith(f + ":10:1: error: no space after '-'"), line)
        self.assertTrue(line.endswith("write '- ' [DL201 missing-space-after-marker]"), line)
        self.assertIn("1 error, 0 warnings, 0 infos in 1 file", r.err)

    def test_a_warning_alone_exits_1(self):
        f = write(self.path("warning.md"), CLEAN.replace("### Tools\n", "### Tools \n"))
        r = run(f)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(findings(r.out), [(f, 3, 10, "DL208")])

    def test_an_info_alone_exits_0(self):
        f = write(self.path("info.md"),
                  CLEAN.replace("### Tools\nN/A", "### Tools\n- 新しいツールの紹介"))
        r = run(f)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(findings(r.out), [(f, 4, 1, "DL114")])

    def test_usage_errors_exit_2(self):
        for args in (["--no-such-option"], [], ["--format", "xml", "x.md"],
                     ["--explain", "DL000"], ["--ignore", "no-such-rule", "x.md"]):
            r = run(*args)
            self.assertEqual(r.code, 2, (args, r))
            self.assertEqual(r.out, "", (args, r))
            self.assertNotEqual(r.err.strip(), "", (args, r))
        self.assertIn("no input", run().err)
        self.assertIn("unknown --format 'xml'", run("--format", "xml", "x.md").err)


class UnreadableInputs(TempDirTest):
    def make_unreadable(self, name):
        """A path that exists and cannot be opened, even by root: a socket."""
        path = self.path(name)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(path)
        self.addCleanup(sock.close)
        return path

    def test_other_files_are_still_linted_and_reported(self):
        a = write(self.path("a.md"), DEFECT)
        b = self.make_unreadable("b.md")
        c = write(self.path("c.md"), CLEAN)
        missing = self.path("missing.md")
        r = run(c, missing, b, a)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(findings(r.out), [(a, 10, 1, "DL201")])
        self.assertIn(b + ": error: cannot open", r.out)
        self.assertIn(missing + ": error: no such file or directory", r.out)
        self.assertIn("2 files could not be processed", r.err)
        # Reported in path order.
        order = [line.split(":")[0] for line in r.out.splitlines()]
        self.assertEqual(order, sorted(order))

    def test_json_has_error_instead_of_diagnostics(self):
        a = write(self.path("a.md"), DEFECT)
        b = self.make_unreadable("b.md")
        r = run("--format", "json", a, b)
        self.assertEqual(r.code, 2, r)
        files = {f["path"]: f for f in r.json()["files"]}
        self.assertEqual(set(files), {a, b})
        self.assertIn("error", files[b])
        self.assertNotIn("diagnostics", files[b])
        self.assertIsInstance(files[b]["error"], str)
        self.assertIn("cannot open", files[b]["error"])
        self.assertNotIn("error", files[a])
        self.assertEqual([d["rule"] for d in files[a]["diagnostics"]], ["DL201"])
        self.assertEqual(r.json()["summary"]["files"], 2)
        self.assertEqual(r.json()["summary"]["errors"], 1)

    @unittest.skipIf(os.geteuid() == 0, "root reads files whatever their mode")
    def test_a_file_without_read_permission(self):
        f = write(self.path("secret.md"), CLEAN, mode=0o000)
        r = run(f)
        self.assertEqual(r.code, 2, r)
        self.assertIn("permission", r.out.lower())


class Directories(TempDirTest):
    def test_recursion_is_sorted_and_skips_hidden_directories(self):
        os.makedirs(self.path("digests", "2024", "05"))
        os.makedirs(self.path("digests", ".git"))
        os.makedirs(self.path("digests", ".obsidian", "sub"))
        for name in ("b.md", "a.md", "2024/05/z.md", "2024/05/a.md", "2024/c.md"):
            write(self.path("digests", name), DEFECT)
        write(self.path("digests", ".git", "hidden.md"), DEFECT)
        write(self.path("digests", ".obsidian", "sub", "hidden.md"), DEFECT)
        write(self.path("digests", "notes.txt"), DEFECT)
        write(self.path("digests", "README.markdown"), DEFECT)
        r = run("digests", cwd=self.dir)
        self.assertEqual(r.code, 1, r)
        self.assertEqual([f[0] for f in findings(r.out)],
                         ["digests/2024/05/a.md", "digests/2024/05/z.md", "digests/2024/c.md",
                          "digests/a.md", "digests/b.md"])
        self.assertIn("in 5 files", r.err)
        # "./digests" is reported without its "./", and a file given twice once.
        r2 = run("./digests/", "digests/a.md", cwd=self.dir)
        self.assertEqual([f[0] for f in findings(r2.out)],
                         ["digests/2024/05/a.md", "digests/2024/05/z.md", "digests/2024/c.md",
                          "digests/a.md", "digests/b.md"])

    def test_an_empty_directory_is_clean(self):
        os.makedirs(self.path("empty"))
        r = run(self.path("empty"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("in 0 files", r.err)


class StandardInput(TempDirTest):
    def test_stdin_with_a_filename(self):
        r = run("-", "--stdin-filename", "reports/today.md", stdin=DEFECT)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(findings(r.out), [("reports/today.md", 10, 1, "DL201")])

    def test_stdin_without_a_filename(self):
        r = run("-", stdin=DEFECT)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(findings(r.out), [("<stdin>", 10, 1, "DL201")])
        self.assertEqual(run("-", stdin=CLEAN).code, 0)

    def test_stdin_among_files(self):
        f = write(self.path("a.md"), DEFECT)
        r = run(f, "-", "--stdin-filename", "b.md", stdin=DEFECT)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(sorted(x[0] for x in findings(r.out)), sorted([f, "b.md"]))


class JsonFormat(TempDirTest):
    DIAGNOSTIC_FIELDS = {"rule": str, "name": str, "severity": str, "line": int, "column": int,
                         "end_line": int, "end_column": int, "offset": int, "end_offset": int,
                         "message": str}

    def check_range(self, item):
        for key in ("line", "column", "end_line", "end_column"):
            self.assertGreaterEqual(item[key], 1, item)
        self.assertGreaterEqual(item["offset"], 0)
        self.assertLessEqual(item["offset"], item["end_offset"])
        self.assertLessEqual((item["line"], item["column"]), (item["end_line"], item["end_column"]))

    def test_every_documented_field_with_its_type(self):
        text = DEFECT.replace("### Tools\nN/A", "### Tools \n## N/A")
        f = write(self.path("a.md"), text)
        clean = write(self.path("clean.md"), CLEAN)
        r = run("--format", "json", f, clean)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, "")  # no summary line: stdout is one JSON document
        doc = r.json()
        self.assertEqual(list(doc)[:4], ["version", "tool", "files", "summary"])
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["tool"]["name"], "digestlint")
        self.assertRegex(doc["tool"]["version"], r"^\d+\.\d+\.\d+")
        self.assertEqual([x["path"] for x in doc["files"]], [f, clean])
        self.assertEqual(doc["files"][1]["diagnostics"], [])
        diagnostics = doc["files"][0]["diagnostics"]
        self.assertGreaterEqual(len(diagnostics), 3)
        for d in diagnostics:
            for key, kind in self.DIAGNOSTIC_FIELDS.items():
                self.assertIn(key, d)
                self.assertIsInstance(d[key], kind, (key, d))
            self.assertRegex(d["rule"], r"^DL\d{3}$")
            self.assertRegex(d["name"], r"^[a-z0-9]+(-[a-z0-9]+)*$")
            self.assertIn(d["severity"], ("error", "warning", "info"))
            self.check_range(d)
            # The offsets are those of the file's bytes.
            data = text.encode("utf-8")
            self.assertLessEqual(d["end_offset"], len(data))
            line_start = len(b"\n".join(data.split(b"\n")[:d["line"] - 1])) + (d["line"] > 1)
            prefix = data[line_start:d["offset"]].decode("utf-8")
            self.assertEqual(d["column"], len(prefix.encode("utf-16-le")) // 2 + 1, d)
            if "fix" in d:
                self.assertIsInstance(d["fix"]["title"], str)
                self.assertIn(d["fix"]["applicability"], ("safe", "unsafe"))
                for e in d["fix"]["edits"]:
                    self.check_range(e)
                    self.assertIsInstance(e["replacement"], str)
        summary = doc["summary"]
        for key in ("files", "errors", "warnings", "infos"):
            self.assertIsInstance(summary[key], int)
        self.assertEqual(summary["files"], 2)
        self.assertEqual(summary["errors"],
                         sum(d["severity"] == "error" for d in diagnostics))
        self.assertEqual(summary["warnings"],
                         sum(d["severity"] == "warning" for d in diagnostics))

    def test_columns_count_utf16_units_offsets_bytes(self):
        # 'é' is 2 bytes and 1 unit, '🔒' 4 bytes and 2 units.
        text = CLEAN.replace("    - 公開設定", "    - 🔒é 公開設定").replace(
            "原因の大半を占める\n", "原因の大半を占める \n")
        f = write(self.path("a.md"), text)
        d = run("--format", "json", f).json()["files"][0]["diagnostics"]
        self.assertEqual([x["rule"] for x in d], ["DL208"])
        line = "    - 🔒é 公開設定のままのストレージが原因の大半を占める"
        self.assertEqual(d[0]["line"], 11)
        self.assertEqual(d[0]["column"], len(line.encode("utf-16-le")) // 2 + 1)
        start = text.encode("utf-8").index(line.encode("utf-8"))
        self.assertEqual(d[0]["offset"], start + len(line.encode("utf-8")))
        self.assertEqual(d[0]["end_offset"], d[0]["offset"] + 1)


class Fix(TempDirTest):
    def test_fix_writes_what_the_fixtures_expect(self):
        """--fix on a copy of each foundation fixture gives its reviewed
        .fixed.md (the fixture runner checks the library's fix; this checks
        what the command line writes)."""
        checked = 0
        for family in ("skeleton", "sections", "lists", "parser"):
            root = os.path.join(SOURCE, "fixtures", family)
            for name in sorted(os.listdir(root)):
                if not name.endswith(".fixed.md"):
                    continue
                fixture = os.path.join(root, name[:-len(".fixed.md")] + ".md")
                text = read(fixture)
                block = text[text.rfind(b"<!-- digestlint-fixture"):]
                block = block.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
                if re.search(rb"^rules:", block, re.M):
                    continue  # rule options need a config file
                args = ["--fix"]
                if re.search(rb"^unsafe-fixes: *true", block, re.M):
                    args.append("--unsafe-fixes")
                m = re.search(rb"^schema: *(\S+)", block, re.M)
                if m:
                    schema = m.group(1).decode()
                    args += ["--schema", os.path.normpath(os.path.join(root, schema))
                             if schema.endswith(".toml") else schema]
                copy = write(self.path(os.path.basename(fixture)), text)
                r = run(*args, copy)
                with self.subTest(fixture=os.path.relpath(fixture, SOURCE)):
                    self.assertIn(r.code, (0, 1), r)
                    self.assertEqual(read(copy), read(os.path.join(root, name)))
                checked += 1
        self.assertGreaterEqual(checked, 10)

    def test_fix_reports_what_is_left_and_keeps_the_mode(self):
        f = write(self.path("a.md"), DEFECT, mode=0o640)
        inode = os.stat(f).st_ino
        r = run("--fix", f)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "")
        self.assertIn("1 finding fixed", r.err)
        self.assertEqual(read(f).decode(), DEFECT_FIXED)
        self.assertEqual(stat.S_IMODE(os.stat(f).st_mode), 0o640)
        # Replaced by a rename, not rewritten in place.
        self.assertNotEqual(os.stat(f).st_ino, inode)
        self.assertEqual(os.listdir(self.dir), ["a.md"])  # no temporary file left
        # Nothing to fix: the file is not rewritten.
        inode = os.stat(f).st_ino
        self.assertEqual(run("--fix", f).code, 0)
        self.assertEqual(os.stat(f).st_ino, inode)

    def test_fix_leaves_unfixable_findings_and_exits_1(self):
        text = DEFECT.replace("### Tools\nN/A\n\n", "")  # missing section: unsafe fix only
        f = write(self.path("a.md"), text)
        r = run("--fix", f)
        self.assertEqual(r.code, 1, r)
        self.assertEqual([x[3] for x in findings(r.out)], ["DL102"])
        self.assertNotIn(b"-[", read(f))
        r = run("--fix", "--unsafe-fixes", f)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(read(f).decode(), DEFECT_FIXED)

    def test_fix_follows_a_symlink_and_keeps_it(self):
        os.makedirs(self.path("real"))
        target = write(self.path("real", "digest.md"), DEFECT, mode=0o600)
        link = self.path("link.md")
        os.symlink(os.path.join("real", "digest.md"), link)
        r = run("--fix", link)
        self.assertEqual(r.code, 0, r)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), os.path.join("real", "digest.md"))
        self.assertEqual(read(target).decode(), DEFECT_FIXED)
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)
        self.assertEqual(sorted(os.listdir(self.path("real"))), ["digest.md"])

    def test_fix_in_a_read_only_directory_leaves_the_file_unchanged(self):
        os.makedirs(self.path("ro"))
        f = write(self.path("ro", "a.md"), DEFECT, mode=0o644)
        prefix = ()
        if os.geteuid() == 0:
            # root writes into read-only directories: run as nobody.
            if shutil.which("setpriv") is None:
                self.skipTest("running as root without setpriv to drop privileges")
            prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
        os.chmod(self.path("ro"), 0o555)
        r = run("--fix", f, prefix=prefix)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(read(f).decode(), DEFECT)
        self.assertEqual(os.listdir(self.path("ro")), ["a.md"])
        # The message says what failed and that nothing was written, and
        # the findings are still reported.
        self.assertIn(f + ": error: ", r.out)
        self.assertIn("temporary file", r.out)
        self.assertIn("nothing was written", r.out)
        self.assertIn((f, 10, 1, "DL201"), findings(r.out))

    def test_fix_on_stdin_prints_the_fixed_text(self):
        r = run("--fix", "-", "--stdin-filename", "today.md", stdin=DEFECT)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, DEFECT_FIXED)
        self.assertIn("1 finding fixed", r.err)
        # What cannot be fixed goes to stderr, the text to stdout.
        text = DEFECT.replace("### Tools\nN/A\n\n", "")
        r = run("--fix", "-", "--stdin-filename", "today.md", stdin=text)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, DEFECT_FIXED.replace("### Tools\nN/A\n\n", ""))
        self.assertEqual([x[3] for x in findings(r.err)], ["DL102"])


class Selection(TempDirTest):
    TEXT = DEFECT.replace("### Tools\n", "### Tools \n").replace("N/A\n\n### security", "なし\n\n### security")

    def codes(self, *args):
        f = write(self.path("a.md"), self.TEXT)
        r = run(f, *args)
        self.assertIn(r.code, (0, 1), r)
        return sorted(x[3] for x in findings(r.out))

    def test_all_rules_by_default(self):
        self.assertEqual(self.codes(), ["DL111", "DL201", "DL208"])

    def test_select_by_code_name_and_prefix(self):
        self.assertEqual(self.codes("--select", "DL201"), ["DL201"])
        self.assertEqual(self.codes("--select", "trailing-whitespace"), ["DL208"])
        self.assertEqual(self.codes("--select", "DL2"), ["DL201", "DL208"])
        self.assertEqual(self.codes("--select", "DL111,DL208"), ["DL111", "DL208"])

    def test_ignore_by_code_name_and_prefix(self):
        self.assertEqual(self.codes("--ignore", "DL201"), ["DL111", "DL208"])
        self.assertEqual(self.codes("--ignore", "DL2"), ["DL111"])
        self.assertEqual(self.codes("--select", "DL2", "--ignore", "trailing-whitespace"),
                         ["DL201"])

    def test_an_unknown_rule_is_a_usage_error(self):
        f = write(self.path("a.md"), self.TEXT)
        r = run(f, "--select", "DL999")
        self.assertEqual(r.code, 2, r)
        self.assertIn("unknown rule or prefix 'DL999'", r.err)

    def test_select_before_the_paths(self):
        # "--select CODE file.md": the option takes one value (or a comma
        # list); the path after it is a path.
        f = write(self.path("a.md"), self.TEXT)
        for args in (["--select", "DL201", f], ["--select=DL201", f], ["--ignore", "DL1", f]):
            r = run(*args)
            self.assertEqual(r.code, 1, (args, r))
            self.assertIn("DL201", [x[3] for x in findings(r.out)], (args, r))


class RuleDocumentation(unittest.TestCase):
    def test_list_rules(self):
        r = run("--list-rules")
        self.assertEqual(r.code, 0, r)
        rows = {}
        for line in r.out.splitlines():
            m = re.match(r"^(DL\d{3}) +([a-z0-9-]+) +(error|warning|info|off) +(\S.*)$", line)
            self.assertIsNotNone(m, line)
            rows[m.group(1)] = (m.group(2), m.group(3), m.group(4))
        for code in FOUNDATION_CODES:
            self.assertIn(code, rows)
        self.assertEqual(rows["DL201"][:2], ("missing-space-after-marker", "error"))
        self.assertTrue(rows["DL201"][2].endswith("(fix)"))
        self.assertEqual(rows["DL114"][1], "info")
        self.assertEqual(list(rows), sorted(rows))  # code order
        # The severities in effect: --ignore turns rules off.
        r = run("--list-rules", "--ignore", "DL2")
        self.assertIn("off", r.out.splitlines()[[l[:5] for l in r.out.splitlines()].index("DL201")])

    def test_explain(self):
        for arg in ("DL201", "missing-space-after-marker"):
            r = run("--explain", arg)
            self.assertEqual(r.code, 0, r)
            self.assertTrue(r.out.startswith("# DL201 missing-space-after-marker\n"), r.out[:80])
            for heading in ("## What it does", "## Why is this bad?", "## Example",
                            "## Use instead", "## Fix"):
                self.assertIn(heading, r.out)
            self.assertIn("Default severity: error.", r.out)
        r = run("--explain", "trailing-whitespace")
        self.assertIn("## Options", r.out)
        self.assertIn("`allow-hard-break` (default `true`)", r.out)
        r = run("--explain", "no-such-rule")
        self.assertEqual(r.code, 2, r)
        self.assertIn("unknown rule 'no-such-rule'", r.err)

    def test_every_rule_explains_itself(self):
        for code in FOUNDATION_CODES:
            r = run("--explain", code)
            self.assertEqual(r.code, 0, (code, r))
            self.assertIn("## What it does", r.out)


class Schemas(TempDirTest):
    def test_a_bad_schema_file_names_file_line_and_column(self):
        schema = write(self.path("schema.toml"),
                       'name = "mine"\n\n[[sections]]\nheading = "Tools"\nlevle = 3\n')
        f = write(self.path("a.md"), CLEAN)
        r = run("--schema", schema, f)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        self.assertTrue(r.err.startswith(schema + ":5:1: error: unknown key 'levle' in [[sections]]"),
                        r.err)
        r = run("--schema", self.path("none.toml"), f)
        self.assertEqual(r.code, 2, r)
        self.assertIn("none.toml: error: cannot read schema", r.err)

    def test_print_schema_round_trips(self):
        r = run("--print-schema")
        self.assertEqual(r.code, 0, r)
        self.assertIn('name = "daily-security-info"', r.out)
        schema = write(self.path("mine.toml"), r.out)
        self.assertEqual(run("--schema", schema, "--print-schema").out, r.out)
        f = write(self.path("a.md"), DEFECT.replace("### Tools\nN/A", "### Tools\nなし"))
        builtin = run(f)
        mine = run("--schema", schema, f)
        self.assertEqual(mine.code, builtin.code)
        self.assertEqual(mine.out, builtin.out)
        self.assertEqual(len(findings(mine.out)), 2)


class TheFormatFiles(TempDirTest):
    """The issue's acceptance checks on ../shared/format (when present)."""

    def setUp(self):
        super().setUp()
        self.format = shared_format()
        if self.format is None:
            self.skipTest("no ../shared/format next to the source tree")

    def template_with_news(self, news):
        with open(os.path.join(self.format, "template.md"), encoding="utf-8") as f:
            text = f.read()
        empty = "### 日々のニュース要約\n\n\n"
        self.assertEqual(text.count(empty), 1)
        return text.replace(empty, "### 日々のニュース要約\n" + news + "\n")

    def test_seed_digest_reports_the_missing_space_at_line_10(self):
        seed = os.path.join(self.format, "seed-digest-2024-05.md")
        r = run("--format", "json", seed)
        self.assertEqual(r.code, 1, r)
        diagnostics = r.json()["files"][0]["diagnostics"]
        at_10 = [d for d in diagnostics if d["rule"] == "DL201"]
        self.assertEqual([(d["line"], d["column"]) for d in at_10], [(10, 1)])
        # One defect, one diagnostic: nothing else on the entry (lines 10-19).
        self.assertEqual([d["rule"] for d in diagnostics if 10 <= d["line"] <= 19], ["DL201"])
        # The foundation's rules find that and nothing else.
        r = run(seed, "--select", "DL1,DL2,DL9")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(findings(r.out), [(seed, 10, 1, "DL201")])

    def test_template_reports_its_empty_news_section(self):
        template = os.path.join(self.format, "template.md")
        r = run(template)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(findings(r.out), [(template, 19, 1, "DL110")])

    def test_template_with_na_in_the_news_section_is_clean(self):
        f = write(self.path("template-na.md"), self.template_with_news("N/A\n"))
        r = run(f)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "")

    def test_template_with_one_valid_article_is_clean(self):
        f = write(self.path("template-article.md"), self.template_with_news("\n" + ARTICLE))
        r = run(f)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "")

    def test_template_fix_fills_the_news_section_with_na(self):
        with open(os.path.join(self.format, "template.md"), "rb") as src:
            f = write(self.path("template.md"), src.read())
        r = run("--fix", f)
        self.assertEqual(r.code, 0, r)
        self.assertIn("### 日々のニュース要約\nN/A\n", read(f).decode())


class Examples(unittest.TestCase):
    """The bundled examples scripts/setup.sh shows: one clean with every rule,
    one with eight typical defects, each reported once."""

    def test_the_clean_example_is_clean(self):
        r = run("examples/daily-security-info.md", cwd=SOURCE)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "")

    def test_the_defects_example_reports_each_defect_once(self):
        r = run("examples/with-defects.md", cwd=SOURCE)
        self.assertEqual(r.code, 1, r)
        self.assertEqual([(f[1], f[3]) for f in findings(r.out)], [
            (9, "DL204"), (10, "DL204"),  # 2-space nesting, two lines
            (13, "DL201"),                # '-[title](url)'
            (19, "DL111"),                # なし for N/A
            (22, "DL202"),                # '*' marker
            (32, "DL208"),                # trailing space
            (38, "DL203"),                # two spaces after '-'
            (54, "DL206"),                # blank line between labels
            (65, "DL102"),                # 日本のインシデント事例 missing
        ])


class ModernCorpus(unittest.TestCase):
    """No foundation rule fires on a convention of the format in the modern
    corpus (2024-03-26 on): the H1 -> H3 jump, exact 'N/A', 4-space
    nesting, two-space hard breaks after text."""

    def test_conventions_are_not_findings(self):
        corpus = os.path.normpath(os.path.join(SOURCE, "..", "shared", "corpus"))
        if not os.path.isdir(corpus):
            self.skipTest("no ../shared/corpus next to the source tree")
        files = []
        for root, _, names in os.walk(corpus):
            files += [os.path.join(root, n) for n in names
                      if n.endswith(".md") and n[:8].isdigit() and n[:8] >= "20240326"]
        files.sort()
        self.assertGreater(len(files), 100)
        r = run("--format", "json", *files, "--select", "DL1,DL2,DL9")
        self.assertIn(r.code, (0, 1), r.err)
        conventions = ["# Daily Security Info"] + ["### " + s for s in SECTIONS]
        wrong = []
        for entry in r.json()["files"]:
            self.assertNotIn("error", entry)
            with open(entry["path"], encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            for d in entry["diagnostics"]:
                text = lines[d["line"] - 1]
                rule = d["rule"]
                if rule in ("DL101", "DL104", "DL105", "DL106") and text in conventions:
                    wrong.append((entry["path"], d["line"], rule, text))
                if rule in ("DL110", "DL111") and text == "N/A":
                    wrong.append((entry["path"], d["line"], rule, text))
                if rule in ("DL204", "DL205") and self.nested_by_four(lines, d["line"] - 1):
                    wrong.append((entry["path"], d["line"], rule, text))
                # Two spaces after text are a hard break, except on a heading
                # or an article label, which has nothing after it.
                if (rule == "DL208" and re.search(r"\S  $", text)
                        and not text.lstrip().startswith("#")
                        and text.strip() not in LABEL_LINES):
                    wrong.append((entry["path"], d["line"], rule, text))
        self.assertEqual(wrong, [])

    @staticmethod
    def nested_by_four(lines, i):
        """Line i is a bullet 4 spaces below the nearest item above it, which
        is itself at a multiple of 4 spaces."""
        indent = len(lines[i]) - len(lines[i].lstrip(" "))
        if indent % 4 or lines[i][indent:indent + 1] == "\t":
            return False
        for p in range(i - 1, -1, -1):
            above = lines[p]
            if not above.strip():
                return False
            m = re.match(r"^( *)([-*+]|\d+[.)])(\s|$)", above)
            if m and len(m.group(1)) < indent:
                return len(m.group(1)) % 4 == 0 and indent == len(m.group(1)) + 4
        return False


class Golden(unittest.TestCase):
    """Text and JSON output of a few fixtures, pinned byte for byte (the tool
    version excepted). DIGESTLINT_UPDATE_GOLDEN=1 rewrites them."""

    CASES = {
        "missing-space-after-marker": "fixtures/lists/missing-space-after-marker.md",
        "multibyte-columns": "fixtures/parser/multibyte-columns.md",
        "crlf": "fixtures/parser/crlf.md",
    }

    def check(self, golden, actual):
        path = os.path.join(SOURCE, "tests", "golden", golden)
        if os.environ.get("DIGESTLINT_UPDATE_GOLDEN"):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write(path, actual)
            return
        self.assertTrue(os.path.exists(path), "missing %s (DIGESTLINT_UPDATE_GOLDEN=1)" % path)
        self.assertEqual(actual, read(path).decode("utf-8"),
                         "output differs from tests/golden/%s" % golden)

    def test_text_output(self):
        for name, fixture in self.CASES.items():
            with self.subTest(name):
                r = run(fixture, cwd=SOURCE)
                self.assertEqual(r.code, 1, r)
                self.check(name + ".txt", r.out)

    def test_json_output(self):
        for name, fixture in self.CASES.items():
            with self.subTest(name):
                r = run("--format", "json", fixture, cwd=SOURCE)
                self.assertEqual(r.code, 1, r)
                version = r.json()["tool"]["version"]
                self.check(name + ".json",
                           r.out.replace('"version": "%s"' % version, '"version": "VERSION"', 1))


def main():
    global BINARY, SOURCE
    if len(sys.argv) < 3:
        sys.exit("usage: test_cli.py DIGESTLINT_BINARY SOURCE_DIR [unittest arguments]")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)


if __name__ == "__main__":
    main()
