// Loading schemas: the built-in ones (parsed once per process and shared),
// a user's TOML file, and `--schema auto`'s choice among the built-ins.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "digestlint/schema.h"

namespace digestlint {

// Names of the schemas compiled into the binary, default first.
std::vector<std::string_view> builtin_schema_names();

// `--schema auto`: the built-in schema a digest is written in, from its
// title (the first H1): the one whose [title] text it is, else the
// default. Legacy digests ("# 日々のニュース要約") get the legacy schema.
inline constexpr std::string_view kAutoSchema = "auto";
std::string_view resolve_schema_for(std::string_view text);

// `name_or_path` is a built-in name or a path to a TOML file. A built-in
// schema is parsed once per process and shared. Returns nullptr and fills
// `error` when it cannot be loaded.
std::shared_ptr<const Schema> load_schema(std::string_view name_or_path, Error& error);
// Where the warnings of a schema file that loads go (its deprecated
// spellings, Schema::deprecations): load_schema passes each line to
// `report`, once per file per process. The command line prints them on
// stderr; unset, they are dropped.
void set_schema_warning_handler(void (*report)(const std::string& line));
// `origin` names the text in errors and in Schema::origin.
std::shared_ptr<const Schema> parse_schema(std::string_view toml_text, std::string_view origin,
                                           Error& error);

}  // namespace digestlint
