// JSON-RPC over a byte stream, as LSP frames it: "Content-Length: N\r\n",
// optional other headers, "\r\n", then N bytes of JSON.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace digestlint::lsp {

// Larger bodies are refused (and skipped) rather than allocated: a digest
// is limited to 2 GiB, but nothing an editor sends comes near this.
inline constexpr std::size_t kMaxFrameBody = std::size_t{256} << 20;

enum class FrameStatus {
  Message,    // `body` holds one message's bytes
  Malformed,  // `error` says what was wrong; reading can go on
  End,        // the stream ended (between frames or inside one)
};

class FrameReader {
 public:
  explicit FrameReader(std::istream& in) : in_(in) {}
  FrameStatus next(std::string& body, std::string& error);

 private:
  std::istream& in_;
};

// The frame for one message body.
std::string frame(std::string_view body);

}  // namespace digestlint::lsp
