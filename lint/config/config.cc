#include "config/config.h"

#include <fmt/format.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <system_error>

#include "base/date_pattern.h"
#include "base/files.h"
#include "config/schema_loader.h"
#include "config/schema_select.h"
#include "config/toml_reader.h"
#include "config/toml_writer.h"
#include "digestlint/rule.h"
#include "engine/registry.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

bool is_builtin_schema(std::string_view name) {
  for (std::string_view b : builtin_schema_names()) {
    if (b == name) return true;
  }
  return false;
}

std::vector<std::string> read_globs(const TomlReader& r, const toml::table& root,
                                    std::string_view key, std::vector<std::string> fallback) {
  const toml::array* a = r.array(root, key);
  if (a == nullptr) return fallback;
  std::vector<std::string> out;
  for (const toml::node& item : *a) {
    if (!item.is_string()) r.fail(item, fmt::format("'{}' must hold only strings (globs)", key));
    std::string glob(item.as_string()->get());
    const std::string problem = glob_error(glob);
    if (!problem.empty())
      r.fail(item, fmt::format("bad glob \"{}\" in '{}': {}", glob, key, problem));
    out.push_back(std::move(glob));
  }
  return out;
}

// --- Globs ---------------------------------------------------------------

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  auto at = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_NEXT(p, at, n, c);
  if (c < 0) {  // an invalid byte matches only itself
    c = 0xDC00 + p[i];
    at = static_cast<std::int32_t>(i) + 1;
  }
  i = static_cast<std::size_t>(at);
  return static_cast<char32_t>(c);
}

// Where the class starting at p[open] == '[' ends (the index of its ']'),
// or npos when it is not closed.
std::size_t class_end(std::string_view p, std::size_t open) {
  std::size_t i = open + 1;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) ++i;
  if (i < p.size() && p[i] == ']') ++i;  // "[]a]": a leading ']' is literal
  for (; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == ']') {
      return i;
    }
  }
  return std::string_view::npos;
}

bool in_class(std::string_view body, char32_t c) {
  std::size_t i = 0;
  bool negate = false;
  if (i < body.size() && (body[i] == '!' || body[i] == '^')) {
    negate = true;
    ++i;
  }
  bool found = false;
  while (i < body.size()) {
    if (body[i] == '\\' && i + 1 < body.size()) ++i;
    const char32_t lo = next_code_point(body, i);
    char32_t hi = lo;
    if (i + 1 < body.size() && body[i] == '-') {  // a range; a '-' last is itself
      std::size_t j = i + 1;
      if (body[j] == '\\' && j + 1 < body.size()) ++j;
      hi = next_code_point(body, j);
      i = j;
    }
    if (lo <= c && c <= hi) found = true;
  }
  return found != negate;
}

// One path segment against one pattern segment ('*', '?', classes).
bool match_segment(std::string_view p, std::string_view s) {
  std::size_t pi = 0;
  std::size_t si = 0;
  std::size_t star_p = std::string_view::npos;
  std::size_t star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star_p = ++pi;
      star_s = si;
      continue;
    }
    if (pi < p.size()) {
      std::size_t sn = si;
      const char32_t sc = next_code_point(s, sn);
      bool ok = false;
      std::size_t pn = pi;
      if (p[pi] == '?') {
        ok = true;
        ++pn;
      } else if (p[pi] == '[' && class_end(p, pi) != std::string_view::npos) {
        const std::size_t close = class_end(p, pi);
        ok = in_class(p.substr(pi + 1, close - pi - 1), sc);
        pn = close + 1;
      } else {
        if (p[pn] == '\\' && pn + 1 < p.size()) ++pn;
        ok = next_code_point(p, pn) == sc;
      }
      if (ok) {
        pi = pn;
        si = sn;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    // Let the last '*' take one more character.
    pi = star_p;
    next_code_point(s, star_s);
    si = star_s;
  }
  while (pi < p.size() && p[pi] == '*')
    ++pi;
  return pi == p.size();
}

std::vector<std::string_view> split_segments(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '/') {
      // "a//b" and "./a" are "a/b" and "a"
      const std::string_view seg = s.substr(start, i - start);
      if (!seg.empty() && seg != ".") out.push_back(seg);
      start = i + 1;
    }
  }
  return out;
}

// Segments of a pattern against the first `n` segments of a path, "**"
// spanning any number of them. `failed` memoises (pattern, path) positions
// known not to match, keeping "**/**/**" linear.
bool match_segments(const std::vector<std::string_view>& p, std::size_t pi,
                    const std::vector<std::string_view>& s, std::size_t si, std::size_t n,
                    std::vector<bool>& failed) {
  const std::size_t key = pi * (n + 1) + si;
  if (failed[key]) return false;
  bool ok = false;
  if (pi == p.size()) {
    ok = si == n;
  } else if (p[pi] == "**") {
    for (std::size_t k = si; k <= n && !ok; ++k)
      ok = match_segments(p, pi + 1, s, k, n, failed);
  } else {
    ok = si < n && match_segment(p[pi], s[si]) && match_segments(p, pi + 1, s, si + 1, n, failed);
  }
  if (!ok) failed[key] = true;
  return ok;
}

std::string toml_value(const OptionValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return toml_string(x);
        } else {
          return toml_strings(x);
        }
      },
      v);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  bool directory_only = false;
  while (pattern.size() > 1 && pattern.back() == '/') {
    pattern.remove_suffix(1);
    directory_only = true;
  }
  const bool anchored = pattern.find('/') != std::string_view::npos;
  std::vector<std::string_view> p = split_segments(pattern);
  if (!anchored) p.insert(p.begin(), "**");
  const std::vector<std::string_view> s = split_segments(path);
  std::vector<bool> failed;
  // The path itself, then each directory above it.
  for (std::size_t n = directory_only ? s.size() - std::min<std::size_t>(1, s.size()) : s.size();
       n > 0; --n) {
    failed.assign((p.size() + 1) * (n + 1), false);
    if (match_segments(p, 0, s, 0, n, failed)) return true;
  }
  return false;
}

std::string glob_error(std::string_view pattern) {
  if (pattern.empty()) return "it is empty";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      if (i + 1 == pattern.size()) return "it ends with a lone '\\'";
      ++i;
    } else if (pattern[i] == '[') {
      const std::size_t close = class_end(pattern, i);
      if (close == std::string_view::npos) return fmt::format("'[' at {} is not closed", i + 1);
      if (pattern.substr(i, close - i).find('/') != std::string_view::npos) {
        return "a [...] class cannot hold '/'";
      }
      i = close;
    }
  }
  return {};
}

bool Config::selects(const fs::path& path) const {
  const std::string relative =
      path.lexically_normal().lexically_relative(directory).generic_string();
  bool included = false;
  for (const std::string& g : include)
    included = included || glob_match(g, relative);
  if (!included) return false;
  for (const std::string& g : exclude) {
    if (glob_match(g, relative)) return false;
  }
  return true;
}

const std::string& Config::schema_for(const fs::path& path) const {
  if (schemas.empty()) return schema;
  const std::string relative =
      path.lexically_normal().lexically_relative(directory).generic_string();
  for (const SchemaMapping& m : schemas) {
    for (const std::string& g : m.paths) {
      if (glob_match(g, relative)) return m.schema;
    }
  }
  return schema;
}

std::shared_ptr<const Config> parse_config(std::string_view text, const fs::path& file,
                                           const std::string& display, Error& error) {
  const TomlReader r(display);
  auto config = std::make_shared<Config>();
  const bool ok = r.read(text, error, [&](const toml::table& root) {
    r.check_keys(root,
                 {"schema", "include", "exclude", "schemas", "max-file-size", "rules", "iocs"},
                 "the config");
    config->file = file;
    config->directory = file.parent_path();
    config->display = display;
    // A built-in name or "auto" as is; a file relative to the config,
    // shown relative to where the user is.
    auto schema_name = [&](const toml::table& table) -> std::string {
      const std::string schema = r.string(table, "schema", "");
      if (schema.empty() || is_builtin_schema(schema) || schema == "auto") return schema;
      const fs::path shown = fs::path(schema).is_absolute()
                                 ? fs::path(schema)
                                 : (fs::path(display).parent_path() / schema).lexically_normal();
      std::error_code ec;
      if (!fs::is_regular_file(shown, ec)) {
        std::string names;
        for (std::string_view b : builtin_schema_names())
          names += fmt::format("{}{}", names.empty() ? "" : ", ", b);
        r.fail(*table.get("schema"),
               fmt::format("schema \"{}\" is neither a built-in schema ({}) nor a file ({} "
                           "does not exist)",
                           schema, names, shown.string()));
      }
      return shown.string();
    };
    config->schema = schema_name(root);
    config->include = read_globs(r, root, "include", config->include);
    config->exclude = read_globs(r, root, "exclude", {});
    if (const toml::array* mappings = r.array(root, "schemas")) {
      for (const toml::node& item : *mappings) {
        if (!item.is_table()) r.fail(item, "'schemas' must hold tables: [[schemas]]");
        const toml::table& table = *item.as_table();
        r.check_keys(table, {"paths", "schema"}, "a [[schemas]] table");
        SchemaMapping mapping;
        mapping.paths = read_globs(r, table, "paths", {});
        if (mapping.paths.empty()) r.fail(item, "a [[schemas]] table needs 'paths' (globs)");
        mapping.schema = schema_name(table);
        if (mapping.schema.empty()) r.fail(item, "a [[schemas]] table needs 'schema'");
        config->schemas.push_back(std::move(mapping));
      }
    }
    if (const toml::node* size = root.get("max-file-size")) {
      // A string with a unit ("8MiB") or a number of bytes, as --max-file-size.
      std::optional<std::uint64_t> bytes;
      if (const auto* written = size->as_string()) {
        bytes = parse_byte_size(written->get());
      } else if (const auto* number = size->as_integer(); number != nullptr && number->get() > 0) {
        bytes = static_cast<std::uint64_t>(number->get());
      }
      if (!bytes || *bytes == 0) {
        r.fail(*size, "'max-file-size' must be a size: \"8MiB\", \"512K\" or a number of bytes");
      }
      config->max_file_size = *bytes;
    }
    if (const toml::table* rules = r.table(root, "rules"))
      r.rule_settings(*rules, config->settings);
    if (const toml::table* iocs = r.table(root, "iocs")) {
      r.check_keys(*iocs, {"date-pattern"}, "[iocs]");
      if (const toml::node* pattern = iocs->get("date-pattern")) {
        config->iocs_date_pattern = r.string(*iocs, "date-pattern", "");
        if (const std::string why = date_pattern_error(config->iocs_date_pattern); !why.empty())
          r.fail(*pattern, fmt::format("bad [iocs] date-pattern: {}", why));
      }
    }
  });
  if (!ok) return nullptr;
  return config;
}

std::uint64_t max_file_size_for(std::uint64_t given, const Config* config) {
  if (given > 0) return given;
  if (config != nullptr && config->max_file_size) return *config->max_file_size;
  return kDefaultMaxFileSize;
}

std::shared_ptr<const Config> load_config(const fs::path& file, const std::string& display,
                                          Error& error) {
  std::string text;
  if (!read_file(file, text, error)) {
    error = Error{display, 0, 0, "cannot read the config file"};
    return nullptr;
  }
  return parse_config(text, fs::absolute(file).lexically_normal(), display, error);
}

ConfigFinder::Result ConfigFinder::find_for(const fs::path& file) {
  // Only for a plain file name: "d/.." names another directory than "d/x.md".
  const fs::path name = file.filename();
  const bool plain_name = !name.empty() && name != "." && name != "..";
  const std::string_view directory =
      plain_name
          ? std::string_view(file.native()).substr(0, file.native().size() - name.native().size())
          : std::string_view();
  if (plain_name && last_ && directory == last_directory_) return *last_;
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  if (ec) return {};
  const Entry& e = lookup(absolute.lexically_normal().parent_path());
  const Result found{e.config, e.error.get()};
  if (plain_name) {
    last_directory_.assign(directory);
    last_ = found;
  }
  return found;
}

const ConfigFinder::Entry& ConfigFinder::lookup(const fs::path& directory) {
  if (auto it = cache_.find(directory); it != cache_.end()) return it->second;
  Entry entry;
  const fs::path candidate = directory / kConfigFileName;
  std::error_code ec;
  if (fs::is_regular_file(candidate, ec)) {
    // Shown relative to the working directory when below it.
    const fs::path cwd = fs::current_path(ec);
    const fs::path relative = candidate.lexically_relative(cwd);
    const std::string display = !ec && !relative.empty() && *relative.begin() != ".."
                                    ? relative.string()
                                    : candidate.string();
    auto error = std::make_shared<Error>();
    entry.config = load_config(candidate, display, *error);
    if (!entry.config) entry.error = std::move(error);
  } else if (directory.has_parent_path() && directory.parent_path() != directory) {
    entry = lookup(directory.parent_path());
  }
  return cache_.emplace(directory, std::move(entry)).first->second;
}

std::string starter_config() {
  std::string out = R"toml(# digestlint configuration.
#
# digestlint uses the .digestlint.toml nearest to each linted file (looking
# in its directory, then upwards); --config PATH picks one for every file,
# --no-config ignores them. Paths and globs are relative to this file's
# directory. Every key is checked: a misspelt key, rule or option is an
# error with its line and column.

# The schema digests are checked against: a built-in schema name or a TOML
# file (start one from `digestlint --print-schema`).
)toml";
  out += fmt::format("# schema = {}\n", toml_string(builtin_schema_names().front()));
  out += R"toml(
# Which files are digests: globs with *, ?, [a-z] and ** (any number of
# directories). A glob without '/' matches a file name in any directory; a
# trailing '/' matches a directory and everything in it. Directories given
# on the command line expand to their *.md files; files named on the
# command line are linted whatever these say, unless --force-exclude is
# given (as the pre-commit hook does).
# include = ["**/*.md"]
# exclude = ["drafts/", "README.md"]

# Which schema checks which files, first match wins; files no table names
# get `schema` above, or, when it is not set, the schema that claims them
# by their title or section headings (files no schema claims are skipped).
# Also written as [[schemas]] tables with the keys paths and schema.
# schemas = [{ paths = ["archive/2023/**"], schema = "daily-security-info-2023" }]

# Larger files are reported as errors and not read (the command line's
# --max-file-size wins): a size with a unit, "512K", "8MiB", or bytes.
# max-file-size = "4MiB"

# Where `digestlint iocs` finds a digest's date, when its file name holds no
# YYYYMMDD: YYYY, MM and DD once each, other characters as written; a pattern
# with '/' is matched against the whole path, else against the file name.
# iocs.date-pattern = "YYYY/MM/DD"

# Severities ("error", "warning", "info" or "off") and options per rule, by
# code or name. Each line below shows a rule's default: uncomment to change it.
# `digestlint --explain CODE` says what a rule checks.
[rules]
)toml";
  for (const RuleInfo* r : all_rules()) {
    std::string value = toml_string(to_string(r->default_severity));
    if (!r->options.empty()) {
      value = fmt::format("{{ severity = {}", value);
      for (const OptionSpec& o : r->options)
        value += fmt::format(", {} = {}", o.name, toml_value(o.default_value));
      value += " }";
    }
    out += fmt::format("# {} = {}  # {}: {}\n", r->code, value, r->name, r->summary);
  }
  return out;
}

}  // namespace digestlint

namespace digestlint {

SchemaChoice choose_schema(std::string_view given, const Config* config,
                           const std::filesystem::path& path, std::string_view bytes) {
  SchemaChoice choice{std::string(given), "--schema"};
  if (choice.schema.empty() && config != nullptr) {
    std::error_code ec;
    choice.schema = config->schema_for(std::filesystem::absolute(path, ec));
    choice.why = fmt::format("named by {}", config->display);
  }
  if (!choice.schema.empty() && choice.schema != kAutoSchema) return choice;
  choice = {};
  if (const auto claim = claim_schema(bytes)) {
    choice.schema = std::string(claim->schema);
    choice.why = fmt::format("claimed by {}", to_string(claim->basis));
  }
  return choice;
}

}  // namespace digestlint
