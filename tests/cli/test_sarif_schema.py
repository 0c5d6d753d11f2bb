#!/usr/bin/python3
"""--format sarif validates against the official SARIF 2.1.0 JSON schema and
has what GitHub code scanning reads (issue 5).

    /usr/bin/python3 tests/cli/test_sarif_schema.py BUILD/digestlint SOURCE_DIR

The schema is ../shared/schemas/sarif-schema-2.1.0.json next to the
source tree; without it (or without Debian's python3-jsonschema) the test
says SKIPPED and exits 77, which CTest reports as skipped.
"""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

SCHEMA = None
VALIDATOR = None


def sarif(*args, cwd=None, stdin=None):
    r = it.run("--format", "sarif", *args, cwd=cwd, stdin=stdin)
    return r, json.loads(r.out)


class Sarif(it.TempDirTest):
    def validate(self, doc):
        errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
        self.assertEqual([], ["%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errors])

    def check_code_scanning(self, doc):
        """What GitHub code scanning needs beyond the schema."""
        self.assertEqual(doc["version"], "2.1.0")
        self.assertIn("$schema", doc)
        run = doc["runs"][0]
        self.assertEqual(run["columnKind"], "utf16CodeUnits")
        driver = run["tool"]["driver"]
        self.assertEqual(driver["name"], "digestlint")
        ids = []
        for rule in driver["rules"]:
            ids.append(rule["id"])
            for key in ("shortDescription", "fullDescription", "help"):
                self.assertTrue(rule[key]["text"].strip(), (rule["id"], key))
            self.assertIn("## What it does", rule["help"]["markdown"])
        self.assertEqual(len(ids), len(set(ids)))
        for result in run["results"]:
            self.assertIn(result["level"], ("note", "warning", "error"))
            self.assertEqual(driver["rules"][result["ruleIndex"]]["id"], result["ruleId"])
            self.assertTrue(result["message"]["text"])
            location = result["locations"][0]["physicalLocation"]
            uri = location["artifactLocation"]["uri"]
            # Relative to the working directory (the repository root in CI).
            self.assertFalse(uri.startswith("/") or ":" in uri, uri)
            region = location["region"]
            for key in ("startLine", "startColumn", "endLine", "endColumn"):
                self.assertGreaterEqual(region[key], 1)
            self.assertLessEqual((region["startLine"], region["startColumn"]),
                                 (region["endLine"], region["endColumn"]))

    def test_golden_inputs(self):
        r, doc = sarif("--no-config", "--select", it.GOLDEN_RULES, "inputs", "inputs/missing.md",
                       cwd=it.source("tests", "golden", "formats"))
        self.assertEqual(r.code, 2)
        self.validate(doc)
        self.check_code_scanning(doc)
        results = doc["runs"][0]["results"]
        # The validation covered fixes and related locations (notes) too.
        self.assertTrue(any("fixes" in x for x in results))
        self.assertTrue(any("relatedLocations" in x for x in results))

    def test_the_validator_rejects_what_code_scanning_would(self):
        # Not a vacuous check: a wrong level and a zero line are caught.
        _, doc = sarif("--no-config", "--select", it.GOLDEN_RULES, "inputs",
                       cwd=it.source("tests", "golden", "formats"))
        result = doc["runs"][0]["results"][0]
        result["level"] = "info"
        result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
        messages = [e.message for e in VALIDATOR.iter_errors(doc)]
        self.assertTrue(any("'info' is not one of" in m for m in messages), messages)
        self.assertTrue(any("0 is less than the minimum of 1" in m for m in messages), messages)

    def test_every_rule_and_every_bundled_example(self):
        # Every rule that runs by default: each one's help goes through the schema.
        examples = it.source("examples")
        r, doc = sarif("--no-config", examples if os.path.isdir(examples) else ".",
                       cwd=it.SOURCE)
        self.assertIn(r.code, (0, 1), r.err)
        self.validate(doc)
        self.check_code_scanning(doc)
        listed = json.loads(it.run("--no-config", "--list-rules", "--format", "json").out)
        self.assertEqual([x["id"] for x in doc["runs"][0]["tool"]["driver"]["rules"]],
                         [x["code"] for x in listed if x["severity"] != "off"])

    def test_clean_run_and_standard_input(self):
        clean = it.read(it.source("tests", "golden", "formats", "inputs", "clean.md"))
        r, doc = sarif("--no-config", "-", "--stdin-filename", "reports/today.md", stdin=clean)
        self.assertEqual(r.code, 0, r.err)
        self.validate(doc)
        self.check_code_scanning(doc)
        self.assertEqual(doc["runs"][0]["results"], [])
        self.assertTrue(doc["runs"][0]["invocations"][0]["executionSuccessful"])

    def test_config_error_notification_has_a_region(self):
        it.write(self.path(".digestlint.toml"), "[rules]\nDL201 = \"loud\"\n")
        it.write(self.path("a.md"), "# Daily Security Info\n")
        r, doc = sarif("a.md", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.validate(doc)
        note = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
        location = note["locations"][0]["physicalLocation"]
        self.assertEqual(location["artifactLocation"]["uri"], ".digestlint.toml")
        self.assertEqual(location["region"], {"startLine": 2, "startColumn": 9})

    def test_absolute_paths_below_the_working_directory_become_relative(self):
        it.write(self.path("sub", "a.md"), "# Daily Security Info\n")
        r, doc = sarif("--no-config", self.path("sub", "a.md"), cwd=self.dir)
        self.validate(doc)
        uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for x in doc["runs"][0]["results"]}
        self.assertEqual(uris, {"sub/a.md"})


def main():
    global SCHEMA, VALIDATOR
    it.setup()
    path = os.path.join(os.path.dirname(it.SOURCE), "shared", "schemas", "sarif-schema-2.1.0.json")
    if not os.path.exists(path):
        print("SKIPPED: the SARIF 2.1.0 schema is not at %s (../shared is absent)" % path)
        sys.exit(it.SKIP)
    try:
        import jsonschema
    except ImportError:
        print("SKIPPED: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        sys.exit(it.SKIP)
    with open(path, encoding="utf-8") as f:
        SCHEMA = json.load(f)
    if "properties" not in SCHEMA and "Root" in SCHEMA.get("definitions", {}):
        # This copy keeps the log's own schema under definitions/Root, and
        # its top level constrains nothing: validating against it as is
        # would accept any document. Validate against Root (the check
        # below proves a broken document is rejected).
        print("note: %s has its root schema under definitions/Root; validating against it" % path)
        SCHEMA = dict(SCHEMA)
        SCHEMA["$ref"] = "#/definitions/Root"
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    VALIDATOR = cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)
    print("validating against %s with jsonschema %s (%s)" % (
        path, getattr(jsonschema, "__version__", "?"), cls.__name__))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
