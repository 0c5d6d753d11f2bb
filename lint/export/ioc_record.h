// The IOC entries of a digest as records for export (`digestlint iocs`):
// typed, refanged, with the article they came from. Read from the digest
// model the rules see; nothing is parsed twice.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/digest.h"
#include "digestlint/source.h"

namespace digestlint {

enum class IocType : std::uint8_t {
  Ip,
  Ipv6,
  Domain,
  Url,
  Email,
  FileHashMd5,
  FileHashSha1,
  FileHashSha256,
  Other,
};

// "ip", "ipv6", "domain", "url", "email", "file_hash_md5", …, "other".
std::string_view to_string(IocType type);

struct IocRecord {
  IocType type = IocType::Other;
  std::string value;          // refanged; an address alone for ip/ipv6 (no port, no brackets)
  std::string_view written;   // field 1 as written
  std::string_view category;  // field 2 (分類) as written
  std::string_view familiarity;
  std::string_view description;  // field 4 (context)
  std::string_view scope;        // field 5
  std::string_view date;         // the digest's, "YYYY-MM-DD"; empty when unknown
  std::string_view title;        // the article's
  std::string article_url;       // the article's URL line, refanged
  std::string_view path;         // the digest as displayed
  std::uint32_t line = 0;        // 1-based
};

// Why entries of IOC blocks were not exported, with counts.
struct SkipCounts {
  std::map<std::string, std::size_t> reasons;
  std::size_t total() const;
};

// Whether a 分類 names a file hash ("SHA256", "ハッシュ値", "MD5"), any case
// and width.
bool names_hash(std::string_view category);

// The type of a value from its shape and its 分類 (`category` >= 0: one of
// the schema's). Sets `value` to the refanged form the type is written in.
IocType classify_ioc(const IocEntry& entry, std::string_view bytes, std::string& value);

// The records of one digest in document order, each (type, value) once.
// Entries that fail the grammar are counted in `skipped` by reason.
void extract_records(const Digest& digest, std::string_view bytes, std::string_view path,
                     std::string_view date, std::vector<IocRecord>& out, SkipCounts& skipped);

}  // namespace digestlint
