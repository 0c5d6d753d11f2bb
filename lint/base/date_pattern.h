// Where a digest's date is in its path: "YYYYMMDD" in the file name by
// default; `[iocs] date-pattern` in .digestlint.toml for other layouts
// ("YYYY-MM-DD", "YYYY/MM/DD"). Checked by the config, read by `digestlint iocs`.
#pragma once

#include <string>
#include <string_view>

namespace digestlint {

inline constexpr std::string_view kDefaultDatePattern = "YYYYMMDD";

// Empty when `pattern` holds YYYY, MM and DD once each; else what is wrong.
std::string date_pattern_error(std::string_view pattern);

// The first date `pattern` matches in `path` ('/'-separated), as
// "YYYY-MM-DD", or empty. A pattern without '/' is matched against the
// file name only, one with '/' against the whole path. The other
// characters of the pattern match themselves; an impossible date
// ("20241340") is no match.
std::string date_from_path(std::string_view pattern, std::string_view path);

}  // namespace digestlint
