#!/usr/bin/python3
"""`digestlint iocs` (issue 11): golden CSV, JSON Lines and STIX for
tests/golden/iocs/inputs/, every CSV row read back with the csv module,
every refanged ip parsed by ipaddress, --dedupe, the date from the path,
skipped entries counted on stderr, usage errors.

    /usr/bin/python3 tests/cli/test_iocs.py BUILD/digestlint SOURCE_DIR

Regenerate the golden files with DIGESTLINT_UPDATE_GOLDEN=1, then review.
"""

import csv
import io
import ipaddress
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import integration as it  # noqa: E402

COLUMNS = ["ioc_type", "ioc_value", "ioc_value_written", "category", "familiarity",
           "description", "scope", "date", "article_title", "article_url", "path", "line"]


def iocs(*args, cwd=None):
    return it.run("iocs", *args, cwd=cwd or it.source("tests", "golden", "iocs"))


def csv_rows(text):
    # RFC 4180: CRLF row ends; newline="" lets csv see them as written.
    return list(csv.DictReader(io.StringIO(text, newline="")))


class Export(it.TempDirTest):
    def test_golden_csv(self):
        r = iocs("--no-config", "inputs")
        self.assertEqual(r.code, 0, r.err)
        it.check_golden(self, "iocs/expected.csv", r.out)

    def test_golden_jsonl(self):
        r = iocs("--no-config", "--format", "jsonl", "inputs")
        self.assertEqual(r.code, 0, r.err)
        it.check_golden(self, "iocs/expected.jsonl", r.out)

    def test_golden_stix(self):
        r = iocs("--no-config", "--format", "stix", "inputs")
        self.assertEqual(r.code, 0, r.err)
        it.check_golden(self, "iocs/expected.stix.json", r.out)

    def test_csv_reads_back(self):
        r = iocs("--no-config", "inputs")
        self.assertTrue(r.out.startswith(",".join(COLUMNS) + "\r\n"))
        rows = list(csv.reader(io.StringIO(r.out, newline="")))
        self.assertEqual(rows[0], COLUMNS)
        self.assertGreater(len(rows), 1)
        for row in rows[1:]:
            self.assertEqual(len(row), len(COLUMNS), row)
        by_value = {x["ioc_value"]: x for x in csv_rows(r.out)}
        # A context holding a comma and quotes survives the quoting.
        self.assertEqual(by_value["login-portal.example.com"]["description"],
                         'フィッシング,"偽"ログイン画面')
        self.assertEqual(by_value["login-portal.example.com"]["ioc_type"], "domain")
        self.assertEqual(by_value["https://cdn.example.net/payload.bin"]["ioc_type"], "url")
        self.assertEqual(by_value["attacker@mail.example.org"]["ioc_type"], "email")
        self.assertEqual(by_value["evil-helper-lib"]["ioc_type"], "other")
        self.assertEqual(by_value["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]
                         ["ioc_type"], "file_hash_sha256")
        row = by_value["198.51.100.23"]
        self.assertEqual(row["date"], "2024-05-15")
        self.assertEqual(row["article_url"], "https://news.example.com/2024/05/fake-vpn-installer")
        self.assertEqual(row["path"], "inputs/20240515.md")
        self.assertEqual(row["line"], "23")
        self.assertEqual(row["ioc_value_written"], "198.51.100[.]23")

    def test_every_ip_parses(self):
        r = iocs("--no-config", "--format", "jsonl", "inputs")
        records = [json.loads(line) for line in r.out.splitlines()]
        ips = [x for x in records if x["ioc_type"] in ("ip", "ipv6")]
        self.assertEqual({x["ioc_type"] for x in ips}, {"ip", "ipv6"})
        for x in ips:
            address = ipaddress.ip_interface(x["ioc_value"]).ip
            self.assertEqual(address.version, 4 if x["ioc_type"] == "ip" else 6, x)
        # The port is not part of the address; the value as written keeps it.
        port = [x for x in ips if x["ioc_value_written"].endswith(":8443")]
        self.assertEqual([x["ioc_value"] for x in port], ["203.0.113.50"])

    def test_duplicates_within_a_digest_once_and_skips_counted(self):
        r = iocs("--no-config", "--format", "jsonl", "inputs")
        values = [json.loads(line)["ioc_value"] for line in r.out.splitlines()]
        self.assertEqual(values.count("198.51.100.23"), 1)
        self.assertIn("2 IOC entries skipped", r.err)
        self.assertIn("fewer than 5 fields", r.err)
        self.assertIn("IOC情報はこちら", r.err)
        self.assertIn("10 indicators from 1 digest", r.err)

    def test_dedupe_across_digests(self):
        d = os.path.join(self.dir, "d")
        text = it.read(it.source("tests", "golden", "iocs", "inputs", "20240515.md"))
        it.write(os.path.join(d, "20240515.md"), text)
        it.write(os.path.join(d, "20240516.md"), text)
        plain = iocs("--no-config", "--format", "jsonl", d)
        deduped = iocs("--no-config", "--format", "jsonl", "--dedupe", d)
        self.assertEqual(len(plain.out.splitlines()), 20)
        self.assertEqual(len(deduped.out.splitlines()), 10)
        # In STIX the second digest's report refers to the first's indicators.
        stix = json.loads(iocs("--no-config", "--format", "stix", "--dedupe", d).out)
        reports = [o for o in stix["objects"] if o["type"] == "report"]
        self.assertEqual(len(reports), 2)
        self.assertEqual(reports[0]["object_refs"], reports[1]["object_refs"])
        ids = {o["id"] for o in stix["objects"] if o["type"] == "indicator"}
        self.assertEqual(set(reports[1]["object_refs"]), ids)

    def test_stix_is_deterministic_and_ordered(self):
        a = iocs("--no-config", "--format", "stix", "inputs").out
        b = iocs("--no-config", "--format", "stix", "inputs").out
        self.assertEqual(a, b)
        objects = json.loads(a)["objects"]
        self.assertEqual(objects[-1]["type"], "report")
        indicators = [o["id"] for o in objects if o["type"] == "indicator"]
        self.assertEqual(objects[-1]["object_refs"], indicators)
        patterns = {o["pattern"] for o in objects if o["type"] == "indicator"}
        self.assertIn("[ipv4-addr:value = '198.51.100.23']", patterns)
        self.assertIn("[file:hashes.'SHA-256' = "
                      "'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
                      patterns)

    def test_ioc_sections_in_document_order(self):
        # A `content = "ioc"` section before the articles: its entries come
        # first, with no article; the articles' entries keep their titles.
        schema = it.run("--print-schema", cwd=self.dir).out
        articles = '[[sections]]\nheading = "日々のニュース要約"'
        self.assertIn(articles, schema)
        schema = schema.replace(
            articles, '[[sections]]\nheading = "IOC一覧"\nlevel = 3\ncontent = "ioc"\n\n' + articles)
        it.write(self.path("with-list.toml"), schema)
        digest = it.read(it.source("tests", "golden", "iocs", "inputs", "20240515.md")).decode()
        digest = digest.replace("### 日々のニュース要約", "### IOC一覧\n- 192.0.2[.]77,IPアドレス,"
                                "知られていない,一覧の項目,グローバル\n\n### 日々のニュース要約")
        it.write(self.path("20240516.md"), digest)
        r = iocs("--no-config", "--schema", "with-list.toml", "20240516.md", cwd=self.dir)
        self.assertEqual(r.code, 0, r.err)
        rows = csv_rows(r.out)
        lines = [int(x["line"]) for x in rows]
        self.assertEqual(lines, sorted(lines))
        self.assertEqual((rows[0]["ioc_value"], rows[0]["article_title"]), ("192.0.2.77", ""))
        self.assertEqual(rows[1]["article_title"], '偽の"VPN"インストーラー、ローダーを配布')
        self.assertEqual(len(rows), len(csv_rows(iocs("--no-config", "inputs").out)) + 1)

    def test_output_file(self):
        out = os.path.join(self.dir, "out.csv")
        r = iocs("--no-config", "--output-file", out, "inputs")
        self.assertEqual((r.code, r.out), (0, ""))
        self.assertEqual(it.read(out).decode(), iocs("--no-config", "inputs").out)

    def test_date_pattern_from_config(self):
        d = os.path.join(self.dir, "reports", "2024", "05", "15")
        text = it.read(it.source("tests", "golden", "iocs", "inputs", "20240515.md"))
        it.write(os.path.join(d, "digest.md"), text)
        r = iocs("--no-config", "reports", cwd=self.dir)
        self.assertEqual({x["date"] for x in csv_rows(r.out)}, {""})
        stix = iocs("--no-config", "--format", "stix", "reports", cwd=self.dir)
        self.assertNotIn("objects", json.loads(stix.out))
        self.assertIn("without a date", stix.err)
        it.write(os.path.join(self.dir, ".digestlint.toml"),
                 '[iocs]\ndate-pattern = "YYYY/MM/DD"\n')
        r = iocs("reports", cwd=self.dir)
        self.assertEqual({x["date"] for x in csv_rows(r.out)}, {"2024-05-15"})

    def test_bad_date_pattern_is_a_config_error(self):
        it.write(os.path.join(self.dir, ".digestlint.toml"), '[iocs]\ndate-pattern = "YYYY-MM"\n')
        it.write(os.path.join(self.dir, "20240515.md"), "# Daily Security Info\n")
        r = iocs(".", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn(".digestlint.toml:2:16: error: bad [iocs] date-pattern", r.err)
        it.write(os.path.join(self.dir, ".digestlint.toml"), '[iocs]\ndate_pattern = "YYYY"\n')
        r = iocs(".", cwd=self.dir)
        self.assertEqual(r.code, 2)
        self.assertIn("date_pattern", r.err)

    def test_readme_samples_are_the_golden_output(self):
        readme = it.read(it.source("README.md")).decode()
        rows = it.read(it.source("tests", "golden", "iocs", "expected.csv")).decode().split("\r\n")
        self.assertIn(rows[0] + "\n" + rows[1] + "\n", readme)
        jsonl = it.read(it.source("tests", "golden", "iocs", "expected.jsonl")).decode()
        self.assertTrue(any(line in readme for line in jsonl.splitlines()))
        stix = it.read(it.source("tests", "golden", "iocs", "expected.stix.json")).decode()
        self.assertIn("\n".join(stix.splitlines()[:2]), readme)

    def test_usage_errors(self):
        self.assertEqual(iocs("--format", "xml", "inputs").code, 2)
        self.assertEqual(iocs().code, 2)
        r = iocs("--no-config", "missing-dir")
        self.assertEqual(r.code, 2)
        self.assertIn("missing-dir", r.err)


if __name__ == "__main__":
    it.setup()
    unittest.main(verbosity=2)
