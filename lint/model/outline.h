// The outline of a schema-language report: the tree of sections below the
// top level, the numbering of every level, what table, key-value, list,
// paragraphs and code sections hold, and the breaks between sections.
// Internal to the model.
#pragma once

#include "digestlint/digest.h"
#include "digestlint/schema.h"

namespace digestlint {

// Fills Digest::outline_issues. Called by build_digest after the sections,
// only for schemas that use the tree language (Schema::is_outline()).
void build_outline(const Document& doc, const SourceText& source, const Schema& schema,
                   Digest& digest);

}  // namespace digestlint
