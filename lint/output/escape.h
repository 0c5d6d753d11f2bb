// Escaping shared by the output formats (and their tests): terminal and CI
// logs, GitHub workflow commands, XML, and paths as URIs.
#pragma once

#include <string>
#include <string_view>

namespace digestlint {

// Text from a linted file or a path, made safe to print on a terminal or
// in a CI log: control characters (ESC among them) become "\x1b"-style
// escapes, and "##[" (which a GitHub Actions runner obeys anywhere in a
// line, as a command) becomes "##\x5b".
std::string printable(std::string_view text);
// printable(text) appended to `out`, without a string of its own.
void append_printable(std::string& out, std::string_view text);

// GitHub workflow commands, as the Actions toolkit escapes them: a
// message's '%', CR and LF; a property value's also ':' and ','.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// XML 1.0 text or attribute content: & < > " ' escaped; tab, CR and LF in
// attributes as character references; characters XML 1.0 forbids (most C0
// controls, U+FFFE, U+FFFF) dropped; invalid UTF-8 as U+FFFD.
std::string xml_escape(std::string_view text, bool attribute = true);

// A path relative to the working directory when it is below it (what
// code scanning and annotations resolve against the repository root).
std::string cwd_relative(std::string_view path);

// A path as a SARIF artifact URI: relative paths stay relative (to the
// working directory) with each byte outside [A-Za-z0-9-._~/] percent-encoded;
// absolute ones below the working directory become relative, others
// "file://" URIs.
std::string artifact_uri(std::string_view path);

}  // namespace digestlint
