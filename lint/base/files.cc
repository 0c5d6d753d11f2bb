#include "base/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unicode/utf8.h>
#include <unistd.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <system_error>

#include "base/gitignore.h"
#include "digestlint/diagnostic.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

std::string errno_text(int e) {
  return std::error_code(e, std::generic_category()).message();
}

std::string too_large(std::string_view what, std::uint64_t size, std::uint64_t max_size,
                      bool at_least) {
  return fmt::format(
      "{} is {}{}, over the {} limit; not read (raise it with --max-file-size or max-file-size in "
      ".digestlint.toml)",
      what, at_least ? "more than " : "", format_byte_size(size), format_byte_size(max_size));
}

// Appends what is left to read of `fd` to `out`.
bool read_rest(int fd, std::string& out, Error& error, std::string_view what,
               std::uint64_t max_size) {
  const std::uint64_t limit = std::min<std::uint64_t>(max_size, kMaxFileSize);
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      error.message = fmt::format("cannot read {}: {}", what, errno_text(errno));
      return false;
    }
    if (out.size() + static_cast<std::size_t>(n) > limit) {
      error.message = too_large(what, limit, limit, true);
      return false;
    }
    out.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace

bool read_file(const fs::path& path, std::string& out, Error& error, std::uint64_t max_size) {
  error = Error{path.string(), 0, 0, {}};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error.message = fmt::format("cannot open: {}", errno_text(errno));
    if (errno == EACCES) error.message += " (check the file's permissions)";
    return false;
  }
  struct stat st {};
  const bool known = ::fstat(fd, &st) == 0;
  if (!known || !S_ISREG(st.st_mode) || st.st_size == 0) out.clear();
  if (known) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      error.message = "is a directory";
      return false;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    const std::uint64_t limit = std::min<std::uint64_t>(max_size, kMaxFileSize);
    if (S_ISREG(st.st_mode) && size > limit) {
      ::close(fd);
      out.clear();
      error.message = too_large("the file", size, limit, false);
      return false;
    }
    if (S_ISREG(st.st_mode) && size > 0) {
      // The whole file in one read (a loop only for a short read). Not
      // cleared first: resize zero-fills only past the buffer's old size,
      // so a worker's reused buffer is not zeroed for every file.
      out.resize(static_cast<std::size_t>(size));
      std::size_t got = 0;
      while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          error.message = fmt::format("cannot read the file: {}", errno_text(errno));
          ::close(fd);
          out.clear();
          return false;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
      }
      out.resize(got);
    }
  }
  // Whatever a special file holds, or a regular file that grew.
  const bool ok = read_rest(fd, out, error, "the file", max_size);
  ::close(fd);
  return ok;
}

bool read_stdin(std::string& out, Error& error, std::uint64_t max_size) {
  error = Error{};
  out.clear();
  return read_rest(STDIN_FILENO, out, error, "standard input", max_size);
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::uint64_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (value > (std::uint64_t{1} << 40)) return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string unit;
  for (; i < text.size(); ++i)
    unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  if (unit.empty() || unit == "b") return value;
  const std::string_view units = "kmg";
  const std::size_t power = units.find(unit[0]);
  if (power == std::string_view::npos) return std::nullopt;
  const std::string_view rest = std::string_view(unit).substr(1);
  if (!rest.empty() && rest != "b" && rest != "ib") return std::nullopt;
  return value << (10 * (power + 1));
}

std::string format_byte_size(std::uint64_t bytes) {
  constexpr std::string_view kUnits[] = {"KiB", "MiB", "GiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  double v = static_cast<double>(bytes);
  std::size_t u = 0;
  for (v /= 1024; v >= 1024 && u + 1 < std::size(kUnits); v /= 1024)
    ++u;
  if (v == static_cast<double>(static_cast<std::uint64_t>(v)))
    return fmt::format("{} {}", static_cast<std::uint64_t>(v), kUnits[u]);
  return fmt::format("{:.1f} {}", v, kUnits[u]);
}

namespace {

// Bytes compared as signed: SSE2 compares signed bytes in one instruction
// and unsigned ones in two or three. 0x80-0xFF are -128..-1: continuation
// bytes 0x80-0xBF are below -64, the leads 0xE1-0xEF are -31..-17.
using I8x16 = std::int8_t __attribute__((vector_size(16)));

inline bool any_lane(I8x16 m) {
#if defined(__SSE2__)
  using C8x16 = char __attribute__((vector_size(16)));
  return __builtin_ia32_pmovmskb128(reinterpret_cast<C8x16>(m)) != 0;
#else
  std::uint64_t lo;
  std::uint64_t hi;
  std::memcpy(&lo, &m, 8);
  std::memcpy(&hi, reinterpret_cast<const char*>(&m) + 8, 8);
  return (lo | hi) != 0;
#endif
}

// Steps over plain text from `i`, a character start, 16 bytes at a time
// (GCC vector extensions): ASCII without controls and well-formed 3-byte
// characters of the common leads (kana, kanji, fullwidth forms). A block's
// leads are carried into the next, whose first two bytes must finish them.
// Returns the start of the first character that needs a closer look, or of
// the one that the last block could not finish (at most 17 bytes before n).
std::int32_t skip_plain_text_16(const std::uint8_t* p, std::int32_t i, std::int32_t n) {
  const I8x16 zero = {};
  I8x16 carried = zero;  // the previous block's leads
  for (; i + 16 <= n; i += 16) {
    I8x16 v;
    std::memcpy(&v, p + i, sizeof v);
    const I8x16 ascii = ((v > 0x1F) & (v != 0x7F)) | (v == '\n') | (v == '\t') | (v == '\r');
    const I8x16 lead = (v > -32) & (v < -16) & (v != -19);  // E1-EF but ED
    const I8x16 cont = v < -64;
    // Lanes one and two bytes after a lead, this block's or the last one's.
    // (Each shuffle moves one vector against zeros: one SSE2 byte shift.)
    const I8x16 after1 =
        __builtin_shufflevector(lead, zero, 16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14) |
        __builtin_shufflevector(carried, zero, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
                                16, 16, 16);
    const I8x16 after2 =
        __builtin_shufflevector(lead, zero, 16, 16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13) |
        __builtin_shufflevector(carried, zero, 14, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
                                16, 16, 16);
    if (any_lane((cont ^ (after1 | after2)) | ~(ascii | lead | cont))) break;
    carried = lead;
  }
  // Back to the start of a character the last block began.
  if (carried[15] != 0) return i - 1;
  if (carried[14] != 0) return i - 2;
  return i;
}

#if defined(__x86_64__)
// The same 32 bytes at a time (AVX2, when the processor has it). AVX2
// shifts bytes only within 16-byte halves, so the bytes one and two before
// each lane are loaded from p + i - 1 and p + i - 2 instead: `i` must be at
// least 2. Bytes before `i` that are leads (the damaged end of an earlier
// character) make the first block look closer: never a wrong step.
__attribute__((target("avx2"))) inline __m256i leads_avx2(__m256i x) {
  const __m256i e1_to_ef = _mm256_and_si256(_mm256_cmpgt_epi8(x, _mm256_set1_epi8(-32)),
                                            _mm256_cmpgt_epi8(_mm256_set1_epi8(-16), x));
  return _mm256_andnot_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(-19)), e1_to_ef);
}

__attribute__((target("avx2"))) std::int32_t skip_plain_text_32(const std::uint8_t* p,
                                                                std::int32_t i, std::int32_t n) {
  const std::int32_t start = i;
  for (; i + 32 <= n; i += 32) {
    const auto* at = reinterpret_cast<const __m256i*>(p + i);
    const __m256i v = _mm256_loadu_si256(at);
    const __m256i ascii = _mm256_or_si256(
        _mm256_andnot_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F)),
                            _mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x1F))),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')),
                        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')),
                                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r')))));
    const __m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v);
    const __m256i after = _mm256_or_si256(
        leads_avx2(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i - 1))),
        leads_avx2(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i - 2))));
    const __m256i ok = _mm256_or_si256(ascii, _mm256_or_si256(leads_avx2(v), cont));
    if (_mm256_movemask_epi8(_mm256_xor_si256(cont, after)) != 0 ||
        _mm256_movemask_epi8(ok) != -1) {
      break;
    }
  }
  // Back to the start of a character the last clean block began.
  auto is_lead = [](std::uint8_t b) { return b >= 0xE1 && b <= 0xEF && b != 0xED; };
  if (i > start && is_lead(p[i - 1])) return i - 1;
  if (i > start && is_lead(p[i - 2])) return i - 2;
  return i;
}
#endif

// The widest vectors the processor has, unless `widest` is false (tests
// compare both).
std::int32_t skip_plain_text(const std::uint8_t* p, std::int32_t i, std::int32_t n, bool widest) {
#if defined(__x86_64__)
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  if (widest && has_avx2) {
    // The text's first bytes have no two before them: one narrow step.
    if (i < 2) i = skip_plain_text_16(p, i, std::min(n, i + 16));
    if (i < 2) return i;
    i = skip_plain_text_32(p, i, n);
  }
#else
  (void)widest;
#endif
  return skip_plain_text_16(p, i, n);
}

// Whether bytes[from, n) is well-formed UTF-8, `from` starting a character.
bool well_formed_from(const std::uint8_t* p, std::int32_t from, std::int32_t n, bool widest) {
  for (std::int32_t i = from; i < n;) {
    i = skip_plain_text(p, i, n, widest);
    for (const std::int32_t stop = std::min(i + 16, n); i < stop;) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return false;
    }
  }
  return true;
}

}  // namespace

TextVerdict check_text(std::string_view bytes, bool widest_vectors) {
  TextVerdict verdict;
  const std::string_view sample = bytes.substr(0, std::size_t{64} << 10);
  const auto* p = reinterpret_cast<const std::uint8_t*>(sample.data());
  const auto n = static_cast<std::int32_t>(sample.size());
  std::size_t bad = 0;
  bool ill_formed = false;
  // Not text takes at least `need` bad bytes: past `give_up` the bytes left
  // cannot make up the difference and need no look (about a tenth).
  const std::size_t need = std::max<std::size_t>(8, (sample.size() + 9) / 10);
  auto give_up_at = [&] {
    return bad < need ? static_cast<std::int64_t>(n) - static_cast<std::int64_t>(need - bad)
                      : std::int64_t{n};
  };
  std::int64_t give_up = give_up_at();
  std::int32_t i = 0;
  while (i < n && i <= give_up) {
    // Plain text has no bad bytes; the first block that may is looked at
    // character by character, then plain text again. (Stepping past
    // give_up in plain text changes nothing: no bad byte is passed.)
    i = skip_plain_text(p, i, n, widest_vectors);
    for (const std::int32_t stop = std::min(i + 16, n); i < stop;) {
      const std::int32_t at = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      const bool control = c >= 0 && (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' &&
                           c != '\r' && c != '\f' && c != 0x1B;
      if (c < 0) ill_formed = true;
      if (c < 0 || control) bad += static_cast<std::size_t>(i - at);
    }
    give_up = give_up_at();
  }
  // The rest of the file needs a look only for well-formedness, which
  // spares invalid-utf8 its own pass. A character cut by the sample's end
  // counted as ill-formed above: then the rule looks for itself.
  verdict.well_formed =
      !ill_formed && well_formed_from(reinterpret_cast<const std::uint8_t*>(bytes.data()), i,
                                      static_cast<std::int32_t>(bytes.size()), widest_vectors);
  // A stray NUL or damaged character in a digest is a finding
  // (invisible-character, invalid-utf8); a file made of them is not text.
  if (i <= give_up && !(bad < 8 || bad * 10 < sample.size())) {
    verdict.not_text = fmt::format(
        "is not a text file: {}% of its first {} bytes are NUL or other control characters or "
        "not UTF-8 (binary, or text in another encoding such as Shift_JIS or UTF-16: save it as "
        "UTF-8)",
        bad * 100 / sample.size(), sample.size());
  }
  return verdict;
}

std::string not_text_reason(std::string_view bytes) {
  return check_text(bytes).not_text;
}

namespace {

std::string_view file_kind(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::not_found:
      return "a broken symbolic link";
    default:
      return "not a regular file";
  }
}

}  // namespace

bool expand_path(const std::string& path, const WalkOptions& options, std::vector<FoundFile>& out,
                 WalkNotes& notes, Error& error) {
  error = Error{path, 0, 0, {}};
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    error.message = "no such file or directory";
    return false;
  }
  if (!fs::is_directory(status)) {
    // Named outright: read whatever it is ("<(cat x.md)" is a pipe).
    out.push_back(FoundFile{path, display_path(path)});
    return true;
  }
  // Every walked path is root / below, `below` made of plain names (no
  // "." or "..", single separators), so each path's forms are strings
  // joined once: lexically_normal(root / below) is normal(root) / below
  // ("." drops out), and git is asked about root_abs / below.
  const fs::path root(path);
  const fs::path root_abs = fs::weakly_canonical(fs::absolute(root, ec), ec);
  std::unique_ptr<GitIgnore> git;
  if (options.respect_gitignore && !ec) {
    git = std::make_unique<GitIgnore>(root_abs);
    // A directory git ignores, named outright, is walked whole.
    if (git->ignored(root_abs, true)) git.reset();
  }
  auto joined = [](std::string base, std::string_view below) {
    if (!base.empty() && base.back() != '/') base += '/';
    base += below;
    return base;
  };
  const std::string normal_root = root.lexically_normal().native();
  const std::string display_root = normal_root == "." ? std::string() : normal_root;
  auto below_root = [&](const std::string& p) {
    std::string_view below = std::string_view(p).substr(path.size());
    if (!below.empty() && below.front() == '/') below.remove_prefix(1);
    return below;
  };
  auto ignored = [&](const std::string& p, bool directory) {
    if (!git) return false;
    const bool yes = git->ignored(fs::path(joined(root_abs.native(), below_root(p))), directory);
    if (yes) ++notes.ignored;
    return yes;
  };

  std::vector<std::string> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error.message = fmt::format("cannot list directory: {}", ec.message());
    return false;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      error.message = fmt::format("cannot list directory: {}", ec.message());
      return false;
    }
    const std::string& p = it->path().native();
    const std::string_view name = std::string_view(p).substr(p.rfind('/') + 1);
    if (it->is_directory(ec)) {
      // Asked before descending: an ignored tree is never read.
      if ((!name.empty() && name[0] == '.') || ignored(p, true)) it.disable_recursion_pending();
      continue;
    }
    // Its extension is ".md" (".md" alone is a hidden file's whole name).
    if (name.size() <= 3 || !name.ends_with(".md")) continue;
    // The entry's type from the directory listing: no stat() unless it is
    // a symbolic link (followed) or something else.
    if (it->is_regular_file(ec)) {
      if (!ignored(p, false)) found.push_back(p);
    } else if (!ignored(p, false)) {
      const fs::file_status s = it->status(ec);
      notes.skipped.push_back(
          {display_path(p), fmt::format("{}, not a regular file", file_kind(s.type()))});
    }
  }
  // Path order (std::filesystem::path::compare), component by component:
  // a separator sorts before any byte of a name ("a/b" before "a-b"), as
  // NUL, which no path holds, does in a plain string compare (memcmp).
  for (std::string& p : found)
    std::replace(p.begin(), p.end(), '/', '\0');
  std::sort(found.begin(), found.end());
  for (std::string& p : found)
    std::replace(p.begin(), p.end(), '\0', '/');
  out.reserve(out.size() + found.size());
  for (std::string& p : found) {
    std::string display = joined(display_root, below_root(p));
    out.push_back(FoundFile{std::move(p), std::move(display)});
  }
  return true;
}

bool expand_path(const std::string& path, const WalkOptions& options, std::vector<fs::path>& out,
                 WalkNotes& notes, Error& error) {
  std::vector<FoundFile> found;
  if (!expand_path(path, options, found, notes, error)) return false;
  for (FoundFile& f : found)
    out.emplace_back(std::move(f.path));
  return true;
}

std::string display_path(const fs::path& path) {
  std::string s = path.lexically_normal().string();
  while (s.rfind("./", 0) == 0)
    s.erase(0, 2);
  return s;
}

bool write_file_atomically(const fs::path& path, std::string_view content, Error& error) {
  error = Error{path.string(), 0, 0, {}};
  // Write next to the real file, so the rename stays on one file system and
  // a symbolic link keeps pointing at the fixed file.
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) {
    error.message = fmt::format("cannot resolve the file for --fix: {}", ec.message());
    return false;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    error.message = fmt::format("cannot stat the file for --fix: {}", errno_text(errno));
    return false;
  }
  std::string temp =
      (target.parent_path() / fmt::format(".{}.digestlint-XXXXXX", target.filename().string()))
          .string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error.message =
        fmt::format("cannot create a temporary file next to it for --fix: {} (nothing was written)",
                    errno_text(errno));
    return false;
  }
  auto fail = [&](std::string_view step) {
    error.message =
        fmt::format("--fix could not {}: {} (the file is unchanged)", step, errno_text(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write the fixed text");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("keep the file's permissions");
  if (::fsync(fd) != 0) return fail("flush the fixed text");
  if (::close(fd) != 0) {
    error.message = fmt::format("--fix could not close the fixed text: {} (the file is unchanged)",
                                errno_text(errno));
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error.message = fmt::format("--fix could not replace the file: {} (the file is unchanged)",
                                errno_text(errno));
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace digestlint
