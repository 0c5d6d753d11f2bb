#include "engine/suppressions.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

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
// ends one.
void resolve_ranges(std::vector<Directive>& directives) {
  std::vector<Directive*> disables;
  for (Directive& d : directives) {
    if (d.kind == DirectiveKind::Disable) {
      disables.push_back(&d);
      continue;
    }
    if (d.kind != DirectiveKind::Enable) continue;
    for (DirectiveEntry& e : d.entries) {
      for (Directive* o : disables) {
        for (DirectiveEntry& oe : o->entries) {
          if (oe.end_line != UINT32_MAX) continue;  // already ended
          if (oe.rule == nullptr) {
            if (e.rule == nullptr) {
              oe.end_line = d.line;
              e.used = true;
            } else if (std::none_of(oe.ended_for.begin(), oe.ended_for.end(),
                                    [&](const auto& p) { return p.first == e.rule; })) {
              oe.ended_for.emplace_back(e.rule, d.line);
              e.used = true;
            }
          } else if (e.rule == nullptr || e.rule == oe.rule) {
            oe.end_line = d.line;
            e.used = true;
          }
        }
      }
    }
  }
}

bool covers(const DirectiveEntry& e, const RuleInfo* rule) {
  return e.rule == nullptr || e.rule == rule;
}

// The entry that suppresses a finding of `rule` on `line`: the most
// specific directive wins (line, then range, then file), so a redundant
// broader one is reported as unused.
DirectiveEntry* suppressor(std::vector<Directive>& directives, const RuleInfo* rule,
                           std::uint32_t line) {
  for (Directive& d : directives) {
    const bool here = (d.kind == DirectiveKind::DisableLine && d.line == line) ||
                      (d.kind == DirectiveKind::DisableNextLine && d.last_line + 1 == line);
    if (!here) continue;
    for (DirectiveEntry& e : d.entries) {
      if (covers(e, rule)) return &e;
    }
  }
  // The latest disable in effect on the line.
  for (auto it = directives.rbegin(); it != directives.rend(); ++it) {
    if (it->kind != DirectiveKind::Disable || it->line > line) continue;
    for (DirectiveEntry& e : it->entries) {
      if (!covers(e, rule) || line >= e.end_line) continue;
      const bool reenabled =
          std::any_of(e.ended_for.begin(), e.ended_for.end(),
                      [&](const auto& p) { return p.first == rule && line >= p.second; });
      if (!reenabled) return &e;
    }
  }
  for (Directive& d : directives) {
    if (d.kind != DirectiveKind::DisableFile) continue;
    for (DirectiveEntry& e : d.entries) {
      if (covers(e, rule)) return &e;
    }
  }
  return nullptr;
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

  std::erase_if(diagnostics, [&](const Diagnostic& diag) {
    if (diag.rule->engine_reported) return false;
    DirectiveEntry* e = suppressor(directives, diag.rule, source.line_of(diag.range.begin));
    if (e == nullptr) return false;
    e->used = true;
    return true;
  });

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
