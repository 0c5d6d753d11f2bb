// JSON Lines: one object a record, the CSV's columns as keys, in order.
#include <nlohmann/json.hpp>

#include "export/writers.h"

namespace digestlint {

namespace {

class JsonlWriter final : public IocWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}

  void write_digest(const DigestRecords& d) override {
    for (std::size_t i = 0; i < d.records.size(); ++i) {
      if (!d.fresh[i]) continue;
      const IocRecord& r = d.records[i];
      nlohmann::ordered_json o;
      o["ioc_type"] = to_string(r.type);
      o["ioc_value"] = r.value;
      o["ioc_value_written"] = r.written;
      o["category"] = r.category;
      o["familiarity"] = r.familiarity;
      o["description"] = r.description;
      o["scope"] = r.scope;
      o["date"] = r.date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.date);
      o["article_title"] = r.title;
      o["article_url"] = r.article_url;
      o["path"] = r.path;
      o["line"] = r.line;
      // Invalid UTF-8 becomes U+FFFD rather than an exception.
      out_ << o.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
  }

  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<IocWriter> make_jsonl_writer(std::ostream& out) {
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace digestlint
