#!/usr/bin/python3
"""digestlint dropped into a team's repository (issue 9): only digests are
linted and fixed, everything else is left alone.

    /usr/bin/python3 tests/cli/test_repository.py BUILD/digestlint SOURCE_DIR [unittest args]
    /usr/bin/python3 tests/cli/test_repository.py BUILD/digestlint SOURCE_DIR --corpus DIR

TeamRepository builds a real `git init` repository shaped like a team's:
digests in dated folders (legacy and modern), a README, notes, prompts, work
logs, a changelog, a template, and a .gitignored node_modules/ holding
Markdown; it shows findings only on digests and the template, --fix
changing only digests, legacy titles kept, and the options that choose
files. FixSafety is the property test: over the fixtures and non-digest
Markdown written here (with --corpus: over every real digest instead),
--fix changes no file that is not a digest and never changes which schema
automatic choice picks. With --corpus and no corpus, the run says SKIPPED
(exit 77).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CLEAN = it.read(os.path.join(HERE, "..", "golden", "formats", "inputs", "clean.md")).decode()
# Fixable defects: a missing space after '-' (DL201) and trailing spaces (DL208).
MODERN_DEFECTS = CLEAN.replace("- [多要素認証", "-[多要素認証").replace("### Tools\n", "### Tools   \n")

# Markdown that is not a digest, as teams write it. Several mention the
# digest, its sections or quote one; none is one.
NON_DIGESTS = {
    "README.md": "# My team repo\n\nWe publish the Daily Security Info digest every morning.\n\n"
                 "## Tools\n\n-[setup](docs/setup.md)\n- trailing  \n\n## security report\n\n"
                 "See `digests/`.\n",
    "CHANGELOG.md": "# Changelog\n\n## 0.3.0\n\n- security report section renamed\n-fixed typo\n",
    "notes/2024-05-02-meeting.md": "# Meeting notes\n\n### Tools\nN/A\n\n### malware campaign\n"
                                   "discussed\n\n- action items  \n",
    "notes/security-notes.md": "# Security notes\n\n## Tools we use\n\n## Incidents\n\n"
                               "-[a link](https://example.com)\n",
    "prompts/article-prompt.md": "# Article prompt\n\nSummarise the article as below.\n\n"
                                 "```markdown\n# Daily Security Info\n\n### Tools\nN/A\n\n"
                                 "### 日々のニュース要約\n\n#### <title>\nhttps://<url>\n\n"
                                 "- 要約\n    - xxxxx\n```\n",
    "worklog/2024-05.md": "# 作業ログ 2024-05\n\n## 5/1\n\n- 日々のニュース要約を作成\n-誤字修正\n",
    "weekly/2024-W18.md": "# Weekly security report\n\n## security report\n\n- [x](https://e.com)\n\n"
                          "## cybercrime topics\n\nnone\n",
}

TEMPLATE = ("# Daily Security Info\n\nUI(github-pages)でも公開していますので、こちらもご参照ください。  \n"
            "- 統合ポータル: https://example.github.io/portal/\n\n### Tools\nN/A\n\n"
            "### malware campaign\nN/A\n\n### security report\nN/A\n\n### cybercrime topics\nN/A\n\n"
            "### 日々のニュース要約\n\n\n### 日本のインシデント事例\nN/A\n\n### その他のメモ\nN/A\n")


def snapshot(root):
    """{relative path: sha256} of every file below root, .git excepted."""
    out = {}
    for base, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for f in files:
            p = os.path.join(base, f)
            out[os.path.relpath(p, root)] = hashlib.sha256(it.read(p)).hexdigest()
    return out


def finding_paths(out):
    """Files with findings in text output."""
    return sorted({line.split(":", 1)[0] for line in out.splitlines()
                   if ": error: " in line or ": warning: " in line or ": info: " in line})


def choices(err):
    """--verbose notes: {path: schema, or None when not a digest}."""
    out = {}
    for line in err.splitlines():
        path, sep, rest = line.partition(": note: ")
        if not sep:
            continue
        if rest.startswith("linted as "):
            out[path] = rest[len("linted as "):].split(",")[0]
        elif rest.startswith("skipped: not a digest"):
            out[path] = None
    return out


class TeamRepository(it.TempDirTest):
    def setUp(self):
        super().setUp()
        self.repo = self.path("repo")
        os.makedirs(self.repo)
        subprocess.run(["git", "init", "-q", self.repo], check=True)
        legacy = it.read(it.source("fixtures", "legacy", "legacy-violations.md")).decode()
        self.digests = {
            "digests/2023/07/20230721.md": legacy,
            "digests/2023/07/20230722.md": it.read(it.source("fixtures", "legacy",
                                                             "legacy-ok.md")).decode(),
            "digests/2024/05/20240501.md": MODERN_DEFECTS,
            "digests/2024/05/20240502.md": CLEAN,
            "template.md": TEMPLATE,
        }
        for name, text in {**self.digests, **NON_DIGESTS}.items():
            it.write(os.path.join(self.repo, name), text)
        it.write(os.path.join(self.repo, ".gitignore"), "node_modules/\n")
        # Ignored: digest-shaped, with defects, never to be walked.
        it.write(os.path.join(self.repo, "node_modules", "pkg", "README.md"), MODERN_DEFECTS)
        it.write(os.path.join(self.repo, "node_modules", "pkg", "CHANGELOG.md"), "# Changes\n")

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def lint(self, *args):
        return it.run(*args, cwd=self.repo)

    def test_findings_only_on_digests_and_the_template(self):
        r = self.lint(".")
        self.assertEqual(r.code, 1, r.err)
        with_findings = finding_paths(r.out)
        self.assertTrue(set(with_findings) <= set(self.digests), with_findings)
        for expected in ("digests/2023/07/20230721.md", "digests/2024/05/20240501.md",
                         "template.md"):
            self.assertIn(expected, with_findings)
        self.assertIn("; %d Markdown files are not digests" % len(NON_DIGESTS), r.err)
        self.assertNotIn("node_modules", r.out + r.err)
        self.assertNotIn("note:", r.err)  # walked non-digests are only counted...
        v = self.lint("--verbose", ".")
        picked = choices(v.err)  # ...and listed with --verbose
        self.assertEqual({p for p, s in picked.items() if s is None}, set(NON_DIGESTS))
        self.assertEqual(picked["digests/2023/07/20230721.md"], "daily-security-info-2023")
        self.assertEqual(picked["digests/2024/05/20240501.md"], "daily-security-info")
        self.assertEqual(picked["template.md"], "daily-security-info")
        self.assertIn("digestlint: note: 1 path ignored by .gitignore", v.err)

    def test_fix_changes_only_digests_and_keeps_legacy_titles(self):
        before = snapshot(self.repo)
        r = self.lint("--fix", ".")
        after = snapshot(self.repo)
        changed = sorted(p for p in before if before[p] != after.get(p))
        self.assertTrue(changed, r.err)
        self.assertTrue(set(changed) <= set(self.digests), changed)
        self.assertIn("digests/2024/05/20240501.md", changed)
        self.assertIn("digests/2023/07/20230721.md", changed)
        for name in ("digests/2023/07/20230721.md", "digests/2023/07/20230722.md"):
            text = it.read(os.path.join(self.repo, name)).decode()
            self.assertEqual(text.splitlines()[0], "# 日々のニュース要約", name)
        # The legacy digest is still a legacy digest.
        self.assertEqual(choices(self.lint("-v", ".").err)["digests/2023/07/20230721.md"],
                         "daily-security-info-2023")
        # Unsafe fixes too leave the non-digests alone.
        self.lint("--fix", "--unsafe-fixes", ".")
        again = snapshot(self.repo)
        self.assertEqual({p: again[p] for p in NON_DIGESTS}, {p: before[p] for p in NON_DIGESTS})

    def test_gitignore_is_respected_unless_told_otherwise(self):
        r = self.lint("--no-respect-gitignore", ".")
        self.assertIn("node_modules/pkg/README.md", finding_paths(r.out))
        # Named outright, an ignored file is linted.
        r = self.lint("node_modules/pkg/README.md")
        self.assertEqual(finding_paths(r.out), ["node_modules/pkg/README.md"])
        # .git/info/exclude too.
        it.write(os.path.join(self.repo, ".git", "info", "exclude"), "digests/2023/\n")
        r = self.lint(".")
        self.assertFalse([p for p in finding_paths(r.out) if p.startswith("digests/2023/")])

    def test_files_named_outright_that_are_not_digests_are_a_note(self):
        # As pre-commit passes every staged Markdown file.
        r = self.lint("README.md", "worklog/2024-05.md", "digests/2024/05/20240502.md")
        self.assertEqual((r.code, r.out), (0, ""), r.err)
        self.assertIn("README.md: note: skipped: not a digest (no schema claims it", r.err)
        self.assertIn("worklog/2024-05.md: note: skipped: not a digest", r.err)
        self.assertIn("in 1 file", r.err)
        # --quiet: findings only.
        r = self.lint("--quiet", "README.md")
        self.assertEqual((r.code, r.out, r.err), (0, "", ""))
        # --schema NAME lints every file against it.
        r = self.lint("--schema", "daily-security-info", "README.md")
        self.assertEqual(r.code, 1)
        self.assertEqual(finding_paths(r.out), ["README.md"])

    def test_exclude_force_exclude_and_config_schemas(self):
        r = self.lint("--exclude", "digests/2023/", ".")
        self.assertEqual([p for p in finding_paths(r.out) if "2023" in p], [])
        self.assertIn("(2 excluded by configuration)", r.err)
        # Named outright, excluded files are linted, unless --force-exclude.
        legacy = "digests/2023/07/20230721.md"
        self.assertEqual(finding_paths(self.lint("--exclude", "digests/2023/", legacy).out),
                         [legacy])
        r = self.lint("--exclude", "digests/2023/", "--force-exclude", legacy)
        self.assertEqual((r.code, r.out), (0, ""))
        # [[schemas]]: the notes are checked against a schema named for them.
        it.write(os.path.join(self.repo, ".digestlint.toml"),
                 '[[schemas]]\npaths = ["notes/**"]\nschema = "daily-security-info"\n')
        r = self.lint("-v", ".")
        picked = choices(r.err)
        self.assertEqual(picked["notes/security-notes.md"], "daily-security-info")
        self.assertIn("notes/security-notes.md", finding_paths(r.out))
        self.assertIsNone(picked["README.md"])

    def test_damaged_character_deep_in_a_long_digest(self):
        # Reading checks the whole file's UTF-8 once (check_text) and spares
        # invalid-utf8 its pass only when nothing is damaged: a damaged
        # character far past the first 64 KiB is still reported, in place.
        lines = CLEAN.splitlines(keepends=True)
        filler = "- 攻撃者は Cobalt Strike を使用した。\n" * 4000
        body = ("".join(lines[:-1]) + "\n" + filler).encode()
        damaged = body + "- 攻撃者は".encode() + b"\x82\xa0" + "を使用した\n".encode()
        path = os.path.join(self.repo, "digests", "2024", "05", "20240503.md")
        it.write(path, damaged)
        r = self.lint("--format", "github", "digests/2024/05/20240503.md")
        bad = [line for line in r.out.splitlines() if "DL601" in line]
        self.assertEqual(len(bad), 2, r.out)
        line_no = body.count(b"\n") + 1
        self.assertIn(f"line={line_no},", bad[0])
        it.write(path, body)
        r = self.lint("--format", "github", "digests/2024/05/20240503.md")
        self.assertNotIn("DL601", r.out)

    def test_binary_files_fifos_and_pipes(self):
        it.write(os.path.join(self.repo, "digests", "2024", "05", "image.md"),
                 b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
        r = self.lint("digests/")
        self.assertEqual(r.code, 2)
        binary = [line for line in r.out.splitlines() if "image.md" in line]
        self.assertEqual(len(binary), 1)
        self.assertRegex(binary[0], r"^digests/2024/05/image\.md: error: is not a text file: "
                                    r"\d+% of its first \d+ bytes are NUL or other control")
        self.assertIn("digests/2024/05/20240501.md", finding_paths(r.out))  # still linted
        os.remove(os.path.join(self.repo, "digests", "2024", "05", "image.md"))
        os.mkfifo(os.path.join(self.repo, "digests", "pipe.md"))
        r = self.lint("digests/")
        self.assertEqual(r.code, 1)
        self.assertIn("digests/pipe.md: note: skipped: a FIFO, not a regular file", r.err)
        # A pipe named outright is read: digestlint <(cat x.md).
        p = subprocess.run(["bash", "-c", '"$0" <(cat digests/2024/05/20240501.md)', it.BINARY],
                           cwd=self.repo, capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("/dev/fd/", p.stdout)


class CiRecipes(it.TempDirTest):
    """The CI recipes of --help and README.md, run unchanged, in a clone of
    a repository whose main branch is on `origin`."""

    def setUp(self):
        super().setUp()
        self.home = os.path.join(self.dir, "home")
        os.makedirs(self.home)
        self.env = dict(os.environ, HOME=self.home, GIT_CONFIG_NOSYSTEM="1",
                        GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com",
                        GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.com",
                        GITHUB_BASE_REF="main",
                        PATH=os.path.dirname(it.BINARY) + os.pathsep + os.environ["PATH"])
        self.env.pop("NO_COLOR", None)
        origin = os.path.join(self.dir, "origin.git")
        self.repo = os.path.join(self.dir, "work")
        self.git(self.dir, "init", "-q", "--bare", origin)
        self.git(self.dir, "init", "-q", "-b", "main", self.repo)
        it.write(os.path.join(self.repo, "digests", "2024-05-01.md"), CLEAN)
        it.write(os.path.join(self.repo, "digests", "2024-05-02.md"), CLEAN)
        it.write(os.path.join(self.repo, "README.md"), "# Team repo\n")
        it.write(os.path.join(self.repo, "notes.txt"), "x\n")
        self.git(self.repo, "add", ".")
        self.git(self.repo, "commit", "-q", "-m", "base")
        self.git(self.repo, "remote", "add", "origin", origin)
        self.git(self.repo, "push", "-q", "origin", "main")
        self.git(self.repo, "checkout", "-q", "-b", "change")

    def git(self, cwd, *args):
        subprocess.run(["git", *args], cwd=cwd, env=self.env, check=True, capture_output=True)

    def recipes(self):
        """(where, shell text) of every recipe that lints changed files."""
        out = []
        help_text = it.run("--help").out
        out += [("--help", line.split("  ")[1].strip() if line.startswith("  ") else line)
                for line in help_text.splitlines() if "xargs" in line and "git diff" in line]
        readme = it.read(it.source("README.md")).decode()
        for block in readme.split("```sh\n")[1:]:
            out += [("README sh", line) for line in block.split("```")[0].splitlines()
                    if "git diff" in line]
        for block in readme.split("```yaml\n")[1:]:
            block = block.split("```")[0]
            marker = "- name: Annotate the changed digests\n        run: |\n"
            if marker in block:
                body = block.split(marker)[1].split("\n      - ")[0]
                out.append(("README workflow", "\n".join(l[10:] for l in body.splitlines())))
        self.assertEqual([w for w, _ in out], ["--help", "README sh", "README workflow"], out)
        return out

    def run_recipes(self):
        results = []
        for where, recipe in self.recipes():
            p = subprocess.run(["bash", "-e", "-c", recipe], cwd=self.repo, env=self.env,
                               capture_output=True, text=True)
            results.append((where, p.returncode, p.stdout + p.stderr))
        return results

    def commit(self, message):
        self.git(self.repo, "add", "-A")
        self.git(self.repo, "commit", "-q", "-m", message)

    def test_no_markdown_changed(self):
        it.write(os.path.join(self.repo, "notes.txt"), "y\n")
        self.commit("not Markdown")
        for where, code, output in self.run_recipes():
            self.assertEqual(code, 0, "%s: %s" % (where, output))

    def test_only_a_non_digest_changed(self):
        it.write(os.path.join(self.repo, "README.md"), "# Team repo\n\n-x  \n")
        self.commit("readme")
        for where, code, output in self.run_recipes():
            self.assertEqual(code, 0, "%s: %s" % (where, output))

    def test_a_changed_digest_was_deleted(self):
        os.remove(os.path.join(self.repo, "digests", "2024-05-02.md"))
        self.commit("delete")
        for where, code, output in self.run_recipes():
            self.assertEqual(code, 0, "%s: %s" % (where, output))
        # Named anyway, a missing path is a clear error.
        r = it.run("digests/2024-05-02.md", cwd=self.repo)
        self.assertEqual(r.code, 2)
        self.assertIn("digests/2024-05-02.md: error: no such file or directory", r.out + r.err)

    def test_a_changed_digest_with_findings_fails(self):
        it.write(os.path.join(self.repo, "digests", "2024-05-02.md"), MODERN_DEFECTS)
        self.commit("defects")
        for where, code, output in self.run_recipes():
            # xargs turns digestlint's 1 into 123: the step fails either way.
            self.assertIn(code, (1, 123), "%s: %s" % (where, output))
            self.assertRegex(output, r"digests/2024-05-02\.md(:|,line=)10", where)


class FixSafety(it.TempDirTest):
    """--fix changes no file that is not a digest and never changes which
    schema automatic choice picks."""

    corpus = None

    def check(self, root):
        before_bytes = snapshot(root)
        before = choices(it.run("--verbose", "--no-config", ".", cwd=root).err)
        self.assertTrue(before)
        # Every file is either linted or skipped as not a digest.
        self.assertEqual(set(before), set(p for p in before_bytes if p.endswith(".md")))
        for args in (["--fix"], ["--fix", "--unsafe-fixes"]):
            it.run(*args, "--no-config", ".", cwd=root)
            after_bytes = snapshot(root)
            after = choices(it.run("--verbose", "--no-config", ".", cwd=root).err)
            touched = sorted(p for p, s in before.items()
                             if s is None and after_bytes[p] != before_bytes[p])
            self.assertEqual(touched, [], "%s changed files that are not digests" % args)
            moved = sorted("%s: %s -> %s" % (p, s, after.get(p)) for p, s in before.items()
                           if after.get(p) != s)
            self.assertEqual(moved, [], "%s changed which schema auto picks" % args)
        return before

    def test_fixtures_and_non_digests(self):
        root = self.path("files")
        fixtures = it.source("fixtures")
        for base, _, files in os.walk(fixtures):
            for f in files:
                if f.endswith(".md"):
                    src = os.path.join(base, f)
                    it.write(os.path.join(root, "fixtures", os.path.relpath(src, fixtures)),
                             it.read(src))
        for name, text in NON_DIGESTS.items():
            it.write(os.path.join(root, "mine", name), text)
        picked = self.check(root)
        for name in NON_DIGESTS:
            self.assertIsNone(picked[os.path.join("mine", name)], name)
        digests = [p for p, s in picked.items() if s is not None]
        self.assertGreater(len(digests), 50)

    def test_corpus(self):
        if self.corpus is None:
            self.skipTest("run with --corpus DIR (CTest's fix-safety-corpus does)")
        root = self.path("corpus")
        shutil.copytree(self.corpus, root)
        picked = self.check(root)
        # Every real digest is one.
        self.assertEqual([p for p, s in picked.items() if s is None], [])

    def path(self, *parts):
        return os.path.join(self.dir, *parts)


def main():
    it.setup()
    if len(sys.argv) >= 3 and sys.argv[1] == "--corpus":
        corpus = os.path.abspath(sys.argv[2])
        del sys.argv[1:3]
        if not os.path.isdir(corpus):
            print("SKIPPED: no corpus at %s" % corpus)
            sys.exit(it.SKIP)
        FixSafety.corpus = corpus
        sys.argv[1:] = ["FixSafety.test_corpus"]
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
