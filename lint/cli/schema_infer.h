// `digestlint schema infer FILES...`: a draft schema that every given
// report satisfies, written as TOML.
#pragma once

#include <string>
#include <vector>

namespace digestlint {

// Writes the draft for `files` to stdout; 0 on success, 2 when a file
// cannot be read or the reports have no title and sections in common.
int infer_schema(const std::vector<std::string>& files);

}  // namespace digestlint
