#include "cli/inputs.h"
#include "config/schema_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <system_error>

#include "base/files.h"
#include "config/schema_select.h"
#include "digestlint/schema.h"

namespace digestlint {

namespace fs = std::filesystem;

bool ConfigLookup::load(const Options& o, Error& error) {
  no_config_ = o.no_config;
  if (o.config.empty()) return true;
  forced_ = load_config(o.config, display_path(o.config), error);
  return forced_ != nullptr;
}

const Config* ConfigLookup::for_file(const fs::path& file, const Error** broken) {
  if (forced_) return forced_.get();
  if (no_config_) return nullptr;
  const ConfigFinder::Result found = finder_.find_for(file);
  *broken = found.error;
  return found.config.get();
}

const Config* ConfigLookup::for_file(const std::string& file, const Error** broken) {
  if (forced_) return forced_.get();
  if (no_config_) return nullptr;
  // A plain file name (not "d/..", which names another directory): the
  // nearest config is that of the directory part, as ConfigFinder keys it.
  const std::size_t slash = file.rfind('/');
  const std::string_view name = slash == std::string::npos
                                    ? std::string_view(file)
                                    : std::string_view(file).substr(slash + 1);
  const bool plain_name = !name.empty() && name != "." && name != "..";
  const std::string_view directory =
      plain_name ? std::string_view(file).substr(0, file.size() - name.size()) : std::string_view();
  if (plain_name && last_ && directory == last_directory_) {
    *broken = last_->second;
    return last_->first;
  }
  const ConfigFinder::Result found = finder_.find_for(fs::path(file));
  *broken = found.error;
  if (plain_name) {
    last_directory_.assign(directory);
    last_.emplace(found.config.get(), found.error);
  }
  return found.config.get();
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

namespace {

// --exclude: globs relative to the working directory, like a config's.
bool excluded_on_command_line(const Options& o, const fs::path& file) {
  if (o.exclude.empty()) return false;
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  const std::string relative = absolute.lexically_relative(fs::current_path(ec)).generic_string();
  return std::any_of(o.exclude.begin(), o.exclude.end(),
                     [&](const std::string& g) { return glob_match(g, relative); });
}

}  // namespace

InputList collect_inputs(const Options& o, ConfigLookup& configs) {
  InputList result;
  const WalkOptions walk{.respect_gitignore = !o.no_respect_gitignore};
  std::vector<Input>& inputs = result.inputs;
  std::map<const Error*, std::size_t> broken_configs;  // -> files not linted
  Error error;
  for (const std::string& p : o.paths) {
    if (p == "-") {
      const Error* broken = nullptr;
      const Config* config = configs.for_file(
          o.stdin_filename.empty() ? fs::current_path() / "-" : fs::path(o.stdin_filename),
          &broken);
      if (broken != nullptr) {
        ++broken_configs[broken];
        continue;
      }
      inputs.push_back(
          Input{o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename, {}, config, true});
      continue;
    }
    std::vector<FoundFile> found;
    WalkNotes walk_notes;
    if (!expand_path(p, walk, found, walk_notes, error)) {
      FileReport missing;
      missing.path = p;
      missing.error = error.message;
      result.failures.push_back(std::move(missing));
      continue;
    }
    result.ignored += walk_notes.ignored;
    result.notes.insert(result.notes.end(), walk_notes.skipped.begin(), walk_notes.skipped.end());
    std::error_code ec;
    const bool named = !fs::is_directory(p, ec);
    for (FoundFile& found_file : found) {
      const Error* broken = nullptr;
      const Config* config = configs.for_file(found_file.path, &broken);
      if (broken != nullptr) {
        ++broken_configs[broken];
        continue;
      }
      // Files named outright are read whatever the filters say, unless
      // --force-exclude (pre-commit names every staged file).
      if ((!named || o.force_exclude) && (config != nullptr || !o.exclude.empty())) {
        const fs::path f(found_file.path);
        if ((config != nullptr && !config->selects(fs::absolute(f, ec))) ||
            excluded_on_command_line(o, f)) {
          ++result.excluded;
          continue;
        }
      }
      inputs.push_back(
          Input{std::move(found_file.display), std::move(found_file.path), config, named});
    }
  }
  for (const auto& [config_error, files] : broken_configs)
    result.failures.push_back(config_failure(*config_error, files));
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.display < b.display; });
  // A file named twice ("./d/a.md" and "d/a.md") is linted once.
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Input& a, const Input& b) {
                             return !a.path.empty() && !b.path.empty() && a.display == b.display;
                           }),
               inputs.end());
  inputs.shrink_to_fit();
  return result;
}

InputKind classify_input(const Options& o, const Input& input, std::string_view bytes) {
  InputKind kind;
  TextVerdict verdict = check_text(bytes);
  kind.error = std::move(verdict.not_text);
  kind.well_formed = verdict.well_formed;
  if (!kind.error.empty()) return kind;
  // The path matters only to match a config's [[schemas]] (no --schema,
  // a config): otherwise none is built (it splits into components).
  const bool config_names_schema = o.schema.empty() && input.config != nullptr;
  const fs::path where = !config_names_schema ? fs::path()
                         : input.path.empty()
                             ? fs::path(o.stdin_filename.empty() ? "-" : o.stdin_filename)
                             : fs::path(input.path);
  SchemaChoice choice = choose_schema(o.schema, input.config, where, bytes);
  kind.not_a_digest = choice.schema.empty();
  kind.schema = std::move(choice.schema);
  kind.why = std::move(choice.why);
  return kind;
}

bool take_non_digest(const Options& o, const Input& input, const FileReport& report,
                     NonDigests& counts, std::ostream& notes) {
  if (o.verbose && !o.quiet && !report.linted_as.empty()) {
    notes << fmt::format("{}: note: linted as {}\n", report.path, report.linted_as);
  }
  if (!report.not_a_digest) return false;
  if (!input.named) ++counts.walked;
  if (o.quiet) return true;
  if (input.named) {
    notes << fmt::format(
        "{}: note: skipped: not a digest (no schema claims it by its title or section "
        "headings; --schema NAME lints it anyway)\n",
        report.path);
  } else if (o.verbose) {
    notes << fmt::format("{}: note: skipped: not a digest\n", report.path);
  }
  return true;
}

void print_walk_notes(const Options& o, const InputList& inputs, std::ostream& notes) {
  if (o.quiet) return;
  for (const SkippedEntry& s : inputs.notes)
    notes << fmt::format("{}: note: skipped: {}\n", s.path, s.why);
  if (o.verbose && inputs.ignored > 0) {
    notes << fmt::format(
        "digestlint: note: {} {} ignored by .gitignore (--no-respect-gitignore "
        "walks them)\n",
        inputs.ignored, inputs.ignored == 1 ? "path" : "paths");
  }
}

}  // namespace digestlint
