// Streamed output: a writer receives the run's file reports one at a time,
// in path order, as the files are linted, and writes each as it comes, so
// no document of the whole run is held in memory (one file's part at most).
// Formats whose header needs totals (JUnit) or whose findings come after
// what is known only at the end (SARIF's rules and notifications) spill
// the findings to an unnamed temporary file and copy it at end().
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <ostream>
#include <span>
#include <string>

#include "output/formats.h"
#include "output/report.h"

namespace digestlint {

struct RunEnd {
  Totals totals;
  // The rules that ran, in code order (SARIF's tool.driver.rules); known
  // only when every file is linted, as each file's schema picks them.
  std::span<const RuleInfo* const> rules;
};

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void begin() {}
  // One file's findings, or its error (FileReport::error), in path order.
  virtual void file(const FileReport& report) = 0;
  // An error that is not a finding: unreadable, not text, too large, a
  // broken config or schema. `path` may name a config file, or be empty
  // for the run as a whole.
  void file_error(std::string path, std::string error, std::uint32_t line = 0,
                  std::uint32_t column = 0);
  virtual void end(const RunEnd& run) = 0;
};

// Writers gather output in a string and hand it on in pieces of about
// this size (and at the end of each file).
inline constexpr std::size_t kFlushBytes = 1 << 16;

// Writes `buffer` to `out` and empties it.
void flush_buffer(std::ostream& out, std::string& buffer);

// `errors` receives what a format has no place for (rdjsonl's file errors).
std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out,
                                                 std::ostream& errors,
                                                 const OutputOptions& options);

// Per-format writers (formats.cc dispatches to them).
std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const OutputOptions& options);
std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out);
std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out);
std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out);
std::unique_ptr<ReportWriter> make_rdjsonl_writer(std::ostream& out, std::ostream& errors);
std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out);
std::unique_ptr<ReportWriter> make_checkstyle_writer(std::ostream& out);

// The whole run at once, through a writer: what write_report and the
// write_FORMAT functions do.
void write_all(ReportWriter& writer, std::span<const FileReport> reports,
               std::span<const RuleInfo* const> rules);

// Findings spilled to disk until end(): an unnamed temporary file.
class SpillFile {
 public:
  SpillFile();
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  void write(std::string_view bytes);
  // Hands everything written so far to `sink`, in chunks.
  void copy_to(const std::function<void(std::string_view)>& sink);
  void copy_to(std::ostream& out);

 private:
  std::FILE* file_ = nullptr;
  bool spilling_ = false;
  std::string pending_;  // small writes gathered before they reach the file
};

}  // namespace digestlint
