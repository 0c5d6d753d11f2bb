// Small text helpers shared by rules: folding for "is this the same word",
// similarity for "did you mean", trimming. All take and return UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "digestlint/diagnostic.h"

namespace digestlint {

// Spaces and tabs (not U+3000, which is text in Japanese).
std::string_view trim_ascii_space(std::string_view s);

// NFKC with case folding, then each run of one repeated character kept
// once: "Ｎ／Ａ" -> "n/a", "XXXXX" -> "x", "---" -> "-". For comparing
// short markers written loosely; never applied to a document.
std::string fold_loosely(std::string_view s);

// NFKC with case folding and all white space removed: "Security  Report"
// and "securityreport" fold alike.
std::string fold_for_match(std::string_view s);

// Levenshtein distance in code points (invalid bytes count one each).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Number of code points (invalid bytes count one each).
std::size_t code_point_count(std::string_view s);

// Whether `candidate` is a near miss of `target`: equal when folded, or at
// most `max(1, len/4)` edits apart in code points (at most 3).
bool is_near_miss(std::string_view candidate, std::string_view target);
// The same on strings already passed through fold_for_match (fold each once
// when comparing one against many).
bool is_near_miss_folded(std::string_view candidate, std::string_view target);

// Whether `phrase` occurs in `text` as a whole token: where the phrase
// starts or ends with an ASCII letter, digit or '_', the byte beyond that
// edge is none of those ("xxxxx" is not in "dev_xxxxxx"). A phrase that is
// one character repeated may run longer ("xxxxxxx" holds "xxxxx").
// Edges in other scripts (Japanese has no spaces between words) need no
// boundary.
bool contains_as_token(std::string_view text, std::string_view phrase);
// The same for one occurrence at `at` (text.substr(at) starts with phrase).
bool is_token_at(std::string_view text, std::size_t at, std::string_view phrase);

// Whether every byte of `s` is visible ASCII ('!' to '~'): no space,
// control, DEL or byte of a multi-byte character. Eight bytes a step.
bool all_visible_ascii(std::string_view s);

// The line ending a fix should write: the file's first one, else LF.
std::string_view preferred_eol(std::string_view text);

// Text echoed in a message: control and invisible characters made visible
// as <U+XXXX>, long text shortened with "…".
std::string quote_for_message(std::string_view s, std::size_t max_code_points = 60);

}  // namespace digestlint
