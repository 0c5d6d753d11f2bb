#include "lsp/lsp_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "digestlint/rule.h"
#include "digestlint/source.h"
#include "output/explain.h"

namespace digestlint::lsp {

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

json lsp_position(PositionCursor& cursor, Offset offset, PositionEncoding encoding) {
  const LspPosition p = to_lsp_position(cursor, offset, encoding);
  return json{{"line", p.line}, {"character", p.character}};
}

json lsp_range(PositionCursor& cursor, ByteRange range, PositionEncoding encoding) {
  return json{{"start", lsp_position(cursor, range.begin, encoding)},
              {"end", lsp_position(cursor, range.end, encoding)}};
}

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    default:
      return 3;  // Information
  }
}

json lsp_diagnostic(std::string_view uri, PositionCursor& cursor, const Diagnostic& d,
                    const ClientFeatures& client) {
  json out = {{"range", lsp_range(cursor, d.range, client.encoding)},
              {"severity", lsp_severity(d.severity)},
              {"code", d.rule->code},
              {"source", "digestlint"},
              {"message", d.message}};
  if (!client.docs_base.empty()) {
    out["codeDescription"] = {
        {"href", fmt::format("{}{}-{}.md", client.docs_base, d.rule->code, d.rule->name)}};
  }
  if (client.related_information && !d.notes.empty()) {
    json related = json::array();
    for (const Note& n : d.notes) {
      related.push_back(
          {{"location", {{"uri", uri}, {"range", lsp_range(cursor, n.range, client.encoding)}}},
           {"message", n.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

json workspace_edit(const DocumentView& doc, json edits, const ClientFeatures& client) {
  if (client.document_changes) {
    return json{{"documentChanges",
                 json::array({{{"textDocument", {{"uri", doc.uri}, {"version", doc.version}}},
                               {"edits", std::move(edits)}}})}};
  }
  return json{{"changes", {{std::string(doc.uri), std::move(edits)}}}};
}

// Where a suppression comment goes so that it silences the finding
// without changing what the line is: appended to the line
// ("disable-line", as the README shows for list items), except on a
// heading (its text would change) or an empty line, which get a
// "disable-next-line" comment on a line of their own before them.
Edit suppression_edit(const SourceText& source, std::uint32_t line, std::string_view code) {
  const std::string_view text = source.line_text(line);
  std::size_t indent = 0;
  while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t'))
    ++indent;
  const std::string_view content = text.substr(indent);
  const bool heading = indent < 4 && !content.empty() && content.front() == '#';
  if (!content.empty() && !heading) {
    const Offset end = source.line_end(line);
    return Edit{{end, end}, fmt::format(" <!-- digestlint-disable-line {} -->", code)};
  }
  const LineEnd ending = source.line_ending(line);
  const std::string_view eol = ending == LineEnd::CrLf ? "\r\n"
                               : ending == LineEnd::Cr ? "\r"
                                                       : "\n";
  const Offset begin = source.line_begin(line);
  return Edit{{begin, begin},
              fmt::format("{}<!-- digestlint-disable-next-line {} -->{}", text.substr(0, indent),
                          code, eol)};
}

json text_edits(PositionCursor& cursor, const std::vector<Edit>& edits, PositionEncoding encoding) {
  json out = json::array();
  for (const Edit& e : edits)
    out.push_back({{"range", lsp_range(cursor, e.range, encoding)}, {"newText", e.replacement}});
  return out;
}

}  // namespace

fs::path path_from_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i]) return {};
  }
  uri.remove_prefix(scheme.size());
  // The authority ("localhost", usually empty) comes before the path.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return {};
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      const int hi = hex_value(uri[i + 1]);
      const int lo = hex_value(uri[i + 2]);
      if (hi >= 0 && lo >= 0) {
        path.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    if (uri[i] == '?' || uri[i] == '#') break;
    path.push_back(uri[i]);
  }
  if (path.find('\0') != std::string::npos) return {};
  return fs::path(path);
}

std::string uri_from_path(const fs::path& path) {
  std::string out = "file://";
  for (const char c : path.string()) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
        std::string_view("/-._~").find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string default_docs_base() {
#ifdef DIGESTLINT_DOCS_DIR
  std::error_code ec;
  if (fs::is_directory(DIGESTLINT_DOCS_DIR, ec)) return uri_from_path(DIGESTLINT_DOCS_DIR) + "/";
#endif
  return {};
}

json lsp_diagnostics(std::string_view uri, std::string_view text, const LintOutcome& outcome,
                     const ClientFeatures& client) {
  json out = json::array();
  if (!outcome.error.empty()) {
    // Nothing is linted under a broken config: say so where it shows.
    out.push_back(
        {{"range",
          {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
         {"severity", 1},
         {"source", "digestlint"},
         {"message", fmt::format("not linted: {}", outcome.error)}});
    return out;
  }
  const SourceText source(text);
  PositionCursor cursor(source);
  for (const Diagnostic& d : outcome.diagnostics)
    out.push_back(lsp_diagnostic(uri, cursor, d, client));
  return out;
}

json lsp_code_actions(const DocumentView& doc, LintOutcome& outcome, LspPosition start,
                      LspPosition end, const json& only, const ClientFeatures& client) {
  const auto wanted = [&](std::string_view kind) {
    if (!only.is_array()) return true;
    for (const json& o : only) {
      if (!o.is_string()) continue;
      const std::string& prefix = o.get_ref<const std::string&>();
      if (kind == prefix ||
          (kind.starts_with(prefix) && kind.size() > prefix.size() && kind[prefix.size()] == '.'))
        return true;
    }
    return false;
  };
  json actions = json::array();
  const SourceText source(doc.text);
  PositionCursor cursor(source);
  // Whole lines: the cursor anywhere on a finding's line offers its
  // fixes, as a lightbulb on that line promises.
  std::uint32_t first_line = source.line_of(to_offset(source, start, client.encoding));
  std::uint32_t last_line = source.line_of(to_offset(source, end, client.encoding));
  if (last_line < first_line) std::swap(first_line, last_line);
  if (wanted("quickfix")) {
    std::set<std::pair<std::uint32_t, std::string_view>> suppressed;  // (line, code)
    for (const Diagnostic& d : outcome.diagnostics) {
      const std::uint32_t line = source.line_of(d.range.begin);
      if (line > last_line || source.line_of(d.range.end) < first_line) continue;
      const json diagnostic = lsp_diagnostic(doc.uri, cursor, d, client);
      if (d.fix && !d.fix->edits.empty()) {
        const bool safe = d.fix->applicability == Applicability::Safe;
        actions.push_back(
            {{"title",
              fmt::format("{}: {}{}", d.rule->code, d.fix->title, safe ? "" : " (unsafe fix)")},
             {"kind", "quickfix"},
             {"diagnostics", json::array({diagnostic})},
             {"isPreferred", safe},
             {"edit",
              workspace_edit(doc, text_edits(cursor, d.fix->edits, client.encoding), client)}});
      }
      if (!suppressed.emplace(line, d.rule->code).second) continue;
      const Edit comment = suppression_edit(source, line, d.rule->code);
      actions.push_back(
          {{"title", fmt::format("Disable {} ({}) for this line", d.rule->code, d.rule->name)},
           {"kind", "quickfix"},
           {"diagnostics", json::array({diagnostic})},
           {"edit", workspace_edit(doc, text_edits(cursor, {comment}, client.encoding), client)}});
    }
  }
  const bool any_safe_fix = std::any_of(
      outcome.diagnostics.begin(), outcome.diagnostics.end(),
      [](const Diagnostic& d) { return d.fix && d.fix->applicability == Applicability::Safe; });
  if (wanted(kFixAllKind) && outcome.linter && any_safe_fix) {
    // Safe fixes only, as --fix applies them, pass after pass; one edit
    // for the whole text, since one fix can enable another. Kept with the
    // outcome: editors ask for code actions at every move of the cursor.
    if (!outcome.fixed_text) {
      outcome.fixed_text =
          fix_until_stable(*outcome.linter, doc.text, false, doc.path.string()).text;
    }
    if (*outcome.fixed_text != doc.text) {
      const json whole = {
          {"range", lsp_range(cursor, ByteRange{0, source.size()}, client.encoding)},
          {"newText", *outcome.fixed_text}};
      actions.push_back({{"title", "Fix all digestlint findings (safe fixes)"},
                         {"kind", kFixAllKind},
                         {"edit", workspace_edit(doc, json::array({whole}), client)}});
    }
  }
  return actions;
}

json lsp_hover(std::string_view text, const LintOutcome& outcome, LspPosition at,
               const ClientFeatures& client) {
  const SourceText source(text);
  const Offset offset = to_offset(source, at, client.encoding);
  std::string pages;
  std::set<const RuleInfo*> shown;
  std::optional<ByteRange> range;
  for (const Diagnostic& d : outcome.diagnostics) {
    // A finding covers its range and, when empty (an insertion point), the
    // position itself.
    if (offset < d.range.begin || offset > d.range.end) continue;
    if (!range) range = d.range;
    if (!shown.insert(d.rule).second) continue;
    if (!pages.empty()) pages += "\n\n---\n\n";
    pages += explain_rule(*d.rule);
  }
  if (!range) return nullptr;
  PositionCursor cursor(source);
  return json{
      {"contents", {{"kind", client.markdown_hover ? "markdown" : "plaintext"}, {"value", pages}}},
      {"range", lsp_range(cursor, *range, client.encoding)}};
}

}  // namespace digestlint::lsp
