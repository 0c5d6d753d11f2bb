// Linting (and fixing) the inputs, in parallel: one Linter per config and
// schema, built on first use.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/inputs.h"
#include "cli/options.h"
#include "digestlint/rule.h"
#include "digestlint/schema.h"
#include "digestlint/settings.h"
#include "engine/linter.h"
#include "output/report.h"

namespace digestlint {

// --select / --extend-select / --ignore: rules switched off in `settings`,
// and the rules named to run (`switch_on`: on at their default severity
// where a config or schema turned them off).
struct RuleSelection {
  Settings settings;
  std::vector<const RuleInfo*> switch_on;
};
// False, with `error` set ("did you mean"), when a pattern names no rule.
bool select_rules(const Options& options, RuleSelection& selection, std::string& error);

// One Linter per (config, schema): the files sharing both share it. Built
// on first use, from any worker thread.
class Linters {
 public:
  explicit Linters(RuleSelection command_line) : command_line_(std::move(command_line)) {}

  // nullptr, with `error` set, when the schema cannot be loaded.
  const Linter* get(const Config* config, const std::string& schema, Error& error);

  // Every rule enabled by some linter built so far, in code order.
  std::vector<const RuleInfo*> enabled_rules();

 private:
  std::mutex mutex_;
  RuleSelection command_line_;
  std::map<std::pair<const Config*, std::string>, std::unique_ptr<Linter>> linters_;
  std::map<std::string, std::shared_ptr<const Schema>> schemas_;
};

// A config naming a schema that does not load is one error, reported once
// (into `failures`), rather than one per file under it; its files are
// dropped from `inputs`.
void drop_inputs_of_unloadable_schemas(const Options& options, Linters& linters,
                                       std::vector<Input>& inputs,
                                       std::vector<FileReport>& failures);

// Receives each input's report (and with --diff its diff, empty when
// unchanged) in input order, as soon as it is next in line.
using LintedInput = std::function<void(std::size_t index, FileReport&& report, std::string&& diff)>;

// Lints (with --fix: fixes, atomically, then re-lints; with --diff: fixes
// in memory) every input on --jobs threads, handing the reports over in
// input order through a bounded window (engine/ordered_run.h). With --fix
// on '-', `fixed_stdin` receives the fixed text. `source_lines`: the
// reports carry each finding's line (the text output shows it).
void lint_inputs(const Options& options, Linters& linters, const std::vector<Input>& inputs,
                 bool source_lines, const LintedInput& linted, std::string& fixed_stdin);

}  // namespace digestlint
