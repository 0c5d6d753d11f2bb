// Keeps md4c 0.4.8 linear. Its inline parser is quadratic inside one block
// on a few inputs (measured on Debian's 0.4.8, see the benchmark notes):
// thousands of link brackets ("[[[...]]]" with a reference definition,
// "](\n[" repeated), thousands of "scheme://" autolink candidates, and
// reference definitions with very long destinations used many times.
// Real digests stay far below the limits (at most 158 brackets and 14 URLs
// per block in 765 files). Over a limit, the offending bytes are replaced
// in a private copy by bytes of the same length, so offsets stay valid and
// the original is still what every rule reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"

namespace digestlint {

struct DefuseLimits {
  std::size_t brackets_per_block = 1024;
  std::size_t autolinks_per_block = 512;
  std::size_t reference_definition_bytes = 1024;
};

// Returns true and fills `copy` when something had to be defused; `ranges`
// receives the blocks that were changed.
bool defuse(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
            const DefuseLimits& limits = {});

}  // namespace digestlint
