#include "fixture.h"

#include <fmt/format.h>

#include <sstream>

#include "config/toml_reader.h"
#include "digestlint/text.h"
#include "engine/registry.h"

namespace digestlint::testing {

std::optional<Fixture> parse_fixture(const std::string& text, const std::string& origin,
                                     std::string& error) {
  const std::size_t open = text.rfind("<!-- digestlint-fixture");
  if (open == std::string::npos) {
    error = origin + ": no '<!-- digestlint-fixture' block";
    return std::nullopt;
  }
  const std::size_t close = text.find("-->", open);
  if (close == std::string::npos) {
    error = origin + ": the fixture block is not closed with '-->'";
    return std::nullopt;
  }
  // Fixtures may use CRLF or lone CR line ends: read the block by lines of any kind.
  std::string block = text.substr(open, close - open);
  for (std::size_t i = 0; (i = block.find('\r', i)) != std::string::npos;) {
    if (i + 1 < block.size() && block[i + 1] == '\n') {
      block.erase(i, 1);
    } else {
      block[i] = '\n';
    }
  }
  std::istringstream in(block);
  std::string line;
  std::getline(in, line);  // "<!-- digestlint-fixture"
  Fixture f;
  std::string section;
  std::string rules_toml;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    const std::string_view body = trim_ascii_space(line);
    if (body.empty()) continue;
    if (!indented) {
      const std::size_t colon = body.find(':');
      if (colon == std::string_view::npos) {
        error = fmt::format("{}: fixture block line {}: expected 'key: value', got '{}'", origin,
                            number, body);
        return std::nullopt;
      }
      const std::string key(trim_ascii_space(body.substr(0, colon)));
      const std::string value(trim_ascii_space(body.substr(colon + 1)));
      section = key;
      if (key == "schema") {
        f.schema = value;
      } else if (key == "unsafe-fixes") {
        f.unsafe_fixes = value == "true";
      } else if (key != "expect" && key != "rules") {
        error = fmt::format("{}: unknown fixture key '{}'", origin, key);
        return std::nullopt;
      }
      continue;
    }
    if (section == "rules") {
      rules_toml += std::string(body) + "\n";
    } else if (section == "expect") {
      // "12:5 DL201" or "12 trailing-whitespace"
      const std::size_t space = body.find(' ');
      if (space == std::string_view::npos) {
        error = fmt::format("{}: expectation '{}' needs 'LINE[:COL] RULE'", origin, body);
        return std::nullopt;
      }
      Expectation e;
      const std::string where(body.substr(0, space));
      const std::string rule(trim_ascii_space(body.substr(space + 1)));
      try {
        const std::size_t c = where.find(':');
        e.line = static_cast<std::uint32_t>(std::stoul(where.substr(0, c)));
        if (c != std::string::npos)
          e.column = static_cast<std::uint32_t>(std::stoul(where.substr(c + 1)));
      } catch (const std::exception&) {
        error = fmt::format("{}: bad position '{}' in expectation '{}'", origin, where, body);
        return std::nullopt;
      }
      const RuleInfo* info = find_rule(rule);
      if (info == nullptr) {
        error = fmt::format("{}: unknown rule '{}' in expectation", origin, rule);
        return std::nullopt;
      }
      e.rule = std::string(info->code);
      f.expectations.push_back(e);
    } else {
      error = fmt::format("{}: indented line outside 'expect:' or 'rules:': '{}'", origin, body);
      return std::nullopt;
    }
  }
  if (!rules_toml.empty()) {
    const TomlReader reader(origin + " (fixture rules)");
    Error toml_error;
    if (!reader.read(rules_toml, toml_error,
                     [&](const toml::table& rules) { reader.rule_settings(rules, f.settings); })) {
      error = toml_error.to_string();
      return std::nullopt;
    }
  }
  return f;
}

}  // namespace digestlint::testing
