// --format json: one document, described in the README; fields keep their
// meaning across versions, new ones may be added.
#include <nlohmann/json.hpp>

#include "digestlint/rule.h"
#include "output/formats.h"
#include "version.h"

namespace digestlint {

namespace {

nlohmann::ordered_json range_json(const ReportedRange& r) {
  return {{"line", r.start.line},        {"column", r.start.column}, {"end_line", r.stop.line},
          {"end_column", r.stop.column}, {"offset", r.begin},        {"end_offset", r.end}};
}

}  // namespace

void write_json(std::ostream& out, std::span<const FileReport> reports) {
  using json = nlohmann::ordered_json;
  json files = json::array();
  for (const FileReport& r : reports) {
    json file = {{"path", r.path}};
    if (!r.error.empty()) {
      file["error"] = r.error;
      if (r.error_line > 0) {
        file["line"] = r.error_line;
        file["column"] = r.error_column;
      }
      if (r.diagnostics.empty()) {
        files.push_back(std::move(file));
        continue;
      }
    }
    json diagnostics = json::array();
    for (const ReportedDiagnostic& d : r.diagnostics) {
      json item = {
          {"rule", d.rule->code}, {"name", d.rule->name}, {"severity", to_string(d.severity)}};
      item.update(range_json(d.range));
      item["message"] = d.message;
      if (!d.notes.empty()) {
        json notes = json::array();
        for (const ReportedNote& n : d.notes) {
          json note = range_json(n.range);
          note["message"] = n.message;
          notes.push_back(std::move(note));
        }
        item["notes"] = std::move(notes);
      }
      if (d.fix) {
        json edits = json::array();
        for (const ReportedEdit& e : d.fix->edits) {
          json edit = range_json(e.range);
          edit["replacement"] = e.replacement;
          edits.push_back(std::move(edit));
        }
        item["fix"] = {{"title", d.fix->title},
                       {"applicability", d.fix->safe ? "safe" : "unsafe"},
                       {"edits", std::move(edits)}};
      }
      diagnostics.push_back(std::move(item));
    }
    file["diagnostics"] = std::move(diagnostics);
    if (r.fixes_applied > 0) file["fixed"] = r.fixes_applied;
    files.push_back(std::move(file));
  }
  const Totals t = count(reports);
  const json doc = {
      {"version", 1},
      {"tool", {{"name", "digestlint"}, {"version", kVersion}}},
      {"files", std::move(files)},
      {"summary",
       {{"files", t.files}, {"errors", t.errors}, {"warnings", t.warnings}, {"infos", t.infos}}}};
  // Invalid UTF-8 echoed from a file becomes U+FFFD instead of throwing.
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace digestlint
