#include "lsp/document_settings.h"

#include <vector>

#include "digestlint/document.h"
#include "digestlint/schema.h"
#include "parse/scanner.h"

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
  out.schema = out.config ? out.config->schema : std::string();
  if (out.schema.empty() || out.schema == kAutoSchema) {
    out.schema = std::string(resolve_schema_for(text));
    out.linted = claimed_by_builtin_schema(text);
  }
  return out;
}

namespace {

struct BuiltinHeadings {
  std::vector<std::string> titles;
  std::vector<std::string> sections;
};

const BuiltinHeadings& builtin_headings() {
  static const BuiltinHeadings headings = [] {
    BuiltinHeadings out;
    for (const std::string_view name : builtin_schema_names()) {
      SchemaError error;
      const auto schema = load_schema(name, error);
      if (!schema) continue;
      out.titles.push_back(schema->title);
      for (const SectionSpec& s : schema->sections)
        out.sections.push_back(s.heading);
    }
    return out;
  }();
  return headings;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  for (const std::string& item : list) {
    if (item == s) return true;
  }
  return false;
}

// A digest's first line is its title, as a rule: then no parse is needed.
bool starts_with_builtin_title(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text.starts_with("# ")) return false;
  std::string_view first = text.substr(2, text.find_first_of("\r\n") - 2);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\t'))
    first.remove_suffix(1);
  return contains(builtin_headings().titles, first);
}

}  // namespace

bool claimed_by_builtin_schema(std::string_view text) {
  if (starts_with_builtin_title(text)) return true;
  // The scanner's headings: fenced code, setext and closing #s handled as
  // for linting.
  thread_local Scanner scanner;
  thread_local Document doc;
  thread_local SourceText source;
  source.reset(text);
  scanner.scan(source, doc);
  const BuiltinHeadings& builtin = builtin_headings();
  for (const Heading& h : doc.headings) {
    const std::string_view heading = source.slice(h.text);
    if (contains(builtin.titles, heading) || contains(builtin.sections, heading)) return true;
  }
  return false;
}

LinterCache::Result LinterCache::for_document(const fs::path& path, std::string_view text) {
  const std::lock_guard lock(mutex_);
  DocumentSettings settings = document_settings(path, text, finder_);
  Result result;
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
  SchemaError schema_error;
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
