#include "article_support.h"

#include <fmt/format.h>

#include <algorithm>

#include "digestlint/file_cache.h"
#include "digestlint/text.h"
#include "model/articles.h"

namespace digestlint::rules {

std::string label_list(const ArticleSpec& spec) {
  std::string out;
  for (const LabelSpec& l : spec.labels) {
    if (!l.required) continue;
    out += fmt::format("{}{}", out.empty() ? "" : ", ", l.name);
  }
  return out;
}

std::string value_list(const std::vector<IocValueSpec>& values) {
  std::string out;
  for (const IocValueSpec& v : values)
    out += fmt::format("{}{}", out.empty() ? "" : " | ", v.name);
  return out;
}

std::string category_list(const IocSpec& spec) {
  std::string out;
  for (const IocCategorySpec& c : spec.categories)
    out += fmt::format("{}{}", out.empty() ? "" : " | ", c.name);
  return out;
}

std::string_view label_name(const LintContext& ctx, const ArticleLabel& label) {
  if (label.spec >= 0) return ctx.schema.articles.labels[label.spec].name;
  return ctx.text(label.name);
}

namespace {

BlockSummary summarize_items(const LintContext& ctx, const ArticleLabel& label) {
  BlockSummary s;
  for (std::uint32_t i = label.first_item; i < label.end_item; ++i) {
    const ArticleItem& it = ctx.digest.items[i];
    if (it.leak) {
      ++s.leaks;
      continue;
    }
    if (!it.top || it.text.empty()) continue;
    ++s.lines;
    if (!it.bullet) ++s.non_bullets;
    if (it.none_marker) {
      ++s.markers;
      if (s.first_marker == kNone) s.first_marker = static_cast<std::int32_t>(i);
      continue;
    }
    if (it.bullet) ++s.bullets;
    if (it.ioc != kNone && ctx.digest.iocs[it.ioc].kind == IocKind::SourceLink) continue;
    ++s.real;
  }
  return s;
}

// Four rules ask for every label's summary: made once per file.
struct LabelSummaries {
  std::vector<BlockSummary> by_label;
};

}  // namespace

const std::vector<BlockSummary>& label_summaries(const LintContext& ctx) {
  return ctx.cache
      .get<LabelSummaries>([&](LabelSummaries& c) {
        c.by_label.clear();
        c.by_label.reserve(ctx.digest.labels.size());
        for (const ArticleLabel& l : ctx.digest.labels)
          c.by_label.push_back(summarize_items(ctx, l));
      })
      .by_label;
}

std::vector<std::string_view> allowed_scopes(const IocSpec& spec, const IocEntry& e) {
  std::vector<std::string_view> out;
  auto add = [&](const IocCategorySpec& c) {
    for (const std::string& s : c.scopes) {
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
  };
  if (e.category >= 0) {
    add(spec.categories[e.category]);
    return out;
  }
  const bool ip = e.shape == ValueShape::Ip4 || e.shape == ValueShape::Ip6;
  for (const IocCategorySpec& c : spec.categories) {
    if ((c.shape == IocShape::Ip) == ip) add(c);
  }
  return out;
}

bool scope_mismatch(const IocSpec& spec, const IocEntry& e) {
  if (e.kind != IocKind::Entry || e.scope < 0) return false;
  if (e.category < 0 && e.match[1] != FieldMatch::Other) return false;  // no 分類 to go by
  const std::vector<std::string_view> allowed = allowed_scopes(spec, e);
  if (allowed.empty()) return false;
  return std::find(allowed.begin(), allowed.end(), spec.scopes[e.scope].name) == allowed.end();
}

std::string_view eol_for(const LintContext& ctx) {
  return preferred_eol(ctx.source.bytes());
}

std::string_view ioc_field_name(int field) {
  switch (field) {
    case 0:
      return "field 1 (value)";
    case 1:
      return "field 2 (分類)";
    case 2:
      return "field 3 (よく知られているか)";
    case 3:
      return "field 4 (context)";
    default:
      return "field 5 (グローバル/プライベート)";
  }
}

int known_category_for_shape(const IocSpec& spec, const IocEntry& e) {
  if (e.kind != IocKind::Entry || e.match[1] != FieldMatch::Other) return -1;
  if (e.shape != ValueShape::Url && e.shape != ValueShape::Ip4 && e.shape != ValueShape::Ip6)
    return -1;
  int found = -1;
  for (std::size_t c = 0; c < spec.categories.size(); ++c) {
    const IocShape shape = spec.categories[c].shape;
    if (shape == IocShape::Any || !value_fits_shape(shape, e.shape)) continue;
    if (found >= 0) return -1;  // two categories fit: the schema's, not ours, to choose
    found = static_cast<int>(c);
  }
  return found;
}

std::optional<IpAddress> ioc_address(const LintContext& ctx, const IocEntry& e) {
  if (e.shape != ValueShape::Ip4 && e.shape != ValueShape::Ip6) return std::nullopt;
  std::string host = refang(ctx.text(e.host));
  if (host.size() >= 2 && host.front() == '[') {
    const std::size_t close = host.find(']');
    host = host.substr(1, (close == std::string::npos ? host.size() : close) - 1);
  }
  if (const std::size_t slash = host.find('/'); slash != std::string::npos) host.resize(slash);
  return parse_ip(host);
}

std::string ioc_host(const LintContext& ctx, const IocEntry& e) {
  if (e.shape != ValueShape::Host && e.shape != ValueShape::Url && e.shape != ValueShape::Email)
    return {};
  std::string host = refang(ctx.text(e.host));
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  while (!host.empty() && host.back() == '.')
    host.pop_back();
  return host;
}

}  // namespace digestlint::rules
