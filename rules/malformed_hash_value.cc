// DL412 malformed-hash-value
#include <algorithm>

#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "export/ioc_record.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a file hash that cannot be one:

- under a 分類 that names a hash (`SHA256`, `ハッシュ`, `MD5`, …), a value
  that is not hex digits alone (a truncated `3f2a…9b1c`, a `sha256:`
  prefix, a stray letter), or whose length fits no MD5 (32), SHA-1 (40),
  SHA-256 (64) or SHA-512 (128);
- under any other 分類, a value of hex digits alone, 30 or more of them,
  whose length fits none of those (a digit lost or doubled in copying), or
  of a hash's length with one or two letters outside a-f (a typo).
  Values starting with `0x` (wallet addresses) are left alone.

## Why is this bad?

Hash matching is exact: a hash one digit short, cut with an ellipsis or
with a typo matches no file, and the real indicator is lost.

## Example

```markdown
    - 2ce2a95e577db4e056811389f7b7eee5184e5f0e42730f7ae823db1b253401e,ハッシュ,知られていない,署名付きマルウェア,NA(IP以外)
```

## Use instead

The whole hash, copied from the source:

```markdown
    - 2ce2a95e577db4e056811389f7b7eee5184e5f0e42730f7ae823db1b253401e8,ハッシュ,知られていない,署名付きマルウェア,NA(IP以外)
```
)md";

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The character at `at` (one code point) and its 1-based position in
// characters, for messages.
std::string describe_char_at(std::string_view v, std::size_t at) {
  std::size_t end = at + 1;
  while (end < v.size() && (static_cast<unsigned char>(v[end]) & 0xC0) == 0x80)
    ++end;
  return fmt::format("'{}' at {}", quote_for_message(v.substr(at, end - at)),
                     code_point_count(v.substr(0, at)) + 1);
}

bool is_hash_length(std::size_t n) {
  return n == 32 || n == 40 || n == 64 || n == 128;
}

class MalformedHashValue final : public Rule {
 public:
  explicit MalformedHashValue(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry || e.fields[0].empty()) return;
      const std::string_view v = ctx.text(e.fields[0]);
      // Quoted only for a finding: most values are fine.
      auto value = [&] { return quote_for_message(v, 70); };
      const auto stray = std::find_if_not(v.begin(), v.end(), is_hex);
      const std::size_t hex = static_cast<std::size_t>(std::count_if(v.begin(), v.end(), is_hex));
      if (names_hash(ctx.text(e.fields[1]))) {
        if (stray != v.end()) {
          report.report(e.fields[0],
                        "hash '{}' mixes hex digits with other characters ({}): a hash is hex "
                        "digits alone",
                        value(), describe_char_at(v, static_cast<std::size_t>(stray - v.begin())));
        } else if (!is_hash_length(v.size())) {
          report_length(report, e, value(), v.size());
        }
        return;
      }
      if (e.shape != ValueShape::Other || v.starts_with("0x") || v.starts_with("0X")) return;
      if (stray == v.end()) {
        if (v.size() >= 30 && !is_hash_length(v.size()))
          report_length(report, e, value(), v.size());
        return;
      }
      // A hash's length with one or two stray letters: a typo, not a word.
      const std::size_t others = v.size() - hex;
      const bool letters_only = std::all_of(v.begin(), v.end(), [](char c) {
        return is_hex(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z');
      });
      if (is_hash_length(v.size()) && others <= 2 && letters_only) {
        report.report(e.fields[0],
                      "value '{}' has a hash's length but {} is not a hex digit: a typo?", value(),
                      describe_char_at(v, static_cast<std::size_t>(stray - v.begin())));
      }
    });
  }

 private:
  static void report_length(Reporter& report, const IocEntry& e, const std::string& value,
                            std::size_t n) {
    report.report(e.fields[0],
                  "hash '{}' has {} hex digits: fits no MD5 (32), SHA-1 (40), SHA-256 (64) or "
                  "SHA-512 (128); a digit lost or doubled?",
                  value, n);
  }
};

}  // namespace

extern const RuleInfo kMalformedHashValue{
    .code = "DL412",
    .name = "malformed-hash-value",
    .summary = "A hash of no hash's length, or hex mixed with other characters",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MalformedHashValue>,
};

}  // namespace digestlint
