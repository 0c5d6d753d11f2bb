#!/usr/bin/python3
"""The GitHub Action (action.yml, composite) checked and run locally (issue 5).

    /usr/bin/python3 tests/cli/test_action.py BUILD/digestlint SOURCE_DIR

GitHub itself is not reachable from here, so this test checks what can be
checked without it: the action's shape (a composite action whose shell
steps say their shell, inputs reaching scripts only through environment
variables, every expression known), and then runs its shell steps as the
runner would, in a throwaway git repository with a base and a head commit:
only the changed digests are annotated, the SARIF covers the repository,
outputs and the final status are right. The upload step
(github/codeql-action/upload-sarif) is GitHub's and is not run.
Needs python3-yaml (Debian).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None

CLEAN = it.read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden",
                             "formats", "inputs", "clean.md")).decode()
BAD = CLEAN.replace("- [多要素認証", "-[多要素認証")


def action():
    with open(it.source("action.yml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def step(name):
    return next(s for s in action()["runs"]["steps"] if s["name"] == name)


class Shape(unittest.TestCase):
    def test_composite_action_with_documented_inputs(self):
        a = action()
        self.assertEqual(a["runs"]["using"], "composite")
        for name, spec in a["inputs"].items():
            self.assertTrue(spec.get("description"), name)
            self.assertIn("default", spec, name)
        for name, spec in a["outputs"].items():
            self.assertTrue(spec["value"].startswith("${{ steps.lint.outputs."), name)

    def test_shell_steps_name_their_shell_and_splice_no_expression_into_code(self):
        for s in action()["runs"]["steps"]:
            if "run" in s:
                self.assertEqual(s.get("shell"), "bash", s["name"])
                # Expressions in `run` would be pasted into the script as
                # code: inputs and event data go through `env` instead.
                self.assertNotIn("${{", s["run"], s["name"])

    def test_every_expression_names_something_that_exists(self):
        a = action()
        with open(it.source("action.yml"), encoding="utf-8") as f:
            text = f.read()
        for ref in re.findall(r"inputs\.([a-z-]+)", text):
            self.assertIn(ref, a["inputs"])
        ids = {s.get("id") for s in a["runs"]["steps"]}
        for ref in re.findall(r"steps\.([a-z-]+)\.", text):
            self.assertIn(ref, ids)

    def test_the_script_reads_only_inputs_the_step_sets(self):
        with open(it.source("scripts", "github-action.sh"), encoding="utf-8") as f:
            script = f.read()
        used = set(re.findall(r"\b(INPUT_[A-Z_]+)\b", script))
        self.assertEqual(used, {k for k in step("Lint digests")["env"] if k.startswith("INPUT_")})

    def test_the_build_is_cached_by_action_version_and_runner_os(self):
        cache = step("Cache the digestlint build")
        self.assertTrue(cache["uses"].startswith("actions/cache@"))
        self.assertEqual(cache["with"]["key"], "${{ steps.cache-key.outputs.key }}")
        self.assertEqual(cache["with"]["path"], "${{ steps.cache-key.outputs.dir }}")
        self.assertEqual(step("Cache key")["env"]["ACTION_REF"], "${{ github.action_ref }}")
        build = step("Build digestlint")
        self.assertEqual(build["env"]["CACHE_HIT"], "${{ steps.cache.outputs.cache-hit }}")
        for name in ("Cache key", "Cache the digestlint build", "Build digestlint"):
            self.assertEqual(step(name)["if"], "inputs.digestlint == ''", name)
        names = [s["name"] for s in action()["runs"]["steps"]]
        self.assertLess(names.index("Cache the digestlint build"), names.index("Build digestlint"))

    def test_sarif_is_uploaded_with_a_category(self):
        upload = step("Upload SARIF to code scanning")
        self.assertTrue(upload["uses"].startswith("github/codeql-action/upload-sarif@"))
        self.assertEqual(upload["with"]["category"], "digestlint")
        self.assertIn("always()", upload["if"])


class Run(it.TempDirTest):
    """The shell steps, run the way the runner runs them."""

    def setUp(self):
        super().setUp()
        self.repo = self.path("repo")
        os.makedirs(self.repo)
        self.git("init", "-q")
        it.write(os.path.join(self.repo, ".digestlint.toml"), 'include = ["reports/**/*.md"]\n')
        it.write(os.path.join(self.repo, "README.md"), "Not a digest.\n")
        it.write(os.path.join(self.repo, "reports", "old.md"), BAD)
        self.git("add", ".")
        self.git("commit", "-q", "-m", "base")
        self.base = self.git("rev-parse", "HEAD").strip()
        it.write(os.path.join(self.repo, "reports", "new one.md"), BAD)
        it.write(os.path.join(self.repo, "reports", "good.md"), CLEAN)
        it.write(os.path.join(self.repo, "README.md"), "Still not a digest.\n")
        self.git("add", ".")
        self.git("commit", "-q", "-m", "head")

    def git(self, *args):
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.com")
        return subprocess.run(["git", *args], cwd=self.repo, env=env, check=True,
                              capture_output=True, text=True).stdout

    def run_step(self, name, inputs=None, base=None, outputs=None, context=None, extra_env=None):
        """Runs a shell step: its `env` with the expressions evaluated, then
        its `run` with bash, in the repository. Returns (code, stdout,
        stderr, outputs written)."""
        a = action()
        values = {k: v.get("default", "") for k, v in a["inputs"].items()}
        values.update(inputs or {})
        values["digestlint"] = it.BINARY
        known = {"github.event.pull_request.base.sha || github.event.before": base or ""}
        for k, v in (outputs or {}).items():
            known["steps.lint.outputs." + k] = v
        known.update(context or {})

        def evaluate(text):
            def one(m):
                expr = m.group(1).strip()
                if expr.startswith("inputs."):
                    return values[expr[len("inputs."):]]
                self.assertIn(expr, known, "an expression this test does not know")
                return known[expr]
            return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))

        s = step(name)
        output_file = self.path("github_output")
        it.write(output_file, "")
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        env.update({k: evaluate(v) for k, v in s.get("env", {}).items()})
        env.update({"GITHUB_ACTION_PATH": it.SOURCE, "GITHUB_OUTPUT": output_file,
                    "GITHUB_STEP_SUMMARY": self.path("summary.md"),
                    "GITHUB_ENV": self.path("github_env")})
        env.update(extra_env or {})
        p = subprocess.run(["bash", "-e", "-c", s["run"]], cwd=self.repo, env=env,
                           capture_output=True, text=True)
        written = dict(line.split("=", 1) for line in it.read(output_file).decode().splitlines())
        return p.returncode, p.stdout, p.stderr, written

    def annotated(self, stdout):
        files = set()
        for line in stdout.splitlines():
            command = it.github_command(line)
            if command and command[0] in ("error", "warning", "notice") and "file" in command[1]:
                files.add(command[1]["file"])
        return files

    def sarif_files(self, sarif_file):
        doc = json.loads(it.read(os.path.join(self.repo, sarif_file)))
        return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in doc["runs"][0]["results"]}

    def test_pull_request_annotates_changed_digests_and_uploads_everything(self):
        code, out, err, outputs = self.run_step("Lint digests", base=self.base)
        self.assertEqual(code, 0, err)
        # new one.md, good.md and README.md changed; the config leaves README.md out.
        self.assertIn("3 changed Markdown file(s)", out)
        self.assertEqual(self.annotated(out), {"reports/new one.md"})
        self.assertEqual(outputs, {"sarif-file": "digestlint.sarif", "exit-code": "1"})
        self.assertEqual(self.sarif_files("digestlint.sarif"),
                         {"reports/new%20one.md", "reports/old.md"})
        summary = it.read(self.path("summary.md")).decode()
        self.assertIn("1  DL201  missing-space-after-marker", summary)
        # The last step turns the recorded status into the job's.
        code, _, _, _ = self.run_step("Fail on findings", outputs={"exit-code": "1"})
        self.assertEqual(code, 1)

    def test_without_a_base_commit_everything_is_linted(self):
        for base in ("", "0" * 40):
            code, out, err, outputs = self.run_step("Lint digests", base=base)
            self.assertEqual(code, 0, err)
            self.assertIn("linting the whole repository", out)
            self.assertEqual(self.annotated(out), {"reports/new one.md", "reports/old.md"})
            self.assertEqual(outputs["exit-code"], "1")

    def test_explicit_paths_args_and_fail_on(self):
        code, out, err, outputs = self.run_step(
            "Lint digests", base=self.base,
            inputs={"paths": "reports/good.md\n", "args": "--select\nDL1",
                    "fail-on": "error", "sarif-file": "x.sarif"})
        self.assertEqual(code, 0, err)
        self.assertEqual(self.annotated(out), set())
        self.assertEqual(outputs["exit-code"], "0")
        # --select DL1 reached the SARIF run too: no DL201 results.
        self.assertEqual(self.sarif_files("x.sarif"), set())
        code, _, _, _ = self.run_step("Fail on findings", outputs={"exit-code": "0"})
        self.assertEqual(code, 0)

    def test_nothing_changed(self):
        it.write(os.path.join(self.repo, "notes.txt"), "x\n")
        self.git("add", ".")
        self.git("commit", "-q", "-m", "no digest")
        head = self.git("rev-parse", "HEAD").strip()
        self.git("commit", "-q", "--allow-empty", "-m", "empty")
        code, out, err, outputs = self.run_step("Lint digests", base=head)
        self.assertEqual(code, 0, err)
        self.assertIn("no Markdown file changed", out)
        self.assertEqual(outputs["exit-code"], "0")

    def test_only_non_digests_changed_or_a_changed_digest_deleted(self):
        # A README edit: named to digestlint, skipped as not a digest.
        it.write(os.path.join(self.repo, "README.md"), "# Project\n\n-x\n")
        self.git("commit", "-q", "-am", "readme")
        code, out, err, outputs = self.run_step("Lint digests", base=self.git(
            "rev-parse", "HEAD~1").strip())
        self.assertEqual((code, outputs["exit-code"]), (0, "0"), out + err)
        # A changed digest deleted: left out of the list, not a missing file.
        head = self.git("rev-parse", "HEAD").strip()
        self.git("rm", "-q", "reports/old.md")
        self.git("commit", "-q", "-m", "delete a digest")
        code, out, err, outputs = self.run_step("Lint digests", base=head)
        self.assertEqual((code, outputs["exit-code"]), (0, "0"), out + err)
        self.assertIn("no Markdown file changed", out)

    def test_cache_key_and_a_cached_build(self):
        ref = {"github.action_ref": "v0.2.0"}
        _, _, err, first = self.run_step("Cache key", context=ref, extra_env={"RUNNER_OS": "Linux"})
        self.assertIn("key", first, err)
        self.assertRegex(first["key"], r"^digestlint-Linux-[^-]+-.+-v0\.2\.0-[0-9a-f]{16}$")
        self.assertTrue(os.path.isabs(first["dir"]))
        _, _, _, again = self.run_step("Cache key", context=ref, extra_env={"RUNNER_OS": "Linux"})
        self.assertEqual(first, again)  # stable: a cache hit on the next run
        _, _, _, other = self.run_step("Cache key", context={"github.action_ref": "v0.3.0"},
                                       extra_env={"RUNNER_OS": "Linux"})
        self.assertNotEqual(first["key"], other["key"])
        _, _, _, macos = self.run_step("Cache key", context=ref, extra_env={"RUNNER_OS": "macOS"})
        self.assertNotEqual(first["key"], macos["key"])
        # A cache hit: the restored binary is used, nothing is built.
        bin_dir = self.path("restored")
        os.makedirs(bin_dir)
        shutil.copy(it.BINARY, os.path.join(bin_dir, "digestlint"))
        code, out, err, _ = self.run_step(
            "Build digestlint",
            context={"steps.cache.outputs.cache-hit": "true",
                     "steps.cache-key.outputs.dir": bin_dir})
        self.assertEqual(code, 0, err)
        self.assertIn("using the cached build", out)
        self.assertEqual(it.read(self.path("github_env")).decode(),
                         "DIGESTLINT_BIN=%s/digestlint\n" % bin_dir)

    def test_hostile_inputs_stay_data(self):
        code, out, err, outputs = self.run_step(
            "Lint digests", base=self.base,
            inputs={"paths": "reports/good.md\n$(touch pwned)\n`touch pwned2`; touch pwned3"})
        self.assertFalse(any(os.path.exists(os.path.join(self.repo, n))
                             for n in ("pwned", "pwned2", "pwned3")))
        self.assertEqual(outputs["exit-code"], "2")  # the odd names are missing files


def main():
    it.setup()
    if yaml is None:
        print("SKIPPED: python3-yaml is not installed")
        sys.exit(it.SKIP)
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
