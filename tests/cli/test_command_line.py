#!/usr/bin/python3
"""The command line a user expects (issue 9): grouped --help, -V, rule
lists, rule prefixes and "did you mean" wherever rules are named,
--output-file, --exit-zero, --show-source, FORCE_COLOR, --diff, fixable
marks, error lines the problem matchers read, and fixes that leave files
that are not this schema's digests alone.

    /usr/bin/python3 tests/cli/test_command_line.py BUILD/digestlint SOURCE_DIR
"""

import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402
from test_matchers import github_match, run_on_terminal, vscode_match  # noqa: E402

CLEAN = it.read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden",
                             "formats", "inputs", "clean.md")).decode()
# DL201 on line 10 (safe fix), DL208 on line 11 (safe fix).
DEFECT = CLEAN.replace("- [多要素認証", "-[多要素認証").replace(
    "セッションを奪う", "セッションを奪う ")
# An empty section: DL110, whose fix (insert N/A) is unsafe.
UNSAFE_ONLY = CLEAN.replace("### Tools\nN/A\n", "### Tools\n")

FINDING = re.compile(r"^(\S.*?):(\d+):(\d+): (error|warning|info): .* \[(DL\d+) [a-z0-9-]+\]( \[\*\])?$")


def codes(out):
    return [m.group(5) for m in map(FINDING.match, out.splitlines()) if m]


class Base(it.TempDirTest):
    def setUp(self):
        super().setUp()
        it.write(self.path("defect.md"), DEFECT)
        it.write(self.path("clean.md"), CLEAN)

    def run_here(self, *args, **kwargs):
        return it.run("--no-config", *args, cwd=self.dir, **kwargs)


class Help(Base):
    def test_help_is_grouped_and_shows_one_rule_list_per_flag(self):
        r = it.run("--help")
        self.assertEqual(r.code, 0, r)
        positions = [r.out.find(g + ":\n") for g in
                     ("Rule selection", "Fixing", "Output", "Configuration", "Miscellaneous")]
        self.assertNotIn(-1, positions, r.out)
        self.assertEqual(positions, sorted(positions))
        self.assertIn("--select RULE[,RULE...]", r.out)
        self.assertNotIn("TEXT ...", r.out)
        for option in ("--extend-select", "--diff", "--output-file", "--exit-zero",
                       "--show-source", "--no-show-source", "-V,--version"):
            self.assertIn(option, r.out)

    def test_short_version_flag(self):
        r = it.run("-V")
        self.assertEqual(r.code, 0, r)
        self.assertRegex(r.out, r"^digestlint \S+\n$")
        self.assertEqual(it.run("--version").out, r.out)


class RuleLists(Base):
    def test_repeated_and_comma_separated_values_agree(self):
        a = self.run_here("--select", "DL201", "--select", "DL208", "defect.md")
        b = self.run_here("--select", "DL201,DL208", "defect.md")
        self.assertEqual(a.out, b.out)
        self.assertEqual(codes(a.out), ["DL201", "DL208"])

    def test_a_rule_list_never_takes_the_next_argument(self):
        r = self.run_here("--select", "DL2", "DL7", "defect.md")
        self.assertEqual(r.code, 2, r)
        self.assertEqual(codes(r.out), ["DL201", "DL208"])  # the file is still linted, DL2 only
        self.assertIn("DL7: error: no such file or directory (a rule? list several as "
                      "--select DL2,DL7)", r.out)

    def test_prefixes_and_any_case(self):
        self.assertEqual(codes(self.run_here("--select", "dl20", "defect.md").out),
                         ["DL201", "DL208"])
        self.assertEqual(codes(self.run_here("--select", "Trailing-Whitespace",
                                             "defect.md").out), ["DL208"])
        self.assertEqual(codes(self.run_here("--ignore", "DL2", "defect.md").out), [])

    def test_did_you_mean(self):
        r = self.run_here("--select", "trailing-whitespce", "defect.md")
        self.assertEqual(r.code, 2)
        self.assertEqual(r.err, "digestlint: error: unknown rule 'trailing-whitespce'; did you "
                                "mean DL208 (trailing-whitespace)?\n")
        r = self.run_here("--explain", "DL2O1")
        self.assertEqual(r.code, 2)
        self.assertIn("did you mean DL201", r.err)
        self.assertIn("# DL201", self.run_here("--explain", "dl201").out)

    def test_extend_select_adds_to_the_configured_rules(self):
        text = DEFECT.replace("### Tools\nN/A", "### Tools\n- 全角の（括弧）と半角の(括弧)がある")
        it.write(self.path("mixed.md"), text)
        base = codes(self.run_here("mixed.md").out)
        self.assertNotIn("DL510", base)
        extended = codes(self.run_here("--extend-select", "mixed-parenthesis-width",
                                       "mixed.md").out)
        self.assertEqual(sorted(extended), sorted(base + ["DL510"]))
        # A prefix never switches an opt-in rule on.
        self.assertNotIn("DL510", codes(self.run_here("--select", "DL5", "mixed.md").out))
        # A rule the config turns off runs when the command line names it.
        it.write(self.path(".digestlint.toml"), '[rules]\nDL2 = "off"\n')
        self.assertEqual(codes(it.run("defect.md", cwd=self.dir).out), [])
        self.assertEqual(codes(it.run("--extend-select", "DL208", "defect.md",
                                      cwd=self.dir).out), ["DL208"])


class NamesInConfigsAndSuppressions(Base):
    def test_config_prefix_and_specific_override(self):
        it.write(self.path(".digestlint.toml"), '[rules]\nDL2 = "off"\ndl208 = "error"\n')
        r = it.run("defect.md", cwd=self.dir)
        self.assertEqual(codes(r.out), ["DL208"])
        self.assertIn(":11:", r.out.splitlines()[0])
        self.assertIn(": error: ", r.out.splitlines()[0])

    def test_config_misspelling_is_located_and_suggested(self):
        it.write(self.path(".digestlint.toml"), '[rules]\ntrailing-whitespce = "off"\n')
        r = it.run("defect.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        line = r.out.splitlines()[0]
        self.assertTrue(line.startswith(".digestlint.toml:2:1: error: unknown rule "
                                        "'trailing-whitespce'; did you mean DL208"), line)
        self.assertEqual(vscode_match(line)[:4], (".digestlint.toml", "2", "1", "error"))

    def test_suppression_by_prefix(self):
        text = DEFECT.replace("-[多要素認証", "<!-- digestlint-disable-next-line dl2 -->\n-[多要素認証")
        it.write(self.path("suppressed.md"), text)
        self.assertEqual(codes(self.run_here("suppressed.md").out), ["DL208"])


class Output(Base):
    def test_output_file(self):
        r = self.run_here("--output-file", "report.txt", "defect.md")
        self.assertEqual(r.code, 1)
        self.assertEqual(r.out, "")
        self.assertEqual(codes(it.read(self.path("report.txt")).decode()), ["DL201", "DL208"])
        r = self.run_here("--format", "json", "-o", "report.json", "defect.md")
        self.assertIn('"DL201"', it.read(self.path("report.json")).decode())
        r = self.run_here("--output-file", self.path("no", "such", "dir", "r.txt"), "defect.md")
        self.assertEqual(r.code, 2)
        self.assertRegex(r.err, r"^digestlint: error: cannot write .*r\.txt: ")
        self.assertEqual(github_match(r.err.splitlines()[0])[0], "digestlint-tool")

    def test_exit_zero(self):
        self.assertEqual(self.run_here("--exit-zero", "defect.md").code, 0)
        # Errors are not findings: still 2.
        self.assertEqual(self.run_here("--exit-zero", "defect.md", "missing.md").code, 2)

    def test_show_source_independent_of_the_terminal(self):
        piped = self.run_here("--show-source", "defect.md").out
        self.assertIn("   10 | -[", piped)
        self.assertNotIn(" | ", self.run_here("defect.md").out)
        terminal = run_on_terminal(["--no-config", "--color", "never", "--no-show-source",
                                    "defect.md"], self.dir)
        self.assertIn("[DL201 missing-space-after-marker]", terminal)
        self.assertNotIn(" | ", terminal)

    def test_force_color_and_no_color(self):
        self.assertIn("\x1b[", self.run_here("defect.md", env={"FORCE_COLOR": "1"}).out)
        self.assertNotIn("\x1b", self.run_here("defect.md", env={"FORCE_COLOR": ""}).out)
        self.assertNotIn("\x1b", self.run_here("defect.md", env={"FORCE_COLOR": "1",
                                                                 "NO_COLOR": "1"}).out)
        self.assertNotIn("\x1b", self.run_here("--color", "never", "defect.md",
                                               env={"FORCE_COLOR": "1"}).out)

    def test_fixable_marks_and_summary(self):
        r = self.run_here("defect.md")
        self.assertTrue(all(l.endswith(" [*]") for l in r.out.splitlines()), r.out)
        self.assertTrue(r.err.endswith("2 fixable with `--fix`\n"), r.err)
        it.write(self.path("unsafe.md"), UNSAFE_ONLY)
        r = self.run_here("defect.md", "unsafe.md")
        self.assertIn("2 fixable with `--fix` (1 more with `--unsafe-fixes`)\n", r.err)
        self.assertFalse([l for l in r.out.splitlines() if "DL110" in l and l.endswith("[*]")])

    def test_unsafe_fixes_alone_is_not_silent(self):
        it.write(self.path("unsafe.md"), UNSAFE_ONLY)
        r = self.run_here("--unsafe-fixes", "unsafe.md")
        self.assertIn("digestlint: warning: --unsafe-fixes applies nothing without --fix or "
                      "--diff\n", r.err)
        self.assertTrue([l for l in r.out.splitlines() if "DL110" in l and l.endswith("[*]")])
        self.assertEqual(it.read(self.path("unsafe.md")).decode(), UNSAFE_ONLY)


class Diff(Base):
    def test_diff_prints_the_fixes_and_writes_nothing(self):
        r = self.run_here("--diff", "defect.md", "clean.md")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(it.read(self.path("defect.md")).decode(), DEFECT)
        self.assertTrue(r.out.startswith("--- defect.md\n+++ defect.md\n@@ "), r.out)
        self.assertIn("\n--[多要素認証", r.out)
        self.assertIn("\n+- [多要素認証", r.out)
        self.assertNotIn("clean.md", r.out)
        self.assertIn("would fix 2 findings in 1 file", r.err)
        # The diff is what --fix writes.
        if shutil.which("patch"):
            shutil.copy(self.path("defect.md"), self.path("patched.md"))
            p = subprocess.run(["patch", "-s", "-o", self.path("out.md"), self.path("patched.md")],
                               input=r.out.encode(), capture_output=True)
            self.assertEqual(p.returncode, 0, p)
            self.assertEqual(self.run_here("--fix", "defect.md").code, 0)
            self.assertEqual(it.read(self.path("out.md")), it.read(self.path("defect.md")))

    def test_nothing_to_fix_exits_0(self):
        r = self.run_here("--diff", "clean.md")
        self.assertEqual((r.code, r.out), (0, ""))
        it.write(self.path("unsafe.md"), UNSAFE_ONLY)
        self.assertEqual(self.run_here("--diff", "unsafe.md").code, 0)
        r = self.run_here("--diff", "--unsafe-fixes", "unsafe.md")
        self.assertEqual(r.code, 1)
        self.assertIn("+N/A", r.out)

    def test_diff_takes_text_only(self):
        r = self.run_here("--diff", "--format", "json", "defect.md")
        self.assertEqual(r.code, 2)
        self.assertEqual(r.err, "digestlint: error: --diff prints a unified diff, not json\n")


class Errors(Base):
    """Every error reads PATH:LINE:COL: error: or digestlint: error:, and
    both problem matchers catch it."""

    def check_caught(self, line, file=None):
        g = github_match(line)
        self.assertIsNotNone(g, line)
        self.assertEqual(g[4], "error")
        if file is None:
            self.assertEqual(g[0], "digestlint-tool", line)
        else:
            self.assertEqual(g[1], file, line)
        v = vscode_match(line)
        self.assertIsNotNone(v, line)
        self.assertEqual(v[3], "error")

    def test_usage_errors(self):
        for args in (["--bogus"], ["--format", "yaml", "a.md"], ["--select", "DL999", "a.md"],
                     ["--fail-on", "fatal", "a.md"], []):
            r = self.run_here(*args)
            self.assertEqual(r.code, 2, args)
            line = r.err.splitlines()[0]
            self.assertTrue(line.startswith("digestlint: error: "), line)
            self.check_caught(line)

    def test_a_broken_schema_file(self):
        schema = it.write(self.path("schema.toml"), 'name = "x"\n[[sections]]\nheadng = "A"\n')
        r = self.run_here("--schema", "schema.toml", "clean.md")
        self.assertEqual(r.code, 2)
        line = r.err.splitlines()[0]
        self.assertTrue(line.startswith("schema.toml:3:1: error: unknown key 'headng'"), line)
        self.check_caught(line, "schema.toml")
        self.assertEqual(vscode_match(line)[:3], ("schema.toml", "3", "1"))
        self.assertTrue(os.path.exists(schema))

    def test_schema_check_errors(self):
        it.write(self.path("schema.toml"), 'name = "x"\n[[sections]]\nheadng = "A"\n')
        r = it.run("schema", "check", "schema.toml", cwd=self.dir)
        self.assertEqual(r.code, 2)
        line = r.err.splitlines()[0]
        self.assertTrue(line.startswith("schema.toml:3:1: error: "), line)
        self.check_caught(line, "schema.toml")

    def test_an_unknown_schema_name(self):
        r = self.run_here("--schema", "daily-security", "clean.md")
        self.assertEqual(r.code, 2)
        line = r.err.splitlines()[0]
        self.assertTrue(line.startswith("digestlint: error: --schema daily-security: cannot read "
                                        "schema"), line)
        self.check_caught(line)

    def test_a_broken_config_given_with_config(self):
        it.write(self.path("c.toml"), "[rules]\nDL201 = 3\n")
        r = it.run("--config", "c.toml", "clean.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        line = r.err.splitlines()[0]
        self.assertTrue(line.startswith("c.toml:2:9: error: "), line)
        self.check_caught(line, "c.toml")


class FixesLeaveOtherDocumentsAlone(Base):
    def test_a_readme_title_is_never_rewritten(self):
        readme = "# My team repo\n\nNotes for the team.\n"
        it.write(self.path("README.md"), readme)
        r = self.run_here("--fix", "--schema", "daily-security-info", "README.md")
        self.assertIn("DL101", codes(r.out))
        self.assertEqual(it.read(self.path("README.md")).decode(), readme)

    def test_a_legacy_title_is_never_rewritten(self):
        legacy = CLEAN.replace("# Daily Security Info", "# 日々のニュース要約", 1)
        it.write(self.path("legacy.md"), legacy)
        self.run_here("--fix", "--schema", "daily-security-info", "legacy.md")
        self.assertTrue(it.read(self.path("legacy.md")).decode().startswith("# 日々のニュース要約\n"))

    def test_a_near_miss_of_the_title_is_corrected(self):
        it.write(self.path("near.md"), CLEAN.replace("# Daily Security Info", "# Daily security info"))
        self.assertEqual(self.run_here("--fix", "near.md").code, 0)
        self.assertEqual(it.read(self.path("near.md")).decode(), CLEAN)


if __name__ == "__main__":
    it.main()
