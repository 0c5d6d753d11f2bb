// `digestlint iocs` output: one writer per format, fed one digest at a
// time so nothing but the current digest is held in memory.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "export/ioc_record.h"

namespace digestlint {

enum class IocFormat { Csv, Jsonl, Stix };

std::optional<IocFormat> parse_ioc_format(std::string_view name);

// The CSV header, which is also the JSON Lines keys, in order.
inline constexpr std::string_view kIocColumns[] = {
    "ioc_type", "ioc_value", "ioc_value_written", "category",    "familiarity", "description",
    "scope",    "date",      "article_title",     "article_url", "path",        "line",
};

struct DigestRecords {
  std::string_view path;  // as displayed
  std::string_view date;  // "YYYY-MM-DD" or empty
  const std::vector<IocRecord>& records;
  // Whether each record is to be written: false for one an earlier digest
  // exported already (--dedupe); a STIX report still refers to it.
  const std::vector<bool>& fresh;
};

struct WriterOptions {
  // --dedupe: a STIX indicator's id then depends on its pattern alone, so
  // every digest's report can refer to the one indicator.
  bool dedupe = false;
  // What identifies this export (the inputs): the STIX bundle's id.
  std::string bundle_seed;
};

class IocWriter {
 public:
  virtual ~IocWriter() = default;
  virtual void write_digest(const DigestRecords& digest) = 0;
  virtual void finish() = 0;
  // What the format left out, for stderr; empty when nothing.
  virtual std::string notes() const { return {}; }
};

std::unique_ptr<IocWriter> make_csv_writer(std::ostream& out);
std::unique_ptr<IocWriter> make_jsonl_writer(std::ostream& out);
std::unique_ptr<IocWriter> make_stix_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<IocWriter> make_ioc_writer(IocFormat format, std::ostream& out,
                                           const WriterOptions& options);

}  // namespace digestlint
