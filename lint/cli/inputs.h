// Turning the paths on the command line into the files to lint, each with
// the configuration it falls under, and deciding, once a file is read,
// whether it is a digest and against which schema.
//
// Which files: a directory walk takes *.md files that git does not ignore
// (unless --no-respect-gitignore) and that the nearest config's
// include/exclude and --exclude select; a file named outright is always
// read, and those filters apply to it only with --force-exclude.
// Which are digests: with --schema NAME, or a config's `schema` or
// [[schemas]] naming one, every file is linted against it; otherwise
// (automatic, the default) the built-in schema that claims the file
// (config/schema_select.h) is used, and a file no schema claims is skipped
// as not a digest: counted in the summary (listed with --verbose), or a
// note when it was named outright. Never an error, never written by --fix.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/files.h"
#include "cli/options.h"
#include "config/config.h"
#include "output/report.h"

namespace digestlint {

// One input: a file on disk, or standard input, and the config it falls under.
struct Input {
  std::string display;  // the path as reported
  // Empty for stdin. A string, not a std::filesystem::path (which keeps a
  // list of its components): a run over 100,000 files keeps them all.
  std::string path;
  const Config* config = nullptr;
  bool named = false;  // named on the command line (or stdin), not found by a walk
};

// Which config applies to a file: one for all (--config), none
// (--no-config), or the nearest .digestlint.toml.
class ConfigLookup {
 public:
  // False, with `error` set, when the --config file does not load.
  bool load(const Options& options, Error& error);

  // nullptr with `*broken` set when the nearest config does not load.
  const Config* for_file(const std::filesystem::path& file, const Error** broken);
  // The same for a path as a string, answered without building a
  // std::filesystem::path when the file is in the directory of the last
  // one asked about (as a walk's files come).
  const Config* for_file(const std::string& file, const Error** broken);

 private:
  bool no_config_ = false;
  ConfigFinder finder_;
  std::shared_ptr<const Config> forced_;
  // The directory part of the last file asked about by string, and what
  // the finder said for it (which depends on that directory alone).
  std::string last_directory_;
  std::optional<std::pair<const Config*, const Error*>> last_;
};

struct InputList {
  std::vector<Input> inputs;         // sorted by path, each file once
  std::vector<FileReport> failures;  // missing paths, broken configs
  std::size_t excluded = 0;          // files a config's include/exclude or --exclude left out
  std::size_t ignored = 0;           // files and directories .gitignore left out
  std::vector<SkippedEntry> notes;   // walked entries skipped (FIFOs, sockets, ...)
};

InputList collect_inputs(const Options& options, ConfigLookup& configs);

// What a file just read is: text to lint against `schema`, or not a
// digest, or not linted at all (`error`: binary, a schema that cannot be
// named).
struct InputKind {
  std::string schema;  // a built-in name or a path; empty when not linted
  std::string why;     // how the schema was chosen: "claimed by its title", "--schema"
  bool not_a_digest = false;
  bool well_formed = false;  // every byte well-formed UTF-8 (check_text)
  std::string error;
};
InputKind classify_input(const Options& options, const Input& input, std::string_view bytes);

struct NonDigests {
  std::size_t walked = 0;  // found by directory walks: counted in the summary
};

// Whether `report` (of `input`) is of a file that is not a digest: then it
// is counted, and not reported. Prints a note for one named outright (and
// with --verbose for each walked one, and the schema of each linted file)
// to `notes` unless --quiet.
bool take_non_digest(const Options& options, const Input& input, const FileReport& report,
                     NonDigests& counts, std::ostream& notes);

// Prints the walk's notes (skipped FIFOs, sockets) unless --quiet, and with
// --verbose how much .gitignore left out.
void print_walk_notes(const Options& options, const InputList& inputs, std::ostream& notes);

// A failure report for a config that does not load, naming how many files
// were left unlinted because of it.
FileReport config_failure(const Error& error, std::size_t files);

}  // namespace digestlint
