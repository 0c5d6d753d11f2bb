// Diagnostics: what a rule reports. Positions are byte offsets into the
// linted buffer; lines and columns are derived only when output is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

// Byte offset into a linted buffer. Files are limited to 2 GiB (see
// kMaxFileSize) so 32 bits suffice and keep the per-line tables small.
using Offset = std::uint32_t;

inline constexpr std::uint64_t kMaxFileSize = 0x7fffffffu;

// A half-open byte range [begin, end). An empty range marks an insertion
// point (for example where a missing section belongs).
struct ByteRange {
  Offset begin = 0;
  Offset end = 0;

  constexpr Offset size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  friend constexpr bool operator==(const ByteRange&, const ByteRange&) = default;
};

enum class Severity : std::uint8_t { Off, Info, Warning, Error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

// One replacement of a byte range. Insertions have an empty range,
// deletions an empty replacement.
struct Edit {
  ByteRange range;
  std::string replacement;
};

// Safe fixes keep the author's meaning and are applied by --fix; unsafe ones
// (for example inserting a missing section) need --unsafe-fixes, as in ruff.
enum class Applicability : std::uint8_t { Safe, Unsafe };

struct Fix {
  std::string title;  // what applying it does, e.g. "replace 'なし' with 'N/A'"
  std::vector<Edit> edits;
  Applicability applicability = Applicability::Safe;
};

// A secondary location that explains a diagnostic, e.g. the first
// occurrence of a duplicated article URL.
struct Note {
  ByteRange range;
  std::string message;
};

struct RuleInfo;

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::Error;
  ByteRange range;
  std::string message;
  std::vector<Note> notes;
  std::optional<Fix> fix;
};

}  // namespace digestlint
