// The rule interface. A rule is one file in rules/: its documentation, its
// RuleInfo and a class deriving from Rule. The registry (lint/engine/registry.cc)
// lists every rule explicitly.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "digestlint/diagnostic.h"
#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/file_cache.h"
#include "digestlint/schema.h"
#include "digestlint/settings.h"
#include "digestlint/source.h"

namespace digestlint {

struct OptionSpec {
  std::string_view name;  // kebab-case
  OptionValue default_value;
  std::string_view description;
};

class RuleOptions;

class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const struct LintContext& ctx, class Reporter& report) const = 0;
};

struct RuleInfo {
  std::string_view code;     // "DL201"
  std::string_view name;     // "missing-space-after-marker": names the bad pattern
  std::string_view summary;  // one line, for --list-rules and SARIF
  // The severity it reports at; an opt-in rule reports at it once enabled.
  Severity default_severity = Severity::Error;
  // Off unless a schema or config gives it a severity, or --select names it
  // (code or name): checks whose findings are a matter of house style.
  bool opt_in = false;
  // Markdown with the sections "What it does", "Why is this bad?",
  // "Example" and "Use instead"; printed by --explain.
  std::string_view documentation;
  std::vector<OptionSpec> options;
  std::unique_ptr<Rule> (*create)(const RuleOptions& options) = nullptr;
  bool has_fix = false;  // some of its diagnostics carry a fix
  // Reported by the engine itself, not by a Rule: findings about the file's
  // digestlint comments, which only exist once every rule has run (see
  // lint/engine/suppressions.h). Such a rule has no `create`; its code, name,
  // documentation and severity work like any other rule's.
  bool engine_reported = false;
};

// A rule's options: the value a schema or config set, else the declared
// default. Asking for an option the rule did not declare is a programming
// error and throws.
class RuleOptions {
 public:
  RuleOptions(const RuleInfo& info, const RuleSetting* setting) : info_(info), setting_(setting) {}

  bool get_bool(std::string_view name) const { return std::get<bool>(get(name)); }
  std::int64_t get_int(std::string_view name) const { return std::get<std::int64_t>(get(name)); }
  const std::string& get_string(std::string_view name) const {
    return std::get<std::string>(get(name));
  }
  const std::vector<std::string>& get_list(std::string_view name) const {
    return std::get<std::vector<std::string>>(get(name));
  }
  const OptionValue& get(std::string_view name) const;

 private:
  const RuleInfo& info_;
  const RuleSetting* setting_;
};

// RuleInfo::create for a rule class constructed from its options.
template <typename R>
std::unique_ptr<Rule> make_rule(const RuleOptions& options) {
  return std::make_unique<R>(options);
}

// Everything a rule may read about one file. Built once, shared by all rules.
struct LintContext {
  std::string_view path;
  const SourceText& source;
  const Document& doc;
  const Digest& digest;
  const Schema& schema;
  // Derived data rules share for this file (see file_cache.h).
  FileCache& cache;

  std::string_view text(ByteRange r) const { return source.slice(r); }
  std::string_view line_text(std::uint32_t line) const {
    const Line& l = doc.lines[line];
    return source.bytes().substr(l.begin, l.end - l.begin);
  }
  ByteRange line_range(std::uint32_t line) const {
    return {doc.lines[line].begin, doc.lines[line].end};
  }
};

class Reporter;

// Adds a fix or a note to the diagnostic just reported.
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(std::vector<Diagnostic>& out, std::size_t index) : out_(out), index_(index) {}

  DiagnosticBuilder& fix(std::string title, std::vector<Edit> edits,
                         Applicability applicability = Applicability::Safe);
  DiagnosticBuilder& fix(std::string title, ByteRange range, std::string replacement,
                         Applicability applicability = Applicability::Safe) {
    return fix(std::move(title), std::vector<Edit>{Edit{range, std::move(replacement)}},
               applicability);
  }
  template <typename... Args>
  DiagnosticBuilder& note(ByteRange range, fmt::format_string<Args...> format, Args&&... args) {
    out_[index_].notes.push_back(Note{range, fmt::format(format, std::forward<Args>(args)...)});
    return *this;
  }

 private:
  std::vector<Diagnostic>& out_;
  std::size_t index_;
};

// Collects one rule's diagnostics for one file.
class Reporter {
 public:
  Reporter(const RuleInfo& rule, Severity severity, std::vector<Diagnostic>& out)
      : rule_(rule), severity_(severity), out_(out) {}

  // The message says what is wrong and what is expected, in the digest's
  // terms; format strings are checked at compile time.
  template <typename... Args>
  DiagnosticBuilder report(ByteRange range, fmt::format_string<Args...> format, Args&&... args) {
    return add(range, fmt::format(format, std::forward<Args>(args)...));
  }

  const RuleInfo& rule() const { return rule_; }

 private:
  DiagnosticBuilder add(ByteRange range, std::string message);

  const RuleInfo& rule_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

}  // namespace digestlint
