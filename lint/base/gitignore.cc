#include "base/gitignore.h"

#include <dlfcn.h>
#include <git2.h>

#include <iostream>
#include <string>
#include <type_traits>

namespace digestlint {

namespace fs = std::filesystem;

namespace {

// libgit2 is loaded when a walk first meets a git work tree, not at every
// start: with the libraries it needs (TLS, SSH, Kerberos) it would add 17
// shared objects and a third of the start-up time of linting one file,
// which is what a pre-commit hook or an editor does most.
struct LibGit2 {
  decltype(&git_libgit2_init) init = nullptr;
  decltype(&git_libgit2_shutdown) shutdown = nullptr;
  decltype(&git_repository_open_ext) open_ext = nullptr;
  decltype(&git_repository_workdir) workdir = nullptr;
  decltype(&git_repository_free) free = nullptr;
  decltype(&git_ignore_path_is_ignored) path_is_ignored = nullptr;
};

// The library the build was compiled against, by its soname; nullptr
// (with one warning) when it cannot be loaded.
const LibGit2* libgit2() {
  static const LibGit2* loaded = []() -> const LibGit2* {
    constexpr const char* kSoname = "libgit2.so." LIBGIT2_SOVERSION;
    void* handle = ::dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    auto* lib = new LibGit2();
    auto bind = [&](auto& function, const char* name) {
      if (handle != nullptr)
        function =
            reinterpret_cast<std::remove_reference_t<decltype(function)>>(::dlsym(handle, name));
      return function != nullptr;
    };
    if (bind(lib->init, "git_libgit2_init") && bind(lib->shutdown, "git_libgit2_shutdown") &&
        bind(lib->open_ext, "git_repository_open_ext") &&
        bind(lib->workdir, "git_repository_workdir") && bind(lib->free, "git_repository_free") &&
        bind(lib->path_is_ignored, "git_ignore_path_is_ignored")) {
      return lib;
    }
    const char* why = ::dlerror();
    std::cerr << "digestlint: warning: cannot load " << kSoname << " ("
              << (why != nullptr ? why : "a function is missing")
              << "): .gitignore files are not read (install the Debian package libgit2-"
              << LIBGIT2_SOVERSION << ", or pass --no-respect-gitignore)\n";
    delete lib;
    return nullptr;
  }();
  return loaded;
}

}  // namespace

struct GitIgnore::Repository {
  const LibGit2* git = nullptr;
  git_repository* handle = nullptr;
  fs::path workdir;  // absolute, normal, no trailing separator

  ~Repository() {
    if (handle != nullptr) git->free(handle);
    git->shutdown();
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
  const LibGit2* git = libgit2();
  if (git == nullptr) return;
  git->init();  // counted: paired with the shutdown in ~Repository
  auto repo = std::make_unique<Repository>();
  repo->git = git;
  const std::string start = directory.string();
  // Not in a repository (or a bare one): nothing to respect.
  if (git->open_ext(&repo->handle, start.c_str(), 0, nullptr) != 0 ||
      git->workdir(repo->handle) == nullptr) {
    return;
  }
  std::error_code ec;
  repo->workdir = fs::weakly_canonical(git->workdir(repo->handle), ec);
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
  if (repo_->git->path_is_ignored(&ignored, repo_->handle, name.c_str()) != 0) return false;
  return ignored != 0;
}

}  // namespace digestlint
