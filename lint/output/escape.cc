#include "output/escape.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <filesystem>
#include <system_error>

namespace digestlint {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_printable(out, text);
  return out;
}

void append_printable(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // C1 controls (U+0080..U+009F), which some terminals obey like ESC.
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else if (c == '#' && text.substr(i, 3) == "##[") {
      out += "##\\x5b";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
}

std::string github_escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : github_escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      case '\t':
      case '\n':
      case '\r':
        // Attribute values are normalised to spaces unless written as
        // references.
        if (attribute) {
          out += fmt::format("&#{};", static_cast<int>(c));
        } else {
          out += static_cast<char>(c);
        }
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) continue;  // not allowed in XML 1.0
    out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

std::string cwd_relative(std::string_view path) {
  namespace fs = std::filesystem;
  if (path.empty() || path.front() != '/') return std::string(path);
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path relative = fs::path(path).lexically_normal().lexically_relative(cwd);
  if (ec || relative.empty() || *relative.begin() == "..") return std::string(path);
  return relative.generic_string();
}

std::string artifact_uri(std::string_view path) {
  const std::string p = cwd_relative(path);
  const bool absolute = !p.empty() && p.front() == '/';
  std::string out = absolute ? "file://" : "";
  for (const char ch : p) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}
}  // namespace digestlint
