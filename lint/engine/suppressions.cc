#include "engine/suppressions.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "engine/registry.h"

namespace digestlint {

namespace {

constexpr std::string_view kPrefix = "digestlint-";

struct KindName {
  std::string_view name;
  DirectiveKind kind;
};
constexpr std::array<KindName, 5> kKinds{{
    {"disable", DirectiveKind::Disable},
    {"enable", DirectiveKind::Enable},
    {"disable-line", DirectiveKind::DisableLine},
    {"disable-next-line", DirectiveKind::DisableNextLine},
    {"disable-file", DirectiveKind::DisableFile},
}};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_keyword_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

// Parses the comment [open, close) (close: where "-->" starts, or the end
// of the buffer); `end` is past "-->".
void parse_comment(const SourceText& source, Offset open, Offset close, Offset end,
                   std::vector<Directive>& directives, std::vector<DirectiveProblem>& problems) {
  const std::string_view bytes = source.bytes();
  Offset i = open + 4;
  while (i < close && is_space(bytes[i]))
    ++i;
  if (bytes.substr(i, std::min<std::size_t>(kPrefix.size(), close - i)) != kPrefix) return;
  const Offset keyword_begin = i;
  i += static_cast<Offset>(kPrefix.size());
  Offset k = i;
  while (k < close && is_keyword_char(bytes[k]))
    ++k;
  const std::string_view name = bytes.substr(i, k - i);
  const KindName* kind = nullptr;
  for (const KindName& kn : kKinds) {
    if (kn.name == name) kind = &kn;
  }
  if (kind == nullptr) {
    // Other "digestlint-" comments (the test fixtures' expectations) are
    // not directives; a misspelt directive is reported, never ignored.
    std::string lower(name);
    for (char& c : lower)
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const KindName* near = nullptr;
    std::size_t best = 3;  // "disabel", "Disable", "disable-nextline"
    for (const KindName& kn : kKinds) {
      const std::size_t distance = edit_distance(lower, kn.name);
      if (distance < best) {
        best = distance;
        near = &kn;
      }
    }
    const bool family = lower.rfind("disable", 0) == 0 || lower.rfind("enable", 0) == 0;
    if (near == nullptr && !family) return;
    const std::string quoted = quote_for_message(bytes.substr(keyword_begin, k - keyword_begin));
    problems.push_back(DirectiveProblem{
        {keyword_begin, k},
        near != nullptr
            ? fmt::format(
                  "unknown directive '{}' suppresses nothing; did you mean 'digestlint-{}'?",
                  quoted, near->name)
            : fmt::format("unknown directive '{}' suppresses nothing; write digestlint-disable, "
                          "-enable, -disable-line, -disable-next-line or -disable-file",
                          quoted)});
    return;
  }

  Directive d;
  d.kind = kind->kind;
  d.comment = {open, end};
  d.line = source.line_of(open);
  d.last_line = source.line_of(end > open ? end - 1 : open);
  // The rule list: names separated by commas or white space, up to an
  // optional "-- reason".
  Offset last = k;
  for (Offset p = k; p < close;) {
    while (p < close && (is_space(bytes[p]) || bytes[p] == ','))
      ++p;
    if (p >= close) break;
    Offset q = p;
    while (q < close && !is_space(bytes[q]) && bytes[q] != ',')
      ++q;
    const std::string_view token = bytes.substr(p, q - p);
    if (token == "--") break;
    d.tokens.push_back({p, q});
    last = q;
    p = q;
  }
  d.text = {keyword_begin, last};
  d.list = d.tokens.empty() ? ByteRange{k, k} : ByteRange{d.tokens.front().begin, last};
  if (d.tokens.empty()) {
    DirectiveEntry all;
    all.token = {keyword_begin, k};
    d.entries.push_back(std::move(all));
  }
  for (const ByteRange& t : d.tokens) {
    const std::string_view token = source.slice(t);
    const std::vector<const RuleInfo*> matched = match_rules(token);
    for (const RuleInfo* rule : matched) {
      DirectiveEntry e;
      e.rule = rule;
      e.token = t;
      e.by_prefix = is_rule_prefix(token);
      d.entries.push_back(std::move(e));
    }
    if (!matched.empty()) continue;
    const RuleInfo* near = nearest_rule(token);
    problems.push_back(DirectiveProblem{
        t, near != nullptr
               ? fmt::format("unknown rule '{}' in '{}' suppresses nothing; did you mean {} ({})?",
                             quote_for_message(token), quote_for_message(source.slice(d.text)),
                             near->code, near->name)
               : fmt::format("unknown rule '{}' in '{}' suppresses nothing; write a rule code or "
                             "name (digestlint --list-rules)",
                             quote_for_message(token), quote_for_message(source.slice(d.text)))});
  }
  directives.push_back(std::move(d));
}

// Links each enable to the disables it ends, and marks it used when it
// ends one. Linear in the directives (a file of thousands of them stays
// fast): open disables are kept per rule, and of the every-rule disables,
// the open ones are always the last of them.
void resolve_ranges(std::vector<Directive>& directives) {
  std::map<const RuleInfo*, std::vector<DirectiveEntry*>> open_for_rule;
  std::vector<DirectiveEntry*> every_rule;  // every-rule entries of disables, in order
  std::size_t first_open = 0;               // every_rule[first_open..] are not ended
  // every_rule[..n] are ended or re-enabled for the rule.
  std::map<const RuleInfo*, std::size_t> reenabled_before;
  for (Directive& d : directives) {
    if (d.kind == DirectiveKind::Disable) {
      for (DirectiveEntry& e : d.entries) {
        if (e.rule == nullptr) {
          every_rule.push_back(&e);
        } else {
          open_for_rule[e.rule].push_back(&e);
        }
      }
      continue;
    }
    if (d.kind != DirectiveKind::Enable) continue;
    auto end_all = [&](std::vector<DirectiveEntry*>& open, DirectiveEntry& e) {
      for (DirectiveEntry* oe : open)
        oe->end_line = d.line;
      e.used = e.used || !open.empty();
      open.clear();
    };
    for (DirectiveEntry& e : d.entries) {
      if (e.rule == nullptr) {
        for (auto& [rule, open] : open_for_rule)
          end_all(open, e);
        for (std::size_t i = first_open; i < every_rule.size(); ++i)
          every_rule[i]->end_line = d.line;
        e.used = e.used || first_open < every_rule.size();
        first_open = every_rule.size();
        continue;
      }
      if (auto it = open_for_rule.find(e.rule); it != open_for_rule.end()) end_all(it->second, e);
      std::size_t& from = reenabled_before[e.rule];
      from = std::max(from, first_open);
      for (std::size_t i = from; i < every_rule.size(); ++i)
        every_rule[i]->ended_for.emplace_back(e.rule, d.line);
      e.used = e.used || from < every_rule.size();
      from = every_rule.size();
    }
  }
}

// The entry that suppresses each finding (nullptr: none), by position in
// `diagnostics`: the most specific directive wins (line, then range, then
// file), so a redundant broader one is reported as unused. Among line
// and file directives the first that covers the rule; among ranges the
// latest disable in effect on the finding's line. Answered for all
// findings at once, in line order, so many directives and many findings
// cost O((d + f) log) rather than d x f.
std::vector<DirectiveEntry*> suppressors(std::vector<Directive>& directives,
                                         const std::vector<Diagnostic>& diagnostics,
                                         const SourceText& source) {
  std::vector<DirectiveEntry*> out(diagnostics.size(), nullptr);
  // Line and file directives: the first entry per (line, rule), rule
  // nullptr standing for every rule; `order` is the entry's rank in the file.
  struct First {
    std::size_t order;
    DirectiveEntry* entry;
  };
  std::map<std::pair<std::uint32_t, const RuleInfo*>, First> on_line;
  std::map<const RuleInfo*, First> in_file;
  // Range disables, in file order (so by line).
  struct Range {
    std::uint32_t directive;
    std::uint32_t entry;
    DirectiveEntry* e;
    std::uint32_t begin_line;
  };
  std::vector<Range> every_rule_ranges;
  std::map<const RuleInfo*, std::vector<Range>> rule_ranges;
  std::size_t order = 0;
  for (std::size_t di = 0; di < directives.size(); ++di) {
    Directive& d = directives[di];
    for (std::size_t ei = 0; ei < d.entries.size(); ++ei, ++order) {
      DirectiveEntry& e = d.entries[ei];
      switch (d.kind) {
        case DirectiveKind::DisableLine:
          on_line.emplace(std::make_pair(d.line, e.rule), First{order, &e});
          break;
        case DirectiveKind::DisableNextLine:
          on_line.emplace(std::make_pair(d.last_line + 1, e.rule), First{order, &e});
          break;
        case DirectiveKind::DisableFile:
          in_file.emplace(e.rule, First{order, &e});
          break;
        case DirectiveKind::Disable: {
          const Range r{static_cast<std::uint32_t>(di), static_cast<std::uint32_t>(ei), &e, d.line};
          (e.rule == nullptr ? every_rule_ranges : rule_ranges[e.rule]).push_back(r);
          break;
        }
        case DirectiveKind::Enable:
          break;
      }
    }
  }
  auto first_of = [](const auto& map, const auto& specific, const auto& every) {
    const auto a = map.find(specific);
    const auto b = map.find(every);
    if (a == map.end()) return b == map.end() ? nullptr : b->second.entry;
    if (b == map.end()) return a->second.entry;
    return a->second.order < b->second.order ? a->second.entry : b->second.entry;
  };

  // The findings no line directive takes, per rule, by line.
  struct Query {
    std::uint32_t line;
    std::size_t index;
  };
  std::map<const RuleInfo*, std::vector<Query>> queries;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& diag = diagnostics[i];
    if (diag.rule->engine_reported) continue;
    const std::uint32_t line = source.line_of(diag.range.begin);
    out[i] = first_of(on_line, std::make_pair(line, diag.rule),
                      std::make_pair(line, static_cast<const RuleInfo*>(nullptr)));
    if (out[i] == nullptr) queries[diag.rule].push_back(Query{line, i});
  }
  const std::vector<Range> none;
  for (auto& [rule, asked] : queries) {
    std::stable_sort(asked.begin(), asked.end(),
                     [](const Query& a, const Query& b) { return a.line < b.line; });
    // The disables that cover the rule, merged in file order; a heap
    // keeps the latest begun on top, and drops those ended before the
    // line asked (lines only grow, so they never apply again).
    const auto found = rule_ranges.find(rule);
    const std::vector<Range>& mine = found == rule_ranges.end() ? none : found->second;
    auto later = [](const Range& a, const Range& b) {
      return a.directive != b.directive ? a.directive < b.directive : a.entry > b.entry;
    };
    auto end_for = [rule = rule](const Range& r) {
      std::uint32_t end = r.e->end_line;
      for (const auto& [reenabled, at] : r.e->ended_for) {
        if (reenabled == rule) end = std::min(end, at);
      }
      return end;
    };
    std::vector<Range> heap;
    std::size_t next_mine = 0;
    std::size_t next_every = 0;
    for (const Query& q : asked) {
      for (;;) {
        const bool has_mine = next_mine < mine.size() && mine[next_mine].begin_line <= q.line;
        const bool has_every = next_every < every_rule_ranges.size() &&
                               every_rule_ranges[next_every].begin_line <= q.line;
        if (!has_mine && !has_every) break;
        const Range& r =
            has_mine && (!has_every || later(every_rule_ranges[next_every], mine[next_mine]))
                ? mine[next_mine++]
                : every_rule_ranges[next_every++];
        if (end_for(r) <= q.line) continue;  // ended before this line: never again
        heap.push_back(r);
        std::push_heap(heap.begin(), heap.end(), later);
      }
      while (!heap.empty() && end_for(heap.front()) <= q.line) {
        std::pop_heap(heap.begin(), heap.end(), later);
        heap.pop_back();
      }
      if (!heap.empty()) out[q.index] = heap.front().e;
    }
  }
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (out[i] != nullptr || diagnostics[i].rule->engine_reported) continue;
    out[i] = first_of(in_file, diagnostics[i].rule, static_cast<const RuleInfo*>(nullptr));
  }
  return out;
}

bool only_blanks(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// The fix that deletes a whole directive comment.
Fix delete_comment(const SourceText& source, const Document& doc, const Directive& d) {
  const std::string_view bytes = source.bytes();
  const Offset line_begin = source.line_begin(d.line);
  const Offset line_end = source.line_end(d.last_line);
  const bool alone_before = only_blanks(bytes.substr(line_begin, d.comment.begin - line_begin));
  const bool alone_after = d.comment.end <= line_end &&
                           only_blanks(bytes.substr(d.comment.end, line_end - d.comment.end));
  if (alone_before && alone_after) {
    const Offset next =
        d.last_line + 1 < source.line_count() ? source.line_begin(d.last_line + 1) : source.size();
    // Deleting the line joins its neighbours; that can merge a paragraph
    // with the text after it, unless a blank line, the file's edge or an
    // ATX heading (which never continues) separates them.
    const bool closed_before = d.line == 0 || doc.lines[d.line - 1].blank() ||
                               doc.lines[d.line - 1].shape == LineShape::AtxHeading;
    const bool blank_after =
        d.last_line + 1 >= doc.lines.size() || doc.lines[d.last_line + 1].blank();
    return Fix{"delete the comment's line",
               {Edit{{line_begin, next}, ""}},
               closed_before || blank_after ? Applicability::Safe : Applicability::Unsafe};
  }
  if (alone_after) {
    Offset from = d.comment.begin;
    while (from > line_begin && (bytes[from - 1] == ' ' || bytes[from - 1] == '\t'))
      --from;
    return Fix{"delete the comment", {Edit{{from, line_end}, ""}}, Applicability::Safe};
  }
  Offset to = d.comment.end;
  while (to < bytes.size() && (bytes[to] == ' ' || bytes[to] == '\t'))
    ++to;
  // A comment opening a line makes the line an HTML block; without it the
  // rest of the line becomes Markdown.
  return Fix{"delete the comment",
             {Edit{{d.comment.begin, to}, ""}},
             alone_before ? Applicability::Unsafe : Applicability::Safe};
}

// The fix that drops one name from a directive's list.
Fix drop_token(const SourceText& source, const Directive& d, const ByteRange& token) {
  std::string list;
  for (const ByteRange& t : d.tokens) {
    if (t == token) continue;
    if (!list.empty()) list += ", ";
    list += source.slice(t);
  }
  return Fix{fmt::format("remove '{}' from the list", source.slice(token)),
             {Edit{d.list, std::move(list)}},
             Applicability::Safe};
}

std::string names(const SourceText& source, const Directive& d) {
  std::string out;
  const DirectiveEntry* previous = nullptr;
  for (const DirectiveEntry& e : d.entries) {
    if (e.rule == nullptr) return "";
    const bool same_prefix = previous != nullptr && e.by_prefix && previous->token == e.token;
    previous = &e;
    if (same_prefix) continue;
    out += fmt::format("{}{}", out.empty() ? "" : " or ",
                       e.by_prefix ? fmt::format("{}*", source.slice(e.token)) : e.rule->code);
  }
  return out + " ";
}

std::string unused_message(const SourceText& source, const Directive& d) {
  const std::string text = quote_for_message(source.slice(d.text));
  const std::string what = names(source, d);
  switch (d.kind) {
    case DirectiveKind::DisableLine:
      return fmt::format("'{}' suppresses nothing: line {} has no {}finding; remove it", text,
                         d.line + 1, what);
    case DirectiveKind::DisableNextLine:
      return fmt::format("'{}' suppresses nothing: line {} has no {}finding; remove it", text,
                         d.last_line + 2, what);
    case DirectiveKind::DisableFile:
      return fmt::format("'{}' suppresses nothing: the file has no {}finding; remove it", text,
                         what);
    case DirectiveKind::Enable:
      return fmt::format(
          "'{}' enables nothing: no digestlint-disable {}is in effect here; remove it", text, what);
    case DirectiveKind::Disable:
      break;
  }
  std::uint32_t end = 0;
  for (const DirectiveEntry& e : d.entries)
    end = std::max(end, e.end_line);
  return end == UINT32_MAX
             ? fmt::format(
                   "'{}' suppresses nothing: no {}finding from here to the end of the "
                   "file; remove it",
                   text, what)
             : fmt::format(
                   "'{}' suppresses nothing: no {}finding before its digestlint-enable on "
                   "line {}; remove it",
                   text, what, end + 1);
}

}  // namespace

void find_directives(const SourceText& source, const Document& doc,
                     std::vector<Directive>& directives, std::vector<DirectiveProblem>& problems) {
  const std::string_view bytes = source.bytes();
  Offset scanned = 0;  // end of the last comment read
  for (const TextRun& run : doc.runs) {
    if (run.kind != RunKind::Html || run.range.end <= scanned) continue;
    Offset from = std::max(run.range.begin, scanned);
    while (from < run.range.end) {
      const std::size_t open = bytes.substr(from, run.range.end - from).find("<!--");
      if (open == std::string_view::npos) break;
      const Offset begin = from + static_cast<Offset>(open);
      const std::size_t close = bytes.find("-->", begin + 4);
      const Offset stop =
          close == std::string_view::npos ? source.size() : static_cast<Offset>(close);
      const Offset end = close == std::string_view::npos ? source.size() : stop + 3;
      parse_comment(source, begin, stop, end, directives, problems);
      scanned = from = end;
    }
  }
}

void apply_suppressions(const SourceText& source, const Document& doc,
                        std::vector<Diagnostic>& diagnostics, const SeverityOf& severity_of) {
  std::vector<Directive> directives;
  std::vector<DirectiveProblem> problems;
  find_directives(source, doc, directives, problems);
  if (directives.empty() && problems.empty()) return;
  resolve_ranges(directives);

  const std::vector<DirectiveEntry*> suppressed_by = suppressors(directives, diagnostics, source);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (suppressed_by[i] != nullptr) {
      suppressed_by[i]->used = true;
    } else {
      if (kept != i) diagnostics[kept] = std::move(diagnostics[i]);
      ++kept;
    }
  }
  diagnostics.resize(kept);

  const Severity unused = severity_of(kUnusedSuppression);
  for (const Directive& d : directives) {
    if (unused == Severity::Off) break;
    // Entries of one prefix count as one: stale when none was used.
    std::vector<const DirectiveEntry*> stale;
    bool all_stale = true;
    for (std::size_t i = 0; i < d.entries.size();) {
      std::size_t group_end = i + 1;
      while (group_end < d.entries.size() && d.entries[i].by_prefix &&
             d.entries[group_end].token == d.entries[i].token)
        ++group_end;
      bool counted = false;
      bool used = false;
      for (std::size_t j = i; j < group_end; ++j) {
        const DirectiveEntry& e = d.entries[j];
        counted = counted || e.rule == nullptr || severity_of(*e.rule) != Severity::Off;
        used = used || e.used;
      }
      if (counted && !used) {
        stale.push_back(&d.entries[i]);
      } else {
        all_stale = false;
      }
      i = group_end;
    }
    if (stale.empty()) continue;
    if (all_stale) {
      diagnostics.push_back(Diagnostic{&kUnusedSuppression,
                                       unused,
                                       d.comment,
                                       unused_message(source, d),
                                       {},
                                       delete_comment(source, doc, d)});
      continue;
    }
    const std::string text = quote_for_message(source.slice(d.text));
    for (const DirectiveEntry* e : stale) {
      diagnostics.push_back(
          Diagnostic{&kUnusedSuppression,
                     unused,
                     e->token,
                     fmt::format("{} in '{}' {} nothing; remove it from the list",
                                 e->by_prefix ? source.slice(e->token) : e->rule->code, text,
                                 d.kind == DirectiveKind::Enable ? "enables" : "suppresses"),
                     {},
                     drop_token(source, d, e->token)});
    }
  }

  const Severity invalid = severity_of(kInvalidSuppression);
  if (invalid == Severity::Off) return;
  for (DirectiveProblem& p : problems) {
    diagnostics.push_back(
        Diagnostic{&kInvalidSuppression, invalid, p.range, std::move(p.message), {}, {}});
  }
}

}  // namespace digestlint
