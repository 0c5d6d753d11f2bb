#include "config/schema_loader.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/files.h"
#include "config/builtin_schemas.h"
#include "config/toml_reader.h"
#include "digestlint/text.h"

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

std::string_view to_string(IocShape shape) {
  switch (shape) {
    case IocShape::Ip:
      return "ip";
    case IocShape::Url:
      return "url";
    case IocShape::Host:
      return "host";
    case IocShape::Any:
      return "any";
  }
  return "any";
}

int ArticleSpec::find_label(std::string_view name) const {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int IocSpec::find_category(std::string_view name) const {
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (categories[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int IocSpec::find_scope(std::string_view name) const {
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    if (scopes[i].name == name) return static_cast<int>(i);
  }
  return -1;
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

// Each entry of an array of tables, checked to be a table.
template <typename F>
void for_each_table(const TomlReader& r, const toml::array& a, std::string_view where, F&& f) {
  for (const toml::node& node : a) {
    if (!node.is_table()) r.fail(node, fmt::format("each {} entry must be a table", where));
    f(*node.as_table());
  }
}

std::string required_string(const TomlReader& r, const toml::table& t, std::string_view key,
                            std::string_view where) {
  std::string v = r.string(t, key, "");
  if (v.empty()) r.fail(t.source(), fmt::format("{} needs a non-empty '{}'", where, key));
  return v;
}

// Fails when `name` is already taken by another name or alias of the same
// enumeration: a spelling must resolve to one value.
void claim(const TomlReader& r, std::vector<std::string>& seen, const std::string& name,
           const toml::node& where, std::string_view what) {
  if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
    r.fail(where, fmt::format("'{}' is listed twice in {}", name, what));
  }
  seen.push_back(name);
}

void read_labels(const TomlReader& r, const toml::array& a, ArticleSpec& spec) {
  std::vector<std::string> seen;
  for_each_table(r, a, "[[articles.labels]]", [&](const toml::table& t) {
    r.check_keys(t,
                 {"name", "required", "aliases", "accepted", "none_marker", "none_variants",
                  "min_items", "max_items", "max_item_length", "ioc"},
                 "[[articles.labels]]");
    LabelSpec label;
    label.name = required_string(r, t, "name", "a label");
    claim(r, seen, label.name, *t.get("name"), "the labels' names and aliases");
    label.required = r.boolean(t, "required", true);
    label.aliases = r.strings(t, "aliases", {});
    label.accepted = r.strings(t, "accepted", {});
    for (const auto* list : {&label.aliases, &label.accepted}) {
      for (const std::string& alias : *list) {
        if (alias.empty()) r.fail(t.source(), "a label alias must not be empty");
        claim(r, seen, alias, t, "the labels' names and aliases");
      }
    }
    label.none_marker = r.string(t, "none_marker", "");
    label.none_variants = r.strings(t, "none_variants", {});
    if (label.none_marker.empty() && !label.none_variants.empty()) {
      r.fail(*t.get("none_variants"), "'none_variants' needs a 'none_marker'");
    }
    label.min_items = r.integer(t, "min_items", 1, 0, 1000);
    label.max_items = r.integer(t, "max_items", 0, 0, 1000);
    if (label.max_items != 0 && label.max_items < label.min_items) {
      r.fail(*t.get("max_items"), "'max_items' must be 0 (no limit) or at least 'min_items'");
    }
    label.max_item_length = r.integer(t, "max_item_length", 0, 0, 100000);
    label.ioc = r.boolean(t, "ioc", false);
    spec.labels.push_back(std::move(label));
  });
  if (spec.labels.empty()) r.fail(a, "[articles] needs at least one [[articles.labels]] entry");
}

void read_articles(const TomlReader& r, const toml::table& t, ArticleSpec& spec) {
  r.check_keys(t, {"level", "numbered_url_items", "leaked_text", "labels"}, "[articles]");
  spec.enabled = true;
  spec.level = heading_level(r, t, "level", spec.level);
  spec.numbered_url_items = r.boolean(t, "numbered_url_items", false);
  spec.leaked_text = r.strings(t, "leaked_text", {});
  for (const std::string& phrase : spec.leaked_text) {
    if (phrase.empty()) r.fail(*t.get("leaked_text"), "'leaked_text' must not hold \"\"");
  }
  const toml::array* labels = r.array(t, "labels");
  if (labels == nullptr) r.fail(t.source(), "[articles] needs [[articles.labels]] entries");
  read_labels(r, *labels, spec);
}

std::vector<IocValueSpec> read_ioc_values(const TomlReader& r, const toml::array& a,
                                          std::string_view where, std::vector<std::string>& seen) {
  std::vector<IocValueSpec> out;
  for_each_table(r, a, where, [&](const toml::table& t) {
    r.check_keys(t, {"name", "aliases"}, where);
    IocValueSpec v;
    v.name = required_string(r, t, "name", where);
    claim(r, seen, v.name, *t.get("name"), where);
    v.aliases = r.strings(t, "aliases", {});
    for (const std::string& alias : v.aliases)
      claim(r, seen, alias, *t.get("aliases"), where);
    out.push_back(std::move(v));
  });
  return out;
}

void read_ioc(const TomlReader& r, const toml::table& t, IocSpec& spec) {
  r.check_keys(t, {"categories", "familiarity", "familiarity_accepted", "scopes"}, "[ioc]");
  std::vector<std::string> seen;
  if (const toml::array* a = r.array(t, "familiarity")) {
    spec.familiarity = read_ioc_values(r, *a, "[[ioc.familiarity]]", seen);
  }
  spec.familiarity_accepted = r.strings(t, "familiarity_accepted", {});
  for (const std::string& v : spec.familiarity_accepted)
    claim(r, seen, v, *t.get("familiarity_accepted"), "[[ioc.familiarity]]");
  seen.clear();
  if (const toml::array* a = r.array(t, "scopes")) {
    spec.scopes = read_ioc_values(r, *a, "[[ioc.scopes]]", seen);
  }
  seen.clear();
  if (const toml::array* a = r.array(t, "categories")) {
    for_each_table(r, *a, "[[ioc.categories]]", [&](const toml::table& c) {
      r.check_keys(c, {"name", "shape", "aliases", "scopes"}, "[[ioc.categories]]");
      IocCategorySpec cat;
      cat.name = required_string(r, c, "name", "an IOC category");
      claim(r, seen, cat.name, *c.get("name"), "[[ioc.categories]]");
      cat.aliases = r.strings(c, "aliases", {});
      for (const std::string& alias : cat.aliases)
        claim(r, seen, alias, *c.get("aliases"), "[[ioc.categories]]");
      const std::string shape = r.string(c, "shape", "any");
      if (shape == "ip") {
        cat.shape = IocShape::Ip;
      } else if (shape == "url") {
        cat.shape = IocShape::Url;
      } else if (shape == "host") {
        cat.shape = IocShape::Host;
      } else if (shape == "any") {
        cat.shape = IocShape::Any;
      } else {
        r.fail(*c.get("shape"), "'shape' must be \"ip\", \"url\", \"host\" or \"any\"");
      }
      cat.scopes = r.strings(c, "scopes", {});
      for (const std::string& scope : cat.scopes) {
        if (spec.find_scope(scope) < 0) {
          r.fail(*c.get("scopes"),
                 fmt::format("scope '{}' is not one of the [[ioc.scopes]] names", scope));
        }
      }
      spec.categories.push_back(std::move(cat));
    });
  }
  if (spec.categories.empty() || spec.familiarity.empty() || spec.scopes.empty()) {
    r.fail(t.source(),
           "[ioc] needs [[ioc.categories]], [[ioc.familiarity]] and [[ioc.scopes]] entries");
  }
}

void read_schema(const TomlReader& r, const toml::table& root, Schema& s) {
  r.check_keys(root,
               {"name", "description", "title", "preamble", "lists", "empty_section", "sections",
                "articles", "ioc", "rules"},
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
  if (const toml::table* t = r.table(root, "articles")) read_articles(r, *t, s.articles);
  if (const toml::table* t = r.table(root, "ioc")) read_ioc(r, *t, s.ioc);
  const bool has_ioc_label = std::any_of(s.articles.labels.begin(), s.articles.labels.end(),
                                         [](const LabelSpec& l) { return l.ioc; });
  if (has_ioc_label && s.ioc.categories.empty()) {
    r.fail(root.source(), "a label has 'ioc = true' but the schema has no [ioc] table");
  }
  if (const toml::table* t = r.table(root, "rules")) r.rule_settings(*t, s.settings);
}

}  // namespace

// What linting needs from a schema beyond its fields, derived once here:
// a digest's headings, labels and IOC fields are folded and compared
// against these many times per file.
class SchemaCompiler {
 public:
  static void compile(Schema& schema) {
    schema.section_level_ = schema.sections.empty() ? 3 : schema.sections.front().level;
    for (SectionSpec& section : schema.sections) {
      schema.section_level_ = std::max(schema.section_level_, section.level);
      section.folded_heading_ = fold_for_match(section.heading);
    }
    schema.folded_empty_markers_.push_back(fold_loosely(schema.empty_marker));
    for (const std::string& variant : schema.empty_marker_variants)
      schema.folded_empty_markers_.push_back(fold_loosely(variant));

    ArticleSpec& articles = schema.articles;
    articles.leaked_text_set_ = PhraseSet(articles.leaked_text);
    for (LabelSpec& label : articles.labels) {
      label.folded_spellings_.push_back(fold_for_match(label.name));
      for (const auto* list : {&label.aliases, &label.accepted}) {
        for (const std::string& spelling : *list)
          label.folded_spellings_.push_back(fold_for_match(spelling));
      }
      label.folded_none_marker_ = fold_loosely(label.none_marker);
      if (label.none_marker.empty()) continue;
      for (const std::string& variant : label.none_variants)
        label.folded_none_variants_.push_back(fold_loosely(variant));
      for (const LabelSpec& other : articles.labels) {
        if (&other != &label && !other.none_marker.empty() &&
            other.none_marker != label.none_marker) {
          label.folded_none_variants_.push_back(fold_loosely(other.none_marker));
        }
      }
    }

    for (IocCategorySpec& category : schema.ioc.categories)
      fold_names(category);
    for (IocValueSpec& value : schema.ioc.familiarity)
      fold_names(value);
    for (IocValueSpec& value : schema.ioc.scopes)
      fold_names(value);
  }

 private:
  template <typename Spec>
  static void fold_names(Spec& spec) {
    spec.folded_names_.push_back(fold_for_match(spec.name));
    for (const std::string& alias : spec.aliases)
      spec.folded_names_.push_back(fold_for_match(alias));
  }
};

std::shared_ptr<const Schema> parse_schema(std::string_view toml_text, std::string_view origin,
                                           Error& error) {
  auto schema = std::make_shared<Schema>();
  schema->origin = std::string(origin);
  schema->text = std::string(toml_text);
  const TomlReader reader{std::string(origin)};
  if (!reader.read(toml_text, error,
                   [&](const toml::table& root) { read_schema(reader, root, *schema); })) {
    return nullptr;
  }
  SchemaCompiler::compile(*schema);
  return schema;
}

std::vector<std::string_view> builtin_schema_names() {
  std::vector<std::string_view> names;
  for (const BuiltinSchema& b : builtin_schemas())
    names.push_back(b.name);
  return names;
}

namespace {

struct ParsedBuiltin {
  std::shared_ptr<const Schema> schema;  // nullptr when it does not parse
  Error error;
};

// Every built-in schema, parsed on first use (thread-safe) and then shared
// by every linter and every --schema auto lookup.
const std::vector<ParsedBuiltin>& parsed_builtins() {
  static const std::vector<ParsedBuiltin> parsed = [] {
    std::vector<ParsedBuiltin> out;
    for (const BuiltinSchema& b : builtin_schemas()) {
      ParsedBuiltin p;
      p.schema = parse_schema(b.text, fmt::format("<built-in {}>", b.name), p.error);
      out.push_back(std::move(p));
    }
    return out;
  }();
  return parsed;
}

}  // namespace

std::shared_ptr<const Schema> load_schema(std::string_view name_or_path, Error& error) {
  const std::vector<BuiltinSchema>& builtins = builtin_schemas();
  for (std::size_t i = 0; i < builtins.size(); ++i) {
    if (builtins[i].name != name_or_path) continue;
    const ParsedBuiltin& p = parsed_builtins()[i];
    if (!p.schema) error = p.error;
    return p.schema;
  }
  std::string text;
  if (!read_file(std::string(name_or_path), text, error)) {
    std::string names;
    for (const BuiltinSchema& b : builtins)
      names += fmt::format("{}{}", names.empty() ? "" : ", ", b.name);
    error = Error{std::string(name_or_path), 0, 0,
                  fmt::format("cannot read schema (not a built-in schema name: {}; not a "
                              "readable file)",
                              names)};
    return nullptr;
  }
  return parse_schema(text, name_or_path, error);
}

}  // namespace digestlint
