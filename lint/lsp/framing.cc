#include "lsp/framing.h"

#include <fmt/format.h>
#include <charconv>

namespace digestlint::lsp {

namespace {

// Header lines longer than this are cut off (and make the frame malformed
// when they were meant to carry Content-Length).
constexpr std::size_t kMaxHeaderLine = 1024;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// One header line, without its line end; false at the end of the stream.
bool read_line(std::istream& in, std::string& line) {
  line.clear();
  bool any = false;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < kMaxHeaderLine) line.push_back(static_cast<char>(c));
  }
  return any;
}

}  // namespace

FrameStatus FrameReader::next(std::string& body, std::string& error) {
  std::string line;
  bool have_length = false;
  bool bad_length = false;
  std::size_t length = 0;
  bool any_header = false;
  while (true) {
    if (!read_line(in_, line)) return FrameStatus::End;
    const std::string_view header = trim(line);
    if (header.empty()) {
      if (!any_header) continue;  // stray blank lines between frames
      break;
    }
    any_header = true;
    const std::size_t colon = header.find(':');
    if (colon == std::string_view::npos) continue;
    if (!iequals(trim(header.substr(0, colon)), "Content-Length")) continue;
    const std::string_view value = trim(header.substr(colon + 1));
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    have_length = ec == std::errc() && end == value.data() + value.size();
    bad_length = !have_length;
  }
  if (!have_length) {
    error = bad_length ? "invalid Content-Length header" : "frame without a Content-Length header";
    return FrameStatus::Malformed;
  }
  if (length > kMaxFrameBody) {
    in_.ignore(static_cast<std::streamsize>(length));
    if (!in_) return FrameStatus::End;
    error = fmt::format("message of {} bytes refused (at most {})", length, kMaxFrameBody);
    return FrameStatus::Malformed;
  }
  body.resize(length);
  in_.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in_.gcount()) != length) return FrameStatus::End;
  return FrameStatus::Message;
}

std::string frame(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

}  // namespace digestlint::lsp
