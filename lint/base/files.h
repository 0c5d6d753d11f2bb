// Reading inputs and writing fixed files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

// --max-file-size's default: hundreds of times a real digest, small
// enough that any file under it is linted in well under two seconds.
inline constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{4} << 20;

// Reads a whole file into `out` (reusing its capacity), a regular file
// with one read call. On failure returns false with a message saying what
// went wrong and what to do. A file larger than `max_size` is not read:
// the message names its size and --max-file-size.
bool read_file(const std::filesystem::path& path, std::string& out, std::string& error,
               std::uint64_t max_size = kDefaultMaxFileSize);
bool read_stdin(std::string& out, std::string& error, std::uint64_t max_size = kDefaultMaxFileSize);

// "16MiB", "16M", "512k", "1000000": a size in bytes (K, M, G are powers
// of 1024); nullopt when it is none.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
// "16 MiB", "1.5 KiB", "100 bytes".
std::string format_byte_size(std::uint64_t bytes);

// A file is itself; a directory yields its *.md files, recursively, sorted,
// skipping hidden directories (".git").
bool expand_path(const std::string& path, std::vector<std::filesystem::path>& out,
                 std::string& error);

// The path as users wrote it, without a leading "./".
std::string display_path(const std::filesystem::path& path);

// Replaces the file's content atomically: a temporary file next to it,
// flushed and given the original's permissions, renamed over it. On any
// failure the original is untouched and the temporary removed.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string& error);

}  // namespace digestlint
