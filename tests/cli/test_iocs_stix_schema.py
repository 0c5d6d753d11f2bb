#!/usr/bin/python3
"""`digestlint iocs --format stix` validates against the STIX 2.1 JSON
schemas (issue 11), offline: every schema file of
../shared/schemas/stix-2.1/ goes into a store keyed by its $id, and
Draft202012Validator resolves $refs from it; nothing is fetched.

    /usr/bin/python3 tests/cli/test_iocs_stix_schema.py BUILD/digestlint SOURCE_DIR

Without the schemas (or python3-jsonschema) the test says SKIPPED and
exits 77, which CTest reports as skipped.
"""

import copy
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

STORE = {}
VALIDATORS = {}  # schema title ("bundle", "indicator", "report") -> validator


def stix(*args, cwd=None):
    r = it.run("iocs", "--no-config", "--format", "stix", *args,
               cwd=cwd or it.source("tests", "golden", "iocs"))
    return r, json.loads(r.out)


class StixSchema(it.TempDirTest):
    def errors(self, kind, doc):
        return ["%s: %s" % ("/".join(map(str, e.path)), e.message)
                for e in VALIDATORS[kind].iter_errors(doc)]

    def check_bundle(self, doc):
        self.assertEqual([], self.errors("bundle", doc))
        # The bundle's anyOf would also take a broken object as a custom
        # one: each object is validated against its own schema too.
        kinds = set()
        for o in doc["objects"]:
            kinds.add(o["type"])
            self.assertEqual([], self.errors(o["type"], o), o["id"])
        self.assertEqual(kinds, {"indicator", "report"})

    def test_golden_input(self):
        r, doc = stix("inputs")
        self.assertEqual(r.code, 0, r.err)
        self.check_bundle(doc)

    def test_dedupe_over_two_digests(self):
        text = it.read(it.source("tests", "golden", "iocs", "inputs", "20240515.md"))
        it.write(os.path.join(self.dir, "20240515.md"), text)
        it.write(os.path.join(self.dir, "20240601.md"), text)
        _, doc = stix("--dedupe", ".", cwd=self.dir)
        self.check_bundle(doc)

    def test_the_validator_rejects_a_broken_indicator(self):
        # Not vacuous: a missing valid_from and a malformed id are caught.
        _, doc = stix("inputs")
        indicator = copy.deepcopy(next(o for o in doc["objects"] if o["type"] == "indicator"))
        del indicator["valid_from"]
        self.assertNotEqual([], self.errors("indicator", indicator))
        report = copy.deepcopy(next(o for o in doc["objects"] if o["type"] == "report"))
        report["object_refs"] = ["not-an-id"]
        self.assertNotEqual([], self.errors("report", report))


def main():
    it.setup()
    # ../shared next to the checkout; DIGESTLINT_SHARED_DIR names it elsewhere
    # (a worktree one level deeper).
    shared = os.environ.get("DIGESTLINT_SHARED_DIR") or os.path.join(
        os.path.dirname(it.SOURCE), "shared")
    root = os.path.join(shared, "schemas", "stix-2.1", "schemas")
    if not os.path.isdir(root):
        print("SKIPPED: the STIX 2.1 schemas are not at %s (../shared is absent)" % root)
        sys.exit(it.SKIP)
    try:
        from jsonschema import Draft202012Validator, RefResolver
    except ImportError:
        print("SKIPPED: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        sys.exit(it.SKIP)
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    schema = json.load(f)
                STORE[schema["$id"]] = schema
    for schema in STORE.values():
        if schema.get("title") in ("bundle", "indicator", "report"):
            Draft202012Validator.check_schema(schema)
            VALIDATORS[schema["title"]] = Draft202012Validator(
                schema, resolver=RefResolver.from_schema(schema, store=STORE),
                format_checker=Draft202012Validator.FORMAT_CHECKER)
    if len(VALIDATORS) != 3:
        print("FAILED: bundle, indicator and report schemas not all found under %s" % root)
        sys.exit(1)
    print("validating against %d schemas from %s" % (len(STORE), root))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
