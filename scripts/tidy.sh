#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over src/ with the compile commands of a build (default build/);
# prints the warnings and fails when there is any.
# Usage: scripts/tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[[ -f "$build/compile_commands.json" ]] || scripts/build.sh "$build"
report=$(run-clang-tidy -p "$build" -j 2 -quiet "$PWD/src/" 2>&1 || true)
warnings=$(grep -E '(warning|error):' <<<"$report" | sort -u || true)
if [[ -n "$warnings" ]]; then
  printf '%s\n' "$warnings"
  echo "tidy: $(wc -l <<<"$warnings") warnings" >&2
  exit 1
fi
echo "tidy: no warning"
