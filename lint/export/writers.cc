#include "export/writers.h"

namespace digestlint {

std::optional<IocFormat> parse_ioc_format(std::string_view name) {
  if (name == "csv") return IocFormat::Csv;
  if (name == "jsonl") return IocFormat::Jsonl;
  if (name == "stix") return IocFormat::Stix;
  return std::nullopt;
}

std::unique_ptr<IocWriter> make_ioc_writer(IocFormat format, std::ostream& out,
                                           const WriterOptions& options) {
  switch (format) {
    case IocFormat::Csv:
      return make_csv_writer(out);
    case IocFormat::Jsonl:
      return make_jsonl_writer(out);
    case IocFormat::Stix:
      return make_stix_writer(out, options);
  }
  return nullptr;
}

}  // namespace digestlint
