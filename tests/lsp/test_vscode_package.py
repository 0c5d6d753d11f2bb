#!/usr/bin/env python3
"""The VS Code extension (editors/vscode/): its npm dependencies installed
in a copy under the build directory, activate() checked with stand-ins for
VS Code, and a .vsix packaged by @vscode/vsce. Skipped (77), saying why,
without node/npm or when the npm registry cannot be reached.

Usage: test_vscode_package.py SOURCE_DIR WORK_DIR"""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

SOURCE = Path(sys.argv[1])
WORK = Path(sys.argv[2])
HERE = Path(__file__).resolve().parent


def skip(why):
    print("SKIP:", why)
    return 77


def main():
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return skip("node or npm not found (Debian packages 'nodejs' and 'npm'); the .vsix was not built")
    print(subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip(), "npm",
          subprocess.run([npm, "--version"], capture_output=True, text=True).stdout.strip())
    copy = WORK / "vscode-extension"
    if copy.exists():
        # node_modules is kept between runs: npm install is then quick.
        for entry in copy.iterdir():
            if entry.name != "node_modules":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    copy.mkdir(parents=True, exist_ok=True)
    for entry in (SOURCE / "editors" / "vscode").iterdir():
        if entry.name not in ("node_modules",) and not entry.name.endswith(".vsix"):
            shutil.copy2(entry, copy / entry.name)

    install = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=copy,
                             capture_output=True, text=True, timeout=600)
    if install.returncode != 0:
        ping = subprocess.run([npm, "ping"], cwd=copy, capture_output=True, text=True, timeout=120)
        if ping.returncode != 0:
            return skip("the npm registry cannot be reached (npm ping failed); the .vsix was not built")
        print(install.stdout, install.stderr)
        print("FAIL: npm install")
        return 1

    failures = []
    activate = subprocess.run([node, str(HERE / "vscode_activate.js"), str(copy)], capture_output=True, text=True, timeout=60)
    print(activate.stdout.strip(), activate.stderr.strip())
    if activate.returncode != 0:
        failures.append("extension.js activate()")

    vsix = copy / "digestlint.vsix"
    package = subprocess.run([str(copy / "node_modules" / ".bin" / "vsce"), "package", "--skip-license",
                              "--allow-missing-repository", "--out", str(vsix)],
                             cwd=copy, capture_output=True, text=True, timeout=600, input="")
    print(package.stdout.strip(), package.stderr.strip())
    if package.returncode != 0 or not vsix.is_file():
        failures.append("vsce package")
    else:
        with zipfile.ZipFile(vsix) as z:
            names = set(z.namelist())
            manifest = json.loads(z.read("extension/package.json"))
        for needed in ("extension/extension.js", "extension/package.json",
                       "extension/node_modules/vscode-languageclient/package.json", "extension.vsixmanifest"):
            if needed not in names:
                failures.append(f"{needed} missing from the .vsix")
        if "extension/tasks.json" in names:
            failures.append("tasks.json packaged (it is for .vscode/, not the extension)")
        if any(n.startswith("extension/node_modules/@vscode/vsce/") for n in names):
            failures.append("the packager itself was packaged")
        if "onLanguage:markdown" not in manifest.get("activationEvents", []):
            failures.append("not activated for Markdown")
        if "digestlint.path" not in manifest["contributes"]["configuration"]["properties"]:
            failures.append("no digestlint.path setting")
        print(f"{vsix.name}: {vsix.stat().st_size} bytes, {len(names)} files")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
