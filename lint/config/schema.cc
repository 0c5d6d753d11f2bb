#include "config/schema_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <set>
#include <tuple>

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
    case SectionContent::Table:
      return "table";
    case SectionContent::KeyValue:
      return "key-value";
    case SectionContent::List:
      return "list";
    case SectionContent::Ioc:
      return "ioc";
    case SectionContent::Paragraphs:
      return "paragraphs";
    case SectionContent::Code:
      return "code";
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

bool SectionSpec::names(std::string_view text) const {
  if (!heading.empty()) return text == heading;
  if (!one_of.empty()) return std::find(one_of.begin(), one_of.end(), text) != one_of.end();
  return pattern.match(text);
}

std::string SectionSpec::display() const {
  if (!heading.empty()) return heading;
  if (!one_of.empty()) {
    std::string out;
    for (const std::string& h : one_of)
      out += (out.empty() ? "" : " | ") + h;
    return out;
  }
  return pattern.source();
}

namespace {

// `format` with {parent} and {n} filled in.
std::string fill_numbering(std::string_view format, std::string_view parent, std::int64_t n) {
  std::string out(format);
  for (const auto& [part, value] :
       {std::pair<std::string_view, std::string>{"{parent}", parent},
        std::pair<std::string_view, std::string>{"{n}", std::to_string(n)}}) {
    const std::size_t at = out.find(part);
    if (at != std::string::npos) out.replace(at, part.size(), value);
  }
  return out;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Matches `format` from `fi` against `text` from `ti`; {parent} is a
// dotted or dashed number ("2", "2-1").
bool split_numbering(std::string_view format, std::size_t fi, std::string_view text, std::size_t ti,
                     std::string& parent, std::int64_t& n, std::size_t& end) {
  if (fi == format.size()) {
    end = ti;
    return true;
  }
  if (format.substr(fi, 3) == "{n}") {
    std::size_t j = ti;
    while (j < text.size() && j - ti < 9 && is_ascii_digit(text[j]))
      ++j;
    if (j == ti) return false;
    n = std::stoll(std::string(text.substr(ti, j - ti)));
    return split_numbering(format, fi + 3, text, j, parent, n, end);
  }
  if (format.substr(fi, 8) == "{parent}") {
    std::size_t j = ti;
    while (j < text.size() && (is_ascii_digit(text[j]) || text[j] == '-' || text[j] == '.')) {
      ++j;
      if (is_ascii_digit(text[j - 1]) && split_numbering(format, fi + 8, text, j, parent, n, end)) {
        parent = std::string(text.substr(ti, j - ti));
        return true;
      }
    }
    return false;
  }
  // Spaces in the format match one or more spaces.
  if (format[fi] == ' ') {
    if (ti >= text.size() || text[ti] != ' ') return ti >= text.size() && fi + 1 == format.size();
    std::size_t j = ti;
    while (j < text.size() && text[j] == ' ')
      ++j;
    return split_numbering(format, fi + 1, text, j, parent, n, end);
  }
  if (ti >= text.size() || text[ti] != format[fi]) return false;
  return split_numbering(format, fi + 1, text, ti + 1, parent, n, end);
}

std::string_view strip_number_punctuation(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ')' || s.back() == ':' ||
                        s.back() == '-'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

bool NumberingSpec::split(std::string_view heading, std::string& number, std::string& parent,
                          std::int64_t& n, std::string_view& rest) const {
  if (format.empty()) return false;
  std::size_t end = 0;
  parent.clear();
  if (!split_numbering(format, 0, heading, 0, parent, n, end)) return false;
  number = std::string(strip_number_punctuation(heading.substr(0, end)));
  rest = heading.substr(end);
  while (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
  return true;
}

std::string NumberingSpec::number_for(std::string_view parent, std::int64_t n) const {
  return std::string(strip_number_punctuation(fill_numbering(format, parent, n)));
}

std::string NumberingSpec::prefix_for(std::string_view parent, std::int64_t n) const {
  return fill_numbering(format, parent, n);
}

int Schema::match_section(std::string_view heading) const {
  std::string number;
  std::string parent;
  std::int64_t n = 0;
  std::string_view rest = heading;
  if (!numbering.empty()) numbering.split(heading, number, parent, n, rest);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].names(rest)) return static_cast<int>(i);
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

// A spelling the schema language replaced: still read, reported once when
// the file is loaded, with what to write instead.
void deprecate(const TomlReader& r, const toml::source_region& where, std::string_view message,
               std::vector<std::string>& deprecations) {
  const Error at{r.origin(), where.begin.line, where.begin.column, std::string(message)};
  deprecations.push_back(fmt::format("{}: warning: {}", at.location(), at.message));
}

// What a label's items are: `content = "free"` (the default) or "ioc"; the
// older `ioc = true` still says the latter.
bool read_label_content(const TomlReader& r, const toml::table& t,
                        std::vector<std::string>& deprecations) {
  const toml::node* content = t.get("content");
  const toml::node* old = t.get("ioc");
  if (content != nullptr && old != nullptr) {
    r.fail(*old, "a label takes 'content = \"ioc\"' or the older 'ioc = true', not both");
  }
  if (old != nullptr) {
    const bool ioc = r.boolean(t, "ioc", false);
    deprecate(r, old->source(),
              ioc ? "'ioc = true' on a label is deprecated: write 'content = \"ioc\"'"
                  : "'ioc = false' on a label is deprecated: leave it out (content = \"free\")",
              deprecations);
    return ioc;
  }
  const std::string kind = r.string(t, "content", "free");
  if (kind != "free" && kind != "ioc") {
    r.fail(*content, "a label's 'content' must be \"free\" or \"ioc\"");
  }
  return kind == "ioc";
}

void read_labels(const TomlReader& r, const toml::array& a, std::string_view where,
                 ArticleSpec& spec, std::vector<std::string>& deprecations) {
  std::vector<std::string> seen;
  for_each_table(r, a, where, [&](const toml::table& t) {
    r.check_keys(t,
                 {"name", "required", "aliases", "accepted", "none_marker", "none_variants",
                  "min_items", "max_items", "max_item_length", "content", "ioc"},
                 where);
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
    label.ioc = read_label_content(r, t, deprecations);
    spec.labels.push_back(std::move(label));
  });
  if (spec.labels.empty()) r.fail(a, fmt::format("the articles need at least one {}", where));
}

// The article format: the heading level under `level_key`, the legacy
// numbered items, the leaked text and the labels (under `labels_where`).
void read_article_format(const TomlReader& r, const toml::table& t, std::string_view level_key,
                         std::string_view labels_where, ArticleSpec& spec,
                         std::vector<std::string>& deprecations) {
  spec.enabled = true;
  spec.level = heading_level(r, t, level_key, spec.level);
  spec.numbered_url_items = r.boolean(t, "numbered_url_items", false);
  spec.leaked_text = r.strings(t, "leaked_text", {});
  for (const std::string& phrase : spec.leaked_text) {
    if (phrase.empty()) r.fail(*t.get("leaked_text"), "'leaked_text' must not hold \"\"");
  }
  const toml::array* labels = r.array(t, "labels");
  if (labels == nullptr) {
    r.fail(t.source(), fmt::format("the articles need {} entries", labels_where));
  }
  read_labels(r, *labels, labels_where, spec, deprecations);
}

// Deprecated: the article format as a top-level [articles] table, apart
// from the section that holds the articles.
void read_articles(const TomlReader& r, const toml::table& t, Schema& s) {
  r.check_keys(t, {"level", "numbered_url_items", "leaked_text", "labels"}, "[articles]");
  if (s.articles.enabled) {
    r.fail(t.source(),
           "[articles] repeats the article format the content = \"articles\" section gives");
  }
  deprecate(r, t.source(),
            "the top-level [articles] table is deprecated: put its keys on the content = "
            "\"articles\" [[sections]] entry (level -> article_level, leaked_text, "
            "numbered_url_items; [[articles.labels]] -> [[sections.labels]])",
            s.deprecations);
  read_article_format(r, t, "level", "[[articles.labels]]", s.articles, s.deprecations);
}

// The keys of the `articles` content kind on its [[sections]] entry.
constexpr std::array<std::string_view, 4> kArticleKeys = {"article_level", "numbered_url_items",
                                                          "leaked_text", "labels"};

const toml::node* first_article_key(const toml::table& t) {
  for (const std::string_view key : kArticleKeys) {
    if (const toml::node* node = t.get(key)) return node;
  }
  return nullptr;
}

// A section of another kind (at any depth) takes none of them.
void refuse_article_keys(const TomlReader& r, const toml::table& t) {
  if (r.string(t, "content", "free") == "articles") return;
  for (const std::string_view key : kArticleKeys) {
    if (const toml::node* node = t.get(key)) {
      r.fail(*node, fmt::format("'{}' is for content = \"articles\"", key));
    }
  }
}

// The article format on the first `articles` section that gives it; the
// schema's other `articles` sections share it.
void read_article_section(const TomlReader& r, const toml::table& t, Schema& s) {
  const toml::node* first = first_article_key(t);
  if (first == nullptr) return;
  if (s.articles.enabled) {
    r.fail(*first,
           "the article format is given once, on the first content = \"articles\" section; "
           "the others share it");
  }
  read_article_format(r, t, "article_level", "[[sections.labels]]", s.articles, s.deprecations);
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
  r.check_keys(t,
               {"categories", "familiarity", "familiarity_accepted", "scopes", "service_domains"},
               "[ioc]");
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
  spec.service_domains = r.strings(t, "service_domains", {});
  for (std::string& domain : spec.service_domains) {
    std::transform(domain.begin(), domain.end(), domain.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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

// ---- The schema language: title patterns, the tree of sections, content
// kinds. Kept apart from the digest keys above.

constexpr std::string_view kContentError =
    "'content' must be \"links\", \"articles\", \"free\", \"table\", \"key-value\", \"list\", "
    "\"ioc\", \"paragraphs\" or \"code\"";

// clang-format off
const std::initializer_list<std::string_view> kSectionKeys = {
    "heading",  "level", "accepted_levels", "required",  "content",   "one_of",  "pattern",
    "min",      "max",   "sections",        "order",     "numbering", "columns", "min_rows",
    "max_rows", "keys",  "item_pattern",    "min_items", "max_items",
    // content = "articles"
    "article_level", "numbered_url_items", "leaked_text", "labels",
    // content = "list" nesting, "paragraphs", "code"
    "nesting_step", "max_depth", "paragraph_pattern", "min_paragraphs", "max_paragraphs",
    "language", "min_blocks", "max_blocks"};
// clang-format on

TextPattern read_pattern(const TomlReader& r, const toml::table& t, std::string_view key) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return {};
  const std::string text = r.string(t, key, "");
  std::string error;
  TextPattern pattern = TextPattern::compile(text, error);
  if (!error.empty()) r.fail(*node, fmt::format("'{}': {}", key, error));
  return pattern;
}

void read_title_pattern(const TomlReader& r, const toml::table& t, Schema& s) {
  s.title_pattern = read_pattern(r, t, "pattern");
  if (!s.title_pattern.empty() && t.get("text") != nullptr) {
    r.fail(*t.get("pattern"), "[title] takes 'text' or 'pattern', not both");
  }
  // The literal text before the first part names the title where a whole
  // one is needed (near misses, `--schema auto` never sees user schemas).
  if (!s.title_pattern.empty()) s.title = s.title_pattern.source();
}

bool names_without_heading(const toml::table& t) {
  return t.get("one_of") != nullptr || t.get("pattern") != nullptr;
}

// The content kinds of the schema language, by their TOML names.
bool content_kind(std::string_view name, SectionContent& kind) {
  if (name == "table") {
    kind = SectionContent::Table;
  } else if (name == "key-value") {
    kind = SectionContent::KeyValue;
  } else if (name == "list") {
    kind = SectionContent::List;
  } else if (name == "ioc") {
    kind = SectionContent::Ioc;
  } else if (name == "paragraphs") {
    kind = SectionContent::Paragraphs;
  } else if (name == "code") {
    kind = SectionContent::Code;
  } else {
    return false;
  }
  return true;
}

NumberingSpec read_numbering(const TomlReader& r, const toml::table& t, bool nested) {
  NumberingSpec numbering;
  const toml::node* node = t.get("numbering");
  if (node == nullptr) return numbering;
  numbering.format = r.string(t, "numbering", "");
  const std::string& f = numbering.format;
  if (f.find("{n}") == std::string::npos || f.find("{n}") != f.rfind("{n}")) {
    r.fail(*node, "'numbering' needs '{n}' once (\"{n}. \", \"{parent}-{n}. \")");
  }
  if (f.find("{parent}") != std::string::npos && !nested) {
    r.fail(*node, "'{parent}' is for subsections' numbering; the top level has no parent");
  }
  std::string rest = f;
  for (const std::string_view part : {"{n}", "{parent}"}) {
    const std::size_t at = rest.find(part);
    if (at != std::string::npos) rest.erase(at, part.size());
  }
  if (rest.find_first_of("{}0123456789") != std::string::npos) {
    r.fail(*node, "'numbering' holds only '{n}', '{parent}' and punctuation or spaces");
  }
  return numbering;
}

// `order` and `numbering` of one level of the tree (the root's, or a
// section's for its subsections).
void read_tree_level(const TomlReader& r, const toml::table& t, std::string_view parent,
                     bool& any_order, NumberingSpec& numbering) {
  if (const toml::node* node = t.get("order")) {
    const std::string order = r.string(t, "order", "in-order");
    if (order != "in-order" && order != "any") {
      r.fail(*node, "'order' must be \"in-order\" or \"any\"");
    }
    any_order = order == "any";
  }
  numbering = read_numbering(r, t, !parent.empty());
}

// A table's [[sections.columns]] or a key-value section's [[sections.keys]]:
// each named once, required or not, its cells or values a pattern or a
// closed set.
template <typename Spec>
void read_named_values(const TomlReader& r, const toml::array& list, std::string_view list_name,
                       std::string_view one, std::vector<Spec>& out) {
  std::vector<std::string> seen;
  const std::string listed_in = fmt::format("the {}", list_name);
  for_each_table(r, list, list_name, [&](const toml::table& t) {
    r.check_keys(t, {"name", "required", "pattern", "values"}, one);
    Spec spec;
    spec.name = required_string(r, t, "name", one);
    claim(r, seen, spec.name, *t.get("name"), listed_in);
    spec.required = r.boolean(t, "required", true);
    spec.pattern = read_pattern(r, t, "pattern");
    spec.values = r.strings(t, "values", {});
    out.push_back(std::move(spec));
  });
}

// The keys of content = "paragraphs" and content = "code".
void read_prose_and_code(const TomlReader& r, const toml::table& t, SectionSpec& spec) {
  const bool paragraphs = spec.content == SectionContent::Paragraphs;
  const bool code = spec.content == SectionContent::Code;
  for (const auto& [key, allowed, kind] :
       {std::tuple{"paragraph_pattern", paragraphs, "paragraphs"},
        std::tuple{"min_paragraphs", paragraphs, "paragraphs"},
        std::tuple{"max_paragraphs", paragraphs, "paragraphs"},
        std::tuple{"language", code, "code"}, std::tuple{"min_blocks", code, "code"},
        std::tuple{"max_blocks", code, "code"}}) {
    if (!allowed && t.get(key) != nullptr) {
      r.fail(*t.get(key), fmt::format("'{}' is for content = \"{}\"", key, kind));
    }
  }
  if (paragraphs) {
    spec.paragraph_pattern = read_pattern(r, t, "paragraph_pattern");
    spec.min_paragraphs = r.integer(t, "min_paragraphs", 1, 0, 100000);
    spec.max_paragraphs = r.integer(t, "max_paragraphs", 0, 0, 100000);
    if (spec.max_paragraphs != 0 && spec.max_paragraphs < spec.min_paragraphs) {
      r.fail(*t.get("max_paragraphs"),
             "'max_paragraphs' must be 0 (no limit) or at least 'min_paragraphs'");
    }
  }
  if (code) {
    spec.language = r.string(t, "language", "");
    if (spec.language.find_first_of(" \t`~") != std::string::npos) {
      r.fail(*t.get("language"), "'language' is one word, as after a code fence (\"bash\")");
    }
    spec.min_blocks = r.integer(t, "min_blocks", 1, 0, 100000);
    spec.max_blocks = r.integer(t, "max_blocks", 0, 0, 100000);
    if (spec.max_blocks != 0 && spec.max_blocks < spec.min_blocks) {
      r.fail(*t.get("max_blocks"), "'max_blocks' must be 0 (no limit) or at least 'min_blocks'");
    }
  }
}

void read_content_language(const TomlReader& r, const toml::table& t, SectionSpec& spec) {
  const bool table = spec.content == SectionContent::Table;
  const bool keyed = spec.content == SectionContent::KeyValue;
  const bool list = spec.content == SectionContent::List;
  auto only_for = [&](std::string_view key, bool allowed, std::string_view kind) {
    if (!allowed && t.get(key) != nullptr) {
      r.fail(*t.get(key), fmt::format("'{}' is for content = \"{}\"", key, kind));
    }
  };
  for (const std::string_view key : {"columns", "min_rows", "max_rows"})
    only_for(key, table, "table");
  only_for("keys", keyed, "key-value");
  for (const std::string_view key :
       {"item_pattern", "min_items", "max_items", "nesting_step", "max_depth"})
    only_for(key, list, "list");
  read_prose_and_code(r, t, spec);
  if (table) {
    const toml::array* columns = r.array(t, "columns");
    if (columns == nullptr) r.fail(t.source(), "content = \"table\" needs [[sections.columns]]");
    read_named_values(r, *columns, "columns", "a column", spec.columns);
    if (spec.columns.empty()) r.fail(*columns, "a table needs at least one column");
    spec.min_rows = r.integer(t, "min_rows", 0, 0, 100000);
    spec.max_rows = r.integer(t, "max_rows", 0, 0, 100000);
    if (spec.max_rows != 0 && spec.max_rows < spec.min_rows) {
      r.fail(*t.get("max_rows"), "'max_rows' must be 0 (no limit) or at least 'min_rows'");
    }
  }
  if (keyed) {
    const toml::array* keys = r.array(t, "keys");
    if (keys == nullptr) r.fail(t.source(), "content = \"key-value\" needs [[sections.keys]]");
    read_named_values(r, *keys, "keys", "a key", spec.keys);
  }
  if (list) {
    spec.item_pattern = read_pattern(r, t, "item_pattern");
    spec.min_items = r.integer(t, "min_items", 0, 0, 100000);
    spec.max_items = r.integer(t, "max_items", 0, 0, 100000);
    if (spec.max_items != 0 && spec.max_items < spec.min_items) {
      r.fail(*t.get("max_items"), "'max_items' must be 0 (no limit) or at least 'min_items'");
    }
    spec.nesting_step = static_cast<std::uint16_t>(r.integer(t, "nesting_step", 0, 0, 8));
    spec.max_depth = r.integer(t, "max_depth", 0, 0, 100);
  }
}

// The schema-language keys of one [[sections]] entry at any depth, and its
// subsections, recursively.
void read_section_language(const TomlReader& r, const toml::table& t, SectionSpec& spec,
                           int depth) {
  if (depth > 5) r.fail(t.source(), "sections nest at most six levels deep");
  spec.one_of = r.strings(t, "one_of", {});
  spec.pattern = read_pattern(r, t, "pattern");
  const int ways = (spec.heading.empty() ? 0 : 1) + (spec.one_of.empty() ? 0 : 1) +
                   (spec.pattern.empty() ? 0 : 1);
  if (ways != 1) r.fail(t.source(), "a section takes one of 'heading', 'one_of' or 'pattern'");
  for (const std::string& h : spec.one_of) {
    if (h.empty()) r.fail(*t.get("one_of"), "'one_of' must not hold \"\"");
  }
  if (t.get("required") != nullptr && t.get("min") != nullptr) {
    r.fail(*t.get("min"), "a section takes 'required' or 'min', not both");
  }
  spec.min_count = r.integer(t, "min", spec.required ? 1 : 0, 0, 1000);
  spec.required = spec.min_count >= 1;
  spec.max_count = r.integer(t, "max", 1, 0, 1000);
  if (spec.max_count != 0 && spec.max_count < spec.min_count) {
    r.fail(*t.get("max"), "'max' must be 0 (any number) or at least 'min'");
  }
  std::string content_name = r.string(t, "content", "free");
  SectionContent kind = SectionContent::Free;
  if (content_kind(content_name, kind)) spec.content = kind;
  read_content_language(r, t, spec);
  refuse_article_keys(r, t);
  read_tree_level(r, t, spec.heading.empty() ? "section" : spec.heading, spec.children_any_order,
                  spec.children_numbering);
  const toml::array* children = r.array(t, "sections");
  if (children == nullptr) {
    if (t.get("order") != nullptr || t.get("numbering") != nullptr) {
      r.fail(t.source(), "'order' and 'numbering' describe subsections: this section has none");
    }
    return;
  }
  for_each_table(r, *children, "[[sections.sections]]", [&](const toml::table& c) {
    r.check_keys(c, kSectionKeys, "[[sections.sections]]");
    if (c.get("accepted_levels") != nullptr) {
      r.fail(*c.get("accepted_levels"), "'accepted_levels' is for top-level sections");
    }
    SectionSpec child;
    child.heading = r.string(c, "heading", "");
    child.level = heading_level(r, c, "level", std::min(spec.level + 1, 6));
    if (child.level <= spec.level) {
      r.fail(c.source(), "a subsection's level must be deeper than its parent's");
    }
    child.required = r.boolean(c, "required", true);
    const std::string content = r.string(c, "content", "free");
    if (content == "links" || content == "articles") {
      r.fail(*c.get("content"),
             "subsections hold \"free\", \"table\", \"key-value\", \"list\", \"ioc\", "
             "\"paragraphs\" or \"code\"");
    }
    if (!content_kind(content, child.content) && content != "free") {
      r.fail(*c.get("content"), kContentError);
    }
    read_section_language(r, c, child, depth + 1);
    for (const SectionSpec& sibling : spec.children) {
      if (!child.heading.empty() && sibling.heading == child.heading) {
        r.fail(*c.get("heading"), fmt::format("subsection '{}' is listed twice", child.heading));
      }
      if (sibling.level != child.level) {
        r.fail(c.source(), "subsections of one section share one level");
      }
    }
    spec.children.push_back(std::move(child));
  });
}

// Whether a section at any depth is an IOC list.
bool has_ioc_section(const std::vector<SectionSpec>& sections) {
  return std::any_of(sections.begin(), sections.end(), [](const SectionSpec& spec) {
    return spec.content == SectionContent::Ioc || has_ioc_section(spec.children);
  });
}

// [breaks] between_sections: "required", "forbidden" or "any".
void read_breaks(const TomlReader& r, const toml::table& t, Schema& s) {
  r.check_keys(t, {"between_sections"}, "[breaks]");
  const std::string between = r.string(t, "between_sections", "any");
  if (between == "required") {
    s.breaks_between_sections = SectionBreaks::Required;
  } else if (between == "forbidden") {
    s.breaks_between_sections = SectionBreaks::Forbidden;
  } else if (between != "any") {
    r.fail(*t.get("between_sections"),
           "'between_sections' must be \"required\", \"forbidden\" or \"any\"");
  }
}

void read_schema(const TomlReader& r, const toml::table& root, Schema& s) {
  r.check_keys(root,
               {"name", "description", "title", "preamble", "lists", "empty_section", "sections",
                "articles", "ioc", "rules", "order", "numbering", "breaks"},
               "the schema");
  read_tree_level(r, root, "", s.sections_any_order, s.numbering);
  s.name = r.string(root, "name", "");
  if (s.name.empty()) r.fail(root.source(), "the schema needs a 'name'");
  s.description = r.string(root, "description", "");

  if (const toml::table* t = r.table(root, "title")) {
    r.check_keys(*t, {"text", "level", "pattern"}, "[title]");
    s.title = r.string(*t, "text", s.title);
    s.title_level = heading_level(r, *t, "level", s.title_level);
    read_title_pattern(r, *t, s);
  }
  if (const toml::table* t = r.table(root, "breaks")) read_breaks(r, *t, s);
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
      r.check_keys(t, kSectionKeys, "[[sections]]");
      SectionSpec spec;
      spec.heading = r.string(t, "heading", "");
      if (spec.heading.empty() && !names_without_heading(t)) {
        r.fail(t.source(), "a section needs a non-empty 'heading' (or 'one_of' or 'pattern')");
      }
      if (!spec.heading.empty() && s.find_section(spec.heading) >= 0) {
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
      read_section_language(r, t, spec, 0);
      const std::string content = r.string(t, "content", "free");
      if (content_kind(content, spec.content)) {
        // table, key-value or list: read by read_section_language
      } else if (content == "links") {
        spec.content = SectionContent::Links;
      } else if (content == "articles") {
        spec.content = SectionContent::Articles;
      } else if (content == "free") {
        spec.content = SectionContent::Free;
      } else {
        r.fail(*t.get("content"), kContentError);
      }
      if (spec.content == SectionContent::Articles) read_article_section(r, t, s);
      s.sections.push_back(std::move(spec));
    }
  }
  if (s.sections.empty()) r.fail(root.source(), "the schema needs at least one [[sections]] entry");
  if (const toml::table* t = r.table(root, "articles")) read_articles(r, *t, s);
  if (const toml::table* t = r.table(root, "ioc")) read_ioc(r, *t, s.ioc);
  const bool has_ioc_label = std::any_of(s.articles.labels.begin(), s.articles.labels.end(),
                                         [](const LabelSpec& l) { return l.ioc; });
  if (has_ioc_section(s.sections) && s.ioc.categories.empty()) {
    r.fail(root.source(), "a section has content = \"ioc\" but the schema has no [ioc] table");
  }
  if (has_ioc_label && s.ioc.categories.empty()) {
    r.fail(root.source(), "a label has content = \"ioc\" but the schema has no [ioc] table");
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
    schema.is_outline_ = uses_tree_language(schema);
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
  static bool uses_tree_language(const Schema& schema) {
    if (!schema.title_pattern.empty() || !schema.numbering.empty() || schema.sections_any_order ||
        schema.breaks_between_sections != SectionBreaks::Any)
      return true;
    for (const SectionSpec& s : schema.sections) {
      if (!s.one_of.empty() || !s.pattern.empty() || s.max_count != 1 || s.min_count > 1 ||
          !s.children.empty() || s.content == SectionContent::Table ||
          s.content == SectionContent::KeyValue || s.content == SectionContent::List ||
          s.content == SectionContent::Paragraphs || s.content == SectionContent::Code) {
        return true;
      }
    }
    return false;
  }

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

namespace {

std::mutex warning_mutex;
void (*warning_handler)(const std::string&) = nullptr;
std::set<std::string> warned_files;

// A file's deprecation warnings, the first time it is loaded.
void report_deprecations(const Schema& schema) {
  const std::lock_guard lock(warning_mutex);
  if (warning_handler == nullptr || schema.deprecations.empty()) return;
  if (!warned_files.insert(schema.origin).second) return;
  for (const std::string& line : schema.deprecations)
    warning_handler(line);
}

}  // namespace

void set_schema_warning_handler(void (*report)(const std::string& line)) {
  const std::lock_guard lock(warning_mutex);
  warning_handler = report;
}

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
  std::shared_ptr<const Schema> schema = parse_schema(text, name_or_path, error);
  if (schema) report_deprecations(*schema);
  return schema;
}

}  // namespace digestlint
