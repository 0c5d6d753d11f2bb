// Writing the results of a run and choosing its exit status.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "cli/options.h"
#include "digestlint/rule.h"
#include "output/formats.h"
#include "output/report.h"

namespace digestlint {

struct RunResults {
  std::vector<FileReport> reports;  // linted files and failures, in any order
  std::string fixed_stdin;          // the fixed text of '-', with --fix
  std::vector<std::pair<std::string, std::string>> diffs;  // --diff: (path, diff), changed files
  bool stdin_fixed = false;                                // then findings go to stderr
  std::vector<const RuleInfo*> rules_run;
  std::size_t excluded = 0;     // files a config left out
  std::size_t not_digests = 0;  // files no schema claims (lint/cli/inputs.h)
};

// Prints the findings (or --statistics, or --diff's diffs) and the summary;
// returns the exit status: 2 when a file failed or the output cannot be
// written, 1 for a finding at or above --fail-on (unless --exit-zero) or,
// with --diff, for a file that would change.
int write_results(const Options& options, OutputFormat format, RunResults results);

}  // namespace digestlint
