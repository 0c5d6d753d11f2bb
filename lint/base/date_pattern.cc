#include "base/date_pattern.h"

#include <fmt/format.h>

namespace digestlint {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool valid_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  return day <= kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
}

// The pattern matched at `at` of `s`: the date, or empty.
std::string match_at(std::string_view pattern, std::string_view s, std::size_t at) {
  std::string_view year;
  std::string_view month;
  std::string_view day;
  std::size_t i = at;
  for (std::size_t p = 0; p < pattern.size();) {
    std::string_view* field = nullptr;
    std::size_t width = 0;
    if (pattern.compare(p, 4, "YYYY") == 0) {
      field = &year;
      width = 4;
    } else if (pattern.compare(p, 2, "MM") == 0) {
      field = &month;
      width = 2;
    } else if (pattern.compare(p, 2, "DD") == 0) {
      field = &day;
      width = 2;
    }
    if (field != nullptr) {
      if (i + width > s.size()) return {};
      for (std::size_t k = 0; k < width; ++k) {
        if (!is_digit(s[i + k])) return {};
      }
      *field = s.substr(i, width);
      i += width;
      p += width;
      continue;
    }
    if (i >= s.size() || s[i] != pattern[p]) return {};
    ++i;
    ++p;
  }
  // "20240401" inside "120240401" is not a date: digits must not run on.
  auto is_field = [](char c) { return c == 'Y' || c == 'M' || c == 'D'; };
  if ((is_field(pattern.front()) && at > 0 && is_digit(s[at - 1])) ||
      (is_field(pattern.back()) && i < s.size() && is_digit(s[i]))) {
    return {};
  }
  if (!valid_date(number(year), number(month), number(day))) return {};
  return fmt::format("{}-{}-{}", year, month, day);
}

std::size_t count(std::string_view s, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

std::string date_pattern_error(std::string_view pattern) {
  if (pattern.empty()) return "it is empty";
  // Counted without overlaps in "YYYYY" or "MMM": each must stand once.
  const std::size_t years = count(pattern, "YYYY");
  const std::size_t months = count(pattern, "MM");
  const std::size_t days = count(pattern, "DD");
  if (years != 1 || months != 1 || days != 1 || count(pattern, "YYYYY") > 0 ||
      count(pattern, "MMM") > 0 || count(pattern, "DDD") > 0) {
    return fmt::format(
        "'{}' must hold YYYY, MM and DD once each (e.g. \"YYYYMMDD\", \"YYYY-MM-DD\", "
        "\"YYYY/MM/DD\")",
        pattern);
  }
  return {};
}

std::string date_from_path(std::string_view pattern, std::string_view path) {
  std::string_view s = path;
  if (pattern.find('/') == std::string_view::npos) {
    if (const std::size_t slash = s.rfind('/'); slash != std::string_view::npos)
      s.remove_prefix(slash + 1);
  }
  for (std::size_t at = 0; at < s.size(); ++at) {
    std::string date = match_at(pattern, s, at);
    if (!date.empty()) return date;
  }
  return {};
}

}  // namespace digestlint
