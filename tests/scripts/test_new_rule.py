#!/usr/bin/python3
"""Tests of scripts/new-rule.py, run into a temporary copy of the files it
reads and writes (rules/, fixtures/, include/, README.md).

    /usr/bin/python3 tests/scripts/test_new_rule.py BUILD/digestlint SOURCE_DIR BUILD_DIR

Checks the files it writes, the rules.def line's place in code order, the
README range it widens, every refusal (exit 2, nothing written), the docs
step (the `docs` target of the build directory given), that the generated
fixture lints clean apart from the new rule's finding, and that the
generated rule compiles with the project's own flags (-fsyntax-only, the
command CMake records for an existing rule). Builds nothing else.
Standard library only.
"""

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = SOURCE = BUILD = ""

CODE, NAME, FAMILY = "DL513", "mixed-quote-width", "japanese"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def snapshot(root):
    """Every file under root with its contents: to show nothing changed."""
    files = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def rule_codes(root):
    """identifier -> code of every RuleInfo under root/rules."""
    codes = {}
    for entry in os.listdir(os.path.join(root, "rules")):
        if entry.endswith(".cc"):
            text = read(os.path.join(root, "rules", entry))
            for ident, code in re.findall(
                    r'extern const RuleInfo (\w+)\s*\{[^}]*?\.code = "(DL\d+)"', text):
                codes[ident] = code
    return codes


class NewRule(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="digestlint-new-rule-")
        self.addCleanup(shutil.rmtree, self.root)
        for part in ("rules", "fixtures", "include"):
            shutil.copytree(os.path.join(SOURCE, part), os.path.join(self.root, part))
        shutil.copy(os.path.join(SOURCE, "README.md"), self.root)

    def new_rule(self, *args, docs=False):
        command = [sys.executable, os.path.join(SOURCE, "scripts", "new-rule.py"),
                   "--root", self.root, *args]
        if not docs:
            command.append("--no-docs")
        return subprocess.run(command, capture_output=True, text=True)

    def test_writes_rule_registration_fixture_and_readme_range(self):
        r = self.new_rule(CODE, NAME, FAMILY)
        self.assertEqual(r.returncode, 0, r.stderr)

        rule = read(os.path.join(self.root, "rules", "mixed_quote_width.cc"))
        self.assertIn('.code = "DL513"', rule)
        self.assertIn('.name = "mixed-quote-width"', rule)
        self.assertIn("class MixedQuoteWidth final : public Rule", rule)
        self.assertIn("extern const RuleInfo kMixedQuoteWidth{", rule)
        self.assertIn(".has_fix = false", rule)
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            self.assertIn(heading, rule)
        # check() is a visible TODO and reports nothing: its body is comments.
        start = rule.index("const override {\n") + len("const override {\n")
        body = rule[start:rule.index("\n  }\n", start)].splitlines()
        self.assertIn("TODO(DL513)", body[0])
        self.assertTrue(all(line.strip().startswith("//") for line in body), body)

        # One new line in rules.def, and the whole list in code order.
        codes = rule_codes(self.root)
        listed = re.findall(r"^DIGESTLINT_RULE\((\w+)\)$", read(
            os.path.join(self.root, "rules", "rules.def")), re.M)
        before = re.findall(r"^DIGESTLINT_RULE\((\w+)\)$", read(
            os.path.join(SOURCE, "rules", "rules.def")), re.M)
        self.assertEqual(sorted(listed), sorted(before + ["kMixedQuoteWidth"]))
        self.assertEqual([codes[i] for i in listed], sorted(codes[i] for i in listed))
        self.assertEqual(listed[listed.index("kMixedQuoteWidth") - 1], "kMixedPolitePlainStyle")

        # The fixture expects the rule on its TODO line and has an OK section.
        fixture = read(os.path.join(self.root, "fixtures", FAMILY, NAME + ".md"))
        lines = fixture.split("\n")
        expected = re.search(r"<!-- digestlint-fixture\nexpect:\n  (\d+) mixed-quote-width\n-->",
                             fixture)
        self.assertIsNotNone(expected, fixture)
        self.assertTrue(lines[int(expected.group(1)) - 1].startswith("- TODO: a line that"))
        self.assertIn("\nOK:\n", fixture)

        # The README's family row now ends at the new code; nothing else moved.
        readme, old = read(os.path.join(self.root, "README.md")), read(
            os.path.join(SOURCE, "README.md"))
        self.assertIn("\n| DL501-DL513 | Japanese text |", readme)
        self.assertEqual(readme.replace("| DL501-DL513 |", "| DL501-DL512 |"), old)

    def test_fixture_is_clean_apart_from_the_new_rule(self):
        # The built digestlint does not know the new rule: the fixture must
        # give it nothing to report, or the fixture test would fail on more
        # than the TODO.
        self.assertEqual(self.new_rule(CODE, NAME, FAMILY).returncode, 0)
        fixture = os.path.join(self.root, "fixtures", FAMILY, NAME + ".md")
        r = subprocess.run([BINARY, "--no-config", fixture],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_generated_rule_compiles_with_the_project_flags(self):
        self.assertEqual(self.new_rule(CODE, NAME, FAMILY).returncode, 0)
        with open(os.path.join(BUILD, "compile_commands.json"), encoding="utf-8") as f:
            commands = json.load(f)
        entry = next(e for e in commands if e["file"].endswith("/rules/utf8_bom.cc"))
        argv = shlex.split(entry["command"]) if "command" in entry else entry["arguments"]
        if os.path.basename(argv[0]) == "ccache":
            argv = argv[1:]
        generated = os.path.join(self.root, "rules", "mixed_quote_width.cc")
        compile_only = []
        skip = False
        for arg in argv:
            if skip:
                skip = False
            elif arg == "-o":
                skip = True
            elif arg.endswith("/rules/utf8_bom.cc"):
                compile_only.append(generated)
            elif arg != "-c":
                compile_only.append(arg)
        # Warnings are errors for the generated rule even in a build that
        # turns -Werror off (the sanitizer job does: DIGESTLINT_WERROR=OFF).
        if "-Werror" not in compile_only:
            compile_only.append("-Werror")
        self.assertIn("-Wall", compile_only)
        r = subprocess.run(compile_only + ["-fsyntax-only"], cwd=entry["directory"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_refusals_exit_2_and_write_nothing(self):
        before = snapshot(self.root)
        cases = {
            ("DL201", NAME, "lists"): "code DL201 is taken by missing-space-after-marker",
            ("DL599", "utf8-bom", FAMILY): "name utf8-bom is taken by DL602",
            ("DL5", NAME, FAMILY): "bad code 'DL5'",
            ("DL051", NAME, FAMILY): "bad code 'DL051'",
            ("DL500", NAME, FAMILY): "bad code 'DL500'",
            ("DL201", NAME, FAMILY): "code DL201 is not in family japanese",
            (CODE, NAME, "jp"): "unknown family 'jp'",
            (CODE, "Mixed_Quote", FAMILY): "bad name 'Mixed_Quote'",
            (CODE, "reporter", FAMILY): "a type of the rule API",
        }
        for args, message in cases.items():
            with self.subTest(args=args):
                r = self.new_rule(*args)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertIn(message, r.stderr)
                self.assertEqual(snapshot(self.root), before)
        # Without --no-docs, a build directory to make the docs with is needed.
        r = self.new_rule(CODE, NAME, FAMILY, "--build-dir", os.path.join(self.root, "nobuild"),
                          docs=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no configured build at", r.stderr)
        self.assertEqual(snapshot(self.root), before)

    def test_families_are_the_fixture_folders(self):
        # A family folder added to fixtures/ (legacy holds the 2023 schema's
        # fixtures, not a family) must be known to the script too.
        spec = importlib.util.spec_from_file_location(
            "new_rule", os.path.join(SOURCE, "scripts", "new-rule.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        folders = {d for d in os.listdir(os.path.join(SOURCE, "fixtures"))
                   if os.path.isdir(os.path.join(SOURCE, "fixtures", d))}
        self.assertEqual(set(module.FAMILIES), folders - {"legacy"})

    def fake_build(self, command):
        """A stand-in build whose `docs` target runs `command` (a cmake -E
        command): the real one compiles digestlint, left to the build."""
        project = os.path.join(self.root, "fake-project")
        os.makedirs(project, exist_ok=True)
        with open(os.path.join(project, "CMakeLists.txt"), "w") as f:
            f.write("cmake_minimum_required(VERSION 3.25)\nproject(fake LANGUAGES NONE)\n"
                    "add_custom_target(docs COMMAND ${CMAKE_COMMAND} -E %s)\n" % command)
        build = os.path.join(self.root, "fake-build")
        shutil.rmtree(build, ignore_errors=True)
        subprocess.run(["cmake", "-S", project, "-B", build], check=True, capture_output=True)
        return build

    def test_docs_come_from_the_build_directorys_docs_target(self):
        build = self.fake_build("touch ${CMAKE_BINARY_DIR}/docs-ran")
        r = self.new_rule(CODE, NAME, FAMILY, "--build-dir", build, docs=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertTrue(os.path.exists(os.path.join(build, "docs-ran")))

    def test_a_failing_docs_build_is_reported(self):
        build = self.fake_build("false")
        r = self.new_rule(CODE, NAME, FAMILY, "--build-dir", build, docs=True)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("--target docs` failed", r.stderr)
        # The rule's files stay written, so that fixing the build is enough.
        self.assertTrue(os.path.exists(os.path.join(self.root, "rules", "mixed_quote_width.cc")))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit("usage: test_new_rule.py BUILD/digestlint SOURCE_DIR BUILD_DIR [unittest args]")
    BINARY, SOURCE, BUILD = (os.path.abspath(a) for a in sys.argv[1:4])
    del sys.argv[1:4]
    unittest.main()
