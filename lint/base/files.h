// Reading inputs and writing fixed files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace digestlint {

// --max-file-size's default: hundreds of times a real digest, small
// enough that any file under it is linted in well under two seconds.
inline constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{4} << 20;

// Reads a whole file into `out` (reusing its capacity), a regular file
// with one read call. On failure returns false with a message saying what
// went wrong and what to do. A file larger than `max_size` is not read:
// the message names its size and --max-file-size.
bool read_file(const std::filesystem::path& path, std::string& out, Error& error,
               std::uint64_t max_size = kDefaultMaxFileSize);
bool read_stdin(std::string& out, Error& error, std::uint64_t max_size = kDefaultMaxFileSize);

// "16MiB", "16M", "512k", "1000000": a size in bytes (K, M, G are powers
// of 1024); nullopt when it is none.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
// "16 MiB", "1.5 KiB", "100 bytes".
std::string format_byte_size(std::uint64_t bytes);

// Empty when `bytes` is text digestlint can lint, else why it is not (the
// message of the one error a binary file gets instead of a finding per
// garbage byte). Not text: in the first 64 KiB, at least 8 bytes and 10%
// of all are NUL, other control characters (tab, line ends, form feed and
// escape excepted) or bytes of ill-formed UTF-8. Images, archives and
// UTF-16 or Shift_JIS text are far above (UTF-16 is half NULs); a digest
// with a few stray NULs or damaged characters stays text, and
// invisible-character and invalid-utf8 report each one.
std::string not_text_reason(std::string_view bytes);

// not_text_reason's answer and, from the same pass, whether every byte of
// the file is well-formed UTF-8 (false when unsure: whoever needs the
// ill-formed bytes then looks for them).
struct TextVerdict {
  std::string not_text;
  bool well_formed = false;
};
// `widest_vectors`: false keeps to 16-byte steps where the processor has
// wider ones (tests compare both).
TextVerdict check_text(std::string_view bytes, bool widest_vectors = true);

// How a directory is walked for digests.
struct WalkOptions {
  // Skip what .gitignore files, .git/info/exclude and core.excludesFile of
  // the enclosing git repository ignore, as git does (libgit2).
  bool respect_gitignore = true;
};

struct SkippedEntry {
  std::string path;  // as shown to users
  std::string why;   // "a FIFO, not a regular file"
};

// What a walk found besides the files.
struct WalkNotes {
  // Entries that are neither regular files nor directories (FIFOs,
  // sockets, devices) and would be linted by name: skipped, each with why.
  std::vector<SkippedEntry> skipped;
  std::size_t ignored = 0;  // files and directories .gitignore ruled out
};

// A file is itself (whatever it is: "<(cat x.md)" is a pipe); a directory
// yields its *.md files, recursively, sorted, skipping hidden directories
// (".git") and, by default, what git ignores: each directory is asked
// before it is entered, so an ignored tree (node_modules/) is never read.
bool expand_path(const std::string& path, const WalkOptions& options,
                 std::vector<std::filesystem::path>& out, WalkNotes& notes, Error& error);

// A file expand_path found, as strings (a std::filesystem::path keeps a
// list of its components, built again at each copy and compare).
struct FoundFile {
  std::string path;     // as it is opened: the walked directory's path, then the file's below it
  std::string display;  // display_path(path)
};
// The same walk, the same files in the same order.
bool expand_path(const std::string& path, const WalkOptions& options, std::vector<FoundFile>& out,
                 WalkNotes& notes, Error& error);

// The path as users wrote it, without a leading "./".
std::string display_path(const std::filesystem::path& path);

// Replaces the file's content atomically: a temporary file next to it,
// flushed and given the original's permissions, renamed over it. On any
// failure the original is untouched and the temporary removed.
bool write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Error& error);

}  // namespace digestlint
