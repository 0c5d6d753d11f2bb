// The engine's findings as LSP 3.17 JSON: diagnostics, code actions
// (quick fixes, fix-all, suppression comments) and hovers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"
#include "engine/linter.h"
#include "lsp/positions.h"

namespace digestlint::lsp {

inline constexpr std::string_view kFixAllKind = "source.fixAll.digestlint";

// What the client said it handles (initialize), and the server's choices.
struct ClientFeatures {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool pull_diagnostics = false;
  bool document_changes = false;  // versioned edits in a WorkspaceEdit
  bool related_information = true;
  bool markdown_hover = true;
  // Prefix of a rule's page (codeDescription.href): "<base>DL201-name.md".
  // Empty: no codeDescription.
  std::string docs_base;
};

// One lint of one revision of a document.
struct LintOutcome {
  std::uint64_t revision = 0;
  std::vector<Diagnostic> diagnostics;
  std::shared_ptr<const Linter> linter;  // nullptr: not linted (not a digest, or `error`)
  std::string error;  // a config or schema that does not load, a document over max-file-size
  std::optional<std::string> fixed_text;  // the safe fixes applied, once asked for
};

struct DocumentView {
  std::string_view uri;
  const std::filesystem::path& path;
  std::string_view text;
  std::int64_t version = 0;
};

// The file a file: URI names (percent-decoded); empty for other schemes.
std::filesystem::path path_from_uri(std::string_view uri);
std::string uri_from_path(const std::filesystem::path& path);

// file:// URI of docs/rules/ in the source tree this binary was built
// from, when it is there; else empty (initializationOptions.docsBaseUri
// sets another, such as the published repository's).
std::string default_docs_base();

nlohmann::json lsp_diagnostics(std::string_view uri, std::string_view text,
                               const LintOutcome& outcome, const ClientFeatures& client);

// Code actions for the findings on the lines of [start, end], filtered by
// the request's context.only (kinds, hierarchical). Fills
// outcome.fixed_text for fix-all.
nlohmann::json lsp_code_actions(const DocumentView& doc, LintOutcome& outcome, LspPosition start,
                                LspPosition end, const nlohmann::json& only,
                                const ClientFeatures& client);

// The --explain page of each rule with a finding at `at`; null if none.
nlohmann::json lsp_hover(std::string_view text, const LintOutcome& outcome, LspPosition at,
                         const ClientFeatures& client);

}  // namespace digestlint::lsp
