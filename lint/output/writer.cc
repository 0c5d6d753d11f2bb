#include "output/writer.h"

#include <cstdio>

namespace digestlint {

void ReportWriter::file_error(std::string path, std::string error, std::uint32_t line,
                              std::uint32_t column) {
  FileReport report;
  report.path = std::move(path);
  report.error = std::move(error);
  report.error_line = line;
  report.error_column = column;
  file(report);
}

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out,
                                                 std::ostream& errors,
                                                 const OutputOptions& options) {
  switch (format) {
    case OutputFormat::Text:
      return make_text_writer(out, options);
    case OutputFormat::Json:
      return make_json_writer(out);
    case OutputFormat::Sarif:
      return make_sarif_writer(out);
    case OutputFormat::Github:
      return make_github_writer(out);
    case OutputFormat::Rdjsonl:
      return make_rdjsonl_writer(out, errors);
    case OutputFormat::Junit:
      return make_junit_writer(out);
    case OutputFormat::Checkstyle:
      break;
  }
  return make_checkstyle_writer(out);
}

void write_all(ReportWriter& writer, std::span<const FileReport> reports,
               std::span<const RuleInfo* const> rules) {
  writer.begin();
  for (const FileReport& r : reports)
    writer.file(r);
  writer.end(RunEnd{count(reports), rules});
}

namespace {
constexpr std::size_t kSpillChunk = 1 << 16;
}

SpillFile::SpillFile() : file_(std::tmpfile()), spilling_(file_ != nullptr) {}

SpillFile::~SpillFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void SpillFile::write(std::string_view bytes) {
  pending_.append(bytes);
  // Without a temporary file (none can be made) the findings stay in
  // memory, as before streaming: slower to grow, never lost.
  if (spilling_ && pending_.size() >= kSpillChunk) {
    const std::size_t written = std::fwrite(pending_.data(), 1, pending_.size(), file_);
    pending_.erase(0, written);
    // A full disk: what follows stays in memory, after what was written.
    if (!pending_.empty()) spilling_ = false;
  }
}

void SpillFile::copy_to(const std::function<void(std::string_view)>& sink) {
  if (file_ != nullptr) {
    std::fflush(file_);
    std::rewind(file_);
    std::string chunk(kSpillChunk, '\0');
    for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), file_)) > 0;)
      sink(std::string_view(chunk.data(), n));
  }
  sink(pending_);
}

void SpillFile::copy_to(std::ostream& out) {
  copy_to([&out](std::string_view bytes) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

void flush_buffer(std::ostream& out, std::string& buffer) {
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

}  // namespace digestlint
