// What git ignores, asked of libgit2 so nested .gitignore files, '!'
// negation, '**', anchored patterns, .git/info/exclude and
// core.excludesFile behave exactly as in git.
#pragma once

#include <filesystem>
#include <memory>

namespace digestlint {

class GitIgnore {
 public:
  // The repository enclosing `directory`, if any: outside a repository
  // nothing is ignored.
  explicit GitIgnore(const std::filesystem::path& directory);
  ~GitIgnore();
  GitIgnore(const GitIgnore&) = delete;
  GitIgnore& operator=(const GitIgnore&) = delete;

  // Whether git ignores `path` (absolute and normal; a directory when
  // `directory`). A path outside the repository's working tree is not.
  bool ignored(const std::filesystem::path& path, bool directory) const;

 private:
  struct Repository;
  std::unique_ptr<Repository> repo_;
};

}  // namespace digestlint
