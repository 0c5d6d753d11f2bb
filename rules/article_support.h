// Helpers the article (DL3xx) and IOC (DL4xx) rules share: naming labels
// and enumerations in messages, summarising a label block.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/rule.h"
#include "digestlint/url.h"

namespace digestlint::rules {

// "要約, IOCの列挙, 推奨事項, その他, ChatGPTの推奨事項" (required labels, in order).
std::string label_list(const ArticleSpec& spec);

// "グローバル | プライベート | NA(IP以外)"
std::string value_list(const std::vector<IocValueSpec>& values);
std::string category_list(const IocSpec& spec);

// The schema name of a label (its spec), or its text as written.
std::string_view label_name(const LintContext& ctx, const ArticleLabel& label);

// The items of a label block that matter for its content rules.
struct BlockSummary {
  int bullets = 0;      // first-level "- " items with text, neither leaked text nor a none-marker
  int lines = 0;        // first-level lines of any kind with text, leaked text excluded
  int real = 0;         // first-level entries that say something: not a marker, not a source link
  int markers = 0;      // first-level none-markers (exact or variant)
  int leaks = 0;        // lines holding leaked prompt text
  int non_bullets = 0;  // lines written without "- "
  std::int32_t first_marker = kNone;  // index into Digest::items
};
// Every label's summary, by index in Digest::labels (made once per file:
// four rules loop over all labels).
const std::vector<BlockSummary>& label_summaries(const LintContext& ctx);

// The IOC entries of IOC label blocks, with their items (not IOC-shaped
// lines elsewhere, which only prose rules care about).
template <typename F>
void for_each_ioc(const LintContext& ctx, F&& f) {
  for (const IocEntry& e : ctx.digest.iocs) {
    if (e.item == kNone) continue;
    f(e, ctx.digest.items[e.item]);
  }
}

// Where the line after `line` starts (or the end of the text), and the
// text to insert a new line there: a line end first when `line` has none.
std::string_view eol_for(const LintContext& ctx);

// The field-5 values an entry's 分類 takes: its category's scopes, or for
// a category outside the schema's, those of the categories of its value's
// shape (IP or not). Empty when anything goes.
std::vector<std::string_view> allowed_scopes(const IocSpec& spec, const IocEntry& e);

// Whether the entry's scope (field 5, once aliases are resolved) is not
// one its 分類 takes: ioc-scope-mismatch's finding.
bool scope_mismatch(const IocSpec& spec, const IocEntry& e);

// For an entry whose 分類 is none of the schema's ("ウェブサイト"), the one
// schema category its value unmistakably belongs to: a URL or an IP
// address (not a bare dotted name, which may be a file: "invoice.zip").
// -1 when there is none, or the 分類 is a schema one.
int known_category_for_shape(const IocSpec& spec, const IocEntry& e);

// The address of an IP-shaped IOC value (brackets and a "/prefix" left
// out), refanged and parsed; nullopt for any other value.
std::optional<IpAddress> ioc_address(const LintContext& ctx, const IocEntry& e);

// The host of an IOC value (host name, URL or e-mail), refanged, in lower
// case, without a trailing dot; empty when the value has none.
std::string ioc_host(const LintContext& ctx, const IocEntry& e);

// Digest-format name of a field: "field 2 (分類)".
std::string_view ioc_field_name(int field);

}  // namespace digestlint::rules
