// Fixtures: Markdown files under fixtures/ that carry their own expected
// findings, in a trailing HTML comment (which renders as nothing and which
// digestlint treats as no content):
//
//   <!-- digestlint-fixture
//   schema: daily-security-info        (optional; default: the default schema;
//                                       a NAME.toml path is relative to the fixture)
//   unsafe-fixes: true                 (optional: the .fixed.md applies them too)
//   rules:                             (optional: [rules] settings, TOML)
//     trailing-whitespace = { allow-hard-break = false }
//   expect:
//     10:1 DL201                       (line[:column] and rule code or name)
//     12 trailing-whitespace
//   -->
//
// The runner fails on any missing or extra (rule, line[, column]). When some
// expected finding carries a fix, `<name>.fixed.md` holds the text --fix
// produces, and the fixed text must have nothing fixable left.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "digestlint/settings.h"

namespace digestlint::testing {

struct Expectation {
  std::uint32_t line = 0;
  std::optional<std::uint32_t> column;  // 1-based, UTF-16
  std::string rule;                     // code, resolved from a name if needed
};

struct Fixture {
  std::string schema;  // empty: the default
  bool unsafe_fixes = false;
  Settings settings;
  std::vector<Expectation> expectations;
};

// Parses the fixture block of `text`; returns nullopt with `error` set when
// there is none or it is malformed.
std::optional<Fixture> parse_fixture(const std::string& text, const std::string& origin,
                                     std::string& error);

}  // namespace digestlint::testing
