#include <exception>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    return digestlint::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, not a finding: say so plainly and exit with the I/O status.
    std::cerr << "digestlint: internal error: " << e.what()
              << "\nPlease report this with the file that caused it.\n";
    return 2;
  }
}
