#!/usr/bin/python3
"""The schema language's documentation and its deprecated spellings.

    /usr/bin/python3 tests/cli/test_schema_docs.py BUILD/digestlint SOURCE_DIR

Every key of a schema file, as the shipped JSON Schema lists them
(schemas/json/digestlint-schema.schema.json, checked equal to the binary's
by test_schema_tools.py), is documented in docs/SCHEMA.md and named in the
default schema's commented key list (what --print-schema shows); a new key
without either fails here. Rules and their options are documented per rule
(docs/rules/, the rule-docs test) and are left out. Schema files in the
older spelling (a top-level [articles] table, `ioc = true`) still load and
warn once, on stderr, with what to write instead.
"""

import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402


def property_names(node, found, skip=("rules",)):
    """Every key of every `properties` table in a JSON Schema, recursively,
    except those in `skip` (and what is below them). Each key is paired
    with whether the JSON Schema marks it deprecated."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            if key in skip:
                continue
            found[key] = found.get(key, True) and bool(
                isinstance(value, dict) and value.get("deprecated"))
            property_names(value, found, skip)
        for key, value in node.items():
            if key == "properties":
                continue
            if key == "$defs":
                # The rules' settings are per-rule definitions: skipped.
                for name, definition in value.items():
                    if not re.fullmatch(r"DL\d+|severity", name):
                        property_names(definition, found, skip)
            else:
                property_names(value, found, skip)
    elif isinstance(node, list):
        for value in node:
            property_names(value, found, skip)
    return found


def undocumented(keys, doc):
    return sorted(k for k in keys if "`%s`" % k not in doc)


def shipped_schema():
    with open(it.source("schemas", "json", "digestlint-schema.schema.json"), encoding="utf-8") as f:
        return json.load(f)


OLD_SPELLING = """name = "old"
[[sections]]
heading = "ニュース"
content = "articles"
[articles]
level = 3
[[articles.labels]]
name = "IOCの列挙"
ioc = true
none_marker = "IOC情報なし"
[ioc]
[[ioc.familiarity]]
name = "よく知られている"
[[ioc.scopes]]
name = "グローバル"
[[ioc.categories]]
name = "IPアドレス"
scopes = ["グローバル"]
"""

NEW_SPELLING = OLD_SPELLING.replace("[articles]\nlevel = 3\n", "article_level = 3\n") \
    .replace("[[articles.labels]]", "[[sections.labels]]").replace("ioc = true", 'content = "ioc"')

DIGEST = """# Daily Security Info

### ニュース
#### 記事
https://example.com/a

- IOCの列挙
    - IOC情報なし
"""


class SchemaDocs(unittest.TestCase):
    def test_every_key_of_the_json_schema_is_in_docs_schema_md(self):
        keys = property_names(shipped_schema(), {})
        # The walk reaches the nested tables, not only the top level.
        for nested in ("heading", "article_level", "labels", "none_marker", "columns",
                       "item_pattern", "familiarity_accepted", "shape", "allowed"):
            self.assertIn(nested, keys)
        self.assertNotIn("DL101", keys)
        with open(it.source("docs", "SCHEMA.md"), encoding="utf-8") as f:
            doc = f.read()
        self.assertEqual(undocumented(keys, doc), [],
                         "docs/SCHEMA.md does not mention these schema keys (as `key`)")

    def test_a_missing_key_is_caught(self):
        schema = {"properties": {"a": {"type": "object", "properties": {"deep": {}}},
                                 "rules": {"properties": {"DL101": {}}}},
                  "$defs": {"section": {"properties": {"kind": {}}}, "DL101": {"properties": {"x": {}}}}}
        keys = property_names(schema, {})
        self.assertEqual(sorted(keys), ["a", "deep", "kind"])
        self.assertEqual(undocumented(keys, "`a` and `kind`"), ["deep"])

    def test_the_default_schema_names_every_current_section_and_label_key(self):
        text = it.run("--print-schema").out
        section = shipped_schema()["$defs"]["section"]
        keys = property_names(section, {})
        current = sorted(k for k, deprecated in keys.items() if not deprecated)
        self.assertIn("article_level", current)
        self.assertNotIn("ioc", current)  # deprecated on a label
        missing = [k for k in current if not re.search(r"\b%s\b" % re.escape(k), text)]
        self.assertEqual(missing, [], "the key list in schemas/daily-security-info.toml lacks these")


class DeprecatedSpellings(it.TempDirTest):
    def test_schema_check_warns_once_per_old_spelling(self):
        old = it.write(self.path("old.toml"), OLD_SPELLING)
        r = it.run("schema", "check", old)
        self.assertEqual(r.code, 0, r.err)
        self.assertIn("ok: schema 'old'", r.out)
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 2, r.err)
        self.assertTrue(lines[0].startswith(old + ":5:1: warning: the top-level [articles] table "
                                            "is deprecated"), lines[0])
        self.assertIn("level -> article_level", lines[0])
        self.assertEqual(lines[1], old + ":9:7: warning: 'ioc = true' on a label is deprecated: "
                                         "write 'content = \"ioc\"'")

    def test_linting_with_an_old_schema_warns_once_and_finds_the_same(self):
        old = it.write(self.path("old.toml"), OLD_SPELLING)
        new = it.write(self.path("new.toml"), NEW_SPELLING)
        docs = [it.write(self.path("d%d.md" % i), DIGEST) for i in range(3)]
        r_old = it.run("--format", "json", "--schema", old, *docs)
        r_new = it.run("--format", "json", "--schema", new, *docs)
        self.assertEqual(r_new.err, "")
        self.assertEqual(r_old.err.count("warning:"), 2, r_old.err)
        self.assertEqual(r_old.code, r_new.code)
        self.assertEqual(json.loads(r_old.out), json.loads(r_new.out))

    def test_the_new_spelling_is_quiet(self):
        new = it.write(self.path("new.toml"), NEW_SPELLING)
        r = it.run("schema", "check", new)
        self.assertEqual((r.code, r.err), (0, ""))


if __name__ == "__main__":
    it.main()
