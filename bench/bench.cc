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
#include <csignal>

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

#include "base/files.h"
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
  --scaling         time the scanner, the digest model and every rule alone on
                    generated worst shapes at 1x, 4x and 16x; flag growth above linear
  --unit BYTES      size of the 1x scaling inputs (default 65536)
  --issue-table     issue 13's table: whole digestlint processes, the base binary
                    (--base) and this build's (--cli), side by side with md4c
  --base PATH       the binary to compare with (default /tmp/baseline/digestlint-base)
  --huge            the issue table also at 100x the inputs (minutes)
  --rich-schema     issue 12's row: generated weekly reviews under examples/weekly-review.toml
                    (every content kind), as many bytes as the inputs, against the inputs
                    under the built-in schema; lint cost per MB of each and the ratio
  --at-cap          the digestlint process on each worst shape generated just under
                    the default --max-file-size; flags any answer over 2 s
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
  bool scaling = false;
  std::size_t unit = 1 << 16;
  bool issue_table = false;
  std::string base = "/tmp/baseline/digestlint-base";
  bool huge = false;
  bool rich_schema = false;
  bool at_cap = false;
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
  double wall = 0;  // seconds
  double cpu = 0;   // user + system seconds
  bool timed_out = false;
};

ChildResult run_child(const std::vector<std::string>& argv, const std::string& out_path = "",
                      double timeout = 0) {
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
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  int status = 0;
  rusage usage{};
  ChildResult r;
  for (;;) {
    const pid_t done = wait4(pid, &status, timeout > 0 ? WNOHANG : 0, &usage);
    if (done < 0) die("wait4 failed");
    if (done == pid) break;
    if (elapsed() > timeout) {
      kill(pid, SIGKILL);
      r.timed_out = true;
      if (wait4(pid, &status, 0, &usage) < 0) die("wait4 failed");
      break;
    }
    usleep(5000);
  }
  r.wall = elapsed();
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  r.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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

// --- Scaling: every stage and rule on generated worst shapes at 1x, 4x, 16x.

struct Shape {
  std::string name;
  std::function<std::string(std::size_t)> make;  // about `bytes` of input
};

std::string repeat_to(std::string text, std::size_t bytes,
                      const std::function<std::string(std::size_t)>& unit) {
  for (std::size_t i = 0; text.size() < bytes; ++i)
    text += unit(i);
  return text;
}

const std::string kArticleHead =
    "# Daily Security Info\n\n### 日々のニュース要約\n\n#### 記事\nhttps://example.com/a\n\n";

std::vector<Shape> scaling_shapes() {
  std::vector<Shape> shapes;
  shapes.push_back({"many sections ('### Tools' + a link, repeated)", [](std::size_t n) {
                      return repeat_to("# Daily Security Info\n\n", n, [](std::size_t) {
                        return std::string("### Tools\n- [a](https://example.com/a)\n\n");
                      });
                    }});
  shapes.push_back({"many empty sections then one link (DL113's)", [](std::size_t n) {
                      return repeat_to("# Daily Security Info\n", n,
                                       [](std::size_t) { return std::string("### Tools\n"); }) +
                             "- [a](https://example.com/a)\n";
                    }});
  shapes.push_back({"many articles", [](std::size_t n) {
                      return repeat_to(
                          "# Daily Security Info\n\n### 日々のニュース要約\n\n", n,
                          [](std::size_t i) {
                            return fmt::format(
                                "#### 記事{0}\nhttps://example.com/{0}\n\n- 要約\n    - "
                                "概要です。\n- IOCの列挙\n    - IOC情報なし\n- 推奨事項\n    - "
                                "推奨事項なし\n- その他\n    - なし\n- ChatGPTの推奨事項\n    - "
                                "推奨事項なし\n\n",
                                i);
                          });
                    }});
  shapes.push_back({"many labels in one article", [](std::size_t n) {
                      return repeat_to(kArticleHead, n, [](std::size_t) {
                        return std::string("- 要約\n    - 概要です。\n");
                      });
                    }});
  shapes.push_back({"many IOC lines", [](std::size_t n) {
                      return repeat_to(kArticleHead + "- IOCの列挙\n", n, [](std::size_t i) {
                        return fmt::format(
                            "    - 192.0.2[.]{},IPアドレス,知られていない,C2,グローバル\n",
                            i % 256);
                      });
                    }});
  shapes.push_back({"one long line of prose and links", [](std::size_t n) {
                      return repeat_to(
                                 kArticleHead + "- 要約\n    - ", n,
                                 [](std::size_t) {
                                   return std::string("テキスト text [a](https://example.com/a) ");
                                 }) +
                             "\n";
                    }});
  shapes.push_back(
      {"many findings on one line", [](std::size_t n) {
         return repeat_to(kArticleHead + "- 要約\n    - ", n,
                          [](std::size_t) { return std::string("ＡＢ\u3000ｱ (x)。. \u00a0 "); }) +
                "\n";
       }});
  shapes.push_back({"many headings ('#### h')", [](std::size_t n) {
                      return repeat_to("", n, [](std::size_t) { return std::string("#### h\n"); });
                    }});
  return shapes;
}

void scaling_table(const Options& o, const std::shared_ptr<const Schema>& schema) {
  constexpr std::size_t kFactors[] = {1, 4, 16};
  constexpr double kFlag = 2.0;           // per-byte cost at 16x over 1x
  constexpr double kNoiseSeconds = 2e-3;  // below this at 16x, growth is noise
  std::cout << fmt::format(
      "\nScaling: each stage and rule alone on generated inputs of {:.0f} KB, 4x and 16x that\n"
      "(best of 3). 'growth' is the cost per byte at 16x over 1x: 1.0 is linear; above {:.1f}\n"
      "(and over {:.0f} ms at 16x) is flagged ABOVE LINEAR. Rules under 0.2 ms at 16x are\n"
      "counted, not listed.\n",
      o.unit / 1e3, kFlag, kNoiseSeconds * 1e3);
  std::size_t flagged = 0;
  for (const Shape& shape : scaling_shapes()) {
    std::vector<std::unique_ptr<Bench>> benches;
    std::vector<std::unique_ptr<RuleBench>> rule_benches;
    std::vector<std::size_t> sizes;
    for (std::size_t f : kFactors) {
      auto b = std::unique_ptr<Bench>(new Bench{o, {}, 0, schema, {}});
      b->inputs.push_back({shape.name, shape.make(o.unit * f)});
      b->bytes = b->inputs.front().text.size();
      sizes.push_back(b->bytes);
      rule_benches.push_back(std::make_unique<RuleBench>(*b));
      benches.push_back(std::move(b));
    }
    std::cout << fmt::format("\n  {} ({:.0f} / {:.0f} / {:.0f} KB)\n", shape.name, sizes[0] / 1e3,
                             sizes[1] / 1e3, sizes[2] / 1e3);
    std::cout << fmt::format("  {:<40}{:>10}{:>10}{:>10}{:>9}\n", "", "1x ms", "4x ms", "16x ms",
                             "growth");
    std::size_t quiet = 0;
    auto row = [&](const std::string& name, const std::function<std::function<void()>(int)>& at) {
      double t[3];
      for (int k = 0; k < 3; ++k)
        t[k] = best_of(3, at(k));
      const double growth = (t[2] / static_cast<double>(sizes[2])) /
                            std::max(1e-12, t[0] / static_cast<double>(sizes[0]));
      const bool above = growth > kFlag && t[2] > kNoiseSeconds;
      if (!above && t[2] < 2e-4) {
        ++quiet;
        return;
      }
      flagged += above ? 1 : 0;
      std::cout << fmt::format("  {:<40}{}{}{}{}{}\n", name, fixed(t[0] * 1e3, 10, 2),
                               fixed(t[1] * 1e3, 10, 2), fixed(t[2] * 1e3, 10, 2),
                               fixed(growth, 9, 2), above ? "  ABOVE LINEAR" : "");
    };
    row("scanner", [&](int k) { return benches[k]->scan(); });
    row("scanner + digest model", [&](int k) { return benches[k]->scan_and_digest(); });
    row("full lint, all rules", [&](int k) { return benches[k]->lint(benches[k]->linter({})); });
    for (const RuleInfo* r : all_rules()) {
      row(fmt::format("{} {}", r->code, r->name),
          [&](int k) { return rule_benches[k]->run([r](const RuleInfo& x) { return &x == r; }); });
    }
    std::cout << fmt::format("  ({} rules under 0.2 ms at 16x)\n", quiet);
  }
  std::cout << fmt::format("\n  {} stage or rule rows above linear\n", flagged);
}

// --- Issue 13's table: whole processes, the base binary against this build.

std::string temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "digestlint-bench-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) die("cannot create a temporary directory");
  return tmpl;
}

void write_text_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) die(fmt::format("cannot write {}", path.string()));
}

// Runs each command `reps` times, in turns; keeps the run of median CPU time.
std::vector<ChildResult> side_by_side(const std::vector<std::vector<std::string>>& commands,
                                      int reps, double timeout = 0) {
  std::vector<std::vector<ChildResult>> runs(commands.size());
  for (int r = 0; r < reps; ++r) {
    for (std::size_t c = 0; c < commands.size(); ++c) {
      if (commands[c].empty()) continue;
      if (!runs[c].empty() && runs[c].back().timed_out) continue;  // once is enough
      runs[c].push_back(run_child(commands[c], "", timeout));
    }
  }
  std::vector<ChildResult> out;
  for (auto& v : runs) {
    if (v.empty()) {
      out.push_back(ChildResult{});
      continue;
    }
    std::sort(v.begin(), v.end(),
              [](const ChildResult& a, const ChildResult& b) { return a.cpu < b.cpu; });
    out.push_back(v[v.size() / 2]);
  }
  return out;
}

std::string seconds_cell(const ChildResult& r) {
  if (r.status < 0) return "-";
  if (r.timed_out) return fmt::format(">{:.0f} s (killed)", r.wall);
  return fmt::format("{:.2f} s ({:.2f} cpu)", r.wall, r.cpu);
}

// The same in milliseconds, for runs near the 10 ms a second cell rounds to.
std::string milliseconds_cell(const ChildResult& r) {
  if (r.status < 0) return "-";
  if (r.timed_out) return fmt::format(">{:.0f} s (killed)", r.wall);
  return fmt::format("{:.1f} ms ({:.1f} ms cpu)", r.wall * 1e3, r.cpu * 1e3);
}

std::string rss_cell(const ChildResult& r) {
  if (r.status < 0) return "-";
  if (r.timed_out) return "killed";
  return fmt::format("{:.1f} MiB", r.max_rss_kb / 1024.0);
}

void issue_row(std::string_view name, const std::string& before, const std::string& after,
               std::string_view target) {
  std::cout << fmt::format("| {} | {} | {} | {} |\n", name, before, after, target);
}

void issue_table(const Options& o, const std::string& self, std::size_t files, std::size_t bytes) {
  const bool have_base = access(o.base.c_str(), X_OK) == 0;
  if (access(o.cli.c_str(), X_OK) != 0) die(fmt::format("{} is not an executable", o.cli));
  const std::string base = have_base ? o.base : "";
  auto cmd = [](const std::string& bin, std::vector<std::string> args,
                const std::vector<std::string>& paths) {
    if (bin.empty()) return std::vector<std::string>{};
    args.insert(args.begin(), bin);
    args.insert(args.end(), paths.begin(), paths.end());
    return args;
  };
  std::vector<std::string> archive;
  for (const std::string& p : o.paths)
    archive.push_back(fs::absolute(p).string());
  const std::string tmp = temp_dir();
  auto copies = [&](int n) {
    std::vector<std::string> links;
    std::error_code ec;
    for (int c = 1; c <= n; ++c) {
      for (std::size_t k = 0; k < archive.size(); ++k) {
        const fs::path link = fs::path(tmp) / fmt::format("copy{}-{}", c, k);
        if (!fs::exists(link, ec)) {
          fs::create_directory_symlink(archive[k], link, ec);
          if (ec) fs::create_symlink(archive[k], link, ec);
        }
        links.push_back(link.string());
      }
    }
    return links;
  };

  std::cout << fmt::format(
      "\nIssue 13's table: whole processes, `before` = {} and `after` = {},\n"
      "measured in this run, in turns ({} repetitions, the median by CPU time). Wall seconds\n"
      "(CPU seconds, user + system) and peak RSS (getrusage). Inputs: {} files, {:.1f} MB.\n\n",
      have_base ? o.base : "(no base binary: --base)", o.cli, o.reps, files, bytes / 1e6);
  std::cout << "| run | before | after | target |\n|---|---|---|---|\n";
  const int reps = o.reps;

  // md4c's parse as a whole process: this binary loads the inputs and parses.
  const std::vector<std::string> md4c = cmd(self, {"--once", "md4c"}, archive);
  {
    const auto r = side_by_side({md4c, cmd(base, {"--jobs", "1", "--format", "json"}, archive),
                                 cmd(o.cli, {"--jobs", "1", "--format", "json"}, archive),
                                 cmd(base, {"--jobs", "1", "--format", "text"}, archive),
                                 cmd(o.cli, {"--jobs", "1", "--format", "text"}, archive)},
                                reps);
    auto ratio = [&](const ChildResult& x) {
      if (x.status < 0) return std::string("-");
      return fmt::format("{:.2f}x wall, {:.2f}x cpu", x.wall / r[0].wall, x.cpu / r[0].cpu);
    };
    issue_row(
        fmt::format("md4c parse, no-op callbacks, archive (whole process: {})", seconds_cell(r[0])),
        "", "", "the baseline");
    issue_row("`--jobs 1 --format json`, archive, over md4c", ratio(r[1]), ratio(r[2]),
              "<= 2.0x (1.5x next)");
    issue_row("`--jobs 1 --format text`, archive, over md4c", ratio(r[3]), ratio(r[4]), "");
  }
  {
    const auto r =
        side_by_side({cmd(base, {"--jobs", "2"}, archive), cmd(o.cli, {"--jobs", "2"}, archive),
                      cmd(base, {"--jobs", "2", "--format", "json"}, archive),
                      cmd(o.cli, {"--jobs", "2", "--format", "json"}, archive)},
                     1);
    issue_row("peak RSS, archive: text / json", rss_cell(r[0]) + " / " + rss_cell(r[2]),
              rss_cell(r[1]) + " / " + rss_cell(r[3]), "");
  }
  const char* kFormats[] = {"text", "json", "sarif", "github", "rdjsonl", "junit", "checkstyle"};
  for (int factor : o.huge ? std::vector<int>{10, 100} : std::vector<int>{10}) {
    const std::vector<std::string> many = copies(factor);
    std::string before;
    std::string after;
    for (const char* f : kFormats) {
      // The base binary holds the whole run: at 100x it needs gigabytes.
      const bool with_base =
          factor <= 10 && (std::string_view(f) == "text" || std::string_view(f) == "json" ||
                           std::string_view(f) == "sarif");
      const auto r = side_by_side(
          {with_base ? cmd(base, {"--jobs", "2", "--format", f}, many) : std::vector<std::string>{},
           cmd(o.cli, {"--jobs", "2", "--format", f}, many)},
          1);
      before += fmt::format("{}{} {}", before.empty() ? "" : ", ", f, rss_cell(r[0]));
      after += fmt::format("{}{} {} ({})", after.empty() ? "" : ", ", f, rss_cell(r[1]),
                           seconds_cell(r[1]));
    }
    issue_row(fmt::format("peak RSS, {}x the archive ({} files)", factor, files * factor), before,
              after, "<= 64 MiB every format");
  }

  // Generated inputs.
  const fs::path headings = fs::path(tmp) / "million-headings.md";
  {
    std::string text;
    text.reserve(7'000'000);
    for (int i = 0; i < 1'000'000; ++i)
      text += "#### h\n";
    write_text_file(headings, text);
  }
  {
    const std::vector<std::string> one = {headings.string()};
    // Named schema: claimed by none, the file would be skipped unread.
    const std::string schema = "daily-security-info";
    const auto r = side_by_side(
        {cmd(base, {"--format", "text", "--schema", schema}, one),
         cmd(o.cli, {"--format", "text", "--schema", schema, "--max-file-size", "64M"}, one),
         cmd(base, {"--format", "json", "--schema", schema}, one),
         cmd(o.cli, {"--format", "json", "--schema", schema, "--max-file-size", "64M"}, one)},
        std::min(reps, 3), 300);
    issue_row(
        "1,000,000 lines of `#### h` (7 MB), --schema daily-security-info: text / json "
        "(after: --max-file-size 64M)",
        seconds_cell(r[0]) + " / " + seconds_cell(r[2]) + ", " + rss_cell(r[2]),
        seconds_cell(r[1]) + " / " + seconds_cell(r[3]) + ", " + rss_cell(r[3]), "json <= 2 s");
  }
  for (const std::size_t sections : {130'000, 600'000}) {
    std::string text = "# Daily Security Info\n";
    for (std::size_t i = 0; i < sections; ++i)
      text += "### Tools\n";
    text += "- [a](https://example.com/a)\n";
    const fs::path file = fs::path(tmp) / fmt::format("tools-{}.md", sections);
    write_text_file(file, text);
    const std::vector<std::string> one = {file.string()};
    const auto r = side_by_side({cmd(base, {"--format", "text"}, one),
                                 cmd(o.cli, {"--format", "text", "--max-file-size", "64M"}, one)},
                                1, 120);
    issue_row(fmt::format("`# Daily Security Info` then {} x `### Tools` + one link (DL113), "
                          "{:.1f} MB, text",
                          sections, text.size() / 1e6),
              seconds_cell(r[0]), seconds_cell(r[1]), "linear");
  }
  {
    // 50 MB of real digests, one after another in one file.
    std::string text;
    std::vector<Input> corpus = load_inputs(o.paths);
    while (text.size() < 50'000'000) {
      for (const Input& in : corpus) {
        text += in.text;
        if (text.size() >= 50'000'000) break;
      }
    }
    const fs::path file = fs::path(tmp) / "fifty-mb.md";
    write_text_file(file, text);
    const std::vector<std::string> one = {file.string()};
    const auto r = side_by_side(
        {cmd(base, {}, one), cmd(o.cli, {}, one), cmd(o.cli, {"--max-file-size", "64M"}, one)}, 1,
        300);
    issue_row(fmt::format("one {:.0f} MB file", text.size() / 1e6),
              seconds_cell(r[0]) + ", " + rss_cell(r[0]),
              fmt::format("refused by the cap: {}, exit {}, {}; linted (--max-file-size 64M): "
                          "{}, {}",
                          seconds_cell(r[1]), r[1].status, rss_cell(r[1]), seconds_cell(r[2]),
                          rss_cell(r[2])),
              "answered in <= 2 s under the cap");
  }
  {
    const auto r = side_by_side({cmd(base, {"--jobs", "1", "--format", "json"}, archive),
                                 cmd(base, {"--jobs", "2", "--format", "json"}, archive),
                                 cmd(o.cli, {"--jobs", "1", "--format", "json"}, archive),
                                 cmd(o.cli, {"--jobs", "2", "--format", "json"}, archive)},
                                reps);
    auto speedup = [](const ChildResult& one, const ChildResult& two) {
      if (one.status < 0 || two.status < 0) return std::string("-");
      return fmt::format("{:.2f}x ({:.2f} s -> {:.2f} s)", one.wall / two.wall, one.wall, two.wall);
    };
    issue_row("`--jobs 2` over `--jobs 1`, archive, json (wall)", speedup(r[0], r[1]),
              speedup(r[2], r[3]), ">= 1.6x");
  }
  {
    std::vector<Input> corpus = load_inputs(o.paths);
    const std::vector<std::string> one = {corpus.front().path};
    const auto r = side_by_side({cmd(base, {}, one), cmd(o.cli, {}, one)}, std::max(reps, 11));
    issue_row(fmt::format("one small digest ({:.1f} KB), whole process",
                          corpus.front().text.size() / 1e3),
              milliseconds_cell(r[0]), milliseconds_cell(r[1]), "< 10 ms");
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  std::cout << "\nMachine load during the run (from /proc/loadavg): ";
  std::ifstream load("/proc/loadavg");
  std::string avg;
  std::getline(load, avg);
  std::cout << avg
            << "; with more runnable processes than cores, wall times stretch and CPU\n"
               "times are the steadier measure.\n";
}

// --- Issue 12: a report under a rich schema against a digest under the
// built-in one, per MB, in the same rounds.

// A weekly review that examples/weekly-review.toml accepts, of about
// `target` bytes: numbered sections, "2-n." subsections, key-value bullets
// with dates and closed values, a table, dated list items. Report `k`
// varies its values, its optional parts and its size a little.
std::string weekly_review(std::size_t k, std::size_t target) {
  static const char* const kStates[] = {"順調", "注意", "遅延"};
  static const char* const kKinds[] = {"技術", "運用", "体制"};
  static const char* const kLevels[] = {"高", "中", "低"};
  static const char* const kWork[] = {
      "認証まわりの実装を進め、単体テストを追加した",
      "ログ基盤の設定を見直し、保存期間を九十日に延ばした",
      "性能試験の結果を整理し、遅い画面を三つ特定した",
      "監視の閾値を調整し、誤検知を減らした",
      "手順書を更新し、復旧手順の確認を終えた",
  };
  const int month = 1 + static_cast<int>(k % 12);
  const int day = 1 + static_cast<int>(k % 20);
  const std::string week = fmt::format("{}-W{:02}", 2020 + k / 52 % 7, 1 + k % 52);
  auto build = [&](std::size_t units) {
    std::string t = fmt::format("# 週次レビュー {}\n\n## 1. 概要\n\n", week);
    t += fmt::format("- 期間: 2026-{:02}-{:02} 〜 2026-{:02}-{:02}\n- 担当: 山田\n- 状態: {}\n",
                     month, day, month, day + 4, kStates[k % 3]);
    if (k % 2 == 0) t += fmt::format("- 判定: {}\n", k % 4 == 0 ? "Go" : "NoGo");
    t += "\n## 2. 進捗\n\n";
    for (std::size_t u = 0; u < units; ++u) {
      t += fmt::format("### 2-{}. 作業 {}\n\n", u + 1, u + 1);
      for (std::size_t i = 0; i < 3; ++i)
        t += fmt::format("- {}\n", kWork[(k + u + i) % 5]);
      t += '\n';
    }
    t +=
        "## 3. 課題\n\n| 分類 | 件数 | 深刻度 | 優先度 | 備考 |\n| --- | --- | --- | --- | --- |\n";
    for (std::size_t u = 0; u < units; ++u) {
      t += fmt::format("| {} | {} | {} | P{} | {} |\n", kKinds[(k + u) % 3], 1 + u % 9,
                       kLevels[(k + 2 * u) % 3], 1 + u % 3, kWork[u % 5]);
    }
    t += fmt::format("\n## 4. {}\n\n", k % 3 == 0 ? "次週の予定" : "来週の予定");
    for (std::size_t u = 0; u < units; ++u)
      t += fmt::format("- 2026-{:02}-{:02}: {}\n", month, 1 + u % 28, kWork[(k + u) % 5]);
    if (k % 2 == 1) t += "\n## 5. メモ\n\n来週は祝日がある。\n";
    return t;
  };
  std::size_t units = 1;
  std::string text = build(units);
  while (text.size() < target) {
    // One more unit adds about as many bytes as the first one took.
    units += std::max<std::size_t>(
        1, (target - text.size()) / std::max<std::size_t>(text.size() / units, 1) / 2);
    text = build(units);
  }
  return text;
}

int rich_schema_table(const Options& o, const Bench& corpus) {
  const std::string schema_path =
      (fs::path(DIGESTLINT_SOURCE_DIR) / "examples" / "weekly-review.toml").string();
  Error error;
  const std::shared_ptr<const Schema> rich = load_schema(schema_path, error);
  if (!rich) die(error.to_string());
  // As many reports as there are inputs, each of their average size (plus
  // a spread of half that), so the two sides have the same bytes.
  const std::size_t average = corpus.bytes / corpus.inputs.size();
  Bench reports{o, {}, 0, rich, {}};
  for (std::size_t k = 0; k < corpus.inputs.size(); ++k) {
    const std::size_t target = average * 3 / 4 + (k % 5) * average / 8;
    reports.inputs.push_back({fmt::format("weekly-{}.md", k), weekly_review(k, target)});
  }
  reports.bytes = total_bytes(reports.inputs);
  // The reports are what the schema describes: a clean lint is the path timed.
  const Linter rich_linter(rich);
  std::size_t findings = 0;
  std::string first_finding;
  for (const Input& i : reports.inputs) {
    for (const Diagnostic& d : rich_linter.lint(i.text, i.path)) {
      if (findings++ == 0)
        first_finding = fmt::format("{}: {} {}", i.path, d.rule->code, d.message);
    }
  }
  std::cout << fmt::format(
      "digestlint-bench --rich-schema: {} generated weekly reviews, {:.2f} MB, under {} ({} "
      "findings{}),\nagainst {} inputs, {:.2f} MB, under the built-in schema {}; {} repetitions, "
      "median (best)\n",
      reports.inputs.size(), reports.bytes / 1e6, schema_path, findings,
      first_finding.empty() ? "" : "; first: " + first_finding, corpus.inputs.size(),
      corpus.bytes / 1e6, corpus.schema->name, o.reps);
  Measure corpus_md4c{"md4c parse, the inputs", corpus.md4c(), {}};
  Measure corpus_lint{"full lint, the inputs, built-in schema", corpus.lint(corpus.linter({})), {}};
  Measure rich_md4c{"md4c parse, the weekly reviews", reports.md4c(), {}};
  Measure rich_lint{
      "full lint, the weekly reviews, rich schema", reports.lint(reports.linter({})), {}};
  std::vector<Measure*> order = {&corpus_md4c, &corpus_lint, &rich_md4c, &rich_lint};
  run_rounds(order, o.reps);
  std::cout << fmt::format("\n  {:<44}{:>10}{:>10}{:>10}{:>9}\n", "run", "ms", "best ms", "MB/s",
                           "x md4c");
  const double corpus_base = median(corpus_md4c.seconds);
  const double rich_base = median(rich_md4c.seconds);
  auto row = [](const Measure& m, double bytes, double base) {
    print_row(m.name, median(m.seconds), *std::min_element(m.seconds.begin(), m.seconds.end()),
              bytes, base);
  };
  row(corpus_md4c, corpus.bytes, corpus_base);
  row(corpus_lint, corpus.bytes, corpus_base);
  row(rich_md4c, reports.bytes, rich_base);
  row(rich_lint, reports.bytes, rich_base);
  const double corpus_per_mb = median(corpus_lint.seconds) / (corpus.bytes / 1e6);
  const double rich_per_mb = median(rich_lint.seconds) / (reports.bytes / 1e6);
  const double ratio = rich_per_mb / corpus_per_mb;
  std::cout << fmt::format(
      "\nPer MB: a weekly review under weekly-review.toml {:.2f} ms, a digest under the built-in "
      "schema {:.2f} ms;\nratio {:.2f}: the rich schema costs {} the built-in one (issue 12's "
      "target: no more).\n",
      rich_per_mb * 1e3, corpus_per_mb * 1e3, ratio, ratio <= 1.0 ? "no more than" : "MORE than");
  return g_sink == 0xFFFFFFFFFFFFull ? 1 : 0;
}

// --- Every input under the cap answered in at most 2 s.

// Shapes the scaling table lacks, for the whole process at the cap.
std::vector<Shape> more_worst_shapes() {
  std::vector<Shape> shapes;
  shapes.push_back({"deeply nested lists", [](std::size_t n) {
                      return repeat_to(kArticleHead, n, [](std::size_t i) {
                        return std::string(2 * (i % 400), ' ') + "- item\n";
                      });
                    }});
  shapes.push_back({"deeply nested quotes", [](std::size_t n) {
                      return repeat_to(kArticleHead, n, [](std::size_t i) {
                        return std::string(i % 400 + 1, '>') + " quote\n";
                      });
                    }});
  shapes.push_back({"a table of many rows", [](std::size_t n) {
                      return repeat_to(kArticleHead + "| a | b | c |\n|---|---|---|\n", n,
                                       [](std::size_t i) {
                                         return fmt::format(
                                             "| {0} | [x](https://example.com/{0}) | "
                                             "192.0.2[.]1 |\n",
                                             i);
                                       });
                    }});
  shapes.push_back({"many links on one line", [](std::size_t n) {
                      return repeat_to(kArticleHead + "- 要約\n    - ", n,
                                       [](std::size_t i) {
                                         return fmt::format("[l{0}](https://example.com/{0}) ", i);
                                       }) +
                             "\n";
                    }});
  shapes.push_back({"many suppression comments (unknown rules, 'did you mean')", [](std::size_t n) {
                      return repeat_to(kArticleHead, n, [](std::size_t i) {
                        return fmt::format("<!-- digestlint-disable-next-line DL{} -->\n- 要約\n",
                                           500 + i % 100);
                      });
                    }});
  shapes.push_back({"many disable / enable ranges", [](std::size_t n) {
                      return repeat_to(kArticleHead, n, [](std::size_t) {
                        return std::string(
                            "<!-- digestlint-disable -->\n\n-[a](https://example.com/a) \n\n"
                            "<!-- digestlint-enable DL201 -->\n\n");
                      });
                    }});
  shapes.push_back({"one very long heading", [](std::size_t n) {
                      return repeat_to(
                                 "# Daily Security Info\n\n### ", n,
                                 [](std::size_t) { return std::string("長い見出し heading "); }) +
                             "\n";
                    }});
  shapes.push_back({"one very long title", [](std::size_t n) {
                      return repeat_to("# Daily Security Info ", n,
                                       [](std::size_t) { return std::string("title words "); }) +
                             "\n";
                    }});
  return shapes;
}

void at_cap_table(const Options& o) {
  if (access(o.cli.c_str(), X_OK) != 0) die(fmt::format("{} is not an executable", o.cli));
  constexpr double kLimitSeconds = 2.0;
  // Just under the cap: every unit of a shape is far smaller than the margin.
  const std::size_t size = kDefaultMaxFileSize - (std::size_t{16} << 10);
  std::cout << fmt::format(
      "\nAt the cap: `{} --no-config --jobs 1 --format F FILE` on each worst shape generated\n"
      "at {:.2f} MiB (the default --max-file-size is {}). Wall seconds (CPU, user + system),\n"
      "peak RSS, exit status; best of 3 by CPU time. Over {:.0f} s wall is flagged OVER.\n\n",
      o.cli, size / 1048576.0, format_byte_size(kDefaultMaxFileSize), kLimitSeconds);
  std::cout << "| shape | text | json |\n|---|---|---|\n";
  const fs::path tmp = temp_dir();
  std::vector<Shape> shapes = scaling_shapes();
  for (Shape& s : more_worst_shapes())
    shapes.push_back(std::move(s));
  std::size_t over = 0;
  for (const Shape& shape : shapes) {
    const std::string text = shape.make(size);
    if (text.size() > kDefaultMaxFileSize)
      die(fmt::format("{}: generated over the cap", shape.name));
    const fs::path file = tmp / "shape.md";
    write_text_file(file, text);
    std::string cells;
    for (const char* format : {"text", "json"}) {
      std::vector<ChildResult> runs;
      for (int r = 0; r < 3; ++r)
        runs.push_back(run_child(
            {o.cli, "--no-config", "--jobs", "1", "--format", format, file.string()}, "", 60));
      const ChildResult best = *std::min_element(
          runs.begin(), runs.end(),
          [](const ChildResult& a, const ChildResult& b) { return a.cpu < b.cpu; });
      const bool slow = best.timed_out || best.wall > kLimitSeconds;
      over += slow ? 1 : 0;
      cells += fmt::format(" {}, {}, exit {}{} |", seconds_cell(best), rss_cell(best), best.status,
                           slow ? " **OVER**" : "");
    }
    std::cout << fmt::format("| {} ({:.2f} MiB) |{}\n", shape.name, text.size() / 1048576.0, cells);
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  std::ifstream load("/proc/loadavg");
  std::string avg;
  std::getline(load, avg);
  std::cout << fmt::format(
      "\n{} of {} runs over {:.0f} s. Machine load (/proc/loadavg): {}; with more runnable\n"
      "processes than cores, wall times stretch and CPU times are the steadier measure.\n",
      over, shapes.size() * 2, kLimitSeconds, avg);
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
      } else if (a == "--scaling") {
        o.scaling = true;
      } else if (a == "--unit") {
        o.unit = std::max<std::size_t>(1024, std::stoull(value(i)));
      } else if (a == "--issue-table") {
        o.issue_table = true;
      } else if (a == "--base") {
        o.base = value(i);
      } else if (a == "--at-cap") {
        o.at_cap = true;
      } else if (a == "--huge") {
        o.huge = true;
      } else if (a == "--rich-schema") {
        o.rich_schema = true;
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

  std::error_code self_error;
  const fs::path self_path = fs::read_symlink("/proc/self/exe", self_error);
  const std::string self = self_error ? std::string(argv[0]) : self_path.string();
  if (o.at_cap) {
    at_cap_table(o);
    return 0;
  }
  if (o.issue_table) {
    issue_table(o, self, bench.inputs.size(), bench.bytes);
    if (o.scaling) scaling_table(o, bench.schema);
    return 0;
  }
  if (o.scaling) {
    scaling_table(o, bench.schema);
    return 0;
  }
  if (o.rich_schema) return rich_schema_table(o, bench);

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
  if (o.callgrind) callgrind_table(o, self);
  return g_sink == 0xFFFFFFFFFFFFull ? 1 : 0;
}
