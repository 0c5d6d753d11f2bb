// The digest's structure, read from the Document with the Schema: where the
// title, the preamble and each section are. Built once per file.
#pragma once

#include <cstdint>
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

  // Lines that are IOC entries ("value,分類,よく知られている,…"): CSV, not
  // prose. Filled with the article structure; prose rules skip them.
  std::vector<bool> ioc_lines;
  bool is_ioc_line(std::uint32_t line) const { return line < ioc_lines.size() && ioc_lines[line]; }

  // The section containing a line, or -1 before the first one.
  int section_at(std::uint32_t line) const;

  void clear() {
    title = kNone;
    section_level = 3;
    sections.clear();
    first_of_spec.clear();
    ioc_lines.clear();
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
