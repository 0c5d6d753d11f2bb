// --format sarif: SARIF 2.1.0 as GitHub code scanning reads it: the rules
// that ran, with their documentation as help; one result per finding with
// a region in UTF-16 columns (end exclusive); safe fixes as SARIF fixes;
// unreadable files and broken configs as tool execution notifications.
// Deterministic: no time stamps, no machine-specific paths.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "digestlint/rule.h"
#include "engine/registry.h"
#include "output/escape.h"
#include "output/explain.h"
#include "output/formats.h"
#include "output/json_emit.h"
#include "output/writer.h"
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

void region(JsonEmitter& j, const ReportedRange& r) {
  j.begin_object();
  j.field("startLine", r.start.line);
  j.field("startColumn", r.start.column);
  j.field("endLine", r.stop.line);
  j.field("endColumn", r.stop.column);
  j.end_object();
}

// Opens the location object (the caller may add fields, then closes it).
void begin_location(JsonEmitter& j, std::string_view uri, const ReportedRange& r) {
  j.begin_object();
  j.key("physicalLocation");
  j.begin_object();
  j.key("artifactLocation");
  j.begin_object();
  j.field("uri", uri);
  j.end_object();
  j.key("region");
  region(j, r);
  j.end_object();
}

void text_message(JsonEmitter& j, std::string_view key, std::string_view text) {
  j.key(key);
  j.begin_object();
  j.field("text", text);
  j.end_object();
}

// A result's ruleIndex is its rule's place among the rules that ran, known
// only at the end: the spilled results hold this marker and the rule's
// place in the registry, replaced when they are copied out. JSON strings
// never hold a raw control byte, so the marker cannot occur otherwise.
constexpr char kRuleIndexMarker = '\x01';

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

class SarifWriter final : public ReportWriter {
 public:
  explicit SarifWriter(std::ostream& out) : out_(out) {
    const auto rules = all_rules();
    registry_.assign(rules.begin(), rules.end());
  }

  void file(const FileReport& r) override {
    const std::string uri = artifact_uri(r.path);
    if (!r.error.empty()) {
      json loc = {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}};
      if (r.error_line > 0) {
        loc["physicalLocation"]["region"] = {{"startLine", r.error_line},
                                             {"startColumn", r.error_column}};
      }
      json notification = {{"level", "error"}, {"message", {{"text", r.error}}}};
      // An error of the run as a whole (a --schema that does not load) has
      // no file to point at.
      if (!r.path.empty()) notification["locations"] = {loc};
      notifications_.push_back(std::move(notification));
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      buffer_ += any_ ? ",\n        " : "\n        ";
      any_ = true;
      JsonEmitter j(buffer_, 2, 4);
      j.begin_object();
      j.field("ruleId", d.rule->code);
      j.key("ruleIndex");
      const std::size_t place = registry_place(d.rule);
      const char marker[] = {kRuleIndexMarker, static_cast<char>(0x20 + place / 64),
                             static_cast<char>(0x20 + place % 64)};
      j.raw_value(std::string_view(marker, sizeof marker));
      j.field("level", level(d.severity));
      text_message(j, "message", d.message);
      j.key("locations");
      j.begin_array();
      begin_location(j, uri, d.range);
      j.end_object();
      j.end_array();
      if (!d.notes.empty()) {
        j.key("relatedLocations");
        j.begin_array();
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
          begin_location(j, uri, d.notes[i].range);
          j.field("id", static_cast<std::uint64_t>(i + 1));
          text_message(j, "message", d.notes[i].message);
          j.end_object();
        }
        j.end_array();
      }
      if (d.fix && d.fix->safe) {
        j.key("fixes");
        j.begin_array();
        j.begin_object();
        text_message(j, "description", d.fix->title);
        j.key("artifactChanges");
        j.begin_array();
        j.begin_object();
        j.key("artifactLocation");
        j.begin_object();
        j.field("uri", uri);
        j.end_object();
        j.key("replacements");
        j.begin_array();
        for (const ReportedEdit& e : d.fix->edits) {
          j.begin_object();
          j.key("deletedRegion");
          region(j, e.range);
          text_message(j, "insertedContent", e.replacement);
          j.end_object();
        }
        j.end_array();
        j.end_object();
        j.end_array();
        j.end_object();
        j.end_array();
      }
      j.end_object();
      if (buffer_.size() >= kFlushBytes) {
        results_.write(buffer_);
        buffer_.clear();
      }
    }
    results_.write(buffer_);
    buffer_.clear();
  }

  void end(const RunEnd& run) override {
    // tool.driver.rules: the rules that ran, plus any rule with a result
    // (results point at their rule by index).
    std::vector<const RuleInfo*> rules(run.rules.begin(), run.rules.end());
    for (std::size_t k = 0; k < registry_.size(); ++k) {
      if (k < used_.size() && used_[k] &&
          std::find(rules.begin(), rules.end(), registry_[k]) == rules.end())
        rules.push_back(registry_[k]);
    }
    std::stable_sort(rules.begin(), rules.end(),
                     [](const RuleInfo* a, const RuleInfo* b) { return a->code < b->code; });
    std::vector<std::string> index(registry_.size());
    json descriptors = json::array();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto at = std::find(registry_.begin(), registry_.end(), rules[i]);
      if (at != registry_.end()) index[at - registry_.begin()] = std::to_string(i);
      descriptors.push_back(rule_descriptor(*rules[i]));
    }

    json invocation = {{"executionSuccessful", notifications_.empty()}};
    if (!notifications_.empty())
      invocation["toolExecutionNotifications"] = std::move(notifications_);
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
                                             {"results", json::array()}}})}};
    // The skeleton, with the results (its last field) streamed in.
    const std::string skeleton = doc.dump(2, ' ', false, json::error_handler_t::replace);
    constexpr std::string_view kResults = "\"results\": []";
    const std::size_t at = skeleton.rfind(kResults);
    out_.write(skeleton.data(), static_cast<std::streamsize>(at + kResults.size() - 1));
    if (any_) {
      ResultsCopy copy{out_, index, {}};
      results_.copy_to([&copy](std::string_view chunk) { copy(chunk); });
      copy.finish();
      out_ << "\n      ";
    }
    out_ << std::string_view(skeleton).substr(at + kResults.size() - 1) << '\n';
  }

 private:
  // Writes the spilled results, each rule index marker replaced.
  struct ResultsCopy {
    std::ostream& out;
    const std::vector<std::string>& index;
    std::string carry;  // a marker cut by a chunk's end
    void operator()(std::string_view chunk) {
      std::string text = std::move(carry);
      carry.clear();
      text.append(chunk);
      std::size_t from = 0;
      for (std::size_t m; (m = text.find(kRuleIndexMarker, from)) != std::string::npos;) {
        if (m + 2 >= text.size()) {
          carry = text.substr(m);
          text.resize(m);
          break;
        }
        out.write(text.data() + from, static_cast<std::streamsize>(m - from));
        const std::size_t place = static_cast<std::size_t>(text[m + 1] - 0x20) * 64 +
                                  static_cast<std::size_t>(text[m + 2] - 0x20);
        out << index[place];
        from = m + 3;
      }
      if (from < text.size())
        out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
    }
    void finish() { out << carry; }
  };

  std::size_t registry_place(const RuleInfo* rule) {
    auto at = std::find(registry_.begin(), registry_.end(), rule);
    if (at == registry_.end()) {
      registry_.push_back(rule);
      at = registry_.end() - 1;
    }
    const auto place = static_cast<std::size_t>(at - registry_.begin());
    if (used_.size() < registry_.size()) used_.resize(registry_.size(), false);
    used_[place] = true;
    return place;
  }

  std::ostream& out_;
  std::vector<const RuleInfo*> registry_;
  std::vector<bool> used_;
  json notifications_ = json::array();
  SpillFile results_;
  std::string buffer_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out) {
  return std::make_unique<SarifWriter>(out);
}

void write_sarif(std::ostream& out, std::span<const FileReport> reports,
                 const OutputOptions& options) {
  SarifWriter writer(out);
  write_all(writer, reports, options.rules);
}

}  // namespace digestlint
