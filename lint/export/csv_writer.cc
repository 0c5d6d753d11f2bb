// CSV per RFC 4180: CRLF line ends, a header row, a field quoted when it
// holds a comma, a quote, a line end or edge spaces; quotes doubled.
#include <string>

#include "export/writers.h"

namespace digestlint {

namespace {

void write_field(std::ostream& out, std::string_view s) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) {
    out << s;
    return;
  }
  out << '"';
  for (const char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

class CsvWriter final : public IocWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {
    bool first = true;
    for (std::string_view column : kIocColumns) {
      if (!first) out_ << ',';
      out_ << column;
      first = false;
    }
    out_ << "\r\n";
  }

  void write_digest(const DigestRecords& d) override {
    for (std::size_t i = 0; i < d.records.size(); ++i) {
      if (!d.fresh[i]) continue;
      const IocRecord& r = d.records[i];
      const std::string line = std::to_string(r.line);
      const std::string_view fields[] = {to_string(r.type), r.value,       r.written, r.category,
                                         r.familiarity,     r.description, r.scope,   r.date,
                                         r.title,           r.article_url, r.path,    line};
      static_assert(std::size(fields) == std::size(kIocColumns));
      bool first = true;
      for (std::string_view f : fields) {
        if (!first) out_ << ',';
        write_field(out_, f);
        first = false;
      }
      out_ << "\r\n";
    }
  }

  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<IocWriter> make_csv_writer(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace digestlint
