// Linting (and fixing) the inputs, in parallel: one Linter per config and
// schema, built on first use.
#pragma once

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

// --select / --ignore as rule settings. False, with `error` set, when a
// pattern names no rule.
bool apply_selection(const Options& options, Settings& settings, std::string& error);

// The schema a file is checked against: --schema, else its config's, else
// the default. `bytes` is the file's text, for a schema chosen per file
// from its content ("auto").
std::string schema_for(const Options& options, const Config* config, std::string_view bytes);

// One Linter per (config, schema): the files sharing both share it. Built
// on first use, from any worker thread.
class Linters {
 public:
  explicit Linters(Settings command_line) : command_line_(std::move(command_line)) {}

  // nullptr, with `error` set, when the schema cannot be loaded.
  const Linter* get(const Config* config, const std::string& schema, SchemaError& error);

  // Every rule enabled by some linter built so far, in code order.
  std::vector<const RuleInfo*> enabled_rules();

 private:
  std::mutex mutex_;
  Settings command_line_;
  std::map<std::pair<const Config*, std::string>, std::unique_ptr<Linter>> linters_;
  std::map<std::string, std::shared_ptr<const Schema>> schemas_;
};

// A config naming a schema that does not load is one error, reported once
// (into `failures`), rather than one per file under it; its files are
// dropped from `inputs`.
void drop_inputs_of_unloadable_schemas(const Options& options, Linters& linters,
                                       std::vector<Input>& inputs,
                                       std::vector<FileReport>& failures);

struct LintResults {
  std::vector<FileReport> reports;  // one per input, in input order
  std::string fixed_stdin;          // with --fix on '-': the fixed text
};

// Lints (with --fix: fixes, atomically, then re-lints) every input on
// --jobs threads.
LintResults lint_inputs(const Options& options, Linters& linters, const std::vector<Input>& inputs);

}  // namespace digestlint
