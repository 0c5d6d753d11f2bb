#include "cli/lint_run.h"
#include "config/schema_loader.h"

#include "engine/ordered_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "base/files.h"
#include "digestlint/source.h"
#include "engine/registry.h"
#include "output/unified_diff.h"

namespace digestlint {

bool select_rules(const Options& o, RuleSelection& selection, std::string& error) {
  // Each pattern names at least one rule, else the run stops: a typo must
  // not silently lint with the wrong rules.
  auto resolve = [&](const std::vector<std::string>& patterns,
                     std::vector<const RuleInfo*>& named_outright,
                     std::vector<const RuleInfo*>& all) {
    for (const std::string& p : patterns) {
      const std::vector<const RuleInfo*> matched = match_rules(p);
      if (matched.empty()) {
        error = unknown_rule_message(p);
        return false;
      }
      all.insert(all.end(), matched.begin(), matched.end());
      if (!is_rule_prefix(p)) named_outright.push_back(matched.front());
    }
    return true;
  };
  std::vector<const RuleInfo*> selected, selected_outright, extended, extended_outright, ignored,
      unused;
  if (!resolve(o.select, selected_outright, selected) ||
      !resolve(o.extend_select, extended_outright, extended) ||
      !resolve(o.ignore, unused, ignored)) {
    return false;
  }
  auto has = [](const std::vector<const RuleInfo*>& list, const RuleInfo* r) {
    return std::find(list.begin(), list.end(), r) != list.end();
  };
  for (const RuleInfo* r : all_rules()) {
    const bool off =
        has(ignored, r) || (!o.select.empty() && !has(selected, r) && !has(extended, r));
    if (off) {
      selection.settings.rules[std::string(r->code)].severity = Severity::Off;
      continue;
    }
    // Named rules are on even where a config or schema turned them off;
    // an opt-in rule only when named outright, not by a prefix.
    const bool named_outright = has(selected_outright, r) || has(extended_outright, r);
    const bool named = has(selected, r) || has(extended, r);
    if (named_outright || (named && !r->opt_in)) selection.switch_on.push_back(r);
  }
  return true;
}

// One Linter per (config, schema): the files sharing both share it. Built
// on first use, from any worker thread.

const Linter* Linters::get(const Config* config, const std::string& schema, Error& error) {
  const std::lock_guard lock(mutex_);
  const auto key = std::make_pair(config, schema);
  if (auto it = linters_.find(key); it != linters_.end()) return it->second.get();
  auto found = schemas_.find(schema);
  if (found == schemas_.end()) {
    std::shared_ptr<const Schema> loaded = load_schema(schema, error);
    if (!loaded) return nullptr;
    found = schemas_.emplace(schema, std::move(loaded)).first;
  }
  // Defaults, then the schema's [rules], then the config's, then the
  // command line's --select / --ignore.
  Settings overrides = config != nullptr ? config->settings : Settings{};
  overrides.merge(command_line_.settings);
  auto linter = std::make_unique<Linter>(found->second, overrides);
  // Rules the command line names and the schema or config turned off run
  // at their default severity.
  bool rebuild = false;
  for (const RuleInfo* r : command_line_.switch_on) {
    if (linter->severity(*r) != Severity::Off) continue;
    overrides.rules[std::string(r->code)].severity = r->default_severity;
    rebuild = true;
  }
  if (rebuild) linter = std::make_unique<Linter>(found->second, overrides);
  const Linter* result = linter.get();
  linters_.emplace(key, std::move(linter));
  return result;
}

std::vector<const RuleInfo*> Linters::enabled_rules() {
  const std::lock_guard lock(mutex_);
  std::vector<const RuleInfo*> out;
  for (const RuleInfo* r : all_rules()) {
    for (const auto& [key, linter] : linters_) {
      if (linter->severity(*r) != Severity::Off) {
        out.push_back(r);
        break;
      }
    }
  }
  return out;
}

void drop_inputs_of_unloadable_schemas(const Options& o, Linters& linters,
                                       std::vector<Input>& inputs,
                                       std::vector<FileReport>& failures) {
  std::map<const Config*, std::size_t> bad_schema;
  std::map<const Config*, Error> why;
  for (const Input& in : inputs) {
    if (in.config == nullptr || !o.schema.empty() || in.config->schema.empty() ||
        in.config->schema == "auto") {
      continue;
    }
    Error schema_error;
    if (bad_schema.count(in.config) > 0 ||
        linters.get(in.config, in.config->schema, schema_error) == nullptr) {
      if (!why.count(in.config)) why[in.config] = schema_error;
      ++bad_schema[in.config];
    }
  }
  for (const auto& [config, files] : bad_schema) {
    Error e = why[config];
    e.message += fmt::format(" (the schema of {})", config->display);
    failures.push_back(config_failure(e, files));
  }
  std::erase_if(inputs, [&](const Input& in) { return bad_schema.count(in.config) > 0; });
}

namespace {

// Lints (and fixes) one input. Runs on worker threads.
// `buffer` and `source`: the worker's, reused file after file.
FileReport process(const Input& input, Linters& linters, const Options& o, bool source_lines,
                   std::string& buffer, SourceText& source, std::string* fixed_stdin,
                   std::string* diff) {
  FileReport report;
  report.path = input.display;
  Error error;
  const std::uint64_t max_size = max_file_size_for(o.max_file_bytes, input.config);
  const bool ok = input.path.empty() ? read_stdin(buffer, error, max_size)
                                     : read_file(input.path, buffer, error, max_size);
  if (!ok) {
    report.error = error.message;
    return report;
  }
  // Binary, not a digest, or which schema (lint/cli/inputs.h).
  const InputKind kind = classify_input(o, input, buffer);
  if (!kind.error.empty() || kind.not_a_digest) {
    report.error = kind.error;
    report.not_a_digest = kind.not_a_digest;
    if (input.path.empty()) *fixed_stdin = buffer;  // --fix on '-' passes it through
    return report;
  }
  Error schema_error;
  const Linter* linter = linters.get(input.config, kind.schema, schema_error);
  if (linter == nullptr) {
    report.error = schema_error.message;
    return report;
  }
  std::string linted_as = kind.schema;  // "NAME, WHY"
  linted_as += ", ";
  linted_as += kind.why;
  if (o.diff) {
    // What --fix would write, shown, never written.
    FixOutcome outcome = fix_until_stable(*linter, buffer, o.unsafe_fixes, input.display);
    *diff = unified_diff(input.display, buffer, outcome.text);
    source.reset(buffer, kind.well_formed);
    report = make_report(input.display, source, linter->lint(source, input.display), source_lines);
    report.fixes_applied = outcome.applied;
    report.linted_as = linted_as;
    return report;
  }
  if (!o.fix) {
    source.reset(buffer, kind.well_formed);
    report = make_report(input.display, source, linter->lint(source, input.display), source_lines);
    report.linted_as = linted_as;
    return report;
  }
  FixOutcome outcome = fix_until_stable(*linter, buffer, o.unsafe_fixes, input.display);
  if (input.path.empty()) {
    *fixed_stdin = outcome.text;
  } else if (outcome.applied > 0 && !write_file_atomically(input.path, outcome.text, error)) {
    // Nothing was written: report the original findings with the error.
    source.reset(buffer, kind.well_formed);
    report = make_report(input.display, source, linter->lint(source, input.display), source_lines);
    report.error = error.message;
    report.linted_as = linted_as;
    return report;
  }
  buffer = std::move(outcome.text);
  source.reset(buffer);
  report = make_report(input.display, source, std::move(outcome.remaining), source_lines);
  report.fixes_applied = outcome.applied;
  report.linted_as = linted_as;
  return report;
}

}  // namespace

void lint_inputs(const Options& o, Linters& linters, const std::vector<Input>& inputs,
                 bool source_lines, const LintedInput& linted, std::string& fixed_stdin) {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const unsigned jobs =
      std::clamp<unsigned>(o.jobs == 0 ? hardware : o.jobs, 1u,
                           static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
  std::vector<std::string> buffers(jobs);  // per worker: memory stays at the largest file
  std::vector<SourceText> sources(jobs);   // per worker: its line index, likewise
  // --diff: the diffs of the inputs linted and not yet handed over (as
  // few as the ordered run's window), each taken with its report.
  std::map<std::size_t, std::string> diffs;
  std::mutex diffs_mutex;
  std::size_t emitted = 0;
  run_in_order(OrderedRun{inputs.size(), jobs, 0,
                          [&](std::size_t i, unsigned w) {
                            std::string diff;
                            FileReport report =
                                process(inputs[i], linters, o, source_lines, buffers[w], sources[w],
                                        &fixed_stdin, o.diff ? &diff : nullptr);
                            if (!diff.empty()) {
                              const std::lock_guard lock(diffs_mutex);
                              diffs.emplace(i, std::move(diff));
                            }
                            return report;
                          },
                          [&](FileReport&& report) {
                            const std::size_t i = emitted++;
                            std::string diff;
                            {
                              const std::lock_guard lock(diffs_mutex);
                              if (auto it = diffs.find(i); it != diffs.end()) {
                                diff = std::move(it->second);
                                diffs.erase(it);
                              }
                            }
                            linted(i, std::move(report), std::move(diff));
                          }});
}

}  // namespace digestlint
