// Which linter applies to an open document: what the command line would
// use for the same path. Kept in one function (document_settings) so it
// can follow the command line's own resolution when that is shared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "config/config.h"
#include "engine/linter.h"

namespace digestlint::lsp {

struct DocumentSettings {
  std::shared_ptr<const Config> config;  // nullptr: no .digestlint.toml above the file
  std::string schema;                    // a built-in name or a schema file's path
  // False: the file gets no findings (excluded by its config, or a
  // Markdown file that no schema claims).
  bool linted = true;
  std::string error;  // a broken config: nothing is linted, this is shown
};

// The nearest config walking up from `path` (none for a document that is
// not a file) and the schema the command line would use for the file: the
// config's [[schemas]] or schema, else the built-in schema that claims the
// text (config/schema_select.h); a document no schema claims is not a
// digest and gets no findings.
DocumentSettings document_settings(const std::filesystem::path& path, std::string_view text,
                                   ConfigFinder& finder);

// Linters per (config, schema), built on first use; thread-safe.
// forget() drops them all and the configs found, after a config or
// schema file changed.
class LinterCache {
 public:
  struct Result {
    // nullptr: not linted (see error). Shared: forget() may run while a
    // document is being linted.
    std::shared_ptr<const Linter> linter;
    std::string error;  // a config or schema that does not load
    // The config's max-file-size, else the default: a larger document is
    // not linted, as the command line would not read it.
    std::uint64_t max_file_size = 0;
  };
  Result for_document(const std::filesystem::path& path, std::string_view text);
  void forget();

 private:
  std::mutex mutex_;
  ConfigFinder finder_;
  std::map<std::pair<const Config*, std::string>, std::shared_ptr<const Linter>> linters_;
  // Keeps the configs the linters' keys point to alive.
  std::map<const Config*, std::shared_ptr<const Config>> configs_;
};

}  // namespace digestlint::lsp
