#include <exception>
#include <iostream>
#include <string_view>

#include "cli/cli.h"
#include "export/iocs_command.h"

int main(int argc, char** argv) {
  try {
    if (argc > 1 && std::string_view(argv[1]) == "iocs") {  // the IOC export (issue 11)
      return digestlint::run_iocs(argc - 1, argv + 1);
    }
    return digestlint::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, not a finding: say so plainly and exit with the I/O status.
    std::cerr << "digestlint: internal error: " << e.what()
              << "\nPlease report this with the file that caused it.\n";
    return 2;
  }
}
