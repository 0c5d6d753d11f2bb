// `digestlint schema ...`: tools for schema files themselves.
//   check FILE...          validate schema files alone
//   template [SCHEMA]      a blank document the schema accepts
//   infer FILES...         a draft schema every given report satisfies
//   json-schema KIND       the JSON Schema of a schema file or a config
#include "cli/schema_command.h"
#include "config/schema_loader.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/errors.h"
#include "cli/schema_infer.h"
#include "config/json_schema.h"
#include "digestlint/schema.h"

namespace digestlint {

namespace {

int check_schemas(const std::vector<std::string>& files) {
  int status = 0;
  for (const std::string& file : files) {
    Error error;
    const std::shared_ptr<const Schema> schema = load_schema(file, error);
    if (!schema) {
      print_schema_error(error, file);
      status = 2;
      continue;
    }
    std::size_t required = 0;
    for (const SectionSpec& s : schema->sections)
      required += s.required ? 1 : 0;
    std::cout << fmt::format("{}: ok: schema '{}', {} sections ({} required), {} article labels\n",
                             file, schema->name, schema->sections.size(), required,
                             schema->articles.labels.size());
  }
  return status;
}

struct Day {
  int year = 0;
  int month = 0;
  int day = 0;
};

// What a section of the schema language holds in a blank report: a table's
// header, the required keys, the empty marker.
std::string blank_content(const Schema& schema, const SectionSpec& s, const Day& d) {
  switch (s.content) {
    case SectionContent::Table: {
      std::string header = "|";
      std::string rule = "|";
      for (const ColumnSpec& c : s.columns) {
        if (!c.required) continue;
        header += fmt::format(" {} |", c.name);
        rule += " --- |";
      }
      return header + "\n" + rule + "\n";
    }
    case SectionContent::KeyValue: {
      std::string out;
      for (const KeySpec& k : s.keys) {
        if (!k.required) continue;
        const std::string value = !k.values.empty() ? k.values.front()
                                  : k.pattern.empty()
                                      ? std::string("TODO")
                                      : k.pattern.fill(d.year, d.month, d.day, 1, "TODO");
        out += fmt::format("{} {}: {}\n", schema.list_marker, k.name, value);
      }
      return out.empty() ? schema.empty_marker + "\n" : out;
    }
    default: {
      // The empty marker unless a required subsection follows to fill it.
      const bool has_required_child =
          std::any_of(s.children.begin(), s.children.end(),
                      [](const SectionSpec& c) { return c.min_count >= 1; });
      return has_required_child ? std::string() : schema.empty_marker + "\n";
    }
  }
}

// A required section and its required subsections, numbered as the schema
// numbers them.
void blank_outline_section(const Schema& schema, const SectionSpec& s,
                           const NumberingSpec& numbering, const std::string& parent,
                           std::int64_t n, const Day& d, std::string& out) {
  const std::string heading = !s.heading.empty() ? s.heading
                              : !s.one_of.empty()
                                  ? s.one_of.front()
                                  : s.pattern.fill(d.year, d.month, d.day, n, "TODO");
  const std::string prefix = numbering.empty() ? std::string() : numbering.prefix_for(parent, n);
  out += fmt::format("\n{} {}{}\n", std::string(s.level, '#'), prefix, heading);
  const std::string content = blank_content(schema, s, d);
  if (!content.empty()) out += "\n" + content;
  const std::string number = numbering.empty() ? std::string() : numbering.number_for(parent, n);
  std::int64_t child_n = 0;
  for (const SectionSpec& c : s.children) {
    for (std::int64_t i = 0; i < c.min_count; ++i)
      blank_outline_section(schema, c, s.children_numbering, number, ++child_n, d, out);
  }
}

// The title, then every required section holding its empty marker: the
// smallest document the schema accepts. A title pattern's date and week
// are those of `d`.
std::string blank_document(const Schema& schema, const Day& d) {
  const std::string title = schema.title_pattern.empty()
                                ? schema.title
                                : schema.title_pattern.fill(d.year, d.month, d.day, 1, "TODO");
  std::string out = fmt::format("{} {}\n", std::string(schema.title_level, '#'), title);
  if (schema.is_outline()) {
    std::int64_t n = 0;
    for (const SectionSpec& s : schema.sections) {
      for (std::int64_t i = 0; i < s.min_count; ++i) {
        // [breaks] between_sections = "required": a "---" above each but the first.
        if (n > 0 && schema.breaks_between_sections == SectionBreaks::Required) out += "\n---\n";
        blank_outline_section(schema, s, schema.numbering, "", ++n, d, out);
      }
    }
    return out;
  }
  for (const SectionSpec& s : schema.sections) {
    if (!s.required) continue;
    out +=
        fmt::format("\n{} {}\n\n{}\n", std::string(s.level, '#'), s.heading, schema.empty_marker);
  }
  return out;
}

int write_template(const std::string& name, const std::string& output_file,
                   const std::string& date) {
  Day day;
  if (date.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    day = {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
  } else if (!parse_iso_date(date, day.year, day.month, day.day)) {
    std::cerr << fmt::format("digestlint: error: --date '{}' is not a date (YYYY-MM-DD)\n", date);
    return 2;
  }
  Error error;
  const std::shared_ptr<const Schema> schema = load_schema(name, error);
  if (!schema) {
    print_schema_error(error, name);
    return 2;
  }
  const std::string text = blank_document(*schema, day);
  if (output_file.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream out(output_file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::cerr << fmt::format("digestlint: error: cannot write {}\n", output_file);
    return 2;
  }
  return 0;
}

}  // namespace

int run_schema_command(int argc, char** argv) {
  CLI::App app{"Tools for digestlint schema files", "digestlint schema"};
  app.require_subcommand(1);

  std::vector<std::string> check_files;
  CLI::App* check = app.add_subcommand("check", "Validate schema files alone (exit 2 on errors)");
  check->add_option("files", check_files, "Schema files (TOML) or built-in schema names")
      ->required();

  std::string template_schema = std::string(builtin_schema_names().front());
  std::string template_output;
  CLI::App* blank =
      app.add_subcommand("template",
                         "Write a blank document the schema accepts: its title and every required "
                         "section with the empty marker");
  blank->add_option("schema", template_schema, "Built-in schema name or schema file")
      ->capture_default_str();
  blank->add_option("-o,--output-file", template_output, "Write it here instead of stdout");
  std::string template_date;
  blank->add_option("--date", template_date,
                    "The day (YYYY-MM-DD) a title pattern's {date} and {week} take (default: "
                    "today, UTC)");

  std::vector<std::string> infer_files;
  CLI::App* infer =
      app.add_subcommand("infer", "Write a draft schema (TOML) that every given report satisfies");
  infer->add_option("files", infer_files, "Reports of one kind (Markdown)")->required();

  std::string kind;
  CLI::App* json_schema = app.add_subcommand(
      "json-schema", "Print the JSON Schema of a schema file or of .digestlint.toml, for editors");
  json_schema->add_option("kind", kind, "'schema' or 'config'")
      ->required()
      ->check(CLI::IsMember({"schema", "config"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (check->parsed()) return check_schemas(check_files);
  if (infer->parsed()) return infer_schema(infer_files);
  if (blank->parsed()) return write_template(template_schema, template_output, template_date);
  const nlohmann::ordered_json schema =
      kind == "schema" ? schema_file_json_schema() : config_file_json_schema();
  std::cout << schema.dump(2) << '\n';
  return 0;
}

}  // namespace digestlint
