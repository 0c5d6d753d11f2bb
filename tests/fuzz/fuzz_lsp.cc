// libFuzzer target: the language server's message handling. The input is
// what a client writes to `digestlint lsp`: frames (Content-Length
// headers and JSON bodies), read by the server's FrameReader and handed
// to a Server that lints on this thread (no worker, so runs repeat).
//
// The first input byte picks the client: bit 0 offers utf-8 positions,
// bit 1 pulls diagnostics; an initialize for it comes first, so the
// fuzzer's frames reach the document handlers.
//
// Invariants (a violation aborts): nothing the server receives crashes
// it (sanitizers), and everything it sends is one JSON-RPC 2.0 object.
//
// Build: as fuzz_lint (tests/fuzz/CMakeLists.txt), --target fuzz_lsp
// Run:   build-fuzz/tests/fuzz/fuzz_lsp -dict=tests/fuzz/lsp.dict
//        -max_len=8192 corpus-dir tests/fuzz/lsp-seeds
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "lsp/framing.h"
#include "lsp/server.h"

using namespace digestlint::lsp;

namespace {

void check_sent(const std::string& body) {
  const nlohmann::json message = nlohmann::json::parse(body, nullptr, false);
  if (message.is_discarded() || !message.is_object() || message.value("jsonrpc", "") != "2.0") {
    std::fprintf(stderr, "fuzz_lsp: the server sent something else than a JSON-RPC message: %s\n",
                 body.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned client = data[0];
  ServerOptions options;
  options.background = false;
  Server server(check_sent, options);

  std::string capabilities = "{";
  if ((client & 1) != 0) capabilities += R"("general":{"positionEncodings":["utf-8"]})";
  if ((client & 3) == 3) capabilities += ",";
  if ((client & 2) != 0) capabilities += R"("textDocument":{"diagnostic":{}})";
  capabilities += "}";
  server.handle(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":)" +
                capabilities + "}}");

  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  FrameReader reader(in);
  std::string body;
  std::string error;
  while (!server.exited()) {
    const FrameStatus status = reader.next(body, error);
    if (status == FrameStatus::End) break;
    if (status == FrameStatus::Malformed) {
      server.malformed_frame(error);
    } else {
      server.handle(body);
    }
  }
  return 0;
}
