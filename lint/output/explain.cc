#include "output/explain.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <type_traits>
#include <variant>

#include "digestlint/rule.h"
#include "engine/registry.h"

namespace digestlint {

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
