#include "export/ioc_record.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {

namespace {

std::string_view slice(std::string_view bytes, ByteRange r) {
  return bytes.substr(r.begin, r.size());
}

// Quotes around a value ("\"blackjob[.]biz\"") are not part of it, as the
// model reads it.
ByteRange unquoted(std::string_view bytes, ByteRange value) {
  while (value.size() >= 2 && (bytes[value.begin] == '"' || bytes[value.begin] == '\'') &&
         bytes[value.end - 1] == bytes[value.begin]) {
    ++value.begin;
    --value.end;
  }
  return value;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An address (parse_ip: inet_pton, no leading zeros), optionally with a
// "/prefix" (CIDR) within its family's width.
std::optional<IpAddress> address_of(std::string_view s) {
  std::string_view address = s;
  std::string_view prefix;
  if (const std::size_t slash = s.find('/'); slash != std::string_view::npos) {
    prefix = s.substr(slash + 1);
    if (!is_digits(prefix) || prefix.size() > 3) return std::nullopt;
    address = s.substr(0, slash);
  }
  std::optional<IpAddress> ip = parse_ip(address);
  if (ip && !prefix.empty() && std::stoi(std::string(prefix)) > static_cast<int>(ip->size() * 8))
    return std::nullopt;
  return ip;
}

IocType hash_type(std::string_view v) {
  if (!std::all_of(v.begin(), v.end(), is_hex)) return IocType::Other;
  switch (v.size()) {
    case 32:
      return IocType::FileHashMd5;
    case 40:
      return IocType::FileHashSha1;
    case 64:
      return IocType::FileHashSha256;
    default:
      return IocType::Other;
  }
}

}  // namespace

bool names_hash(std::string_view category) {
  const std::string folded = fold_for_match(category);
  for (std::string_view word : {"hash", "ハッシュ", "sha", "md5"}) {
    if (folded.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string_view to_string(IocType type) {
  switch (type) {
    case IocType::Ip:
      return "ip";
    case IocType::Ipv6:
      return "ipv6";
    case IocType::Domain:
      return "domain";
    case IocType::Url:
      return "url";
    case IocType::Email:
      return "email";
    case IocType::FileHashMd5:
      return "file_hash_md5";
    case IocType::FileHashSha1:
      return "file_hash_sha1";
    case IocType::FileHashSha256:
      return "file_hash_sha256";
    case IocType::Other:
      break;
  }
  return "other";
}

std::size_t SkipCounts::total() const {
  std::size_t n = 0;
  for (const auto& [reason, count] : reasons)
    n += count;
  return n;
}

IocType classify_ioc(const IocEntry& e, std::string_view bytes, std::string& value) {
  value = refang(slice(bytes, unquoted(bytes, e.fields[0])));
  // 32 hex digits are an MD5 only where the 分類 says hash: under
  // "SSHフィンガープリント" they are not a file.
  if (const IocType hash = hash_type(value);
      hash != IocType::Other && names_hash(slice(bytes, e.fields[1]))) {
    return hash;
  }
  // The value decides what it is; the 分類 only vouches for a bare dotted
  // name: under ファイル名 or パッケージ名, "loader.so" or "com.example.app"
  // is a file or a package even when it ends in a top-level domain.
  switch (e.shape) {
    case ValueShape::Ip4:
    case ValueShape::Ip6: {
      // The address alone: no port, no brackets.
      std::string address = refang(slice(bytes, e.host));
      if (address.size() >= 2 && address.front() == '[') {
        const std::size_t close = address.find(']');
        address = address.substr(1, (close == std::string::npos ? address.size() : close) - 1);
      }
      const std::optional<IpAddress> ip = address_of(address);
      if (!ip || (ip->family == IpFamily::V4) != (e.shape == ValueShape::Ip4)) {
        return IocType::Other;
      }
      value = std::move(address);
      return e.shape == ValueShape::Ip4 ? IocType::Ip : IocType::Ipv6;
    }
    case ValueShape::Url: {
      // "192.0.2.0/24" reads as a host and a path: it is a network.
      if (const std::size_t slash = value.find('/');
          slash != std::string::npos && is_digits(std::string_view(value).substr(slash + 1)) &&
          address_of(value) && address_of(value)->family == IpFamily::V4) {
        return IocType::Ip;
      }
      return IocType::Url;
    }
    case ValueShape::Host:
      return e.category >= 0 ? IocType::Domain : IocType::Other;
    case ValueShape::Email:
      return IocType::Email;
    case ValueShape::Other:
      break;
  }
  return IocType::Other;
}

void extract_records(const Digest& digest, std::string_view bytes, std::string_view path,
                     std::string_view date, std::vector<IocRecord>& out, SkipCounts& skipped) {
  out.clear();
  std::set<std::pair<IocType, std::string>> seen;
  // Document order: the entries of `content = "ioc"` sections follow the
  // articles' in Digest::iocs.
  std::vector<const IocEntry*> in_order;
  in_order.reserve(digest.iocs.size());
  for (const IocEntry& e : digest.iocs)
    in_order.push_back(&e);
  std::stable_sort(in_order.begin(), in_order.end(),
                   [](const IocEntry* a, const IocEntry* b) { return a->line < b->line; });
  for (const IocEntry* entry : in_order) {
    const IocEntry& e = *entry;
    if (e.item == kNone) continue;
    auto skip = [&](std::string reason) { ++skipped.reasons[std::move(reason)]; };
    if (e.kind == IocKind::SourceLink) {
      skip("a pointer to the source (\"IOC情報はこちら: https://…\"), not an entry");
      continue;
    }
    if (e.kind == IocKind::NotCsv) {
      skip("not comma-separated fields");
      continue;
    }
    if (e.raw_fields < 5) {
      skip("fewer than 5 fields");
      continue;
    }
    if (std::find(e.match.begin(), e.match.end(), FieldMatch::Missing) != e.match.end()) {
      skip("more than 5 fields and no familiarity (field 3) to place them");
      continue;
    }
    if (e.fields[0].empty()) {
      skip("empty value (field 1)");
      continue;
    }
    if (e.fields[1].empty()) {
      skip("empty 分類 (field 2)");
      continue;
    }
    if (e.match[2] == FieldMatch::Other || e.match[2] == FieldMatch::Empty) {
      skip("field 3 is not a familiarity (よく知られている / 知られていない)");
      continue;
    }
    if (e.match[4] == FieldMatch::Other || e.match[4] == FieldMatch::Empty) {
      skip("field 5 is not a scope (グローバル / プライベート / NA(IP以外))");
      continue;
    }
    IocRecord r;
    r.type = classify_ioc(e, bytes, r.value);
    if (!seen.emplace(r.type, r.value).second) continue;
    r.written = slice(bytes, e.fields[0]);
    r.category = slice(bytes, e.fields[1]);
    r.familiarity = slice(bytes, e.fields[2]);
    r.description = slice(bytes, e.fields[3]);
    r.scope = slice(bytes, e.fields[4]);
    r.date = date;
    r.path = path;
    r.line = e.line + 1;
    // Its article, if any: articles hold ascending item ranges (the items
    // of IOC sections come after all of them).
    const auto item = static_cast<std::uint32_t>(e.item);
    const auto article =
        std::upper_bound(digest.articles.begin(), digest.articles.end(), item,
                         [](std::uint32_t i, const Article& a) { return i < a.end_item; });
    if (article != digest.articles.end() && article->first_item <= item) {
      const Article& a = *article;
      r.title = slice(bytes, a.title);
      r.article_url = refang(slice(bytes, a.url));
    }
    out.push_back(std::move(r));
  }
}

}  // namespace digestlint
