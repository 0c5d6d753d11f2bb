// --format rdjsonl: reviewdog's Diagnostic, one JSON object per line.
// Lines and columns are 1-based, columns in UTF-8 bytes, ends exclusive
// (reviewdog's spec); safe fixes become suggestions. Files that could not
// be read have no place in the format: they go to `errors` (stderr).
#include <nlohmann/json.hpp>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"

namespace digestlint {

namespace {

using json = nlohmann::ordered_json;

json byte_range(const ReportedRange& r) {
  return {{"start", {{"line", r.start_byte.line}, {"column", r.start_byte.column}}},
          {"end", {{"line", r.stop_byte.line}, {"column", r.stop_byte.column}}}};
}

std::string_view severity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "ERROR";
    case Severity::Warning:
      return "WARNING";
    default:
      return "INFO";
  }
}

}  // namespace

void write_rdjsonl(std::ostream& out, std::ostream& errors, std::span<const FileReport> reports) {
  for (const FileReport& r : reports) {
    if (!r.error.empty()) {
      errors << "digestlint: " << printable(r.path) << ": " << printable(r.error) << '\n';
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      json item = {{"message", d.message},
                   {"location", {{"path", r.path}, {"range", byte_range(d.range)}}},
                   {"severity", severity(d.severity)},
                   {"source", {{"name", "digestlint"}}},
                   {"code", {{"value", d.rule->code}}}};
      if (d.fix && d.fix->safe) {
        json suggestions = json::array();
        for (const ReportedEdit& e : d.fix->edits) {
          suggestions.push_back({{"range", byte_range(e.range)}, {"text", e.replacement}});
        }
        item["suggestions"] = std::move(suggestions);
      }
      out << item.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
  }
}

}  // namespace digestlint
