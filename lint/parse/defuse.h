// Keeps md4c 0.4.8, and the scanner that reads its events, linear. md4c's
// inline parser is super-linear inside one block on a few inputs, and the
// scanner walks the open containers at every event. Measured on Debian's
// 0.4.8 (bench/README.md, "Pathological inputs"):
// - link brackets: cost grows with their count ("](\n[" repeated) and their
//   nesting depth ("[[[...]]]" with any reference definition);
// - autolinks: "scheme://" and "www." candidates in one block, quadratic;
// - reference definitions: md4c re-reads a definition's destination and
//   title at every use, so bytes x uses;
// - container nesting ("> > > ..." or "- - - ..."): the scanner's cost per
//   event grows with the depth.
// Each limit keeps the worst case above about 10 MB/s (md4c alone does
// 200 MB/s on digests) and sits far above the 765 real digests (at most 158
// brackets, bracket depth 2, 10 URLs per block, no reference definitions,
// container depth 9).
//
// Over a limit, the offending bytes are replaced in a private copy by bytes
// of the same length (brackets, ':' of "://", '.' of "www.", ':' of a
// definition, container markers become ' ', ';' or ','), so offsets stay
// valid, line ends are untouched, and the original is still what every
// rule reads.
//
// Counting block by block costs a walk over every line's prefix; a first
// pass over the whole text (64 bytes at a time) proves for nearly every
// file that no block can reach a limit, and the walk is skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"

namespace digestlint {

struct DefuseLimits {
  // Per block (lines between blank lines: a superset of any md4c
  // paragraph, so a count never falls short).
  std::size_t brackets_per_block = 1024;  // '[' and ']'
  std::size_t bracket_depth = 32;         // '[' not yet closed by ']'
  std::size_t autolinks_per_block = 256;  // "://" and "www."
  // Containers a line can open or continue: its '>' and list markers, plus
  // one per two columns of leading whitespace (an upper bound on md4c's
  // nesting at that line; lazy lines continue a line of the same block).
  std::size_t container_depth = 64;
  // Per file: a reference definition costs its length at every use, and
  // every use needs a ']'. Definitions longer than
  // (base + per_byte x file size) / (number of ']') are defused.
  std::size_t definition_budget_base = 65536;
  std::size_t definition_budget_per_byte = 16;
};

// Returns true and fills `copy` when something had to be defused; `ranges`
// receives the blocks that were changed, in order.
bool defuse(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
            const DefuseLimits& limits = {});

// defuse()'s two passes, exposed so that tests can hold the first to what
// it claims. may_exceed_limits: one cheap pass over the whole text; false
// proves that defuse_blocks, the pass block by block, would change nothing.
// widest_vectors false: SSE2 (or plain bytes) even where the processor has
// AVX2, so that tests compare the two.
bool may_exceed_limits(std::string_view input, const DefuseLimits& limits = {},
                       bool widest_vectors = true);
bool defuse_blocks(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
                   const DefuseLimits& limits = {});

}  // namespace digestlint
