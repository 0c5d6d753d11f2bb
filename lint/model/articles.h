// The article model's builders and the IOC entry grammar, shared by
// model/digest.cc and the article/IOC rules. Internal: not part of the library's
// public headers.
#pragma once

#include <string>
#include <string_view>

#include "digestlint/digest.h"
#include "digestlint/schema.h"

namespace digestlint {

// Finds the articles of every `articles` section and reads their URL
// lines, labels, items and IOC entries into `digest`; marks IOC-shaped
// lines in Digest::line_flags. Called by build_digest after the sections.
void build_articles(const Document& doc, const SourceText& source, const Schema& schema,
                    Digest& digest);

// Reads the IOC lists outside articles (`content = "ioc"` sections at any
// depth) into Digest::iocs, each entry with an item of no label (ioc_lists.cc).
// Called by build_digest after build_articles.
void build_ioc_lists(const Document& doc, const SourceText& source, const Schema& schema,
                     Digest& digest);

// Parses the IOC entry `text` (a range of `bytes`: an item's text, marker
// excluded) into `entry`: fields split on ',' and anchored on the
// familiarity field's closed enumeration, so commas inside the context or
// the value survive; each field matched against its enumeration; the
// value's shape and defanging.
void parse_ioc_entry(std::string_view bytes, ByteRange text, const IocSpec& spec, IocEntry& entry);

// Whether a line outside an IOC block is nevertheless an IOC entry: CSV
// with the familiarity enumeration in place, or ending in a scope value.
bool looks_like_ioc_entry(std::string_view bytes, ByteRange text, const IocSpec& spec);

// Whether a value of this shape is what a category of `want` holds.
bool value_fits_shape(IocShape want, ValueShape got);

// How an IOC enumeration field matches `values` (names, then aliases,
// then the same ignoring case/width/spaces, then "name(note)").
FieldMatch match_ioc_value(std::string_view field, const std::vector<IocValueSpec>& values,
                           const std::vector<std::string>* accepted, int& index);

}  // namespace digestlint
