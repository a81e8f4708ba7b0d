#!/usr/bin/env bash
# Runs the libFuzzer targets of a JURIGRAPH_FUZZ build, two at a time, each for SECONDS, on the
# seed corpora of fuzz/seeds.sh (made once in BUILD_DIR/fuzz-seeds) plus what earlier runs found
# (BUILD_DIR/fuzz-corpus). Fails when a target crashes, hangs (10 s on one input), leaks or makes
# a sanitizer report; the input is then in BUILD_DIR/fuzz-findings and the log in
# BUILD_DIR/fuzz-logs. NICE=19 runs them behind everything else (the long runs).
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS (default 60)] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=${2:-60}
shift $(($# >= 2 ? 2 : 1))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_dataset fuzz_cypher_parse fuzz_cypher_execute fuzz_snapshot)
[[ -d "$build/fuzz-seeds" ]] || fuzz/seeds.sh "$build" "$build/fuzz-seeds"
mkdir -p "$build/fuzz-logs" "$build/fuzz-findings"

dict() {
  case $1 in
    fuzz_dataset) echo fuzz/json.dict ;;
    fuzz_cypher_*) echo fuzz/cypher.dict ;;
    *) ;;
  esac
}

run() {
  local t=$1 d
  d=$(dict "$t")
  mkdir -p "$build/fuzz-corpus/$t"
  # -timeout: the executor is bounded to 200 ms a query, so 10 s on one input is a hang.
  nice -n "${NICE:-0}" "$build/fuzz/$t" "$build/fuzz-corpus/$t" "$build/fuzz-seeds/$t" \
    ${d:+-dict="$d"} -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-findings/$t-" \
    >"$build/fuzz-logs/$t.log" 2>&1
}

failed=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  for t in "${targets[@]:i:2}"; do
    run "$t" &
    pids+=("$!:$t")
  done
  for p in "${pids[@]}"; do
    if wait "${p%%:*}"; then
      echo "fuzz: ${p#*:}: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/fuzz-logs/${p#*:}.log" | cut -d' ' -f2) runs, no finding"
    else
      echo "fuzz: ${p#*:}: FAILED, see $build/fuzz-logs/${p#*:}.log" >&2
      grep -m3 -E 'ERROR|runtime error|SUMMARY' "$build/fuzz-logs/${p#*:}.log" >&2 || true
      failed=1
    fi
  done
done
exit $failed
