// The scanner: one md4c parse plus one raw-line pass build the Document.
#pragma once

#include <cstdint>
#include <string>

#include "digestlint/document.h"
#include "digestlint/source.h"

namespace digestlint {

// md4c flags: GitHub's dialect, because digests are read on GitHub.
// - permissive URL/www/e-mail autolinks: bare URLs become Url runs, so
//   prose rules skip them and article URL lines are recognised as links;
// - tables, strikethrough, task lists: rendered by GitHub, must not be
//   mistaken for prose or list defects.
// Deliberately off: MD_FLAG_COLLAPSEWHITESPACE (its spaces are static
// strings with no position), MD_FLAG_NOHTML (HTML comments carry
// suppressions), MD_FLAG_LATEXMATHSPANS ("$5,000 ... $3" in prose would
// vanish into math spans), wiki links and underline (not GitHub).
unsigned md4c_flags();

// SourceText::line_of(offset, hint), answered inline when the offset is on
// the hint's line or the next, as nearly every look-up of the scanner is
// (they come in order, one or more per md4c event).
std::uint32_t line_near(const SourceText& source, Offset offset, std::uint32_t hint);

class Scanner {
 public:
  // Fills `doc` from `source`. Never fails: any byte sequence yields a
  // model. Reuses `doc`'s allocations.
  void scan(const SourceText& source, Document& doc);

 private:
  // md4c 0.4.8 is super-linear on a few bracket-heavy inputs; those bytes
  // are blanked in a private copy so parsing stays linear (see defuse.cc).
  std::string defused_copy_;
};

}  // namespace digestlint
