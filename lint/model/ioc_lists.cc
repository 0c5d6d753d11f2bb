// IOC lists outside articles: the top-level items of a `content = "ioc"`
// section (at the top level or a subsection at any depth) are IOC entries
// in the schema's [ioc] grammar. They join Digest::iocs like the entries
// under an article's IOC label, each with its item (no label), so the
// DL4xx rules and the IOC export read them the same way.
#include <algorithm>
#include <string>
#include <vector>

#include "digestlint/digest.h"
#include "digestlint/schema.h"
#include "digestlint/text.h"
#include "model/articles.h"

namespace digestlint {

namespace {

bool has_ioc_list(const std::vector<SectionSpec>& specs) {
  return std::any_of(specs.begin(), specs.end(), [](const SectionSpec& spec) {
    return spec.content == SectionContent::Ioc || has_ioc_list(spec.children);
  });
}

class IocListBuilder {
 public:
  IocListBuilder(const Document& doc, const SourceText& source, const Schema& schema,
                 Digest& digest)
      : doc_(doc), bytes_(source.bytes()), schema_(schema), digest_(digest) {}

  void run() {
    for (const Section& s : digest_.sections) {
      if (s.spec < 0 || s.duplicate_of != kNone) continue;
      section(schema_.sections[s.spec], s.heading, s.body_end);
    }
  }

 private:
  // A section whose heading is `heading` and which ends before `end`:
  // its own list when it is an IOC list, then its subsections'.
  void section(const SectionSpec& spec, std::int32_t heading, std::uint32_t end) {
    const auto first = static_cast<std::size_t>(heading) + 1;
    std::uint32_t body_end = end;
    if (first < doc_.headings.size() && doc_.headings[first].line < body_end) {
      body_end = doc_.headings[first].line;
    }
    if (spec.content == SectionContent::Ioc) {
      list(doc_.headings[heading].line + 1, body_end);
    }
    if (!has_ioc_list(spec.children)) return;
    // Its subsections: the headings at their level until the section ends,
    // named as the outline names them (numbering off, then the name).
    const std::uint8_t level = spec.children.front().level;
    for (std::size_t i = first; i < doc_.headings.size(); ++i) {
      const Heading& h = doc_.headings[i];
      if (h.line >= end) break;
      if (h.level != level) continue;
      std::uint32_t child_end = end;
      for (std::size_t j = i + 1; j < doc_.headings.size(); ++j) {
        if (doc_.headings[j].line >= end) break;
        if (doc_.headings[j].level <= level) {
          child_end = doc_.headings[j].line;
          break;
        }
      }
      const int child = child_spec(spec, bytes_.substr(h.text.begin, h.text.size()));
      if (child >= 0) section(spec.children[child], static_cast<std::int32_t>(i), child_end);
    }
  }

  static int child_spec(const SectionSpec& parent, std::string_view heading) {
    std::string number;
    std::string parent_number;
    std::int64_t n = 0;
    std::string_view name = heading;
    if (!parent.children_numbering.empty()) {
      parent.children_numbering.split(heading, number, parent_number, n, name);
    }
    for (std::size_t c = 0; c < parent.children.size(); ++c) {
      if (parent.children[c].names(name)) return static_cast<int>(c);
    }
    return -1;
  }

  bool is_empty_marker(std::string_view text) const {
    const std::string folded = fold_loosely(text);
    const std::vector<std::string>& markers = schema_.folded_empty_markers();
    return std::find(markers.begin(), markers.end(), folded) != markers.end();
  }

  // The top-level items of the lines [begin, end): each an IOC entry,
  // except the section's empty marker.
  void list(std::uint32_t begin, std::uint32_t end) {
    for (std::uint32_t l = begin; l < end; ++l) {
      const Line& line = doc_.lines[l];
      if (line.comment || line.role != LineRole::ItemStart || line.item == kNone ||
          line.shape != LineShape::Bullet || doc_.blocks[line.item].list_depth != 0) {
        continue;
      }
      const ByteRange text{line.content_begin, std::max(line.content_begin, line.trailing_ws)};
      if (text.empty() || is_empty_marker(bytes_.substr(text.begin, text.size()))) continue;
      ArticleItem item;
      item.line = l;
      item.text = text;
      item.top = true;
      item.ioc = static_cast<std::int32_t>(digest_.iocs.size());
      IocEntry entry;
      entry.line = l;
      entry.item = static_cast<std::int32_t>(digest_.items.size());
      parse_ioc_entry(bytes_, text, schema_.ioc, entry);
      if (entry.kind == IocKind::Entry && entry.raw_fields >= 2) {
        digest_.line_flags[l] |= Digest::kIocEntry;
      }
      digest_.items.push_back(item);
      digest_.iocs.push_back(entry);
    }
  }

  const Document& doc_;
  std::string_view bytes_;
  const Schema& schema_;
  Digest& digest_;
};

}  // namespace

void build_ioc_lists(const Document& doc, const SourceText& source, const Schema& schema,
                     Digest& digest) {
  if (schema.ioc.categories.empty() || !has_ioc_list(schema.sections)) return;
  IocListBuilder(doc, source, schema, digest).run();
}

}  // namespace digestlint
