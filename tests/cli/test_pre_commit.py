#!/usr/bin/python3
"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real
pre-commit (Debian's package), end to end (issue 5).

    /usr/bin/python3 tests/cli/test_pre_commit.py BUILD/digestlint SOURCE_DIR

A throwaway hook repository gets this checkout's .pre-commit-hooks.yaml;
a throwaway project uses it by path and commit (no network: the hooks are
`language: system`, so pre-commit installs nothing). The project's commits
show a bad digest blocked, a good one committed, and digestlint-fix
fixing a digest in place. PRE_COMMIT_HOME and HOME point into the
temporary directory: no cache or git configuration of the user is read
or written. Without pre-commit the test says SKIPPED (exit 77).
"""

import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

CLEAN = it.read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden",
                             "formats", "inputs", "clean.md")).decode()
BAD = CLEAN.replace("- [多要素認証", "-[多要素認証")
UNFIXABLE = CLEAN.replace("### Tools\nN/A\n\n", "")  # a missing section: no safe fix

PRE_COMMIT = shutil.which("pre-commit", path="/usr/bin") or shutil.which("pre-commit")


class PreCommit(it.TempDirTest):
    def setUp(self):
        super().setUp()
        home = self.path("home")
        os.makedirs(home)
        self.env = dict(os.environ)
        self.env.update({
            "HOME": home,
            "PRE_COMMIT_HOME": self.path("pre-commit-cache"),
            "XDG_CACHE_HOME": self.path("xdg-cache"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            # The hooks run `digestlint` from PATH: this build's.
            "PATH": os.path.dirname(it.BINARY) + os.pathsep + os.environ.get("PATH", ""),
        })
        self.env.pop("NO_COLOR", None)
        # The hook repository: this checkout's hook definitions, committed.
        self.hooks = self.path("hooks")
        os.makedirs(self.hooks)
        shutil.copy(it.source(".pre-commit-hooks.yaml"), self.hooks)
        self.git(self.hooks, "init", "-q")
        self.git(self.hooks, "add", ".pre-commit-hooks.yaml")
        self.git(self.hooks, "commit", "-q", "-m", "hooks")
        self.rev = self.git(self.hooks, "rev-parse", "HEAD").stdout.strip()
        # The project.
        self.project = self.path("project")
        os.makedirs(self.project)
        self.git(self.project, "init", "-q")

    def git(self, cwd, *args, check=True):
        return subprocess.run(["git", *args], cwd=cwd, env=self.env, capture_output=True,
                              text=True, check=check)

    def configure(self, *hook_ids):
        hooks = "".join("    - id: %s\n" % h for h in hook_ids)
        it.write(os.path.join(self.project, ".pre-commit-config.yaml"),
                 "repos:\n- repo: %s\n  rev: %s\n  hooks:\n%s" % (self.hooks, self.rev, hooks))
        self.git(self.project, "add", ".pre-commit-config.yaml")
        r = subprocess.run([PRE_COMMIT, "install"], cwd=self.project, env=self.env,
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def commit(self, message):
        return self.git(self.project, "commit", "-m", message, check=False)

    def commits(self):
        r = self.git(self.project, "rev-list", "--count", "HEAD", check=False)
        return int(r.stdout.strip()) if r.returncode == 0 else 0

    def test_bad_digest_blocked_good_digest_committed(self):
        self.configure("digestlint-check")
        # Many files: pre-commit splits them into batches run in parallel.
        for i in range(24):
            it.write(os.path.join(self.project, "reports", "2024-05-%02d.md" % (i + 1)), CLEAN)
        it.write(os.path.join(self.project, "notes.txt"), "not Markdown\n")
        self.git(self.project, "add", ".")
        r = self.commit("good digests")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertRegex(r.stdout + r.stderr, r"digestlint-check\.+Passed")
        self.assertEqual(self.commits(), 1)

        it.write(os.path.join(self.project, "reports", "bad.md"), BAD)
        self.git(self.project, "add", "reports/bad.md")
        r = self.commit("a bad digest")
        output = r.stdout + r.stderr
        self.assertNotEqual(r.returncode, 0, output)
        self.assertRegex(output, r"digestlint-check\.+Failed")
        self.assertIn("reports/bad.md:10:1: error: no space after '-'", output)
        self.assertEqual(self.commits(), 1)  # blocked

        it.write(os.path.join(self.project, "reports", "bad.md"), CLEAN)
        self.git(self.project, "add", "reports/bad.md")
        r = self.commit("the digest, fixed")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(self.commits(), 2)

    def test_fix_hook_fixes_in_place_then_the_commit_goes_through(self):
        self.configure("digestlint")
        for i in range(12):
            it.write(os.path.join(self.project, "d%02d.md" % i), BAD)
        self.git(self.project, "add", ".")
        r = self.commit("fixable digests")
        output = r.stdout + r.stderr
        # pre-commit stops the commit because the hook changed files...
        self.assertNotEqual(r.returncode, 0, output)
        self.assertIn("files were modified by this hook", output)
        # What was fixed is not reported as a finding too.
        self.assertNotIn("no space after '-'", output)
        self.assertEqual(self.commits(), 0)
        # ...which are now fixed in the working tree.
        for i in range(12):
            self.assertEqual(it.read(os.path.join(self.project, "d%02d.md" % i)).decode(), CLEAN)
        self.git(self.project, "add", ".")
        r = self.commit("fixed digests")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(self.commits(), 1)

    def test_fix_hook_still_blocks_what_it_cannot_fix(self):
        self.configure("digestlint")
        it.write(os.path.join(self.project, "a.md"), UNFIXABLE)
        self.git(self.project, "add", ".")
        r = self.commit("missing section")
        self.assertNotEqual(r.returncode, 0)
        output = r.stdout + r.stderr
        # Reported once, by the one hook.
        self.assertEqual(output.count("a.md:3:1: error: section 'Tools' is missing"), 1, output)
        self.assertEqual(it.read(os.path.join(self.project, "a.md")).decode(), UNFIXABLE)

    def test_a_readme_edit_passes_and_stays_untouched(self):
        self.configure("digestlint")
        readme = "# My team repo\n\n-[setup](docs/setup.md)\n- trailing  \n\n## Tools\n"
        it.write(os.path.join(self.project, "README.md"), readme)
        it.write(os.path.join(self.project, "notes", "2024-05-01.md"), "# 作業ログ\n\n-誤字\n")
        # Excluded by the config: --force-exclude applies it to staged files.
        it.write(os.path.join(self.project, ".digestlint.toml"), 'exclude = ["drafts/"]\n')
        it.write(os.path.join(self.project, "drafts", "d.md"), BAD)
        self.git(self.project, "add", ".")
        r = self.commit("docs")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertRegex(r.stdout + r.stderr, r"digestlint\.+Passed")
        self.assertEqual(it.read(os.path.join(self.project, "README.md")).decode(), readme)
        self.assertEqual(it.read(os.path.join(self.project, "drafts", "d.md")).decode(), BAD)
        self.assertEqual(self.commits(), 1)

    def test_the_readme_local_hook_works_offline(self):
        # The `repo: local` block of README.md, as written there.
        readme = it.read(it.source("README.md")).decode()
        blocks = [b.split("\n", 1)[1] for b in readme.split("```yaml")[1:]]
        local = [b.split("```")[0] for b in blocks if "repo: local" in b]
        self.assertEqual(len(local), 1, "README.md shows one `repo: local` block")
        it.write(os.path.join(self.project, ".pre-commit-config.yaml"), local[0])
        self.git(self.project, "add", ".pre-commit-config.yaml")
        r = subprocess.run([PRE_COMMIT, "install"], cwd=self.project, env=self.env,
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        it.write(os.path.join(self.project, "d.md"), BAD)
        it.write(os.path.join(self.project, "README.md"), "# Project\n\n-x\n")
        self.git(self.project, "add", ".")
        r = self.commit("with the local hook")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("files were modified by this hook", r.stdout + r.stderr)
        self.assertEqual(it.read(os.path.join(self.project, "d.md")).decode(), CLEAN)
        self.git(self.project, "add", ".")
        r = self.commit("fixed")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


def main():
    it.setup()
    if PRE_COMMIT is None:
        print("SKIPPED: pre-commit is not installed (apt-get install pre-commit)")
        sys.exit(it.SKIP)
    version = subprocess.run([PRE_COMMIT, "--version"], capture_output=True, text=True).stdout
    print("using %s (%s)" % (PRE_COMMIT, version.strip()))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
