// Writing TOML values into generated files (`digestlint --init`'s config,
// `schema infer`'s draft): strings quoted and escaped as the TOML reader
// reads them back. Light on purpose: no toml++ here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

// A basic string: "text", with '"', '\' and control characters escaped.
std::string toml_string(std::string_view s);
// An array of basic strings: ["a", "b"].
std::string toml_strings(const std::vector<std::string>& v);

}  // namespace digestlint
