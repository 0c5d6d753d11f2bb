// The CLI11 definition of the command line.
#include "cli/options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "config/config.h"
#include "digestlint/schema.h"
#include "output/formats.h"
#include "version.h"

namespace digestlint {

std::optional<int> parse_options(int argc, char** argv, Options& o) {
  CLI::App app{"digestlint: lint Markdown security digests against their schema", "digestlint"};
  app.footer(R"(Examples:
  digestlint digest.md                   lint one digest
  digestlint reports/                    every *.md below a directory
  digestlint --fix reports/              fix what is safe to fix, in place, then report the rest
  digestlint --format sarif . > digestlint.sarif      for GitHub code scanning
  digestlint --format github $(git diff --name-only -- '*.md')   annotations in a workflow
  digestlint --statistics reports/       findings per rule
  cat a.md | digestlint - --stdin-filename a.md
  digestlint --init                      write a commented .digestlint.toml
  digestlint --explain DL201             what a rule checks, why, and how to fix it

Configuration: the .digestlint.toml nearest to each file (its directory, then
upwards); --config PATH uses one file for all, --no-config none.
Suppress a finding with <!-- digestlint-disable-next-line DL201 --> (also
-disable / -enable, -disable-line, -disable-file; no rule: every rule).

Exit status: 0 no finding at or above --fail-on, 1 such findings,
2 usage, schema, config or I/O error (the other files are still linted).)");
  app.add_option("paths", o.paths, "Files or directories (*.md, recursively); '-' reads stdin");
  app.add_option("--format", o.format, fmt::format("Output format: {}", format_names()))
      ->capture_default_str();
  app.add_option(
      "--schema", o.schema,
      fmt::format("Built-in schema name, TOML file, or 'auto' (per file, from its "
                  "title) (built in: {}; default: the config's, else {})",
                  fmt::join(builtin_schema_names(), ", "), builtin_schema_names().front()));
  auto* config_option = app.add_option(
      "--config", o.config, "Use this config file for every input instead of the nearest one");
  app.add_flag("--no-config", o.no_config, "Ignore .digestlint.toml files")
      ->excludes(config_option);
  app.add_flag("--init", o.init, "Write a commented starter .digestlint.toml here and exit");
  app.add_flag("--print-schema", o.print_schema, "Print the schema in effect and exit");
  app.add_option("--stdin-filename", o.stdin_filename, "Path to report for '-'");
  app.add_flag("--fix", o.fix, "Apply safe fixes in place (atomically), then report what is left");
  app.add_flag("--unsafe-fixes", o.unsafe_fixes, "With --fix, also apply fixes marked unsafe");
  // One value per occurrence ("--select DL2 file.md" must not take the
  // file for a rule); commas separate several.
  app.add_option("--select", o.select, "Only these rules (codes, names or prefixes like DL2)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--ignore", o.ignore, "Skip these rules (codes, names or prefixes)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--fail-on", o.fail_on,
                 "Lowest severity that makes the exit status 1: error, warning or info")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->capture_default_str();
  app.add_option("--color", o.color, "Colour the text output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("-q,--quiet", o.quiet, "Print the findings only: no summary line");
  app.add_flag("--statistics", o.statistics,
               "Print how many findings each rule has instead of the findings (text or json)");
  app.add_option("-j,--jobs", o.jobs, "Files linted in parallel (default: number of CPUs)");
  app.add_option("--exclude", o.exclude,
                 "Skip files matching these globs (as in a config's exclude) in directory walks")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_flag("--force-exclude", o.force_exclude,
               "Apply the config's include/exclude and --exclude to files named outright too");
  app.add_flag("--no-respect-gitignore", o.no_respect_gitignore,
               "Walk what .gitignore and .git/info/exclude ignore as well");
  app.add_flag("-v,--verbose", o.verbose, "List the Markdown files skipped as not digests");
  app.add_flag("--list-rules", o.list_rules, "List every rule with its severity and exit");
  app.add_option("--explain", o.explain, "Print a rule's documentation (code or name) and exit");
  app.set_version_flag("--version", fmt::format("digestlint {}", kVersion));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitFailure;
  }
  return std::nullopt;
}

}  // namespace digestlint
