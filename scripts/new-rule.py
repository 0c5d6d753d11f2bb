#!/usr/bin/env python3
"""Adds a rule: scripts/new-rule.py CODE NAME FAMILY

    scripts/new-rule.py DL513 mixed-quote-width japanese

writes, from templates:

  rules/<name_with_underscores>.cc   the rule: its documentation (What it does,
                                     Why is this bad?, Example, Use instead),
                                     its RuleInfo and a Rule whose check() is a
                                     TODO that reports nothing
  rules/rules.def                    its DIGESTLINT_RULE line, in code order
  fixtures/<family>/<name>.md        a clean digest with one TODO line the rule
                                     must report, an OK section, and the
                                     expectation block
  README.md                          the family's code range in the rules table

then regenerates docs/rules/ with the `docs` target of the build directory
(default: build/; that compiles the new rule). Until check() reports the
fixture's TODO line the fixture test fails: that failure is the to-do list.

CODE is DL<family digit><two digits>, free, of the family's hundred; NAME is
kebab-case and free, naming the bad pattern ("allow NAME" should read well).
Anything refused exits 2 with the reason, before a file is written.

Options: --root DIR (the source tree; default: this script's), --build-dir
DIR (default: ROOT/build), --no-docs (leave docs/rules/ alone).
Standard library only.
"""

import argparse
import os
import re
import subprocess
import sys

# Fixture folder -> the hundred of its codes (the README's family table).
FAMILIES = {
    "skeleton": 1,
    "sections": 1,
    "lists": 2,
    "articles": 3,
    "ioc": 4,
    "japanese": 5,
    "encoding": 6,
    "suppressions": 7,
    "parser": 9,
}

CODE_SHAPE = re.compile(r"DL[1-9][0-9][0-9]")
NAME_SHAPE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
RULEINFO = re.compile(r'extern const RuleInfo (\w+)\s*\{[^}]*?\.code = "(DL\d+)",\s*\.name = "([^"]*)"')
DEF_LINE = re.compile(r"DIGESTLINT_RULE\((\w+)\)")
README_ROW = re.compile(r"^\| (DL\d{3})(?:-(DL\d{3}))? \|", re.M)

RULE_TEMPLATE = '''\
// {code} {name}
#include "digestlint/rule.h"

namespace digestlint {{
namespace {{

// TODO({code}): write the documentation, the summary and check(). This
// fixture expects a finding on its TODO line, so the fixture test fails
// until check() reports it:
//   fixtures/{family}/{name}.md
// Then regenerate the docs: cmake --build build --target docs.
constexpr std::string_view kDoc = R"md(
## What it does

TODO: what {name} reports, in the digest's terms.

## Why is this bad?

TODO: what goes wrong for a reader of the digest or for a tool reading it.

## Example

```markdown
TODO: a line of a digest that {name} reports
```

## Use instead

```markdown
TODO: the same line as the schema wants it
```
)md";

class {cls} final : public Rule {{
 public:
  explicit {cls}(const RuleOptions&) {{}}

  void check(const LintContext& /*ctx*/, Reporter& /*report*/) const override {{
    // TODO({code}): find the pattern in ctx.digest, ctx.doc or ctx.source and
    // report it: report.report(range, "what is wrong; what to write instead").
    // Reports nothing until then.
  }}
}};

}}  // namespace

extern const RuleInfo {ident}{{
    .code = "{code}",
    .name = "{name}",
    .summary = "TODO: one line saying what is wrong",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {{}},
    .create = make_rule<{cls}>,
    .has_fix = false,
}};

}}  // namespace digestlint
'''

# A digest that lints clean under the default schema, with the line the new
# rule must report in its notes section and the cases it must leave alone.
FIXTURE_HEAD = """\
# Daily Security Info

### Tools
N/A

### malware campaign
N/A

### security report
N/A

### cybercrime topics
N/A

### 日々のニュース要約
#### VPN装置の脆弱性を悪用した攻撃
https://example.com/news/vpn-attack

- 要約
    - 攻撃者がVPN装置の脆弱性を悪用した
- IOCの列挙
    - 203.0.113[.]10,IPアドレス,知られていない,攻撃者のC2サーバ,グローバル
- 推奨事項
    - 推奨事項なし
- その他
    - なし
- ChatGPTの推奨事項
    - 推奨事項なし

### 日本のインシデント事例
N/A

### その他のメモ
"""

FIXTURE_TAIL = """\

OK:

- TODO: a line like it that {name} must not report

<!-- TODO: what this fixture shows: the line {name} reports, and why the OK lines are fine. -->

<!-- digestlint-fixture
expect:
  {line} {name}
-->
"""


class Refused(Exception):
    """A reason not to write anything; exit status 2."""


def camel(name):
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def existing_rules(root):
    """identifier -> (code, name, file) for every RuleInfo in rules/*.cc."""
    rules = {}
    rules_dir = os.path.join(root, "rules")
    for entry in sorted(os.listdir(rules_dir)):
        if entry.endswith(".cc"):
            for ident, code, name in RULEINFO.findall(read(os.path.join(rules_dir, entry))):
                rules[ident] = (code, name, entry)
    return rules


def api_type_names(root):
    """The types a rule file sees through digestlint/rule.h: a rule class
    must not take one of their names."""
    names = set()
    include = os.path.join(root, "include", "digestlint")
    if os.path.isdir(include):
        for entry in os.listdir(include):
            if entry.endswith(".h"):
                names.update(re.findall(r"\b(?:class|struct|enum class|enum|using)\s+(\w+)",
                                        read(os.path.join(include, entry))))
    return names


def plan(root, code, name, family):
    """Checks the request against the tree; returns what to write."""
    if family not in FAMILIES:
        raise Refused("unknown family '%s': the families are %s" %
                      (family, ", ".join(sorted(FAMILIES))))
    if not CODE_SHAPE.fullmatch(code):
        raise Refused("bad code '%s': a code is DL and three digits, the first 1-9 (DL513)" % code)
    if int(code[2]) != FAMILIES[family]:
        raise Refused("code %s is not in family %s, whose codes are DL%d01-DL%d99" %
                      (code, family, FAMILIES[family], FAMILIES[family]))
    if code.endswith("00"):
        raise Refused("bad code '%s': a family's codes start at DL%d01" % (code, FAMILIES[family]))
    if not NAME_SHAPE.fullmatch(name):
        raise Refused("bad name '%s': a name is kebab-case, lower-case letters and digits "
                      "starting with a letter (mixed-wave-dash)" % name)

    rules = existing_rules(root)
    for ident, (taken_code, taken_name, entry) in rules.items():
        if taken_code == code:
            raise Refused("code %s is taken by %s (rules/%s)" % (code, taken_name, entry))
        if taken_name == name:
            raise Refused("name %s is taken by %s (rules/%s)" % (name, taken_code, entry))
    cls = camel(name)
    ident = "k" + cls
    rule_file = os.path.join(root, "rules", name.replace("-", "_") + ".cc")
    fixture = os.path.join(root, "fixtures", family, name + ".md")
    if ident in rules:
        raise Refused("identifier %s is taken (rules/%s)" % (ident, rules[ident][2]))
    if cls in api_type_names(root):
        raise Refused("name %s would make a rule class %s, a type of the rule API: "
                      "choose another name" % (name, cls))
    for path in (rule_file, fixture):
        if os.path.exists(path):
            raise Refused("%s exists already" % os.path.relpath(path, root))

    rules_def = os.path.join(root, "rules", "rules.def")
    lines = read(rules_def).splitlines(keepends=True)
    codes = {i: c for i, (c, _, _) in rules.items()}
    insert_at = None
    last_rule_line = None
    for index, line in enumerate(lines):
        m = DEF_LINE.match(line)
        if not m:
            continue
        if m.group(1) not in codes:
            raise Refused("rules/rules.def lists %s, which no rules/*.cc defines" % m.group(1))
        last_rule_line = index
        if insert_at is None and codes[m.group(1)] > code:
            insert_at = index
    if insert_at is None:
        insert_at = len(lines) if last_rule_line is None else last_rule_line + 1
    lines.insert(insert_at, "DIGESTLINT_RULE(%s)\n" % ident)

    readme_path = os.path.join(root, "README.md")
    readme = read(readme_path)
    row = next((m for m in README_ROW.finditer(readme) if m.group(1)[2] == code[2]), None)
    if row is None:
        raise Refused("README.md's rules table has no row for DL%sxx: add one by hand first"
                      % code[2])
    first, last = row.group(1), row.group(2) or row.group(1)
    first, last = min(first, code), max(last, code)
    span = first if first == last else "%s-%s" % (first, last)
    readme = readme[:row.start()] + "| %s |" % span + readme[row.end():]

    fixture_text = FIXTURE_HEAD + "- TODO: a line that %s reports\n" % name
    fixture_text += FIXTURE_TAIL.format(name=name, line=fixture_text.count("\n"))

    fields = dict(code=code, name=name, family=family, cls=cls, ident=ident)
    return [
        (rule_file, RULE_TEMPLATE.format(**fields)),
        (rules_def, "".join(lines)),
        (fixture, fixture_text),
        (readme_path, readme),
    ]


def main():
    parser = argparse.ArgumentParser(
        description="Add a rule: its file, its rules.def line, a fixture, the README range "
        "and the docs.",
        epilog="example: scripts/new-rule.py DL513 mixed-quote-width japanese")
    parser.add_argument("code", help="DL<family digit><two digits>, e.g. DL513")
    parser.add_argument("name", help="kebab-case name of the bad pattern, e.g. mixed-quote-width")
    parser.add_argument("family", help="fixture folder: " + ", ".join(sorted(FAMILIES)))
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(
        __file__))), help="source tree to write into (default: this script's)")
    parser.add_argument("--build-dir", help="configured build whose `docs` target regenerates "
                        "docs/rules/ (default: ROOT/build)")
    parser.add_argument("--no-docs", action="store_true", help="do not regenerate docs/rules/")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    build = os.path.abspath(args.build_dir or os.path.join(root, "build"))

    try:
        if not os.path.isfile(os.path.join(root, "rules", "rules.def")):
            raise Refused("%s is not a digestlint source tree (no rules/rules.def)" % root)
        if not args.no_docs and not os.path.isfile(os.path.join(build, "CMakeCache.txt")):
            raise Refused("no configured build at %s to regenerate docs/rules/ with: configure "
                          "one (cmake -S %s -B %s), pass --build-dir, or --no-docs" %
                          (build, root, build))
        writes = plan(root, args.code, args.name, args.family)
    except Refused as reason:
        print("new-rule: %s" % reason, file=sys.stderr)
        return 2

    for path, text in writes:
        write(path, text)
        print("wrote %s" % os.path.relpath(path, root))
    if not args.no_docs:
        print("regenerating docs/rules/: cmake --build %s --target docs" % build, flush=True)
        status = subprocess.run(["cmake", "--build", build, "--target", "docs"]).returncode
        if status != 0:
            print("new-rule: the rule's files are written, but `cmake --build %s --target docs` "
                  "failed (status %d, see above): fix it and run it again" % (build, status),
                  file=sys.stderr)
            return 1
    rule_file = writes[0][0]
    print("next: write check() and the documentation in %s, make the TODO line of %s "
          "a real case, then cmake --build build --target docs" %
          (os.path.relpath(rule_file, root), os.path.relpath(writes[2][0], root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
