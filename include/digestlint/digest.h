// The digest's structure, read from the Document with the Schema: where the
// title, the preamble and each section are. Built once per file.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "digestlint/document.h"

namespace digestlint {

struct Schema;

struct Section {
  int spec = -1;                 // index into Schema::sections; -1: not a schema section
  std::int32_t heading = kNone;  // index into Document::headings
  std::uint32_t heading_line = 0;
  std::uint32_t body_begin = 0;  // first line after the heading
  std::uint32_t body_end = 0;    // one past the body's last line
  bool exact = true;  // false: the heading is a near miss of the spec's ("Security Report")
  std::int32_t duplicate_of = kNone;  // earlier section with the same heading
  bool in_order = true;               // part of the longest run of known sections in schema order
};

// How a top-level line of an article was read as a label.
enum class LabelMatch : std::uint8_t {
  Exact,     // "- 要約"
  Accepted,  // a spelling the schema accepts silently (legacy wording)
  Alias,     // a known variant the schema accepts with a warning
  NearMiss,  // similar to a label the article otherwise lacks ("推奨事もも")
  Unknown,   // not a label at all
};

struct ArticleLabel {
  int spec = -1;  // index into ArticleSpec::labels; -1 for LabelMatch::Unknown
  LabelMatch match = LabelMatch::Unknown;
  std::uint32_t line = 0;
  ByteRange name;         // the label as written: marker, separator and trailing text excluded
  ByteRange extra;        // what follows the label on its line (": …"), empty when nothing
  bool bullet = true;     // written as "- LABEL" (false: a bare line "その他")
  bool indented = false;  // not at column 0
  std::int32_t duplicate_of = kNone;  // earlier label of the same spec in the article
  bool in_order = true;               // part of the longest run of labels in schema order
  std::uint32_t first_item = 0;       // its block: Digest::items [first_item, end_item)
  std::uint32_t end_item = 0;
};

// A content line inside an article after its URL line: an item of a label
// block, or a stray line before the first label. Also an item of an IOC
// list outside articles (a content = "ioc" section): no label, its entry
// in `ioc`, after every article's items.
struct ArticleItem {
  std::uint32_t line = 0;
  ByteRange text;              // marker and surrounding whitespace excluded
  std::int32_t label = kNone;  // index into Digest::labels; kNone before the first label
  bool bullet = true;          // a list item ("- …"); false: a line without a marker
  bool top = false;            // a first-level item of its label block
  bool leak = false;           // holds leaked prompt or template text
  bool none_marker = false;    // the label's none-marker or one of its variants, as the whole text
  std::int32_t ioc = kNone;    // index into Digest::iocs

  // An item of a content = "ioc" section, not of an article (only label
  // blocks hold IOC entries inside articles).
  bool in_ioc_list() const { return label == kNone && ioc != kNone; }
};

// What is on the line right after an article's title.
enum class UrlLine : std::uint8_t {
  Bare,          // "https://…": what the format wants
  Missing,       // no URL before the first label
  Defanged,      // "hxxps://…", "…[.]com…"
  MarkdownLink,  // "[text](https://…)"
  Angle,         // "<https://…>"
  TextAround,    // a URL with other text on the line
  InHeading,     // legacy "1. <url>" article: the URL is the item itself
};

struct Article {
  std::int32_t heading = kNone;  // index into Document::headings; kNone for "1. <url>"
  // No heading and no URL: a second "- 要約" after other labels started a
  // new article whose title line was lost.
  bool headless = false;
  std::uint32_t line = 0;      // the heading's (numbered item's, headless article's first) line
  std::uint32_t end_line = 0;  // one past the article's last line
  ByteRange title;             // heading text, or the title bullet of a "1. <url>" article
  bool title_leak = false;     // the title holds leaked prompt or template text
  UrlLine url_form = UrlLine::Missing;
  bool blank_before_url = false;  // blank lines between the title and the URL line
  std::int32_t url_line = kNone;  // the line holding the URL
  ByteRange url;                  // the URL as written (a link's target)
  ByteRange url_text;             // the whole URL line's text, trailing whitespace excluded
  std::uint32_t first_label = 0;  // Digest::labels [first_label, end_label)
  std::uint32_t end_label = 0;
  std::uint32_t first_item = 0;  // Digest::items [first_item, end_item)
  std::uint32_t end_item = 0;
};

// How an IOC field matched its enumeration.
enum class FieldMatch : std::uint8_t {
  Exact,      // the name
  Accepted,   // taken silently ("不明")
  Alias,      // a listed alias ("NA" for "NA(IP以外)")
  Loose,      // equal to a name or alias ignoring case, width and spaces
  Annotated,  // a name followed by a note in parentheses ("グローバル(…)")
  Other,      // anything else
  Empty,      // nothing between the commas
  Missing,    // the line has no such field
};

// The look of an IOC value, whatever its 分類 says.
enum class ValueShape : std::uint8_t { Other, Ip4, Ip6, Url, Host, Email };

enum class IocKind : std::uint8_t {
  Entry,       // comma-separated fields
  SourceLink,  // "IOC情報はこちら: https://…": a pointer to the source, not an entry
  NotCsv,      // anything else that is not a none-marker
};

struct IocEntry {
  std::uint32_t line = 0;
  std::int32_t item = kNone;  // index into Digest::items; kNone outside an IOC block
  IocKind kind = IocKind::NotCsv;
  ByteRange text;                // the entry, marker excluded, trimmed
  std::uint16_t raw_fields = 0;  // comma-separated fields as written
  bool anchored = false;         // fields found around the familiarity field's enumeration
  // value, 分類, familiarity, context, scope: each trimmed. A missing
  // field is an empty range where it would be inserted.
  std::array<ByteRange, 5> fields{};
  std::array<FieldMatch, 5> match{};
  int category = -1;     // IocSpec::categories, after aliases; -1: not one of them
  int familiarity = -1;  // IocSpec::familiarity
  int scope = -1;        // IocSpec::scopes
  // The value (field 1): its shape once refanged, whether it carries a live
  // http(s):// scheme, and its dots: in the host part, live and defanged
  // ("[.]", "[dot]", "(.)").
  ValueShape shape = ValueShape::Other;
  ByteRange live_scheme;            // "http" of a live "http://" or "https://"; empty when none
  ByteRange host;                   // the host part of the value (empty when it has none)
  std::uint16_t live_dots = 0;      // in the host part
  std::uint16_t defanged_dots = 0;  // anywhere in the value
  ByteRange link;                   // SourceLink: the live URL
};

// What the outline of a schema-language report gets wrong: found once, by
// the model (lint/model/outline.cc), each reported by the rule of its kind.
enum class OutlineCheck : std::uint8_t {
  SectionNumbering,   // DL115 section-numbering
  SectionCount,       // DL116 section-count
  MissingSubsection,  // DL117 missing-subsection
  UnknownSubsection,  // DL118 unknown-subsection
  TableShape,         // DL119 table-shape
  TableCell,          // DL120 invalid-table-cell
  KeyValue,           // DL121 key-value-mismatch
  ListItems,          // DL122 list-item-mismatch
  Paragraphs,         // DL123 paragraph-mismatch
  CodeBlocks,         // DL124 code-block-mismatch
  SectionBreaks,      // DL125 section-break-mismatch
  ListNesting,        // DL126 list-nesting-mismatch
};

struct OutlineIssue {
  OutlineCheck check = OutlineCheck::SectionNumbering;
  ByteRange range;
  std::string message;
  // A fix when one answer is right: replace `fix_range` with `fix_text`.
  bool has_fix = false;
  ByteRange fix_range;
  std::string fix_text;
  std::string fix_label;
  bool fix_safe = false;  // false: unsafe, applied with --unsafe-fixes
};

struct Digest {
  std::int32_t title = kNone;  // the first heading at the title's level
  // The heading level that delimits sections in this file: the schema's,
  // or the accepted level the file's first known section uses.
  std::uint8_t section_level = 3;
  // Every heading at or above section_level except the title, and every
  // heading naming a schema section at any level, in order: known sections,
  // and unknown headings that end the section before them.
  std::vector<Section> sections;
  std::uint32_t preamble_begin = 0;  // lines after the title, before the first section
  std::uint32_t preamble_end = 0;
  // For each schema section, its first occurrence in `sections`, or kNone.
  std::vector<std::int32_t> first_of_spec;

  // Lines that hold something other than prose, one flag each, set with
  // the article structure; prose rules skip every flagged line.
  enum LineFlag : std::uint8_t {
    kIocEntry = 1,    // "value,分類,よく知られている,…": CSV
    kLeakedText = 2,  // leaked prompt or template text, reported and deleted whole
    kArticleUrl = 4,  // an article's URL line: a citation (malformed-article-url's)
  };
  std::vector<std::uint8_t> line_flags;
  bool has_flag(std::uint32_t line, LineFlag flag) const {
    return line < line_flags.size() && (line_flags[line] & flag) != 0;
  }
  bool is_ioc_line(std::uint32_t line) const { return has_flag(line, kIocEntry); }
  bool is_prose_line(std::uint32_t line) const {
    return line >= line_flags.size() || line_flags[line] == 0;
  }

  // The articles of every `articles` section, in document order, with
  // their labels, items and IOC entries. Built once; rules only read them.
  std::vector<Article> articles;
  std::vector<ArticleLabel> labels;
  std::vector<ArticleItem> items;
  std::vector<IocEntry> iocs;

  // Schema-language schemas only (Schema::is_outline()): what the tree of
  // sections, its content kinds and the breaks between sections get wrong.
  std::vector<OutlineIssue> outline_issues;
  // Lines [begin, end) of `list` sections with their own `nesting_step`:
  // bad-indentation measures their items by it, not by [lists] indent.
  struct NestingStep {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint16_t step = 0;
  };
  std::vector<NestingStep> nesting_steps;
  std::uint16_t indent_step_at(std::uint32_t line, std::uint16_t fallback) const {
    for (const NestingStep& n : nesting_steps) {
      if (line >= n.begin && line < n.end) return n.step;
    }
    return fallback;
  }

  // The section containing a line, or -1 before the first one.
  int section_at(std::uint32_t line) const;

  void clear() {
    title = kNone;
    section_level = 3;
    sections.clear();
    first_of_spec.clear();
    line_flags.clear();
    articles.clear();
    labels.clear();
    items.clear();
    iocs.clear();
    outline_issues.clear();
    nesting_steps.clear();
    preamble_begin = preamble_end = 0;
  }
};

// Lines that carry content: not blank and not part of an HTML comment,
// which renders as nothing (fixtures keep their expectations in one).
inline bool is_content_line(const Line& line) {
  return !line.blank() && !line.comment;
}

void build_digest(const Document& doc, const SourceText& source, const Schema& schema,
                  Digest& digest);

}  // namespace digestlint
