// DL508 unrendered-emphasis
#include <unicode/uchar.h>

#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports `**` (or `*`) meant as emphasis that Markdown leaves as literal
asterisks. It reads md4c's own result: markers that are still in the text
did not become bold or italic. The usual cause in Japanese text is
CommonMark's flanking rule: a closing `**` right after punctuation (`」`,
`）`, `%`, `.`) and right before a letter (`が`, `を`, `は`) cannot close,
and an opening `**` after a letter and before punctuation cannot open. A
`**` without a partner (`Vulnerability:** 認証…`) is reported too.

A single `*` is reported only when two of them on one line fail this way;
`1秒*1コア` or `/setup/*` are ordinary text.

## Why is this bad?

The rendered digest shows `**「重要」**が` with the asterisks, and the bold
the author meant is lost. It looks fine in the Markdown source, so nobody
notices until the page is published.

## Example

```markdown
- 統合セキュリティ基盤**「Trend Vision One」**が攻撃を検出した
- 初期アクセス全体の**79%**を占める
```

## Use instead

```markdown
- 統合セキュリティ基盤「**Trend Vision One**」が攻撃を検出した
- 初期アクセス全体の**79%を**占める
```

## Fix

The pairs are read in order over the line, the markers md4c used
included (so `**A（B）**や…**C（D）**が` is two pairs even when md4c paired
the middle two). When a pair has an obvious rewrite, the message shows it
and an unsafe fix applies it:

- the emphasised text is wholly in brackets: both markers move inside
  them, `「**…**」`;
- only the closer fails and a particle (が を に で の は や と へ も)
  follows: the closer moves after it, `**…）が**`.

It changes what is bold, so review it. Other cases (an opener after a
letter and before `「` with more text after `」`) get the explanation only:
write the bold differently, for example around the whole phrase.
)md";

bool is_space(UChar32 c) {
  return c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         u_charType(c) == U_SPACE_SEPARATOR;
}

// CommonMark's punctuation as md4c 0.4.8 reads it: ASCII punctuation and
// the Unicode P categories.
bool is_punct(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80)
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
  return u_ispunct(c);
}

bool is_ascii_alnum(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A delimiter run of asterisks on a prose line.
struct Marker {
  ByteRange range;      // the literal asterisks
  UChar32 before = -1;  // the characters around the whole run as written
  UChar32 after = -1;
  bool can_open = false;   // CommonMark's left-flanking
  bool can_close = false;  // right-flanking
  bool literal = false;    // md4c left it in the text
  std::uint32_t line = 0;
};

bool left_flanking(UChar32 before, UChar32 after) {
  return !is_space(after) && (!is_punct(after) || is_space(before) || is_punct(before));
}

bool right_flanking(UChar32 before, UChar32 after) {
  return !is_space(before) && (!is_punct(before) || is_space(after) || is_punct(after));
}

UChar32 matching_close(UChar32 open) {
  switch (open) {
    case 0x300C:
      return 0x300D;  // 「」
    case 0x300E:
      return 0x300F;  // 『』
    case 0xFF08:
      return 0xFF09;  // （）
    case 0x3010:
      return 0x3011;  // 【】
    case 0x3014:
      return 0x3015;  // 〔〕
    case '(':
      return ')';
    case '[':
      return ']';
    case 0x201C:
      return 0x201D;  // “”
    default:
      return -1;
  }
}

// Particles a closing marker may move past: "）**が" -> "）が**".
bool is_particle(UChar32 c) {
  static constexpr std::u32string_view kParticles = U"がをにでのはやとへも";
  return c >= 0 && kParticles.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// Long emphasised text shortened in the middle for a message: "AB…YZ".
std::string abbreviate(std::string_view text, int keep = 12) {
  std::size_t head = 0;
  for (int k = 0; k < keep && head < text.size(); ++k)
    prose::decode(text, head, &head);
  std::size_t tail = text.size();
  for (int k = 0; k < keep && tail > head; ++k)
    prose::decode_before(text, tail, head, &tail);
  if (tail <= head) return std::string(text);
  return std::string(text.substr(0, head)) + "…" + std::string(text.substr(tail));
}

std::string utf8(UChar32 c) {
  std::string out;
  if (c >= 0) icu::UnicodeString(c).toUTF8String(out);
  return out;
}

class UnrenderedEmphasis final : public Rule {
 public:
  explicit UnrenderedEmphasis(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    // Lines where md4c left an asterisk in the text: the only ones looked at.
    const prose::Index& index = prose::index(ctx);
    std::vector<Marker> markers;
    std::uint32_t done = UINT32_MAX;
    for (std::uint32_t h : index.of(prose::kAsterisk)) {
      const std::uint32_t line = index.segments[index.hits[h].segment].line;
      if (line == done) continue;
      done = line;
      collect(ctx, line, markers);
      flush(ctx, markers, report);
    }
  }

 private:
  // Every delimiter run of the line outside code and URLs: the ones md4c
  // left in the text (literal) and the ones it used, since the author's
  // pairs are read in order over both.
  static void collect(const LintContext& ctx, std::uint32_t line_index,
                      std::vector<Marker>& markers) {
    markers.clear();
    UrlTokens urls;
    const std::string_view bytes = ctx.source.bytes();
    const Line& l = ctx.doc.lines[line_index];
    const std::string_view upto_end = bytes.substr(0, l.end);
    for (Offset p = l.content_begin; p < l.end; ++p) {
      if (bytes[p] != '*') continue;
      const Offset b = p;
      Offset e = p;
      while (e < l.end && bytes[e] == '*')
        ++e;
      p = e;
      // "\*" is an escaped, meant-literal asterisk.
      Offset slashes = 0;
      while (b > l.begin + slashes && bytes[b - 1 - slashes] == '\\')
        ++slashes;
      const Offset first = slashes % 2 == 1 ? b + 1 : b;
      if (first >= e) continue;
      Marker m;
      m.range = {first, e};
      m.line = line_index;
      const std::int32_t run = prose::run_at(ctx.doc, first);
      if (run >= 0) {
        const TextRun& r = ctx.doc.runs[run];
        if (r.kind != RunKind::Text && r.kind != RunKind::LinkText) continue;
        if (urls.covers(bytes, run, r.range, first)) continue;
        m.literal = true;
      }
      m.before = prose::decode_before(bytes, b, l.begin);
      m.after = e < l.end ? prose::decode(upto_end, e) : -1;
      m.can_open = left_flanking(m.before, m.after);
      m.can_close = right_flanking(m.before, m.after);
      markers.push_back(m);
    }
  }

  // Whether an offset lies in a URL token of its run. Markers come in
  // order, so the run's tokens are walked once, not once per marker: a
  // line of thousands of asterisks stays linear.
  struct UrlTokens {
    std::int32_t run = -1;
    std::string_view text;
    UrlToken token;

    bool covers(std::string_view bytes, std::int32_t at_run, ByteRange range, Offset at) {
      if (at_run != run) {
        run = at_run;
        text = bytes.substr(range.begin, range.size());
        token = find_url_token(text, 0);
      }
      const std::size_t local = at - range.begin;
      while (token.begin != std::string_view::npos && token.end <= local)
        token = find_url_token(text, token.end);
      return token.begin != std::string_view::npos && local >= token.begin && local < token.end;
    }
  };

  // Pairs the line's markers in order (each with the next of its length)
  // and reports the pairs and strays that involve a literal marker.
  static void flush(const LintContext& ctx, const std::vector<Marker>& markers, Reporter& report) {
    // What reads as emphasis: runs of 2-3 asterisks, or single ones when
    // two literal ones fail the flanking rule; never "2**32", " ** " or
    // "src/**/".
    std::size_t failing_singles = 0;
    for (const Marker& m : markers) {
      if (m.literal && m.range.size() == 1 && m.can_open != m.can_close) ++failing_singles;
    }
    std::vector<Marker> kept;
    for (const Marker& m : markers) {
      const Offset n = m.range.size();
      if (n > 3) continue;
      if (n == 1 && m.literal && (m.can_open == m.can_close || failing_singles < 2)) continue;
      if (is_ascii_alnum(m.before) && is_ascii_alnum(m.after)) continue;
      if (is_space(m.before) && is_space(m.after)) continue;
      if (m.before == '/' || m.after == '/') continue;
      kept.push_back(m);
    }
    // Each pairs with the next marker of its length: within one length the
    // markers pair off in order, so the partner is simply the next one.
    std::vector<std::size_t> next_same(kept.size(), kept.size());
    std::size_t last_of_length[4] = {kept.size(), kept.size(), kept.size(), kept.size()};
    for (std::size_t k = kept.size(); k-- > 0;) {
      std::size_t& last = last_of_length[kept[k].range.size()];
      next_same[k] = last;
      last = k;
    }
    std::vector<bool> paired(kept.size(), false);
    for (std::size_t k = 0; k < kept.size(); ++k) {
      if (paired[k]) continue;
      const std::size_t j = next_same[k];
      if (j == kept.size()) {
        if (kept[k].literal) report_single(ctx, kept[k], report);
        continue;
      }
      paired[k] = paired[j] = true;
      if (kept[k].literal || kept[j].literal) report_pair(ctx, kept[k], kept[j], report);
    }
  }

  // "'**' cannot close emphasis in '」**が': ...".
  static std::string why(const LintContext& ctx, const Marker& m, bool as_opener) {
    const std::string_view d = ctx.text(m.range);
    const std::string around = utf8(m.before) + std::string(d) + utf8(m.after);
    if (as_opener) {
      return fmt::format(
          "'{}' cannot open emphasis in '{}': before punctuation it must follow a space or "
          "punctuation",
          d, around);
    }
    return fmt::format(
        "'{}' cannot close emphasis in '{}': after punctuation it must be followed by a space or "
        "punctuation",
        d, around);
  }

  static void report_single(const LintContext& ctx, const Marker& m, Reporter& report) {
    const std::string_view d = ctx.text(m.range);
    if (m.can_close && !m.can_open) {
      report.report(m.range, "'{}' closes emphasis that was never opened; it shows as literal '{}'",
                    d, d);
    } else if (m.can_open && !m.can_close) {
      report.report(m.range, "'{}' opens emphasis that is never closed; it shows as literal '{}'",
                    d, d);
    } else {
      report.report(m.range, "'{}' has no partner on its line and shows as literal '{}'", d, d);
    }
  }

  static void report_pair(const LintContext& ctx, const Marker& open, const Marker& close,
                          Reporter& report) {
    const bool open_fails = !open.can_open;
    const bool close_fails = !close.can_close;
    const std::string_view d = ctx.text(open.range);
    const Marker& at = open_fails ? open : close;
    if (!open_fails && !close_fails) {
      report.report(open.range, "'{}' and the '{}' after it stay literal asterisks", d, d);
      return;
    }
    const std::string problem = why(ctx, at, open_fails);
    std::vector<Edit> edits;
    std::string rewritten;
    if (!suggest(ctx, open, close, open_fails, close_fails, edits, rewritten)) {
      report.report(at.range, "{}, so the emphasis does not render as written", problem);
      return;
    }
    const std::string shown = quote_for_message(rewritten, 60);
    report
        .report(at.range, "{}, so the emphasis does not render as written; write '{}'", problem,
                shown)
        .fix(fmt::format("rewrite as '{}'", shown), std::move(edits), Applicability::Unsafe);
  }

  // A rewrite that renders, when there is an obvious one:
  // - the text is wholly in brackets: move both markers inside, 「**…**」;
  // - only the closer fails and a particle follows: extend over it, "）が**".
  static bool suggest(const LintContext& ctx, const Marker& open, const Marker& close,
                      bool open_fails, bool close_fails, std::vector<Edit>& edits,
                      std::string& rewritten) {
    const Line& line = ctx.doc.lines[open.line];
    const std::string d(ctx.text(open.range));
    const std::string_view inner = ctx.text({open.range.end, close.range.begin});
    if (inner.empty()) return false;
    // Brackets around the whole inner text.
    std::size_t first_end = 0;
    const UChar32 first = prose::decode(inner, 0, &first_end);
    std::size_t last_begin = 0;
    const UChar32 last = prose::decode_before(inner, inner.size(), 0, &last_begin);
    if (first >= 0 && matching_close(first) >= 0 && matching_close(first) == last &&
        last_begin >= first_end && wraps(inner, first, last)) {
      const Offset new_open = open.range.end + static_cast<Offset>(first_end);
      const Offset new_close = open.range.end + static_cast<Offset>(last_begin);
      const UChar32 inside_first = prose::decode(inner, first_end);
      const UChar32 inside_last = prose::decode_before(inner, last_begin, first_end);
      if (new_open >= new_close || !left_flanking(first, inside_first) ||
          !right_flanking(inside_last, last)) {
        return false;
      }
      edits.push_back(Edit{{open.range.begin, new_open}, utf8(first) + d});
      edits.push_back(Edit{{new_close, close.range.end}, d + utf8(last)});
      rewritten = utf8(first) + d + abbreviate(ctx.text({new_open, new_close})) + d + utf8(last);
      return true;
    }
    if (open_fails || !close_fails || !is_particle(close.after)) return false;
    // "**…）**が" -> "**…）が**": the closer follows a letter now.
    const Offset particle_end = close.range.end + static_cast<Offset>(utf8(close.after).size());
    if (particle_end > line.end) return false;
    edits.push_back(Edit{{close.range.begin, particle_end}, utf8(close.after) + d});
    rewritten = d + abbreviate(inner) + utf8(close.after) + d;
    return true;
  }

  // Whether the bracket opening `inner` is the one closing it: "「A」と「B」"
  // starts and ends with brackets but is not wrapped by one pair.
  static bool wraps(std::string_view inner, UChar32 open, UChar32 close) {
    int depth = 0;
    for (std::size_t i = 0; i < inner.size();) {
      std::size_t next = i;
      const UChar32 c = prose::decode(inner, i, &next);
      if (c == open && (open != close || depth == 0)) {
        ++depth;
      } else if (c == close) {
        --depth;
        if (depth == 0) return next == inner.size();
      }
      i = next;
    }
    return false;
  }
};

}  // namespace

extern const RuleInfo kUnrenderedEmphasis{
    .code = "DL508",
    .name = "unrendered-emphasis",
    .summary = "** or * that Markdown shows literally instead of as emphasis",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<UnrenderedEmphasis>,
    .has_fix = true,
};

}  // namespace digestlint
