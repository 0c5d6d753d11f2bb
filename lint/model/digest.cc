#include "digestlint/digest.h"

#include <algorithm>

#include "base/sequence.h"
#include "digestlint/schema.h"
#include "digestlint/text.h"
#include "model/articles.h"
#include "model/outline.h"

namespace digestlint {

int Digest::section_at(std::uint32_t line) const {
  auto it = std::upper_bound(sections.begin(), sections.end(), line,
                             [](std::uint32_t l, const Section& s) { return l < s.heading_line; });
  return static_cast<int>(it - sections.begin()) - 1;
}

namespace {

// A section-level heading that names no section but nearly names one that
// is otherwise absent ("Security Report", "security reprot") is taken as
// that section, so the misspelling is one finding and not also "missing".
void resolve_near_misses(const Document& doc, const SourceText& source, const Schema& schema,
                         Digest& digest) {
  std::vector<bool> present(schema.sections.size(), false);
  for (const Section& s : digest.sections) {
    if (s.spec >= 0) present[s.spec] = true;
  }
  // Each heading is folded once (the schema's are folded when it is
  // compiled): a digest read with another schema's sections has dozens of
  // unknown headings.
  for (Section& s : digest.sections) {
    if (s.spec >= 0) continue;
    const Heading& h = doc.headings[s.heading];
    if (h.level == schema.title_level) continue;
    const std::string_view text = source.slice(h.text);
    if (text.size() > 256) continue;  // no section name is near that long
    const std::string candidate = fold_for_match(text);
    for (std::size_t spec = 0; spec < schema.sections.size(); ++spec) {
      if (schema.sections[spec].heading.empty()) continue;  // one_of or pattern
      const std::string& heading = schema.sections[spec].folded_heading();
      if (present[spec] || !is_near_miss_folded(candidate, heading)) continue;
      s.spec = static_cast<int>(spec);
      s.exact = false;
      present[spec] = true;
      break;
    }
  }
}

// First occurrences, duplicates, and which known sections are in schema
// order: the longest increasing subsequence of their schema indices, so one
// misplaced section is reported, not every section after it.
void mark_duplicates_and_order(const Schema& schema, Digest& digest) {
  digest.first_of_spec.assign(schema.sections.size(), kNone);
  std::vector<std::int32_t> firsts;  // indices into sections, in document order
  for (std::size_t i = 0; i < digest.sections.size(); ++i) {
    Section& s = digest.sections[i];
    if (s.spec < 0) continue;
    if (digest.first_of_spec[s.spec] != kNone) {
      // A section the schema lets repeat is counted by section-count instead.
      if (schema.sections[s.spec].max_count != 1) continue;
      s.duplicate_of = digest.first_of_spec[s.spec];
    } else {
      digest.first_of_spec[s.spec] = static_cast<std::int32_t>(i);
      firsts.push_back(static_cast<std::int32_t>(i));
    }
  }
  if (schema.sections_any_order) return;  // every section is in order
  const std::vector<bool> in_order = longest_increasing_subsequence(
      firsts.size(), [&](std::size_t k) { return digest.sections[firsts[k]].spec; });
  for (std::size_t k = 0; k < firsts.size(); ++k)
    digest.sections[firsts[k]].in_order = in_order[k];
}

// Under a schema that says whether a "---" stands between sections
// ([breaks]), that break belongs to neither section: it is not content
// (an empty marker above it stays alone) and section-break-mismatch is
// the one rule that looks at it.
void exclude_section_breaks(const Document& doc, Digest& digest) {
  for (std::size_t i = 0; i + 1 < digest.sections.size(); ++i) {
    Section& s = digest.sections[i];
    for (std::uint32_t l = s.body_end; l > s.body_begin; --l) {
      const Line& line = doc.lines[l - 1];
      if (!is_content_line(line)) continue;
      if (line.role == LineRole::ThematicBreak) s.body_end = l - 1;
      break;
    }
  }
}

}  // namespace

void build_digest(const Document& doc, const SourceText& source, const Schema& schema,
                  Digest& digest) {
  digest.clear();
  const auto line_count = static_cast<std::uint32_t>(doc.lines.size());

  for (std::size_t i = 0; i < doc.headings.size(); ++i) {
    if (doc.headings[i].level == schema.title_level) {
      digest.title = static_cast<std::int32_t>(i);
      break;
    }
  }

  // The file's section level: that of its first heading naming a section at
  // an accepted level, else the schema's own.
  digest.section_level = schema.section_level();
  for (const Heading& h : doc.headings) {
    const int spec = schema.find_section(source.slice(h.text));
    if (spec >= 0 && schema.sections[spec].accepts_level(h.level)) {
      digest.section_level = h.level;
      break;
    }
  }

  bool in_articles = false;  // the last section holds articles
  for (std::size_t i = 0; i < doc.headings.size(); ++i) {
    const Heading& h = doc.headings[i];
    if (static_cast<std::int32_t>(i) == digest.title) continue;
    int spec = schema.find_section(source.slice(h.text));
    // The schema language: numbered headings, one_of, patterns; only at a
    // section level, where a loose pattern cannot swallow a subsection.
    if (spec < 0 && schema.is_outline() && h.level <= digest.section_level) {
      spec = schema.match_section(source.slice(h.text));
    }
    // A heading naming a section is one even at the wrong level, so that a
    // "#### Tools" is reported once, as a level error, not also as missing.
    if (h.level > digest.section_level && spec < 0) continue;
    // In files whose sections and articles share a level (legacy "### ニュース"
    // then "### <title>"), an article heading is content of its section.
    if (spec < 0 && in_articles && schema.articles.enabled && h.level == schema.articles.level) {
      continue;
    }
    in_articles = spec >= 0 && schema.sections[spec].content == SectionContent::Articles;
    Section s;
    s.spec = spec;
    s.heading = static_cast<std::int32_t>(i);
    s.heading_line = h.line;
    s.body_begin = doc.blocks[h.block].last_line + 1;
    digest.sections.push_back(s);
  }
  resolve_near_misses(doc, source, schema, digest);
  for (std::size_t i = 0; i < digest.sections.size(); ++i) {
    digest.sections[i].body_end =
        i + 1 < digest.sections.size() ? digest.sections[i + 1].heading_line : line_count;
  }
  if (schema.breaks_between_sections != SectionBreaks::Any) {
    exclude_section_breaks(doc, digest);
  }

  mark_duplicates_and_order(schema, digest);

  const std::uint32_t after_title =
      digest.title == kNone ? 0 : doc.blocks[doc.headings[digest.title].block].last_line + 1;
  digest.preamble_begin = std::min(after_title, line_count);
  digest.preamble_end = digest.sections.empty() ? line_count : digest.sections[0].heading_line;
  if (digest.preamble_end < digest.preamble_begin) digest.preamble_end = digest.preamble_begin;

  build_articles(doc, source, schema, digest);
  build_ioc_lists(doc, source, schema, digest);
  if (schema.is_outline()) build_outline(doc, source, schema, digest);
}

}  // namespace digestlint
