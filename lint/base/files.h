// Reading inputs and writing fixed files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace digestlint {

// Reads a whole file into `out` (reusing its capacity): the one way every
// digest, schema and config is read. On failure returns false with `error`
// saying what went wrong and what to do (its path: `path`; none for stdin).
bool read_file(const std::filesystem::path& path, std::string& out, Error& error);
bool read_stdin(std::string& out, Error& error);

// A file is itself; a directory yields its *.md files, recursively, sorted,
// skipping hidden directories (".git").
bool expand_path(const std::string& path, std::vector<std::filesystem::path>& out, Error& error);

// The path as users wrote it, without a leading "./".
std::string display_path(const std::filesystem::path& path);

// Replaces the file's content atomically: a temporary file next to it,
// flushed and given the original's permissions, renamed over it. On any
// failure the original is untouched and the temporary removed.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Error& error);

}  // namespace digestlint
