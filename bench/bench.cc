// digestlint-bench: what linting costs, as ratios to the md4c parse of the
// same bytes measured in the same run (see bench/README.md).
//
// Every input is read into memory first; then each measurement runs over
// all inputs, the measurements taking turns repetition after repetition so
// that a slower moment of the machine hits them all alike. Reported: the
// median of the repetitions (and the best), MB/s, and the ratio to the
// median md4c parse. Subsets of rules are timed alone, minus the pipeline
// with every rule turned off, as the median of the paired differences.
#include <fmt/format.h>
#include <md4c.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "config/schema_loader.h"
#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/file_cache.h"
#include "digestlint/rule.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "parse/defuse.h"
#include "parse/scanner.h"
#include "pathological_inputs.h"

namespace fs = std::filesystem;
using namespace digestlint;

namespace {

constexpr const char* kUsage = R"(usage: digestlint-bench [options] [files or directories...]

Times md4c alone (the baseline), the scanner, the digest model, the full
lint and each rule family on the same bytes, in one run, and prints MB/s
and ratios to the baseline. Inputs default to ../shared/corpus next to the
source tree. All inputs are read into memory before timing.

options:
  --reps N          repetitions of every measurement (default 7; median reported)
  --per-rule        also time every rule alone
  --no-memory       skip the peak-memory check of the digestlint command
  --cli PATH        the digestlint binary for the memory check (default: the one built alongside)
  --copies N        copies of the inputs in the memory check (default 5)
  --pathological    throughput on generated pathological inputs (tests/pathological_inputs.h)
                    and at each defuse limit, against the baseline
  --size BYTES      size of each pathological input (default 1048576)
  --callgrind       instruction counts under valgrind --tool=callgrind (slow; noise-free)
  --schema NAME     schema to lint with (default: the default schema)
  -h, --help        this text
)";

struct Options {
  std::vector<std::string> paths;
  int reps = 7;
  bool per_rule = false;
  bool memory = true;
  std::string cli = DIGESTLINT_CLI;
  int copies = 5;
  bool pathological = false;
  std::size_t size = 1 << 20;
  bool callgrind = false;
  std::string once;  // internal: run one measurement once (under callgrind)
  std::string schema;
};

struct Input {
  std::string path;
  std::string text;
};

[[noreturn]] void die(const std::string& message) {
  std::cerr << "digestlint-bench: " << message << '\n';
  std::exit(2);
}

std::vector<Input> load_inputs(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".md") found.push_back(it->path());
      }
      if (ec) die(fmt::format("cannot list {}: {}", p, ec.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.emplace_back(p);
    } else {
      die(fmt::format("{}: no such file or directory", p));
    }
  }
  std::vector<Input> inputs;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) die(fmt::format("cannot read {}", f.string()));
    inputs.push_back({f.string(), text.str()});
  }
  return inputs;
}

std::size_t total_bytes(const std::vector<Input>& inputs) {
  std::size_t n = 0;
  for (const Input& i : inputs)
    n += i.text.size();
  return n;
}

// --- What is measured.

int noop_block(MD_BLOCKTYPE, void*, void*) {
  return 0;
}
int noop_span(MD_SPANTYPE, void*, void*) {
  return 0;
}
int noop_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) {
  return 0;
}

void md4c_parse(std::string_view text) {
  MD_PARSER parser{};
  parser.flags = md4c_flags();
  parser.enter_block = noop_block;
  parser.leave_block = noop_block;
  parser.enter_span = noop_span;
  parser.leave_span = noop_span;
  parser.text = noop_text;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, nullptr);
}

struct Pipeline {
  SourceText source;
  Scanner scanner;
  Document doc;
  Digest digest;
};

// Keeps results observable so nothing is optimised away.
std::size_t g_sink = 0;

Settings only(const std::function<bool(const RuleInfo&)>& keep) {
  Settings s;
  for (const RuleInfo* r : all_rules()) {
    if (!keep(*r)) s.rules[std::string(r->code)].severity = Severity::Off;
  }
  return s;
}

struct Family {
  std::string_view prefix;
  std::string_view what;
};
constexpr Family kFamilies[] = {
    {"DL1", "skeleton and sections"}, {"DL2", "lists"},         {"DL3", "articles"},
    {"DL4", "IOC entries"},           {"DL5", "Japanese text"}, {"DL6", "encoding and bytes"},
    {"DL7", "suppressions"},          {"DL9", "parser limits"},
};

struct Measure {
  std::string name;
  std::function<void()> run;
  std::vector<double> seconds;
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double seconds_of(const std::function<void()>& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Runs every measure once to warm up, then `reps` rounds in turn.
void run_rounds(std::vector<Measure*>& measures, int reps) {
  for (Measure* m : measures)
    m->run();
  for (int r = 0; r < reps; ++r) {
    for (Measure* m : measures)
      m->seconds.push_back(seconds_of(m->run));
  }
}

struct Bench {
  const Options& options;
  std::vector<Input> inputs;
  std::size_t bytes = 0;
  std::shared_ptr<const Schema> schema;
  Pipeline pipeline;

  void for_each(const std::function<void(const Input&)>& f) const {
    for (const Input& i : inputs)
      f(i);
  }

  std::function<void()> md4c() const {
    return [this] { for_each([](const Input& i) { md4c_parse(i.text); }); };
  }
  std::function<void()> scan() {
    return [this] {
      for_each([this](const Input& i) {
        pipeline.source.reset(i.text);
        pipeline.scanner.scan(pipeline.source, pipeline.doc);
        g_sink += pipeline.doc.runs.size();
      });
    };
  }
  std::function<void()> scan_and_digest() {
    return [this] {
      for_each([this](const Input& i) {
        pipeline.source.reset(i.text);
        pipeline.scanner.scan(pipeline.source, pipeline.doc);
        build_digest(pipeline.doc, pipeline.source, *schema, pipeline.digest);
        g_sink += pipeline.digest.sections.size();
      });
    };
  }
  std::function<void()> lint(std::shared_ptr<Linter> linter) const {
    return [this, linter] {
      for_each([&](const Input& i) { g_sink += linter->lint(i.text, i.path).size(); });
    };
  }
  std::shared_ptr<Linter> linter(const Settings& s) const {
    return std::make_shared<Linter>(schema, s);
  }
};

// The rules' check() alone, on files scanned once: the cost a rule adds
// to the lint, without the scan's noise around it.
class RuleBench {
 public:
  using Keep = std::function<bool(const RuleInfo&)>;

  explicit RuleBench(const Bench& bench) : schema_(*bench.schema) {
    const Linter linter(bench.schema);
    for (const RuleInfo* r : all_rules()) {
      const auto it = schema_.settings.rules.find(r->code);
      const RuleSetting* setting = it == schema_.settings.rules.end() ? nullptr : &it->second;
      rules_.push_back(
          Active{r, linter.severity(*r),
                 r->create != nullptr ? r->create(RuleOptions(*r, setting)) : nullptr});
    }
    Scanner scanner;
    for (const Input& i : bench.inputs) {
      auto f = std::make_unique<Scanned>();
      f->path = i.path;
      f->source.reset(i.text);
      scanner.scan(f->source, f->doc);
      build_digest(f->doc, f->source, schema_, f->digest);
      files_.push_back(std::move(f));
    }
  }

  bool enabled(const RuleInfo& r) const {
    for (const Active& a : rules_) {
      if (a.info == &r) return a.severity != Severity::Off;
    }
    return false;
  }
  // "12 rules", or "2 rules, in the engine" when the engine itself does
  // their work (suppressions), which the pipeline rows include.
  std::string count(const Keep& keep) const {
    std::size_t n = 0;
    std::size_t engine = 0;
    for (const Active& a : rules_) {
      if (!keep(*a.info)) continue;
      ++n;
      engine += a.rule == nullptr ? 1 : 0;
    }
    if (engine == 0) return fmt::format("{} rules", n);
    return fmt::format("{} rules, {} in the engine", n, engine);
  }
  // Rules that are off by default (opt-in) run at warning severity.
  std::function<void()> run(const Keep& keep) {
    std::vector<const Active*> set;
    for (const Active& a : rules_) {
      if (a.rule != nullptr && keep(*a.info)) set.push_back(&a);
    }
    return [this, set] {
      for (const auto& f : files_) {
        cache_.next_file();
        const LintContext ctx{f->path, f->source, f->doc, f->digest, schema_, cache_};
        for (const Active* a : set) {
          Reporter reporter(*a->info,
                            a->severity == Severity::Off ? Severity::Warning : a->severity, out_);
          a->rule->check(ctx, reporter);
        }
        g_sink += out_.size();
        out_.clear();
      }
    };
  }

 private:
  struct Active {
    const RuleInfo* info;
    Severity severity;
    std::unique_ptr<Rule> rule;
  };
  struct Scanned {
    std::string path;
    SourceText source;
    Document doc;
    Digest digest;
  };
  const Schema& schema_;
  std::vector<Active> rules_;
  std::vector<std::unique_ptr<Scanned>> files_;
  FileCache cache_;
  std::vector<Diagnostic> out_;
};

std::string fixed(double v, int width, int precision) {
  return fmt::format("{:>{}.{}f}", v, width, precision);
}

void print_row(std::string_view name, double seconds, double best, double bytes, double base) {
  std::cout << fmt::format("  {:<44}{}{}{}{}\n", name, fixed(seconds * 1e3, 10, 1),
                           fixed(best * 1e3, 10, 1), fixed(bytes / seconds / 1e6, 10, 1),
                           fixed(seconds / base, 9, 2));
}

// The median of paired differences `with - without`, per repetition.
double paired_cost(const Measure& with, const Measure& without) {
  std::vector<double> d;
  for (std::size_t i = 0; i < with.seconds.size() && i < without.seconds.size(); ++i)
    d.push_back(with.seconds[i] - without.seconds[i]);
  return median(d);
}

// --- Peak memory of the digestlint command, in a child process.

struct ChildResult {
  int status = -1;
  long max_rss_kb = 0;
};

ChildResult run_child(const std::vector<std::string>& argv, const std::string& out_path = "") {
  // The child must not inherit (and print again) what is still buffered.
  std::cout.flush();
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid < 0) die("fork failed");
  if (pid == 0) {
    const char* out = out_path.empty() ? "/dev/null" : out_path.c_str();
    if (!freopen(out, "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) die("wait4 failed");
  ChildResult r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  return r;
}

void memory_check(const Options& o, std::size_t files, std::size_t bytes) {
  std::cout << fmt::format(
      "\nMemory: peak RSS of `digestlint` (child process, getrusage), the inputs once\n"
      "vs {} copies (symbolic links to each input path in a temporary directory)\n",
      o.copies);
  if (access(o.cli.c_str(), X_OK) != 0) {
    std::cout << fmt::format("  skipped: {} is not an executable (see --cli)\n", o.cli);
    return;
  }
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path() / "digestlint-bench-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) die("cannot create a temporary directory");
  const fs::path tmp = tmpl;
  std::vector<std::string> once = {o.cli, "--jobs", "2"};
  std::vector<std::string> many = once;
  for (const std::string& p : o.paths)
    once.push_back(fs::absolute(p).string());
  for (int c = 1; c <= o.copies; ++c) {
    for (std::size_t k = 0; k < o.paths.size(); ++k) {
      const fs::path link = tmp / fmt::format("copy{}-{}", c, k);
      fs::create_directory_symlink(fs::absolute(o.paths[k]), link, ec);
      if (ec) fs::create_symlink(fs::absolute(o.paths[k]), link, ec);
      if (ec) die(fmt::format("cannot create {}: {}", link.string(), ec.message()));
      many.push_back(link.string());
    }
  }
  const ChildResult a = run_child(once);
  const ChildResult b = run_child(many);
  fs::remove_all(tmp, ec);
  std::cout << fmt::format("  {:<36}{:>7} files {:>9.1f} MB  peak RSS {:>7.1f} MB  exit {}\n",
                           "inputs once", files, bytes / 1e6, a.max_rss_kb / 1024.0, a.status);
  std::cout << fmt::format("  {:<36}{:>7} files {:>9.1f} MB  peak RSS {:>7.1f} MB  exit {}\n",
                           fmt::format("inputs x{}", o.copies), files * o.copies,
                           bytes * o.copies / 1e6, b.max_rss_kb / 1024.0, b.status);
  if (a.status > 1 || b.status > 1) {
    std::cout << "  warning: digestlint exited with status > 1 (usage or I/O error)\n";
  }
  const double ratio = a.max_rss_kb > 0 ? static_cast<double>(b.max_rss_kb) / a.max_rss_kb : 0;
  std::cout << fmt::format("  ratio {:.2f} for {}x the input (flat memory: about 1.00)\n", ratio,
                           o.copies);
}

// --- Pathological inputs and the defuse limits.

struct Generated {
  std::string name;
  std::string text;
  bool parse_alone;  // md4c alone is linear here, so it can be timed
};

// Blocks exactly at each defuse limit, repeated to `size`: the slowest
// input that is still parsed as Markdown.
std::vector<Generated> at_limits(std::size_t size) {
  const DefuseLimits l;
  auto repeat_blocks = [size](std::string prefix, const std::string& block) {
    while (prefix.size() < size)
      prefix += block + "\n\n";
    return prefix;
  };
  auto times = [](std::string_view unit, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
      s += unit;
    return s;
  };
  std::vector<Generated> g;
  g.push_back({fmt::format("'](\\n[' x {} per block ({} brackets)", l.brackets_per_block / 2,
                           l.brackets_per_block),
               repeat_blocks("", times("](\n[", l.brackets_per_block / 2)), true});
  g.push_back({fmt::format("brackets nested {} deep, a definition", l.bracket_depth),
               repeat_blocks("[a]: /u\n\n",
                             std::string(l.bracket_depth, '[') + std::string(l.bracket_depth, ']')),
               true});
  g.push_back({fmt::format("'www.a.b/(((' x {} per block", l.autolinks_per_block),
               repeat_blocks("", times("www.a.b/(((", l.autolinks_per_block)), true});
  g.push_back({fmt::format("'http://a.b/c ' x {} per block", l.autolinks_per_block),
               repeat_blocks("", times("http://a.b/c ", l.autolinks_per_block)), true});
  g.push_back({fmt::format("containers {} deep, emphasis on the line", l.container_depth),
               repeat_blocks("", times("> ", l.container_depth) + times("*a* ", 256)), true});
  {
    // The longest definition the budget allows, used as often as the
    // bytes permit (in blocks under the bracket limit): each use costs the
    // definition's length.
    const std::string block = times("[a] ", 200) + "\n\n";
    const std::size_t uses = size / block.size() * 200;
    const std::size_t limit =
        (l.definition_budget_base + l.definition_budget_per_byte * size) / (uses + 1);
    const std::size_t dest = limit > 16 ? limit - 16 : 1;
    std::string s = "[a]: /" + std::string(dest, 'x') + "\n\n";
    for (std::size_t k = 0; k < uses / 200; ++k)
      s += block;
    g.push_back({fmt::format("definition of {} bytes used {} times", dest + 6, uses), s, true});
  }
  return g;
}

double best_of(int n, const std::function<void()>& f) {
  double best = 1e30;
  for (int i = 0; i < n; ++i)
    best = std::min(best, seconds_of(f));
  return best;
}

void pathological_table(const Options& o, Bench& bench, double baseline_mbps) {
  const auto linter = bench.linter({});
  std::cout << fmt::format(
      "\nPathological inputs of about {:.1f} MB each (best of 3). 'slowdown' is the time\n"
      "per byte against the md4c baseline on the corpus above ({:.1f} MB/s); 'md4c' is md4c\n"
      "alone on the input, where it is linear (quadratic cases are defused before md4c).\n",
      o.size / 1e6, baseline_mbps);
  std::cout << fmt::format("  {:<46}{:>10}{:>10}{:>10}{:>7}\n", "input", "lint MB/s", "slowdown",
                           "md4c MB/s", "DL901");
  auto row = [&](std::string_view name, const std::string& text, bool parse_alone) {
    std::size_t dl901 = 0;
    const double t = best_of(3, [&] {
      const auto d = linter->lint(text);
      dl901 = static_cast<std::size_t>(std::count_if(
          d.begin(), d.end(), [](const Diagnostic& x) { return x.rule->code == "DL901"; }));
    });
    const double mbps = text.size() / t / 1e6;
    std::string alone = "-";
    if (parse_alone)
      alone = fmt::format("{:.1f}", text.size() / best_of(3, [&] { md4c_parse(text); }) / 1e6);
    std::cout << fmt::format("  {:<46}{}{}{:>10}{:>7}\n", name, fixed(mbps, 10, 1),
                             fixed(baseline_mbps / mbps, 10, 1), alone, dl901);
  };
  for (const pathological::Input& in : pathological::inputs()) {
    row(in.name, in.make(o.size), in.defused == pathological::Defused::No);
  }
  std::cout << "\n  At each defuse limit (blocks just under it, not defused):\n";
  for (const Generated& g : at_limits(o.size))
    row(g.name, g.text, g.parse_alone);
}

// --- Instruction counts under callgrind: this binary, re-run with --once.

std::optional<unsigned long long> callgrind_count(const std::string& self, const Options& o,
                                                  const std::string& what) {
  std::string out =
      (fs::temp_directory_path() / fmt::format("digestlint-bench-cg.{}.{}", getpid(), what))
          .string();
  std::vector<std::string> argv = {"valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                                   self,       "--once",           what};
  if (!o.schema.empty()) {
    argv.push_back("--schema");
    argv.push_back(o.schema);
  }
  argv.insert(argv.end(), o.paths.begin(), o.paths.end());
  const ChildResult r = run_child(argv);
  std::ifstream in(out);
  std::string line;
  std::optional<unsigned long long> total;
  while (std::getline(in, line)) {
    if (line.rfind("totals:", 0) == 0 || line.rfind("summary:", 0) == 0)
      total = std::stoull(line.substr(line.find(':') + 1));
  }
  std::remove(out.c_str());
  if (r.status != 0) return std::nullopt;
  return total;
}

void callgrind_table(const Options& o, const std::string& self) {
  if (run_child({"valgrind", "--version"}).status != 0) {
    std::cout << "\nCallgrind: skipped (valgrind not found; apt-get install valgrind)\n";
    return;
  }
  std::cout << "\nInstructions (valgrind --tool=callgrind, one pass; loading the inputs "
               "subtracted)\n";
  const auto load = callgrind_count(self, o, "load");
  if (!load) {
    std::cout << "  failed to run valgrind\n";
    return;
  }
  std::vector<std::pair<std::string, std::string>> what = {
      {"md4c", "md4c parse (baseline)"},    {"scan", "scanner"},
      {"digest", "scanner + digest model"}, {"none", "lint pipeline, no rules enabled"},
      {"all", "full lint, all rules"},
  };
  for (const Family& f : kFamilies)
    what.emplace_back(std::string(f.prefix), fmt::format("rules {} alone ({})", f.prefix, f.what));
  std::map<std::string, double> ir;
  for (const auto& [key, label] : what) {
    const auto n = callgrind_count(self, o, key);
    if (!n) {
      std::cout << fmt::format("  {:<44} failed\n", label);
      continue;
    }
    ir[key] = static_cast<double>(*n - std::min(*n, *load));
    const bool family = key.rfind("DL", 0) == 0;
    const double value = family ? ir[key] - ir["none"] : ir[key];
    std::cout << fmt::format("  {:<44}{:>16.0f} Ir {:>8.2f} x md4c\n", label, value,
                             ir.count("md4c") && ir["md4c"] > 0 ? value / ir["md4c"] : 0.0);
  }
  std::cout << "  (rule families: minus the no-rules pipeline)\n";
}

int run_once(const Options& o, Bench& bench) {
  const std::string& w = o.once;
  if (w == "load") return 0;
  if (w == "md4c") {
    bench.md4c()();
  } else if (w == "scan") {
    bench.scan()();
  } else if (w == "digest") {
    bench.scan_and_digest()();
  } else if (w == "all") {
    bench.lint(bench.linter({}))();
  } else if (w == "none") {
    bench.lint(bench.linter(only([](const RuleInfo&) { return false; })))();
  } else {
    bench.lint(bench.linter(only([&](const RuleInfo& r) { return r.code.rfind(w, 0) == 0; })))();
  }
  return g_sink == 0xFFFFFFFFFFFFull ? 1 : 0;
}

Options parse_options(int argc, char** argv) {
  Options o;
  auto value = [&](int& i) -> std::string {
    if (i + 1 >= argc) die(fmt::format("{} needs a value\n{}", argv[i], kUsage));
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    try {
      if (a == "-h" || a == "--help") {
        std::cout << kUsage;
        std::exit(0);
      } else if (a == "--reps") {
        o.reps = std::max(1, std::stoi(value(i)));
      } else if (a == "--per-rule") {
        o.per_rule = true;
      } else if (a == "--no-memory") {
        o.memory = false;
      } else if (a == "--cli") {
        o.cli = value(i);
      } else if (a == "--copies") {
        o.copies = std::max(2, std::stoi(value(i)));
      } else if (a == "--pathological") {
        o.pathological = true;
      } else if (a == "--size") {
        o.size = std::max<std::size_t>(1024, std::stoull(value(i)));
      } else if (a == "--callgrind") {
        o.callgrind = true;
      } else if (a == "--schema") {
        o.schema = value(i);
      } else if (a == "--once") {
        o.once = value(i);
      } else if (!a.empty() && a[0] == '-') {
        die(fmt::format("unknown option {}\n{}", a, kUsage));
      } else {
        o.paths.push_back(a);
      }
    } catch (const std::logic_error&) {
      die(fmt::format("{}: not a number\n{}", a, kUsage));
    }
  }
  if (o.paths.empty()) {
    const fs::path corpus = fs::path(DIGESTLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
    std::error_code ec;
    if (!fs::is_directory(corpus, ec)) {
      die(fmt::format("no inputs given and {} does not exist; pass files or directories",
                      corpus.lexically_normal().string()));
    }
    o.paths.push_back(corpus.lexically_normal().string());
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  Bench bench{o, load_inputs(o.paths), 0, nullptr, {}};
  bench.bytes = total_bytes(bench.inputs);
  if (bench.inputs.empty()) die("no *.md files in the inputs");
  Error error;
  bench.schema = load_schema(o.schema.empty() ? builtin_schema_names().front() : o.schema, error);
  if (!bench.schema) die(error.to_string());
  if (!o.once.empty()) return run_once(o, bench);

  const double mb = bench.bytes / 1e6;
  std::cout << fmt::format(
      "digestlint-bench: {} files, {:.2f} MB, schema {}, {} rules; {} repetitions, median "
      "(best)\n",
      bench.inputs.size(), mb, bench.schema->name, all_rules().size(), o.reps);

  // Pipeline stages and the full lint.
  Measure base{"md4c parse, no-op callbacks (baseline)", bench.md4c(), {}};
  Measure scan{"scanner (line pass + md4c + Document)", bench.scan(), {}};
  Measure digest{"scanner + digest model", bench.scan_and_digest(), {}};
  Measure none{"lint pipeline, every rule off",
               bench.lint(bench.linter(only([](const RuleInfo&) { return false; }))),
               {}};
  Measure all{
      fmt::format("full lint, all {} rules", all_rules().size()), bench.lint(bench.linter({})), {}};
  std::vector<Measure*> order = {&base, &scan, &digest, &none, &all};
  run_rounds(order, o.reps);

  const double b = median(base.seconds);
  std::cout << fmt::format("\n  {:<44}{:>10}{:>10}{:>10}{:>9}\n", "stage", "ms", "best ms", "MB/s",
                           "x md4c");
  for (Measure* m : {&base, &scan, &digest, &none, &all})
    print_row(m->name, median(m->seconds), *std::min_element(m->seconds.begin(), m->seconds.end()),
              bench.bytes, b);
  const double rules_cost = paired_cost(all, none);

  // Rules alone: every file scanned once, then only the rules' check()
  // timed (with the per-file cache they share, built by the first rule
  // that asks), against the baseline timed in the same rounds.
  RuleBench rb(bench);
  Measure base2{"", bench.md4c(), {}};
  Measure every{"all rules", rb.run([](const RuleInfo&) { return true; }), {}};
  std::vector<Measure> families;
  for (const Family& f : kFamilies) {
    const auto keep = [f](const RuleInfo& r) { return r.code.rfind(f.prefix, 0) == 0; };
    families.push_back(
        {fmt::format("{}xx {} ({})", f.prefix, f.what, rb.count(keep)), rb.run(keep), {}});
  }
  std::vector<Measure> rules;
  if (o.per_rule) {
    for (const RuleInfo* r : all_rules()) {
      rules.push_back({fmt::format("{} {}{}", r->code, r->name, rb.enabled(*r) ? "" : " (off)"),
                       rb.run([r](const RuleInfo& x) { return &x == r; }),
                       {}});
    }
  }
  std::vector<Measure*> rule_order = {&base2, &every};
  for (Measure& m : families)
    rule_order.push_back(&m);
  for (Measure& m : rules)
    rule_order.push_back(&m);
  run_rounds(rule_order, o.reps);
  const double b2 = median(base2.seconds);

  std::cout << fmt::format(
      "\n  {:<44}{:>10}{:>10}{:>9}\n  (files scanned once; each rule's check() on them, opt-in\n"
      "  rules included and marked (off); the md4c baseline re-timed in these rounds)\n",
      "rules alone", "ms", "best ms", "x md4c");
  std::map<std::string_view, double> family_ratio;
  auto rule_row = [&](const Measure& m) {
    const double t = median(m.seconds);
    std::cout << fmt::format(
        "  {:<44}{}{}{}\n", m.name, fixed(t * 1e3, 10, 2),
        fixed(*std::min_element(m.seconds.begin(), m.seconds.end()) * 1e3, 10, 2),
        fixed(t / b2, 9, 3));
    return t / b2;
  };
  rule_row(every);
  for (std::size_t k = 0; k < families.size(); ++k)
    family_ratio[kFamilies[k].prefix] = rule_row(families[k]);
  if (!rules.empty()) std::cout << '\n';
  for (const Measure& m : rules)
    rule_row(m);
  std::cout << fmt::format("  {:<44}{}{:>10}{}\n", "(full lint minus every-rule-off)",
                           fixed(rules_cost * 1e3, 10, 2), "", fixed(rules_cost / b, 9, 3));

  // A short reading of the numbers.
  const double lint_ratio = median(all.seconds) / b;
  const double scan_ratio = median(scan.seconds) / b;
  std::cout << fmt::format(
      "\nReading: the full lint costs {:.1f}x the md4c parse of the same bytes ({:.0f} MB/s), "
      "of which\nthe scanner (md4c itself included) is {:.1f}x and the rules alone {:.1f}x.",
      lint_ratio, mb / median(all.seconds), scan_ratio, median(every.seconds) / b2);
  for (const Family& f : kFamilies) {
    if (f.prefix == "DL5") {
      const double r = family_ratio[f.prefix];
      std::cout << fmt::format(
          "\nThe Japanese-text rules (DL5xx) cost {:.2f}x the md4c parse: {} the parse itself.", r,
          r < 1.0 ? "less than" : "NOT less than");
    }
  }
  std::cout << "\nStage rows vary by a few percent from run to run; --callgrind gives exact "
               "instruction counts.\n";

  if (o.memory) memory_check(o, bench.inputs.size(), bench.bytes);
  if (o.pathological) pathological_table(o, bench, mb / b);
  if (o.callgrind) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    callgrind_table(o, ec ? std::string(argv[0]) : self.string());
  }
  return g_sink == 0xFFFFFFFFFFFFull ? 1 : 0;
}
