// Strict reading of TOML tables for schema and config files: every key is
// known, every value has the right type, and every error carries the
// file, line and column. toml++ is included only behind this header's .cc
// files.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "digestlint/settings.h"

namespace digestlint {

// Thrown by TomlReader::fail, so that a check deep in a table ends the
// reading; caught by TomlReader::read, never seen by its callers.
class TomlError : public std::exception {
 public:
  explicit TomlError(Error what_went_wrong) : error(std::move(what_went_wrong)) {}
  const char* what() const noexcept override { return error.message.c_str(); }
  Error error;
};

class TomlReader {
 public:
  // `origin` is the file as errors name it.
  explicit TomlReader(std::string origin) : origin_(std::move(origin)) {}

  // Parses `text` and passes its root table to `read_root`, which checks
  // it with this reader. The first error (the TOML syntax, or a check
  // failing) fills `error` and makes it return false.
  template <typename ReadRoot>
  bool read(std::string_view text, Error& error, ReadRoot&& read_root) const {
    try {
      read_root(parse(text));
      return true;
    } catch (const TomlError& e) {
      error = e.error;
      return false;
    }
  }

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
  // Parses `text`; a syntax error throws TomlError.
  toml::table parse(std::string_view text) const;

  std::string origin_;
};

}  // namespace digestlint
