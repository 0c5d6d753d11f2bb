// Inline suppressions: HTML comments such as
//
//   <!-- digestlint-disable DL201, trailing-whitespace -->
//   <!-- digestlint-enable -->
//   <!-- digestlint-disable-line DL208 -->
//   <!-- digestlint-disable-next-line unknown-heading -- a reason -->
//   <!-- digestlint-disable-file -->
//
// read from the file's HTML blocks and inline HTML (never from code), and
// applied once every rule has run. Without a rule list a directive applies
// to every rule. Lines, not bytes, delimit them:
// - disable: findings starting on its line or after, up to the line of the
//   digestlint-enable that ends it (that line is not covered);
// - enable: ends the disables in effect for the rules it names (all
//   without a list; "disable" then "enable DL201" re-enables DL201 only);
// - disable-line: findings starting on the comment's first line;
// - disable-next-line: findings starting on the line after the comment;
// - disable-file: the whole file, wherever the comment is.
// Everything is per file: nothing here is shared between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "digestlint/diagnostic.h"
#include "digestlint/document.h"
#include "digestlint/source.h"

namespace digestlint {

struct RuleInfo;

// The two rules the engine reports itself (rules/unused_suppression.cc,
// rules/invalid_suppression.cc).
extern const RuleInfo kUnusedSuppression;
extern const RuleInfo kInvalidSuppression;

enum class DirectiveKind : std::uint8_t {
  Disable,
  Enable,
  DisableLine,
  DisableNextLine,
  DisableFile
};

// One rule named by a directive; `rule == nullptr` stands for "every rule"
// (a directive without a list). A code prefix ("DL2") gives one entry per
// rule it covers, all with the same token; the prefix is unused only when
// all of them are.
struct DirectiveEntry {
  const RuleInfo* rule = nullptr;
  ByteRange token;  // the name as written (the keyword for "every rule")
  bool by_prefix = false;
  bool used = false;
  // Disable only: the 0-based line of the enable that ends it for every
  // rule, and for an every-rule entry, rules re-enabled one by one.
  std::uint32_t end_line = UINT32_MAX;
  std::vector<std::pair<const RuleInfo*, std::uint32_t>> ended_for;
};

struct Directive {
  DirectiveKind kind = DirectiveKind::Disable;
  ByteRange comment;              // "<!--" through "-->"
  ByteRange text;                 // "digestlint-disable DL201", for messages
  ByteRange list;                 // the rule list as written; empty after the keyword if none
  std::vector<ByteRange> tokens;  // every list item, known rules or not
  std::uint32_t line = 0;         // 0-based line of "<!--"
  std::uint32_t last_line = 0;    // 0-based line of "-->"
  std::vector<DirectiveEntry> entries;
};

// A malformed directive: an unknown rule or directive name.
struct DirectiveProblem {
  ByteRange range;
  std::string message;
};

// Reads the digestlint directives in the HTML comments of `doc`.
void find_directives(const SourceText& source, const Document& doc,
                     std::vector<Directive>& directives, std::vector<DirectiveProblem>& problems);

// Removes the diagnostics a directive suppresses, then reports directives
// that suppress nothing (DL701) and malformed ones (DL702), with the
// severities `severity_of` gives. An entry naming a rule that is off in
// this run is not reported as unused: another configuration may need it.
// Diagnostics are left unsorted.
using SeverityOf = std::function<Severity(const RuleInfo&)>;
void apply_suppressions(const SourceText& source, const Document& doc,
                        std::vector<Diagnostic>& diagnostics, const SeverityOf& severity_of);

}  // namespace digestlint
