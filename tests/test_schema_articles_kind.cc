// The `articles` content kind takes its parameters on its section
// (article_level, leaked_text, numbered_url_items, [[sections.labels]]) and
// a label says `content = "ioc"`; the older spellings (a top-level
// [articles] table, `ioc = true`) still load, to the same schema, and are
// reported as deprecated once per file.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config/schema_loader.h"
#include "digestlint/schema.h"

using namespace digestlint;

namespace {

constexpr const char* kIocGrammar = R"(
[ioc]
familiarity_accepted = ["不明"]
service_domains = ["GitHub.com"]
[[ioc.familiarity]]
name = "よく知られている"
[[ioc.scopes]]
name = "グローバル"
[[ioc.categories]]
name = "IPアドレス"
shape = "ip"
scopes = ["グローバル"]
)";

// One schema in the spelling of the schema language...
const std::string kNewSpelling = std::string(R"(name = "k"
[[sections]]
heading = "ニュース"
level = 2
content = "articles"
article_level = 3
numbered_url_items = true
leaked_text = ["{{", "上述のフォーマットで"]
[[sections.labels]]
name = "要約"
max_items = 5
[[sections.labels]]
name = "IOCの列挙"
content = "ioc"
none_marker = "IOC情報なし"
none_variants = ["なし"]
[[sections]]
heading = "メモ"
)") + kIocGrammar;

// ... and in the older one, as --print-schema wrote it before.
const std::string kOldSpelling = std::string(R"(name = "k"
[[sections]]
heading = "ニュース"
level = 2
content = "articles"
[[sections]]
heading = "メモ"
[articles]
level = 3
numbered_url_items = true
leaked_text = ["{{", "上述のフォーマットで"]
[[articles.labels]]
name = "要約"
max_items = 5
[[articles.labels]]
name = "IOCの列挙"
ioc = true
none_marker = "IOC情報なし"
none_variants = ["なし"]
)") + kIocGrammar;

std::shared_ptr<const Schema> parse(const std::string& toml, const char* origin) {
  Error error;
  auto schema = parse_schema(toml, origin, error);
  INFO(error.to_string());
  REQUIRE(schema);
  return schema;
}

Error error_for(const std::string& toml) {
  Error error;
  CHECK(parse_schema(toml, "bad.toml", error) == nullptr);
  return error;
}

std::vector<std::string> captured;
void capture(const std::string& line) {
  captured.push_back(line);
}

}  // namespace

TEST_CASE("the articles kind takes its keys on its section", "[schema]") {
  const auto s = parse(kNewSpelling, "new.toml");
  CHECK(s->deprecations.empty());
  REQUIRE(s->sections.size() == 2);
  CHECK(s->sections[0].content == SectionContent::Articles);
  CHECK(s->articles.enabled);
  CHECK(s->articles.level == 3);
  CHECK(s->articles.numbered_url_items);
  CHECK(s->articles.leaked_text == std::vector<std::string>{"{{", "上述のフォーマットで"});
  CHECK(s->articles.holds_leaked_text("a {{placeholder}}"));
  REQUIRE(s->articles.labels.size() == 2);
  CHECK(s->articles.labels[0].name == "要約");
  CHECK(s->articles.labels[0].max_items == 5);
  CHECK_FALSE(s->articles.labels[0].ioc);
  CHECK(s->articles.labels[1].ioc);
  CHECK(s->articles.labels[1].folded_none_variants().size() == 1);
  CHECK(s->ioc.service_domains == std::vector<std::string>{"github.com"});
}

TEST_CASE("the older spelling loads to the same schema, with one warning per spelling",
          "[schema]") {
  const auto now = parse(kNewSpelling, "new.toml");
  const auto old = parse(kOldSpelling, "old.toml");
  CHECK(old->articles.enabled == now->articles.enabled);
  CHECK(old->articles.level == now->articles.level);
  CHECK(old->articles.numbered_url_items == now->articles.numbered_url_items);
  CHECK(old->articles.leaked_text == now->articles.leaked_text);
  REQUIRE(old->articles.labels.size() == now->articles.labels.size());
  for (std::size_t i = 0; i < now->articles.labels.size(); ++i) {
    const LabelSpec& a = old->articles.labels[i];
    const LabelSpec& b = now->articles.labels[i];
    CHECK(a.name == b.name);
    CHECK(a.ioc == b.ioc);
    CHECK(a.max_items == b.max_items);
    CHECK(a.none_marker == b.none_marker);
    CHECK(a.folded_none_variants() == b.folded_none_variants());
  }
  REQUIRE(old->deprecations.size() == 2);
  CHECK(old->deprecations[0].rfind("old.toml:8:1: warning: the top-level [articles] table is "
                                   "deprecated: put its keys on the content = \"articles\"",
                                   0) == 0);
  CHECK(old->deprecations[0].find("level -> article_level") != std::string::npos);
  CHECK(old->deprecations[1] ==
        "old.toml:17:7: warning: 'ioc = true' on a label is deprecated: write 'content = \"ioc\"'");
}

TEST_CASE("the built-in schemas use no deprecated spelling", "[schema]") {
  for (const std::string_view name : builtin_schema_names()) {
    INFO(name);
    Error error;
    const auto s = load_schema(name, error);
    REQUIRE(s);
    CHECK(s->deprecations.empty());
    CHECK(s->articles.enabled);
    CHECK(s->text.find("[articles]") == std::string::npos);
    CHECK(s->text.find("ioc = true") == std::string::npos);
  }
}

TEST_CASE("loading a schema file reports its deprecations once", "[schema]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("digestlint-articles-kind-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto old_file = dir / "old.toml";
  const auto new_file = dir / "new.toml";
  std::ofstream(old_file) << kOldSpelling;
  std::ofstream(new_file) << kNewSpelling;
  captured.clear();
  set_schema_warning_handler(capture);
  Error error;
  CHECK(load_schema(old_file.string(), error));
  CHECK(load_schema(old_file.string(), error));  // the second load is silent
  CHECK(load_schema(new_file.string(), error));  // nothing to say
  set_schema_warning_handler(nullptr);
  std::filesystem::remove_all(dir);
  REQUIRE(captured.size() == 2);
  CHECK(captured[0].rfind(old_file.string() + ":8:1: warning: the top-level [articles]", 0) == 0);
  CHECK(captured[1].rfind(old_file.string() + ":17:7: warning: 'ioc = true'", 0) == 0);
}

TEST_CASE("the articles kind's keys are checked", "[schema]") {
  const std::string head = "name = \"x\"\n[[sections]]\nheading = \"ニュース\"\n";
  // Only an articles section takes them.
  Error e = error_for(head + "content = \"links\"\narticle_level = 3\n");
  CHECK(e.to_string() == "bad.toml:5:17: error: 'article_level' is for content = \"articles\"");
  e = error_for(head + "[[sections.labels]]\nname = \"要約\"\n");
  CHECK(e.message == "'labels' is for content = \"articles\"");
  e = error_for(head + "[[sections.sections]]\nheading = \"a\"\nleaked_text = [\"x\"]\n");
  CHECK(e.message == "'leaked_text' is for content = \"articles\"");
  // Labels are required once the format is given, and strict.
  e = error_for(head + "content = \"articles\"\narticle_level = 4\n");
  CHECK(e.message == "the articles need [[sections.labels]] entries");
  e = error_for(head + "content = \"articles\"\n[[sections.labels]]\nname = \"要約\"\nmax = 1\n");
  CHECK(e.to_string().rfind("bad.toml:7:1: error: unknown key 'max' in [[sections.labels]]", 0) ==
        0);
  e = error_for(head +
                "content = \"articles\"\n[[sections.labels]]\nname = \"I\"\n"
                "content = \"iocs\"\n");
  CHECK(e.to_string() == "bad.toml:7:11: error: a label's 'content' must be \"free\" or \"ioc\"");
  e = error_for(head +
                "content = \"articles\"\n[[sections.labels]]\nname = \"I\"\n"
                "content = \"ioc\"\nioc = true\n");
  CHECK(e.message.find("not both") != std::string::npos);
  e = error_for(head +
                "content = \"articles\"\n[[sections.labels]]\nname = \"I\"\n"
                "content = \"ioc\"\n");
  CHECK(e.message == "a label has content = \"ioc\" but the schema has no [ioc] table");
  // One article format per schema.
  const std::string labelled = "content = \"articles\"\n[[sections.labels]]\nname = \"要約\"\n";
  e = error_for(head + labelled + "[[sections]]\nheading = \"B\"\n" + labelled);
  CHECK(e.message.find("the article format is given once") != std::string::npos);
  e = error_for(head + labelled + "[articles]\n[[articles.labels]]\nname = \"要約\"\n");
  CHECK(e.message.find("[articles] repeats the article format") != std::string::npos);
  // A second articles section without keys shares the first one's format.
  const auto shared =
      parse(head + labelled + "[[sections]]\nheading = \"B\"\ncontent = \"articles\"\n", "ok");
  CHECK(shared->sections[1].content == SectionContent::Articles);
  CHECK(shared->articles.labels.size() == 1);
}

TEST_CASE("an IOC list is a content kind of its own, at any depth", "[schema]") {
  const std::string sections = R"(name = "x"
[[sections]]
heading = "Indicators"
content = "ioc"
[[sections]]
heading = "Campaigns"
[[sections.sections]]
pattern = "{text}"
content = "ioc"
)";
  const auto s = parse(sections + kIocGrammar, "ioc.toml");
  CHECK(s->sections[0].content == SectionContent::Ioc);
  CHECK(s->sections[1].children[0].content == SectionContent::Ioc);
  CHECK(to_string(SectionContent::Ioc) == "ioc");
  // Without the grammar its entries could not be read.
  CHECK(error_for(sections).message ==
        "a section has content = \"ioc\" but the schema has no [ioc] table");
  // Links and articles stay top-level kinds.
  CHECK(error_for("name = \"x\"\n[[sections]]\nheading = \"A\"\n[[sections.sections]]\n"
                  "heading = \"B\"\ncontent = \"links\"\n")
            .message.find("\"list\", \"ioc\", \"paragraphs\" or \"code\"") != std::string::npos);
}
