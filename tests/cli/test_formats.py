#!/usr/bin/python3
"""Output formats end to end (issue 5): golden files for every --format,
the formats agreeing with each other finding by finding, XML that parses,
and GitHub workflow commands that digest text and file names cannot
subvert.

    /usr/bin/python3 tests/cli/test_formats.py BUILD/digestlint SOURCE_DIR

Golden files: tests/golden/formats/; regenerate with
DIGESTLINT_UPDATE_GOLDEN=1 and review the diff.
"""

import json
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

FORMATS = {
    "text": "expected.txt",
    "json": "expected.json",
    "sarif": "expected.sarif",
    "github": "expected.github",
    "rdjsonl": "expected.rdjsonl",
    "junit": "expected.junit.xml",
    "checkstyle": "expected.checkstyle.xml",
}


def golden_dir():
    return it.source("tests", "golden", "formats")


def run_golden(fmt, *extra):
    # The inputs: a file with findings of every severity and hostile text,
    # a clean one, one whose name needs URI escaping, one that is missing.
    return it.run("--no-config", "--select", it.GOLDEN_RULES, "--format", fmt, *extra, "inputs",
                  "inputs/missing.md", cwd=golden_dir())


def pinned(fmt, out):
    """What the golden file pins. SARIF's rule texts are each rule's own
    documentation, checked against --explain by Agreement.test_sarif_rule_help;
    the golden keeps them out so that editing a rule's prose does not
    churn this file."""
    if fmt != "sarif":
        return out
    doc = json.loads(out)
    for rule in doc["runs"][0]["tool"]["driver"]["rules"]:
        rule["fullDescription"]["text"] = "(the rule's 'What it does')"
        rule["help"] = {"text": "(digestlint --explain %s)" % rule["id"],
                        "markdown": "(digestlint --explain %s)" % rule["id"]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def xml_clean(text):
    """What XML 1.0 can carry of a message (lint/output/escape.h xml_escape)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20 and c not in "\ufffe\uffff")


class Goldens(unittest.TestCase):
    def test_every_format_matches_its_golden_file(self):
        for fmt, name in FORMATS.items():
            with self.subTest(format=fmt):
                r = run_golden(fmt)
                self.assertEqual(r.code, 2, r.err)  # inputs/missing.md
                it.check_golden(self, "formats/" + name, pinned(fmt, r.out))

    def test_statistics_golden(self):
        r = run_golden("text", "--statistics")
        self.assertEqual(r.code, 2, r.err)
        it.check_golden(self, "formats/statistics.txt", r.out)
        # The unreadable file is still reported, on stderr.
        self.assertIn("inputs/missing.md: error: no such file or directory", r.err)

    def test_output_is_deterministic_whatever_the_parallelism(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                self.assertEqual(run_golden(fmt, "--jobs", "1").out,
                                 run_golden(fmt, "--jobs", "8").out)


class Agreement(unittest.TestCase):
    """Every format reports the same findings as the JSON document."""

    @classmethod
    def setUpClass(cls):
        doc = json.loads(run_golden("json").out)
        cls.files = doc["files"]
        cls.findings = [(f["path"], d) for f in doc["files"] for d in f.get("diagnostics", [])]
        cls.errors = [f for f in doc["files"] if "error" in f]
        assert cls.findings and cls.errors

    def test_severities_cover_error_warning_and_info(self):
        self.assertEqual({d["severity"] for _, d in self.findings}, {"error", "warning", "info"})

    def test_text(self):
        lines = run_golden("text").out.splitlines()
        # " [*]": the finding has a safe fix (JSON's fix.applicability).
        expected = ["%s:%d:%d: %s: %s [%s %s]%s" % (p, d["line"], d["column"], d["severity"],
                                                    it.printable(d["message"]), d["rule"],
                                                    d["name"],
                                                    " [*]" if d.get("fix", {}).get("applicability")
                                                    == "safe" else "")
                    for p, d in self.findings]
        self.assertEqual([l for l in lines if " [DL" in l], expected)
        self.assertIn("inputs/missing.md: error: no such file or directory", lines)

    def test_sarif(self):
        run = json.loads(run_golden("sarif").out)["runs"][0]
        results = run["results"]
        self.assertEqual(len(results), len(self.findings))
        rules = run["tool"]["driver"]["rules"]
        for (path, d), r in zip(self.findings, results):
            self.assertEqual(r["ruleId"], d["rule"])
            self.assertEqual(rules[r["ruleIndex"]]["id"], d["rule"])
            self.assertEqual(r["message"]["text"], d["message"])
            self.assertEqual(r["level"], {"error": "error", "warning": "warning",
                                          "info": "note"}[d["severity"]])
            loc = r["locations"][0]["physicalLocation"]
            self.assertEqual(loc["artifactLocation"]["uri"],
                             path.replace(" ", "%20").replace("日報", "%E6%97%A5%E5%A0%B1"))
            self.assertEqual(loc["region"], {"startLine": d["line"], "startColumn": d["column"],
                                             "endLine": d["end_line"],
                                             "endColumn": d["end_column"]})
            # SARIF carries safe fixes only.
            if d.get("fix", {}).get("applicability") == "safe":
                self.assertEqual(len(r["fixes"]), 1)
            else:
                self.assertNotIn("fixes", r)
        notes = run["invocations"][0]["toolExecutionNotifications"]
        self.assertEqual([n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                          for n in notes], ["inputs/missing.md"])
        self.assertFalse(run["invocations"][0]["executionSuccessful"])

    def test_sarif_rule_help_is_the_rules_page(self):
        rules = json.loads(run_golden("sarif").out)["runs"][0]["tool"]["driver"]["rules"]
        self.assertEqual([r["id"] for r in rules], it.GOLDEN_RULES.split(","))
        for rule in rules:
            page = it.run("--explain", rule["id"]).out
            self.assertEqual(rule["help"]["markdown"], page)
            self.assertEqual(rule["help"]["text"], page)
            what = page.split("## What it does\n", 1)[1].split("\n## ", 1)[0]
            self.assertEqual(rule["fullDescription"]["text"],
                             "\n\n".join(" ".join(p.split("\n")) for p in
                                         what.strip().split("\n\n")))
            with open(it.source("docs", "rules", "%s-%s.md" % (rule["id"], rule["name"])),
                      encoding="utf-8") as f:
                self.assertEqual(f.read(), page)

    def test_github(self):
        commands = [it.github_command(l) for l in run_golden("github").out.splitlines()]
        self.assertNotIn(None, commands)
        findings = [c for c in commands if c[1].get("title") != "digestlint"]
        self.assertEqual(len(findings), len(self.findings))
        for (path, d), (name, props, data) in zip(self.findings, findings):
            self.assertEqual(name, {"error": "error", "warning": "warning",
                                    "info": "notice"}[d["severity"]])
            self.assertEqual(props["file"], path)
            self.assertEqual(props["line"], str(d["line"]))
            self.assertEqual(props["endLine"], str(d["end_line"]))
            if d["line"] == d["end_line"]:
                self.assertEqual(props["col"], str(d["column"]))
                self.assertEqual(props["endColumn"], str(d["end_column"]))
            else:
                self.assertNotIn("col", props)
            self.assertEqual(props["title"], "%s %s" % (d["rule"], d["name"]))
            self.assertEqual(data, d["message"])

    def test_rdjsonl_columns_are_bytes(self):
        lines = run_golden("rdjsonl").out.splitlines()
        self.assertEqual(len(lines), len(self.findings))
        for (path, d), line in zip(self.findings, lines):
            item = json.loads(line)
            self.assertEqual(item["message"], d["message"])
            self.assertEqual(item["location"]["path"], path)
            self.assertEqual(item["code"]["value"], d["rule"])
            self.assertEqual(item["severity"], d["severity"].upper())
            # Byte columns from the byte offsets JSON gives.
            data = it.read(os.path.join(golden_dir(), path))
            for key, offset in (("start", d["offset"]), ("end", d["end_offset"])):
                line_start = data.rfind(b"\n", 0, offset) + 1
                self.assertEqual(item["location"]["range"][key],
                                 {"line": data.count(b"\n", 0, line_start) + 1,
                                  "column": offset - line_start + 1})
            if d.get("fix", {}).get("applicability") == "safe":
                self.assertEqual([s["text"] for s in item["suggestions"]],
                                 [e["replacement"] for e in d["fix"]["edits"]])

    def test_checkstyle_parses_and_round_trips(self):
        root = ET.fromstring(run_golden("checkstyle").out.encode())
        self.assertEqual(root.tag, "checkstyle")
        self.assertEqual(root.get("version"), "4.3")
        got = [(f.get("name"), e.get("line"), e.get("column"), e.get("severity"),
                e.get("message"), e.get("source"))
               for f in root.findall("file") for e in f.findall("error")]
        expected = [(p, str(d["line"]), str(d["column"]), d["severity"], xml_clean(d["message"]),
                     d["rule"]) for p, d in self.findings]
        self.assertEqual([g for g in got if g[5] != "digestlint"], expected)
        self.assertIn(("inputs/missing.md", None, None, "error", "no such file or directory",
                       "digestlint"), got)
        self.assertEqual(sorted(f.get("name") for f in root.findall("file")),
                         sorted(f["path"] for f in self.files))

    def test_junit_parses_and_round_trips(self):
        root = ET.fromstring(run_golden("junit").out.encode())
        suite = root.find("testsuite")
        cases = suite.findall("testcase")
        failures = [(c.get("classname"), c.get("name"), c.find("failure").get("type"),
                     c.find("failure").get("message")) for c in cases
                    if c.find("failure") is not None]
        self.assertEqual(failures, [(p, "%s %s" % (d["rule"], d["name"]), d["severity"],
                                     xml_clean(d["message"])) for p, d in self.findings])
        self.assertEqual(suite.get("failures"), str(len(self.findings)))
        self.assertEqual(suite.get("errors"), "1")
        self.assertEqual(suite.get("tests"), str(len(cases)))
        clean = [c.get("classname") for c in cases if len(c) == 0]
        self.assertEqual(clean, ["inputs/clean.md"])


class GithubInjection(it.TempDirTest):
    """Digest text and file names cannot start a workflow command."""

    HOSTILE_HEADING = "### x ::error::pwned %0A, y: z ::warning file=a,line=1::b %25 ##[add-mask]c"

    def test_hostile_text_and_file_names_stay_inside_one_command(self):
        digest = "# Daily Security Info\n\n%s\n\rN/A\r\n::error::injected\n" % self.HOSTILE_HEADING
        names = ["a,b:c%0A.md", "line\n::error::evil.md", "cr\r::warning::x.md"]
        for name in names:
            it.write(self.path(name), digest)
        r = it.run("--no-config", "--format", "github", *names, cwd=self.dir)
        self.assertEqual(r.code, 1, r.err)
        lines = r.out.split("\n")
        self.assertEqual(lines[-1], "")
        json_doc = json.loads(it.run("--no-config", "--format", "json", *names, cwd=self.dir).out)
        expected = [(f["path"], d["message"]) for f in json_doc["files"]
                    for d in f["diagnostics"]]
        # One line per finding, each a command whose file and message are
        # exactly what digestlint meant; no raw CR anywhere.
        self.assertEqual(len(lines) - 1, len(expected))
        self.assertNotIn("\r", r.out)
        parsed = [it.github_command(l) for l in lines[:-1]]
        self.assertNotIn(None, parsed)
        self.assertEqual([(p["file"], data) for _, p, data in parsed], expected)
        self.assertTrue(all(name in ("error", "warning", "notice") for name, _, _ in parsed))
        # The hostile heading is quoted in a message, whole.
        self.assertTrue(any("::error::pwned %0A, y: z ::warning file=a,line=1::b %25" in data
                            for _, _, data in parsed))

    def test_text_output_neutralises_runner_commands(self):
        it.write(self.path("a.md"), "# Daily Security Info\n\n### ##[add-mask]secret\n")
        r = it.run("--no-config", "a.md", cwd=self.dir)
        self.assertNotIn("##[", r.out)
        self.assertIn("##\\x5badd-mask]secret", r.out)


if __name__ == "__main__":
    it.main()
