#include "formats.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>

#include "digestlint/rule.h"
#include "registry.h"

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
  switch (format) {
    case OutputFormat::Text:
      write_text(out, reports, options);
      break;
    case OutputFormat::Json:
      write_json(out, reports);
      break;
    case OutputFormat::Sarif:
      write_sarif(out, reports, options);
      break;
    case OutputFormat::Github:
      write_github(out, reports);
      break;
    case OutputFormat::Rdjsonl:
      write_rdjsonl(out, errors, reports);
      break;
    case OutputFormat::Junit:
      write_junit(out, reports);
      break;
    case OutputFormat::Checkstyle:
      write_checkstyle(out, reports);
      break;
  }
}

namespace {

struct RuleCount {
  const RuleInfo* rule = nullptr;
  std::size_t count = 0;
  bool fixable = false;
};

std::vector<RuleCount> rule_counts(std::span<const FileReport> reports) {
  std::map<std::string_view, RuleCount> by_code;
  for (const FileReport& r : reports) {
    for (const ReportedDiagnostic& d : r.diagnostics) {
      RuleCount& c = by_code[d.rule->code];
      c.rule = d.rule;
      ++c.count;
      c.fixable = c.fixable || (d.fix && d.fix->safe);
    }
  }
  std::vector<RuleCount> out;
  for (auto& [code, c] : by_code)
    out.push_back(c);
  std::stable_sort(out.begin(), out.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace

void write_statistics_text(std::ostream& out, std::span<const FileReport> reports) {
  for (const RuleCount& c : rule_counts(reports)) {
    out << fmt::format("{:>6}  {}  {}{}\n", c.count, c.rule->code, c.rule->name,
                       c.fixable ? "  [*]" : "");
  }
}

void write_statistics_json(std::ostream& out, std::span<const FileReport> reports) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleCount& c : rule_counts(reports)) {
    list.push_back({{"rule", c.rule->code},
                    {"name", c.rule->name},
                    {"count", c.count},
                    {"fixable", c.fixable}});
  }
  out << list.dump(2) << '\n';
}

std::string explain_rule(const RuleInfo& r) {
  const std::string severity =
      r.opt_in ? fmt::format(
                     "off (opt-in: reports as {} once a config gives it a severity or "
                     "--select names it)",
                     to_string(r.default_severity))
               : std::string(to_string(r.default_severity));
  std::string out =
      fmt::format("# {} {}\n\n{}\n\nDefault severity: {}.{}\n", r.code, r.name, r.summary, severity,
                  r.has_fix ? " Some findings carry a fix." : "");
  out += r.documentation;
  if (!r.options.empty()) {
    out += "\n## Options\n\n";
    for (const OptionSpec& o : r.options) {
      const std::string value = std::visit(
          [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
              return v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              return std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
              return fmt::format("\"{}\"", v);
            } else {
              std::string list;
              for (const std::string& s : v)
                list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", s);
              return "[" + list + "]";
            }
          },
          o.default_value);
      out += fmt::format("- `{}` (default `{}`): {}\n", o.name, value, o.description);
    }
  }
  return out;
}

void write_rules_json(std::ostream& out, const Linter& linter) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleInfo* r : all_rules()) {
    nlohmann::ordered_json options = nlohmann::ordered_json::array();
    for (const OptionSpec& o : r->options)
      options.push_back({{"name", o.name}, {"description", o.description}});
    list.push_back({{"code", r->code},
                    {"name", r->name},
                    {"summary", r->summary},
                    {"default_severity", to_string(r->default_severity)},
                    {"severity", to_string(linter.severity(*r))},
                    {"fix", r->has_fix},
                    {"options", std::move(options)}});
  }
  out << list.dump(2) << '\n';
}

std::string summary_line(const Totals& t, std::size_t excluded) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::string line =
      fmt::format("{}, {}, {} in {}", plural(t.errors, "error"), plural(t.warnings, "warning"),
                  plural(t.infos, "info"), plural(t.files, "file"));
  if (excluded > 0) line += fmt::format(" ({} excluded by configuration)", excluded);
  if (t.fixes > 0) line += fmt::format("; {} fixed", plural(t.fixes, "finding"));
  if (t.failed_files > 0)
    line += fmt::format("; {} could not be processed", plural(t.failed_files, "file"));
  return line;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // C1 controls (U+0080..U+009F), which some terminals obey like ESC.
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else if (c == '#' && text.substr(i, 3) == "##[") {
      out += "##\\x5b";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string github_escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : github_escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      case '\t':
      case '\n':
      case '\r':
        // Attribute values are normalised to spaces unless written as
        // references.
        if (attribute) {
          out += fmt::format("&#{};", static_cast<int>(c));
        } else {
          out += static_cast<char>(c);
        }
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) continue;  // not allowed in XML 1.0
    out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

std::string cwd_relative(std::string_view path) {
  namespace fs = std::filesystem;
  if (path.empty() || path.front() != '/') return std::string(path);
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path relative = fs::path(path).lexically_normal().lexically_relative(cwd);
  if (ec || relative.empty() || *relative.begin() == "..") return std::string(path);
  return relative.generic_string();
}

std::string artifact_uri(std::string_view path) {
  const std::string p = cwd_relative(path);
  const bool absolute = !p.empty() && p.front() == '/';
  std::string out = absolute ? "file://" : "";
  for (const char ch : p) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string what_it_does(std::string_view doc) {
  constexpr std::string_view kHeading = "## What it does";
  const std::size_t at = doc.find(kHeading);
  if (at == std::string_view::npos) return {};
  std::string_view body = doc.substr(at + kHeading.size());
  const std::size_t next = body.find("\n## ");
  if (next != std::string_view::npos) body = body.substr(0, next);
  // Paragraphs joined into one line each, separated by a blank line.
  std::string out;
  bool blank = true;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
      line.remove_suffix(1);
    if (line.empty()) {
      blank = true;
    } else {
      if (!out.empty()) out += blank ? "\n\n" : " ";
      out += line;
      blank = false;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace digestlint
