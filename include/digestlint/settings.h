// Rule severities and options, as set by a schema or a config file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "digestlint/diagnostic.h"

namespace digestlint {

using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;

std::string_view option_type_name(const OptionValue& value);

struct RuleSetting {
  std::optional<Severity> severity;
  std::map<std::string, OptionValue, std::less<>> options;
};

// Keyed by rule code; names are resolved to codes when read.
struct Settings {
  std::map<std::string, RuleSetting, std::less<>> rules;

  // Applies `over` on top of this: its severities and options win.
  void merge(const Settings& over);
};

}  // namespace digestlint
