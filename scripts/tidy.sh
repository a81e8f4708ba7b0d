#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over src/, or over the folders or files given, with the compile
# commands of BUILD_DIR (default build-tidy/, configured here when it has none: file by file,
# -DCMAKE_UNITY_BUILD=OFF, since a unity source would hide its files from the path filter).
# Prints each warning once, the time taken and the load average; exits 1 when anything is
# reported (or clang-tidy fails). The whole log is kept in BUILD_DIR/tidy.log (or $TIDY_LOG).
# Usage: scripts/tidy.sh [BUILD_DIR [PATH...]]     e.g. scripts/tidy.sh build-tidy src/export
# Long: 4 min for src/ on 2 idle cores, 7 to 16 min on shared ones (see the README, Development); run it under nice.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-tidy}
shift || true
paths=("$@")
[[ ${#paths[@]} -gt 0 ]] || paths=(src/)
if [[ ! -f "$build/compile_commands.json" ]]; then
  # The configure step writes the compile commands (and the embedded-text sources); nothing
  # needs to be compiled for clang-tidy.
  cmake -S . -B "$build" -DCMAKE_UNITY_BUILD=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
regexes=()
for p in "${paths[@]}"; do regexes+=("$PWD/$p"); done
log=${TIDY_LOG:-$build/tidy.log}
start=$(date +%s)
status=0
# The compile commands are GCC's (-Wno-restrict is unknown to clang, and -Werror would make that
# an error).
run-clang-tidy -p "$build" -j "${TIDY_JOBS:-2}" -quiet -extra-arg=-Wno-unknown-warning-option \
  "${regexes[@]}" >"$log" 2>&1 || status=$?
elapsed=$(($(date +%s) - start))
# A header's warnings come once per file that includes it.
# run-clang-tidy 14 asks for colours: strip them before reading.
sed -i 's/\x1b\[[0-9;]*m//g' "$log"
warnings=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):|^Error while processing' \
  "$log" | sort -u || true)
files=$(grep -cE '^[^ ]*clang-tidy[^ ]* ' "$log" || true)
echo "tidy: ${paths[*]}: $((elapsed / 60)) min $((elapsed % 60)) s (load average at the end:" \
  "$(cut -d' ' -f1-3 /proc/loadavg))" >&2
if [[ -n "$warnings" ]]; then
  printf '%s\n' "$warnings"
  echo "tidy: $(wc -l <<<"$warnings") warnings (log: $log)" >&2
  exit 1
fi
if [[ $status -ne 0 ]]; then
  tail -n 20 "$log" >&2
  echo "tidy: run-clang-tidy failed ($status); log: $log" >&2
  exit 1
fi
echo "tidy: no warning ($files files)" >&2
