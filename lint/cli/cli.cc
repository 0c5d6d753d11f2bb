// The command line: parse options, find each file's configuration, lint
// (in parallel), fix (atomically), print, exit 0 / 1 / 2.
#include "cli/cli.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "base/files.h"
#include "config/config.h"
#include "config/schema_loader.h"
#include "digestlint/rule.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "output/explain.h"
#include "output/formats.h"
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
  std::string schema;  // empty: the file's config decides, else the default
  std::string stdin_filename;
  std::string explain;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string config;  // --config PATH
  bool no_config = false;
  bool init = false;
  bool print_schema = false;
  bool list_rules = false;
  bool fix = false;
  bool unsafe_fixes = false;
  std::string color = "auto";
  std::string fail_on = "warning";
  bool quiet = false;
  bool statistics = false;
  unsigned jobs = 0;
};

// One input: a file on disk, or standard input, and the config it falls under.
struct Input {
  std::string display;  // the path as reported
  fs::path path;        // empty for stdin
  const Config* config = nullptr;
};

void print_rules(std::ostream& out, const Linter& linter, OutputFormat format) {
  if (format == OutputFormat::Json) {
    write_rules_json(out, linter);
    return;
  }
  for (const RuleInfo* r : all_rules()) {
    out << fmt::format("{:<6} {:<28} {:<8} {}{}\n", r->code, r->name,
                       to_string(linter.severity(*r)), r->summary, r->has_fix ? " (fix)" : "");
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
    if (off) {
      settings.rules[std::string(r->code)].severity = Severity::Off;
      continue;
    }
    // An opt-in rule named outright (not by a prefix) is switched on.
    for (const std::string& p : o.select) {
      if (r->opt_in && (p == r->code || p == r->name)) {
        settings.rules[std::string(r->code)].severity = r->default_severity;
      }
    }
  }
  return true;
}

// The schema a file is checked against: --schema, else its config's, else
// the default. `bytes` is the file's text, for a schema chosen per file
// from its content ("auto").
std::string schema_for(const Options& o, const Config* config, std::string_view bytes) {
  std::string name = std::string(builtin_schema_names().front());
  if (!o.schema.empty()) {
    name = o.schema;
  } else if (config != nullptr && !config->schema.empty()) {
    name = config->schema;
  }
  if (name == kAutoSchema) return std::string(resolve_schema_for(bytes));
  return name;
}

// One Linter per (config, schema): the files sharing both share it. Built
// on first use, from any worker thread.
class Linters {
 public:
  explicit Linters(Settings command_line) : command_line_(std::move(command_line)) {}

  // nullptr, with `error` set, when the schema cannot be loaded.
  const Linter* get(const Config* config, const std::string& schema, Error& error) {
    const std::lock_guard lock(mutex_);
    const auto key = std::make_pair(config, schema);
    if (auto it = linters_.find(key); it != linters_.end()) return it->second.get();
    auto found = schemas_.find(schema);
    if (found == schemas_.end()) {
      std::shared_ptr<const Schema> loaded = load_schema(schema, error);
      if (!loaded) return nullptr;
      found = schemas_.emplace(schema, std::move(loaded)).first;
    }
    // Defaults, then the schema's [rules], then the config's, then the
    // command line's --select / --ignore.
    Settings overrides = config != nullptr ? config->settings : Settings{};
    overrides.merge(command_line_);
    auto linter = std::make_unique<Linter>(found->second, overrides);
    const Linter* result = linter.get();
    linters_.emplace(key, std::move(linter));
    return result;
  }

  // Every rule enabled by some linter built so far, in code order.
  std::vector<const RuleInfo*> enabled_rules() {
    const std::lock_guard lock(mutex_);
    std::vector<const RuleInfo*> out;
    for (const RuleInfo* r : all_rules()) {
      for (const auto& [key, linter] : linters_) {
        if (linter->severity(*r) != Severity::Off) {
          out.push_back(r);
          break;
        }
      }
    }
    return out;
  }

 private:
  std::mutex mutex_;
  Settings command_line_;
  std::map<std::pair<const Config*, std::string>, std::unique_ptr<Linter>> linters_;
  std::map<std::string, std::shared_ptr<const Schema>> schemas_;
};

// Lints (and fixes) one input. Runs on worker threads.
FileReport process(const Input& input, Linters& linters, const Options& o, std::string& buffer,
                   std::string* fixed_stdin) {
  FileReport report;
  report.path = input.display;
  Error error;
  const bool ok =
      input.path.empty() ? read_stdin(buffer, error) : read_file(input.path, buffer, error);
  if (!ok) {
    report.error = error.message;
    return report;
  }
  const Linter* linter = linters.get(input.config, schema_for(o, input.config, buffer), error);
  if (linter == nullptr) {
    report.error = fmt::format("{}: {}", error.location(), error.message);
    return report;
  }
  SourceText source;
  if (!o.fix) {
    source.reset(buffer);
    return make_report(input.display, source, linter->lint(buffer, input.display));
  }
  FixOutcome outcome = fix_until_stable(*linter, buffer, o.unsafe_fixes, input.display);
  if (input.path.empty()) {
    *fixed_stdin = outcome.text;
  } else if (outcome.applied > 0 && !write_file_atomically(input.path, outcome.text, error)) {
    // Nothing was written: report the original findings with the error.
    source.reset(buffer);
    report = make_report(input.display, source, linter->lint(buffer, input.display));
    report.error = error.message;
    return report;
  }
  buffer = std::move(outcome.text);
  source.reset(buffer);
  report = make_report(input.display, source, std::move(outcome.remaining));
  report.fixes_applied = outcome.applied;
  return report;
}

// --init: a commented .digestlint.toml in the working directory, never
// over an existing one.
int write_starter_config(bool quiet) {
  const std::string text = starter_config();
  const std::string name(kConfigFileName);
  const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST) {
      std::cerr << fmt::format(
          "digestlint: {} already exists here; edit it, or remove it to "
          "start from the template again\n",
          name);
    } else {
      std::cerr << fmt::format("digestlint: cannot create {}: {}\n", name, std::strerror(errno));
    }
    return kExitFailure;
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::cerr << fmt::format("digestlint: cannot write {}: {}\n", name, std::strerror(errno));
      ::close(fd);
      ::unlink(name.c_str());
      return kExitFailure;
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (!quiet) {
    std::cerr << fmt::format(
        "digestlint: wrote {}: every rule is listed with its default, commented out\n", name);
  }
  return kExitClean;
}

FileReport config_failure(const Error& e, std::size_t files) {
  FileReport r;
  r.path = e.path;
  r.error = files > 0 ? fmt::format("{} ({} {} under it not linted)", e.message, files,
                                    files == 1 ? "file" : "files")
                      : e.message;
  r.error_line = e.line;
  r.error_column = e.column;
  return r;
}

bool use_color(std::string_view mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(fd) != 0 && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::string_view(term) != "dumb");
}

}  // namespace

int run_cli(int argc, char** argv) {
  Options o;
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
  app.add_flag("--list-rules", o.list_rules, "List every rule with its severity and exit");
  app.add_option("--explain", o.explain, "Print a rule's documentation (code or name) and exit");
  app.set_version_flag("--version", fmt::format("digestlint {}", kVersion));

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
  if (o.statistics && *format != OutputFormat::Text && *format != OutputFormat::Json) {
    std::cerr << "digestlint: --statistics prints text or json, not " << o.format << '\n';
    return kExitFailure;
  }
  if (o.init) return write_starter_config(o.quiet);
  if (!o.explain.empty()) {
    const RuleInfo* rule = find_rule(o.explain);
    if (rule == nullptr) {
      std::cerr << fmt::format("digestlint: unknown rule '{}' (see --list-rules)\n", o.explain);
      return kExitFailure;
    }
    std::cout << explain_rule(*rule);
    return kExitClean;
  }

  // A schema named on the command line must load before anything is linted.
  if (!o.schema.empty() && o.schema != kAutoSchema) {
    Error schema_error;
    if (!load_schema(o.schema, schema_error)) {
      std::cerr << schema_error.to_string() << '\n';
      return kExitFailure;
    }
  }
  Settings command_line;
  std::string error;
  if (!apply_selection(o, command_line, error)) {
    std::cerr << "digestlint: " << error << '\n';
    return kExitFailure;
  }
  Linters linters(command_line);

  // Configurations: one for all (--config), none, or the nearest per file.
  ConfigFinder finder;
  std::shared_ptr<const Config> forced;
  if (!o.config.empty()) {
    Error config_error;
    forced = load_config(o.config, display_path(o.config), config_error);
    if (!forced) {
      std::cerr << config_error.to_string() << '\n';
      return kExitFailure;
    }
  }
  auto config_for = [&](const fs::path& file, const Error** broken) -> const Config* {
    if (forced) return forced.get();
    if (o.no_config) return nullptr;
    const ConfigFinder::Result found = finder.find_for(file);
    *broken = found.error;
    return found.config.get();
  };

  if (o.print_schema || o.list_rules) {
    // What applies to a file in the working directory.
    const Error* broken = nullptr;
    const Config* config = config_for(fs::current_path() / "-", &broken);
    if (broken != nullptr) {
      std::cerr << broken->to_string() << '\n';
      return kExitFailure;
    }
    Error schema_error;
    const Linter* linter = linters.get(config, schema_for(o, config, {}), schema_error);
    if (linter == nullptr) {
      std::cerr << schema_error.to_string() << '\n';
      return kExitFailure;
    }
    if (o.list_rules) {
      print_rules(std::cout, *linter, *format);
    } else {
      const std::string& text = linter->schema().text;
      std::cout << text;
      if (!text.empty() && text.back() != '\n') std::cout << '\n';
    }
    return kExitClean;
  }
  if (o.paths.empty()) {
    std::cerr << "digestlint: no input; give files, directories or '-' (see --help)\n";
    return kExitFailure;
  }

  // Inputs, in the order they are reported: sorted by path.
  std::vector<Input> inputs;
  std::vector<FileReport> failures;
  std::map<const Error*, std::size_t> broken_configs;  // -> files not linted
  std::size_t excluded = 0;
  for (const std::string& p : o.paths) {
    if (p == "-") {
      const Error* broken = nullptr;
      const Config* config = config_for(
          o.stdin_filename.empty() ? fs::current_path() / "-" : fs::path(o.stdin_filename),
          &broken);
      if (broken != nullptr) {
        ++broken_configs[broken];
        continue;
      }
      inputs.push_back(Input{o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename, {}, config});
      continue;
    }
    std::vector<fs::path> found;
    Error missing_error;
    if (!expand_path(p, found, missing_error)) {
      FileReport missing;
      missing.path = p;
      missing.error = missing_error.message;
      failures.push_back(std::move(missing));
      continue;
    }
    for (const fs::path& f : found) {
      const Error* broken = nullptr;
      const Config* config = config_for(f, &broken);
      if (broken != nullptr) {
        ++broken_configs[broken];
        continue;
      }
      std::error_code ec;
      if (config != nullptr && !config->selects(fs::absolute(f, ec))) {
        ++excluded;
        continue;
      }
      inputs.push_back(Input{display_path(f), f, config});
    }
  }
  for (const auto& [config_error, files] : broken_configs)
    failures.push_back(config_failure(*config_error, files));
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.display < b.display; });
  // A file named twice ("./d/a.md" and "d/a.md") is linted once.
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Input& a, const Input& b) {
                             return !a.path.empty() && !b.path.empty() && a.display == b.display;
                           }),
               inputs.end());

  // A config naming a schema that does not load is one error, reported
  // once, rather than one per file under it.
  {
    std::map<const Config*, std::size_t> bad_schema;
    std::map<const Config*, Error> why;
    for (const Input& in : inputs) {
      if (in.config == nullptr || !o.schema.empty() || in.config->schema.empty() ||
          in.config->schema == "auto") {
        continue;
      }
      Error schema_error;
      if (bad_schema.count(in.config) > 0 ||
          linters.get(in.config, in.config->schema, schema_error) == nullptr) {
        if (!why.count(in.config)) why[in.config] = schema_error;
        ++bad_schema[in.config];
      }
    }
    for (const auto& [config, files] : bad_schema) {
      Error e = why[config];
      e.message += fmt::format(" (the schema of {})", config->display);
      failures.push_back(config_failure(e, files));
    }
    std::erase_if(inputs, [&](const Input& in) { return bad_schema.count(in.config) > 0; });
  }

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
      reports[i] = process(inputs[i], linters, o, buffer, &fixed_stdin);
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
  const int out_fd = stdin_fixed ? STDERR_FILENO : STDOUT_FILENO;
  const std::vector<const RuleInfo*> ran = linters.enabled_rules();
  OutputOptions output;
  output.color = *format == OutputFormat::Text && use_color(o.color, out_fd);
  output.context = *format == OutputFormat::Text && isatty(out_fd) != 0;
  output.rules = ran;
  if (o.statistics) {
    std::vector<FileReport> unreadable;
    for (const FileReport& r : reports) {
      if (!r.error.empty()) unreadable.push_back(r);
    }
    write_text(std::cerr, unreadable, OutputOptions{});
    if (*format == OutputFormat::Json) {
      write_statistics_json(out, reports);
    } else {
      write_statistics_text(out, reports);
    }
  } else {
    write_report(*format, out, std::cerr, reports, output);
  }
  out.flush();
  if (stdin_fixed) std::cout << fixed_stdin;

  const Totals totals = count(reports);
  if (is_log_format(*format) && !o.quiet) std::cerr << summary_line(totals, excluded) << '\n';
  if (totals.failed_files > 0) return kExitFailure;
  const Severity threshold = *parse_severity(o.fail_on);
  for (const FileReport& r : reports) {
    for (const ReportedDiagnostic& d : r.diagnostics) {
      if (d.severity >= threshold) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace digestlint
