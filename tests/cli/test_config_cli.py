#!/usr/bin/python3
"""Configuration files and the command-line conventions of issue 5.

    /usr/bin/python3 tests/cli/test_config_cli.py BUILD/digestlint SOURCE_DIR

.digestlint.toml discovery (nearest wins, --config, --no-config), errors
with file:line:col and exit 2 while other files are still linted,
include/exclude, a schema named by a config, --init, --fail-on, --quiet,
--statistics, --color, --jobs (same output, safe parallel --fix),
--version and --help.
"""

import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

CLEAN = it.read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden",
                             "formats", "inputs", "clean.md")).decode()
# One finding each: an error (DL201, line 10), a warning (DL208, line 11)
# and an info (DL114, line 4).
DEFECT = CLEAN.replace("- [多要素認証", "-[多要素認証")
WARNING_ONLY = CLEAN.replace("セッションを奪う", "セッションを奪う   ")
INFO_ONLY = CLEAN.replace("### Tools\nN/A", "### Tools\n- リンクのない項目")


def findings(out):
    """(path, line, column, severity, code) of each finding line."""
    found = []
    for line in out.splitlines():
        m = re.match(r"^(\S.*?):(\d+):(\d+): (error|warning|info): .* \[(DL\d+) [a-z0-9-]+\](?: \[\*\])?$",
                     line)
        if m:
            found.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)))
    return found


class Discovery(it.TempDirTest):
    def setUp(self):
        super().setUp()
        it.write(self.path(".digestlint.toml"), '[rules]\nDL201 = "warning"\n')
        it.write(self.path("top.md"), DEFECT)
        it.write(self.path("a", "b", "deep.md"), DEFECT)
        it.write(self.path("c", ".digestlint.toml"), '[rules]\nmissing-space-after-marker = "off"\n')
        it.write(self.path("c", "d", "near.md"), DEFECT)

    def test_the_nearest_config_wins(self):
        r = it.run("top.md", "a", "c", cwd=self.dir)
        self.assertEqual(findings(r.out), [("a/b/deep.md", 10, 1, "warning", "DL201"),
                                           ("top.md", 10, 1, "warning", "DL201")])
        self.assertEqual(r.code, 1)

    def test_files_in_a_row_and_named_every_which_way_get_their_nearest_config(self):
        # A walk asks about the files of one directory in a row (answered
        # from the last one's), then others; files named outright with
        # "./" and ".." parts ask again.
        for name in ("deep2.md", "deep3.md"):
            it.write(self.path("a", "b", name), DEFECT)
        for name in ("near2.md", "near3.md"):
            it.write(self.path("c", "d", name), DEFECT)
        r = it.run("a", "c", "c/d/near.md", "./a/b/deep.md", "c/d/../d/near2.md", "a/b/../b/deep3.md",
                   "top.md", cwd=self.dir)
        self.assertEqual(findings(r.out), [("a/b/deep.md", 10, 1, "warning", "DL201"),
                                           ("a/b/deep2.md", 10, 1, "warning", "DL201"),
                                           ("a/b/deep3.md", 10, 1, "warning", "DL201"),
                                           ("top.md", 10, 1, "warning", "DL201")])
        self.assertEqual(r.code, 1)

    def test_config_overrides_and_no_config_ignores(self):
        it.write(self.path("other.toml"), '[rules]\nDL201 = "info"\n')
        r = it.run("--config", "other.toml", "top.md", "c", cwd=self.dir)
        self.assertEqual(findings(r.out), [("c/d/near.md", 10, 1, "info", "DL201"),
                                           ("top.md", 10, 1, "info", "DL201")])
        self.assertEqual(r.code, 0)  # infos do not fail by default
        r = it.run("--no-config", "top.md", "c", cwd=self.dir)
        self.assertEqual([f[3] for f in findings(r.out)], ["error", "error"])
        r = it.run("--no-config", "--config", "other.toml", "top.md", cwd=self.dir)
        self.assertEqual(r.code, 2)

    def test_the_command_line_wins_over_configs(self):
        r = it.run("--ignore", "DL201", "top.md", cwd=self.dir)
        self.assertEqual(findings(r.out), [])

    def test_stdin_uses_the_config_of_its_stdin_filename(self):
        r = it.run("-", "--stdin-filename", "c/d/x.md", stdin=DEFECT.encode(), cwd=self.dir)
        self.assertEqual(findings(r.out), [])
        r = it.run("-", "--stdin-filename", "a/x.md", stdin=DEFECT.encode(), cwd=self.dir)
        self.assertEqual(findings(r.out), [("a/x.md", 10, 1, "warning", "DL201")])

    def test_list_rules_and_print_schema_use_the_working_directorys_config(self):
        rows = json.loads(it.run("--list-rules", "--format", "json", cwd=self.path("c")).out)
        self.assertEqual({r["code"]: r["severity"] for r in rows}["DL201"], "off")


class Errors(it.TempDirTest):
    def test_a_broken_config_is_reported_once_and_other_files_are_linted(self):
        it.write(self.path("bad", ".digestlint.toml"), 'schema = "daily-security-info"\nincludes = ["*.md"]\n')
        it.write(self.path("bad", "one.md"), DEFECT)
        it.write(self.path("bad", "two.md"), DEFECT)
        it.write(self.path("good", "g.md"), DEFECT)
        r = it.run("bad", "good", cwd=self.dir)
        self.assertEqual(r.code, 2)
        lines = r.out.splitlines()
        self.assertIn("bad/.digestlint.toml:2:1: error: unknown key 'includes' in the config "
                      "(expected one of 'schema', 'include', 'exclude', 'schemas', 'max-file-size', 'rules', 'iocs') "
                      "(2 files under it not linted)", lines)
        self.assertEqual(findings(r.out), [("good/g.md", 10, 1, "error", "DL201")])
        self.assertIn("1 file could not be processed", r.err)

    def test_unknown_rule_and_bad_option_have_positions(self):
        cases = {
            '[rules]\nno-such-rule = "off"\n':
                ".digestlint.toml:2:1: error: unknown rule 'no-such-rule'",
            '[rules]\nDL208 = { severity = "warning", hard-break = true }\n':
                ".digestlint.toml:2:33: error: rule DL208 (trailing-whitespace) has no option "
                "'hard-break'",
            'exclude = ["[oops"]\n':
                ".digestlint.toml:1:12: error: bad glob \"[oops\" in 'exclude'",
        }
        it.write(self.path("a.md"), CLEAN)
        for text, message in cases.items():
            with self.subTest(text=text):
                it.write(self.path(".digestlint.toml"), text)
                r = it.run("a.md", cwd=self.dir)
                self.assertEqual(r.code, 2)
                self.assertTrue(r.out.startswith(message), r.out)

    def test_an_explicit_broken_config_stops_everything(self):
        it.write(self.path("c.toml"), "schema = 3\n")
        it.write(self.path("a.md"), DEFECT)
        r = it.run("--config", "c.toml", "a.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertEqual(r.err, "c.toml:1:10: error: 'schema' must be a string\n")
        self.assertEqual(r.out, "")


class Selection(it.TempDirTest):
    def test_include_and_exclude_select_the_digests(self):
        it.write(self.path(".digestlint.toml"),
                 'include = ["reports/**/*.md"]\nexclude = ["drafts/", "README.md"]\n')
        for name in ("reports/2024/a.md", "reports/drafts/b.md", "reports/README.md",
                     "notes/c.md", "README.md"):
            it.write(self.path(name), DEFECT)
        r = it.run(".", cwd=self.dir)
        self.assertEqual([f[0] for f in findings(r.out)], ["reports/2024/a.md"])
        self.assertIn("in 1 file (4 excluded by configuration)", r.err)
        # Files named on the command line are linted whatever the config
        # says (as ruff does)...
        r = it.run("README.md", "reports/2024/a.md", "notes/c.md", cwd=self.dir)
        self.assertEqual([f[0] for f in findings(r.out)],
                         ["README.md", "notes/c.md", "reports/2024/a.md"])
        # ...unless --force-exclude (as pre-commit's hook passes them).
        r = it.run("--force-exclude", "README.md", "reports/2024/a.md", "notes/c.md",
                   cwd=self.dir)
        self.assertEqual([f[0] for f in findings(r.out)], ["reports/2024/a.md"])
        self.assertIn("in 1 file (2 excluded by configuration)", r.err)
        # Nothing left to lint is not an error.
        r = it.run("--force-exclude", "README.md", cwd=self.dir)
        self.assertEqual((r.code, r.out), (0, ""))

    def test_a_config_can_name_a_schema_file_next_to_it(self):
        schema = it.run("--no-config", "--print-schema").out
        schema = schema.replace('text = "Daily Security Info"', 'text = "Weekly Security Info"')
        schema = re.sub(r'(?m)^name = ".*"$', 'name = "weekly"', schema, count=1)
        it.write(self.path("weekly", "schemas", "weekly.toml"), schema)
        it.write(self.path("weekly", ".digestlint.toml"), 'schema = "schemas/weekly.toml"\n')
        it.write(self.path("weekly", "w.md"), CLEAN.replace("Daily", "Weekly"))
        it.write(self.path("daily.md"), CLEAN)
        r = it.run("weekly", "daily.md", cwd=self.dir)
        self.assertEqual((r.code, findings(r.out)), (0, []), r.out)
        r = it.run("--no-config", "weekly/w.md", cwd=self.dir)
        self.assertIn("DL101", r.out)

    def test_a_broken_schema_named_by_a_config_is_one_error(self):
        it.write(self.path("s.toml"), 'name = "x"\nbogus = 1\n')
        it.write(self.path(".digestlint.toml"), 'schema = "s.toml"\n')
        it.write(self.path("a.md"), CLEAN)
        it.write(self.path("b.md"), CLEAN)
        r = it.run("a.md", "b.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertEqual(len(r.out.splitlines()), 1, r.out)
        self.assertTrue(r.out.startswith("s.toml:2:1: error: unknown key 'bogus'"), r.out)
        self.assertIn("(the schema of .digestlint.toml) (2 files under it not linted)", r.out)


class Init(it.TempDirTest):
    def test_init_writes_a_commented_config_once(self):
        r = it.run("--init", cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        self.assertIn("wrote .digestlint.toml", r.err)
        text = it.read(self.path(".digestlint.toml")).decode()
        self.assertIn("# DL201 = \"error\"  # missing-space-after-marker", text)
        r = it.run("--init", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("already exists", r.err)
        self.assertEqual(it.read(self.path(".digestlint.toml")).decode(), text)
        # It is a valid config, and uncommenting a line takes effect.
        it.write(self.path("a.md"), DEFECT)
        self.assertEqual(findings(it.run("a.md", cwd=self.dir).out)[0][4], "DL201")
        it.write(self.path(".digestlint.toml"),
                 text.replace('# DL201 = "error"', 'DL201 = "off"'))
        r = it.run("a.md", cwd=self.dir)
        self.assertEqual((r.code, findings(r.out)), (0, []), r.out)


class Options(it.TempDirTest):
    def setUp(self):
        super().setUp()
        it.write(self.path("error.md"), DEFECT)
        it.write(self.path("warning.md"), WARNING_ONLY)
        it.write(self.path("info.md"), INFO_ONLY)

    def test_fail_on(self):
        expectations = {
            ("warning", "error.md"): 1, ("warning", "warning.md"): 1, ("warning", "info.md"): 0,
            ("error", "error.md"): 1, ("error", "warning.md"): 0, ("error", "info.md"): 0,
            ("info", "error.md"): 1, ("info", "warning.md"): 1, ("info", "info.md"): 1,
        }
        for (level, name), code in expectations.items():
            with self.subTest(level=level, file=name):
                r = it.run("--no-config", "--fail-on", level, name, cwd=self.dir)
                self.assertEqual(r.code, code, r.out)
        self.assertEqual(it.run("--no-config", "info.md", cwd=self.dir).code, 0)
        self.assertEqual(it.run("--fail-on", "fatal", "info.md", cwd=self.dir).code, 2)

    def test_quiet_prints_findings_only(self):
        r = it.run("--no-config", "--quiet", "error.md", "warning.md", cwd=self.dir)
        self.assertEqual(r.err, "")
        self.assertEqual(len(findings(r.out)), 2)
        self.assertIn("in 2 files", it.run("--no-config", "error.md", "warning.md",
                                           cwd=self.dir).err)

    def test_statistics(self):
        r = it.run("--no-config", "--statistics", "error.md", "warning.md", "info.md",
                   cwd=self.dir)
        self.assertEqual(r.code, 1)
        # A header, each rule's severity and fixable count, a total.
        self.assertEqual(r.out, " count  rule   name                        severity  fixable\n"
                                "     1  DL114  unlinked-item               info      -\n"
                                "     1  DL201  missing-space-after-marker  error     [*] 1\n"
                                "     1  DL208  trailing-whitespace         warning   [*] 1\n"
                                "     3  total in 3 rules; 2 fixable with `--fix`\n")
        r = it.run("--no-config", "--statistics", "--format", "json", "error.md", "error.md",
                   cwd=self.dir)
        self.assertEqual(json.loads(r.out), [{"rule": "DL201", "name": "missing-space-after-marker",
                                              "severity": "error", "count": 1, "fixable": True,
                                              "fixable_count": 1}])
        r = it.run("--statistics", "--format", "sarif", "error.md", cwd=self.dir)
        self.assertEqual(r.code, 2)

    def test_color(self):
        self.assertIn("\x1b[", it.run("--no-config", "--color", "always", "error.md",
                                      cwd=self.dir).out)
        self.assertNotIn("\x1b", it.run("--no-config", "error.md", cwd=self.dir).out)
        self.assertNotIn("\x1b", it.run("--no-config", "--color", "never", "error.md",
                                        cwd=self.dir).out)
        self.assertEqual(it.run("--color", "sometimes", "error.md", cwd=self.dir).code, 2)

    def test_version_and_help(self):
        r = it.run("--version")
        self.assertEqual(r.code, 0)
        self.assertRegex(r.out, r"^digestlint \d+\.\d+\.\d+\n$")
        r = it.run("--help")
        self.assertEqual(r.code, 0)
        for text in ("Examples:", "--fail-on", "--statistics", "--init", "--config",
                     "digestlint-disable-next-line", "sarif, github, rdjsonl, junit, checkstyle"):
            self.assertIn(text, r.out)


class Parallel(it.TempDirTest):
    def test_jobs_do_not_change_the_output_and_parallel_fix_is_safe(self):
        names = ["d%02d.md" % i for i in range(40)]
        for i, name in enumerate(names):
            it.write(self.path(name), DEFECT if i % 2 else WARNING_ONLY)
        outputs = {it.run("--no-config", "--jobs", str(j), ".", cwd=self.dir).out
                   for j in (1, 3, 16)}
        self.assertEqual(len(outputs), 1)
        self.assertEqual(len(findings(outputs.pop())), 40)
        # Two --fix runs at once over the same files, each with 8 threads.
        import subprocess
        procs = [subprocess.Popen([it.BINARY, "--no-config", "--fix", "--jobs", "8", "."],
                                  cwd=self.dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]
        for p in procs:
            p.communicate()
            self.assertIn(p.returncode, (0, 1))
        for name in names:
            self.assertEqual(it.read(self.path(name)).decode(), CLEAN, name)
        self.assertEqual(sorted(os.listdir(self.dir)), names)  # no temporary files left


if __name__ == "__main__":
    it.main()
