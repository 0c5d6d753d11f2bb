#include "digestlint/text_pattern.h"

#include <fmt/format.h>

namespace digestlint {

std::string_view part_name(PatternPartKind kind) {
  switch (kind) {
    case PatternPartKind::Date:
    case PatternPartKind::CompactDate:
      return "date";
    case PatternPartKind::Week:
      return "week";
    case PatternPartKind::Number:
      return "number";
    case PatternPartKind::Text:
      return "text";
    case PatternPartKind::Literal:
      break;
  }
  return "text";
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  for (const char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}

int to_int(std::string_view digits) {
  int v = 0;
  for (const char c : digits)
    v = v * 10 + (c - '0');
  return v;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Zeller-free weekday of 31 December of `year` shifted: the ISO long-year test.
int dec31_weekday_term(int year) {
  return (year + year / 4 - year / 100 + year / 400) % 7;
}

int weeks_in_year(int year) {
  return dec31_weekday_term(year) == 4 || dec31_weekday_term(year - 1) == 3 ? 53 : 52;
}

// Monday = 1 ... Sunday = 7 (Sakamoto's method).
int iso_weekday(int year, int month, int day) {
  static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  const int sunday_zero =
      (year + year / 4 - year / 100 + year / 400 + kOffsets[month - 1] + day) % 7;
  return sunday_zero == 0 ? 7 : sunday_zero;
}

int day_of_year(int year, int month, int day) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kBefore[month - 1] + day + (month > 2 && is_leap(year) ? 1 : 0);
}

// The fixed width of a part's text, or 0 when it varies.
std::size_t fixed_width(PatternPartKind kind) {
  switch (kind) {
    case PatternPartKind::Date:
      return 10;
    case PatternPartKind::CompactDate:
      return 8;
    case PatternPartKind::Week:
      return 8;
    default:
      return 0;
  }
}

bool has_shape(PatternPartKind kind, std::string_view s) {
  switch (kind) {
    case PatternPartKind::Date:
      return s.size() == 10 && all_digits(s.substr(0, 4)) && s[4] == '-' &&
             all_digits(s.substr(5, 2)) && s[7] == '-' && all_digits(s.substr(8, 2));
    case PatternPartKind::CompactDate:
      return s.size() == 8 && all_digits(s);
    case PatternPartKind::Week:
      return s.size() == 8 && all_digits(s.substr(0, 4)) && s[4] == '-' && s[5] == 'W' &&
             all_digits(s.substr(6, 2));
    case PatternPartKind::Number:
      return all_digits(s);
    case PatternPartKind::Text:
      return !s.empty();
    case PatternPartKind::Literal:
      break;
  }
  return false;
}

// Backtracking over the {text} and {n} split points is quadratic or worse
// in the worst case ("{text}-{text}" on a long line of dashes); a budget of
// steps bounds a match, and a line that exhausts it does not match.
constexpr std::size_t kMatchBudget = 1 << 16;

bool match_from(const std::vector<PatternPart>& parts, std::size_t index, std::string_view text,
                std::vector<std::string_view>* captures, std::size_t& budget) {
  if (budget == 0) return false;
  --budget;
  if (index == parts.size()) return text.empty();
  const PatternPart& part = parts[index];
  if (part.kind == PatternPartKind::Literal) {
    if (text.substr(0, part.literal.size()) != part.literal) return false;
    return match_from(parts, index + 1, text.substr(part.literal.size()), captures, budget);
  }
  const std::size_t width = fixed_width(part.kind);
  std::size_t longest = width != 0 ? width : text.size();
  if (part.kind == PatternPartKind::Number) {
    longest = 0;
    while (longest < text.size() && is_digit(text[longest]))
      ++longest;
  }
  // Longest first: a trailing {text} takes the rest of the line.
  for (std::size_t len = longest; len >= 1 && budget > 0; --len) {
    if (width != 0 && len != width) break;
    const std::string_view piece = text.substr(0, len);
    if (piece.size() != len || !has_shape(part.kind, piece)) continue;
    if (captures != nullptr) captures->push_back(piece);
    if (match_from(parts, index + 1, text.substr(len), captures, budget)) return true;
    if (captures != nullptr) captures->pop_back();
  }
  return false;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const int last = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= last;
}

bool parse_iso_date(std::string_view text, int& year, int& month, int& day) {
  if (!has_shape(PatternPartKind::Date, text)) return false;
  year = to_int(text.substr(0, 4));
  month = to_int(text.substr(5, 2));
  day = to_int(text.substr(8, 2));
  return is_valid_date(year, month, day);
}

void iso_week_of(int year, int month, int day, int& week_year, int& week) {
  const int ordinal = day_of_year(year, month, day);
  week = (ordinal - iso_weekday(year, month, day) + 10) / 7;
  week_year = year;
  if (week < 1) {
    week_year = year - 1;
    week = weeks_in_year(week_year);
  } else if (week > weeks_in_year(year)) {
    week_year = year + 1;
    week = 1;
  }
}

bool is_valid_iso_week(int week_year, int week) {
  return week_year >= 1 && week >= 1 && week <= weeks_in_year(week_year);
}

TextPattern TextPattern::compile(std::string_view source, std::string& error) {
  TextPattern out;
  out.source_ = std::string(source);
  std::string literal;
  auto flush = [&] {
    if (literal.empty()) return;
    out.parts_.push_back({PatternPartKind::Literal, literal});
    literal.clear();
  };
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if ((c == '{' || c == '}') && i + 1 < source.size() && source[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      error = "a '}' without its '{' (write '}}' for a literal brace)";
      return {};
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = source.find('}', i);
    if (close == std::string_view::npos) {
      error = "a '{' without its '}' (write '{{' for a literal brace)";
      return {};
    }
    const std::string_view name = source.substr(i + 1, close - i - 1);
    PatternPartKind kind = PatternPartKind::Text;
    if (name == "date" || name == "date:YYYY-MM-DD") {
      kind = PatternPartKind::Date;
    } else if (name == "date:YYYYMMDD") {
      kind = PatternPartKind::CompactDate;
    } else if (name == "week") {
      kind = PatternPartKind::Week;
    } else if (name == "n") {
      kind = PatternPartKind::Number;
    } else if (name == "text") {
      kind = PatternPartKind::Text;
    } else {
      error = fmt::format(
          "unknown part '{{{}}}': the parts are {{date}} (or {{date:YYYY-MM-DD}}), "
          "{{date:YYYYMMDD}}, {{week}}, {{n}} and {{text}}",
          name);
      return {};
    }
    if (!out.parts_.empty() && out.parts_.back().kind != PatternPartKind::Literal &&
        literal.empty() &&
        (out.parts_.back().kind == PatternPartKind::Text || kind == PatternPartKind::Text)) {
      error = "two parts side by side, one of them {text}: put literal text between them";
      return {};
    }
    flush();
    out.parts_.push_back({kind, {}});
    i = close;
  }
  flush();
  if (out.parts_.empty()) error = "the pattern is empty";
  return out;
}

bool TextPattern::match(std::string_view text, std::vector<std::string_view>* captures) const {
  if (captures != nullptr) captures->clear();
  std::size_t budget = kMatchBudget;
  return !parts_.empty() && match_from(parts_, 0, text, captures, budget);
}

std::string TextPattern::meaningless_part(const std::vector<std::string_view>& captures) const {
  std::size_t c = 0;
  for (const PatternPart& part : parts_) {
    if (part.kind == PatternPartKind::Literal) continue;
    if (c >= captures.size()) break;
    const std::string_view s = captures[c++];
    if (part.kind == PatternPartKind::Date || part.kind == PatternPartKind::CompactDate) {
      const bool dashed = part.kind == PatternPartKind::Date;
      const int year = to_int(s.substr(0, 4));
      const int month = to_int(s.substr(dashed ? 5 : 4, 2));
      const int day = to_int(s.substr(dashed ? 8 : 6, 2));
      if (!is_valid_date(year, month, day)) return fmt::format("date '{}' is not a date", s);
    } else if (part.kind == PatternPartKind::Week) {
      const int year = to_int(s.substr(0, 4));
      const int week = to_int(s.substr(6, 2));
      if (!is_valid_iso_week(year, week)) {
        return fmt::format("week '{}' is not an ISO week ({} has weeks 01 to {})", s, year,
                           year >= 1 ? weeks_in_year(year) : 52);
      }
    }
  }
  return {};
}

std::string TextPattern::fill(int year, int month, int day, std::int64_t number,
                              std::string_view text) const {
  std::string out;
  for (const PatternPart& part : parts_) {
    switch (part.kind) {
      case PatternPartKind::Literal:
        out += part.literal;
        break;
      case PatternPartKind::Date:
        out += fmt::format("{:04}-{:02}-{:02}", year, month, day);
        break;
      case PatternPartKind::CompactDate:
        out += fmt::format("{:04}{:02}{:02}", year, month, day);
        break;
      case PatternPartKind::Week: {
        int week_year = 0;
        int week = 0;
        iso_week_of(year, month, day, week_year, week);
        out += fmt::format("{:04}-W{:02}", week_year, week);
        break;
      }
      case PatternPartKind::Number:
        out += std::to_string(number);
        break;
      case PatternPartKind::Text:
        out += text;
        break;
    }
  }
  return out;
}

}  // namespace digestlint
