// The digest format as data: loaded from TOML (built in, or a user's file).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/settings.h"

namespace digestlint {

enum class SectionContent : std::uint8_t {
  Links,     // "- [title](url)" items, free nested sub-bullets
  Articles,  // articles under headings one level deeper
  Free,      // any Markdown
};

std::string_view to_string(SectionContent content);

struct SectionSpec {
  std::string heading;
  std::uint8_t level = 3;
  // Levels also accepted for this heading without a finding (legacy files
  // mix H2 and H3 sections).
  std::vector<std::uint8_t> accepted_levels;
  bool required = true;
  SectionContent content = SectionContent::Free;

  bool accepts_level(std::uint8_t l) const;
};

struct Schema {
  std::string name;
  std::string description;
  std::string origin;  // "built-in" or the file it was read from
  std::string text;    // the TOML as read, for --print-schema

  std::string title = "Daily Security Info";
  std::uint8_t title_level = 1;
  bool preamble_allowed = true;

  char list_marker = '-';
  std::uint16_t indent_step = 4;
  bool blank_lines_between_items = false;

  std::string empty_marker = "N/A";
  std::vector<std::string> empty_marker_variants;

  std::vector<SectionSpec> sections;

  // Rule severities and options the schema sets ([rules.NAME] tables).
  Settings settings;

  // The deepest level at which a heading is a section (not content).
  std::uint8_t section_level() const;
  // Index of the section whose heading is exactly `text`, or -1.
  int find_section(std::string_view heading) const;
};

// A schema that failed to load: "path:line:col: message".
struct SchemaError {
  std::string message;
};

// Names of the schemas compiled into the binary, default first.
std::vector<std::string_view> builtin_schema_names();

// `name_or_path` is a built-in name or a path to a TOML file.
// Returns nullptr and fills `error` when it cannot be loaded.
std::shared_ptr<const Schema> load_schema(std::string_view name_or_path, SchemaError& error);
std::shared_ptr<const Schema> parse_schema(std::string_view toml_text, std::string_view origin,
                                           SchemaError& error);

}  // namespace digestlint
