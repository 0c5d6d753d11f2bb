// libFuzzer target: the whole pipeline on arbitrary bytes. Scanner and
// Document, digest model, every rule at its default severity, fixes (unsafe
// ones too) applied until stable, then the fixed text linted again.
//
// Invariants (a violation aborts, and libFuzzer saves the input):
// - every diagnostic, note and edit range lies within its buffer, begin <= end;
// - the Document's lines, blocks, runs and headings stay within the buffer;
// - positions can be computed for every diagnostic;
// - apply_fixes never loses or invents bytes outside the edits: the result
//   has the length the taken edits give it and the original's bytes before
//   the first and after the last, and it lints again;
// - fixing pass after pass (unsafe fixes too) never returns to an earlier
//   text (fixes undoing each other), and fix_until_stable, which is
//   bounded, ends on the same text as those passes.
//
// Build: cmake -S . -B build-fuzz -DDIGESTLINT_FUZZ=ON -DCMAKE_C_COMPILER=clang
//        -DCMAKE_CXX_COMPILER=clang++ && cmake --build build-fuzz --target fuzz_lint
// Run:   build-fuzz/tests/fuzz/fuzz_lint -dict=tests/fuzz/digest.dict
//        -max_len=4096 corpus-dir tests/fuzz/seeds   (.ci/run does this for 60 s)
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/schema_loader.h"
#include "digestlint/diagnostic.h"
#include "digestlint/document.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "engine/linter.h"
#include "parse/scanner.h"

using namespace digestlint;

namespace {

// The rule whose diagnostic is being checked, for the failure message.
std::string_view g_rule;

[[noreturn]] void fail(const char* what, std::string_view text, std::size_t a = 0,
                       std::size_t b = 0) {
  std::fprintf(stderr, "fuzz_lint: invariant violated: %s (%zu, %zu; text of %zu bytes)%s%.*s\n",
               what, a, b, text.size(), g_rule.empty() ? "" : " reported by ",
               static_cast<int>(g_rule.size()), g_rule.data());
  std::abort();
}

void check_range(ByteRange r, std::string_view text, const char* what) {
  if (r.begin > r.end || r.end > text.size()) fail(what, text, r.begin, r.end);
}

void check_diagnostics(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  const SourceText source(text);
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == nullptr) fail("diagnostic without a rule", text);
    g_rule = d.rule->code;
    if (d.severity == Severity::Off) fail("diagnostic of a rule that is off", text);
    if (d.message.empty()) fail("diagnostic without a message", text);
    check_range(d.range, text, "diagnostic range");
    const Position start = source.position(d.range.begin);
    const Position stop = source.position(d.range.end, ColumnUnit::Byte);
    if (start.line < 1 || start.line > source.line_count() || stop.line < start.line) {
      fail("diagnostic position", text, start.line, stop.line);
    }
    for (const Note& n : d.notes)
      check_range(n.range, text, "note range");
    if (d.fix) {
      for (const Edit& e : d.fix->edits)
        check_range(e.range, text, "edit range");
    }
  }
  g_rule = {};
}

void check_document(std::string_view text) {
  const SourceText source(text);
  Document doc;
  Scanner scanner;
  scanner.scan(source, doc);
  if (doc.lines.size() != source.line_count()) fail("line count", text);
  for (const Line& l : doc.lines) {
    if (l.begin > l.end || l.end > text.size() || l.indent_end > l.end || l.content_begin > l.end ||
        l.marker_end > l.end || l.trailing_ws > l.end) {
      fail("line offsets", text, l.begin, l.end);
    }
  }
  for (const Block& b : doc.blocks) {
    if (b.first_line > b.last_line || b.last_line >= doc.lines.size()) {
      fail("block lines", text, b.first_line, b.last_line);
    }
    if (b.first_run > b.end_run || b.end_run > doc.runs.size()) fail("block runs", text);
    if (b.parent != kNone &&
        (b.parent < 0 || static_cast<std::size_t>(b.parent) >= doc.blocks.size()))
      fail("block parent", text);
  }
  for (const TextRun& r : doc.runs)
    check_range(r.range, text, "text run");
  for (const Heading& h : doc.headings) {
    if (h.line >= doc.lines.size()) fail("heading line", text, h.line);
    check_range(h.text, text, "heading text");
  }
  for (const Link& k : doc.links) {
    check_range(k.text, text, "link text");
    check_range(k.href, text, "link href");
  }
  for (const ByteRange& r : doc.defused)
    check_range(r, text, "defused block");
}

// The text apply_fixes must produce: the original outside the taken
// edits. Each taken edit's replacement must appear at its place.
void check_applied(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                   const std::string& out) {
  // Recompute which edits were taken, in order, the way apply_fixes
  // documents it: whole fixes, no overlap with an edit taken before.
  // Only the length is checked exactly; the bytes before the first edit
  // and after the last must be the original's.
  std::size_t first = text.size();
  std::size_t last_end = 0;
  long long delta = 0;
  bool any = false;
  std::vector<const Edit*> taken;
  for (const Diagnostic& d : diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    bool ok = true;
    for (const Edit& e : d.fix->edits) {
      for (const Edit* t : taken) {
        const bool overlap = e.range.begin < t->range.end && t->range.begin < e.range.end;
        const bool same_point =
            e.range.empty() && t->range.empty() && e.range.begin == t->range.begin;
        if (overlap || same_point) ok = false;
      }
      for (const Edit& o : d.fix->edits) {
        if (&o == &e) break;
        if ((e.range.begin < o.range.end && o.range.begin < e.range.end) ||
            (e.range.empty() && o.range == e.range)) {
          ok = false;
        }
      }
    }
    if (!ok) continue;
    for (const Edit& e : d.fix->edits) {
      taken.push_back(&e);
      first = std::min<std::size_t>(first, e.range.begin);
      last_end = std::max<std::size_t>(last_end, e.range.end);
      delta += static_cast<long long>(e.replacement.size()) - e.range.size();
      any = true;
    }
  }
  if (static_cast<long long>(out.size()) != static_cast<long long>(text.size()) + delta) {
    fail("fixed text length", text, out.size(), text.size());
  }
  if (!any) {
    if (out != text) fail("text changed without a fix", text);
    return;
  }
  if (std::string_view(out).substr(0, first) != text.substr(0, first)) {
    fail("bytes before the first edit changed", text, first);
  }
  const std::size_t tail = text.size() - last_end;
  if (std::string_view(out).substr(out.size() - tail) != text.substr(last_end)) {
    fail("bytes after the last edit changed", text, last_end);
  }
}

// Every rule at its default severity, except those named (codes, comma
// separated) in DIGESTLINT_FUZZ_RULES_OFF: a way to keep fuzzing the rest
// while a reported crash in one rule is open.
const Linter& linter() {
  static const Linter* l = [] {
    Error error;
    auto schema = load_schema(builtin_schema_names().front(), error);
    if (!schema) {
      std::fprintf(stderr, "fuzz_lint: %s\n", error.to_string().c_str());
      std::abort();
    }
    Settings settings;
    if (const char* off = std::getenv("DIGESTLINT_FUZZ_RULES_OFF")) {
      std::string_view list = off;
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view code = list.substr(0, comma);
        if (!code.empty()) settings.rules[std::string(code)].severity = Severity::Off;
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
      std::fprintf(stderr, "fuzz_lint: rules off: %s\n", off);
    }
    return new Linter(schema, settings);
  }();
  return *l;
}

// DIGESTLINT_FUZZ_ALLOW_CYCLES=1 skips the fix-cycle checks, to keep
// fuzzing the rest while a reported cycle is open.
bool allow_cycles() {
  static const bool allow = [] {
    const char* v = std::getenv("DIGESTLINT_FUZZ_ALLOW_CYCLES");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return allow;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  check_document(text);

  const std::vector<Diagnostic> diagnostics = linter().lint(text, "fuzz.md");
  check_diagnostics(text, diagnostics);

  // Safe fixes only: applied exactly, and the result lints.
  {
    std::vector<Diagnostic> safe = diagnostics;
    std::erase_if(safe, [](const Diagnostic& d) {
      return d.fix && d.fix->applicability == Applicability::Unsafe;
    });
    std::string fixed;
    apply_fixes(text, diagnostics, false, fixed);
    check_applied(text, safe, fixed);
    check_diagnostics(fixed, linter().lint(fixed, "fuzz.md"));
  }

  // Unsafe fixes too, pass after pass, as fix_until_stable does: each pass
  // applied exactly, each result linted, and no text seen twice (fixes
  // that undo each other would cycle until the pass limit).
  constexpr int kPasses = 10;
  std::string current = text;
  std::vector<Diagnostic> current_diagnostics = diagnostics;
  std::vector<std::string> seen = {text};
  bool stable = false;
  for (int pass = 0; pass < kPasses; ++pass) {
    std::string next;
    if (apply_fixes(current, current_diagnostics, true, next) == 0) {
      stable = true;
      break;
    }
    check_applied(current, current_diagnostics, next);
    for (const std::string& earlier : seen) {
      if (earlier == next && !allow_cycles())
        fail("fixes cycle: a fixed text repeats an earlier one", text, pass);
    }
    seen.push_back(next);
    current = std::move(next);
    current_diagnostics = linter().lint(current, "fuzz.md");
    check_diagnostics(current, current_diagnostics);
  }

  // The library's loop reaches the same text.
  const FixOutcome outcome = fix_until_stable(linter(), text, true, "fuzz.md", kPasses);
  check_diagnostics(outcome.text, outcome.remaining);
  if (stable && outcome.text != current && !allow_cycles())
    fail("fix_until_stable differs from its passes", text);
  return 0;
}
