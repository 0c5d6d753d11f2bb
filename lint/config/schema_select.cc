// Automatic schema choice: which built-in schema, if any, a file is a
// digest of. It reads the file's headings with the scanner the linter
// uses, so it agrees with the linter on what is a heading (fences,
// setext underlines, HTML blocks, a byte-order mark) instead of keeping a
// second Markdown reader of its own.
#include "config/schema_select.h"

#include <algorithm>
#include <string>
#include <vector>

#include "config/builtin_schemas.h"
#include "config/schema_loader.h"
#include "digestlint/document.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "digestlint/text.h"
#include "parse/scanner.h"

namespace digestlint {

namespace {

// A built-in schema's title and section headings, folded once for matching.
struct Candidate {
  std::string_view name;
  std::string title;  // fold_for_match of the title
  std::vector<std::string> sections;
  std::string raw_title;  // the title as the schema writes it
  // The first candidate whose folded title is this one's: the one a title
  // equal to raw_title is claimed for, without folding it.
  std::size_t first_same_title = 0;
};

const std::vector<Candidate>& candidates() {
  static const std::vector<Candidate> all = [] {
    std::vector<Candidate> out;
    for (const BuiltinSchema& b : builtin_schemas()) {
      Error error;
      const auto schema = load_schema(b.name, error);
      if (!schema) continue;
      Candidate c;
      c.name = b.name;
      c.title = fold_for_match(schema->title);
      for (const SectionSpec& s : schema->sections)
        c.sections.push_back(fold_for_match(s.heading));
      c.raw_title = schema->title;
      c.first_same_title = out.size();
      for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].title == c.title) {
          c.first_same_title = i;
          break;
        }
      }
      out.push_back(std::move(c));
    }
    return out;
  }();
  return all;
}

// Scratch reused across files on the same thread: the scanner's buffers
// grow to the largest file once.
struct Scratch {
  SourceText source;
  Scanner scanner;
  Document doc;
};

std::optional<SchemaClaim> claim_by_title(std::string_view folded_title) {
  const Candidate* near = nullptr;
  std::size_t near_distance = 0;
  for (const Candidate& c : candidates()) {
    if (folded_title == c.title) return SchemaClaim{c.name, ClaimBasis::Title};
    if (!is_near_miss_folded(folded_title, c.title)) continue;
    const std::size_t d = edit_distance(folded_title, c.title);
    if (near == nullptr || d < near_distance) {
      near = &c;
      near_distance = d;
    }
  }
  if (near != nullptr) return SchemaClaim{near->name, ClaimBasis::NearTitle};
  return std::nullopt;
}

std::optional<SchemaClaim> claim_by_sections(const std::vector<std::string>& folded_headings) {
  const Candidate* best = nullptr;
  double best_share = 0;
  for (const Candidate& c : candidates()) {
    if (c.sections.empty()) continue;
    std::size_t found = 0;
    for (const std::string& section : c.sections) {
      const bool present =
          std::any_of(folded_headings.begin(), folded_headings.end(),
                      [&](const std::string& h) { return is_near_miss_folded(h, section); });
      if (present) ++found;
    }
    // More than half: a note that happens to have a "Tools" and a
    // "security report" heading is not a digest.
    if (found * 2 <= c.sections.size()) continue;
    const double share = static_cast<double>(found) / static_cast<double>(c.sections.size());
    if (best == nullptr || share > best_share) {
      best = &c;
      best_share = share;
    }
  }
  if (best != nullptr) return SchemaClaim{best->name, ClaimBasis::Sections};
  return std::nullopt;
}

}  // namespace

std::optional<SchemaClaim> claim_schema(std::string_view text) {
  // The common case without the scanner: a first line "# Title" (no BOM,
  // no indent, no '#' or space around the text) is an ATX H1 whatever
  // follows, and this text is the heading text the scanner would give.
  // Only an exact title claims here; anything else goes the long way.
  if (!text.starts_with("\xEF\xBB\xBF")) {
    const std::string_view first = text.substr(0, text.find('\n'));
    std::string_view title = first;
    if (title.ends_with('\r')) title.remove_suffix(1);
    if (title.starts_with("# ") && title.size() > 2) {
      title.remove_prefix(2);
      const auto plain = [](char c) { return c != ' ' && c != '\t'; };
      if (plain(title.front()) && plain(title.back()) &&
          title.find_first_of("#\r") == std::string_view::npos) {
        // Most titles are written as their schema writes them: equal
        // bytes fold equally, and need no folding.
        const std::vector<Candidate>& all = candidates();
        for (const Candidate& c : all) {
          if (title == c.raw_title)
            return SchemaClaim{all[c.first_same_title].name, ClaimBasis::Title};
        }
        const std::string folded = fold_for_match(title);
        for (const Candidate& c : candidates()) {
          if (folded == c.title) return SchemaClaim{c.name, ClaimBasis::Title};
        }
      }
    }
  }
  thread_local Scratch scratch;
  // The title opens a digest: read the first few hundred bytes (whole
  // lines), then the first few KiB, and the whole file only when they hold
  // no ATX H1 that claims it. An ATX heading there is one in the whole file
  // too: whether a line is one depends on the lines before it, never on
  // those after. Most digests are claimed by their first line.
  for (const std::size_t window : {std::size_t{512}, std::size_t{4096}}) {
    if (text.size() <= 2 * window) break;
    const std::size_t eol = text.find('\n', window);
    scratch.source.reset(text.substr(0, eol == std::string_view::npos ? text.size() : eol + 1));
    scratch.scanner.scan(scratch.source, scratch.doc);
    const auto& early = scratch.doc.headings;
    const auto h1 =
        std::find_if(early.begin(), early.end(), [](const Heading& h) { return h.level == 1; });
    if (h1 != early.end() && !h1->setext) {
      if (auto claim = claim_by_title(fold_for_match(scratch.source.slice(h1->text)))) return claim;
      break;  // the file's title, and it claims for no schema: a wider window says the same
    }
  }
  scratch.source.reset(text);
  scratch.scanner.scan(scratch.source, scratch.doc);
  const std::vector<Heading>& headings = scratch.doc.headings;

  auto title =
      std::find_if(headings.begin(), headings.end(), [](const Heading& h) { return h.level == 1; });
  if (title == headings.end() && !headings.empty()) title = headings.begin();
  if (title != headings.end()) {
    if (auto claim = claim_by_title(fold_for_match(scratch.source.slice(title->text))))
      return claim;
  }
  std::vector<std::string> folded;
  folded.reserve(headings.size());
  for (const Heading& h : headings)
    folded.push_back(fold_for_match(scratch.source.slice(h.text)));
  return claim_by_sections(folded);
}

std::string_view to_string(ClaimBasis basis) {
  switch (basis) {
    case ClaimBasis::Title:
      return "its title";
    case ClaimBasis::NearTitle:
      return "a near miss of its title";
    case ClaimBasis::Sections:
      return "its section headings";
  }
  return "";
}

std::string_view resolve_schema_for(std::string_view text) {
  if (const auto claim = claim_schema(text)) return claim->schema;
  return builtin_schema_names().front();
}

}  // namespace digestlint
