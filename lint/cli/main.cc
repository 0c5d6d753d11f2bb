#include <exception>
#include <iostream>

#include <string_view>

#include "cli/cli.h"
#include "lsp/server.h"

int main(int argc, char** argv) {
  try {
    // `digestlint lsp`: the language server, with its own arguments.
    if (argc > 1 && std::string_view(argv[1]) == "lsp") {
      return digestlint::lsp::run_language_server(argc - 1, argv + 1);
    }
    return digestlint::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, not a finding: say so plainly and exit with the I/O status.
    std::cerr << "digestlint: internal error: " << e.what()
              << "\nPlease report this with the file that caused it.\n";
    return 2;
  }
}
