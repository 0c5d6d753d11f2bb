#include "output/formats.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>

#include "digestlint/rule.h"
#include "engine/registry.h"
#include "output/writer.h"

namespace digestlint {

namespace {

struct FormatName {
  std::string_view name;
  OutputFormat format;
};
constexpr std::array<FormatName, 7> kFormats{{
    {"text", OutputFormat::Text},
    {"json", OutputFormat::Json},
    {"sarif", OutputFormat::Sarif},
    {"github", OutputFormat::Github},
    {"rdjsonl", OutputFormat::Rdjsonl},
    {"junit", OutputFormat::Junit},
    {"checkstyle", OutputFormat::Checkstyle},
}};

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (const FormatName& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view format_names() {
  return "text, json, sarif, github, rdjsonl, junit, checkstyle";
}

bool is_log_format(OutputFormat format) {
  return format == OutputFormat::Text || format == OutputFormat::Github;
}

void write_report(OutputFormat format, std::ostream& out, std::ostream& errors,
                  std::span<const FileReport> reports, const OutputOptions& options) {
  const auto writer = make_report_writer(format, out, errors, options);
  write_all(*writer, reports, options.rules);
}

}  // namespace digestlint
