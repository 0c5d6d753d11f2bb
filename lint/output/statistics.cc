#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "digestlint/rule.h"
#include "digestlint/settings.h"
#include "output/formats.h"

namespace digestlint {

void RuleStatistics::add(const FileReport& report) {
  for (const ReportedDiagnostic& d : report.diagnostics) {
    Count& c = by_code_[d.rule->code];
    c.rule = d.rule;
    ++c.count;
    c.fixable += d.fix && d.fix->safe ? 1 : 0;
    c.severity = std::max(c.severity, d.severity);
  }
}

std::vector<RuleStatistics::Count> RuleStatistics::most_frequent_first() const {
  std::vector<Count> out;
  for (const auto& [code, c] : by_code_)
    out.push_back(c);
  std::stable_sort(out.begin(), out.end(),
                   [](const Count& a, const Count& b) { return a.count > b.count; });
  return out;
}

void write_statistics_text(std::ostream& out, const RuleStatistics& statistics) {
  const std::vector<RuleStatistics::Count> counts = statistics.most_frequent_first();
  if (counts.empty()) return;
  std::size_t name_width = 4;
  for (const RuleStatistics::Count& c : counts)
    name_width = std::max(name_width, c.rule->name.size());
  out << fmt::format("{:>6}  {:<5}  {:<{}}  {:<8}  {}\n", "count", "rule", "name", name_width,
                     "severity", "fixable");
  std::size_t total = 0;
  std::size_t fixable = 0;
  for (const RuleStatistics::Count& c : counts) {
    out << fmt::format("{:>6}  {:<5}  {:<{}}  {:<8}  {}\n", c.count, c.rule->code, c.rule->name,
                       name_width, to_string(c.severity),
                       c.fixable > 0 ? fmt::format("[*] {}", c.fixable) : std::string("-"));
    total += c.count;
    fixable += c.fixable;
  }
  out << fmt::format("{:>6}  total in {} {}; {} fixable with `--fix`\n", total, counts.size(),
                     counts.size() == 1 ? "rule" : "rules", fixable);
}

void write_statistics_json(std::ostream& out, const RuleStatistics& statistics) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleStatistics::Count& c : statistics.most_frequent_first()) {
    list.push_back({{"rule", c.rule->code},
                    {"name", c.rule->name},
                    {"severity", to_string(c.severity)},
                    {"count", c.count},
                    {"fixable", c.fixable > 0},
                    {"fixable_count", c.fixable}});
  }
  out << list.dump(2) << '\n';
}

std::string fixable_line(std::size_t safe, std::size_t unsafe) {
  if (safe + unsafe == 0) return {};
  std::string line = fmt::format("{} fixable with `--fix`", safe);
  if (unsafe > 0) line += fmt::format(" ({} more with `--unsafe-fixes`)", unsafe);
  return line;
}

std::string summary_line(const Totals& t, std::size_t excluded, std::size_t not_digests) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::string line =
      fmt::format("{}, {}, {} in {}", plural(t.errors, "error"), plural(t.warnings, "warning"),
                  plural(t.infos, "info"), plural(t.files, "file"));
  if (excluded > 0) line += fmt::format(" ({} excluded by configuration)", excluded);
  if (not_digests > 0) {
    line += fmt::format("; {} {} not {}", plural(not_digests, "Markdown file"),
                        not_digests == 1 ? "is" : "are", not_digests == 1 ? "a digest" : "digests");
  }
  if (t.fixes > 0) line += fmt::format("; {} fixed", plural(t.fixes, "finding"));
  if (t.failed_files > 0)
    line += fmt::format("; {} could not be processed", plural(t.failed_files, "file"));
  return line;
}
}  // namespace digestlint
