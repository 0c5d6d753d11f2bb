// The article model: for each article of an `articles` section, its title,
// its URL line, its label blocks with their items, and the IOC entries
// under the IOC label. Read once per file from the Document; the DL3xx and
// DL4xx rules only look at the result.
#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <span>
#include <string>

#include "base/fold.h"
#include "base/sequence.h"
#include "digestlint/text.h"
#include "digestlint/url.h"
#include "model/articles.h"

namespace digestlint {

namespace {

// ASCII space, tab or U+3000 at `at`: the byte length, else 0.
std::size_t space_at(std::string_view s, std::size_t at) {
  if (at >= s.size()) return 0;
  if (s[at] == ' ' || s[at] == '\t') return 1;
  if (s.compare(at, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}

// What may separate a label from text after it: ':', '：', a space.
std::size_t separator_at(std::string_view s, std::size_t at) {
  if (at >= s.size()) return 0;
  if (s[at] == ':') return 1;
  if (s.compare(at, 3, "\xEF\xBC\x9A") == 0) return 3;  // '：'
  return space_at(s, at);
}

struct LabelGuess {
  int spec = -1;
  LabelMatch match = LabelMatch::Unknown;
  std::size_t name_len = 0;  // bytes of the text that are the label
};

// Every spelling of every label, in the order classify_label weighs them
// (by label, then name, accepted, aliases), grouped by first byte: a line
// is compared only with the spellings that start like it, in that order.
// Which lines may start with a label at all, from their first three bytes:
// most lines an article holds start like none.
class LabelSpellings {
 public:
  struct Spelling {
    std::string_view text;
    int spec;
    LabelMatch match;
  };

  explicit LabelSpellings(const ArticleSpec& spec) {
    std::vector<Spelling> all;
    for (std::size_t i = 0; i < spec.labels.size(); ++i) {
      const LabelSpec& l = spec.labels[i];
      const int index = static_cast<int>(i);
      all.push_back({l.name, index, LabelMatch::Exact});
      for (const std::string& a : l.accepted)
        all.push_back({a, index, LabelMatch::Accepted});
      for (const std::string& a : l.aliases)
        all.push_back({a, index, LabelMatch::Alias});
    }
    std::erase_if(all, [](const Spelling& sp) { return sp.text.empty(); });
    std::stable_sort(all.begin(), all.end(), [](const Spelling& x, const Spelling& y) {
      return first_byte(x.text) < first_byte(y.text);
    });
    spellings_ = std::move(all);
    begin_.fill(0);
    end_.fill(0);
    for (std::size_t k = spellings_.size(); k-- > 0;)
      begin_[first_byte(spellings_[k].text)] = static_cast<std::uint32_t>(k);
    for (std::size_t k = 0; k < spellings_.size(); ++k)
      end_[first_byte(spellings_[k].text)] = static_cast<std::uint32_t>(k + 1);
    for (const Spelling& sp : spellings_) {
      if (sp.text.size() < 3) {
        short_first_.set(first_byte(sp.text));
      } else {
        three_.set(hash3(sp.text));
      }
    }
  }

  // False only when no spelling can start `text`. A line of three bytes or
  // more can only start with a spelling of three or more whose first three
  // bytes hash to a set bit, or with a shorter one whose first byte is set
  // in `short_first_`.
  bool may_start(std::string_view text) const {
    if (text.size() < 3) return true;
    return three_.test(hash3(text)) || short_first_.test(first_byte(text));
  }

  // The spellings starting with text's first byte, in weighing order.
  std::span<const Spelling> starting_like(std::string_view text) const {
    if (text.empty()) return {};
    const unsigned char b = first_byte(text);
    return std::span<const Spelling>(spellings_).subspan(begin_[b], end_[b] - begin_[b]);
  }

 private:
  static unsigned char first_byte(std::string_view s) { return static_cast<unsigned char>(s[0]); }

  static std::size_t hash3(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::uint32_t key = std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | p[2];
    return (key * 2654435761u) >> 22;  // 10 bits
  }

  std::vector<Spelling> spellings_;
  std::array<std::uint32_t, 256> begin_;  // spellings_[begin_[b], end_[b]) start with byte b
  std::array<std::uint32_t, 256> end_;
  std::bitset<1024> three_;
  std::bitset<256> short_first_;
};

// A label as written, exactly or with text after a separator. Near misses
// are resolved later, per article, against the labels it lacks.
LabelGuess classify_label(std::string_view text, const LabelSpellings& spellings) {
  LabelGuess best;
  for (const LabelSpellings::Spelling& sp : spellings.starting_like(text)) {
    const std::string_view spelling = sp.text;
    if (text.size() < spelling.size() || text.compare(0, spelling.size(), spelling) != 0) {
      continue;
    }
    if (text.size() > spelling.size() && separator_at(text, spelling.size()) == 0) continue;
    // Prefer the exact spelling, then the longest.
    const bool exact = text.size() == spelling.size();
    const bool best_exact = best.spec >= 0 && text.size() == best.name_len;
    if (best.spec >= 0 && (best_exact || (!exact && spelling.size() <= best.name_len))) continue;
    best = LabelGuess{sp.spec, sp.match, spelling.size()};
  }
  return best;
}

// Whether `s` holds at least `n` commas (memchr: most lines hold none).
bool has_commas(std::string_view s, int n) {
  const char* p = s.data();
  const char* end = p + s.size();
  for (; n > 0; --n) {
    p = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
    if (p == nullptr) return false;
    ++p;
  }
  return true;
}

// Whether `extra` (what follows a label) is only a separator: "追記:".
bool only_separators(std::string_view extra) {
  for (std::size_t i = 0; i < extra.size();) {
    const std::size_t n = separator_at(extra, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

struct UrlGuess {
  bool found = false;
  UrlLine form = UrlLine::Missing;
  ByteRange url;
};

// What the line right after a title holds, from its text (indentation and
// trailing whitespace excluded), at offset `base`.
UrlGuess classify_url_line(std::string_view s, Offset base) {
  UrlGuess g;
  auto at = [&](std::size_t b, std::size_t e) {
    return ByteRange{static_cast<Offset>(base + b), static_cast<Offset>(base + e)};
  };
  if (s.empty()) return g;
  if (starts_like_url(s)) {
    const std::size_t e = url_end(s, 0, UrlEnd::AtSpace);
    g.found = true;
    g.url = at(0, e);
    if (e < s.size()) {
      g.form = UrlLine::TextAround;
    } else {
      g.form = is_defanged(s.substr(0, e)) ? UrlLine::Defanged : UrlLine::Bare;
    }
    return g;
  }
  if (s.front() == '<') {
    const std::size_t close = s.find('>');
    if (close != std::string_view::npos && starts_like_url(s.substr(1))) {
      g.found = true;
      g.url = at(1, close);
      g.form = close + 1 == s.size() ? UrlLine::Angle : UrlLine::TextAround;
      return g;
    }
  }
  if (s.front() == '[') {
    const std::size_t mid = s.find("](");
    const std::size_t close = s.rfind(')');
    if (mid != std::string_view::npos && close != std::string_view::npos && close > mid &&
        starts_like_url(s.substr(mid + 2))) {
      g.found = true;
      g.url = at(mid + 2, close);
      g.form = close + 1 == s.size() ? UrlLine::MarkdownLink : UrlLine::TextAround;
      return g;
    }
  }
  std::size_t u = find_live_scheme(s);
  if (u == std::string_view::npos) u = s.find("hxxp");
  if (u != std::string_view::npos) {
    g.found = true;
    g.url = at(u, url_end(s, u, UrlEnd::AtSpace));
    g.form = UrlLine::TextAround;
  }
  return g;
}

class ArticleBuilder {
 public:
  ArticleBuilder(const Document& doc, const SourceText& source, const Schema& schema,
                 Digest& digest)
      : doc_(doc),
        bytes_(source.bytes()),
        schema_(schema),
        spec_(schema.articles),
        spellings_(schema.articles),
        digest_(digest) {}

  void run() {
    for (const Section& s : digest_.sections) {
      if (s.spec < 0 || schema_.sections[s.spec].content != SectionContent::Articles) continue;
      if (s.duplicate_of != kNone) continue;
      section(s);
    }
    mark_ioc_lines_elsewhere();
  }

 private:
  std::string_view text(ByteRange r) const { return bytes_.substr(r.begin, r.size()); }

  LabelGuess guess_label(std::string_view t) const {
    return spellings_.may_start(t) ? classify_label(t, spellings_) : LabelGuess{};
  }

  // guess_label of line l's content, once per line: find_split and body
  // both ask for every label line.
  const LabelGuess& guess_line(std::uint32_t l) {
    if (guesses_.empty()) guesses_.assign(doc_.lines.size(), LabelGuess{.spec = kNotGuessed});
    LabelGuess& g = guesses_[l];
    if (g.spec == kNotGuessed) g = guess_label(text(content(doc_.lines[l])));
    return g;
  }

  // Whether the text at `r` holds leaked template text. One search of the
  // article's lines answers for most articles, which hold none: where the
  // bytes either side of `r` are no ASCII word characters, a phrase that
  // is a token in `r` is one in the article too (is_token_at), so a clean
  // article has clean lines.
  bool holds_leaked_text(ByteRange r) const {
    if (!article_may_leak_ && r.begin >= article_bytes_.begin && r.end <= article_bytes_.end &&
        !is_word_byte_before(r.begin) && !is_word_byte_at(r.end)) {
      return false;
    }
    return spec_.holds_leaked_text(text(r));
  }

  bool is_word_byte_at(Offset at) const {
    if (at >= bytes_.size()) return false;
    const char c = bytes_[at];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  bool is_word_byte_before(Offset at) const { return at > 0 && is_word_byte_at(at - 1); }

  // A line's text without its list marker, indentation and trailing
  // whitespace.
  ByteRange content(const Line& line) const {
    Offset b = line.indent_end;
    if (line.shape == LineShape::Bullet || line.shape == LineShape::Ordered) {
      b = line.content_begin;
    } else if (line.shape == LineShape::DashNoSpace) {
      b = line.marker_end;
    }
    const Offset e = std::max(b, line.trailing_ws);
    return {std::min(b, e), e};
  }

  bool is_item_line(const Line& line) const {
    return line.role == LineRole::ItemStart &&
           (line.shape == LineShape::Bullet || line.shape == LineShape::Ordered);
  }

  int depth(const Line& line) const {
    return line.item == kNone ? -1 : doc_.blocks[line.item].list_depth;
  }

  bool is_numbered_url_item(const Line& line) const {
    return spec_.numbered_url_items && line.role == LineRole::ItemStart &&
           line.shape == LineShape::Ordered && line.indent < schema_.indent_step &&
           depth(line) == 0 && starts_like_url(text(content(line)));
  }

  void section(const Section& s) {
    // Article starts: headings at the article level, and (legacy) "1. <url>" items.
    std::vector<std::uint32_t> starts;
    for (std::uint32_t l = s.body_begin; l < s.body_end; ++l) {
      const Line& line = doc_.lines[l];
      if (line.comment) continue;
      if (line.heading != kNone && doc_.headings[line.heading].line == l &&
          doc_.headings[line.heading].level == spec_.level) {
        starts.push_back(l);
      } else if (is_numbered_url_item(line)) {
        starts.push_back(l);
      }
    }
    for (std::size_t i = 0; i < starts.size(); ++i) {
      article(starts[i], i + 1 < starts.size() ? starts[i + 1] : s.body_end);
    }
  }

  bool is_top_bullet(const Line& line) const {
    return is_item_line(line) && line.shape == LineShape::Bullet && depth(line) == 0;
  }

  // Where a second first label ("- 要約" after other labels) starts an
  // article whose heading was lost, with the title bullet before it; or
  // `end`.
  std::uint32_t find_split(std::uint32_t pos, std::uint32_t end) {
    bool seen_first = false;
    bool seen_other = false;
    for (std::uint32_t l = pos; l < end; ++l) {
      const Line& line = doc_.lines[l];
      if (line.comment || !is_top_bullet(line)) continue;
      const LabelGuess& g = guess_line(l);
      if (g.spec == 0 && g.name_len == content(line).size()) {
        if (seen_first && seen_other) {
          std::uint32_t split = l;
          while (split > pos) {
            const Line& prev = doc_.lines[split - 1];
            if (prev.blank() || prev.comment) {
              --split;
            } else if (is_top_bullet(prev) && guess_line(split - 1).spec < 0) {
              --split;
            } else {
              break;
            }
          }
          while (split < l && (doc_.lines[split].blank() || doc_.lines[split].comment))
            ++split;
          return split;
        }
        seen_first = true;
      } else if (g.spec > 0 && seen_first) {
        seen_other = true;
      }
    }
    return end;
  }

  void article(std::uint32_t start, std::uint32_t end, bool headless = false) {
    Article a;
    a.line = start;
    a.first_label = a.end_label = static_cast<std::uint32_t>(digest_.labels.size());
    a.first_item = a.end_item = static_cast<std::uint32_t>(digest_.items.size());
    const Line& first = doc_.lines[start];
    std::uint32_t pos = headless ? start : start + 1;
    const bool numbered = headless || first.heading == kNone;
    a.headless = headless;
    if (headless) {
      // Title (if any) and labels follow from here.
    } else if (!numbered) {
      a.heading = first.heading;
      const Heading& h = doc_.headings[first.heading];
      a.title = h.text;
      pos = std::max(pos, doc_.blocks[h.block].last_line + 1);
      url_line(a, pos, end);
    } else {
      a.url_form = UrlLine::InHeading;
      a.url_line = static_cast<std::int32_t>(start);
      const ByteRange c = content(first);
      a.url = {c.begin, static_cast<Offset>(c.begin + url_end(text(c), 0, UrlEnd::AtSpace))};
      a.url_text = c;
    }
    article_bytes_ = {doc_.lines[start].begin, doc_.lines[end - 1].end};
    article_may_leak_ = spec_.holds_leaked_text(text(article_bytes_));
    a.title_leak = !headless && !numbered && holds_leaked_text(a.title);
    if (a.title_leak) digest_.line_flags[a.line] |= Digest::kLeakedText;
    if (a.url_line != kNone) digest_.line_flags[a.url_line] |= Digest::kArticleUrl;
    const std::uint32_t split = find_split(pos, end);
    a.end_line = split;
    body(a, pos, split, numbered);
    digest_.articles.push_back(a);
    if (split < end) article(split, end, true);
  }

  void url_line(Article& a, std::uint32_t& pos, std::uint32_t end) {
    std::uint32_t l = pos;
    while (l < end && (doc_.lines[l].blank() || doc_.lines[l].comment))
      ++l;
    if (l >= end) return;
    const Line& line = doc_.lines[l];
    if (line.heading != kNone) return;
    const ByteRange t{line.indent_end, std::max(line.indent_end, line.trailing_ws)};
    const UrlGuess g = classify_url_line(text(t), t.begin);
    if (!g.found) return;
    // A label line ("- 要約 https://…") is not the URL line.
    if (line.shape == LineShape::Bullet && guess_line(l).spec >= 0) {
      return;
    }
    a.url_form = g.form;
    a.url = g.url;
    a.url_line = static_cast<std::int32_t>(l);
    a.url_text = t;
    for (std::uint32_t k = pos; k < l; ++k) {
      if (doc_.lines[k].blank()) a.blank_before_url = true;
    }
    pos = l + 1;
  }

  void body(Article& a, std::uint32_t pos, std::uint32_t end, bool numbered) {
    const std::size_t labels_begin = digest_.labels.size();
    std::int32_t current = kNone;  // index into digest_.labels
    int label_depth = 0;
    std::uint16_t label_indent = 0;
    bool title_seen = !numbered;
    for (std::uint32_t l = pos; l < end; ++l) {
      const Line& line = doc_.lines[l];
      if (line.blank() || line.comment || line.heading != kNone) continue;
      if (line.role == LineRole::Code || line.role == LineRole::Html ||
          line.role == LineRole::Table || line.role == LineRole::ThematicBreak) {
        continue;
      }
      const ByteRange c = content(line);
      const std::string_view t = text(c);
      const bool item = is_item_line(line);
      const bool dash = line.shape == LineShape::DashNoSpace;
      const bool top_level =
          (item && depth(line) == 0) || (dash && line.indent < schema_.indent_step);
      // Labels: any top-level item; deeper items and bare lines only when
      // they spell a label exactly ("  - その他", "その他").
      if (top_level && !t.empty()) {
        const LabelGuess g = guess_line(l);
        if (g.spec < 0 && !title_seen && current == kNone) {
          // "1. <url>" then "- タイトル: "…"": the title of a numbered article.
          title_seen = true;
          a.title = c;
          continue;
        }
        current = add_label(line, l, c, g, true);
        label_depth = item ? depth(line) : 0;
        label_indent = line.indent;
        continue;
      }
      if (!t.empty() && (item || !dash)) {
        // (Asked once: deeper lines are no top bullets for find_split.)
        const LabelGuess g = guess_label(t);
        if (g.spec >= 0 && only_separators(t.substr(g.name_len))) {
          current = add_label(line, l, c, g, item);
          label_depth = item ? depth(line) : -1;
          label_indent = line.indent;
          continue;
        }
      }
      if (numbered && current == kNone) continue;    // under the title bullet
      if (item && t.empty() && top_level) continue;  // "- ": empty-list-item's
      ArticleItem it;
      it.line = l;
      it.text = c;
      it.label = current;
      it.bullet = item || dash;
      if (item && label_depth >= 0 && current != kNone && digest_.labels[current].bullet) {
        it.top = depth(line) == label_depth + 1;
      } else {
        const std::uint16_t rel =
            line.indent > label_indent ? static_cast<std::uint16_t>(line.indent - label_indent) : 0;
        it.top = rel < 2 * schema_.indent_step;
      }
      it.leak = holds_leaked_text({line.begin, line.end});
      if (it.leak) digest_.line_flags[it.line] |= Digest::kLeakedText;
      digest_.items.push_back(it);
      if (current != kNone)
        digest_.labels[current].end_item = static_cast<std::uint32_t>(digest_.items.size());
    }
    a.end_label = static_cast<std::uint32_t>(digest_.labels.size());
    a.end_item = static_cast<std::uint32_t>(digest_.items.size());
    resolve_near_misses(labels_begin);
    mark_order(labels_begin);
    mark_items(a);
  }

  std::int32_t add_label(const Line& line, std::uint32_t l, ByteRange c, const LabelGuess& g,
                         bool bullet) {
    ArticleLabel label;
    label.line = l;
    label.spec = g.spec;
    label.match = g.match;
    label.bullet = bullet;
    label.indented = line.indent > 0;
    if (g.spec >= 0) {
      label.name = {c.begin, static_cast<Offset>(c.begin + g.name_len)};
      label.extra = {label.name.end, c.end};
    } else {
      label.name = c;
      label.extra = {c.end, c.end};
    }
    label.first_item = label.end_item = static_cast<std::uint32_t>(digest_.items.size());
    digest_.labels.push_back(label);
    return static_cast<std::int32_t>(digest_.labels.size() - 1);
  }

  // An unknown top-level line close to a label the article lacks is taken
  // as that label ("推奨事もも", "ChatG PTの推奨事項"): one finding, not also
  // "missing" and "out of order".
  void resolve_near_misses(std::size_t labels_begin) {
    std::vector<bool>& present = present_scratch_;
    present.assign(spec_.labels.size(), false);
    bool any_unknown = false;
    for (std::size_t i = labels_begin; i < digest_.labels.size(); ++i) {
      const ArticleLabel& l = digest_.labels[i];
      if (l.spec >= 0) present[l.spec] = true;
      any_unknown = any_unknown || l.spec < 0;
    }
    if (!any_unknown) return;
    for (std::size_t i = labels_begin; i < digest_.labels.size(); ++i) {
      ArticleLabel& l = digest_.labels[i];
      if (l.spec >= 0) continue;
      const std::string_view written = text(l.name);
      if (written.size() > 96) continue;
      const std::string folded = fold_for_match(written);
      const std::size_t len = code_point_count(folded);
      int best = -1;
      std::size_t best_distance = 0;
      for (std::size_t s = 0; s < spec_.labels.size(); ++s) {
        if (present[s]) continue;
        for (const std::string& spelling : spec_.labels[s].folded_spellings()) {
          const std::size_t target = code_point_count(spelling);
          const std::size_t allowed = std::max<std::size_t>(1, target / 2);
          if ((len > target ? len - target : target - len) > allowed) continue;
          const std::size_t d = edit_distance(folded, spelling);
          if (d <= allowed && (best < 0 || d < best_distance)) {
            best = static_cast<int>(s);
            best_distance = d;
          }
        }
      }
      if (best >= 0) {
        l.spec = best;
        l.match = LabelMatch::NearMiss;
        present[best] = true;
      }
    }
  }

  // Duplicates, and which labels are in schema order: the longest
  // increasing run of their specs, so one misplaced label is one finding.
  void mark_order(std::size_t labels_begin) {
    std::vector<std::int32_t>& first_of = first_of_scratch_;
    first_of.assign(spec_.labels.size(), kNone);
    std::vector<std::size_t>& firsts = firsts_scratch_;
    firsts.clear();
    for (std::size_t i = labels_begin; i < digest_.labels.size(); ++i) {
      ArticleLabel& l = digest_.labels[i];
      if (l.spec < 0) continue;
      if (first_of[l.spec] != kNone) {
        l.duplicate_of = first_of[l.spec];
      } else {
        first_of[l.spec] = static_cast<std::int32_t>(i);
        firsts.push_back(i);
      }
    }
    auto spec_of = [&](std::size_t k) { return digest_.labels[firsts[k]].spec; };
    // Most articles hold their labels in schema order: the whole run is
    // then the longest (the specs of first occurrences are distinct), with
    // no vectors to build.
    bool sorted = true;
    for (std::size_t k = 1; k < firsts.size() && sorted; ++k)
      sorted = spec_of(k - 1) < spec_of(k);
    if (sorted) {
      for (const std::size_t i : firsts)
        digest_.labels[i].in_order = true;
      return;
    }
    const std::vector<bool> in_order = longest_increasing_subsequence(firsts.size(), spec_of);
    for (std::size_t k = 0; k < firsts.size(); ++k)
      digest_.labels[firsts[k]].in_order = in_order[k];
  }

  bool is_none_variant(std::string_view t, int spec) {
    if (t.size() > 64) return false;
    // fold_loosely, into a string kept for the next item when it can.
    std::string& folded = fold_scratch_;
    if (!fold_loosely_simple(trim_ascii_space(t), folded)) folded = fold_loosely(t);
    const LabelSpec& label = spec_.labels[spec];
    for (const std::string& v : label.folded_none_variants()) {
      if (folded == v) return true;
    }
    return label.folded_none_marker() == folded;
  }

  void mark_items(const Article& a) {
    for (std::uint32_t i = a.first_item; i < a.end_item; ++i) {
      ArticleItem& it = digest_.items[i];
      if (it.label == kNone || !it.top || it.leak) continue;
      const ArticleLabel& label = digest_.labels[it.label];
      if (label.spec < 0) continue;
      const LabelSpec& spec = spec_.labels[label.spec];
      const std::string_view t = text(it.text);
      if (!spec.none_marker.empty() && !t.empty()) {
        it.none_marker = t == spec.none_marker || is_none_variant(t, label.spec);
      }
      if (spec.ioc && !it.none_marker && !t.empty()) {
        IocEntry e;
        e.line = it.line;
        e.item = static_cast<std::int32_t>(i);
        parse_ioc_entry(bytes_, it.text, schema_.ioc, e);
        it.ioc = static_cast<std::int32_t>(digest_.iocs.size());
        if (e.kind == IocKind::Entry && e.raw_fields >= 2)
          digest_.line_flags[it.line] |= Digest::kIocEntry;
        digest_.iocs.push_back(e);
      }
    }
  }

  // CSV lines with the IOC enumerations outside an IOC block (an entry
  // filed under another label): prose rules must skip them too.
  void mark_ioc_lines_elsewhere() {
    if (schema_.ioc.categories.empty()) return;
    // The first comma at or after where it was last looked for, kept from
    // line to line: most lines hold none, and one memchr then answers for
    // every line up to that comma.
    std::size_t comma = 0;
    bool comma_known = false;
    for (std::uint32_t l = 0; l < doc_.lines.size(); ++l) {
      const Line& line = doc_.lines[l];
      if (digest_.is_ioc_line(l) || line.blank() || line.comment || !line.in_prose() ||
          line.heading != kNone) {
        continue;
      }
      const ByteRange c = content(line);
      if (!comma_known || comma < c.begin) {
        const void* found = c.begin < bytes_.size()
                                ? std::memchr(bytes_.data() + c.begin, ',', bytes_.size() - c.begin)
                                : nullptr;
        comma = found != nullptr
                    ? static_cast<std::size_t>(static_cast<const char*>(found) - bytes_.data())
                    : bytes_.size();
        comma_known = true;
      }
      if (comma >= c.end) continue;
      const std::string_view t = text(c);
      if (!has_commas(t, 3)) continue;
      if (looks_like_ioc_entry(bytes_, c, schema_.ioc)) digest_.line_flags[l] |= Digest::kIocEntry;
    }
  }

  const Document& doc_;
  std::string_view bytes_;
  const Schema& schema_;
  const ArticleSpec& spec_;
  LabelSpellings spellings_;
  // guess_line's answers, by line: kNotGuessed as the spec until asked
  // (guess_label answers -1 or a label).
  static constexpr int kNotGuessed = -2;
  std::vector<LabelGuess> guesses_;
  // The lines of the article being read, and whether they hold any leaked
  // text at all.
  ByteRange article_bytes_;
  bool article_may_leak_ = true;
  // Per-article scratch, kept for the next article: most files hold dozens.
  std::vector<bool> present_scratch_;
  std::vector<std::int32_t> first_of_scratch_;
  std::vector<std::size_t> firsts_scratch_;
  std::string fold_scratch_;
  Digest& digest_;
};

}  // namespace

void build_articles(const Document& doc, const SourceText& source, const Schema& schema,
                    Digest& digest) {
  digest.line_flags.assign(doc.lines.size(), 0);
  if (!schema.articles.enabled) return;
  ArticleBuilder(doc, source, schema, digest).run();
}

}  // namespace digestlint
