#include "base/gitignore.h"

#include <git2.h>

#include <string>

namespace digestlint {

namespace fs = std::filesystem;

struct GitIgnore::Repository {
  git_repository* handle = nullptr;
  fs::path workdir;  // absolute, normal, no trailing separator

  ~Repository() {
    if (handle != nullptr) git_repository_free(handle);
    git_libgit2_shutdown();
  }
};

namespace {

// Whether `directory` or a folder above it holds a ".git" (a directory, or
// the file of a linked work tree): without one, libgit2 finds no work tree
// there, and starting it is not free (it loads the system's TLS
// certificates, a few milliseconds per run).
bool may_be_in_work_tree(const fs::path& directory) {
  std::error_code ec;
  for (fs::path d = directory;; d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return true;
    if (!d.has_relative_path()) return false;
  }
}

}  // namespace

GitIgnore::GitIgnore(const fs::path& directory) {
  if (!may_be_in_work_tree(directory)) return;
  git_libgit2_init();  // counted: paired with the shutdown in ~Repository
  auto repo = std::make_unique<Repository>();
  const std::string start = directory.string();
  // Not in a repository (or a bare one): nothing to respect.
  if (git_repository_open_ext(&repo->handle, start.c_str(), 0, nullptr) != 0 ||
      git_repository_workdir(repo->handle) == nullptr) {
    return;
  }
  std::error_code ec;
  repo->workdir = fs::weakly_canonical(git_repository_workdir(repo->handle), ec);
  if (ec) return;
  if (!repo->workdir.has_filename()) repo->workdir = repo->workdir.parent_path();
  repo_ = std::move(repo);
}

GitIgnore::~GitIgnore() = default;

bool GitIgnore::ignored(const fs::path& path, bool directory) const {
  if (!repo_) return false;
  const fs::path relative = path.lexically_relative(repo_->workdir);
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return false;
  std::string name = relative.generic_string();
  // A trailing '/' tells libgit2 that it is a directory, for patterns
  // like "build/" that match only directories.
  if (directory) name += '/';
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, repo_->handle, name.c_str()) != 0) return false;
  return ignored != 0;
}

}  // namespace digestlint
