// A JSON emitter that writes straight into a string, byte for byte as
// nlohmann::json::dump(indent, ' ', false, error_handler_t::replace) would
// print the same document, without building the document first: findings
// are serialised as they stream out, with no tree of small allocations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

// Appends `text` as a JSON string literal (quotes included), escaped as
// nlohmann-json escapes it; invalid UTF-8 becomes U+FFFD the way its
// `replace` error handler does.
void append_json_string(std::string& out, std::string_view text);

class JsonEmitter {
 public:
  // indent < 0: compact (dump(-1)); else pretty with `indent` spaces per
  // level, starting at `level` (for a value nested in a document written
  // around it).
  JsonEmitter(std::string& out, int indent, int level = 0)
      : out_(out), indent_(indent), level_(level) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);
  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(std::uint64_t number);
  void value(std::uint32_t number) { value(static_cast<std::uint64_t>(number)); }
  void boolean(bool flag);
  // Bytes written as they are, in a value's place.
  void raw_value(std::string_view bytes) {
    element();
    out_.append(bytes);
  }
  // key(name) then value(v).
  template <typename T>
  void field(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  void open(char bracket);
  void close(char bracket);
  void element();  // before a value in an array or a key in an object
  void newline_indent(int level);

  std::string& out_;
  int indent_;
  int level_;
  // Per open container: whether it has an element yet.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace digestlint
