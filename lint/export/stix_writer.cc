// A STIX 2.1 bundle, streamed: its "objects" array is written object by
// object, each digest's indicators followed by the report that refers to
// them. Ids are UUIDv5 (libuuid), so the same input gives the same bundle.
#include <uuid/uuid.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "export/writers.h"

namespace digestlint {

namespace {

using Json = nlohmann::ordered_json;

// digestlint's own UUIDv5 namespace for the SDOs it writes (indicator,
// report, bundle); STIX 2.1 accepts any RFC 4122 UUID there.
constexpr const char* kNamespace = "35e403ab-22e3-47ca-bd29-a737ac7bf7e0";

std::string uuid5(std::string_view type, std::string_view name) {
  uuid_t ns;
  uuid_parse(kNamespace, ns);
  uuid_t out;
  uuid_generate_sha1(out, ns, name.data(), name.size());
  char text[37];
  uuid_unparse_lower(out, text);
  return fmt::format("{}--{}", type, text);
}

// A string literal of the STIX patterning language: quotes and
// backslashes escaped.
std::string pattern_literal(std::string_view s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// Empty for types STIX has no observable for.
std::string pattern_for(const IocRecord& r) {
  const std::string value = pattern_literal(r.value);
  switch (r.type) {
    case IocType::Ip:
      return fmt::format("[ipv4-addr:value = {}]", value);
    case IocType::Ipv6:
      return fmt::format("[ipv6-addr:value = {}]", value);
    case IocType::Domain:
      return fmt::format("[domain-name:value = {}]", value);
    case IocType::Url:
      return fmt::format("[url:value = {}]", value);
    case IocType::Email:
      return fmt::format("[email-addr:value = {}]", value);
    case IocType::FileHashMd5:
      return fmt::format("[file:hashes.MD5 = {}]", value);
    case IocType::FileHashSha1:
      return fmt::format("[file:hashes.'SHA-1' = {}]", value);
    case IocType::FileHashSha256:
      return fmt::format("[file:hashes.'SHA-256' = {}]", value);
    case IocType::Other:
      break;
  }
  return {};
}

// An external reference's url must be a URI: an article URL with spaces
// or non-ASCII bytes (an IRI, or damage) is left to the description.
bool is_web_url(std::string_view s) {
  if (!s.starts_with("http://") && !s.starts_with("https://")) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b > 0x20 && b < 0x7F;
  });
}

class StixWriter final : public IocWriter {
 public:
  StixWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {
    out_ << R"({"type":"bundle","id":")" << uuid5("bundle", options_.bundle_seed) << '"';
  }

  void write_digest(const DigestRecords& d) override {
    if (d.date.empty()) {
      // valid_from, created and published need a date; none is invented.
      undated_records_ += d.records.size();
      ++undated_digests_;
      return;
    }
    // created and modified must be precise to the millisecond (STIX 2.1, 3.2).
    const std::string timestamp = fmt::format("{}T00:00:00.000Z", d.date);
    std::vector<std::string> refs;
    for (std::size_t i = 0; i < d.records.size(); ++i) {
      const IocRecord& r = d.records[i];
      const std::string pattern = pattern_for(r);
      if (pattern.empty()) {
        if (d.fresh[i]) ++untyped_;
        continue;
      }
      const std::string id = options_.dedupe
                                 ? uuid5("indicator", pattern)
                                 : uuid5("indicator", fmt::format("{}\n{}", d.path, pattern));
      // With --dedupe the bundle is its own record of what it holds: an
      // indicator of an undated digest, left out, is written with the next.
      const bool write = options_.dedupe ? written_.insert(id).second : d.fresh[i];
      if (write || written_.count(id) > 0) refs.push_back(id);
      if (!write) continue;
      Json o;
      o["type"] = "indicator";
      o["spec_version"] = "2.1";
      o["id"] = id;
      o["created"] = timestamp;
      o["modified"] = timestamp;
      o["name"] = r.value;
      if (!r.description.empty()) o["description"] = r.description;
      o["pattern"] = pattern;
      o["pattern_type"] = "stix";
      o["pattern_version"] = "2.1";
      o["valid_from"] = timestamp;
      Json reference;
      reference["source_name"] = "digest article";
      reference["description"] = r.title.empty()
                                     ? fmt::format("{}:{}", r.path, r.line)
                                     : fmt::format("{} ({}:{})", r.title, r.path, r.line);
      if (is_web_url(r.article_url)) reference["url"] = r.article_url;
      o["external_references"] = Json::array({reference});
      write_object(o);
    }
    if (refs.empty()) return;  // a report needs at least one object_ref
    Json report;
    report["type"] = "report";
    report["spec_version"] = "2.1";
    report["id"] = uuid5("report", d.path);
    report["created"] = timestamp;
    report["modified"] = timestamp;
    report["name"] = fmt::format("{} ({})", d.path, d.date);
    report["report_types"] = Json::array({"indicator"});
    report["published"] = timestamp;
    report["object_refs"] = refs;
    write_object(report);
  }

  void finish() override {
    out_ << (objects_ > 0 ? "\n]}\n" : "}\n");
    out_.flush();
  }

  std::string notes() const override {
    std::string out;
    if (untyped_ > 0) {
      out += fmt::format("{} of type 'other' left out of the STIX bundle (no STIX observable)",
                         untyped_);
    }
    if (undated_digests_ > 0) {
      out += fmt::format(
          "{}{} {} without a date ({} indicators) left out of the STIX bundle: its file name has "
          "no YYYYMMDD; set [iocs] date-pattern in .digestlint.toml",
          out.empty() ? "" : "; ", undated_digests_, undated_digests_ == 1 ? "digest" : "digests",
          undated_records_);
    }
    return out;
  }

 private:
  void write_object(const Json& o) {
    out_ << (objects_ == 0 ? ",\"objects\":[\n" : ",\n")
         << o.dump(-1, ' ', false, Json::error_handler_t::replace);
    ++objects_;
  }

  std::ostream& out_;
  WriterOptions options_;
  std::set<std::string> written_;  // --dedupe: the indicators written so far
  std::size_t objects_ = 0;
  std::size_t untyped_ = 0;
  std::size_t undated_digests_ = 0;
  std::size_t undated_records_ = 0;
};

}  // namespace

std::unique_ptr<IocWriter> make_stix_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<StixWriter>(out, options);
}

}  // namespace digestlint
