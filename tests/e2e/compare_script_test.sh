#!/usr/bin/env bash
# bench/compare.sh end to end on a small graph, with jurigraph alone: the graph generated and
# converted, a run from the dataset and one from the snapshot agreeing, the memory each run
# started on said in the table (--memory warm and cold), and a bad option refused with exit 2.
# Usage: compare_script_test.sh BUILD_DIR REPO_ROOT
set -u
build=$1
root=$2
source "$(dirname "$0")/lib.sh"
compare() {
  "$root/bench/compare.sh" --decisions 1000 --tools jurigraph --build "$build" --work "$work/c" \
    "$@" >"$work/out" 2>"$work/err"
  code=$?
  out=$(cat "$work/out")
}

compare --runs 2 --memory warm --warm-mb 16
check "warm: exit 0" test "$code" -eq 0
check "warm: the runs' memory said" has "memory warm: each run right after 16 MB touched and freed, its input cached" "$out"
check "warm: the snapshot answers as the dataset" has "jurigraph: agrees on every answer" "$out"
check "warm: each run's load listed" grep -qE '^    jurigraph: [0-9.]+ \[[0-9.]+\], [0-9.]+ \[[0-9.]+\]$' "$work/out"

compare --runs 1 --memory cold --settle 0
check "cold: exit 0" test "$code" -eq 0
check "cold: the runs' memory said" has "memory cold: each run after 0 s idle, its input out of the page cache" "$out"

compare --memory lukewarm
check "a bad --memory: exit 2" test "$code" -eq 2
check "a bad --memory: said" grep -qF -- "--memory takes cold, warm or as-is, not lukewarm" "$work/err"
finish
