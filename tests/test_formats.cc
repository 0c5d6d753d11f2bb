// Output formats: escaping for each consumer, and proof that text echoed
// from a digest cannot start a GitHub workflow command of its own.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "config/schema_loader.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "output/escape.h"
#include "output/explain.h"
#include "output/formats.h"

using namespace digestlint;

namespace {

// A workflow command as the Actions runner reads one (ActionCommand's
// "::" parser: leading white space trimmed, "::name k=v,k=v::data",
// properties and data unescaped in the runner's order).
struct Command {
  std::string name;
  std::map<std::string, std::string> properties;
  std::string data;
};

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::optional<Command> runner_parse(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
    line.remove_prefix(1);
  if (line.substr(0, 2) != "::") return std::nullopt;
  const std::size_t end = line.find("::", 2);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view info = line.substr(2, end - 2);
  Command c;
  const std::size_t space = info.find(' ');
  c.name = std::string(info.substr(0, space));
  if (space != std::string_view::npos) {
    std::string_view props = info.substr(space + 1);
    while (!props.empty()) {
      const std::size_t comma = props.find(',');
      const std::string_view pair = props.substr(0, comma);
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos) {
        std::string v(pair.substr(eq + 1));
        for (auto [from, to] :
             {std::pair{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}})
          v = replace_all(v, from, to);
        c.properties[std::string(pair.substr(0, eq))] = v;
      }
      if (comma == std::string_view::npos) break;
      props.remove_prefix(comma + 1);
    }
  }
  std::string data(line.substr(end + 2));
  for (auto [from, to] : {std::pair{"%0D", "\r"}, {"%0A", "\n"}, {"%25", "%"}})
    data = replace_all(data, from, to);
  c.data = data;
  return c;
}

FileReport report_with(std::string path, std::string message, Severity severity,
                       std::uint32_t line = 3, std::uint32_t column = 5) {
  FileReport r;
  r.path = std::move(path);
  ReportedDiagnostic d;
  d.rule = find_rule("DL201");
  d.severity = severity;
  d.message = std::move(message);
  d.range.start = {line, column};
  d.range.stop = {line, column + 2};
  d.range.start_byte = {line, column};
  d.range.stop_byte = {line, column + 2};
  r.diagnostics.push_back(std::move(d));
  return r;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("github escaping follows the Actions toolkit") {
  CHECK(github_escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext");
  CHECK(github_escape_data("a:b,c") == "a:b,c");
  CHECK(github_escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
}

TEST_CASE("digest text cannot inject a workflow command through the github format") {
  const std::string hostile_message =
      "quoted '::error::pwned' then %0A, a CR\r::warning file=x::y and a LF\n"
      "::add-mask::secret, commas, colons: and ##[set-output name=a]b";
  const std::string hostile_path = "dir,one/a:b%0A\n::error::evil.md";
  std::vector<FileReport> reports;
  reports.push_back(report_with(hostile_path, hostile_message, Severity::Error));
  reports.push_back(report_with("b.md", "plain", Severity::Info));
  FileReport unreadable;
  unreadable.path = "c\n::error::d.md";
  unreadable.error = "cannot open: no\nsuch file";
  reports.push_back(unreadable);
  std::ostringstream out;
  write_github(out, reports);
  const std::vector<std::string> lines = lines_of(out.str());
  // One line per finding or error, each a command the runner reads back
  // exactly as digestlint meant it.
  REQUIRE(lines.size() == 3);
  for (const std::string& l : lines) {
    CHECK(l.find('\r') == std::string::npos);
  }
  const auto first = runner_parse(lines[0]);
  REQUIRE(first);
  CHECK(first->name == "error");
  CHECK(first->properties.at("file") == hostile_path);
  CHECK(first->properties.at("line") == "3");
  CHECK(first->properties.at("col") == "5");
  CHECK(first->properties.at("endColumn") == "7");
  CHECK(first->properties.at("title") == "DL201 missing-space-after-marker");
  CHECK(first->data == hostile_message);
  CHECK(first->properties.size() == 6);
  const auto second = runner_parse(lines[1]);
  REQUIRE(second);
  CHECK(second->name == "notice");
  CHECK(second->data == "plain");
  const auto third = runner_parse(lines[2]);
  REQUIRE(third);
  CHECK(third->name == "error");
  CHECK(third->properties.at("file") == "c\n::error::d.md");
  CHECK(third->data == "cannot open: no\nsuch file");
}

TEST_CASE("github annotations give columns only for one-line ranges") {
  FileReport r = report_with("a.md", "m", Severity::Warning);
  r.diagnostics[0].range.stop = {5, 1};
  std::ostringstream out;
  write_github(out, std::vector<FileReport>{r});
  CHECK(out.str() ==
        "::warning file=a.md,line=3,endLine=5,title=DL201 missing-space-after-marker::m\n");
}

TEST_CASE("text output never carries raw control characters or runner commands") {
  std::vector<FileReport> reports;
  reports.push_back(
      report_with("e\x1b[31m.md", "x \x1b]0;title\x07 ##[add-mask]y \xC2\x9B", Severity::Error));
  std::ostringstream out;
  write_text(out, reports, OutputOptions{});
  CHECK(out.str() ==
        "e\\x1b[31m.md:3:5: error: x \\x1b]0;title\\x07 ##\\x5badd-mask]y \\u009b "
        "[DL201 missing-space-after-marker]\n");
}

TEST_CASE("the context line puts the caret under the finding, counting wide characters") {
  FileReport r = report_with("a.md", "m", Severity::Error, 7, 5);
  ReportedDiagnostic& d = r.diagnostics[0];
  d.context = SourceContext{"\t攻撃\x1b!", 0, false};  // tab, two wide characters, ESC, '!'
  // The '!': 1-based byte column 9, UTF-16 column 5, display column 13.
  d.range.start_byte = {7, 9};
  d.range.stop_byte = {7, 10};
  OutputOptions options;
  options.context = true;
  std::ostringstream out;
  write_text(out, std::vector<FileReport>{r}, options);
  CHECK(out.str() ==
        "a.md:7:5: error: m [DL201 missing-space-after-marker]\n"
        "    7 |     攻撃\\x1b!\n"
        "      |             ^\n");
}

TEST_CASE("xml escaping escapes markup and drops what XML 1.0 forbids") {
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("tab\tlf\ncr\r") == "tab&#9;lf&#10;cr&#13;");
  CHECK(xml_escape("tab\tlf\n", false) == "tab\tlf\n");
  CHECK(xml_escape(std::string("nul\0esc\x1b\x7f", 9)) == "nulesc\x7f");
  CHECK(xml_escape("bad\xff byte") == "bad\xEF\xBF\xBD byte");
  CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF ok 日本") == " ok 日本");
}

TEST_CASE("checkstyle and junit escape what they echo") {
  std::vector<FileReport> reports;
  reports.push_back(report_with("a&b.md", "<tag> \"q\" \x01", Severity::Warning));
  std::ostringstream checkstyle;
  write_checkstyle(checkstyle, reports);
  CHECK(checkstyle.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        "  <file name=\"a&amp;b.md\">\n"
        "    <error line=\"3\" column=\"5\" severity=\"warning\" message=\"&lt;tag&gt; "
        "&quot;q&quot; \" source=\"DL201\"/>\n"
        "  </file>\n</checkstyle>\n");
  std::ostringstream junit;
  write_junit(junit, reports);
  CHECK(junit.str().find("<failure type=\"warning\" message=\"&lt;tag&gt; &quot;q&quot; \">"
                         "a&amp;b.md:3:5: warning: &lt;tag&gt; &quot;q&quot;  [DL201 "
                         "missing-space-after-marker]</failure>") != std::string::npos);
}

TEST_CASE("SARIF artifact URIs are relative and percent-encoded") {
  CHECK(artifact_uri("reports/2024 05/日報.md") == "reports/2024%2005/%E6%97%A5%E5%A0%B1.md");
  CHECK(artifact_uri("<stdin>") == "%3Cstdin%3E");
  CHECK(artifact_uri("/nonexistent-root-dir/a#b.md") == "file:///nonexistent-root-dir/a%23b.md");
  const std::string cwd = std::filesystem::current_path().string();
  CHECK(artifact_uri(cwd + "/x/y.md") == "x/y.md");
}

TEST_CASE("what_it_does extracts the rule's first section as plain paragraphs") {
  CHECK(what_it_does("\n## What it does\n\nReports a\nthing.\n\nAlso this.\n\n## Why is this "
                     "bad?\n\nBecause.\n") == "Reports a thing.\n\nAlso this.");
  for (const RuleInfo* r : all_rules()) {
    INFO(r->code);
    CHECK(!what_it_does(r->documentation).empty());
  }
}

TEST_CASE("rdjsonl counts columns in bytes and turns safe fixes into suggestions") {
  // Multi-byte text before the finding's end: bytes, not UTF-16 units.
  const std::string text = "# Daily Security Info\n\n### Tools\n-[日本](https://example.com/a)\n";
  Error error;
  const Linter linter(load_schema("daily-security-info", error));
  SourceText source(text);
  std::vector<FileReport> reports{make_report("a.md", source, linter.lint(text))};
  std::ostringstream out;
  std::ostringstream errors;
  write_rdjsonl(out, errors, reports);
  nlohmann::json d;
  for (const std::string& line : lines_of(out.str())) {
    const auto item = nlohmann::json::parse(line);  // each line is one JSON object
    if (item["code"]["value"] == "DL201") d = item;
  }
  REQUIRE(d.is_object());
  CHECK(d["location"]["path"] == "a.md");
  // "-[" starts at byte 1; the range ends after '[' (exclusive, bytes).
  CHECK(d["location"]["range"] ==
        nlohmann::json::parse(R"({"start":{"line":4,"column":1},"end":{"line":4,"column":3}})"));
  CHECK(d["severity"] == "ERROR");
  CHECK(d["code"]["value"] == "DL201");
  CHECK(d["source"]["name"] == "digestlint");
  CHECK(d["suggestions"] == nlohmann::json::parse(R"([{"range":{"start":{"line":4,"column":2},)"
                                                  R"("end":{"line":4,"column":2}},"text":" "}])"));
  CHECK(errors.str().empty());
}
