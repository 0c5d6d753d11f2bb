// .digestlint.toml (lint/config/config.h): globs, parsing with file:line:col
// errors, discovery by walking up, and the --init template.
#include <fmt/format.h>
#include <stdlib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "base/files.h"
#include "config/config.h"
#include "engine/registry.h"

using namespace digestlint;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed at
// the end of the test. mkdtemp: parallel test runs never share it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "digestlint-config-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = fs::canonical(pattern);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void write(const fs::path& relative, std::string_view text) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

std::shared_ptr<const Config> parse(std::string_view text, Error& error) {
  return parse_config(text, "/project/.digestlint.toml", "cfg/.digestlint.toml", error);
}

}  // namespace

TEST_CASE("glob: *, ?, classes and escapes stay within one path segment") {
  CHECK(glob_match("reports/*.md", "reports/a.md"));
  CHECK_FALSE(glob_match("reports/*.md", "reports/sub/a.md"));
  CHECK_FALSE(glob_match("reports/*.md", "reports/a.mdx"));
  CHECK(glob_match("reports/202?????.md", "reports/20240518.md"));
  CHECK_FALSE(glob_match("reports/202?????.md", "reports/2024051.md"));
  CHECK(glob_match("r/[0-9][!a-z].md", "r/1X.md"));
  CHECK_FALSE(glob_match("r/[0-9][!a-z].md", "r/1x.md"));
  CHECK(glob_match("r/[]x].md", "r/].md"));
  CHECK(glob_match("r/a\\*.md", "r/a*.md"));
  CHECK_FALSE(glob_match("r/a\\*.md", "r/ab.md"));
  CHECK(glob_match("r/*", "r/.hidden.md"));
  // '?' and classes take one character, not one byte.
  CHECK(glob_match("日報/?.md", "日報/月.md"));
  CHECK(glob_match("[日月].md", "月.md"));
  CHECK_FALSE(glob_match("??.md", "月.md"));
}

TEST_CASE("glob: ** spans any number of directories") {
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("**/*.md", "x/y/z/a.md"));
  CHECK(glob_match("reports/**/*.md", "reports/a.md"));
  CHECK(glob_match("reports/**/*.md", "reports/2024/05/a.md"));
  CHECK_FALSE(glob_match("reports/**/*.md", "drafts/2024/a.md"));
  CHECK(glob_match("**/drafts/**", "a/drafts/b/c.md"));
  CHECK(glob_match("a/**/b/**/c.md", "a/x/b/y/z/c.md"));
  CHECK_FALSE(glob_match("a/**/b/**/c.md", "a/x/y/c.md"));
  // Pathological patterns stay fast (memoised).
  CHECK_FALSE(glob_match("**/**/**/**/**/**/**/**/x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/y"));
}

TEST_CASE("glob: without '/' a pattern matches a name at any depth, a directory its contents") {
  CHECK(glob_match("README.md", "README.md"));
  CHECK(glob_match("README.md", "docs/README.md"));
  CHECK(glob_match("*.md", "a/b.md"));
  CHECK(glob_match("drafts", "drafts/a.md"));
  CHECK(glob_match("drafts/", "x/drafts/a.md"));
  CHECK_FALSE(glob_match("drafts/", "drafts"));  // a file named drafts
  CHECK(glob_match("/top.md", "top.md"));
  CHECK_FALSE(glob_match("/top.md", "sub/top.md"));
  CHECK(glob_match("./reports/a.md", "reports/a.md"));
}

TEST_CASE("glob errors say what is wrong") {
  CHECK(glob_error("**/*.md").empty());
  CHECK(glob_error("[a-z]").empty());
  CHECK(glob_error("") == "it is empty");
  CHECK(glob_error("a[bc") == "'[' at 2 is not closed");
  CHECK(glob_error("a\\") == "it ends with a lone '\\'");
  CHECK(glob_error("[a/b]") == "a [...] class cannot hold '/'");
}

TEST_CASE("a config sets the schema, globs and rules by code or name") {
  Error error;
  const auto config = parse(R"(
schema = "daily-security-info"
include = ["reports/**/*.md"]
exclude = ["drafts/", "README.md"]
[rules]
DL201 = "warning"
trailing-whitespace = { severity = "info", allow-hard-break = false }
)",
                            error);
  REQUIRE(config);
  CHECK(config->schema == "daily-security-info");
  CHECK(config->include == std::vector<std::string>{"reports/**/*.md"});
  CHECK(config->exclude == std::vector<std::string>{"drafts/", "README.md"});
  CHECK(config->settings.rules.at("DL201").severity == Severity::Warning);
  const RuleSetting& ws = config->settings.rules.at("DL208");
  CHECK(ws.severity == Severity::Info);
  CHECK(std::get<bool>(ws.options.at("allow-hard-break")) == false);

  CHECK(config->selects("/project/reports/2024/a.md"));
  CHECK_FALSE(config->selects("/project/notes/a.md"));
  CHECK_FALSE(config->selects("/project/reports/drafts/a.md"));
  CHECK_FALSE(config->selects("/project/reports/README.md"));
}

TEST_CASE("max-file-size takes a size with a unit or bytes; --max-file-size wins over it") {
  Error error;
  const auto with_unit = parse("max-file-size = \"8MiB\"\n", error);
  REQUIRE(with_unit);
  CHECK(with_unit->max_file_size == std::uint64_t{8} << 20);
  const auto in_bytes = parse("max-file-size = 5000\n", error);
  REQUIRE(in_bytes);
  CHECK(in_bytes->max_file_size == 5000u);
  const auto unset = parse("", error);
  REQUIRE(unset);
  CHECK_FALSE(unset->max_file_size.has_value());

  CHECK(max_file_size_for(0, nullptr) == kDefaultMaxFileSize);
  CHECK(max_file_size_for(0, unset.get()) == kDefaultMaxFileSize);
  CHECK(max_file_size_for(0, with_unit.get()) == std::uint64_t{8} << 20);
  CHECK(max_file_size_for(1000, with_unit.get()) == 1000u);

  for (const char* bad :
       {"max-file-size = \"lots\"\n", "max-file-size = 0\n", "max-file-size = -5\n",
        "max-file-size = \"\"\n", "max-file-size = true\n"}) {
    Error why;
    CHECK_FALSE(parse(bad, why));
    CHECK(why.to_string().rfind("cfg/.digestlint.toml:1:17: error: 'max-file-size' must be a size",
                                0) == 0);
  }
}

TEST_CASE("an empty config selects every .md file") {
  Error error;
  const auto config = parse("", error);
  REQUIRE(config);
  CHECK(config->selects("/project/a.md"));
  CHECK(config->selects("/project/x/y/a.md"));
  CHECK_FALSE(config->selects("/project/a.txt"));
}

TEST_CASE("config errors name the file, line and column") {
  auto error_of = [](std::string_view text) {
    Error error;
    REQUIRE_FALSE(parse(text, error));
    return error.to_string();
  };
  CHECK(error_of("schema = \"daily-security-info\"\nincludes = [\"*.md\"]\n") ==
        "cfg/.digestlint.toml:2:1: error: unknown key 'includes' in the config (expected one of "
        "'schema', 'include', 'exclude', 'schemas', 'max-file-size', 'rules', 'iocs')");
  CHECK(
      error_of("[rules]\nno-such-rule = \"off\"\n") ==
      "cfg/.digestlint.toml:2:1: error: unknown rule 'no-such-rule' (see digestlint --list-rules)");
  CHECK(error_of("[rules]\nDL208 = { allow-hardbreak = true }\n") ==
        "cfg/.digestlint.toml:2:11: error: rule DL208 (trailing-whitespace) has no option "
        "'allow-hardbreak' (options: 'allow-hard-break')");
  CHECK(
      error_of("[rules]\nDL201 = \"loud\"\n") ==
      "cfg/.digestlint.toml:2:9: error: severity must be one of 'error', 'warning', 'info', 'off'");
  CHECK(error_of("exclude = [\"ok\", \"bad[\"]\n") ==
        "cfg/.digestlint.toml:1:18: error: bad glob \"bad[\" in 'exclude': '[' at 4 is not closed");
  CHECK(error_of("include = \"*.md\"\n") ==
        "cfg/.digestlint.toml:1:11: error: 'include' must be an array");
  CHECK(error_of("schema = [").rfind("cfg/.digestlint.toml:1:", 0) == 0);
  const std::string schema = error_of("schema = \"nope.toml\"\n");
  CHECK(schema.rfind(
            "cfg/.digestlint.toml:1:10: error: schema \"nope.toml\" is neither a built-in schema "
            "(daily-security-info",
            0) == 0);
  CHECK(schema.find("nor a file (cfg/nope.toml does not exist)") != std::string::npos);
}

TEST_CASE("[[schemas]] maps globs to schemas, first match wins, else the config's schema") {
  Error error;
  const auto config = parse(
      "[[schemas]]\npaths = [\"archive/2023/**\", \"old-*.md\"]\n"
      "schema = \"daily-security-info-2023\"\n"
      "[[schemas]]\npaths = [\"archive/**\"]\nschema = \"daily-security-info\"\n",
      error);
  INFO(error.to_string());
  REQUIRE(config);
  REQUIRE(config->schemas.size() == 2);
  CHECK(config->schema_for("/project/archive/2023/07/a.md") == "daily-security-info-2023");
  CHECK(config->schema_for("/project/notes/old-x.md") == "daily-security-info-2023");
  CHECK(config->schema_for("/project/archive/2024/a.md") == "daily-security-info");
  CHECK(config->schema_for("/project/today.md").empty());  // not set: chosen automatically

  auto error_of = [](std::string_view text) {
    Error e;
    REQUIRE_FALSE(parse(text, e));
    return e.to_string();
  };
  CHECK(error_of("[[schemas]]\nschema = \"daily-security-info\"\n") ==
        "cfg/.digestlint.toml:1:1: error: a [[schemas]] table needs 'paths' (globs)");
  CHECK(error_of("[[schemas]]\npaths = [\"a/**\"]\n") ==
        "cfg/.digestlint.toml:1:1: error: a [[schemas]] table needs 'schema'");
  CHECK(
      error_of("[[schemas]]\npaths = [\"a/**\"]\nschema = \"x\"\nglob = 1\n") ==
      "cfg/.digestlint.toml:4:1: error: unknown key 'glob' in a [[schemas]] table (expected one of "
      "'paths', 'schema')");
  CHECK(error_of("[[schemas]]\npaths = [\"a[\"]\nschema = \"auto\"\n")
            .find("bad glob \"a[\" in 'paths'") != std::string::npos);
  CHECK(error_of("schemas = 1\n") ==
        "cfg/.digestlint.toml:1:11: error: 'schemas' must be an array");
}

TEST_CASE("the nearest config wins, walking up from the file") {
  TempDir dir;
  dir.write(".digestlint.toml", "[rules]\nDL201 = \"info\"\n");
  dir.write("a/b/digest.md", "");
  dir.write("c/.digestlint.toml", "[rules]\nDL201 = \"off\"\n");
  dir.write("c/d/digest.md", "");
  dir.write("e/.digestlint.toml", "[rules]\nbogus = 1\n");
  dir.write("e/digest.md", "");
  ConfigFinder finder;
  const auto top = finder.find_for(dir.path() / "a/b/digest.md");
  REQUIRE(top.config);
  CHECK(top.config->directory == dir.path());
  CHECK(top.config->settings.rules.at("DL201").severity == Severity::Info);
  const auto near = finder.find_for(dir.path() / "c/d/digest.md");
  REQUIRE(near.config);
  CHECK(near.config->directory == dir.path() / "c");
  // Cached: the same object for the same directory.
  CHECK(finder.find_for(dir.path() / "a/b/other.md").config == top.config);
  const auto broken = finder.find_for(dir.path() / "e/digest.md");
  CHECK_FALSE(broken.config);
  REQUIRE(broken.error != nullptr);
  CHECK(broken.error->line == 2);
  CHECK(broken.error->column == 1);
  CHECK(broken.error->message == "unknown rule 'bogus' (see digestlint --list-rules)");
}

TEST_CASE("a config's schema file is found relative to the config") {
  TempDir dir;
  dir.write("schemas/mine.toml", "name = \"mine\"\n");
  dir.write(".digestlint.toml", "schema = \"schemas/mine.toml\"\n");
  Error error;
  const auto config = load_config(dir.path() / ".digestlint.toml",
                                  (dir.path() / ".digestlint.toml").string(), error);
  INFO(error.to_string());
  REQUIRE(config);
  CHECK(config->schema == (dir.path() / "schemas/mine.toml").string());
}

TEST_CASE("the --init template is a valid config, and so is every line it comments out") {
  const std::string text = starter_config();
  Error error;
  REQUIRE(parse(text, error));
  // Uncomment the key lines ("# key = value"): each rule's default.
  std::string uncommented;
  std::size_t rules = 0;
  const std::regex key_line("^# [A-Za-z0-9_-]+ = ");
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, key_line)) {
      line = line.substr(2);
      if (line.rfind("DL", 0) == 0) ++rules;
    }
    uncommented += line + "\n";
  }
  CHECK(rules == all_rules().size());
  const auto config = parse(uncommented, error);
  INFO(error.to_string() << "\n" << uncommented);
  REQUIRE(config);
  CHECK(config->include == std::vector<std::string>{"**/*.md"});
  for (const RuleInfo* r : all_rules()) {
    INFO(r->code);
    CHECK(config->settings.rules.at(std::string(r->code)).severity == r->default_severity);
  }
}

TEST_CASE("[rules] takes code prefixes and any case; the more specific entry wins") {
  Error error;
  // Written before the prefix, DL201's own entry still wins over DL2's.
  const auto config =
      parse("[rules]\ndl201 = \"error\"\nDL2 = \"off\"\nTrailing-Whitespace = \"info\"\n", error);
  REQUIRE(config != nullptr);
  const auto severity = [&](const char* code) { return config->settings.rules.at(code).severity; };
  CHECK(severity("DL201") == Severity::Error);
  CHECK(severity("DL202") == Severity::Off);
  CHECK(severity("DL208") == Severity::Info);
  // An opt-in rule is switched on only by its own name, never by a prefix.
  const auto on = parse("[rules]\nDL5 = \"warning\"\n", error);
  REQUIRE(on != nullptr);
  CHECK(on->settings.rules.count("DL510") == 0);
  CHECK(on->settings.rules.at("DL507").severity == Severity::Warning);
}

TEST_CASE("a prefix takes a severity only; a misspelt rule gets a 'did you mean'") {
  Error error;
  CHECK(parse("[rules]\nDL2 = { severity = \"off\" }\n", error) == nullptr);
  CHECK(error.message.rfind("rule prefix 'DL2' takes a severity", 0) == 0);
  CHECK(parse("[rules]\nDL8 = \"off\"\n", error) == nullptr);
  CHECK(error.message == "unknown rule prefix 'DL8' (see digestlint --list-rules)");
  CHECK(parse("[rules]\ntrailing-whitespce = \"off\"\n", error) == nullptr);
  CHECK(error.message ==
        "unknown rule 'trailing-whitespce'; did you mean DL208 (trailing-whitespace)?");
}

TEST_CASE("an error reads PATH:LINE:COL: error: MESSAGE") {
  CHECK(Error{"a.toml", 3, 7, "bad"}.to_string() == "a.toml:3:7: error: bad");
  CHECK(Error{"a.toml", 3, 7, "bad"}.location() == "a.toml:3:7");
  CHECK(Error{"a.toml", 0, 0, "unreadable"}.to_string() == "a.toml: error: unreadable");
  CHECK(Error{{}, 0, 0, "no file"}.to_string() == "digestlint: error: no file");
  CHECK(Error{{}, 0, 0, "no file"}.location().empty());
}

TEST_CASE("a config that cannot be read is an error naming it") {
  TempDir dir;
  Error error;
  CHECK_FALSE(load_config(dir.path(), "the-dir", error));  // a directory
  CHECK(error.to_string() == "the-dir: error: cannot read the config file");
  CHECK_FALSE(load_config(dir.path() / "missing.toml", "missing.toml", error));
  CHECK(error.to_string() == "missing.toml: error: cannot read the config file");
}
