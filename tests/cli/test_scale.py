#!/usr/bin/python3
"""Scale (issue 13) end to end: output streamed in path order whatever the
number of workers, errors inside the one JSON / SARIF document, and the
--max-file-size cap (and the config's max-file-size).

    /usr/bin/python3 tests/cli/test_scale.py BUILD/digestlint SOURCE_DIR
"""

import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

FORMATS = ["text", "json", "sarif", "github", "rdjsonl", "junit", "checkstyle"]

DIGEST = "# Daily Security Info\n\n### Tools\n-[a](https://example.com/a)\n"


class Scale(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        # Files of very different sizes, so workers finish out of order.
        for i in range(40):
            body = DIGEST + "### Tools\n" * (1 + (i * 37) % 400)
            it.write(os.path.join(self.dir, "d", "f%02d.md" % i), body)

    def tearDown(self):
        self.tmp.cleanup()

    def lint(self, *args):
        return it.run("--no-config", *args, cwd=self.dir)

    def test_every_format_is_the_same_whatever_the_jobs(self):
        for fmt in FORMATS:
            one = self.lint("--jobs", "1", "--format", fmt, "d", "missing.md")
            for jobs in ("2", "5"):
                many = self.lint("--jobs", jobs, "--format", fmt, "d", "missing.md")
                self.assertEqual(one.out, many.out, (fmt, jobs))
                self.assertEqual(one.err, many.err, (fmt, jobs))
                self.assertEqual(one.code, many.code, (fmt, jobs))
            self.assertEqual(one.code, 2, fmt)  # missing.md

    def test_diff_and_statistics_are_the_same_whatever_the_jobs(self):
        # --diff writes each diff as its file is done, --statistics keeps
        # counters only: both still in path order, whatever the workers.
        for args in (["--diff", "--unsafe-fixes"], ["--statistics"],
                     ["--statistics", "--format", "json"]):
            one = self.lint("--jobs", "1", *args, "d", "missing.md")
            for jobs in ("2", "5"):
                many = self.lint("--jobs", jobs, *args, "d", "missing.md")
                self.assertEqual(one.out, many.out, (args, jobs))
                self.assertEqual(one.err, many.err, (args, jobs))
                self.assertEqual(one.code, many.code, (args, jobs))
            self.assertEqual(one.code, 2, args)  # missing.md
        diffs = self.lint("--jobs", "3", "--diff", "--unsafe-fixes", "d").out
        paths = [line[len("--- "):] for line in diffs.splitlines() if line.startswith("--- ")]
        self.assertEqual(len(paths), 40, diffs[:500])
        self.assertEqual(paths, sorted(paths))

    def test_files_come_in_path_order(self):
        doc = json.loads(self.lint("--jobs", "3", "--format", "json", "d").out)
        paths = [f["path"] for f in doc["files"]]
        self.assertEqual(len(paths), 40)
        self.assertEqual(paths, sorted(paths))

    def test_a_file_over_the_cap_is_an_error_and_not_read(self):
        big = it.write(os.path.join(self.dir, "big.md"), DIGEST + "x" * 5000 + "\n")
        r = self.lint("--max-file-size", "4K", "big.md", "d/f00.md")
        self.assertEqual(r.code, 2)
        self.assertIn("big.md: error: the file is", r.out)
        self.assertIn("over the 4 KiB limit", r.out)
        self.assertIn("--max-file-size", r.out)
        # The other file is still linted.
        self.assertIn("d/f00.md:", r.out)
        self.assertTrue(os.path.exists(big))
        # Under the cap: linted as usual.
        r = self.lint("--max-file-size", "1MiB", "big.md")
        self.assertNotIn("error: the file is", r.out)
        r = it.run("--max-file-size", "1K", "-", stdin=(DIGEST * 100).encode())
        self.assertEqual(r.code, 2)
        self.assertIn("standard input is more than 1 KiB", r.out)

    def test_the_config_sets_the_cap_and_the_flag_wins(self):
        it.write(os.path.join(self.dir, "big.md"), DIGEST + "x" * 5000 + "\n")
        it.write(os.path.join(self.dir, ".digestlint.toml"), 'max-file-size = "4K"\n')
        r = it.run("big.md", "d/f00.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("big.md: error: the file is", r.out)
        self.assertIn("over the 4 KiB limit", r.out)
        self.assertIn("max-file-size in .digestlint.toml", r.out)
        self.assertIn("d/f00.md:", r.out)
        r = it.run("--max-file-size", "1MiB", "big.md", cwd=self.dir)
        self.assertNotIn("error: the file is", r.out)
        self.assertNotEqual(r.code, 2)
        # digestlint iocs reads files under the same cap.
        r = it.run("iocs", "big.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("over the 4 KiB limit", r.err)
        r = it.run("iocs", "--max-file-size", "1MiB", "big.md", cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        it.write(os.path.join(self.dir, ".digestlint.toml"), 'max-file-size = "lots"\n')
        r = it.run("big.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn(".digestlint.toml:1:17: error: 'max-file-size' must be a size", r.out)

    def test_a_bad_size_is_a_usage_error(self):
        r = self.lint("--max-file-size", "lots", "d")
        self.assertEqual(r.code, 2)
        self.assertIn("digestlint: error: --max-file-size 'lots' is not a size", r.err)

    def test_errors_are_part_of_the_json_and_sarif_document(self):
        it.write(os.path.join(self.dir, "big.md"), DIGEST + "x" * 5000 + "\n")
        r = self.lint("--max-file-size", "4K", "--format", "json", "big.md", "missing.md", "d")
        self.assertEqual(r.code, 2)
        doc = json.loads(r.out)
        errors = {f["path"]: f["error"] for f in doc["files"] if "error" in f}
        self.assertEqual(set(errors), {"big.md", "missing.md"})
        self.assertIn("--max-file-size", errors["big.md"])
        r = self.lint("--max-file-size", "4K", "--format", "sarif", "big.md", "missing.md", "d")
        run = json.loads(r.out)["runs"][0]
        notes = run["invocations"][0]["toolExecutionNotifications"]
        self.assertFalse(run["invocations"][0]["executionSuccessful"])
        uris = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
        self.assertEqual(uris, ["big.md", "missing.md"])
        self.assertTrue(run["results"])
        for result in run["results"]:
            rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
            self.assertEqual(rule["id"], result["ruleId"])

    def test_a_run_that_fails_before_linting_is_still_one_document(self):
        it.write(os.path.join(self.dir, "bad.toml"), "[rules\n")
        for args, where in ((["--no-config", "--schema", "no-such-schema"], ""),
                            (["--config", "bad.toml"], "bad.toml")):
            r = it.run("--format", "json", *args, "d", cwd=self.dir)
            self.assertEqual(r.code, 2, args)
            doc = json.loads(r.out)
            self.assertEqual([f["path"] for f in doc["files"]], [where])
            self.assertTrue(doc["files"][0]["error"])
            self.assertIn("error:", r.err)  # the line problem matchers read
            r = it.run("--format", "sarif", *args, "d", cwd=self.dir)
            invocation = json.loads(r.out)["runs"][0]["invocations"][0]
            self.assertFalse(invocation["executionSuccessful"])
            self.assertEqual(len(invocation["toolExecutionNotifications"]), 1)


if __name__ == "__main__":
    it.setup()
    unittest.main(verbosity=2)
