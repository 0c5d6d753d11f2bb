#include "cli/inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <system_error>

#include "base/files.h"

namespace digestlint {

namespace fs = std::filesystem;

bool ConfigLookup::load(const Options& o, ConfigError& error) {
  no_config_ = o.no_config;
  if (o.config.empty()) return true;
  forced_ = load_config(o.config, display_path(o.config), error);
  return forced_ != nullptr;
}

const Config* ConfigLookup::for_file(const fs::path& file, const ConfigError** broken) {
  if (forced_) return forced_.get();
  if (no_config_) return nullptr;
  const ConfigFinder::Result found = finder_.find_for(file);
  *broken = found.error;
  return found.config.get();
}

FileReport config_failure(const ConfigError& e, std::size_t files) {
  FileReport r;
  r.path = e.path;
  r.error = files > 0 ? fmt::format("{} ({} {} under it not linted)", e.message, files,
                                    files == 1 ? "file" : "files")
                      : e.message;
  r.error_line = e.line;
  r.error_column = e.column;
  return r;
}

InputList collect_inputs(const Options& o, ConfigLookup& configs) {
  InputList result;
  std::vector<Input>& inputs = result.inputs;
  std::map<const ConfigError*, std::size_t> broken_configs;  // -> files not linted
  std::string error;
  for (const std::string& p : o.paths) {
    if (p == "-") {
      const ConfigError* broken = nullptr;
      const Config* config = configs.for_file(
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
    if (!expand_path(p, found, error)) {
      FileReport missing;
      missing.path = p;
      missing.error = error;
      result.failures.push_back(std::move(missing));
      continue;
    }
    for (const fs::path& f : found) {
      const ConfigError* broken = nullptr;
      const Config* config = configs.for_file(f, &broken);
      if (broken != nullptr) {
        ++broken_configs[broken];
        continue;
      }
      std::error_code ec;
      if (config != nullptr && !config->selects(fs::absolute(f, ec))) {
        ++result.excluded;
        continue;
      }
      inputs.push_back(Input{display_path(f), f, config});
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
  return result;
}

}  // namespace digestlint
