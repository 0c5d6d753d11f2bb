// Turning the paths on the command line into the files to lint, each with
// the configuration it falls under.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/options.h"
#include "config/config.h"
#include "output/report.h"

namespace digestlint {

// One input: a file on disk, or standard input, and the config it falls under.
struct Input {
  std::string display;         // the path as reported
  std::filesystem::path path;  // empty for stdin
  const Config* config = nullptr;
};

// Which config applies to a file: one for all (--config), none
// (--no-config), or the nearest .digestlint.toml.
class ConfigLookup {
 public:
  // False, with `error` set, when the --config file does not load.
  bool load(const Options& options, ConfigError& error);

  // nullptr with `*broken` set when the nearest config does not load.
  const Config* for_file(const std::filesystem::path& file, const ConfigError** broken);

 private:
  bool no_config_ = false;
  ConfigFinder finder_;
  std::shared_ptr<const Config> forced_;
};

struct InputList {
  std::vector<Input> inputs;         // sorted by path, each file once
  std::vector<FileReport> failures;  // missing paths, broken configs
  std::size_t excluded = 0;          // files a config's include/exclude left out
};

InputList collect_inputs(const Options& options, ConfigLookup& configs);

// A failure report for a config that does not load, naming how many files
// were left unlinted because of it.
FileReport config_failure(const ConfigError& error, std::size_t files);

}  // namespace digestlint
