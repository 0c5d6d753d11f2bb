#include "digestlint/settings.h"

namespace digestlint {

std::string_view option_type_name(const OptionValue& value) {
  switch (value.index()) {
    case 0:
      return "true or false";
    case 1:
      return "an integer";
    case 2:
      return "a string";
    default:
      return "a list of strings";
  }
}

void Settings::merge(const Settings& over) {
  for (const auto& [code, setting] : over.rules) {
    RuleSetting& mine = rules[code];
    if (setting.severity) mine.severity = setting.severity;
    for (const auto& [name, value] : setting.options)
      mine.options[name] = value;
  }
}

}  // namespace digestlint
