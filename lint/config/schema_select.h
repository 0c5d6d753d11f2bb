// Which built-in schema claims a Markdown file as one of its digests: the
// test that decides, in a repository full of READMEs, notes and prompts,
// which files digestlint lints (automatic schema choice, the default).
#pragma once

#include <optional>
#include <string_view>

namespace digestlint {

// Why a schema claimed a file, strongest first.
enum class ClaimBasis : unsigned char {
  Title,      // its title is the schema's ("# Daily Security Info")
  NearTitle,  // its title is a near miss of the schema's ("# Daily Securty Info")
  Sections,   // no schema's title, but most of the schema's section headings
};

struct SchemaClaim {
  std::string_view schema;  // a built-in schema name
  ClaimBasis basis = ClaimBasis::Title;
};

// The built-in schema that claims `text`, or nullopt when none does (a
// README, a changelog, notes). The title is the first H1 (else the first
// heading of any level, for a title written at the wrong level); it claims
// for the schema whose title it is, or is a near miss of (text.h's
// is_near_miss). When the title claims for no schema, or there is none, a
// schema claims the file when more than half of its section headings
// (near misses included, any level) are headings of the file. Headings
// inside code blocks, quotes of other documents' Markdown in fences, and
// HTML do not count: the file is read by the same scanner as when linted.
std::optional<SchemaClaim> claim_schema(std::string_view text);

std::string_view to_string(ClaimBasis basis);

}  // namespace digestlint
