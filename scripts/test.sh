#!/usr/bin/env bash
# Builds digestlint and runs the whole test suite. Idempotent. CI runs this
# (.ci/run) on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
