// `digestlint iocs [--format csv|jsonl|stix] [--output-file F] [--dedupe] PATHS...`:
// the IOC entries of digests as an indicator feed.
#pragma once

namespace digestlint {

// argv[0] is "iocs". Returns the exit status: 0, or 2 on a usage, config,
// schema or I/O error (the other files are still exported).
int run_iocs(int argc, char** argv);

}  // namespace digestlint
