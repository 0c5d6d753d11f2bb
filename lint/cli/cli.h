#pragma once

namespace digestlint {

// Runs the digestlint command line; returns the exit status.
int run_cli(int argc, char** argv);

}  // namespace digestlint
