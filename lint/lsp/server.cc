#include "lsp/server.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "base/files.h"
#include "digestlint/rule.h"
#include "engine/linter.h"
#include "lsp/document_settings.h"
#include "lsp/framing.h"
#include "lsp/lsp_json.h"
#include "lsp/positions.h"
#include "version.h"

namespace digestlint::lsp {

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// JSON-RPC 2.0 and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// Thrown by a request's handler; becomes the error response.
struct RequestError {
  int code;
  std::string message;
};

struct OpenDocument {
  std::string uri;
  fs::path path;  // empty when the URI is not a file: URI
  std::string text;
  std::int64_t version = 0;  // the client's
  // Ours: counts every change, so a lint is matched to the exact text it
  // saw even when a client repeats a version number.
  std::uint64_t revision = 0;
  std::optional<LintOutcome> linted;  // of `linted->revision`
};

const json& member(const json& object, const char* key) {
  static const json null;
  if (!object.is_object()) return null;
  const auto it = object.find(key);
  return it == object.end() ? null : *it;
}

const json& at_path(const json& root, std::initializer_list<const char*> keys) {
  const json* at = &root;
  for (const char* key : keys)
    at = &member(*at, key);
  return *at;
}

bool flag(const json& root, std::initializer_list<const char*> keys) {
  const json& v = at_path(root, keys);
  return v.is_boolean() && v.get<bool>();
}

// A required member of a request's params, of the type asked.
const json& required(const json& object, const char* key, json::value_t type) {
  const json& v = member(object, key);
  const bool ok = v.type() == type || (type == json::value_t::number_integer &&
                                       v.type() == json::value_t::number_unsigned);
  if (!ok) throw RequestError{kInvalidParams, fmt::format("missing or invalid '{}'", key)};
  return v;
}

std::string required_string(const json& object, const char* key) {
  return required(object, key, json::value_t::string).get<std::string>();
}

LspPosition read_position(const json& position) {
  const auto number = [&](const char* key) {
    const json& v = required(position, key, json::value_t::number_integer);
    const std::int64_t n = v.get<std::int64_t>();
    if (n < 0 || n > UINT32_MAX) throw RequestError{kInvalidParams, "position out of range"};
    return static_cast<std::uint32_t>(n);
  };
  return LspPosition{number("line"), number("character")};
}

}  // namespace

struct Server::Impl {
  Sink sink;
  ServerOptions options;
  std::mutex out_mutex;  // innermost lock: one message at a time

  // Read and written by the message thread only.
  bool initialized = false;
  bool shut_down = false;
  std::optional<int> exit_status;
  bool watch_registration = false;
  bool refresh_support = false;
  int next_request_id = 1;

  // Fixed by `initialize`, then read by both threads.
  ClientFeatures client;

  LinterCache linters;

  // The documents and the lints due; guarded by `mutex`.
  std::mutex mutex;
  std::map<std::string, OpenDocument> documents;
  std::map<std::string, std::chrono::steady_clock::time_point> due;
  std::condition_variable wake;
  bool stopping = false;
  std::thread worker;

  Impl(Sink s, ServerOptions o) : sink(std::move(s)), options(o) {
    client.docs_base = default_docs_base();
  }

  ~Impl() { stop_worker(); }

  void send(const json& message) {
    // Text from the document (messages, fixes) may hold invalid UTF-8:
    // replaced rather than thrown on.
    const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    const std::lock_guard lock(out_mutex);
    sink(body);
  }

  void respond(const json& id, json result) {
    send(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }

  void respond_error(const json& id, int code, std::string_view message) {
    send(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  void notify(std::string_view method, json params) {
    send(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void request(std::string_view method, json params) {
    send(json{{"jsonrpc", "2.0"},
              {"id", fmt::format("digestlint-{}", next_request_id++)},
              {"method", method},
              {"params", std::move(params)}});
  }

  void log(int type, std::string_view message) {
    notify("window/logMessage", json{{"type", type}, {"message", message}});
  }

  // --- Linting

  LintOutcome lint(const OpenDocument& doc) {
    LintOutcome out;
    out.revision = doc.revision;
    LinterCache::Result found = linters.for_document(doc.path, doc.text);
    out.error = std::move(found.error);
    out.linter = std::move(found.linter);
    if (out.linter && doc.text.size() > found.max_file_size) {
      out.linter = nullptr;
      out.error = fmt::format(
          "the document is {}, over the {} limit (raise it with max-file-size in "
          ".digestlint.toml)",
          format_byte_size(doc.text.size()), format_byte_size(found.max_file_size));
    }
    if (out.linter) out.diagnostics = out.linter->lint(doc.text, doc.path.string());
    return out;
  }

  // The findings of the document's current text (linted here when the
  // worker has not yet). Caller holds `mutex`.
  LintOutcome& current(OpenDocument& doc) {
    if (!doc.linted || doc.linted->revision != doc.revision) doc.linted = lint(doc);
    return *doc.linted;
  }

  // Caller holds `mutex`, so no change can come between the revision
  // check and the message: a stale result is never sent.
  void publish(const OpenDocument& doc) {
    notify("textDocument/publishDiagnostics",
           json{{"uri", doc.uri},
                {"version", doc.version},
                {"diagnostics", lsp_diagnostics(doc.uri, doc.text, *doc.linted, client)}});
  }

  void schedule(const std::string& uri) {
    if (!options.background) {
      auto it = documents.find(uri);
      if (it == documents.end()) return;
      current(it->second);
      if (!client.pull_diagnostics) publish(it->second);
      return;
    }
    if (!worker.joinable()) worker = std::thread([this] { work(); });
    due[uri] = std::chrono::steady_clock::now() + options.debounce;
    wake.notify_one();
  }

  void work() {
    std::unique_lock lock(mutex);
    while (!stopping) {
      if (due.empty()) {
        wake.wait(lock);
        continue;
      }
      const auto next = std::min_element(
          due.begin(), due.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      if (std::chrono::steady_clock::now() < next->second) {
        wake.wait_until(lock, next->second);
        continue;
      }
      const std::string uri = next->first;
      due.erase(next);
      auto it = documents.find(uri);
      if (it == documents.end()) continue;
      if (!it->second.linted || it->second.linted->revision != it->second.revision) {
        // Linted on a copy, unlocked: changes keep arriving meanwhile.
        const OpenDocument snapshot{
            uri,         it->second.path, it->second.text, it->second.version, it->second.revision,
            std::nullopt};
        lock.unlock();
        std::optional<LintOutcome> outcome;
        try {
          outcome = lint(snapshot);
        } catch (const std::exception& e) {
          log(1, fmt::format("digestlint: internal error linting {}: {}", uri, e.what()));
        }
        lock.lock();
        it = documents.find(uri);
        // Closed, or changed since the copy: the newer text is due itself.
        if (!outcome || it == documents.end() || it->second.revision != snapshot.revision) continue;
        it->second.linted = std::move(outcome);
      }
      if (!client.pull_diagnostics) publish(it->second);
    }
  }

  void stop_worker() {
    {
      const std::lock_guard lock(mutex);
      stopping = true;
    }
    wake.notify_all();
    if (worker.joinable()) worker.join();
  }

  // --- Messages

  void handle(std::string_view body) {
    json message;
    try {
      message = json::parse(body);
    } catch (const json::exception& e) {
      respond_error(nullptr, kParseError, fmt::format("invalid JSON: {}", e.what()));
      return;
    }
    if (!message.is_object()) {
      respond_error(nullptr, kInvalidRequest, "a message must be a JSON object");
      return;
    }
    const json& id = member(message, "id");
    const bool has_id = message.contains("id");
    if (has_id && !id.is_string() && !id.is_number_integer() && !id.is_null()) {
      respond_error(nullptr, kInvalidRequest, "a request id must be an integer or a string");
      return;
    }
    const json& method = member(message, "method");
    if (!method.is_string()) {
      // A response to one of our requests (registerCapability, refresh):
      // nothing waits for it.
      if (has_id && (message.contains("result") || message.contains("error"))) return;
      respond_error(has_id ? id : json(nullptr), kInvalidRequest, "a request needs a 'method'");
      return;
    }
    const json& params = member(message, "params");
    try {
      dispatch(method.get_ref<const std::string&>(), params, has_id ? &id : nullptr);
    } catch (const RequestError& e) {
      if (has_id) respond_error(id, e.code, e.message);
    } catch (const json::exception& e) {
      if (has_id) respond_error(id, kInvalidParams, e.what());
    } catch (const std::exception& e) {
      if (has_id) respond_error(id, kInternalError, e.what());
    }
  }

  void dispatch(const std::string& method, const json& params, const json* id) {
    if (exit_status) return;
    if (method == "exit") {
      stop_worker();
      exit_status = shut_down ? 0 : 1;
      return;
    }
    if (shut_down) {
      if (id != nullptr) respond_error(*id, kInvalidRequest, "the server is shut down");
      return;
    }
    if (!initialized && method != "initialize") {
      if (id != nullptr) respond_error(*id, kServerNotInitialized, "initialize first");
      return;
    }
    if (id != nullptr) {
      if (method == "initialize") return respond(*id, initialize(params));
      if (method == "shutdown") {
        stop_worker();
        shut_down = true;
        return respond(*id, nullptr);
      }
      if (method == "textDocument/codeAction") return respond(*id, code_actions(params));
      if (method == "textDocument/hover") return respond(*id, hover(params));
      if (method == "textDocument/diagnostic") return respond(*id, pull(params));
      throw RequestError{kMethodNotFound, fmt::format("unknown method '{}'", method)};
    }
    if (method == "initialized") return registered_watchers();
    if (method == "textDocument/didOpen") return did_open(params);
    if (method == "textDocument/didChange") return did_change(params);
    if (method == "textDocument/didSave") return did_save(params);
    if (method == "textDocument/didClose") return did_close(params);
    if (method == "workspace/didChangeWatchedFiles") return relint_all();
    // Other notifications ($/cancelRequest, $/setTrace, ...) need nothing.
  }

  json initialize(const json& params) {
    if (initialized) throw RequestError{kInvalidRequest, "initialize was already received"};
    const json& capabilities = member(params, "capabilities");
    if (!params.is_object()) throw RequestError{kInvalidParams, "initialize needs params"};
    const json& encodings = at_path(capabilities, {"general", "positionEncodings"});
    if (encodings.is_array()) {
      for (const json& e : encodings) {
        if (e.is_string() && e.get_ref<const std::string&>() == "utf-8") {
          client.encoding = PositionEncoding::Utf8;
        }
      }
    }
    // Pulled diagnostics replace pushed ones where the client asks for
    // them: a client doing both would show every finding twice.
    client.pull_diagnostics = at_path(capabilities, {"textDocument", "diagnostic"}).is_object();
    client.document_changes = flag(capabilities, {"workspace", "workspaceEdit", "documentChanges"});
    client.related_information =
        !at_path(capabilities, {"textDocument", "publishDiagnostics"}).is_object() ||
        flag(capabilities, {"textDocument", "publishDiagnostics", "relatedInformation"}) ||
        client.pull_diagnostics;
    const json& formats = at_path(capabilities, {"textDocument", "hover", "contentFormat"});
    if (formats.is_array() &&
        std::find(formats.begin(), formats.end(), "markdown") == formats.end())
      client.markdown_hover = false;
    refresh_support = flag(capabilities, {"workspace", "diagnostics", "refreshSupport"});
    watch_registration =
        flag(capabilities, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
    const json& docs = at_path(params, {"initializationOptions", "docsBaseUri"});
    if (docs.is_string()) client.docs_base = docs.get<std::string>();
    const json& debounce = at_path(params, {"initializationOptions", "debounceMs"});
    if (debounce.is_number_integer()) {
      options.debounce = std::chrono::milliseconds(
          std::clamp<std::int64_t>(debounce.get<std::int64_t>(), 0, 1000));
    }
    initialized = true;

    json caps = {
        {"positionEncoding", client.encoding == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
        {"textDocumentSync",
         {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider",
         {{"codeActionKinds", json::array({"quickfix", kFixAllKind})}, {"resolveProvider", false}}},
        {"hoverProvider", true},
    };
    if (client.pull_diagnostics) {
      caps["diagnosticProvider"] = {{"identifier", "digestlint"},
                                    {"interFileDependencies", false},
                                    {"workspaceDiagnostics", false}};
    }
    return json{{"capabilities", std::move(caps)},
                {"serverInfo", {{"name", "digestlint"}, {"version", kVersion}}}};
  }

  // Config and schema files changing re-lint the open documents; a client
  // that can register watchers is asked to report them.
  void registered_watchers() {
    if (!watch_registration) return;
    request(
        "client/registerCapability",
        json{{"registrations",
              json::array({{{"id", "digestlint-config-files"},
                            {"method", "workspace/didChangeWatchedFiles"},
                            {"registerOptions",
                             {{"watchers", json::array({{{"globPattern", "**/*.toml"}}})}}}}})}});
  }

  void did_open(const json& params) {
    const json& item = member(params, "textDocument");
    const std::string uri = required_string(item, "uri");
    OpenDocument doc;
    doc.uri = uri;
    doc.path = path_from_uri(uri);
    doc.text = required_string(item, "text");
    const json& version = member(item, "version");
    doc.version = version.is_number_integer() ? version.get<std::int64_t>() : 0;
    const std::lock_guard lock(mutex);
    auto it = documents.find(uri);
    doc.revision = it == documents.end() ? 1 : it->second.revision + 1;
    documents[uri] = std::move(doc);
    schedule(uri);
  }

  void did_change(const json& params) {
    const json& item = member(params, "textDocument");
    const std::string uri = required_string(item, "uri");
    const json& changes = member(params, "contentChanges");
    const std::lock_guard lock(mutex);
    auto it = documents.find(uri);
    if (it == documents.end()) {
      log(2, fmt::format("digestlint: change of a document not open: {}", uri));
      return;
    }
    OpenDocument& doc = it->second;
    if (changes.is_array()) {
      SourceText source;
      for (const json& change : changes) {
        const json& text = member(change, "text");
        if (!text.is_string()) continue;
        const json& range = member(change, "range");
        if (!range.is_object()) {
          doc.text = text.get<std::string>();
          continue;
        }
        source.reset(doc.text);
        Offset begin = to_offset(source, read_position(member(range, "start")), client.encoding);
        Offset end = to_offset(source, read_position(member(range, "end")), client.encoding);
        if (end < begin) std::swap(begin, end);
        doc.text.replace(begin, end - begin, text.get_ref<const std::string&>());
      }
    }
    const json& version = member(item, "version");
    if (version.is_number_integer()) doc.version = version.get<std::int64_t>();
    ++doc.revision;
    schedule(uri);
  }

  void did_save(const json& params) {
    const std::string uri = required_string(member(params, "textDocument"), "uri");
    const std::lock_guard lock(mutex);
    auto it = documents.find(uri);
    if (it == documents.end()) return;
    if (const json& text = member(params, "text"); text.is_string()) {
      it->second.text = text.get<std::string>();
      ++it->second.revision;
    }
    schedule(uri);
  }

  void did_close(const json& params) {
    const std::string uri = required_string(member(params, "textDocument"), "uri");
    const std::lock_guard lock(mutex);
    documents.erase(uri);
    due.erase(uri);
    // Its findings leave with it.
    if (!client.pull_diagnostics) {
      notify("textDocument/publishDiagnostics", json{{"uri", uri}, {"diagnostics", json::array()}});
    }
  }

  void relint_all() {
    linters.forget();
    {
      const std::lock_guard lock(mutex);
      for (auto& [uri, doc] : documents) {
        doc.linted.reset();
        schedule(uri);
      }
    }
    if (client.pull_diagnostics && refresh_support)
      request("workspace/diagnostic/refresh", nullptr);
  }

  json pull(const json& params) {
    const std::string uri = required_string(member(params, "textDocument"), "uri");
    const std::lock_guard lock(mutex);
    auto it = documents.find(uri);
    if (it == documents.end()) return json{{"kind", "full"}, {"items", json::array()}};
    OpenDocument& doc = it->second;
    const LintOutcome& outcome = current(doc);
    // The result id names the exact text and settings linted.
    const std::string result_id = fmt::format("{}", outcome.revision);
    const json& previous = member(params, "previousResultId");
    if (previous.is_string() && previous.get_ref<const std::string&>() == result_id) {
      return json{{"kind", "unchanged"}, {"resultId", result_id}};
    }
    return json{{"kind", "full"},
                {"resultId", result_id},
                {"items", lsp_diagnostics(uri, doc.text, outcome, client)}};
  }

  json code_actions(const json& params) {
    const std::string uri = required_string(member(params, "textDocument"), "uri");
    const json& range = required(params, "range", json::value_t::object);
    const LspPosition start = read_position(member(range, "start"));
    const LspPosition end = read_position(member(range, "end"));
    const json& only = at_path(params, {"context", "only"});
    const std::lock_guard lock(mutex);
    auto it = documents.find(uri);
    if (it == documents.end()) return json::array();
    OpenDocument& doc = it->second;
    LintOutcome& outcome = current(doc);
    return lsp_code_actions(DocumentView{uri, doc.path, doc.text, doc.version}, outcome, start, end,
                            only, client);
  }

  json hover(const json& params) {
    const std::string uri = required_string(member(params, "textDocument"), "uri");
    const LspPosition at = read_position(member(params, "position"));
    const std::lock_guard lock(mutex);
    auto it = documents.find(uri);
    if (it == documents.end()) return nullptr;
    OpenDocument& doc = it->second;
    return lsp_hover(doc.text, current(doc), at, client);
  }
};

Server::Server(Sink sink, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(sink), options)) {}

Server::~Server() = default;

void Server::handle(std::string_view body) {
  impl_->handle(body);
}

void Server::malformed_frame(std::string_view why) {
  impl_->respond_error(nullptr, kParseError, why);
}

bool Server::exited() const {
  return impl_->exit_status.has_value();
}

int Server::exit_status() const {
  return impl_->exit_status.value_or(1);
}

int Server::status_at_end_of_input() const {
  return impl_->shut_down ? 0 : 1;
}

int run_language_server(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--stdio") continue;  // what VS Code's client passes
    if (arg == "-h" || arg == "--help") {
      std::cout << "Usage: digestlint lsp [--stdio]\n\n"
                   "Runs the digestlint language server (LSP 3.17) on standard input and\n"
                   "output: diagnostics as you type, quick fixes, the rules' pages on hover.\n";
      return 0;
    }
    std::cerr << fmt::format("digestlint lsp: unknown argument '{}' (see digestlint lsp --help)\n",
                             arg);
    return 2;
  }
  // A client gone mid-write is an EPIPE (then the end of stdin), not a
  // signal that kills the server.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  // Not tied to std::cout: reading stdin on this thread must not flush
  // stdout while the worker writes. Frames go out with write(2), whole.
  std::cin.tie(nullptr);
  Server server([](const std::string& body) {
    const std::string message = frame(body);
    std::size_t written = 0;
    while (written < message.size()) {
      const ssize_t n = ::write(STDOUT_FILENO, message.data() + written, message.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // the client is gone; end of input follows
      written += static_cast<std::size_t>(n);
    }
  });
  FrameReader reader(std::cin);
  std::string body;
  std::string error;
  while (true) {
    switch (reader.next(body, error)) {
      case FrameStatus::Message:
        server.handle(body);
        if (server.exited()) return server.exit_status();
        break;
      case FrameStatus::Malformed:
        server.malformed_frame(error);
        break;
      case FrameStatus::End:
        return server.status_at_end_of_input();
    }
  }
}

}  // namespace digestlint::lsp
