// The CLI11 definition of the command line. Options are grouped in --help
// the way ruff groups them: what to check, how to fix, what to print,
// where settings come from, the rest.
#include "cli/options.h"
#include "config/schema_loader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "base/files.h"
#include "config/config.h"
#include "digestlint/schema.h"
#include "output/formats.h"
#include "version.h"

namespace digestlint {

namespace {

constexpr const char* kRuleSelection = "Rule selection";
constexpr const char* kFixing = "Fixing";
constexpr const char* kOutput = "Output";
constexpr const char* kConfiguration = "Configuration";
constexpr const char* kMiscellaneous = "Miscellaneous";

constexpr const char* kFooter = R"(Examples:
  digestlint digest.md                   lint one digest
  digestlint reports/                    every *.md below a directory
  digestlint --fix reports/              fix what is safe to fix, in place, then report the rest
  digestlint --diff reports/             show the fixes as a diff; change nothing
  digestlint --select DL2,DL7 reports/   only the rules whose codes start with DL2 or DL7
  digestlint --format sarif --output-file digestlint.sarif .   for GitHub code scanning
  git diff -z --name-only --diff-filter=d origin/main -- '*.md' | xargs -0r digestlint --format github
                                         annotations for the changed digests in a workflow
  digestlint --statistics reports/       findings per rule
  cat a.md | digestlint - --stdin-filename a.md
  digestlint --init                      write a commented .digestlint.toml
  digestlint --explain DL201             what a rule checks, why, and how to fix it

Rules are named by code (DL201, any case), name (missing-space-after-marker)
or code prefix (DL2: every DL2xx rule) on the command line, in a config's
[rules] and in suppressions.

Which files: a directory gives its *.md files that git does not ignore; each
is linted against the schema that claims it (its title, or its sections),
and Markdown that no schema claims (a README, notes) is skipped as not a
digest. A file named outright is always read; a non-digest among them is a
note, not an error.

Configuration: the .digestlint.toml nearest to each file (its directory, then
upwards); --config PATH uses one file for all, --no-config none.
Suppress a finding with <!-- digestlint-disable-next-line DL201 --> (also
-disable / -enable, -disable-line, -disable-file; no rule: every rule).

Exit status: 0 no finding at or above --fail-on (or --exit-zero), 1 such
findings (with --diff: something to fix), 2 usage, schema, config or I/O
error (the other files are still linted).)";

// A rule list: one value per occurrence, so "--select DL2 file.md" never
// takes the file for a rule; commas separate several.
CLI::Option* add_rule_list(CLI::App& app, const std::string& name, std::vector<std::string>& to,
                           const std::string& help) {
  return app.add_option(name, to, help)
      ->delimiter(',')
      ->type_name("RULE[,RULE...]")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->group(kRuleSelection);
}

}  // namespace

std::optional<int> parse_options(int argc, char** argv, Options& o) {
  CLI::App app{"digestlint: lint Markdown security digests against their schema", "digestlint"};
  app.footer(kFooter);
  // Help and version come last, under Miscellaneous; CLI11 orders groups
  // by their first option.
  app.set_help_flag();
  app.add_option("paths", o.paths, "Files or directories (*.md, recursively); '-' reads stdin")
      ->type_name("PATH");

  // Rule selection.
  add_rule_list(app, "--select", o.select,
                "Only these rules (codes, names or prefixes like DL2); repeat or use commas");
  add_rule_list(app, "--extend-select", o.extend_select,
                "These rules as well as the configured ones (switches on opt-in rules)");
  add_rule_list(app, "--ignore", o.ignore, "Skip these rules (codes, names or prefixes)");
  app.add_option("--fail-on", o.fail_on,
                 "Lowest severity that makes the exit status 1: error, warning or info")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->type_name("SEVERITY")
      ->capture_default_str()
      ->group(kRuleSelection);
  app.add_flag("--exit-zero", o.exit_zero,
               "Exit 0 even when there are findings (errors reading files still exit 2)")
      ->group(kRuleSelection);

  // Fixing.
  app.add_flag("--fix", o.fix, "Apply safe fixes in place (atomically), then report what is left")
      ->group(kFixing);
  app.add_flag("--diff", o.diff,
               "Print the fixes as a unified diff and change no file; exit 1 if there is "
               "something to fix")
      ->group(kFixing);
  app.add_flag("--unsafe-fixes", o.unsafe_fixes,
               "With --fix or --diff, also apply fixes that may change the meaning")
      ->group(kFixing);

  // Output.
  app.add_option("--format", o.format, fmt::format("Output format: {}", format_names()))
      ->type_name("FORMAT")
      ->capture_default_str()
      ->group(kOutput);
  app.add_option("-o,--output-file", o.output_file,
                 "Write the report to this file instead of standard output")
      ->type_name("PATH")
      ->group(kOutput);
  // The last of --show-source / --no-show-source given wins.
  app.add_flag_function(
         "--show-source", [&o](std::int64_t) { o.show_source = true; },
         "Show each finding's line with a caret under it (default: on a terminal)")
      ->group(kOutput);
  app.add_flag_function(
         "--no-show-source", [&o](std::int64_t) { o.show_source = false; },
         "Print the finding lines only")
      ->group(kOutput);
  app.add_option("--color", o.color,
                 "Colour the text output: auto (a terminal, unless NO_COLOR is set; or "
                 "FORCE_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->capture_default_str()
      ->group(kOutput);
  app.add_flag("--statistics", o.statistics,
               "Print how many findings each rule has instead of the findings (text or json)")
      ->group(kOutput);
  app.add_flag("-q,--quiet", o.quiet, "Print the findings only: no summary line")->group(kOutput);

  // Configuration.
  app.add_option("--schema", o.schema,
                 fmt::format("Lint every file against this schema: a built-in name ({}) or a TOML "
                             "file. Default ('auto'): the config's, else per file the schema that "
                             "claims it by its title or sections; files none claims are skipped",
                             fmt::join(builtin_schema_names(), ", ")))
      ->type_name("NAME|PATH")
      ->group(kConfiguration);
  auto* config_option =
      app.add_option("--config", o.config,
                     "Use this config file for every input instead of the nearest one")
          ->type_name("PATH")
          ->group(kConfiguration);
  app.add_flag("--no-config", o.no_config, "Ignore .digestlint.toml files")
      ->excludes(config_option)
      ->group(kConfiguration);
  app.add_option("--stdin-filename", o.stdin_filename, "Path to report for '-'")
      ->type_name("PATH")
      ->group(kConfiguration);
  // Which files (lint/cli/inputs.h).
  app.add_option("--exclude", o.exclude,
                 "Skip files matching these globs in directory walks (as a config's exclude)")
      ->delimiter(',')
      ->type_name("GLOB[,GLOB...]")
      ->allow_extra_args(false)
      ->group(kConfiguration);
  app.add_flag("--force-exclude", o.force_exclude,
               "Apply the config's include/exclude and --exclude to files named outright too")
      ->group(kConfiguration);
  app.add_flag("--no-respect-gitignore", o.no_respect_gitignore,
               "Walk what .gitignore and .git/info/exclude ignore as well")
      ->group(kConfiguration);
  app.add_flag("-v,--verbose", o.verbose,
               "Say which schema each file is linted as, and list the files that are not digests")
      ->group(kOutput);

  // Miscellaneous.
  app.add_option("-j,--jobs", o.jobs, "Files linted in parallel (default: number of CPUs)")
      ->type_name("N")
      ->group(kMiscellaneous);
  app.add_option("--max-file-size", o.max_file_size,
                 fmt::format("Larger files are reported as errors, not read (e.g. 16MiB, 512K; "
                             "default {})",
                             format_byte_size(kDefaultMaxFileSize)))
      ->type_name("SIZE")
      ->group(kMiscellaneous);
  app.add_flag("--init", o.init, "Write a commented starter .digestlint.toml here and exit")
      ->group(kMiscellaneous);
  app.add_flag("--print-schema", o.print_schema, "Print the schema in effect and exit")
      ->group(kMiscellaneous);
  app.add_flag("--list-rules", o.list_rules, "List every rule with its severity and exit")
      ->group(kMiscellaneous);
  app.add_option("--explain", o.explain, "Print a rule's documentation and exit")
      ->type_name("RULE")
      ->group(kMiscellaneous);

  app.set_help_flag("-h,--help", "Print this help and exit")->group(kMiscellaneous);
  app.set_version_flag("-V,--version", fmt::format("digestlint {}", kVersion),
                       "Print the version and exit")
      ->group(kMiscellaneous);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version: printed on stdout
  } catch (const CLI::ParseError& e) {
    // One line problem matchers read, like every other error.
    std::cerr << fmt::format("digestlint: error: {} (see digestlint --help)\n", e.what());
    return kExitFailure;
  }
  if (!o.max_file_size.empty()) {
    const auto bytes = parse_byte_size(o.max_file_size);
    if (!bytes || *bytes == 0) {
      std::cerr << fmt::format(
          "digestlint: error: --max-file-size '{}' is not a size (e.g. 16MiB, 512K, 1000000)\n",
          o.max_file_size);
      return kExitFailure;
    }
    o.max_file_bytes = *bytes;
  }
  return std::nullopt;
}

}  // namespace digestlint
