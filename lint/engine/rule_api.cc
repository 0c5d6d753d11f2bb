// The parts of the rule interface (include/digestlint/rule.h) that are not
// inline: option lookup and the reporter rules write findings through.
#include <fmt/format.h>

#include <stdexcept>

#include "digestlint/rule.h"

namespace digestlint {

const OptionValue& RuleOptions::get(std::string_view name) const {
  if (setting_ != nullptr) {
    auto it = setting_->options.find(name);
    if (it != setting_->options.end()) return it->second;
  }
  for (const OptionSpec& spec : info_.options) {
    if (spec.name == name) return spec.default_value;
  }
  throw std::logic_error(fmt::format("rule {} reads undeclared option '{}'", info_.code, name));
}

DiagnosticBuilder Reporter::add(ByteRange range, std::string message) {
  Diagnostic d;
  d.rule = &rule_;
  d.severity = severity_;
  d.range = range;
  d.message = std::move(message);
  out_.push_back(std::move(d));
  return DiagnosticBuilder(out_, out_.size() - 1);
}

DiagnosticBuilder& DiagnosticBuilder::fix(std::string title, std::vector<Edit> edits,
                                          Applicability applicability) {
  out_[index_].fix = Fix{std::move(title), std::move(edits), applicability};
  return *this;
}

}  // namespace digestlint
