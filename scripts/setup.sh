#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build
# digestlint, and lint the bundled example digest. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
echo
echo "== build/digestlint examples/daily-security-info.md"
build/digestlint examples/daily-security-info.md
echo
echo "== build/digestlint examples/with-defects.md (the same digest with typical defects: status 1)"
build/digestlint examples/with-defects.md || [ $? -eq 1 ]
