#include "output/json_emit.h"

#include <nlohmann/json.hpp>

#include <bit>
#include <cstdint>
#include <cstring>

namespace digestlint {

namespace {

// Length of the well-formed UTF-8 sequence at `p` (Unicode Table 3-7), or
// 0 when it is not one.
std::size_t utf8_sequence(const unsigned char* p, std::size_t left) {
  const unsigned char c = p[0];
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < left && p[i] >= lo && p[i] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::size_t mark = out.size();
  out += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < n;) {
    // Eight plain ASCII bytes at a time (no control, quote, backslash or
    // byte above 0x7F): most of a message.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101u;
      constexpr std::uint64_t kHigh = 0x8080808080808080u;
      auto zero_byte = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
      const std::uint64_t special = ((w - kOnes * 0x20) & ~w & kHigh)  // below 0x20
                                    | zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\')) |
                                    (w & kHigh);
      if (special == 0) {
        i += 8;
        continue;
      }
      // Straight to the first byte flagged (the lowest one always is one
      // of the bytes looked for; a false flag can only follow it). In
      // memory order only on a little-endian machine.
      if constexpr (std::endian::native == std::endian::little)
        i += static_cast<std::size_t>(std::countr_zero(special)) / 8;
      break;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // Most non-ASCII text here is Japanese: a three-byte character of
      // the leads E1-EC and EE-EF, which take any two continuation bytes.
      // A run of them is stepped over at once.
      auto common = [&](std::size_t at) {
        const unsigned char lead = p[at];
        return lead >= 0xE1 && lead <= 0xEF && lead != 0xED && at + 2 < n &&
               (p[at + 1] & 0xC0) == 0x80 && (p[at + 2] & 0xC0) == 0x80;
      };
      if (common(i)) {
        do {
          i += 3;
        } while (i < n && common(i));
        continue;
      }
      const std::size_t len = utf8_sequence(p + i, n - i);
      if (len == 0) {
        // Invalid UTF-8: nlohmann's own replacement rules, exactly.
        out.resize(mark);
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    out.append(text.data() + plain, i - plain);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, sizeof escaped);
      }
    }
    plain = ++i;
  }
  out.append(text.data() + plain, n - plain);
  out += '"';
}

void JsonEmitter::newline_indent(int level) {
  out_ += '\n';
  out_.append(static_cast<std::size_t>(indent_ * level), ' ');
}

void JsonEmitter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_element_.empty()) return;
  if (has_element_.back()) out_ += ',';
  has_element_.back() = true;
  if (indent_ >= 0) newline_indent(level_);
}

void JsonEmitter::open(char bracket) {
  element();
  out_ += bracket;
  has_element_.push_back(false);
  ++level_;
}

void JsonEmitter::close(char bracket) {
  --level_;
  const bool any = has_element_.back();
  has_element_.pop_back();
  if (any && indent_ >= 0) newline_indent(level_);
  out_ += bracket;
}

void JsonEmitter::key(std::string_view name) {
  element();
  append_json_string(out_, name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonEmitter::value(std::string_view text) {
  element();
  append_json_string(out_, text);
}

void JsonEmitter::value(std::uint64_t number) {
  element();
  char buffer[24];
  char* end = buffer + sizeof buffer;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + number % 10);
    number /= 10;
  } while (number != 0);
  out_.append(p, static_cast<std::size_t>(end - p));
}

void JsonEmitter::boolean(bool flag) {
  element();
  out_ += flag ? "true" : "false";
}

}  // namespace digestlint
