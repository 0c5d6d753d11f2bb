// Strict reading of TOML tables for schema and config files: every key is
// known, every value has the right type, and every error names
// "file:line:col". toml++ is included only behind this header's .cc files.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/settings.h"

namespace digestlint {

class TomlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TomlReader {
 public:
  explicit TomlReader(std::string origin) : origin_(std::move(origin)) {}

  // Parses `text`; a syntax error throws TomlError.
  toml::table parse(std::string_view text) const;

  [[noreturn]] void fail(const toml::source_region& where, std::string_view message) const;
  [[noreturn]] void fail(const toml::node& node, std::string_view message) const {
    fail(node.source(), message);
  }

  // Fails on the first key of `table` not in `allowed`.
  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                  std::string_view where) const;

  const toml::table* table(const toml::table& parent, std::string_view key) const;
  const toml::array* array(const toml::table& parent, std::string_view key) const;
  std::string string(const toml::table& t, std::string_view key, std::string fallback) const;
  std::int64_t integer(const toml::table& t, std::string_view key, std::int64_t fallback,
                       std::int64_t min, std::int64_t max) const;
  bool boolean(const toml::table& t, std::string_view key, bool fallback) const;
  std::vector<std::string> strings(const toml::table& t, std::string_view key,
                                   std::vector<std::string> fallback) const;

  // `[rules.NAME]` tables: NAME is a rule code or name; keys are
  // "severity" and the rule's declared options, type-checked.
  void rule_settings(const toml::table& rules, Settings& out) const;

  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
};

}  // namespace digestlint
