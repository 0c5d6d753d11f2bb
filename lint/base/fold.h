// The two ways fold_loosely folds (digestlint/text.h), apart so that a
// test can hold the quick one to ICU's.
#pragma once

#include <string>
#include <string_view>

namespace digestlint {

// NFKC_Casefold by ICU.
std::string nfkc_casefold(std::string_view s);

// fold_loosely by ICU: any text.
std::string fold_loosely_by_icu(std::string_view s);

// fold_loosely of `s` (already trimmed of ASCII space) into `out` without
// ICU, when every code point of `s` is simple (below); false, with `out`
// unspecified, when any is not or a byte is ill-formed.
bool fold_loosely_simple(std::string_view s, std::string& out);

// Whether NFKC_Casefold maps `c` to itself (A-Z: to its lower case) and
// `c` never interacts with what precedes it (hasBoundaryBefore): then a
// text of such code points folds one code point at a time.
bool is_simple_fold_code_point(char32_t c);

}  // namespace digestlint
