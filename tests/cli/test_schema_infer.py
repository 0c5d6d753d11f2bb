#!/usr/bin/python3
"""`digestlint schema infer`: a draft that the reports pass and their
mutations fail (issue 12).

    /usr/bin/python3 tests/cli/test_schema_infer.py BUILD/digestlint SOURCE_DIR
    /usr/bin/python3 tests/cli/test_schema_infer.py BUILD/digestlint SOURCE_DIR --corpus DIR

The round trip writes ten weekly reviews of its own (numbered sections,
numbered subsections two levels deep, a table, key: value bullets, dated
list items, an optional section, a subsection repeated one to four times,
an empty marker), infers a draft from them, lints them clean with it, and
finds each mutation of one of them with the expected rule. With --corpus,
twenty digests of one year of the corpus instead: they lint with no
structure finding (DL1xx) under their draft; skipped (77) when the corpus
is missing.
"""

import json
import os
import random
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

CORPUS = None

TASKS = ["認証の実装", "ログ基盤の整備", "性能試験", "監視の追加", "画面の改修", "手順書の更新",
         "脆弱性の対応", "移行の準備", "障害の振り返り", "データの整理", "権限の見直し",
         "費用の確認"]
OWNERS = ["山田", "佐藤", "鈴木"]
STATES = ["順調", "注意", "遅延"]
KINDS = ["技術", "運用", "体制"]
LEVELS = ["高", "中", "低"]
NOTES = ["性能の劣化", "手順書の更新", "要員の不足", "仕様の変更", "証明書の期限", "ログの欠落",
         "依存の更新", "試験環境の不足", "問い合わせの増加", "設定の誤り", "容量の逼迫",
         "連携先の障害", "承認の遅れ", "鍵の管理", "費用の超過"]


def report(i, rng):
    """One weekly review as a structure: [(section, body or subsections)]."""
    week = 19 + i
    monday = "2026-05-%02d" % (4 + i) if i < 10 else "2026-06-01"
    overview = ["期間: %s 〜 2026-05-%02d" % (monday, 8 + i),
                "担当: %s" % rng.choice(OWNERS), "状態: %s" % rng.choice(STATES)]
    if i % 3 == 0:
        overview.append("判定: %s" % ("Go" if i % 2 == 0 else "NoGo"))
    tasks = rng.sample(TASKS, 1 + i % 4)  # one to four, each count seen
    progress = [(t, "\n".join("- %s を進めた (%d)" % (t, k) for k in range(1 + i % 2)))
                for t in tasks]
    rows = ["| %s | %d | 2026-06-%02d | %s | %s |" % (rng.choice(KINDS), rng.randint(1, 9),
                                                      rng.randint(1, 28), rng.choice(LEVELS),
                                                      rng.choice(NOTES))
            for r in range(2 + i % 3)]
    table = "\n".join(["| 分類 | 件数 | 期限 | 深刻度 | 備考 |",
                       "| --- | --- | --- | --- | --- |"] + rows)
    sections = [("概要", "\n".join("- " + x for x in overview)),
                ("進捗", progress),
                ("課題", table)]
    if i % 2 == 1:  # optional, and in the middle: the numbers after it move
        sections.append(("リスク", "納期に影響する可能性がある。"))
    sections.append(("来週の予定",
                     "\n".join("- 2026-06-%02d: %s" % (1 + k, TASKS[(i + k) % len(TASKS)])
                               for k in range(1 + i % 3))))
    sections.append(("体制", [("開発", [("内訳", "- フロントエンド\n- バックエンド")]),
                              ("運用", "- 担当: %s\n- 人数: %d" % (OWNERS[i % 3], 2 + i % 3))]))
    sections.append(("メモ", "なし" if i % 2 == 0 else "来週は祝日がある。"))
    return "週次レビュー 2026-W%02d" % week, sections


def render(title, sections):
    """Markdown with the numbering computed: "## 2. 進捗", "### 2-1. ...", "#### 6-1-1. ..."."""
    out = ["# " + title, ""]

    def walk(items, level, parent):
        for n, (name, body) in enumerate(items, 1):
            number = "%s-%d" % (parent, n) if parent else str(n)
            out.extend(["#" * level + " %s. %s" % (number, name), ""])
            if isinstance(body, list):
                walk(body, level + 1, number)
            else:
                out.extend([body, ""])

    walk(sections, 2, "")
    return "\n".join(out)


def rules_in(output):
    return set(re.findall(r"\[(DL\d+) ", output))


class RoundTrip(it.TempDirTest):
    def setUp(self):
        super().setUp()
        rng = random.Random(12)
        self.structures = [report(i, rng) for i in range(10)]
        self.paths = [it.write(self.path("r%02d.md" % i), render(*s))
                      for i, s in enumerate(self.structures)]
        r = it.run("schema", "infer", *self.paths)
        self.assertEqual(r.code, 0, r.err)
        self.draft_text = r.out
        self.draft = it.write(self.path("draft.toml"), r.out)

    def lint(self, text):
        doc = it.write(self.path("m.md"), text)
        return it.run("--schema", self.draft, doc)

    def test_the_draft_describes_the_reports(self):
        d = self.draft_text
        for line in ['pattern = "週次レビュー {week}"', 'numbering = "{n}. "',
                     'numbering = "{parent}-{n}. "', '[empty_section]\nmarker = "なし"',
                     '[preamble]\nallowed = false',
                     # 進捗's subsections: free titles, one to four of them.
                     '[[sections.sections]]\npattern = "{text}"\nlevel = 3\nmin = 1\nmax = 4\n',
                     # 体制 > 開発 > 内訳: three levels.
                     '[[sections.sections.sections]]\nheading = "内訳"\nlevel = 4\n'
                     'content = "list"\nmin_items = 1\n',
                     'heading = "リスク"\nlevel = 2\nrequired = false\n',
                     'content = "table"\nmin_rows = 1\n',
                     'name = "分類"\nvalues = ["体制", "技術", "運用"]\n',
                     'name = "件数"\npattern = "{n}"\n',
                     'name = "期限"\npattern = "{date}"\n',
                     'name = "深刻度"\nvalues = ["中", "低", "高"]\n',
                     'content = "key-value"\n',
                     'name = "期間"\npattern = "{date} 〜 {date}"\n',
                     'name = "状態"\nvalues = ["注意", "遅延", "順調"]\n',
                     'name = "判定"\nrequired = false\nvalues = ["Go", "NoGo"]\n',
                     'content = "list"\nmin_items = 1\nitem_pattern = "{date}: {text}"\n']:
            self.assertIn(line, d)
        self.assertNotIn('order = "any"', d)
        self.assertIn('name = "備考"\n\n', d)  # free notes stay open
        r = it.run("schema", "check", self.draft)
        self.assertEqual(r.code, 0, r.out + r.err)

    def test_every_report_lints_clean(self):
        r = it.run("--schema", self.draft, *self.paths)
        self.assertEqual(r.code, 0, r.out + r.err)

    def test_each_mutation_is_found(self):
        title, base = self.structures[1]  # has the optional section, two subsections

        def replaced(name, new):
            return [(new(n, b) if n == name else (n, b)) for n, b in base]

        def cell(old, new):
            return replaced("課題", lambda n, b: (n, b.replace(old, new, 1)))

        first_row = [b for n, b in base if n == "課題"][0].split("\n")[2]
        cells = [c.strip() for c in first_row.strip("|").split("|")]
        sections = [n for n, _ in base]
        swapped = list(base)
        a, b = sections.index("課題"), sections.index("来週の予定")
        swapped[a], swapped[b] = swapped[b], swapped[a]
        mutations = {
            "drop a required section": (
                [s for s in base if s[0] != "概要"], "DL102"),
            "drop a required subsection": (
                replaced("体制", lambda n, b: (n, [c for c in b if c[0] != "運用"])), "DL117"),
            "drop a subsection two levels down": (
                replaced("体制", lambda n, b: (n, [("開発", "- 開発の作業")] + b[1:])), "DL117"),
            "rename a section": (
                replaced("課題", lambda n, b: ("問題", b)), "DL106"),
            "rename a table column": (
                cell("| 深刻度 |", "| 重要度 |"), "DL119"),
            "reorder two sections": (swapped, "DL104"),
            "a cell outside the column's values": (
                cell("| %s | %s |" % (cells[2], cells[3]), "| %s | 重大 |" % cells[2]), "DL120"),
            "a bad date in a date column": (
                cell("| %s |" % cells[2], "| 2026-02-30 |"), "DL120"),
            "a bad date in a key's pattern": (
                replaced("概要", lambda n, b: (n, re.sub(r"〜 \S+", "〜 2026-13-01", b))), "DL121"),
            "a key value outside its values": (
                replaced("概要", lambda n, b: (n, re.sub(r"状態: \S+", "状態: 不明", b))), "DL121"),
            "a missing required key": (
                replaced("概要", lambda n, b: (n, re.sub(r"- 担当: \S+\n", "", b))), "DL121"),
            "a list item off its pattern": (
                replaced("来週の予定", lambda n, b: (n, b + "\n- 来週のどこかで: 調整")), "DL122"),
            "too many repeated subsections": (
                replaced("進捗", lambda n, b: (n, [(t, "- 進めた") for t in TASKS[:5]])), "DL116"),
        }
        r = self.lint(render(title, base))
        self.assertEqual(r.code, 0, r.out + r.err)
        for what, (sections, rule) in mutations.items():
            with self.subTest(mutation=what):
                text = render(title, sections)
                self.assertNotEqual(text, render(title, base))
                r = self.lint(text)
                self.assertEqual(r.code, 1, r.out + r.err)
                self.assertIn(rule, rules_in(r.out), r.out)

    def test_disagreeing_order_is_any_order(self):
        title, base = self.structures[0]
        swapped = [base[0], base[2], base[1]] + base[3:]
        extra = it.write(self.path("swapped.md"), render(title, swapped))
        r = it.run("schema", "infer", *self.paths, extra)
        self.assertEqual(r.code, 0, r.err)
        self.assertIn('order = "any"', r.out)
        draft = it.write(self.path("any.toml"), r.out)
        r = it.run("--schema", draft, *self.paths, extra)
        self.assertEqual(r.code, 0, r.out + r.err)

    def infer_and_lint(self, texts):
        paths = [it.write(self.path("s%d.md" % i), t) for i, t in enumerate(texts)]
        r = it.run("schema", "infer", *paths)
        self.assertEqual(r.code, 0, r.err)
        draft = it.write(self.path("s.toml"), r.out)
        lint = it.run("--schema", draft, *paths)
        self.assertEqual(lint.code, 0, lint.out + lint.err)
        return r.out, draft

    def test_numbering_styles(self):
        # "1 A" / "1.1 x": numbers without a dot, the parent's number joined by '.'.
        dotted = ["# T\n\n## 1 A\n\n" + "".join("### 1.%d x%d\n\nt\n\n" % (k, k)
                                               for k in range(1, n + 1)) + "## 2 B\n\nt\n"
                  for n in (1, 2, 3)]
        draft, _ = self.infer_and_lint(dotted)
        self.assertIn('numbering = "{n} "', draft)
        self.assertIn('numbering = "{parent}.{n} "', draft)
        # Numbered subsections under unnumbered sections: "{n}. " below.
        plain = ["# T\n\n## A\n\n### 1. x\n\nt\n\n### 2. y\n\nt\n\n## B\n\nt\n"] * 2
        draft, _ = self.infer_and_lint(plain)
        self.assertEqual(draft.count('numbering = "{n}. "'), 1, draft)
        self.assertIn('heading = "x"', draft)
        # Numbered subsections "1. ", "2. " under numbered sections cannot be
        # told apart from a parent's, so they stay part of the heading.
        nested = ["# T\n\n## 1. A\n\n### 1. x\n\nt\n\n## 2. B\n\nt\n"] * 2
        draft, _ = self.infer_and_lint(nested)
        self.assertIn('heading = "1. x"', draft)

    def test_a_repeated_fixed_heading_has_min_and_max(self):
        def text(n):
            return ("# T\n\n## A\n\nx\n\n" + "## 更新\n\n- u\n\n### 詳細\n\n- d\n\n" * n +
                    "## B\n\ny\n")
        draft, path = self.infer_and_lint([text(n) for n in (1, 2, 3)])
        self.assertIn('heading = "更新"\nlevel = 2\nmin = 1\nmax = 3\n', draft)
        r = it.run("--schema", path, it.write(self.path("four.md"), text(4)))
        self.assertEqual(r.code, 1)
        self.assertIn("DL116", rules_in(r.out))

    def test_a_report_without_a_title_is_an_error(self):
        doc = it.write(self.path("x.md"), "## A\n\ntext\n")
        r = it.run("schema", "infer", doc)
        self.assertEqual(r.code, 2)
        self.assertIn("no title", r.err)

    def test_a_report_without_sections_is_an_error(self):
        doc = it.write(self.path("x.md"), "# only a title\n")
        r = it.run("schema", "infer", doc)
        self.assertEqual(r.code, 2)
        self.assertIn("no sections", r.err)


class Corpus(it.TempDirTest):
    """Twenty digests spread over 2025: no structure finding under their draft."""

    def test_corpus_digests_pass_their_draft(self):
        year = sorted(os.path.join(root, f) for root, _, files in os.walk(CORPUS)
                      for f in files if f.startswith("2025") and f.endswith(".md"))
        self.assertGreaterEqual(len(year), 20, "too few 2025 digests in " + CORPUS)
        picked = year[::len(year) // 20][:20]
        r = it.run("schema", "infer", *picked)
        self.assertEqual(r.code, 0, r.err)
        draft = it.write(self.path("draft.toml"), r.out)
        self.assertIn("[[sections.sections]]", r.out)  # the articles, as a pattern
        self.assertEqual(it.run("schema", "check", draft).code, 0)
        r = it.run("--schema", draft, "--format", "json", *picked)
        self.assertIn(r.code, (0, 1), r.err)
        structure = ["%s:%d %s %s" % (f["path"], d["line"], d["rule"], d["message"])
                     for f in json.loads(r.out)["files"] for d in f["diagnostics"]
                     if d["rule"].startswith("DL1")]
        self.assertEqual(structure, [])


def main():
    global CORPUS
    it.setup()
    if "--corpus" in sys.argv:
        at = sys.argv.index("--corpus")
        CORPUS = sys.argv[at + 1]
        del sys.argv[at:at + 2]
        if not os.path.isdir(CORPUS):
            print("SKIPPED: no corpus at %s" % CORPUS)
            sys.exit(it.SKIP)
        sys.argv[1:1] = ["Corpus"]
    else:
        sys.argv[1:1] = ["RoundTrip"]
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
