#include "config/toml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "digestlint/rule.h"
#include "engine/registry.h"

namespace digestlint {

toml::table TomlReader::parse(std::string_view text) const {
  try {
    return toml::parse(text, origin_);
  } catch (const toml::parse_error& e) {
    fail(e.source(), e.description());
  }
}

void TomlReader::fail(const toml::source_region& where, std::string_view message) const {
  throw TomlError(Error{origin_, where.begin.line, where.begin.column, std::string(message)});
}

void TomlReader::check_keys(const toml::table& table,
                            std::initializer_list<std::string_view> allowed,
                            std::string_view where) const {
  for (auto&& [key, node] : table) {
    bool known = false;
    for (std::string_view a : allowed)
      known = known || key.str() == a;
    if (!known) {
      std::string list;
      for (std::string_view a : allowed)
        list += fmt::format("{}'{}'", list.empty() ? "" : ", ", a);
      fail(key.source(),
           fmt::format("unknown key '{}' in {} (expected one of {})", key.str(), where, list));
    }
  }
}

const toml::table* TomlReader::table(const toml::table& parent, std::string_view key) const {
  const toml::node* node = parent.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) fail(*node, fmt::format("'{}' must be a table", key));
  return node->as_table();
}

const toml::array* TomlReader::array(const toml::table& parent, std::string_view key) const {
  const toml::node* node = parent.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_array()) fail(*node, fmt::format("'{}' must be an array", key));
  return node->as_array();
}

std::string TomlReader::string(const toml::table& t, std::string_view key,
                               std::string fallback) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_string()) fail(*node, fmt::format("'{}' must be a string", key));
  return std::string(node->as_string()->get());
}

std::int64_t TomlReader::integer(const toml::table& t, std::string_view key, std::int64_t fallback,
                                 std::int64_t min, std::int64_t max) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_integer()) fail(*node, fmt::format("'{}' must be an integer", key));
  const std::int64_t v = node->as_integer()->get();
  if (v < min || v > max) {
    fail(*node, fmt::format("'{}' must be between {} and {}, not {}", key, min, max, v));
  }
  return v;
}

bool TomlReader::boolean(const toml::table& t, std::string_view key, bool fallback) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) fail(*node, fmt::format("'{}' must be true or false", key));
  return node->as_boolean()->get();
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key,
                                             std::vector<std::string> fallback) const {
  const toml::array* a = array(t, key);
  if (a == nullptr) return fallback;
  std::vector<std::string> out;
  for (const toml::node& item : *a) {
    if (!item.is_string()) fail(item, fmt::format("'{}' must hold only strings", key));
    out.emplace_back(item.as_string()->get());
  }
  return out;
}

namespace {

OptionValue read_option(const TomlReader& reader, const OptionSpec& spec, const toml::node& node) {
  const std::string_view type = option_type_name(spec.default_value);
  auto wrong = [&]() { reader.fail(node, fmt::format("option '{}' must be {}", spec.name, type)); };
  return std::visit(
      [&](const auto& def) -> OptionValue {
        using T = std::decay_t<decltype(def)>;
        if constexpr (std::is_same_v<T, bool>) {
          if (!node.is_boolean()) wrong();
          return node.as_boolean()->get();
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          if (!node.is_integer()) wrong();
          return node.as_integer()->get();
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (!node.is_string()) wrong();
          return std::string(node.as_string()->get());
        } else {
          if (!node.is_array()) wrong();
          std::vector<std::string> list;
          for (const toml::node& item : *node.as_array()) {
            if (!item.is_string()) wrong();
            list.emplace_back(item.as_string()->get());
          }
          return list;
        }
      },
      spec.default_value);
}

}  // namespace

void TomlReader::rule_settings(const toml::table& rules, Settings& out) const {
  // Prefixes ("DL2") first, shortest first, then codes and names: the more
  // specific entry wins whatever the order in the file.
  std::vector<std::pair<const toml::key*, const toml::node*>> ordered;
  for (auto&& [key, node] : rules)
    ordered.emplace_back(&key, &node);
  auto prefix_length = [](const toml::key& key) {
    return is_rule_prefix(key.str()) ? key.str().size() : std::size_t{1000};
  };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) {
    return prefix_length(*a.first) < prefix_length(*b.first);
  });
  for (const auto& [key_pointer, node_pointer] : ordered) {
    const toml::key& key = *key_pointer;
    const toml::node& node = *node_pointer;
    if (is_rule_prefix(key.str())) {
      const std::vector<const RuleInfo*> matched = match_rules(key.str());
      if (matched.empty()) fail(key.source(), unknown_rule_message(key.str()));
      const auto severity =
          node.is_string() ? parse_severity(node.as_string()->get()) : std::optional<Severity>{};
      if (!severity) {
        fail(node, fmt::format("rule prefix '{}' takes a severity: 'error', 'warning', 'info' "
                               "or 'off' (options belong to one rule)",
                               key.str()));
      }
      for (const RuleInfo* rule : matched) {
        // An opt-in rule is switched on only by its own code or name.
        if (rule->opt_in && *severity != Severity::Off) continue;
        out.rules[std::string(rule->code)].severity = severity;
      }
      continue;
    }
    const RuleInfo* rule = find_rule(key.str());
    if (rule == nullptr) fail(key.source(), unknown_rule_message(key.str()));
    RuleSetting& setting = out.rules[std::string(rule->code)];
    if (node.is_string()) {  // shorthand: rule = "warning"
      const auto severity = parse_severity(node.as_string()->get());
      if (!severity) fail(node, "severity must be one of 'error', 'warning', 'info', 'off'");
      setting.severity = severity;
      continue;
    }
    if (!node.is_table()) {
      fail(node, fmt::format("rule '{}' takes a severity string or a table", key.str()));
    }
    for (auto&& [option, value] : *node.as_table()) {
      if (option.str() == "severity") {
        const auto severity = value.is_string() ? parse_severity(value.as_string()->get())
                                                : std::optional<Severity>{};
        if (!severity) fail(value, "severity must be one of 'error', 'warning', 'info', 'off'");
        setting.severity = severity;
        continue;
      }
      const OptionSpec* spec = nullptr;
      for (const OptionSpec& s : rule->options) {
        if (s.name == option.str()) spec = &s;
      }
      if (spec == nullptr) {
        std::string known;
        for (const OptionSpec& s : rule->options) {
          known += fmt::format("{}'{}'", known.empty() ? "" : ", ", s.name);
        }
        fail(option.source(),
             fmt::format("rule {} ({}) has no option '{}'{}", rule->code, rule->name, option.str(),
                         known.empty() ? " (it takes only 'severity')"
                                       : fmt::format(" (options: {})", known)));
      }
      setting.options[std::string(spec->name)] = read_option(*this, *spec, value);
    }
  }
}

}  // namespace digestlint
