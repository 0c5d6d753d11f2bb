// The command line's fast paths held to the slow ones they replace: UTF-16
// columns counted without a decoder (output/report.cc) against
// SourceText::position, on every offset of tricky texts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "base/files.h"
#include "digestlint/source.h"
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

}  // namespace
}  // namespace digestlint
