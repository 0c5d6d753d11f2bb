// .digestlint.toml: the configuration nearest to each linted file.
//
//   schema = "daily-security-info"   # a built-in name, or a TOML file relative to this one
//   include = ["reports/**/*.md"]     # which files are digests (default: every *.md)
//   exclude = ["drafts/", "README.md"]
//   [[schemas]]                       # these files against this schema
//   paths = ["archive/2023/**"]
//   schema = "daily-security-info-2023"
//   max-file-size = "8MiB"                          # larger files are reported, not read
//   [rules]
//   DL208 = "off"                                  # a severity, by code or name
//   trailing-whitespace = { allow-hard-break = false }
//   [iocs]
//   date-pattern = "YYYY-MM-DD"                    # where `digestlint iocs` finds a digest's date
//
// Every key is checked; an unknown key, rule or option is an Error with
// the file, line and column.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "digestlint/settings.h"

namespace digestlint {

inline constexpr std::string_view kConfigFileName = ".digestlint.toml";

// `[[schemas]]`: the files matching `paths` are checked against `schema`.
struct SchemaMapping {
  std::vector<std::string> paths;  // globs, relative to the config's directory
  std::string schema;              // a built-in name, "auto", or an absolute path
};

struct Config {
  std::filesystem::path file;       // absolute
  std::filesystem::path directory;  // absolute: globs and a schema path are relative to it
  std::string display;              // the file as shown to users
  std::string schema;               // a built-in name or an absolute path; empty: not set
  std::vector<std::string> include = {"**/*.md"};
  std::vector<std::string> exclude;
  std::vector<SchemaMapping> schemas;
  Settings settings;
  // max-file-size: larger files are not read; unset: the default
  // (base/files.h), and --max-file-size overrides it.
  std::optional<std::uint64_t> max_file_size;
  // [iocs] date-pattern: the digest's date in its path (base/date_pattern.h);
  // empty: the default, YYYYMMDD in the file name.
  std::string iocs_date_pattern;

  // The schema the file at `path` (absolute) is checked against: that of
  // the first [[schemas]] whose globs match it, else `schema` (empty: not
  // set, so chosen automatically from the file).
  const std::string& schema_for(const std::filesystem::path& path) const;

  // Whether the file at `path` (absolute) is one of this config's digests:
  // matched by an include glob and by no exclude glob.
  bool selects(const std::filesystem::path& path) const;
};

// The size over which a file is reported and not read: `given`
// (--max-file-size; 0: not given), else the config's max-file-size, else
// the default (base/files.h).
std::uint64_t max_file_size_for(std::uint64_t given, const Config* config);

// Reads a config file. `display` is its path as shown in errors.
std::shared_ptr<const Config> load_config(const std::filesystem::path& file,
                                          const std::string& display, Error& error);
std::shared_ptr<const Config> parse_config(std::string_view text, const std::filesystem::path& file,
                                           const std::string& display, Error& error);

// Finds the nearest .digestlint.toml walking up from a file's directory to
// the root. Caches per directory, so each config is read once; not
// thread-safe (the CLI resolves every input before linting).
class ConfigFinder {
 public:
  struct Result {
    std::shared_ptr<const Config> config;  // nullptr: none found, or broken
    const Error* error = nullptr;          // set when the nearest config is broken
  };
  Result find_for(const std::filesystem::path& file);

 private:
  struct Entry {
    std::shared_ptr<const Config> config;
    std::shared_ptr<Error> error;
  };
  const Entry& lookup(const std::filesystem::path& directory);
  std::map<std::filesystem::path, Entry> cache_;
  // The directory part of the last file asked about, as given, and what
  // was found for it: a walk asks about every file of one directory in a
  // row, and making each path absolute (getcwd) and normal cost the most.
  std::string last_directory_;
  std::optional<Result> last_;
};

// Glob matching on '/'-separated relative paths: '*' and '?' within one
// segment, "[a-z]" / "[!a-z]" classes, "**" as a whole segment for any
// number of segments, '\' escaping the next character. A pattern without
// '/' matches a file name at any depth; a leading '/' anchors it to the
// config's directory; a trailing '/' matches a directory. A pattern
// matching a directory matches everything below it.
bool glob_match(std::string_view pattern, std::string_view path);
// Empty when `pattern` is well formed, else what is wrong with it.
std::string glob_error(std::string_view pattern);

// The commented starter config written by --init; every rule is listed
// with its default severity and options, commented out.
std::string starter_config();

}  // namespace digestlint

namespace digestlint {

// Which schema checks a file, as every entry point decides it (the command
// line, `digestlint iocs`, the language server): `given` (--schema), else
// the config's [[schemas]] or `schema` for `path`, else the built-in schema
// that claims `bytes` (config/schema_select.h). `schema` is empty when no
// schema claims the file: it is not a digest.
struct SchemaChoice {
  std::string schema;  // a built-in name or a schema file's path
  std::string why;     // "--schema", "named by CONFIG", "claimed by its title", ...
};
SchemaChoice choose_schema(std::string_view given, const Config* config,
                           const std::filesystem::path& path, std::string_view bytes);

}  // namespace digestlint
