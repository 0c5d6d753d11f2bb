#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/cli.h"
#include "cli/schema_command.h"
#include "config/schema_loader.h"
#include "export/iocs_command.h"
#include "lsp/server.h"

namespace {

// `digestlint NAME ...`: each subcommand gets its own arguments (argv[0]
// is NAME). Anything else is the linter's own command line.
struct Subcommand {
  std::string_view name;
  int (*run)(int argc, char** argv);
};

constexpr Subcommand kSubcommands[] = {
    {"iocs", digestlint::run_iocs},
    {"lsp", digestlint::lsp::run_language_server},
    {"schema", digestlint::run_schema_command},
};

}  // namespace

int main(int argc, char** argv) {
  try {
    // A schema file in an older spelling still loads; say once what to write now.
    digestlint::set_schema_warning_handler(
        [](const std::string& line) { std::cerr << line << '\n'; });
    if (argc > 1) {
      for (const Subcommand& s : kSubcommands) {
        if (argv[1] == s.name) return s.run(argc - 1, argv + 1);
      }
    }
    return digestlint::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, not a finding: say so plainly and exit with the I/O status.
    std::cerr << "digestlint: error: internal error: " << e.what()
              << "\nPlease report this with the file that caused it.\n";
    return 2;
  }
}
