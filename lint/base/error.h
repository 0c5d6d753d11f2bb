// Why a file could not be used: a schema, a config or a digest that cannot
// be read, or TOML that is malformed or says something wrong. The one
// error type of every loader and file helper: each fills one and returns
// nullptr or false; nothing throws past them.
#pragma once

#include <cstdint>
#include <string>

namespace digestlint {

struct Error {
  std::string path;        // the file at fault; empty when there is none
  std::uint32_t line = 0;  // 1-based; 0 when the whole file is at fault
  std::uint32_t column = 0;
  std::string message;  // what is wrong, without the location

  // "PATH:LINE:COL", "PATH" without a line, "" without a path.
  std::string location() const;
  // "PATH:LINE:COL: error: MESSAGE", "PATH: error: MESSAGE", or
  // "digestlint: error: MESSAGE" when no file is at fault.
  std::string to_string() const;
};

}  // namespace digestlint
