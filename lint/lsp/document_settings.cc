#include "lsp/document_settings.h"
#include "config/schema_loader.h"

#include <vector>

#include "config/schema_select.h"
#include "digestlint/document.h"
#include "digestlint/schema.h"

namespace digestlint::lsp {

namespace fs = std::filesystem;

DocumentSettings document_settings(const fs::path& path, std::string_view text,
                                   ConfigFinder& finder) {
  DocumentSettings out;
  if (!path.empty()) {
    const ConfigFinder::Result found = finder.find_for(path);
    if (found.error != nullptr) {
      out.linted = false;
      out.error = found.error->to_string();
      return out;
    }
    out.config = found.config;
    std::error_code ec;
    if (out.config && !out.config->selects(fs::absolute(path, ec))) {
      out.linted = false;
      return out;
    }
  }
  // As the command line decides (config/config.h choose_schema); a
  // Markdown file no schema claims is not a digest.
  out.schema = choose_schema({}, out.config.get(), path, text).schema;
  out.linted = !out.schema.empty();
  return out;
}

LinterCache::Result LinterCache::for_document(const fs::path& path, std::string_view text) {
  const std::lock_guard lock(mutex_);
  DocumentSettings settings = document_settings(path, text, finder_);
  Result result;
  result.max_file_size = max_file_size_for(0, settings.config.get());
  if (!settings.error.empty()) {
    result.error = settings.error;
    return result;
  }
  if (!settings.linted) return result;
  const auto key = std::make_pair(settings.config.get(), settings.schema);
  if (auto it = linters_.find(key); it != linters_.end()) {
    result.linter = it->second;
    return result;
  }
  Error schema_error;
  std::shared_ptr<const Schema> schema = load_schema(settings.schema, schema_error);
  if (!schema) {
    result.error = settings.config
                       ? schema_error.message + " (the schema of " + settings.config->display + ")"
                       : schema_error.message;
    return result;
  }
  result.linter = std::make_shared<const Linter>(
      std::move(schema), settings.config ? settings.config->settings : Settings{});
  linters_.emplace(key, result.linter);
  if (settings.config) configs_.emplace(settings.config.get(), settings.config);
  return result;
}

void LinterCache::forget() {
  const std::lock_guard lock(mutex_);
  linters_.clear();
  configs_.clear();
  finder_ = ConfigFinder();
}

}  // namespace digestlint::lsp
