// Lines are compared with Myers' O((N+M)D) algorithm; the trace keeps only
// the diagonals reachable at each step (O(D^2) memory), and fixes change few
// lines, so D stays small even on large files; past a bound the changed
// middle is shown as one replacement.
#include "output/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace digestlint {

namespace {

// Lines with their end of line, so a changed line ending is a change.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t newline = text.find('\n', begin);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

enum class Op : std::uint8_t { Keep, Remove, Add };

struct Step {
  Op op;
  std::size_t before_line;  // index into the old lines (Keep, Remove)
  std::size_t after_line;   // index into the new lines (Keep, Add)
};

// Past this many trace entries (32 MiB) the changes are everywhere (a fix
// rewriting every line end): the common head and tail are kept and the rest
// is one replacement, which is as readable and costs linear time.
constexpr std::size_t kMaxTrace = std::size_t{1} << 22;

std::vector<Step> replace_middle(const std::vector<std::string_view>& a,
                                 const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head])
    ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  std::vector<Step> steps;
  for (std::size_t i = 0; i < head; ++i)
    steps.push_back({Op::Keep, i, i});
  for (std::size_t i = head; i < a.size() - tail; ++i)
    steps.push_back({Op::Remove, i, head});
  for (std::size_t j = head; j < b.size() - tail; ++j)
    steps.push_back({Op::Add, a.size() - tail, j});
  for (std::size_t k = tail; k > 0; --k)
    steps.push_back({Op::Keep, a.size() - k, b.size() - k});
  return steps;
}

std::vector<Step> shortest_edit(const std::vector<std::string_view>& a,
                                const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::int64_t>(a.size());
  const auto m = static_cast<std::int64_t>(b.size());
  const std::int64_t max = n + m;
  // trace[d][k + d]: the furthest x on diagonal k after d edits.
  std::vector<std::vector<std::int64_t>> trace;
  std::vector<std::int64_t> v(2 * static_cast<std::size_t>(max) + 3, 0);
  const std::int64_t offset = max + 1;
  std::int64_t final_d = 0;
  std::size_t traced = 0;
  for (std::int64_t d = 0; d <= max; ++d) {
    for (std::int64_t k = -d; k <= d; k += 2) {
      std::int64_t x = (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]))
                           ? v[k + 1 + offset]
                           : v[k - 1 + offset] + 1;
      std::int64_t y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[k + offset] = x;
    }
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    traced += static_cast<std::size_t>(2 * d + 1);
    if (traced > kMaxTrace) return replace_middle(a, b);
    if (v[n - m + offset] >= n && n - m >= -d && n - m <= d) {
      final_d = d;
      break;
    }
  }
  // Walk back from (n, m).
  std::vector<Step> steps;
  std::int64_t x = n;
  std::int64_t y = m;
  for (std::int64_t d = final_d; d > 0; --d) {
    const std::vector<std::int64_t>& prev = trace[d - 1];
    auto at = [&](std::int64_t k) { return prev[k + (d - 1)]; };
    const std::int64_t k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const std::int64_t prev_k = down ? k + 1 : k - 1;
    const std::int64_t prev_x = at(prev_k);
    const std::int64_t prev_y = prev_x - prev_k;
    while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) {
      --x;
      --y;
      steps.push_back({Op::Keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (down) {
      --y;
      steps.push_back({Op::Add, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    } else {
      --x;
      steps.push_back({Op::Remove, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
  }
  while (x > 0 && y > 0) {
    --x;
    --y;
    steps.push_back({Op::Keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  std::reverse(steps.begin(), steps.end());
  return steps;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "start,count" as unified diffs write it: an empty side names the line
// before it.
std::string range_text(std::size_t first, std::size_t count) {
  if (count == 0) return fmt::format("{},0", first);
  if (count == 1) return fmt::format("{}", first + 1);
  return fmt::format("{},{}", first + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const std::vector<std::string_view> a = split_lines(before);
  const std::vector<std::string_view> b = split_lines(after);
  const std::vector<Step> steps = shortest_edit(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].op == Op::Keep) {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines
    // after the last change closer than 2 * kContext lines to the next.
    const std::size_t begin = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    std::size_t kept = 0;
    for (std::size_t j = i; j < steps.size(); ++j) {
      if (steps[j].op == Op::Keep) {
        if (++kept > 2 * kContext) break;
      } else {
        kept = 0;
        end = j + 1;
      }
    }
    end = std::min(steps.size(), end + kContext);
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    for (std::size_t j = begin; j < end; ++j) {
      old_count += steps[j].op != Op::Add ? 1 : 0;
      new_count += steps[j].op != Op::Remove ? 1 : 0;
    }
    out += fmt::format("@@ -{} +{} @@\n", range_text(steps[begin].before_line, old_count),
                       range_text(steps[begin].after_line, new_count));
    for (std::size_t j = begin; j < end; ++j) {
      const Step& s = steps[j];
      if (s.op == Op::Keep) append_line(out, ' ', a[s.before_line]);
      if (s.op == Op::Remove) append_line(out, '-', a[s.before_line]);
      if (s.op == Op::Add) append_line(out, '+', b[s.after_line]);
    }
    i = end;
  }
  return out;
}

}  // namespace digestlint
