// The command line: parse options, find files, lint them (in parallel),
// fix them (atomically), print, exit 0 / 1 / 2.
#include "cli.h"

#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <thread>

#include "digestlint/linter.h"
#include "digestlint/rule.h"
#include "digestlint/schema.h"
#include "files.h"
#include "formats.h"
#include "registry.h"
#include "version.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitFailure = 2;

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string schema = std::string(builtin_schema_names().front());
  std::string stdin_filename;
  std::string explain;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool print_schema = false;
  bool list_rules = false;
  bool fix = false;
  bool unsafe_fixes = false;
  unsigned jobs = 0;
};

// One input: a file on disk, or standard input.
struct Input {
  std::string display;  // the path as reported
  fs::path path;        // empty for stdin
};

void print_rules(std::ostream& out, const Linter& linter) {
  for (const RuleInfo* r : all_rules()) {
    out << fmt::format("{:<6} {:<28} {:<8} {}{}\n", r->code, r->name,
                       to_string(linter.severity(*r)), r->summary, r->has_fix ? " (fix)" : "");
  }
}

void print_explanation(std::ostream& out, const RuleInfo& r) {
  out << fmt::format("# {} {}\n\n{}\n\nDefault severity: {}.{}\n", r.code, r.name, r.summary,
                     to_string(r.default_severity), r.has_fix ? " Some findings carry a fix." : "");
  out << r.documentation;
  if (!r.options.empty()) {
    out << "\n## Options\n\n";
    for (const OptionSpec& o : r.options) {
      const std::string value = std::visit(
          [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
              return v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              return std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
              return fmt::format("\"{}\"", v);
            } else {
              std::string list;
              for (const std::string& s : v)
                list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", s);
              return "[" + list + "]";
            }
          },
          o.default_value);
      out << fmt::format("- `{}` (default `{}`): {}\n", o.name, value, o.description);
    }
  }
}

// --select / --ignore: codes, names, or code prefixes ("DL2").
bool matches(const RuleInfo& r, std::string_view pattern) {
  return r.name == pattern || r.code.substr(0, pattern.size()) == pattern;
}

bool apply_selection(const Options& o, Settings& settings, std::string& error) {
  for (const auto* list : {&o.select, &o.ignore}) {
    for (const std::string& p : *list) {
      bool any = false;
      for (const RuleInfo* r : all_rules())
        any = any || matches(*r, p);
      if (!any) {
        error = fmt::format("unknown rule or prefix '{}' (see --list-rules)", p);
        return false;
      }
    }
  }
  for (const RuleInfo* r : all_rules()) {
    bool off = !o.select.empty();
    for (const std::string& p : o.select)
      off = off && !matches(*r, p);
    for (const std::string& p : o.ignore)
      off = off || matches(*r, p);
    if (off) settings.rules[std::string(r->code)].severity = Severity::Off;
  }
  return true;
}

// Lints (and fixes) one input. Runs on worker threads.
FileReport process(const Input& input, const Linter& linter, const Options& o, std::string& buffer,
                   std::string* fixed_stdin) {
  FileReport report;
  report.path = input.display;
  std::string error;
  const bool ok =
      input.path.empty() ? read_stdin(buffer, error) : read_file(input.path, buffer, error);
  if (!ok) {
    report.error = error;
    return report;
  }
  SourceText source;
  if (!o.fix) {
    source.reset(buffer);
    return make_report(input.display, source, linter.lint(buffer, input.display));
  }
  FixOutcome outcome = fix_until_stable(linter, buffer, o.unsafe_fixes, input.display);
  if (input.path.empty()) {
    *fixed_stdin = outcome.text;
  } else if (outcome.applied > 0 && !write_file_atomically(input.path, outcome.text, error)) {
    // Nothing was written: report the original findings with the error.
    source.reset(buffer);
    report = make_report(input.display, source, linter.lint(buffer, input.display));
    report.error = error;
    return report;
  }
  buffer = std::move(outcome.text);
  source.reset(buffer);
  report = make_report(input.display, source, std::move(outcome.remaining));
  report.fixes_applied = outcome.applied;
  return report;
}

}  // namespace

int run_cli(int argc, char** argv) {
  Options o;
  CLI::App app{"digestlint: lint Markdown security digests against their schema", "digestlint"};
  app.footer(R"(Examples:
  digestlint digest.md                 lint one digest
  digestlint --fix reports/            fix what can be fixed, in place, then report the rest
  digestlint --format json a.md b.md   machine-readable findings
  cat a.md | digestlint - --stdin-filename a.md
  digestlint --explain DL201           what a rule checks, why, and how to fix it

Exit status: 0 no errors or warnings, 1 errors or warnings found,
2 usage, schema or I/O error (the other files are still linted).)");
  app.add_option("paths", o.paths, "Files or directories (*.md, recursively); '-' reads stdin");
  app.add_option("--format", o.format, fmt::format("Output format: {}", format_names()))
      ->capture_default_str();
  app.add_option("--schema", o.schema,
                 fmt::format("Built-in schema name or TOML file (built in: {})",
                             fmt::join(builtin_schema_names(), ", ")))
      ->capture_default_str();
  app.add_flag("--print-schema", o.print_schema, "Print the schema in effect and exit");
  app.add_option("--stdin-filename", o.stdin_filename, "Path to report for '-'");
  app.add_flag("--fix", o.fix, "Apply safe fixes in place (atomically), then report what is left");
  app.add_flag("--unsafe-fixes", o.unsafe_fixes, "With --fix, also apply fixes marked unsafe");
  app.add_option("--select", o.select, "Only these rules (codes, names or prefixes like DL2)")
      ->delimiter(',');
  app.add_option("--ignore", o.ignore, "Skip these rules (codes, names or prefixes)")
      ->delimiter(',');
  app.add_option("-j,--jobs", o.jobs, "Files linted in parallel (default: number of CPUs)");
  app.add_flag("--list-rules", o.list_rules, "List every rule with its severity and exit");
  app.add_option("--explain", o.explain, "Print a rule's documentation (code or name) and exit");
  app.set_version_flag("--version", std::string(kVersion));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitFailure;
  }

  const auto format = parse_output_format(o.format);
  if (!format) {
    std::cerr << fmt::format("digestlint: unknown --format '{}' (expected one of: {})\n", o.format,
                             format_names());
    return kExitFailure;
  }
  if (!o.explain.empty()) {
    const RuleInfo* rule = find_rule(o.explain);
    if (rule == nullptr) {
      std::cerr << fmt::format("digestlint: unknown rule '{}' (see --list-rules)\n", o.explain);
      return kExitFailure;
    }
    print_explanation(std::cout, *rule);
    return kExitClean;
  }

  SchemaError schema_error;
  std::shared_ptr<const Schema> schema = load_schema(o.schema, schema_error);
  if (!schema) {
    std::cerr << schema_error.message << '\n';
    return kExitFailure;
  }
  if (o.print_schema) {
    std::cout << schema->text;
    if (!schema->text.empty() && schema->text.back() != '\n') std::cout << '\n';
    return kExitClean;
  }
  Settings overrides;
  std::string error;
  if (!apply_selection(o, overrides, error)) {
    std::cerr << "digestlint: " << error << '\n';
    return kExitFailure;
  }
  const Linter linter(schema, overrides);
  if (o.list_rules) {
    print_rules(std::cout, linter);
    return kExitClean;
  }
  if (o.paths.empty()) {
    std::cerr << "digestlint: no input; give files, directories or '-' (see --help)\n";
    return kExitFailure;
  }

  // Inputs, in the order they are reported: sorted by path.
  std::vector<Input> inputs;
  std::vector<FileReport> failures;
  for (const std::string& p : o.paths) {
    if (p == "-") {
      inputs.push_back(Input{o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename, {}});
      continue;
    }
    std::vector<fs::path> found;
    if (!expand_path(p, found, error)) {
      failures.push_back(FileReport{p, error, {}, 0});
      continue;
    }
    for (const fs::path& f : found)
      inputs.push_back(Input{display_path(f), f});
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.display < b.display; });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Input& a, const Input& b) {
                             return !a.path.empty() && a.path == b.path;
                           }),
               inputs.end());

  std::vector<FileReport> reports(inputs.size());
  std::string fixed_stdin;
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const unsigned jobs =
      std::clamp<unsigned>(o.jobs == 0 ? hardware : o.jobs, 1u,
                           static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    std::string buffer;  // reused: memory stays at the largest file
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      reports[i] = process(inputs[i], linter, o, buffer, &fixed_stdin);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t)
    threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads)
    t.join();

  reports.insert(reports.end(), std::make_move_iterator(failures.begin()),
                 std::make_move_iterator(failures.end()));
  std::stable_sort(reports.begin(), reports.end(),
                   [](const FileReport& a, const FileReport& b) { return a.path < b.path; });

  const bool stdin_fixed = o.fix && std::any_of(inputs.begin(), inputs.end(),
                                                [](const Input& i) { return i.path.empty(); });
  // With --fix on stdin the fixed text goes to stdout, findings to stderr.
  std::ostream& out = stdin_fixed ? std::cerr : std::cout;
  OutputOptions output;
  output.color = !stdin_fixed && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  output.context = output.color;
  write_report(*format, out, reports, output);
  if (stdin_fixed) std::cout << fixed_stdin;

  const Totals totals = count(reports);
  if (*format == OutputFormat::Text) std::cerr << summary_line(totals) << '\n';
  if (totals.failed_files > 0) return kExitFailure;
  return totals.errors + totals.warnings > 0 ? kExitFindings : kExitClean;
}

}  // namespace digestlint
