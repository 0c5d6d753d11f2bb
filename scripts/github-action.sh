#!/usr/bin/env bash
# The steps of the digestlint GitHub Action (action.yml), in a script so
# they can be read, checked and tested outside GitHub (tests/cli/test_action.py).
#
#   github-action.sh build   build digestlint from this checkout (Debian/Ubuntu)
#   github-action.sh lint    annotate the changed digests, write SARIF
#
# Inputs arrive as environment variables (INPUT_*), never spliced into the
# script's text, so no input or file name can inject shell code.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"

# Non-empty lines of $1, one array item each (file names may hold spaces).
lines() {
  printf '%s\n' "$1" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d'
}

build() {
  "$here/scripts/deps.sh"
  local dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/digestlint-build"
  cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DDIGESTLINT_TESTS=OFF \
    -DDIGESTLINT_BENCH=OFF >/dev/null
  cmake --build "$dir" --target digestlint -j"$(nproc)"
  echo "DIGESTLINT_BIN=$dir/digestlint" >>"$GITHUB_ENV"
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
    "$bin" --format github --fail-on "$fail_on" "${args[@]}" -- "${paths[@]}" || status=$?
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      {
        echo "### digestlint"
        echo
        echo '```'
        "$bin" --statistics --quiet "${args[@]}" -- "${paths[@]}" 2>&1 || true
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
  build) build ;;
  lint) lint ;;
  *)
    echo "usage: $0 build|lint" >&2
    exit 2
    ;;
esac
