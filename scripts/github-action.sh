#!/usr/bin/env bash
# The steps of the digestlint GitHub Action (action.yml), in a script so
# they can be read, checked and tested outside GitHub (tests/cli/test_action.py).
#
#   github-action.sh cache-key   the build cache's key and directory (step outputs)
#   github-action.sh build       build digestlint from this checkout (Debian/Ubuntu),
#                                or take the cached binary
#   github-action.sh lint        annotate the changed digests, write SARIF
#
# Inputs arrive as environment variables (INPUT_*), never spliced into the
# script's text, so no input or file name can inject shell code.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"

# Non-empty lines of $1, one array item each (file names may hold spaces).
lines() {
  printf '%s\n' "$1" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d'
}

# The action's version (its ref, and a hash of what the binary is built
# from, so a moving ref like a branch gets a new key) and the runner's OS
# (the binary links the system's libraries).
cache_key() {
  local os="unknown"
  if [ -r /etc/os-release ]; then
    os="$(. /etc/os-release && echo "${ID:-linux}-${VERSION_ID:-rolling}")"
  fi
  local sources
  sources="$(cd "$here" && find CMakeLists.txt cmake include lint rules schemas scripts/deps.sh \
    -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  local ref="${ACTION_REF:-local}"
  {
    echo "key=digestlint-${RUNNER_OS:-Linux}-${RUNNER_ARCH:-$(uname -m)}-${os}-${ref//\//-}-${sources}"
    echo "dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/digestlint-bin"
  } >>"$GITHUB_OUTPUT"
}

build() {
  local bin_dir="${BIN_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/digestlint-bin}"
  if [ "${CACHE_HIT:-}" = "true" ] && [ -x "$bin_dir/digestlint" ]; then
    "$here/scripts/deps.sh" --runtime
    if "$bin_dir/digestlint" --version >/dev/null 2>&1; then
      echo "digestlint: using the cached build ($("$bin_dir/digestlint" --version))"
      echo "DIGESTLINT_BIN=$bin_dir/digestlint" >>"$GITHUB_ENV"
      return
    fi
    echo "digestlint: the cached build does not run here; building again"
  fi
  "$here/scripts/deps.sh"
  local dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/digestlint-build"
  cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DDIGESTLINT_TESTS=OFF \
    -DDIGESTLINT_BENCH=OFF >/dev/null
  cmake --build "$dir" --target digestlint -j"$(nproc)"
  mkdir -p "$bin_dir"
  cp "$dir/digestlint" "$bin_dir/digestlint"
  echo "DIGESTLINT_BIN=$bin_dir/digestlint" >>"$GITHUB_ENV"
}

# The Markdown files the push or pull request changed (NUL-separated), or
# failure when the base commit is unknown (first push, manual run).
changed_digests() {
  local base="${BASE_SHA:-}"
  if [ -z "$base" ] || [ -z "${base//0/}" ]; then
    return 1
  fi
  if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
    git fetch --quiet --depth=1 origin "$base" 2>/dev/null || return 1
  fi
  git diff --name-only -z --diff-filter=d "$base" HEAD -- '*.md' '*.markdown'
}

lint() {
  local bin="${INPUT_DIGESTLINT:-${DIGESTLINT_BIN:-digestlint}}"
  local fail_on="${INPUT_FAIL_ON:-warning}"
  local sarif="${INPUT_SARIF_FILE:-digestlint.sarif}"
  local -a args=() paths=() sarif_paths=()
  mapfile -t args < <(lines "${INPUT_ARGS:-}")
  mapfile -t sarif_paths < <(lines "${INPUT_SARIF_PATHS:-.}")

  if [ -n "$(lines "${INPUT_PATHS:-}")" ]; then
    mapfile -t paths < <(lines "$INPUT_PATHS")
  elif changed="$(changed_digests | tr '\0' '\n')"; then
    mapfile -t paths < <(lines "$changed")
    echo "digestlint: ${#paths[@]} changed Markdown file(s) since ${BASE_SHA:0:12}"
  else
    echo "digestlint: no base commit to compare with; linting the whole repository"
    paths=(.)
  fi

  local status=0
  if [ ${#paths[@]} -gt 0 ]; then
    # Annotations for the changed digests; their findings decide the status.
    # --force-exclude: the config's include/exclude apply to named files too.
    "$bin" --format github --force-exclude --fail-on "$fail_on" "${args[@]}" -- "${paths[@]}" ||
      status=$?
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      {
        echo "### digestlint"
        echo
        echo '```'
        "$bin" --statistics --quiet --force-exclude "${args[@]}" -- "${paths[@]}" 2>&1 || true
        echo '```'
      } >>"$GITHUB_STEP_SUMMARY"
    fi
  else
    echo "digestlint: no Markdown file changed"
  fi

  # SARIF for code scanning covers sarif-paths (the whole repository by
  # default): a partial analysis would make code scanning close the alerts
  # of every file it did not see.
  local sarif_status=0
  "$bin" --format sarif "${args[@]}" -- "${sarif_paths[@]}" >"$sarif" || sarif_status=$?
  if [ "$sarif_status" -eq 2 ]; then
    echo "::warning title=digestlint::some files could not be linted for SARIF (see $sarif)"
  fi
  {
    echo "sarif-file=$sarif"
    echo "exit-code=$status"
  } >>"$GITHUB_OUTPUT"
}

case "${1:-}" in
  cache-key) cache_key ;;
  build) build ;;
  lint) lint ;;
  *)
    echo "usage: $0 cache-key|build|lint" >&2
    exit 2
    ;;
esac
