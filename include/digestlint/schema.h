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

// One label of an article ("- 要約"), in schema order.
struct LabelSpec {
  std::string name;
  bool required = true;
  // Other spellings: `aliases` are accepted with a warning and fixed to
  // `name` (label-alias); `accepted` ones pass silently (legacy wording).
  std::vector<std::string> aliases;
  std::vector<std::string> accepted;
  // The item that says "nothing to report" ("IOC情報なし"); empty when the
  // label has none. `none_variants` are loose ways of saying it.
  std::string none_marker;
  std::vector<std::string> none_variants;
  std::int64_t min_items = 1;
  std::int64_t max_items = 0;        // 0: no limit
  std::int64_t max_item_length = 0;  // graphemes per first-level item; 0: no limit
  bool ioc = false;                  // its items are IOC entries
};

// The articles of an `articles` section.
struct ArticleSpec {
  bool enabled = false;  // the schema has an [articles] table
  std::uint8_t level = 4;
  // Legacy: an article may also start at a top-level "1. <url>" item, its
  // title in the first bullet after it (`- タイトル: "…"`).
  bool numbered_url_items = false;
  std::vector<LabelSpec> labels;
  // Prompt or template text that must not survive into a digest; matched
  // as written, anywhere in an article.
  std::vector<std::string> leaked_text;

  // Index of the label named exactly `name`, or -1.
  int find_label(std::string_view name) const;
};

// How an IOC value of a category must look.
enum class IocShape : std::uint8_t { Any, Ip, Url, Host };

std::string_view to_string(IocShape shape);

// A value of one of the closed IOC enumerations, and its aliases (accepted
// with a warning and fixed to `name`).
struct IocValueSpec {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> folded;  // fold_for_match of the name and aliases, set at load
};

struct IocCategorySpec {
  std::string name;  // "IPアドレス"
  IocShape shape = IocShape::Any;
  std::vector<std::string> aliases;
  std::vector<std::string> scopes;  // the field-5 values it takes
  std::vector<std::string> folded;  // fold_for_match of the name and aliases, set at load
};

// The IOC entry "value,分類,familiarity,context,scope".
struct IocSpec {
  std::vector<IocCategorySpec> categories;        // field 2
  std::vector<IocValueSpec> familiarity;          // field 3
  std::vector<std::string> familiarity_accepted;  // also taken silently ("不明")
  std::vector<IocValueSpec> scopes;               // field 5
  // Domains of well-known services (github.com, t.me): as a bare FQDN IOC,
  // blocking one blocks the service. Lower case, compared refanged.
  std::vector<std::string> service_domains;

  int find_category(std::string_view name) const;
  int find_scope(std::string_view name) const;
};

struct Schema {
  std::string name;
  std::string description;
  std::string origin;  // "built-in" or the file it was read from
  std::string text;    // the TOML as read, for --print-schema
  // Unique per parsed schema (never reused), so per-thread caches of data
  // derived from a schema know when it changed.
  std::uint64_t id = 0;

  std::string title = "Daily Security Info";
  std::uint8_t title_level = 1;
  bool preamble_allowed = true;

  char list_marker = '-';
  std::uint16_t indent_step = 4;
  bool blank_lines_between_items = false;

  std::string empty_marker = "N/A";
  std::vector<std::string> empty_marker_variants;

  std::vector<SectionSpec> sections;

  ArticleSpec articles;
  IocSpec ioc;

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

// `--schema auto`: the built-in schema a digest is written in, from its
// title (the first H1): the one whose [title] text it is, else the
// default. Legacy digests ("# 日々のニュース要約") get the legacy schema.
inline constexpr std::string_view kAutoSchema = "auto";
std::string_view resolve_schema_for(std::string_view text);

// `name_or_path` is a built-in name or a path to a TOML file.
// Returns nullptr and fills `error` when it cannot be loaded.
std::shared_ptr<const Schema> load_schema(std::string_view name_or_path, SchemaError& error);
std::shared_ptr<const Schema> parse_schema(std::string_view toml_text, std::string_view origin,
                                           SchemaError& error);

}  // namespace digestlint
