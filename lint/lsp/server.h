// The language server: LSP 3.17 messages in, messages out. Framing and
// stdio are the caller's (run_language_server); the Server sees message
// bodies, so tests and the fuzz target drive it without a process.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace digestlint::lsp {

struct ServerOptions {
  // Lint on a worker thread, `debounce` after the last change of a
  // document; false: lint at once, on the caller's thread (the fuzz target).
  // Short: it only merges a burst of messages (a paste, an undo of many
  // edits); while a lint runs, the changes arriving are merged anyway, so
  // fast typing costs one lint per lint time, not one per keystroke.
  // initializationOptions.debounceMs sets it (0 to 1000).
  bool background = true;
  std::chrono::milliseconds debounce{2};
};

class Server {
 public:
  // Receives each outgoing message body (JSON); called from the worker
  // thread too, never from two threads at once.
  using Sink = std::function<void(const std::string& body)>;

  Server(Sink sink, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // One incoming message body.
  void handle(std::string_view body);
  // A frame that could not be read: answered with a parse error.
  void malformed_frame(std::string_view why);

  // Set once `exit` was received: the process status LSP gives (0 after
  // `shutdown`, else 1).
  bool exited() const;
  int exit_status() const;
  // The status for a client that went away (stdin closed) without `exit`.
  int status_at_end_of_input() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `digestlint lsp [--stdio]`: serves stdin/stdout until `exit` or the end
// of stdin. Returns the process status.
int run_language_server(int argc, char** argv);

}  // namespace digestlint::lsp
