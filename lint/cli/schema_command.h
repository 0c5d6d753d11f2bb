#pragma once

namespace digestlint {

// `digestlint schema check|template|json-schema ...` (argv[0] is "schema").
int run_schema_command(int argc, char** argv);

}  // namespace digestlint
