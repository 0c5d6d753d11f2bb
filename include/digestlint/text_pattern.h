// A line of text as a schema describes it: literal text with named, typed
// parts ("週次レビュー {week}", "{n}. {text}"). Compiled once with the
// schema; a match gives each part's text, and a part can be checked for
// meaning (a real calendar date, an ISO week that exists).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

enum class PatternPartKind : std::uint8_t {
  Literal,      // text written as is
  Date,         // {date} or {date:YYYY-MM-DD}: 2026-05-04
  CompactDate,  // {date:YYYYMMDD}: 20260504
  Week,         // {week}: an ISO week, 2026-W19
  Number,       // {n}: one or more ASCII digits
  Text,         // {text}: any non-empty text
};

struct PatternPart {
  PatternPartKind kind = PatternPartKind::Literal;
  std::string literal;  // Literal only
};

// A part's name as messages say it: "date", "week", "number", "text".
std::string_view part_name(PatternPartKind kind);

class TextPattern {
 public:
  TextPattern() = default;

  // Compiles `source`; on an unknown part or an unbalanced brace returns an
  // empty pattern and sets `error`. "{{" and "}}" are literal braces.
  static TextPattern compile(std::string_view source, std::string& error);

  bool empty() const { return parts_.empty(); }
  const std::string& source() const { return source_; }
  const std::vector<PatternPart>& parts() const { return parts_; }

  // Whether the whole of `text` has the pattern's shape; `captures` gets
  // the text of each non-literal part, in order.
  bool match(std::string_view text, std::vector<std::string_view>* captures = nullptr) const;

  // After a match: the first part whose text has the shape but no meaning,
  // as "date '2026-02-30' is not a date"; empty when every part is sound.
  std::string meaningless_part(const std::vector<std::string_view>& captures) const;

  // The pattern written out for a given day (YYYY-MM-DD, already valid):
  // dates and weeks filled in, {n} as `number`, {text} as `text`.
  std::string fill(int year, int month, int day, std::int64_t number, std::string_view text) const;

 private:
  std::string source_;
  std::vector<PatternPart> parts_;
};

// Calendar helpers the pattern checks and `schema template --date` share.
bool is_valid_date(int year, int month, int day);
// Parses "YYYY-MM-DD"; false when it is not a real date.
bool parse_iso_date(std::string_view text, int& year, int& month, int& day);
// The ISO 8601 week (and its week-based year) of a date.
void iso_week_of(int year, int month, int day, int& week_year, int& week);
// Whether ISO week `week` exists in `week_year` (1..52, or 53 in long years).
bool is_valid_iso_week(int week_year, int week);

}  // namespace digestlint
