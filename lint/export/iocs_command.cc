// `digestlint iocs`: each digest is read, modelled and written out before
// the next is read, so memory stays at one digest (plus the --dedupe set).
#include "export/iocs_command.h"
#include "config/schema_loader.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "base/date_pattern.h"
#include "base/files.h"
#include "config/config.h"
#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "export/ioc_record.h"
#include "export/writers.h"
#include "parse/scanner.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFailure = 2;

struct IocsOptions {
  std::vector<std::string> paths;
  std::string format = "csv";
  std::string output_file;
  std::string schema;
  std::string config;
  bool no_config = false;
  bool dedupe = false;
  std::string max_file_size;  // as given; empty: the config's, else the default
};

struct Input {
  std::string display;
  fs::path path;
  const Config* config = nullptr;
};

// Schemas by name, loaded once each.
class Schemas {
 public:
  const Schema* get(const std::string& name, Error& error) {
    if (auto it = loaded_.find(name); it != loaded_.end()) return it->second.get();
    std::shared_ptr<const Schema> s = load_schema(name, error);
    if (!s) return nullptr;
    return loaded_.emplace(name, std::move(s)).first->second.get();
  }

 private:
  std::map<std::string, std::shared_ptr<const Schema>> loaded_;
};

}  // namespace

int run_iocs(int argc, char** argv) {
  IocsOptions o;
  CLI::App app{"digestlint iocs: export the IOC entries of digests as CSV, JSON Lines or STIX 2.1",
               "digestlint iocs"};
  app.footer(R"(Each entry that passes the IOC grammar becomes one indicator: typed, refanged,
with its digest's date (from a YYYYMMDD file name, or [iocs] date-pattern in
.digestlint.toml), its article's title and URL, and its path and line. An
entry repeated within one digest is written once; --dedupe also drops one
written for an earlier digest. Skipped entries are counted on stderr.

Examples:
  digestlint iocs reports/ > iocs.csv
  digestlint iocs --format stix --dedupe --output-file bundle.json reports/)");
  app.add_option("paths", o.paths, "Digest files or directories (*.md, recursively)")->required();
  app.add_option("--format", o.format, "csv, jsonl or stix")
      ->check(CLI::IsMember({"csv", "jsonl", "stix"}))
      ->capture_default_str();
  app.add_option("--output-file", o.output_file, "Write here instead of standard output");
  app.add_flag("--dedupe", o.dedupe, "Write each indicator once over all digests");
  app.add_option("--schema", o.schema,
                 "Built-in schema name, TOML file, or 'auto' (default: the config's, else auto)");
  auto* config_option =
      app.add_option("--config", o.config, "Use this config file for every input");
  app.add_flag("--no-config", o.no_config, "Ignore .digestlint.toml files")
      ->excludes(config_option);
  app.add_option("--max-file-size", o.max_file_size,
                 fmt::format("Larger files are reported, not read (e.g. 16MiB; default: the "
                             "config's max-file-size, else {})",
                             format_byte_size(kDefaultMaxFileSize)));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitFailure;
  }
  std::uint64_t max_file_bytes = 0;
  if (!o.max_file_size.empty()) {
    const auto bytes = parse_byte_size(o.max_file_size);
    if (!bytes || *bytes == 0) {
      std::cerr << fmt::format(
          "digestlint iocs: error: --max-file-size '{}' is not a size (e.g. 16MiB, 512K, "
          "1000000)\n",
          o.max_file_size);
      return kExitFailure;
    }
    max_file_bytes = *bytes;
  }
  const IocFormat format = *parse_ioc_format(o.format);
  // A schema named on the command line must load before anything is read.
  Schemas schemas;
  if (!o.schema.empty() && o.schema != kAutoSchema) {
    Error error;
    if (schemas.get(o.schema, error) == nullptr) {
      std::cerr << error.to_string() << '\n';
      return kExitFailure;
    }
  }

  ConfigFinder finder;
  std::shared_ptr<const Config> forced;
  if (!o.config.empty()) {
    Error config_error;
    forced = load_config(o.config, display_path(o.config), config_error);
    if (!forced) {
      std::cerr << config_error.to_string() << '\n';
      return kExitFailure;
    }
  }
  int status = kExitClean;
  // Messages in the shapes the problem matchers read (base/error.h).
  auto fail = [&status](std::string_view message) {
    std::cerr << message << '\n';
    status = kExitFailure;
  };

  std::vector<Input> inputs;
  std::set<const Error*> broken;
  for (const std::string& p : o.paths) {
    std::vector<fs::path> found;
    WalkNotes notes;  // a walk's FIFOs and ignored files are nothing to export
    Error error;
    if (!expand_path(p, WalkOptions{}, found, notes, error)) {
      fail(error.to_string());
      continue;
    }
    for (const fs::path& f : found) {
      const Config* config = forced.get();
      if (!forced && !o.no_config) {
        const ConfigFinder::Result r = finder.find_for(f);
        if (r.error != nullptr) {
          if (broken.insert(r.error).second) fail(r.error->to_string());
          continue;
        }
        config = r.config.get();
      }
      std::error_code ec;
      if (config != nullptr && !config->selects(fs::absolute(f, ec))) continue;
      inputs.push_back(Input{display_path(f), f, config});
    }
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.display < b.display; });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Input& a, const Input& b) { return a.display == b.display; }),
               inputs.end());

  std::ofstream file;
  if (!o.output_file.empty()) {
    file.open(o.output_file, std::ios::binary | std::ios::trunc);
    if (!file) {
      fail(fmt::format("digestlint: error: cannot write {}", o.output_file));
      return kExitFailure;
    }
  }
  std::ostream& out = o.output_file.empty() ? std::cout : file;
  WriterOptions writer_options;
  writer_options.dedupe = o.dedupe;
  for (const Input& in : inputs)
    writer_options.bundle_seed += in.display + '\n';
  std::unique_ptr<IocWriter> writer = make_ioc_writer(format, out, writer_options);

  std::string buffer;  // reused: memory stays at the largest file
  SourceText source;
  Scanner scanner;
  Document doc;
  Digest digest;
  std::vector<IocRecord> records;
  std::vector<bool> fresh;
  std::set<std::pair<IocType, std::string>> exported;  // --dedupe
  SkipCounts skipped;
  std::map<IocType, std::size_t> by_type;
  std::size_t written = 0;
  std::size_t digests = 0;
  for (const Input& in : inputs) {
    Error error;
    if (!read_file(in.path, buffer, error, max_file_size_for(max_file_bytes, in.config))) {
      error.path = in.display;
      fail(error.to_string());
      continue;
    }
    // As the linter decides (config/config.h): a file no schema claims is
    // not a digest and has nothing to export.
    const SchemaChoice choice =
        choose_schema(o.schema == kAutoSchema ? std::string_view{} : std::string_view(o.schema),
                      in.config, in.path, buffer);
    if (choice.schema.empty()) continue;
    const Schema* schema = schemas.get(choice.schema, error);
    if (schema == nullptr) {
      fail(error.to_string());
      continue;
    }
    source.reset(buffer);
    scanner.scan(source, doc);
    build_digest(doc, source, *schema, digest);
    const std::string_view pattern = in.config != nullptr && !in.config->iocs_date_pattern.empty()
                                         ? std::string_view(in.config->iocs_date_pattern)
                                         : kDefaultDatePattern;
    const std::string date = date_from_path(pattern, in.display);
    extract_records(digest, buffer, in.display, date, records, skipped);
    fresh.assign(records.size(), true);
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (o.dedupe) fresh[i] = exported.emplace(records[i].type, records[i].value).second;
      if (fresh[i]) {
        ++by_type[records[i].type];
        ++written;
      }
    }
    writer->write_digest(DigestRecords{in.display, date, records, fresh});
    ++digests;
  }
  writer->finish();
  if (!out)
    fail(fmt::format("digestlint: error: cannot write {}",
                     o.output_file.empty() ? "to standard output" : o.output_file));

  std::string types;
  for (const auto& [type, n] : by_type)
    types += fmt::format("{}{} {}", types.empty() ? "" : ", ", to_string(type), n);
  std::cerr << fmt::format("digestlint iocs: {} {} from {} {}{}\n", written,
                           written == 1 ? "indicator" : "indicators", digests,
                           digests == 1 ? "digest" : "digests",
                           types.empty() ? "" : fmt::format(" ({})", types));
  if (skipped.total() > 0) {
    std::vector<std::pair<std::size_t, std::string>> reasons;
    for (const auto& [reason, n] : skipped.reasons)
      reasons.emplace_back(n, reason);
    std::sort(reasons.begin(), reasons.end(), std::greater<>());
    std::cerr << fmt::format(
        "digestlint iocs: {} IOC {} skipped (digestlint --select DL4 says "
        "more):\n",
        skipped.total(), skipped.total() == 1 ? "entry" : "entries");
    for (const auto& [n, reason] : reasons)
      std::cerr << fmt::format("  {:>6}  {}\n", n, reason);
  }
  if (const std::string notes = writer->notes(); !notes.empty())
    std::cerr << "digestlint iocs: " << notes << '\n';
  return status;
}

}  // namespace digestlint
