"""Helpers shared by the integration tests (issue 5) under tests/cli/.

Each test script is run by CTest as

    /usr/bin/python3 tests/cli/test_X.py BUILD/digestlint SOURCE_DIR [unittest args]

Standard library only (plus python3-jsonschema and pre-commit where a test
says so), from Debian 12.
"""

import collections
import os
import subprocess
import sys
import tempfile
import unittest

BINARY = ""
SOURCE = ""

# The rules the golden files are made with: fixed, so rules added later
# cannot change them.
GOLDEN_RULES = "DL101,DL102,DL103,DL106,DL114,DL201,DL208,DL701,DL702"

Result = collections.namedtuple("Result", "code out err")

# Skipped tests exit with this status; CTest's SKIP_RETURN_CODE matches it.
SKIP = 77


def setup():
    """Reads BINARY and SOURCE from the command line; the rest goes to unittest."""
    global BINARY, SOURCE
    if len(sys.argv) < 3:
        sys.exit("usage: %s BUILD/digestlint SOURCE_DIR [unittest args]" % sys.argv[0])
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE = os.path.abspath(sys.argv[2])
    del sys.argv[1:3]


def run(*args, cwd=None, stdin=None, env=None, binary=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    p = subprocess.run([binary or BINARY, *args], cwd=cwd, input=stdin, capture_output=True,
                       env=full_env)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"),
                  p.stderr.decode("utf-8", "replace"))


def source(*parts):
    return os.path.join(SOURCE, *parts)


def write(path, text, mode=None):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)
    if mode is not None:
        os.chmod(path, mode)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def updating_golden():
    """The one convention for rewriting expected output, shared by the C++
    fixture runner's DIGESTLINT_UPDATE_FIXTURES: a variable set to anything
    but "" or "0" rewrites; unset, "" or "0" compares."""
    return os.environ.get("DIGESTLINT_UPDATE_GOLDEN") not in (None, "", "0")


def check_golden(test, relative, actual):
    """Compares `actual` with tests/golden/<relative>; rewrites it instead
    when DIGESTLINT_UPDATE_GOLDEN is set (then review the diff)."""
    path = source("tests", "golden", relative)
    if updating_golden():
        write(path, actual)
        return
    if not os.path.exists(path):
        test.fail("tests/golden/%s is missing: run with DIGESTLINT_UPDATE_GOLDEN=1, then review it"
                  % relative)
    test.assertEqual(read(path).decode(), actual,
                     "output differs from tests/golden/%s (regenerate with "
                     "DIGESTLINT_UPDATE_GOLDEN=1 and review the diff)" % relative)


def github_command(line):
    """A workflow command as the Actions runner parses it (ActionCommand
    TryParseV2): None when the line is not one."""
    line = line.lstrip()
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    info = line[2:end]
    name, _, props = info.partition(" ")
    properties = {}
    for pair in props.split(","):
        key, eq, value = pair.partition("=")
        if eq and key:
            for old, new in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                             ("%25", "%")):
                value = value.replace(old, new)
            properties[key] = value
    data = line[end + 2:]
    for old, new in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        data = data.replace(old, new)
    return name, properties, data


def printable(text):
    """What the text format makes of text echoed from a digest (lint/output/escape.h)."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\x%02x" % ord(c))
        elif 0x80 <= ord(c) < 0xA0:
            out.append("\\u%04x" % ord(c))
        elif text.startswith("##[", i):
            out.append("##\\x5b")
            i += 2
        else:
            out.append(c)
        i += 1
    return "".join(out)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="digestlint-integration-")

    def tearDown(self):
        subprocess.run(["chmod", "-R", "u+rwx", self.dir], check=False)
        subprocess.run(["rm", "-rf", self.dir], check=False)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)


def main():
    setup()
    unittest.main(verbosity=2)
