#include "digestlint/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "builtin_schemas.h"
#include "toml_reader.h"

namespace digestlint {

std::string_view to_string(SectionContent content) {
  switch (content) {
    case SectionContent::Links:
      return "links";
    case SectionContent::Articles:
      return "articles";
    case SectionContent::Free:
      return "free";
  }
  return "free";
}

bool SectionSpec::accepts_level(std::uint8_t l) const {
  return l == level ||
         std::find(accepted_levels.begin(), accepted_levels.end(), l) != accepted_levels.end();
}

std::uint8_t Schema::section_level() const {
  std::uint8_t level = sections.empty() ? 3 : sections.front().level;
  for (const SectionSpec& s : sections)
    level = std::max(level, s.level);
  return level;
}

int Schema::find_section(std::string_view heading) const {
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].heading == heading) return static_cast<int>(i);
  }
  return -1;
}

namespace {

std::uint8_t heading_level(const TomlReader& r, const toml::table& t, std::string_view key,
                           std::int64_t fallback) {
  return static_cast<std::uint8_t>(r.integer(t, key, fallback, 1, 6));
}

void read_schema(const TomlReader& r, const toml::table& root, Schema& s) {
  r.check_keys(
      root,
      {"name", "description", "title", "preamble", "lists", "empty_section", "sections", "rules"},
      "the schema");
  s.name = r.string(root, "name", "");
  if (s.name.empty()) r.fail(root.source(), "the schema needs a 'name'");
  s.description = r.string(root, "description", "");

  if (const toml::table* t = r.table(root, "title")) {
    r.check_keys(*t, {"text", "level"}, "[title]");
    s.title = r.string(*t, "text", s.title);
    s.title_level = heading_level(r, *t, "level", s.title_level);
  }
  if (const toml::table* t = r.table(root, "preamble")) {
    r.check_keys(*t, {"allowed"}, "[preamble]");
    s.preamble_allowed = r.boolean(*t, "allowed", s.preamble_allowed);
  }
  if (const toml::table* t = r.table(root, "lists")) {
    r.check_keys(*t, {"marker", "indent", "blank_lines_between_items"}, "[lists]");
    const std::string marker = r.string(*t, "marker", std::string(1, s.list_marker));
    if (marker != "-" && marker != "*" && marker != "+") {
      r.fail(*t->get("marker"), "'marker' must be \"-\", \"*\" or \"+\"");
    }
    s.list_marker = marker[0];
    s.indent_step = static_cast<std::uint16_t>(r.integer(*t, "indent", s.indent_step, 1, 8));
    s.blank_lines_between_items =
        r.boolean(*t, "blank_lines_between_items", s.blank_lines_between_items);
  }
  if (const toml::table* t = r.table(root, "empty_section")) {
    r.check_keys(*t, {"marker", "variants"}, "[empty_section]");
    s.empty_marker = r.string(*t, "marker", s.empty_marker);
    s.empty_marker_variants = r.strings(*t, "variants", {});
  }
  if (const toml::array* sections = r.array(root, "sections")) {
    for (const toml::node& node : *sections) {
      if (!node.is_table()) r.fail(node, "each [[sections]] entry must be a table");
      const toml::table& t = *node.as_table();
      r.check_keys(t, {"heading", "level", "accepted_levels", "required", "content"},
                   "[[sections]]");
      SectionSpec spec;
      spec.heading = r.string(t, "heading", "");
      if (spec.heading.empty()) r.fail(t.source(), "a section needs a non-empty 'heading'");
      if (s.find_section(spec.heading) >= 0) {
        r.fail(*t.get("heading"), fmt::format("section '{}' is listed twice", spec.heading));
      }
      spec.level = heading_level(r, t, "level", 3);
      if (const toml::array* levels = r.array(t, "accepted_levels")) {
        for (const toml::node& l : *levels) {
          if (!l.is_integer() || l.as_integer()->get() < 1 || l.as_integer()->get() > 6) {
            r.fail(l, "'accepted_levels' must hold heading levels 1 to 6");
          }
          spec.accepted_levels.push_back(static_cast<std::uint8_t>(l.as_integer()->get()));
        }
      }
      spec.required = r.boolean(t, "required", true);
      const std::string content = r.string(t, "content", "free");
      if (content == "links") {
        spec.content = SectionContent::Links;
      } else if (content == "articles") {
        spec.content = SectionContent::Articles;
      } else if (content == "free") {
        spec.content = SectionContent::Free;
      } else {
        r.fail(*t.get("content"), "'content' must be \"links\", \"articles\" or \"free\"");
      }
      s.sections.push_back(std::move(spec));
    }
  }
  if (s.sections.empty()) r.fail(root.source(), "the schema needs at least one [[sections]] entry");
  if (const toml::table* t = r.table(root, "rules")) r.rule_settings(*t, s.settings);
}

}  // namespace

std::shared_ptr<const Schema> parse_schema(std::string_view toml_text, std::string_view origin,
                                           SchemaError& error) {
  auto schema = std::make_shared<Schema>();
  schema->origin = std::string(origin);
  schema->text = std::string(toml_text);
  try {
    const TomlReader reader{std::string(origin)};
    const toml::table root = reader.parse(toml_text);
    read_schema(reader, root, *schema);
  } catch (const TomlError& e) {
    error.message = e.what();
    return nullptr;
  }
  return schema;
}

std::vector<std::string_view> builtin_schema_names() {
  std::vector<std::string_view> names;
  for (const BuiltinSchema& b : builtin_schemas())
    names.push_back(b.name);
  return names;
}

std::shared_ptr<const Schema> load_schema(std::string_view name_or_path, SchemaError& error) {
  for (const BuiltinSchema& b : builtin_schemas()) {
    if (b.name == name_or_path)
      return parse_schema(b.text, fmt::format("<built-in {}>", b.name), error);
  }
  std::ifstream in{std::string(name_or_path), std::ios::binary};
  if (!in) {
    std::string names;
    for (const BuiltinSchema& b : builtin_schemas()) {
      names += fmt::format("{}{}", names.empty() ? "" : ", ", b.name);
    }
    error.message =
        fmt::format("{}: cannot read schema (not a built-in schema name: {}; not a readable file)",
                    name_or_path, names);
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_schema(text.str(), name_or_path, error);
}

}  // namespace digestlint
