#!/usr/bin/env bash
# Installs the Debian 12 packages digestlint needs and that are missing.
# Idempotent: installs nothing when everything is there. With --runtime,
# only the libraries a built binary needs (the GitHub Action's cached build).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git          # toolchain
  libmd4c-dev libfmt-dev libicu-dev             # engine
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev
  uuid-dev                                      # STIX ids of the IOC export
  libgit2-dev                                   # .gitignore in directory walks
  catch2 python3 python3-jsonschema pre-commit  # tests
  python3-yaml                                  # tests: the GitHub Action's definition
  neovim                                        # tests: a real LSP client (digestlint lsp)
)
if [ "${1:-}" = "--runtime" ]; then
  packages=(libmd4c0 libfmt9 libicu72 libgit2-1.5 libuuid1)
else
  # The VS Code extension's packaging test (npm registry). A node from
  # elsewhere (NodeSource) brings its own npm: Debian's would conflict.
  if ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
  fi
  if [ "${CI:-}" = "true" ]; then
    packages+=(clang libclang-rt-14-dev)        # the fuzz job of .ci/run (libFuzzer)
  fi
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "digestlint: installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "digestlint: run as root or install sudo" >&2; exit 2; }
  sudo=sudo
fi
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
