// The article model and the IOC grammar below the rules: how IOC entries
// are split and anchored, how values are classified, which lines are IOC
// lines for the prose rules, how labels and articles are read, --schema
// auto, and the strictness of the [articles] / [ioc] schema tables.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "config/schema_loader.h"
#include "digestlint/digest.h"
#include "digestlint/schema.h"
#include "model/articles.h"
#include "parse/scanner.h"

using namespace digestlint;

namespace {

std::shared_ptr<const Schema> builtin(std::string_view name) {
  Error error;
  auto schema = load_schema(name, error);
  REQUIRE(schema);
  return schema;
}

const Schema& modern() {
  static const auto schema = builtin("daily-security-info");
  return *schema;
}

// One IOC entry parsed from `text`, with its fields as strings.
struct Parsed {
  std::string text;
  IocEntry entry;

  explicit Parsed(std::string t) : text(std::move(t)) {
    parse_ioc_entry(text, {0, static_cast<Offset>(text.size())}, modern().ioc, entry);
  }
  std::string field(int i) const {
    return text.substr(entry.fields[i].begin, entry.fields[i].size());
  }
};

// A digest built from `text`; owns everything the Digest points into.
class Built {
 public:
  Built(std::string text, const Schema& schema) : text_(std::move(text)) {
    source_.reset(text_);
    Scanner scanner;
    scanner.scan(source_, doc_);
    build_digest(doc_, source_, schema, digest_);
  }
  const Digest& digest() const { return digest_; }
  std::string text(ByteRange r) const { return text_.substr(r.begin, r.size()); }

 private:
  std::string text_;
  SourceText source_;
  Document doc_;
  Digest digest_;
};

std::string digest_with(std::string_view articles) {
  return "# Daily Security Info\n\n### Tools\nN/A\n\n### malware campaign\nN/A\n\n"
         "### security report\nN/A\n\n### cybercrime topics\nN/A\n\n### 日々のニュース要約\n\n" +
         std::string(articles) + "\n### 日本のインシデント事例\nN/A\n\n### その他のメモ\nN/A\n";
}

}  // namespace

TEST_CASE("an IOC entry is split into its five fields, trimmed", "[ioc]") {
  const Parsed p("evil[.]example[.]com, FQDN名, 知られていない, C2サーバー, NA(IP以外)");
  CHECK(p.entry.kind == IocKind::Entry);
  CHECK(p.entry.anchored);
  CHECK(p.entry.raw_fields == 5);
  CHECK(p.field(0) == "evil[.]example[.]com");
  CHECK(p.field(1) == "FQDN名");
  CHECK(p.field(2) == "知られていない");
  CHECK(p.field(3) == "C2サーバー");
  CHECK(p.field(4) == "NA(IP以外)");
  for (int f = 0; f < 5; ++f)
    CHECK(p.entry.match[f] == FieldMatch::Exact);
  CHECK(p.entry.category == modern().ioc.find_category("FQDN名"));
  CHECK(p.entry.scope == modern().ioc.find_scope("NA(IP以外)"));
}

TEST_CASE("commas inside the context or the value do not shift the fields", "[ioc]") {
  const Parsed context(
      "45[.]61[.]157[.]120,IPアドレス,知られていない,約28,900回の試行を観測,グローバル");
  CHECK(context.entry.raw_fields == 6);
  CHECK(context.entry.anchored);
  CHECK(context.field(0) == "45[.]61[.]157[.]120");
  CHECK(context.field(3) == "約28,900回の試行を観測");
  CHECK(context.field(4) == "グローバル");

  const Parsed value(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko),"
      "ユーザーエージェント,知られていない,攻撃ツール,NA(IP以外)");
  CHECK(value.entry.anchored);
  CHECK(value.field(0) == "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)");
  CHECK(value.field(1) == "ユーザーエージェント");
  CHECK(value.entry.match[1] == FieldMatch::Other);
  CHECK(value.entry.shape == ValueShape::Other);
}

TEST_CASE("a missing field is an empty range where it belongs", "[ioc]") {
  const Parsed no_scope("dghelp[.]example[.]com,FQDN名,知られていない,偽サポートサイト");
  CHECK(no_scope.entry.anchored);
  CHECK(no_scope.field(3) == "偽サポートサイト");
  CHECK(no_scope.entry.match[4] == FieldMatch::Missing);
  CHECK(no_scope.entry.fields[4].empty());
  CHECK(no_scope.entry.fields[4].begin == no_scope.text.size());

  const Parsed no_context("hxxps://a[.]example[.]com/x,URL,知られていない,NA(IP以外)");
  CHECK(no_context.entry.match[3] == FieldMatch::Missing);
  CHECK(no_context.entry.match[4] == FieldMatch::Exact);

  const Parsed empty_context("a[.]example[.]com,FQDN名,知られていない,,NA(IP以外)");
  CHECK(empty_context.entry.match[3] == FieldMatch::Empty);
}

TEST_CASE("enumeration fields: aliases, loose spellings, notes, free text", "[ioc]") {
  const Parsed alias("a[.]example[.]com,FQDN,知られている,配布元,NA");
  CHECK(alias.entry.match[1] == FieldMatch::Alias);
  CHECK(alias.entry.category == modern().ioc.find_category("FQDN名"));
  CHECK(alias.entry.match[2] == FieldMatch::Alias);
  CHECK(alias.entry.match[4] == FieldMatch::Alias);
  CHECK(alias.entry.scope == modern().ioc.find_scope("NA(IP以外)"));

  const Parsed loose("192[.]0[.]2[.]1,ip,知られていない,C2,ＮＡ（ＩＰ以外）");
  CHECK(loose.entry.match[1] == FieldMatch::Loose);
  CHECK(loose.entry.match[4] == FieldMatch::Loose);

  const Parsed note("192[.]0[.]2[.]1,IPアドレス,よく知られている(IRC),C2,グローバル(AS番号)");
  CHECK(note.entry.match[2] == FieldMatch::Annotated);
  CHECK(note.entry.match[4] == FieldMatch::Annotated);

  const Parsed accepted("192[.]0[.]2[.]1,IPアドレス,不明,C2,グローバル");
  CHECK(accepted.entry.match[2] == FieldMatch::Accepted);

  // No familiarity value: split by position when there are five fields.
  const Parsed positional("a[.]example[.]com,FQDN名,たぶん,配布元,C2サーバー");
  CHECK_FALSE(positional.entry.anchored);
  CHECK(positional.entry.match[2] == FieldMatch::Other);
  CHECK(positional.entry.match[4] == FieldMatch::Other);
}

TEST_CASE("lines that are not entries", "[ioc]") {
  const Parsed link("IOC情報はこちら: https://example.com/iocs.csv");
  CHECK(link.entry.kind == IocKind::SourceLink);
  CHECK(link.text.substr(link.entry.link.begin, link.entry.link.size()) ==
        "https://example.com/iocs.csv");
  const Parsed paren("IOCはレポートに記載(https://example.com/report)");
  CHECK(paren.entry.kind == IocKind::SourceLink);
  CHECK(paren.text.substr(paren.entry.link.begin, paren.entry.link.size()) ==
        "https://example.com/report");
  const Parsed prose("記事内にあり");
  CHECK(prose.entry.kind == IocKind::NotCsv);
  CHECK(prose.entry.shape == ValueShape::Other);
  const Parsed bare("hxxps[:]//github[.]com/owner/repo");
  CHECK(bare.entry.kind == IocKind::NotCsv);
  CHECK(bare.entry.shape == ValueShape::Url);
}

TEST_CASE("values are classified once refanged, with their live dots", "[ioc]") {
  struct Case {
    const char* value;
    ValueShape shape;
    int live_dots;
    int defanged_dots;
  };
  const Case cases[] = {
      {"203[.]0[.]113[.]7", ValueShape::Ip4, 0, 3},
      {"203.0.113[.]7", ValueShape::Ip4, 2, 1},
      {"203[.]0[.]113[.]7:8443", ValueShape::Ip4, 0, 3},
      {"2001:db8::10", ValueShape::Ip6, 0, 0},
      {"login[.]example[.]com", ValueShape::Host, 0, 2},
      {"login.example.co.jp", ValueShape::Host, 3, 0},
      {"woocommėrce[.]com", ValueShape::Host, 0, 1},
      {"hxxps://login[.]example[.]com/a.php", ValueShape::Url, 0, 2},
      {"hxxps[:]//login[.]example[.]com", ValueShape::Url, 0, 2},
      {"hxxps[://]login[.]example[.]com", ValueShape::Url, 0, 2},
      {"login[.]example[.]com/path", ValueShape::Url, 0, 2},
      {"user[@]mail[.]example[.]com", ValueShape::Email, 0, 2},
      {"user[at]mail[dot]example[dot]com", ValueShape::Email, 0, 2},
      {"com.example.fileexplorer", ValueShape::Other, 0, 0},
      {"ai-driven-dev.ai-driven-dev", ValueShape::Other, 0, 0},
      {"loader[.]dll", ValueShape::Other, 0, 1},
      {"91[.]215[.]85-166", ValueShape::Other, 0, 2},
      {"evil-helper-lib", ValueShape::Other, 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    const Parsed p(std::string(c.value) + ",分類,知られていない,文脈,NA(IP以外)");
    CHECK(p.entry.shape == c.shape);
    CHECK(p.entry.live_dots == c.live_dots);
    CHECK(p.entry.defanged_dots == c.defanged_dots);
  }
  const Parsed live("https://login.example.com/a,URL,知られていない,文脈,NA(IP以外)");
  CHECK(live.text.substr(live.entry.live_scheme.begin, live.entry.live_scheme.size()) == "http");
  CHECK(live.text.substr(live.entry.host.begin, live.entry.host.size()) == "login.example.com");
  CHECK(live.entry.live_dots == 2);
}

TEST_CASE("articles, labels and items are read once into the digest", "[articles]") {
  const Built b(
      digest_with("#### 記事の題名\nhttps://example.com/a\n\n"
                  "- 要約\n    - 一つ目\n        - 補足\n    - 二つ目\n"
                  "- IOCの列挙\n    - a[.]example[.]com,FQDN名,知られていない,C2,NA(IP以外)\n"
                  "    IOC情報なし\n"
                  "- 推奨事もも\n    - 推奨事項なし\n"
                  "- その他: メモ\n"
                  "- ChatGPTの推奨事項を記載\n    - 不明\n"),
      modern());
  const Digest& d = b.digest();
  REQUIRE(d.articles.size() == 1);
  const Article& a = d.articles[0];
  CHECK(b.text(a.title) == "記事の題名");
  CHECK(a.url_form == UrlLine::Bare);
  CHECK(b.text(a.url) == "https://example.com/a");
  REQUIRE(a.end_label - a.first_label == 5);
  const ArticleLabel& summary = d.labels[a.first_label];
  CHECK(summary.match == LabelMatch::Exact);
  CHECK(summary.end_item - summary.first_item == 3);
  CHECK(d.items[summary.first_item].top);
  CHECK_FALSE(d.items[summary.first_item + 1].top);  // nested
  const ArticleLabel& ioc = d.labels[a.first_label + 1];
  REQUIRE(ioc.end_item - ioc.first_item == 2);
  const ArticleItem& bare_marker = d.items[ioc.first_item + 1];
  CHECK_FALSE(bare_marker.bullet);
  CHECK(bare_marker.none_marker);
  const ArticleLabel& typo = d.labels[a.first_label + 2];
  CHECK(typo.match == LabelMatch::NearMiss);
  CHECK(typo.spec == modern().articles.find_label("推奨事項"));
  const ArticleLabel& other = d.labels[a.first_label + 3];
  CHECK(other.match == LabelMatch::Exact);
  CHECK(b.text(other.extra) == ": メモ");
  const ArticleLabel& alias = d.labels[a.first_label + 4];
  CHECK(alias.match == LabelMatch::Alias);
  CHECK(d.items[alias.first_item].none_marker);  // 不明, a variant
  REQUIRE(d.iocs.size() == 1);
  CHECK(d.iocs[0].anchored);
}

TEST_CASE("IOC lines are marked for the prose rules, in and outside IOC blocks", "[articles]") {
  const std::string text = digest_with(
      "#### 題名\nhttps://example.com/a\n\n- 要約\n    - 本文、句読点あり。\n"
      "- IOCの列挙\n    - a[.]example[.]com,FQDN名,知られていない,C2、配布元,NA(IP以外)\n"
      "    - IOC情報はこちら: https://example.com/iocs\n"
      "- 推奨事項\n    - 推奨事項なし\n- その他\n    - なし\n"
      "    - 198[.]51[.]100[.]1,IPアドレス,知られていない,補足のC2,グローバル\n"
      "- ChatGPTの推奨事項\n    - 推奨事項なし\n");
  const Built b(text, modern());
  const Digest& d = b.digest();
  std::vector<std::uint32_t> marked;
  for (std::uint32_t l = 0; l < d.line_flags.size(); ++l) {
    if (d.is_ioc_line(l)) marked.push_back(l);
  }
  REQUIRE(marked.size() == 2);
  // The entry under IOCの列挙, and the entry filed under その他.
  CHECK(text.find("a[.]example[.]com") != std::string::npos);
  const SourceText source(text);
  CHECK(source.line_text(marked[0]).find("a[.]example[.]com") != std::string_view::npos);
  CHECK(source.line_text(marked[1]).find("198[.]51[.]100[.]1") != std::string_view::npos);
}

TEST_CASE("labels that start over begin an article that lost its heading", "[articles]") {
  const Built b(
      digest_with("#### 題名\nhttps://example.com/a\n\n"
                  "- 要約\n    - a\n- IOCの列挙\n    - IOC情報なし\n"
                  "- 失われた記事の題名\n- 要約\n    - b\n- IOCの列挙\n    - IOC情報なし\n"),
      modern());
  const Digest& d = b.digest();
  REQUIRE(d.articles.size() == 2);
  CHECK_FALSE(d.articles[0].headless);
  CHECK(d.articles[1].headless);
  CHECK(b.text(d.articles[1].title) == "失われた記事の題名");
  for (const ArticleLabel& l : d.labels)
    CHECK(l.duplicate_of == kNone);
}

TEST_CASE("schema auto: the schema is picked from the title", "[schema]") {
  CHECK(resolve_schema_for("# Daily Security Info\n\n### Tools\n") == "daily-security-info");
  CHECK(resolve_schema_for("# 日々のニュース要約\n\n## 課題\n") == "daily-security-info-2023");
  CHECK(resolve_schema_for("\xEF\xBB\xBF\n# 日々のニュース要約 #\r\n") ==
        "daily-security-info-2023");
  CHECK(resolve_schema_for("```\n# 日々のニュース要約\n```\n# Daily Security Info\n") ==
        "daily-security-info");
  CHECK(resolve_schema_for("no title at all\n") == "daily-security-info");
  CHECK(resolve_schema_for("") == "daily-security-info");
  CHECK(resolve_schema_for("#日々のニュース要約\n") == "daily-security-info");  // not a heading
}

TEST_CASE("the [articles] and [ioc] tables are strict", "[schema]") {
  const std::string base =
      "name = \"x\"\n[[sections]]\nheading = \"ニュース\"\ncontent = \"articles\"\n";
  auto error_of = [&](const std::string& extra) {
    Error error;
    const auto schema = parse_schema(base + extra, "s.toml", error);
    CHECK(schema == nullptr);
    return error.to_string();
  };
  CHECK(error_of("[articles]\nlevel = 3\nlabel = []\n") ==
        "s.toml:7:1: error: unknown key 'label' in [articles] (expected one of 'level', "
        "'numbered_url_items', 'leaked_text', 'labels')");
  CHECK(error_of("[articles]\n[[articles.labels]]\nname = \"要約\"\nmax_item = 5\n")
            .rfind("s.toml:8:1: error: unknown key 'max_item' in [[articles.labels]]", 0) == 0);
  CHECK(error_of("[articles]\n[[articles.labels]]\nname = \"要約\"\n[[articles.labels]]\n"
                 "name = \"その他\"\naliases = [\"要約\"]\n")
            .find("'要約' is listed twice") != std::string::npos);
  CHECK(error_of("[articles]\n[[articles.labels]]\nname = \"IOC\"\nioc = true\n")
            .find("no [ioc] table") != std::string::npos);
  CHECK(error_of("[ioc]\n[[ioc.scopes]]\nname = \"G\"\n[[ioc.familiarity]]\nname = \"F\"\n"
                 "[[ioc.categories]]\nname = \"C\"\nscopes = [\"H\"]\n")
            .find("scope 'H' is not one of the [[ioc.scopes]] names") != std::string::npos);
  CHECK(error_of("[ioc]\n[[ioc.categories]]\nname = \"C\"\nshape = \"domain\"\n")
            .find("'shape' must be") != std::string::npos);
  CHECK(error_of("[ioc]\nfamiliarity_accepted = [\"不明\"]\nscope = 1\n")
            .find("unknown key 'scope' in [ioc]") != std::string::npos);
}

TEST_CASE("both built-in schemas load, with their articles and IOC tables", "[schema]") {
  const auto legacy = builtin("daily-security-info-2023");
  CHECK(legacy->title == "日々のニュース要約");
  CHECK(legacy->articles.level == 3);
  CHECK(legacy->articles.numbered_url_items);
  const int gpt = legacy->articles.find_label("ChatGPTの推奨事項");
  REQUIRE(gpt >= 0);
  CHECK(legacy->articles.labels[gpt].accepted.size() == 1);
  CHECK(modern().articles.level == 4);
  CHECK_FALSE(modern().articles.numbered_url_items);
  CHECK(modern().ioc.categories.size() == 3);
}
