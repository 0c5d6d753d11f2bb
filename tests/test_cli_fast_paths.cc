// The command line's fast paths held to the slow ones they replace: UTF-16
// columns counted without a decoder (output/report.cc) against
// SourceText::position, on every offset of tricky texts; JSON strings
// escaped with jumps to the first special byte against nlohmann-json; a
// walk's paths
// joined and sorted as strings (base/files.cc) against std::filesystem's
// lexically_normal and path order, from roots written every which way.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "base/files.h"
#include "config/schema_loader.h"
#include "config/schema_select.h"
#include "digestlint/rule.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "output/formats.h"
#include "output/json_emit.h"
#include "output/report.h"

namespace digestlint {
namespace {

std::vector<std::string> column_texts() {
  // A line longer than the counter's 512-byte blocks, every kind of
  // character in it, and one cut by an ill-formed byte in its middle.
  std::string long_line;
  for (int i = 0; i < 90; ++i)
    long_line += i % 3 == 0 ? "ascii " : i % 3 == 1 ? "中é" : "😀x";
  return {
      long_line + "\n" + long_line,
      long_line + "\xC3" + long_line,
      "",
      "a",
      "plain ASCII line\nand another\n",
      "日本語の行\n二行目です。\n",
      "絵文字😀と𠮷野家\r\nCRLF の行\r\n最後",
      "lone\rCR\rlines\r",
      "😀😀😀😀😀😀😀😀😀😀",
      "mixed é ü ß 中 😀 \xF0\x9F\x98\x80\n\nempty lines above\n",
      "\xEF\xBB\xBF# BOM title\n本文",
      "ends with a four-byte character 😀",
      // Ill-formed: a lone continuation byte, a cut 4-byte character, an
      // overlong form, a surrogate, a lone lead at the end.
      "bad \x80 byte\ncut \xF0\x9F\x98 four\nover\xC0\xAFlong\nsur\xED\xA0\x80rogate\nend\xE3",
  };
}

// make_report's columns for ranges at `offsets` (each range [o, next o)).
std::vector<std::pair<Position, Position>> reported(const SourceText& source,
                                                    const std::vector<Offset>& starts,
                                                    const std::vector<Offset>& ends) {
  std::vector<Diagnostic> diagnostics;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    Diagnostic d;
    d.range = ByteRange{starts[i], ends[i]};
    d.notes.push_back(Note{ByteRange{ends[i], starts[i]}, "note"});
    diagnostics.push_back(std::move(d));
  }
  const FileReport report = make_report("t.md", source, std::move(diagnostics), false);
  std::vector<std::pair<Position, Position>> out;
  for (const ReportedDiagnostic& d : report.diagnostics) {
    out.emplace_back(d.range.start, d.range.stop);
    // The note's range is the finding's reversed: its start is the end.
    CHECK(d.notes.front().range.start.line == d.range.stop.line);
    CHECK(d.notes.front().range.start.column == d.range.stop.column);
  }
  return out;
}

TEST_CASE("UTF-16 columns of reported ranges match SourceText::position", "[fast-path]") {
  std::mt19937 random(13);
  for (const std::string& text : column_texts()) {
    const bool well_formed = check_text(text).well_formed;
    SourceText source;
    source.reset(text, well_formed);
    const auto size = static_cast<Offset>(text.size());
    INFO("text: " << text << " well-formed: " << well_formed);
    // Every offset (past the end too), in order, then shuffled (cursors
    // going backwards), each as a start and as an end.
    std::vector<Offset> offsets;
    for (Offset o = 0; o <= size + 1; ++o)
      offsets.push_back(o);
    for (int round = 0; round < 2; ++round) {
      std::vector<Offset> ends(offsets.begin(), offsets.end());
      std::rotate(ends.begin(), ends.begin() + (ends.size() > 1 ? 1 : 0), ends.end());
      const auto got = reported(source, offsets, ends);
      REQUIRE(got.size() == offsets.size());
      for (std::size_t i = 0; i < offsets.size(); ++i) {
        INFO("offset " << offsets[i] << " to " << ends[i]);
        const Position start = source.position(offsets[i], ColumnUnit::Utf16);
        const Position stop = source.position(ends[i], ColumnUnit::Utf16);
        CHECK(got[i].first.line == start.line);
        CHECK(got[i].first.column == start.column);
        CHECK(got[i].second.line == stop.line);
        CHECK(got[i].second.column == stop.column);
        const ReportedRange one = report_range(source, ByteRange{offsets[i], ends[i]});
        CHECK(one.start.column == start.column);
        CHECK(one.stop.column == stop.column);
      }
      std::shuffle(offsets.begin(), offsets.end(), random);
    }
  }
}

TEST_CASE("JSON strings of random tricky pieces are escaped as nlohmann-json does", "[fast-path]") {
  // Pieces that stop the eight-byte steps (controls, quote, backslash,
  // every kind of lead, ill-formed sequences, the 3-byte leads' edges)
  // and plain bytes between them, strung at random so each lands at
  // every place of a step and next to the others.
  const std::vector<std::string> pieces = {"a",
                                           "bc",
                                           " ",
                                           "~",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\t",
                                           std::string(1, '\0'),
                                           "\x01",
                                           "\x1f",
                                           "\x7f",
                                           "é",
                                           "日",
                                           "語",
                                           "😀",
                                           "\xEF\xBF\xBF",
                                           "\xE1\x80\x80",
                                           "\xEC\xBF\xBF",
                                           "\xEE\x80\x80",
                                           "\xE0\xA0\x80",
                                           "\xED\x9F\xBF",
                                           "\xC3",
                                           "\xE6\x97",
                                           "\xED\xA0\x80",
                                           "\xE0\x80\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xC0\xAF",
                                           "\xFF",
                                           "\x80",
                                           "\xE6\x97\x41",
                                           "plain ascii words"};
  std::mt19937 random(13);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 24);
    for (int k = 0; k < count; ++k)
      text += pieces[random() % pieces.size()];
    std::string out = "kept";
    append_json_string(out, text);
    INFO("text: " << nlohmann::json(text).dump(-1, ' ', true,
                                               nlohmann::json::error_handler_t::replace));
    REQUIRE(out == "kept" + nlohmann::json(text).dump(-1, ' ', false,
                                                      nlohmann::json::error_handler_t::replace));
  }
}

TEST_CASE("a title written as its schema writes it is claimed as its folded form is",
          "[fast-path]") {
  // "# T" on the first line takes the byte-equal shortcut; "#  T" (two
  // spaces) takes the scanner and the fold, whatever T is.
  for (const std::string_view name : builtin_schema_names()) {
    Error error;
    const auto schema = load_schema(name, error);
    REQUIRE(schema != nullptr);
    const std::string& title = schema->title;
    for (const std::string& variant :
         {title, title + " ", "ＸＸ" + title, title.substr(0, title.size() / 2)}) {
      INFO("title: " << variant);
      const auto fast = claim_schema("# " + variant + "\n\n## x\n");
      const auto slow = claim_schema("#  " + variant + "\n\n## x\n");
      REQUIRE(fast.has_value() == slow.has_value());
      if (!fast) continue;
      CHECK(fast->schema == slow->schema);
      CHECK(fast->basis == slow->basis);
    }
    const auto claimed = claim_schema("# " + title + "\n");
    REQUIRE(claimed.has_value());
    CHECK(claimed->basis == ClaimBasis::Title);
  }
}

TEST_CASE("JSON output writes every kind of file object as nlohmann's dump would", "[fast-path]") {
  static const RuleInfo rule = [] {
    RuleInfo r;
    r.code = "DL999";
    r.name = "some-rule";
    return r;
  }();
  auto finding = [](std::string message, bool with_notes, int edits) {
    ReportedDiagnostic d;
    d.rule = &rule;
    d.severity = Severity::Warning;
    d.message = std::move(message);
    d.range.begin = 3;
    d.range.end = 4000000000u;
    d.range.start = {1, 2};
    d.range.stop = {4294967295u, 7};
    if (with_notes) d.notes.push_back(ReportedNote{d.range, "note \"quoted\" 日本"});
    if (edits >= 0) {
      ReportedFix fix;
      fix.title = "fix it";
      fix.safe = edits % 2 == 0;
      for (int e = 0; e < edits; ++e)
        fix.edits.push_back(ReportedEdit{d.range, "new\ntext\t😀"});
      d.fix = std::move(fix);
    }
    return d;
  };
  std::vector<FileReport> reports(7);
  reports[0].path = "plain.md";
  reports[1].path = "errors/only.md";
  reports[1].error = "cannot open: no such file";
  reports[2].path = ".digestlint.toml";
  reports[2].error = "bad key";
  reports[2].error_line = 3;
  reports[2].error_column = 14;
  reports[3].path = "both.md";
  reports[3].error = "could not write";
  reports[3].diagnostics.push_back(finding("plain", false, -1));
  reports[4].path = "fixed.md";
  reports[4].fixes_applied = 12;
  reports[5].path = "many \x01 \xC3.md";
  reports[5].fixes_applied = 1;
  for (int k = 0; k < 6; ++k)
    reports[5].diagnostics.push_back(finding("message " + std::to_string(k), k % 2 == 1, k - 3));
  reports[6].path = "last.md";
  reports[6].diagnostics.push_back(finding("", true, 0));
  for (std::size_t count : {std::size_t{0}, std::size_t{1}, reports.size()}) {
    std::ostringstream out;
    write_json(out, std::span<const FileReport>(reports.data(), count));
    const std::string text = out.str();
    const std::string redumped = nlohmann::ordered_json::parse(text).dump(
                                     2, ' ', false, nlohmann::json::error_handler_t::replace) +
                                 "\n";
    CHECK(text == redumped);
  }
}

namespace fs = std::filesystem;

// What a walk finds, the slow way: std::filesystem paths, sorted in path
// order, shown as display_path shows them (no .gitignore: outside a
// repository).
std::vector<std::pair<std::string, std::string>> reference_walk(const std::string& root) {
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory()) {
      if (name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".md" && it->is_regular_file()) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (const fs::path& p : found)
    out.emplace_back(p.native(), display_path(p));
  return out;
}

class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& to) : saved_(fs::current_path()) {
    fs::current_path(to);
  }
  ~WorkingDirectory() { fs::current_path(saved_); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path saved_;
};

TEST_CASE("a walk's string paths match std::filesystem's, in its order", "[fast-path][walk]") {
  std::string pattern = (fs::temp_directory_path() / "digestlint-paths-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  const fs::path top = fs::canonical(pattern);
  const fs::path tree = top / "tree";
  // Names where byte order and path order part ('-' and ' ' sort before
  // '/' as bytes, after it as separators), non-ASCII ones, dot names that
  // are files, hidden directories, symbolic links to a file and a directory.
  for (const char* f :
       {"a.md", "a-b/x.md", "a/b.md", "a/b/c.md", "a b.md", "a.b/c.md", "ab.md", "é.md",
        "日本語/報告.md", "😀.md", "Z.md", "..md", ".x.md", ".md", "x.md.txt", ".hidden/h.md",
        "sub/.git/g.md", "sub/deep/er/e.md", "sub-x.md"}) {
    fs::create_directories((tree / f).parent_path());
    std::ofstream(tree / f) << "# x\n";
  }
  fs::create_symlink(tree / "a.md", tree / "link.md");
  fs::create_symlink(tree / "a", tree / "linkdir");
  const bool in_repository =
      std::system(("git -C " + tree.string() + " rev-parse 2>/dev/null >/dev/null").c_str()) == 0;
  if (in_repository) {
    WARN("skipped: the temporary directory is inside a git repository");
  } else {
    WorkingDirectory here(top);
    // Absolute and relative roots, with trailing, doubled and dot parts.
    std::vector<std::string> roots;
    for (const char* suffix : {"", "/", "//", "/.", "/../tree"}) {
      roots.push_back(tree.string());
      roots.back() += suffix;
    }
    roots.push_back("/");
    roots.back() += tree.string();
    roots.push_back("../");
    roots.back() += top.filename().string();
    roots.back() += "/tree";
    for (const char* relative : {"tree", "tree/", "./tree", "./tree/.", ".//tree//", "tree/../tree",
                                 "tree/a/..", ".", "./", "tree/a", "tree/日本語"})
      roots.emplace_back(relative);
    for (const std::string& root : roots) {
      INFO("root " << root);
      std::vector<FoundFile> found;
      WalkNotes notes;
      Error error;
      REQUIRE(expand_path(root, WalkOptions{.respect_gitignore = true}, found, notes, error));
      const auto expected = reference_walk(root);
      REQUIRE(found.size() == expected.size());
      CHECK(!found.empty());
      for (std::size_t i = 0; i < found.size(); ++i) {
        CHECK(found[i].path == expected[i].first);
        CHECK(found[i].display == expected[i].second);
      }
    }
  }
  fs::remove_all(top);
}

TEST_CASE("a walk from a root written loosely asks git about the right paths",
          "[fast-path][walk]") {
  std::string pattern = (fs::temp_directory_path() / "digestlint-paths-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  const fs::path top = fs::canonical(pattern);
  REQUIRE(std::system(("git init -q " + (top / "repo").string()).c_str()) == 0);
  for (const char* f : {"a.md", "skip.md", "ignored/b.md", "sub/c.md", "sub/skip.md", "sub/d.md"}) {
    fs::create_directories((top / "repo" / f).parent_path());
    std::ofstream(top / "repo" / f) << "# x\n";
  }
  std::ofstream(top / "repo/.gitignore") << "skip.md\nignored/\n/sub/d.md\n";
  {
    WorkingDirectory here(top);
    for (const std::string& root : {std::string("repo"), std::string("./repo/"),
                                    std::string("repo//"), std::string("repo/sub/..")}) {
      INFO("root " << root);
      std::vector<FoundFile> found;
      WalkNotes notes;
      Error error;
      REQUIRE(expand_path(root, {}, found, notes, error));
      std::vector<std::string> shown;
      for (const FoundFile& f : found)
        shown.push_back(f.display);
      CHECK(shown == std::vector<std::string>{"repo/a.md", "repo/sub/c.md"});
      CHECK(notes.ignored == 4);  // skip.md, ignored/, sub/skip.md, sub/d.md
    }
    WorkingDirectory inside(top / "repo" / "sub");
    std::vector<FoundFile> found;
    WalkNotes notes;
    Error error;
    REQUIRE(expand_path(".", {}, found, notes, error));
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "./c.md");
    CHECK(found[0].display == "c.md");
  }
  fs::remove_all(top);
}

}  // namespace
}  // namespace digestlint
