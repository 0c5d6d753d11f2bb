// The command line, stage by stage: options, inputs (each file with its
// config), lint (in parallel, fixing atomically), report; exit 0 / 1 / 2.
#include "cli/cli.h"
#include "config/schema_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "cli/lint_run.h"
#include "cli/options.h"
#include "cli/report_run.h"
#include "engine/registry.h"
#include "output/explain.h"

namespace digestlint {

namespace {

// --list-rules and --print-schema: what applies to a file in the working
// directory.
int print_settings(const Options& o, OutputFormat format, ConfigLookup& configs, Linters& linters) {
  const Error* broken = nullptr;
  const Config* config = configs.for_file(std::filesystem::current_path() / "-", &broken);
  if (broken != nullptr) {
    print_error(*broken);
    return kExitFailure;
  }
  Error schema_error;
  // As a file here would be checked; with no text to claim it, the default.
  std::string schema =
      choose_schema(o.schema, config, std::filesystem::current_path() / "-", {}).schema;
  if (schema.empty()) schema = std::string(builtin_schema_names().front());
  const Linter* linter = linters.get(config, schema, schema_error);
  if (linter == nullptr) {
    print_schema_error(schema_error, schema);
    return kExitFailure;
  }
  if (o.list_rules) {
    print_rules(std::cout, *linter, format);
  } else {
    const std::string& text = linter->schema().text;
    std::cout << text;
    if (!text.empty() && text.back() != '\n') std::cout << '\n';
  }
  return kExitClean;
}

}  // namespace

int run_cli(int argc, char** argv) {
  Options o;
  if (const auto exit_status = parse_options(argc, argv, o)) return *exit_status;

  const auto format = parse_output_format(o.format);
  if (!format) {
    std::cerr << fmt::format("digestlint: error: unknown --format '{}' (expected one of: {})\n",
                             o.format, format_names());
    return kExitFailure;
  }
  if (o.statistics && *format != OutputFormat::Text && *format != OutputFormat::Json) {
    std::cerr << "digestlint: error: --statistics prints text or json, not " << o.format << '\n';
    return kExitFailure;
  }
  if (o.diff && (*format != OutputFormat::Text || o.statistics)) {
    std::cerr << fmt::format("digestlint: error: --diff prints a unified diff, not {}\n",
                             o.statistics ? "--statistics" : o.format);
    return kExitFailure;
  }
  if (o.unsafe_fixes && !o.fix && !o.diff) {
    // Not silently ignored: the text output then counts unsafe fixes as
    // fixable (marked [*]), but nothing is applied.
    std::cerr << "digestlint: warning: --unsafe-fixes applies nothing without --fix or --diff\n";
  }
  if (o.init) return write_starter_config(o.quiet);
  if (!o.explain.empty()) {
    const RuleInfo* rule = find_rule(o.explain);
    if (rule == nullptr) {
      std::cerr << fmt::format("digestlint: error: {}\n", unknown_rule_message(o.explain));
      return kExitFailure;
    }
    std::cout << explain_rule(*rule);
    return kExitClean;
  }

  // A schema named on the command line must load before anything is linted.
  if (!o.schema.empty() && o.schema != kAutoSchema) {
    Error schema_error;
    if (!load_schema(o.schema, schema_error)) {
      write_error_document(o, *format, print_schema_error(schema_error, o.schema));
      return kExitFailure;
    }
  }
  RuleSelection command_line;
  std::string error;
  if (!select_rules(o, command_line, error)) {
    std::cerr << "digestlint: error: " << error << '\n';
    return kExitFailure;
  }
  Linters linters(command_line);
  ConfigLookup configs;
  if (Error config_error; !configs.load(o, config_error)) {
    print_error(config_error);
    write_error_document(o, *format, config_error);
    return kExitFailure;
  }
  if (o.print_schema || o.list_rules) return print_settings(o, *format, configs, linters);
  if (o.paths.empty()) {
    std::cerr << "digestlint: error: no input; give files, directories or '-' (see --help)\n";
    return kExitFailure;
  }

  InputList inputs = collect_inputs(o, configs);
  print_walk_notes(o, inputs, std::cerr);
  // "--select DL2 DL7 file.md": the option takes one value, so DL7 is a
  // path; say how to list several rules.
  for (FileReport& failure : inputs.failures) {
    if (failure.error_line == 0 && !match_rules(failure.path).empty()) {
      failure.error += fmt::format(" (a rule? list several as --select DL2,{})", failure.path);
    }
  }
  drop_inputs_of_unloadable_schemas(o, linters, inputs.inputs, inputs.failures);
  // Reports stream out in path order as the files are linted; the few
  // failures found before linting join them in order.
  const bool stdin_fixed = o.fix && std::any_of(inputs.inputs.begin(), inputs.inputs.end(),
                                                [](const Input& i) { return i.path.empty(); });
  ReportRun report(o, *format, stdin_fixed);
  if (!report.open()) return kExitFailure;
  std::vector<FileReport>& failures = inputs.failures;
  std::stable_sort(failures.begin(), failures.end(),
                   [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
  std::size_t next_failure = 0;
  std::string fixed_stdin;
  NonDigests non_digests;
  lint_inputs(
      o, linters, inputs.inputs, report.shows_source_lines(),
      [&](std::size_t i, FileReport&& r, std::string&& diff) {
        if (take_non_digest(o, inputs.inputs[i], r, non_digests, std::cerr)) return;
        while (next_failure < failures.size() && failures[next_failure].path < r.path)
          report.file(std::move(failures[next_failure++]));
        if (!diff.empty()) report.diff(diff);
        report.file(std::move(r));
      },
      fixed_stdin);
  while (next_failure < failures.size())
    report.file(std::move(failures[next_failure++]));
  return report.finish(linters.enabled_rules(), inputs.excluded, non_digests.walked, fixed_stdin);
}

}  // namespace digestlint
