#include "base/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

// `error` names no file: the caller knows which one it read.
bool read_fd(int fd, std::string& out, Error& error, std::string_view what) {
  out.clear();
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      error = Error{{}, 0, 0, fmt::format("cannot read {}: {}", what, errno_text(errno))};
      return false;
    }
    if (out.size() + static_cast<std::size_t>(n) > kMaxFileSize) {
      error = Error{
          {},
          0,
          0,
          fmt::format("{} is larger than 2 GiB; digestlint reads digests, not archives", what)};
      return false;
    }
    out.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace

bool read_file(const fs::path& path, std::string& out, Error& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = Error{path.string(), 0, 0, fmt::format("cannot open: {}", errno_text(errno))};
    if (errno == EACCES) error.message += " (check the file's permissions)";
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      error = Error{path.string(), 0, 0, "is a directory"};
      return false;
    }
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) <= kMaxFileSize) {
      out.reserve(static_cast<std::size_t>(st.st_size));
    }
  }
  const bool ok = read_fd(fd, out, error, "the file");
  ::close(fd);
  if (!ok) error.path = path.string();
  return ok;
}

bool read_stdin(std::string& out, Error& error) {
  return read_fd(STDIN_FILENO, out, error, "standard input");
}

bool expand_path(const std::string& path, std::vector<fs::path>& out, Error& error) {
  error.path = path;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    error.message = "no such file or directory";
    return false;
  }
  if (!fs::is_directory(status)) {
    out.emplace_back(path);
    return true;
  }
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error.message = fmt::format("cannot list directory: {}", ec.message());
    return false;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      error.message = fmt::format("cannot list directory: {}", ec.message());
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

bool write_file_atomically(const fs::path& path, std::string_view content, Error& error) {
  error.path = path.string();
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
