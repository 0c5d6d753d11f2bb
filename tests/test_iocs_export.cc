// The IOC export below the command line (lint/export/): the date from a
// path, the type and refanged value of each entry, what is skipped and why,
// duplicates within a digest.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/date_pattern.h"
#include "config/schema_loader.h"
#include "digestlint/digest.h"
#include "digestlint/schema.h"
#include "export/ioc_record.h"
#include "model/articles.h"
#include "parse/scanner.h"

using namespace digestlint;

namespace {

const Schema& modern() {
  static const auto schema = [] {
    Error error;
    auto s = load_schema("daily-security-info", error);
    REQUIRE(s);
    return s;
  }();
  return *schema;
}

// The records of a one-article digest whose IOC block holds `entries`.
struct Exported {
  std::string text;
  SourceText source;
  Document doc;
  Digest digest;
  std::vector<IocRecord> records;
  SkipCounts skipped;

  explicit Exported(const std::vector<std::string>& entries) {
    text =
        "# Daily Security Info\n\n### Tools\nN/A\n\n### malware campaign\nN/A\n\n"
        "### security report\nN/A\n\n### cybercrime topics\nN/A\n\n### 日々のニュース要約\n\n"
        "#### 記事, \"題\"\nhttps://news.example.jp/a\n\n- 要約\n    - 要約\n- IOCの列挙\n";
    for (const std::string& e : entries)
      text += "    - " + e + "\n";
    text +=
        "- 推奨事項\n    - 推奨事項なし\n- その他\n    - なし\n- ChatGPTの推奨事項\n"
        "    - 推奨事項なし\n\n### 日本のインシデント事例\nN/A\n\n### その他のメモ\nN/A\n";
    source.reset(text);
    Scanner scanner;
    scanner.scan(source, doc);
    build_digest(doc, source, modern(), digest);
    extract_records(digest, text, "d/20240515.md", "2024-05-15", records, skipped);
  }
};

}  // namespace

TEST_CASE("a digest's date from its path") {
  CHECK(date_from_path(kDefaultDatePattern, "reports/20240515.md") == "2024-05-15");
  CHECK(date_from_path(kDefaultDatePattern, "digest-20240229-final.md") == "2024-02-29");
  // Impossible dates, digits running on, and the directory for a pattern
  // without '/' are no match.
  CHECK(date_from_path(kDefaultDatePattern, "20230229.md").empty());
  CHECK(date_from_path(kDefaultDatePattern, "20241301.md").empty());
  CHECK(date_from_path(kDefaultDatePattern, "120240515.md").empty());
  CHECK(date_from_path(kDefaultDatePattern, "20240515/digest.md").empty());
  CHECK(date_from_path("YYYY/MM/DD", "reports/2024/05/15/digest.md") == "2024-05-15");
  CHECK(date_from_path("DD.MM.YYYY", "15.05.2024.md") == "2024-05-15");
}

TEST_CASE("a date pattern holds YYYY, MM and DD once each") {
  CHECK(date_pattern_error("YYYYMMDD").empty());
  CHECK(date_pattern_error("YYYY-MM-DD").empty());
  CHECK_FALSE(date_pattern_error("").empty());
  CHECK_FALSE(date_pattern_error("YYYY-MM").empty());
  CHECK_FALSE(date_pattern_error("YYYYY-MM-DD").empty());
  CHECK_FALSE(date_pattern_error("YYYY-MM-DD-DD").empty());
}

TEST_CASE("each exported entry is typed from its value and 分類, and refanged") {
  const Exported x({
      "198.51.100[.]23:8443,IPアドレス,知られていない,C2,グローバル",
      "2001:db8[:][:]5,IPアドレス,知られていない,C2,グローバル",
      "192.0.2.0/24,IPアドレス,知られていない,ネットワーク,グローバル",
      "evil[.]example[.]com,URL,知られていない,分類が違う,NA(IP以外)",
      "hxxps://evil[.]example[.]com/a,URL,知られていない,配布,NA(IP以外)",
      "x[@]evil[.]example[.]com,メールアドレス,知られていない,送信元,NA(IP以外)",
      "invoice.zip,ファイル名,知られていない,添付,NA(IP以外)",
      "d41d8cd98f00b204e9800998ecf8427e,MD5,知られていない,ハッシュ,NA(IP以外)",
      "1ca4cbac895fc3bd12417b77fc6ed31d,SSHフィンガープリント,知られていない,指紋,NA(IP以外)",
  });
  REQUIRE(x.records.size() == 9);
  auto check = [&](std::size_t i, IocType type, std::string_view value) {
    INFO(i);
    CHECK(x.records[i].type == type);
    CHECK(x.records[i].value == value);
  };
  check(0, IocType::Ip, "198.51.100.23");  // the port is not part of the address
  check(1, IocType::Ipv6, "2001:db8::5");
  check(2, IocType::Ip, "192.0.2.0/24");
  check(3, IocType::Domain, "evil.example.com");  // the value says what it is
  check(4, IocType::Url, "https://evil.example.com/a");
  check(5, IocType::Email, "x@evil.example.com");
  check(6, IocType::Other, "invoice.zip");  // 'zip' is a TLD, but not under ファイル名
  check(7, IocType::FileHashMd5, "d41d8cd98f00b204e9800998ecf8427e");
  check(8, IocType::Other, "1ca4cbac895fc3bd12417b77fc6ed31d");  // not a file hash
  const IocRecord& r = x.records[0];
  CHECK(r.written == "198.51.100[.]23:8443");
  CHECK(r.title == "記事, \"題\"");
  CHECK(r.article_url == "https://news.example.jp/a");
  CHECK(r.date == "2024-05-15");
  CHECK(r.path == "d/20240515.md");
  CHECK(r.line == 23);  // 1-based
  CHECK(x.skipped.total() == 0);
}

TEST_CASE("entries failing the grammar are skipped with a reason; duplicates written once") {
  const Exported x({
      "198.51.100[.]23,IPアドレス,知られていない,C2,グローバル",
      "198.51.100[.]23,IPアドレス,知られていない,同じC2,グローバル",
      "198.51.100[.]24,IPアドレス,知られていない,フィールド不足",
      "IOC情報はこちら: https://news.example.jp/iocs.txt",
      "ただの文章",
      "198.51.100[.]25,IPアドレス,知られていない,C2,どこか",
      ",FQDN名,知られていない,値がない,NA(IP以外)",
  });
  REQUIRE(x.records.size() == 1);
  CHECK(x.records[0].description == "C2");
  CHECK(x.skipped.total() == 5);
  CHECK(x.skipped.reasons.at("fewer than 5 fields") == 1);
  CHECK(x.skipped.reasons.at("not comma-separated fields") == 1);
  CHECK(x.skipped.reasons.at("empty value (field 1)") == 1);
  CHECK(x.skipped.reasons.at("field 5 is not a scope (グローバル / プライベート / NA(IP以外))") ==
        1);
  CHECK(x.skipped.reasons.size() == 5);
}
