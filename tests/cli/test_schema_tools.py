#!/usr/bin/python3
"""`digestlint schema check|template|json-schema` and the shipped JSON
Schemas of schema files and .digestlint.toml (schemas/json/).

    /usr/bin/python3 tests/cli/test_schema_tools.py BUILD/digestlint SOURCE_DIR

The JSON Schemas are checked three ways: the shipped files equal what the
binary prints (they are generated from the rule registry), every built-in
schema and config the project ships validates against them, and on a set of
broken files the JSON Schema and digestlint's own loader agree. Needs
Debian's python3-jsonschema; without it the test exits 77 (skipped).
"""

import json
import os
import sys
import tomllib
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

jsonschema = None

KINDS = {"schema": "digestlint-schema.schema.json", "config": "digestlint-config.schema.json"}


def shipped(kind):
    with open(it.source("schemas", "json", KINDS[kind]), encoding="utf-8") as f:
        return json.load(f)


def validator(kind):
    schema = shipped(kind)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(kind, document):
    return sorted("%s: %s" % ("/".join(map(str, e.path)), e.message)
                  for e in validator(kind).iter_errors(document))


def builtin_schema_files():
    folder = it.source("schemas")
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".toml"))


class JsonSchemas(it.TempDirTest):
    def test_shipped_files_match_the_binary(self):
        for kind, name in KINDS.items():
            r = it.run("schema", "json-schema", kind)
            self.assertEqual(r.code, 0, r.err)
            self.assertEqual(json.loads(r.out), shipped(kind),
                             "schemas/json/%s is out of date: regenerate it with "
                             "`digestlint schema json-schema %s > schemas/json/%s`"
                             % (name, kind, name))

    def test_builtin_schemas_validate(self):
        files = builtin_schema_files()
        self.assertGreaterEqual(len(files), 2)
        for path in files:
            with open(path, "rb") as f:
                self.assertEqual([], errors("schema", tomllib.load(f)), path)

    def test_printed_schema_and_starter_config_validate(self):
        r = it.run("--print-schema")
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual([], errors("schema", tomllib.loads(r.out)))
        config = self.path(".digestlint.toml")
        r = it.run("--init", cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        with open(config, "rb") as f:
            self.assertEqual([], errors("config", tomllib.load(f)))

    def test_every_rule_is_completed_by_code_and_name(self):
        rules = json.loads(it.run("--list-rules", "--format", "json").out)
        properties = shipped("config")["properties"]["rules"]["properties"]
        for rule in rules:
            self.assertIn(rule["code"], properties)
            self.assertIn(rule["name"], properties)
            self.assertEqual(properties[rule["name"]], properties[rule["code"]])
            setting = shipped("config")["$defs"][rule["code"]]
            options = setting["anyOf"][1]["properties"]
            self.assertEqual(sorted(["severity"] + [o["name"] for o in rule["options"]]),
                             sorted(options), rule["code"])

    def test_a_full_config_validates(self):
        doc = tomllib.loads("""
schema = "daily-security-info"
include = ["reports/**/*.md"]
exclude = ["drafts/", "README.md"]
[[schemas]]
paths = ["archive/2023/**"]
schema = "daily-security-info-2023"
[iocs]
date-pattern = "YYYY/MM/DD"
[rules]
DL208 = "off"
trailing-whitespace = { severity = "info", allow-hard-break = false }
""")
        self.assertEqual([], errors("config", doc))
        self.assert_digestlint_takes_config(doc_text="""
schema = "daily-security-info"
[rules]
DL208 = "off"
trailing-whitespace = { severity = "info", allow-hard-break = false }
""", ok=True)

    def assert_digestlint_takes_config(self, doc_text, ok):
        it.write(self.path("cfg", ".digestlint.toml"), doc_text)
        it.write(self.path("cfg", "d.md"), "# Daily Security Info\n")
        r = it.run("--quiet", "d.md", cwd=self.path("cfg"))
        if ok:
            self.assertIn(r.code, (0, 1), r.err)
        else:
            self.assertEqual(r.code, 2, r.out + r.err)

    def test_json_schema_and_digestlint_agree_on_broken_configs(self):
        broken = [
            'schem = "daily-security-info"\n',                 # misspelt key
            '[rules]\nDL999 = "off"\n',                         # unknown rule
            '[rules]\nDL208 = "loud"\n',                        # bad severity
            '[rules]\ntrailing-whitespace = { allow-hard-brake = true }\n',  # bad option
            '[rules]\ntrailing-whitespace = { allow-hard-break = "yes" }\n',  # bad type
            'include = "reports/"\n',                           # not a list
        ]
        for text in broken:
            with self.subTest(text=text):
                self.assertNotEqual([], errors("config", tomllib.loads(text)))
                self.assert_digestlint_takes_config(text, ok=False)

    def test_json_schema_and_digestlint_agree_on_broken_schemas(self):
        with open(it.source("schemas", "daily-security-info.toml"), encoding="utf-8") as f:
            good = f.read()
        mutations = [
            ('content = "links"', 'content = "linked"'),        # unknown content kind
            ('[title]\ntext', '[title]\ntxt'),                  # misspelt key
            ('level = 3', 'level = 9'),                         # heading level out of range
            ('marker = "-"', 'marker = "x"'),                   # bullet marker
            ('[[sections]]\nheading = "Tools"', '[[sections]]\nheadline = "Tools"'),
        ]
        for old, new in mutations:
            with self.subTest(mutation=new):
                self.assertIn(old, good)
                text = good.replace(old, new, 1)
                self.assertNotEqual([], errors("schema", tomllib.loads(text)))
                path = it.write(self.path("broken.toml"), text)
                r = it.run("schema", "check", path)
                self.assertEqual(r.code, 2, r.out)
                self.assertIn("broken.toml:", r.err)


class NewKinds(it.TempDirTest):
    """The paragraphs and code kinds, list nesting and [breaks]: the fixture
    schemas that use them validate, and a wrong value fails both ways."""

    def test_fixture_schemas_validate(self):
        for name in ("runbook.toml", "section-break-forbidden.toml"):
            with self.subTest(schema=name):
                path = it.source("fixtures", "sections", name)
                with open(path, "rb") as f:
                    self.assertEqual([], errors("schema", tomllib.load(f)))
                r = it.run("schema", "check", path)
                self.assertEqual(r.code, 0, r.err)

    def test_json_schema_and_digestlint_agree_on_broken_values(self):
        with open(it.source("fixtures", "sections", "runbook.toml"), encoding="utf-8") as f:
            good = f.read()
        mutations = [
            ('between_sections = "required"', 'between_sections = "sometimes"'),
            ('content = "paragraphs"', 'content = "prose"'),
            ('language = "bash"', 'language = "ba sh"'),
            ('nesting_step = 2', 'nesting_step = 9'),
            ('max_paragraphs = 2', 'max_paragraphs = -1'),
            ('[breaks]\nbetween_sections', '[breaks]\nbetween'),
        ]
        for old, new in mutations:
            with self.subTest(mutation=new):
                self.assertIn(old, good)
                text = good.replace(old, new, 1)
                self.assertNotEqual([], errors("schema", tomllib.loads(text)))
                path = it.write(self.path("broken.toml"), text)
                r = it.run("schema", "check", path)
                self.assertEqual(r.code, 2, r.out)
                self.assertIn("broken.toml:", r.err)

    def test_keys_of_another_kind_are_refused(self):
        with open(it.source("fixtures", "sections", "runbook.toml"), encoding="utf-8") as f:
            good = f.read()
        for old, new in [('language = "bash"', 'language = "bash"\nmin_paragraphs = 1'),
                         ('max_paragraphs = 2', 'max_paragraphs = 2\nlanguage = "bash"'),
                         ('max_depth = 2', 'max_depth = 2\nmax_blocks = 1')]:
            with self.subTest(mutation=new):
                path = it.write(self.path("broken.toml"), good.replace(old, new, 1))
                r = it.run("schema", "check", path)
                self.assertEqual(r.code, 2, r.out)
                self.assertIn("is for content = ", r.err)


class Check(it.TempDirTest):
    def test_builtin_schemas_and_files_pass(self):
        files = builtin_schema_files()
        r = it.run("schema", "check", *files, "daily-security-info")
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(len(r.out.splitlines()), len(files) + 1)
        self.assertIn("daily-security-info.toml: ok: schema 'daily-security-info', 7 sections",
                      r.out)

    def test_a_broken_file_names_its_line_and_column_and_the_others_are_still_checked(self):
        bad = it.write(self.path("bad.toml"), 'name = "x"\n[[sections]]\nheading = "A"\nlevl = 2\n')
        good = builtin_schema_files()[0]
        r = it.run("schema", "check", bad, good)
        self.assertEqual(r.code, 2)
        self.assertIn("bad.toml:4:1:", r.err)
        self.assertIn("levl", r.err)
        self.assertIn(": ok:", r.out)

    def test_missing_file_and_usage(self):
        r = it.run("schema", "check", self.path("nope.toml"))
        self.assertEqual(r.code, 2)
        self.assertIn("nope.toml", r.err)
        self.assertEqual(it.run("schema").code, 2)
        self.assertEqual(it.run("schema", "json-schema", "other").code, 2)


class Template(it.TempDirTest):
    def test_each_builtin_template_lints_clean_under_its_schema(self):
        for path in builtin_schema_files():
            name = os.path.basename(path)[:-len(".toml")]
            with self.subTest(schema=name):
                out = self.path(name + ".md")
                r = it.run("schema", "template", name, "--output-file", out)
                self.assertEqual(r.code, 0, r.err)
                text = it.read(out).decode()
                with open(path, "rb") as f:
                    title = tomllib.load(f)["title"]["text"]
                self.assertTrue(text.startswith("# " + title + "\n"), text)
                r = it.run("--schema", name, "--format", "json", out)
                self.assertEqual(r.code, 0, r.out)
                self.assertEqual(json.loads(r.out)["files"][0]["diagnostics"], [])

    def test_template_of_a_schema_file_has_each_required_section(self):
        schema = it.write(self.path("weekly.toml"), """
name = "weekly"
[title]
text = "Weekly Review"
[[sections]]
heading = "概要"
level = 2
[[sections]]
heading = "任意"
level = 2
required = false
[[sections]]
heading = "詳細"
level = 2
""")
        r = it.run("schema", "template", schema)
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(r.out, "# Weekly Review\n\n## 概要\n\nN/A\n\n## 詳細\n\nN/A\n")
        doc = it.write(self.path("w.md"), r.out)
        r = it.run("--schema", schema, doc)
        self.assertEqual(r.code, 0, r.out + r.err)

    def test_template_marks_a_section_whose_subsections_are_all_optional(self):
        schema = it.write(self.path("log.toml"), """
name = "log"
[title]
pattern = "Log {date}"
[[sections]]
heading = "Work"
level = 2
[[sections.sections]]
pattern = "{text}"
min = 0
max = 0
content = "list"
[[sections]]
heading = "Steps"
level = 2
[[sections.sections]]
heading = "Build"
""")
        r = it.run("schema", "template", schema, "--date", "2026-12-06")
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(r.out, "# Log 2026-12-06\n\n## Work\n\nN/A\n\n## Steps\n\n### Build\n\nN/A\n")
        doc = it.write(self.path("log.md"), r.out)
        r = it.run("--schema", schema, doc)
        self.assertEqual(r.code, 0, r.out + r.err)

    def test_subsections_numbered_without_their_parent_restart_at_1(self):
        # numbering = "{n}. " under a numbered section: "### 1." under "## 2."
        # is right; a gap is still found.
        schema = it.write(self.path("n.toml"), """
name = "n"
numbering = "{n}. "
[title]
text = "R"
[[sections]]
heading = "A"
level = 2
[[sections]]
heading = "B"
level = 2
numbering = "{n}. "
[[sections.sections]]
pattern = "{text}"
min = 1
max = 0
""")
        ok = it.write(self.path("ok.md"), "# R\n\n## 1. A\n\nN/A\n\n## 2. B\n\n### 1. x\n\nN/A\n\n"
                      "### 2. y\n\nN/A\n")
        r = it.run("--schema", schema, ok)
        self.assertEqual(r.code, 0, r.out + r.err)
        gap = it.write(self.path("gap.md"), it.read(ok).decode().replace("### 2. y", "### 3. y"))
        r = it.run("--schema", schema, "--format", "json", gap)
        self.assertEqual([(d["rule"], d["line"], d["message"])
                          for d in json.loads(r.out)["files"][0]["diagnostics"]],
                         [("DL115", 13, "section 2 is missing between 1 and 3")])

    def test_template_fills_a_title_pattern_and_lints_clean(self):
        schema = it.source("examples", "weekly-review.toml")
        r = it.run("schema", "template", schema, "--date", "2026-05-04")
        self.assertEqual(r.code, 0, r.err)
        lines = r.out.splitlines()
        self.assertEqual(lines[0], "# 週次レビュー 2026-W19")
        self.assertIn("- 期間: 2026-05-04 〜 2026-05-04", lines)
        self.assertIn("### 2-1. TODO", lines)
        self.assertIn("| 分類 | 件数 | 深刻度 |", lines)
        doc = it.write(self.path("week.md"), r.out)
        r = it.run("--schema", schema, doc)
        self.assertEqual(r.code, 0, r.out + r.err)
        # 2027-01-01 is a Friday: ISO week 53 of 2026.
        r = it.run("schema", "template", schema, "--date", "2027-01-01")
        self.assertTrue(r.out.startswith("# 週次レビュー 2026-W53\n"), r.out)

    def test_template_of_prose_code_and_breaks_lints_clean(self):
        # runbook.toml: paragraphs, code in bash, a list with its own
        # nesting, and a "---" required between sections.
        schema = it.source("fixtures", "sections", "runbook.toml")
        r = it.run("schema", "template", schema, "--date", "2026-05-04")
        self.assertEqual(r.code, 0, r.err)
        self.assertEqual(r.out, "# 手順書 2026-05-04\n\n## 目的\n\nなし\n\n---\n\n## 手順\n\n"
                                "なし\n\n---\n\n## 確認項目\n\nなし\n")
        doc = it.write(self.path("runbook.md"), r.out)
        r = it.run("--schema", schema, "--format", "json", doc)
        self.assertEqual(r.code, 0, r.out + r.err)
        self.assertEqual(json.loads(r.out)["files"][0]["diagnostics"], [])
        # Without the breaks the template is not what the schema wants.
        doc = it.write(self.path("no-breaks.md"), "".join(
            line for line in it.read(doc).decode().splitlines(keepends=True)
            if line != "---\n").replace("\n\n\n", "\n\n"))
        r = it.run("--schema", schema, "--format", "json", doc)
        self.assertEqual(r.code, 1, r.out + r.err)
        rules = [d["rule"] for d in json.loads(r.out)["files"][0]["diagnostics"]]
        self.assertEqual(rules, ["DL125", "DL125"])

    def test_template_refuses_a_date_that_is_not_one(self):
        r = it.run("schema", "template", it.source("examples", "weekly-review.toml"),
                   "--date", "2026-02-30")
        self.assertEqual(r.code, 2)
        self.assertIn("'2026-02-30' is not a date", r.err)

    def test_weekly_review_example_lints_clean_and_validates(self):
        schema = it.source("examples", "weekly-review.toml")
        r = it.run("schema", "check", schema)
        self.assertEqual(r.code, 0, r.err)
        r = it.run("--schema", schema, it.source("examples", "weekly-review.md"))
        self.assertEqual(r.code, 0, r.out + r.err)
        with open(schema, "rb") as f:
            self.assertEqual([], errors("schema", tomllib.load(f)))


class Order(it.TempDirTest):
    SCHEMA = """
name = "ordered"
order = "{top}"
[title]
text = "R"
[[sections]]
heading = "A"
level = 2
order = "{sub}"
[[sections.sections]]
heading = "x"
[[sections.sections]]
heading = "y"
[[sections]]
heading = "B"
level = 2
"""
    DOC = "# R\n\n## B\n\nN/A\n\n## A\n\n### y\n\nN/A\n\n### x\n\nN/A\n"

    def lint(self, top, sub):
        schema = it.write(self.path("s.toml"), self.SCHEMA.format(top=top, sub=sub))
        return it.run("--schema", schema, it.write(self.path("d.md"), self.DOC))

    def test_order_any_at_each_level(self):
        r = self.lint("any", "any")
        self.assertEqual(r.code, 0, r.out + r.err)
        r = self.lint("in-order", "any")
        self.assertIn("DL104", r.out)
        self.assertNotIn("DL118", r.out)
        r = self.lint("any", "in-order")
        self.assertNotIn("DL104", r.out)
        self.assertIn("subsection 'x' of 'A' comes after 'y'", r.out)


# schema infer: tests/cli/test_schema_infer.py.


def main():
    global jsonschema
    try:
        import jsonschema as module
    except ImportError:
        print("SKIPPED: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        sys.exit(it.SKIP)
    jsonschema = module
    it.main()


if __name__ == "__main__":
    main()
