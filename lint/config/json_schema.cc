#include "config/json_schema.h"

#include <string>
#include <type_traits>
#include <variant>

#include "digestlint/rule.h"
#include "engine/registry.h"

namespace digestlint {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kDialect = "https://json-schema.org/draft/2020-12/schema";

json described(json schema, const char* description) {
  json out = {{"description", description}};
  out.update(schema);
  return out;
}

json string_type(const char* description) {
  return described({{"type", "string"}}, description);
}

json nonempty_string(const char* description) {
  return described({{"type", "string"}, {"minLength", 1}}, description);
}

json strings(const char* description) {
  return described({{"type", "array"}, {"items", {{"type", "string"}}}}, description);
}

json boolean(const char* description) {
  return described({{"type", "boolean"}}, description);
}

json integer(int min, int max, const char* description) {
  return described({{"type", "integer"}, {"minimum", min}, {"maximum", max}}, description);
}

json heading_level(const char* description) {
  return integer(1, 6, description);
}

// A table whose keys are all listed: a misspelt key is an error, as it is
// for digestlint itself.
json closed_table(const char* description, json properties, json required = json::array()) {
  json out = {{"description", description},
              {"type", "object"},
              {"properties", std::move(properties)},
              {"additionalProperties", false}};
  if (!required.empty()) out["required"] = std::move(required);
  return out;
}

json array_of(json item, const char* description) {
  return described({{"type", "array"}, {"items", std::move(item)}}, description);
}

json option_type(const OptionValue& value) {
  return std::visit(
      [](const auto& v) -> json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return {{"type", "boolean"}, {"default", v}};
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return {{"type", "integer"}, {"default", v}};
        } else if constexpr (std::is_same_v<T, std::string>) {
          return {{"type", "string"}, {"default", v}};
        } else {
          return {{"type", "array"}, {"items", {{"type", "string"}}}, {"default", v}};
        }
      },
      value);
}

// [rules]: each rule by code and by name, a severity or a table of the
// severity and the rule's own options. Each rule's setting is defined
// once, in `defs`, and referred to by both keys.
json rules_table(json& defs) {
  json properties = json::object();
  for (const RuleInfo* r : all_rules()) {
    json options = {{"severity", {{"$ref", "#/$defs/severity"}}}};
    for (const OptionSpec& o : r->options) {
      json option = option_type(o.default_value);
      option["description"] = std::string(o.description);
      options[std::string(o.name)] = std::move(option);
    }
    const std::string description =
        std::string(r->code) + " " + std::string(r->name) + ": " + std::string(r->summary);
    json setting = {{"description", description},
                    {"anyOf", json::array({{{"$ref", "#/$defs/severity"}},
                                           {{"type", "object"},
                                            {"properties", std::move(options)},
                                            {"additionalProperties", false}}})}};
    const std::string ref = "#/$defs/" + std::string(r->code);
    defs[std::string(r->code)] = std::move(setting);
    properties[std::string(r->code)] = {{"$ref", ref}};
    properties[std::string(r->name)] = {{"$ref", ref}};
  }
  // A code prefix ("DL2": every DL2xx rule) takes a severity only.
  json prefixes = {{"^[Dd][Ll][0-9]{1,2}$",
                    {{"description", "Every rule whose code starts with this prefix"},
                     {"$ref", "#/$defs/severity"}}}};
  return {{"description",
           "Severities and options per rule, by code, name or code prefix (digestlint --explain "
           "CODE)."},
          {"type", "object"},
          {"properties", std::move(properties)},
          {"patternProperties", std::move(prefixes)},
          {"additionalProperties", false}};
}

// The schema with its `properties` and `$defs`; the rules' settings and
// the severity are definitions both kinds of file share.
json with_rules(json schema, json properties) {
  json defs = {{"severity",
                {{"description", "A rule's severity; \"off\" disables it."},
                 {"enum", json::array({"error", "warning", "info", "off"})}}}};
  properties["rules"] = rules_table(defs);
  schema["properties"] = std::move(properties);
  schema["additionalProperties"] = false;
  schema["$defs"] = std::move(defs);
  return schema;
}

json ioc_value() {
  return closed_table("A value of a closed IOC enumeration; aliases are fixed to the name.",
                      {{"name", nonempty_string("The value as the digest should write it.")},
                       {"aliases", strings("Other spellings, accepted with a warning.")}},
                      json::array({"name"}));
}

constexpr const char* kTitlePattern =
    "The title as a pattern with typed parts instead of text: {date} (or {date:YYYY-MM-DD}), "
    "{date:YYYYMMDD}, {week} (ISO week, 2026-W19), {n} (a number), {text}; {{ and }} are "
    "braces.";

json order_key() {
  return described({{"enum", json::array({"in-order", "any"})}},
                   "Whether the sections of this level follow the schema's order (default "
                   "\"in-order\").");
}

json numbering_key() {
  return described({{"type", "string"}, {"pattern", "\\{n\\}"}},
                   "How the headings of this level are numbered, checked to run 1, 2, 3: "
                   "\"{n}. \" (\"1. 概要\"), \"{parent}-{n}. \" (\"2-1. 詳細\").");
}

json typed_pattern(const char* description) {
  return nonempty_string(description);
}

// The list nesting keys and the keys of content = "paragraphs" and "code".
void add_prose_and_code_keys(json& p) {
  p["nesting_step"] = integer(0, 8,
                              "content = \"list\": the columns each nested level adds; 0 (the "
                              "default) is [lists] indent.");
  p["max_depth"] = integer(0, 100,
                           "content = \"list\": how many levels its items take (1: no nested "
                           "items); 0 (the default) is any.");
  p["paragraph_pattern"] =
      typed_pattern("content = \"paragraphs\": each paragraph's first line, with typed parts.");
  p["min_paragraphs"] =
      integer(0, 100000, "content = \"paragraphs\": fewest paragraphs (default 1).");
  p["max_paragraphs"] =
      integer(0, 100000, "content = \"paragraphs\": most paragraphs; 0 is no limit.");
  p["language"] = described({{"type", "string"}, {"pattern", "^[^\\s`~]*$"}},
                            "content = \"code\": the language every block's fence names "
                            "(\"bash\"); empty or absent: any.");
  p["min_blocks"] = integer(0, 100000, "content = \"code\": fewest code blocks (default 1).");
  p["max_blocks"] = integer(0, 100000, "content = \"code\": most code blocks; 0 is no limit.");
}

// The keys of the schema language on a [[sections]] entry (any depth).
void add_section_language(json& section) {
  json column = closed_table(
      "A column of a table, by its header, in order.",
      {{"name", nonempty_string("The header text.")},
       {"required", boolean("Whether the table must have it (default true).")},
       {"pattern", typed_pattern("Each cell's shape, with typed parts as in [title] pattern.")},
       {"values", strings("The cells' closed set of values.")}},
      json::array({"name"}));
  json key = closed_table(
      "A key of \"- key: value\" bullets.",
      {{"name", nonempty_string("The key as written before ':'.")},
       {"required", boolean("Whether the section must have it (default true).")},
       {"pattern", typed_pattern("The value's shape, with typed parts as in [title] pattern.")},
       {"values", strings("The value's closed set.")}},
      json::array({"name"}));
  json& p = section["properties"];
  p["one_of"] = described(
      {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}, {"minItems", 1}},
      "Headings accepted for this section, instead of one heading.");
  p["pattern"] = typed_pattern("The heading as a pattern with typed parts, instead of heading.");
  p["min"] = integer(0, 1000, "Fewest occurrences (default 1, or 0 when required = false).");
  p["max"] = integer(0, 1000, "Most occurrences; 0 is any number (default 1).");
  p["sections"] =
      described({{"type", "array"}, {"items", {{"$ref", "#/$defs/section"}}}, {"minItems", 1}},
                "Its subsections, one level deeper, in order.");
  p["order"] = order_key();
  p["numbering"] = numbering_key();
  p["columns"] = described({{"type", "array"}, {"items", std::move(column)}, {"minItems", 1}},
                           "content = \"table\": the columns, in order.");
  p["min_rows"] = integer(0, 100000, "content = \"table\": fewest data rows.");
  p["max_rows"] = integer(0, 100000, "content = \"table\": most data rows; 0 is no limit.");
  p["keys"] = described({{"type", "array"}, {"items", std::move(key)}},
                        "content = \"key-value\": the keys.");
  p["item_pattern"] = typed_pattern("content = \"list\": each top-level item's shape.");
  p["min_items"] = integer(0, 100000, "content = \"list\": fewest top-level items.");
  p["max_items"] = integer(0, 100000, "content = \"list\": most top-level items; 0 is no limit.");
  add_prose_and_code_keys(p);
}

// The `articles` kind's keys on its [[sections]] entry: the heading level
// of each article, the legacy numbered start, the leaked text, the labels.
void add_article_keys(json& section, const json& label) {
  json& p = section["properties"];
  p["article_level"] = heading_level(
      "content = \"articles\": each article's heading level "
      "(default 4).");
  p["numbered_url_items"] = boolean(
      "content = \"articles\": legacy, an article may start at a \"1. <url>\" item (default "
      "false).");
  p["leaked_text"] = strings(
      "content = \"articles\": prompt or template text that must not survive into a document.");
  p["labels"] = described({{"type", "array"}, {"items", label}, {"minItems", 1}},
                          "content = \"articles\": the labels of an article, in order.");
}

// A schema file may still use the spelling before the articles kind took
// its keys on its section; marked deprecated so that editors say so.
json deprecated(json schema, const char* instead) {
  schema["deprecated"] = true;
  schema["description"] = schema["description"].get<std::string>() + " Deprecated: " + instead;
  return schema;
}

}  // namespace

json schema_file_json_schema() {
  json label = closed_table(
      "One label of an article (\"- 要約\"), in schema order.",
      {{"name", nonempty_string("The label as written after \"- \".")},
       {"required", boolean("Whether every article must have it (default true).")},
       {"aliases", strings("Other spellings, reported and fixed to the name (label-alias).")},
       {"accepted", strings("Other spellings accepted silently (legacy wording).")},
       {"none_marker", string_type("The item that says there is nothing (\"IOC情報なし\").")},
       {"none_variants", strings("Loose ways of writing the none marker; needs none_marker.")},
       {"min_items", integer(0, 1000, "Fewest first-level items (default 1).")},
       {"max_items", integer(0, 1000, "Most first-level items; 0 is no limit.")},
       {"max_item_length",
        integer(0, 100000, "Most graphemes in a first-level item; 0 is no limit.")},
       {"content", described({{"enum", json::array({"free", "ioc"})}},
                             "What its items are: \"free\" (any text; the default) or \"ioc\" "
                             "(IOC entries in the [ioc] grammar).")},
       {"ioc", deprecated(boolean("Its items are IOC entries in the [ioc] grammar."),
                          "write content = \"ioc\".")}},
      json::array({"name"}));
  json section = closed_table(
      "A section heading, in document order.",
      {{"heading", nonempty_string("The heading text (or use one_of or pattern).")},
       {"level", heading_level("Its heading level (default 3).")},
       {"accepted_levels",
        array_of(heading_level("A heading level."), "Other levels accepted without a finding.")},
       {"required", boolean("Whether a digest must have it (default true).")},
       {"content",
        described({{"enum", json::array({"links", "articles", "free", "table", "key-value", "list",
                                         "ioc", "paragraphs", "code"})}},
                  "What it holds besides its empty marker: \"links\" ([title](url) "
                  "items), \"articles\" (see labels), \"free\" (any Markdown; "
                  "the default), \"table\" (see columns), \"key-value\" (see keys), "
                  "\"list\" (see item_pattern), \"ioc\" (IOC entries in the [ioc] "
                  "grammar), \"paragraphs\" (see paragraph_pattern) or \"code\" (see "
                  "language).")}});
  add_section_language(section);
  add_article_keys(section, label);
  json category = closed_table(
      "An IOC category (field 2 of an entry).",
      {{"name", nonempty_string("The category as written (\"IPアドレス\").")},
       {"shape", described({{"enum", json::array({"ip", "url", "host", "any"})}},
                           "What its values must look like (default \"any\").")},
       {"aliases", strings("Other spellings, accepted with a warning.")},
       {"scopes", strings("The [[ioc.scopes]] names its entries may take in field 5.")}},
      json::array({"name"}));
  json schema = {
      {"$schema", kDialect},
      {"title", "digestlint schema file"},
      {"description",
       "A digestlint schema: the structure a Markdown report must follow (digestlint "
       "--print-schema prints a commented one; digestlint schema check FILE validates one)."},
      {"type", "object"},
      {"required", json::array({"name", "sections"})}};
  json properties = {
      {"name", nonempty_string("The schema's name, as --schema and configs refer to it.")},
      {"description", string_type("One line about the documents it describes.")},
      {"title", closed_table("The heading that opens every document.",
                             {{"text", string_type("The title text.")},
                              {"pattern", nonempty_string(kTitlePattern)},
                              {"level", heading_level("Its heading level (default 1).")}})},
      {"preamble", closed_table("Text between the title and the first section.",
                                {{"allowed", boolean("Whether any is allowed (default true).")}})},
      {"lists",
       closed_table(
           "Markdown list conventions of the whole document.",
           {{"marker", described({{"enum", json::array({"-", "*", "+"})}}, "The bullet marker.")},
            {"indent", integer(1, 8, "The nesting step in spaces (default 4).")},
            {"blank_lines_between_items", boolean("Whether list items may be separated by "
                                                  "blank lines (default false).")}})},
      {"empty_section",
       closed_table("What a section with nothing to report holds.",
                    {{"marker", string_type("The marker (default \"N/A\").")},
                     {"variants", strings("What people write instead, fixed to the marker.")}})},
      {"sections",
       described({{"type", "array"}, {"items", {{"$ref", "#/$defs/section"}}}, {"minItems", 1}},
                 "The sections, in order.")},
      {"order", order_key()},
      {"numbering", numbering_key()},
      {"breaks",
       closed_table("Thematic breaks (\"---\") in the document.",
                    {{"between_sections",
                      described({{"enum", json::array({"required", "forbidden", "any"})}},
                                "Whether one stands between consecutive top-level sections "
                                "(default \"any\").")}})},
      {"articles",
       deprecated(
           closed_table(
               "The articles of an `articles` section.",
               {{"level", heading_level("The article heading level (default 4).")},
                {"numbered_url_items", boolean("Legacy: an article may start at a \"1. <url>\" "
                                               "item (default false).")},
                {"leaked_text",
                 strings("Prompt or template text that must not survive into a document.")},
                {"labels", described({{"type", "array"}, {"items", label}, {"minItems", 1}},
                                     "The labels of an article, in order.")}},
               json::array({"labels"})),
           "put these keys on the content = \"articles\" section (level -> "
           "article_level, labels -> [[sections.labels]]).")},
      {"ioc",
       closed_table(
           "The IOC entry grammar \"value,分類,familiarity,context,scope\".",
           {{"categories", described({{"type", "array"}, {"items", category}, {"minItems", 1}},
                                     "Field 2: the categories.")},
            {"familiarity", described({{"type", "array"}, {"items", ioc_value()}, {"minItems", 1}},
                                      "Field 3: whether the IOC is known.")},
            {"familiarity_accepted", strings("Field 3 values also taken silently.")},
            {"service_domains",
             strings("Well-known service domains: one given alone as an FQDN IOC is "
                     "reported (blocking it blocks the service).")},
            {"scopes", described({{"type", "array"}, {"items", ioc_value()}, {"minItems", 1}},
                                 "Field 5: the scopes.")}},
           json::array({"categories", "familiarity", "scopes"}))}};
  json out = with_rules(std::move(schema), std::move(properties));
  out["$defs"]["section"] = std::move(section);
  return out;
}

json config_file_json_schema() {
  json schema = {
      {"$schema", kDialect},
      {"title", "digestlint configuration (.digestlint.toml)"},
      {"description",
       "digestlint uses the .digestlint.toml nearest to each file; digestlint --init writes a "
       "commented one."},
      {"type", "object"}};
  json properties = {
      {"schema", nonempty_string("A built-in schema name, \"auto\", or a schema file relative "
                                 "to this config.")},
      {"include", strings("Globs of the files that are digests (*, ?, [a-z], **).")},
      {"exclude", strings("Globs of files and directories never linted.")},
      {"schemas",
       array_of(closed_table("Files matching `paths` are checked against `schema`.",
                             {{"paths", strings("Globs, relative to this config.")},
                              {"schema", nonempty_string("A built-in schema name or a schema "
                                                         "file relative to this config.")}},
                             json::array({"paths", "schema"})),
                "Which schema checks which files, first match wins; other files get `schema`, "
                "or the schema that claims them.")},
      {"max-file-size",
       described(
           {{"anyOf", json::array({{{"type", "string"},
                                    {"pattern", "^0*[1-9][0-9]*([KkMmGg]([Ii]?[Bb])?|[Bb])?$"}},
                                   {{"type", "integer"}, {"minimum", 1}}})}},
           "Larger files are reported, not read (--max-file-size wins): a size with a "
           "unit (\"8MiB\", \"512K\") or bytes. Default 4 MiB.")},
      {"iocs", closed_table("`digestlint iocs`: the IOC export.",
                            {{"date-pattern",
                              string_type("Where a digest's date is in its path when its file "
                                          "name holds no YYYYMMDD (YYYY, MM and DD once "
                                          "each, e.g. \"YYYY/MM/DD\").")}})}};
  return with_rules(std::move(schema), std::move(properties));
}

}  // namespace digestlint
