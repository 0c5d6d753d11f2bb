// The command line's options: what the user asked for, parsed by CLI11.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace digestlint {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitFailure = 2;

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string schema;  // empty: the file's config decides, else the default
  std::string stdin_filename;
  std::string explain;
  std::vector<std::string> select;         // --select: only these (replaces the default set)
  std::vector<std::string> extend_select;  // --extend-select: these too
  std::vector<std::string> ignore;
  std::string config;  // --config PATH
  bool no_config = false;
  bool init = false;
  bool print_schema = false;
  bool list_rules = false;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;  // print the fixes as a unified diff, write nothing
  std::string color = "auto";
  std::string fail_on = "warning";
  bool quiet = false;
  bool statistics = false;
  std::string output_file;          // empty: stdout
  bool exit_zero = false;           // findings alone never make the exit status 1
  std::optional<bool> show_source;  // unset: when the output is a terminal
  unsigned jobs = 0;
  // Which files are linted (lint/cli/inputs.h).
  std::vector<std::string> exclude;  // --exclude globs, relative to the working directory
  bool force_exclude = false;        // apply include/exclude to files named outright
  bool no_respect_gitignore = false;
  bool verbose = false;              // list the Markdown files that are not digests
  std::string max_file_size;         // --max-file-size as given
  std::uint64_t max_file_bytes = 0;  // parsed; 0: not given (the config's, else the default)
};

// Fills `options` from argv. Returns the exit status when parsing ends the
// run (--help, --version, a usage error), nothing when the run goes on.
std::optional<int> parse_options(int argc, char** argv, Options& options);

}  // namespace digestlint
