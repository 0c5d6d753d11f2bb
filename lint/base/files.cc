#include "base/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <system_error>

#include "digestlint/diagnostic.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

std::string errno_text(int e) {
  return std::error_code(e, std::generic_category()).message();
}

std::string too_large(std::string_view what, std::uint64_t size, std::uint64_t max_size,
                      bool at_least) {
  return fmt::format("{} is {}{}, over the {} limit; not read (raise it with --max-file-size)",
                     what, at_least ? "more than " : "", format_byte_size(size),
                     format_byte_size(max_size));
}

// Appends what is left to read of `fd` to `out`.
bool read_rest(int fd, std::string& out, std::string& error, std::string_view what,
               std::uint64_t max_size) {
  const std::uint64_t limit = std::min<std::uint64_t>(max_size, kMaxFileSize);
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("cannot read {}: {}", what, errno_text(errno));
      return false;
    }
    if (out.size() + static_cast<std::size_t>(n) > limit) {
      error = too_large(what, limit, limit, true);
      return false;
    }
    out.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace

bool read_file(const fs::path& path, std::string& out, std::string& error, std::uint64_t max_size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("cannot open: {}", errno_text(errno));
    if (errno == EACCES) error += " (check the file's permissions)";
    return false;
  }
  out.clear();
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      error = "is a directory";
      return false;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    const std::uint64_t limit = std::min<std::uint64_t>(max_size, kMaxFileSize);
    if (S_ISREG(st.st_mode) && size > limit) {
      ::close(fd);
      error = too_large("the file", size, limit, false);
      return false;
    }
    if (S_ISREG(st.st_mode) && size > 0) {
      // The whole file in one read (a loop only for a short read).
      out.resize(static_cast<std::size_t>(size));
      std::size_t got = 0;
      while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          error = fmt::format("cannot read the file: {}", errno_text(errno));
          ::close(fd);
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

bool read_stdin(std::string& out, std::string& error, std::uint64_t max_size) {
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

bool expand_path(const std::string& path, std::vector<fs::path>& out, std::string& error) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    error = "no such file or directory";
    return false;
  }
  if (!fs::is_directory(status)) {
    out.emplace_back(path);
    return true;
  }
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error = fmt::format("cannot list directory: {}", ec.message());
    return false;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      error = fmt::format("cannot list directory: {}", ec.message());
      return false;
    }
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (p.extension() == ".md" && it->is_regular_file(ec)) found.push_back(p);
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

std::string display_path(const fs::path& path) {
  std::string s = path.lexically_normal().string();
  while (s.rfind("./", 0) == 0)
    s.erase(0, 2);
  return s;
}

bool write_file_atomically(const fs::path& path, std::string_view content, std::string& error) {
  // Write next to the real file, so the rename stays on one file system and
  // a symbolic link keeps pointing at the fixed file.
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) {
    error = fmt::format("cannot resolve the file for --fix: {}", ec.message());
    return false;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    error = fmt::format("cannot stat the file for --fix: {}", errno_text(errno));
    return false;
  }
  std::string temp =
      (target.parent_path() / fmt::format(".{}.digestlint-XXXXXX", target.filename().string()))
          .string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error =
        fmt::format("cannot create a temporary file next to it for --fix: {} (nothing was written)",
                    errno_text(errno));
    return false;
  }
  auto fail = [&](std::string_view step) {
    error = fmt::format("--fix could not {}: {} (the file is unchanged)", step, errno_text(errno));
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
    error = fmt::format("--fix could not close the fixed text: {} (the file is unchanged)",
                        errno_text(errno));
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = fmt::format("--fix could not replace the file: {} (the file is unchanged)",
                        errno_text(errno));
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace digestlint
