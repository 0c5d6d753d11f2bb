// `digestlint schema ...`: tools for schema files themselves.
//   check FILE...          validate schema files alone
//   template [SCHEMA]      a blank document the schema accepts
//   json-schema KIND       the JSON Schema of a schema file or a config
#include "cli/schema_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/errors.h"
#include "config/json_schema.h"
#include "digestlint/schema.h"

namespace digestlint {

namespace {

int check_schemas(const std::vector<std::string>& files) {
  int status = 0;
  for (const std::string& file : files) {
    SchemaError error;
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

// The title, then every required section holding its empty marker: the
// smallest document the schema accepts.
std::string blank_document(const Schema& schema) {
  std::string out = fmt::format("{} {}\n", std::string(schema.title_level, '#'), schema.title);
  for (const SectionSpec& s : schema.sections) {
    if (!s.required) continue;
    out +=
        fmt::format("\n{} {}\n\n{}\n", std::string(s.level, '#'), s.heading, schema.empty_marker);
  }
  return out;
}

int write_template(const std::string& name, const std::string& output_file) {
  SchemaError error;
  const std::shared_ptr<const Schema> schema = load_schema(name, error);
  if (!schema) {
    print_schema_error(error, name);
    return 2;
  }
  const std::string text = blank_document(*schema);
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
  if (blank->parsed()) return write_template(template_schema, template_output);
  const nlohmann::ordered_json schema =
      kind == "schema" ? schema_file_json_schema() : config_file_json_schema();
  std::cout << schema.dump(2) << '\n';
  return 0;
}

}  // namespace digestlint
