// The pipeline for one buffer: index lines, scan (md4c + raw lines), build
// the digest structure, run every enabled rule, sort.
#include "engine/linter.h"

#include <algorithm>

#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/source.h"
#include "engine/registry.h"
#include "engine/suppressions.h"
#include "parse/scanner.h"

namespace digestlint {

struct Linter::ActiveRule {
  const RuleInfo* info;
  Severity severity;
  std::unique_ptr<Rule> rule;
};

Linter::Linter(std::shared_ptr<const Schema> schema, const Settings& overrides)
    : schema_(std::move(schema)) {
  Settings settings = schema_->settings;
  settings.merge(overrides);
  for (const RuleInfo* info : all_rules()) {
    const auto it = settings.rules.find(info->code);
    const RuleSetting* setting = it == settings.rules.end() ? nullptr : &it->second;
    const Severity severity = setting != nullptr && setting->severity ? *setting->severity
                              : info->opt_in                          ? Severity::Off
                                                                      : info->default_severity;
    // Engine-reported rules have no Rule object; only their severity counts.
    rules_.push_back(
        ActiveRule{info, severity,
                   info->engine_reported ? nullptr : info->create(RuleOptions(*info, setting))});
  }
}

Linter::~Linter() = default;
Linter::Linter(Linter&&) noexcept = default;
Linter& Linter::operator=(Linter&&) noexcept = default;

Severity Linter::severity(const RuleInfo& rule) const {
  for (const ActiveRule& r : rules_) {
    if (r.info == &rule) return r.severity;
  }
  return Severity::Off;
}

namespace {

// Scratch space reused across files by each thread, so linting many files
// allocates only when a file is larger than any before it.
struct Workspace {
  Scanner scanner;
  Document doc;
  Digest digest;
  FileCache cache;
};

// Findings by position, then rule; stable. Sorted as small keys, then
// moved once: moving whole diagnostics (message, notes, fix) at every
// step of the sort cost more than the rules on a file with a million.
std::vector<Diagnostic> sorted(std::vector<Diagnostic>&& diagnostics) {
  struct Key {
    Offset begin;
    Offset end;
    std::string_view code;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(diagnostics.size());
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    keys.push_back(Key{d.range.begin, d.range.end, d.rule->code, static_cast<std::uint32_t>(i)});
  }
  auto before = [](const Key& a, const Key& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    if (a.code != b.code) return a.code < b.code;
    return a.index < b.index;
  };
  if (std::is_sorted(keys.begin(), keys.end(), before)) return std::move(diagnostics);
  // Each rule reports mostly in document order: merge the ascending runs
  // (the same order as sorting outright, `before` being total) instead of
  // sorting a million keys from scratch.
  std::vector<std::size_t> bounds{0};
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (before(keys[i], keys[i - 1])) bounds.push_back(i);
  }
  bounds.push_back(keys.size());
  while (bounds.size() > 2) {
    std::vector<std::size_t> merged{0};
    std::size_t k = 0;
    for (; k + 2 < bounds.size(); k += 2) {
      std::inplace_merge(keys.begin() + static_cast<std::ptrdiff_t>(bounds[k]),
                         keys.begin() + static_cast<std::ptrdiff_t>(bounds[k + 1]),
                         keys.begin() + static_cast<std::ptrdiff_t>(bounds[k + 2]), before);
      merged.push_back(bounds[k + 2]);
    }
    if (k + 1 < bounds.size()) merged.push_back(bounds.back());  // an odd run, carried over
    bounds = std::move(merged);
  }
  // Moved into place cycle by cycle, in the same vector: a second vector
  // of a million findings would double the peak.
  constexpr std::uint32_t kPlaced = UINT32_MAX;
  for (std::uint32_t start = 0; start < keys.size(); ++start) {
    if (keys[start].index == kPlaced || keys[start].index == start) continue;
    Diagnostic held = std::move(diagnostics[start]);
    std::uint32_t to = start;
    for (;;) {
      const std::uint32_t from = keys[to].index;
      keys[to].index = kPlaced;
      if (from == start) {
        diagnostics[to] = std::move(held);
        break;
      }
      diagnostics[to] = std::move(diagnostics[from]);
      to = from;
    }
  }
  return std::move(diagnostics);
}

}  // namespace

std::vector<Diagnostic> Linter::lint(std::string_view bytes, std::string_view path) const {
  thread_local SourceText source;
  if (bytes.size() > kMaxFileSize) return {};  // callers refuse such files first
  source.reset(bytes);
  return lint(source, path);
}

std::vector<Diagnostic> Linter::lint(const SourceText& source, std::string_view path) const {
  thread_local Workspace ws;
  std::vector<Diagnostic> diagnostics;
  if (source.size() > kMaxFileSize) return diagnostics;  // callers refuse such files first
  ws.scanner.scan(source, ws.doc);
  build_digest(ws.doc, source, *schema_, ws.digest);
  ws.cache.next_file();
  const LintContext ctx{path, source, ws.doc, ws.digest, *schema_, ws.cache};
  for (const ActiveRule& r : rules_) {
    if (r.severity == Severity::Off || r.rule == nullptr) continue;
    Reporter reporter(*r.info, r.severity, diagnostics);
    r.rule->check(ctx, reporter);
  }
  // Inline suppressions act on what every rule found (see suppressions.h).
  apply_suppressions(source, ws.doc, diagnostics,
                     [this](const RuleInfo& rule) { return severity(rule); });
  return sorted(std::move(diagnostics));
}

namespace {

bool edit_before(const Edit* a, const Edit* b) {
  // An insertion at a replacement's start goes before it.
  return a->range.begin != b->range.begin ? a->range.begin < b->range.begin
                                          : a->range.end < b->range.end;
}

// Whether `e` conflicts with the pairwise disjoint, sorted `taken` edits:
// overlapping ranges, or two insertions at one point (order unknown).
bool conflicts(const std::vector<const Edit*>& taken, const Edit& e) {
  auto it = std::lower_bound(taken.begin(), taken.end(), &e, edit_before);
  if (it != taken.begin()) {
    const Edit* prev = *(it - 1);
    if (prev->range.end > e.range.begin) return true;
    if (prev->range.empty() && e.range.empty() && prev->range.begin == e.range.begin) return true;
  }
  for (; it != taken.end() && (*it)->range.begin <= e.range.end; ++it) {
    const ByteRange t = (*it)->range;
    if (e.range.begin < t.end && t.begin < e.range.end) return true;
    if (t.empty() && e.range.empty() && t.begin == e.range.begin) return true;
  }
  return false;
}

}  // namespace

std::size_t apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                        bool unsafe, std::string& out) {
  std::vector<const Edit*> taken;  // sorted, pairwise disjoint
  std::vector<const Edit*> mine;
  std::size_t applied = 0;
  for (const Diagnostic& d : diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    if (d.fix->applicability == Applicability::Unsafe && !unsafe) continue;
    // A fix is taken whole or not at all, its own edits included.
    mine.clear();
    bool conflict = false;
    for (const Edit& e : d.fix->edits) {
      if (e.range.end > text.size() || e.range.begin > e.range.end || conflicts(taken, e)) {
        conflict = true;
        break;
      }
      for (const Edit* m : mine) {
        if ((e.range.begin < m->range.end && m->range.begin < e.range.end) ||
            (e.range.empty() && m->range == e.range)) {
          conflict = true;
        }
      }
      mine.push_back(&e);
    }
    if (conflict) continue;
    for (const Edit* e : mine) {
      taken.insert(std::upper_bound(taken.begin(), taken.end(), e, edit_before), e);
    }
    ++applied;
  }
  out.clear();
  out.reserve(text.size());
  Offset at = 0;
  for (const Edit* e : taken) {
    out.append(text.substr(at, e->range.begin - at));
    out.append(e->replacement);
    at = e->range.end;
  }
  out.append(text.substr(at));
  return applied;
}

FixOutcome fix_until_stable(const Linter& linter, std::string_view text, bool unsafe,
                            std::string_view path, int max_passes) {
  FixOutcome outcome;
  outcome.text = std::string(text);
  outcome.remaining = linter.lint(outcome.text, path);
  std::string next;
  for (int pass = 0; pass < max_passes; ++pass) {
    const std::size_t applied = apply_fixes(outcome.text, outcome.remaining, unsafe, next);
    if (applied == 0) break;
    outcome.applied += applied;
    outcome.text.swap(next);
    outcome.remaining = linter.lint(outcome.text, path);
  }
  return outcome;
}

}  // namespace digestlint
