// The library entry point: lint a buffer against a schema.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"
#include "digestlint/rule.h"
#include "digestlint/schema.h"
#include "digestlint/settings.h"
#include "digestlint/source.h"

namespace digestlint {

class Linter {
 public:
  // Severities and options: each rule's defaults, then the schema's
  // [rules] tables, then `overrides` (a config file, the command line).
  explicit Linter(std::shared_ptr<const Schema> schema, const Settings& overrides = {});
  ~Linter();
  Linter(Linter&&) noexcept;
  Linter& operator=(Linter&&) noexcept;

  // Thread-safe: per-thread scratch space is reused between calls.
  // Diagnostics come sorted by position, then rule code.
  std::vector<Diagnostic> lint(std::string_view bytes, std::string_view path = {}) const;
  // The same on an indexed text the caller keeps (for positions), indexed
  // once instead of twice.
  std::vector<Diagnostic> lint(const SourceText& source, std::string_view path = {}) const;

  const Schema& schema() const { return *schema_; }
  Severity severity(const RuleInfo& rule) const;

 private:
  struct ActiveRule;
  std::shared_ptr<const Schema> schema_;
  std::vector<ActiveRule> rules_;
};

// Applies the fixes of `diagnostics` whose edits do not overlap an edit
// already taken (in diagnostic order), safe fixes only unless `unsafe`.
// Returns how many fixes were applied; `out` receives the new text.
std::size_t apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                        bool unsafe, std::string& out);

struct FixOutcome {
  std::string text;                   // the fixed text
  std::size_t applied = 0;            // fixes applied over all passes
  std::vector<Diagnostic> remaining;  // diagnostics of the fixed text
};

// Lints, fixes and re-lints until nothing more applies (at most
// `max_passes` rounds, since one fix can enable another).
FixOutcome fix_until_stable(const Linter& linter, std::string_view text, bool unsafe,
                            std::string_view path = {}, int max_passes = 10);

}  // namespace digestlint
