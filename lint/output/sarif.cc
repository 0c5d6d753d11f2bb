// --format sarif: SARIF 2.1.0 as GitHub code scanning reads it: the rules
// that ran, with their documentation as help; one result per finding with
// a region in UTF-16 columns (end exclusive); safe fixes as SARIF fixes;
// unreadable files and broken configs as tool execution notifications.
// Deterministic: no time stamps, no machine-specific paths.
#include <nlohmann/json.hpp>

#include <map>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/explain.h"
#include "output/formats.h"
#include "version.h"

namespace digestlint {

namespace {

using json = nlohmann::ordered_json;

std::string_view level(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
    case Severity::Off:
      break;
  }
  return "none";
}

json region(const ReportedRange& r) {
  return {{"startLine", r.start.line},
          {"startColumn", r.start.column},
          {"endLine", r.stop.line},
          {"endColumn", r.stop.column}};
}

json location(const std::string& uri, const ReportedRange& r) {
  return {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region(r)}}}};
}

json rule_descriptor(const RuleInfo& r) {
  std::string full = what_it_does(r.documentation);
  if (full.empty()) full = std::string(r.summary);
  // Help is the rule's page, as --explain prints it and docs/rules/ has it.
  const std::string help = explain_rule(r);
  return {{"id", r.code},
          {"name", r.name},
          {"shortDescription", {{"text", r.summary}}},
          {"fullDescription", {{"text", full}}},
          {"help", {{"text", help}, {"markdown", help}}},
          {"defaultConfiguration", {{"level", level(r.default_severity)}}},
          {"properties", {{"tags", json::array({"digestlint"})}}}};
}

}  // namespace

void write_sarif(std::ostream& out, std::span<const FileReport> reports,
                 const OutputOptions& options) {
  // tool.driver.rules: the rules that ran, plus any rule with a result
  // (results point at their rule by index).
  std::vector<const RuleInfo*> rules(options.rules.begin(), options.rules.end());
  for (const FileReport& r : reports) {
    for (const ReportedDiagnostic& d : r.diagnostics) {
      if (std::find(rules.begin(), rules.end(), d.rule) == rules.end()) rules.push_back(d.rule);
    }
  }
  std::stable_sort(rules.begin(), rules.end(),
                   [](const RuleInfo* a, const RuleInfo* b) { return a->code < b->code; });
  std::map<const RuleInfo*, std::size_t> index;
  json descriptors = json::array();
  for (const RuleInfo* r : rules) {
    index[r] = descriptors.size();
    descriptors.push_back(rule_descriptor(*r));
  }

  json results = json::array();
  json notifications = json::array();
  for (const FileReport& r : reports) {
    const std::string uri = artifact_uri(r.path);
    if (!r.error.empty()) {
      json loc = {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}};
      if (r.error_line > 0) {
        loc["physicalLocation"]["region"] = {{"startLine", r.error_line},
                                             {"startColumn", r.error_column}};
      }
      notifications.push_back(
          {{"level", "error"}, {"message", {{"text", r.error}}}, {"locations", {loc}}});
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      json result = {{"ruleId", d.rule->code},
                     {"ruleIndex", index[d.rule]},
                     {"level", level(d.severity)},
                     {"message", {{"text", d.message}}},
                     {"locations", json::array({location(uri, d.range)})}};
      if (!d.notes.empty()) {
        json related = json::array();
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
          json loc = location(uri, d.notes[i].range);
          loc["id"] = i + 1;
          loc["message"] = {{"text", d.notes[i].message}};
          related.push_back(std::move(loc));
        }
        result["relatedLocations"] = std::move(related);
      }
      if (d.fix && d.fix->safe) {
        json replacements = json::array();
        for (const ReportedEdit& e : d.fix->edits) {
          replacements.push_back(
              {{"deletedRegion", region(e.range)}, {"insertedContent", {{"text", e.replacement}}}});
        }
        result["fixes"] = json::array(
            {{{"description", {{"text", d.fix->title}}},
              {"artifactChanges", json::array({{{"artifactLocation", {{"uri", uri}}},
                                                {"replacements", std::move(replacements)}}})}}});
      }
      results.push_back(std::move(result));
    }
  }

  json invocation = {{"executionSuccessful", notifications.empty()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  const json doc = {{"$schema",
                     "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                     "sarif-schema-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::array({{{"tool",
                                            {{"driver",
                                              {{"name", "digestlint"},
                                               {"version", kVersion},
                                               {"semanticVersion", kVersion},
                                               {"rules", std::move(descriptors)}}}}},
                                           {"invocations", json::array({std::move(invocation)})},
                                           {"columnKind", "utf16CodeUnits"},
                                           {"results", std::move(results)}}})}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace digestlint
