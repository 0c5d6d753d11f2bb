#include "cli/commands.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/options.h"
#include "config/config.h"
#include "digestlint/rule.h"
#include "engine/registry.h"
#include "output/explain.h"

namespace digestlint {

void print_rules(std::ostream& out, const Linter& linter, OutputFormat format) {
  if (format == OutputFormat::Json) {
    write_rules_json(out, linter);
    return;
  }
  for (const RuleInfo* r : all_rules()) {
    out << fmt::format("{:<6} {:<28} {:<8} {}{}\n", r->code, r->name,
                       to_string(linter.severity(*r)), r->summary, r->has_fix ? " (fix)" : "");
  }
}

int write_starter_config(bool quiet) {
  const std::string text = starter_config();
  const std::string name(kConfigFileName);
  const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST) {
      std::cerr << fmt::format(
          "digestlint: error: {} already exists here; edit it, or remove it to "
          "start from the template again\n",
          name);
    } else {
      std::cerr << fmt::format("digestlint: error: cannot create {}: {}\n", name,
                               std::strerror(errno));
    }
    return kExitFailure;
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::cerr << fmt::format("digestlint: error: cannot write {}: {}\n", name,
                               std::strerror(errno));
      ::close(fd);
      ::unlink(name.c_str());
      return kExitFailure;
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (!quiet) {
    std::cerr << fmt::format(
        "digestlint: wrote {}: every rule is listed with its default, commented out\n", name);
  }
  return kExitClean;
}

}  // namespace digestlint
