// The digest format as data, loaded from TOML (built in, or a user's file:
// config/schema_loader.h) into an immutable Schema. Its public fields say
// what the TOML says; its const accessors give what is derived from that
// (folded spellings, the leaked-text matcher), computed once when the
// schema is parsed, never while linting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/phrase_set.h"
#include "digestlint/settings.h"
#include "digestlint/text_pattern.h"

namespace digestlint {

// Fills in the derived data of a freshly read schema (schema.cc).
class SchemaCompiler;

enum class SectionContent : std::uint8_t {
  Links,     // "- [title](url)" items, free nested sub-bullets
  Articles,  // articles under headings one level deeper
  Free,      // any Markdown
  // The schema language's content kinds (outline schemas):
  Table,     // a Markdown table with the spec's columns
  KeyValue,  // "- key: value" bullets
  List,      // a list whose items match a pattern
  Ioc,       // a list whose items are IOC entries in the schema's [ioc] grammar

  Paragraphs,  // prose paragraphs
  Code,        // fenced code blocks in one language
};

std::string_view to_string(SectionContent content);

// One column of a `table` section, by its header.
struct ColumnSpec {
  std::string name;
  bool required = true;
  TextPattern pattern;              // each cell's shape; empty: any
  std::vector<std::string> values;  // the cells' closed set; empty: any
};

// One key of a `key-value` section ("- 担当: 山田").
struct KeySpec {
  std::string name;
  bool required = true;
  TextPattern pattern;  // the value's shape; empty: any
  std::vector<std::string> values;
};

// How the headings of one level of the tree are numbered: "{n}. " at the
// top, "{parent}-{n}. " below ("2-1. "). Empty: not numbered.
struct NumberingSpec {
  std::string format;
  bool empty() const { return format.empty(); }
  // Splits "2-1. 詳細" into its number ("2-1": the format without its
  // trailing punctuation and spaces), the parent part ("2"), n (1) and the
  // rest ("詳細"). False when the heading does not start with a number.
  bool split(std::string_view heading, std::string& number, std::string& parent, std::int64_t& n,
             std::string_view& rest) const;
  // The number of the n-th heading under `parent`: "2-3".
  std::string number_for(std::string_view parent, std::int64_t n) const;
  // The prefix the heading text starts with: "2-3. ".
  std::string prefix_for(std::string_view parent, std::int64_t n) const;
};

struct SectionSpec {
  std::string heading;
  std::uint8_t level = 3;
  // Levels also accepted for this heading without a finding (legacy files
  // mix H2 and H3 sections).
  std::vector<std::uint8_t> accepted_levels;
  bool required = true;
  SectionContent content = SectionContent::Free;

  bool accepts_level(std::uint8_t l) const;

  // The schema language (schemas for any structured report). A heading is
  // `heading`, one of `one_of`, or text matching `pattern`; the numbering
  // prefix of its level comes off first.
  std::vector<std::string> one_of;
  TextPattern pattern;
  std::int64_t min_count = 1;         // `min`; 0 when not required
  std::int64_t max_count = 1;         // `max`; 0: any number
  std::vector<SectionSpec> children;  // [[sections.sections]], one level deeper
  bool children_any_order = false;    // `order = "any"`: its children in any order
  NumberingSpec children_numbering;   // `numbering`: how its children are numbered
  // content = "table"
  std::vector<ColumnSpec> columns;
  std::int64_t min_rows = 0;
  std::int64_t max_rows = 0;  // 0: no limit
  // content = "key-value"
  std::vector<KeySpec> keys;
  // content = "list" (min_items/max_items: 0 is no limit for max)
  TextPattern item_pattern;
  std::int64_t min_items = 0;
  std::int64_t max_items = 0;
  // content = "list": `nesting_step`, the columns each nested level adds
  // (0: the schema's [lists] indent); `max_depth`, how many levels its items
  // take (0: any; 1: no nested items).
  std::uint16_t nesting_step = 0;
  std::int64_t max_depth = 0;
  // content = "paragraphs" (max_paragraphs: 0 is no limit)
  TextPattern paragraph_pattern;  // each paragraph's first line; empty: any
  std::int64_t min_paragraphs = 1;
  std::int64_t max_paragraphs = 0;
  // content = "code": fenced blocks whose info string starts with
  // `language` (empty: any); max_blocks 0 is no limit.
  std::string language;
  std::int64_t min_blocks = 1;
  std::int64_t max_blocks = 0;

  // Whether unnumbered heading text names this section.
  bool names(std::string_view text) const;
  // How messages name it: the heading, "A | B", or the pattern.
  std::string display() const;

  // fold_for_match(heading): a heading that nearly names the section is
  // compared folded.
  const std::string& folded_heading() const { return folded_heading_; }

 private:
  friend class SchemaCompiler;
  std::string folded_heading_;
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
  // `content = "ioc"` (formerly `ioc = true`): its items are IOC entries in
  // the schema's [ioc] grammar.
  bool ioc = false;

  // fold_for_match of the name, then of each alias and accepted spelling:
  // what a misspelt label is measured against.
  const std::vector<std::string>& folded_spellings() const { return folded_spellings_; }
  const std::string& folded_name() const { return folded_spellings_.front(); }
  // fold_loosely(none_marker).
  const std::string& folded_none_marker() const { return folded_none_marker_; }
  // Loose ways of saying none_marker, folded with fold_loosely: the
  // none_variants, and the other labels' different none markers (an item
  // saying another label's "nothing"). Empty when the label has no marker.
  const std::vector<std::string>& folded_none_variants() const { return folded_none_variants_; }

 private:
  friend class SchemaCompiler;
  std::vector<std::string> folded_spellings_;
  std::string folded_none_marker_;
  std::vector<std::string> folded_none_variants_;
};

// The articles of the `articles` sections: the parameters of that content
// kind, written on the `content = "articles"` section (`article_level`,
// `leaked_text`, `numbered_url_items`, [[sections.labels]]), or in the
// deprecated top-level [articles] table. A schema has one article format,
// shared by its `articles` sections.
struct ArticleSpec {
  bool enabled = false;    // an `articles` section gives its labels
  std::uint8_t level = 4;  // `article_level`: each article's heading level
  // Legacy: an article may also start at a top-level "1. <url>" item, its
  // title in the first bullet after it (`- タイトル: "…"`).
  bool numbered_url_items = false;
  std::vector<LabelSpec> labels;
  // Prompt or template text that must not survive into a digest; matched
  // as written, anywhere in an article.
  std::vector<std::string> leaked_text;

  // Index of the label named exactly `name`, or -1.
  int find_label(std::string_view name) const;

  // Whether `text` holds any of the leaked_text phrases.
  bool holds_leaked_text(std::string_view text) const { return leaked_text_set_.found_in(text); }

 private:
  friend class SchemaCompiler;
  PhraseSet leaked_text_set_;
};

// How an IOC value of a category must look.
enum class IocShape : std::uint8_t { Any, Ip, Url, Host };

std::string_view to_string(IocShape shape);

// A value of one of the closed IOC enumerations, and its aliases (accepted
// with a warning and fixed to `name`).
struct IocValueSpec {
  std::string name;
  std::vector<std::string> aliases;

  // fold_for_match of the name and aliases: a field is matched loosely
  // against them.
  const std::vector<std::string>& folded_names() const { return folded_names_; }

 private:
  friend class SchemaCompiler;
  std::vector<std::string> folded_names_;
};

struct IocCategorySpec {
  std::string name;  // "IPアドレス"
  IocShape shape = IocShape::Any;
  std::vector<std::string> aliases;
  std::vector<std::string> scopes;  // the field-5 values it takes

  // fold_for_match of the name and aliases.
  const std::vector<std::string>& folded_names() const { return folded_names_; }

 private:
  friend class SchemaCompiler;
  std::vector<std::string> folded_names_;
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

// `[breaks] between_sections`: whether a thematic break ("---") stands
// between consecutive top-level sections.
enum class SectionBreaks : std::uint8_t { Any, Required, Forbidden };

struct Schema {
  std::string name;
  std::string description;
  std::string origin;  // "built-in" or the file it was read from
  std::string text;    // the TOML as read, for --print-schema

  std::string title = "Daily Security Info";
  std::uint8_t title_level = 1;
  // `[title] pattern`: the title as a pattern with typed parts, checked
  // instead of `title` when set ("週次レビュー {week}").
  TextPattern title_pattern;
  bool preamble_allowed = true;

  char list_marker = '-';
  std::uint16_t indent_step = 4;
  bool blank_lines_between_items = false;

  std::string empty_marker = "N/A";
  std::vector<std::string> empty_marker_variants;

  std::vector<SectionSpec> sections;
  // The top level of the tree: `order = "any"` and `numbering` at the root.
  bool sections_any_order = false;
  NumberingSpec numbering;
  SectionBreaks breaks_between_sections = SectionBreaks::Any;

  ArticleSpec articles;
  IocSpec ioc;

  // Rule severities and options the schema sets ([rules.NAME] tables).
  Settings settings;

  // Old spellings the file still uses (top-level [articles], a label's
  // `ioc = true`), each "PATH:LINE:COL: warning: ... write ... instead".
  // Loading a schema file reports them once (config/schema_loader.h).
  std::vector<std::string> deprecations;

  // Index of the section whose heading is exactly `text`, or -1.
  int find_section(std::string_view heading) const;
  // Index of the top-level section a heading names in the schema language
  // (numbering prefix, one_of, pattern), or -1. Only outline schemas.
  int match_section(std::string_view heading) const;
  // Whether the schema uses the tree language (patterns, one_of, counts,
  // subsections, numbering, order, the new content kinds): the outline
  // model and its rules run only then.
  bool is_outline() const { return is_outline_; }

  // The deepest level at which a heading is a section (not content).
  std::uint8_t section_level() const { return section_level_; }
  // fold_loosely of empty_marker and of each of its variants.
  const std::vector<std::string>& folded_empty_markers() const { return folded_empty_markers_; }

 private:
  friend class SchemaCompiler;
  std::uint8_t section_level_ = 3;
  bool is_outline_ = false;
  std::vector<std::string> folded_empty_markers_;
};

}  // namespace digestlint
