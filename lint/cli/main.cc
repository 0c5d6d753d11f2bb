#include <exception>
#include <iostream>
#include <string_view>

#include "cli/cli.h"
#include "cli/schema_command.h"

int main(int argc, char** argv) {
  try {
    // Subcommands; anything else is the linter's own command line.
    if (argc > 1 && std::string_view(argv[1]) == "schema") {
      return digestlint::run_schema_command(argc - 1, argv + 1);
    }
    return digestlint::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, not a finding: say so plainly and exit with the I/O status.
    std::cerr << "digestlint: error: internal error: " << e.what()
              << "\nPlease report this with the file that caused it.\n";
    return 2;
  }
}
