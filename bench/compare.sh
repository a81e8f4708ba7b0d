#!/usr/bin/env bash
# The side-by-side benchmark: one generated graph, every installed tool run on it one
# after another, each in its own process, then a table of their figures, a check that their
# answers agree and jurigraph's ratio to the best other tool. See bench/README.md.
#
#   bench/compare.sh [--decisions N] [--tools jurigraph,networkx,igraph,graph-tool,kuzu]
#                    [--work DIR] [--build DIR] [--timeout SECONDS] [--runs K]
#                    [--memory cold|warm|as-is] [--settle SECONDS] [--warm-mb MB]
#
# --decisions  size of the generated graph (default 100000)
# --tools      which tools, in this order (default: all; those not installed are skipped)
# --work       work folder for the dataset, its CSV and the results (default
#              /tmp/jurigraph-compare-N); a dataset already there for the same N is reused
# --build      the CMake build folder holding src/jurigraph and bench/jurigraph_compare
#              (default build)
# --timeout    seconds one tool's run may take before it is stopped (default 1800); the
#              figures it printed so far are kept, the rest show as "timeout"
# --runs       runs per tool; the table shows the median of each figure (default 1). The runs
#              go round by round: the first of every tool, then the second, and so on
# --memory     the memory every run starts on (default cold; bench/README.md, "Memory before
#              each run"): cold, after --settle seconds idle (default 10), when this machine has
#              taken back what the previous run freed, the input files dropped from the page
#              cache; warm, right after a helper has touched and freed --warm-mb MB (default
#              2560, above every tool's peak), the input files read into the page cache; as-is,
#              neither (each run then inherits what the run before it left)
#
# The table covers every tool with results in the work folder for this graph: a tool run again
# replaces its own results only, so slow tools can be run once and jurigraph many times.
# Exit 0 when every tool that answered agrees with the others, 1 when an answer differs, 2 on a
# bad command line or a missing program.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/bench/compare"
decisions=100000
tools=jurigraph,networkx,igraph,graph-tool,kuzu
work=
build="$root/build"
timeout_s=1800
runs=1
memory=cold
settle_s=10
warm_mb=2560

usage() {
  sed -n '5,28p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while (($#)); do
  case $1 in
    --decisions) decisions=${2:?}; shift 2 ;;
    --tools) tools=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --build) build=$(cd "${2:?}" && pwd); shift 2 ;;
    --timeout) timeout_s=${2:?}; shift 2 ;;
    --runs) runs=${2:?}; shift 2 ;;
    --memory) memory=${2:?}; shift 2 ;;
    --settle) settle_s=${2:?}; shift 2 ;;
    --warm-mb) warm_mb=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "compare.sh: unknown option $1" >&2; usage ;;
  esac
done
[[ $decisions =~ ^[1-9][0-9]*$ && $runs =~ ^[1-9][0-9]*$ && $timeout_s =~ ^[1-9][0-9]*$ ]] ||
  { echo "compare.sh: --decisions, --runs and --timeout take positive integers" >&2; exit 2; }
[[ $settle_s =~ ^[0-9]+$ && $warm_mb =~ ^[1-9][0-9]*$ ]] ||
  { echo "compare.sh: --settle takes an integer, --warm-mb a positive one" >&2; exit 2; }
case $memory in
  cold) conditions="cold: each run after $settle_s s idle, its input out of the page cache" ;;
  warm) conditions="warm: each run right after $warm_mb MB touched and freed, its input cached" ;;
  as-is) conditions="as-is: each run on what the run before it left" ;;
  *) echo "compare.sh: --memory takes cold, warm or as-is, not $memory" >&2; exit 2 ;;
esac
work=${work:-/tmp/jurigraph-compare-$decisions}
jurigraph="$build/src/jurigraph"
runner="$build/bench/jurigraph_compare"
# The Debian python, where python3-networkx, -igraph and -graph-tool are installed (a pyenv or
# venv python first in PATH would not see them).
python=/usr/bin/python3

need() {  # a program of the build folder, or how to build it
  [[ -x $1 ]] || {
    echo "compare.sh: $1 is missing; build it with" >&2
    echo "  cmake -S $root -B $build -DCMAKE_BUILD_TYPE=Release && cmake --build $build --target jurigraph jurigraph_compare" >&2
    exit 2
  }
}

# --- the graph, once ---------------------------------------------------------------------------
mkdir -p "$work"
stamp="$work/prepared"
if [[ $(cat "$stamp" 2>/dev/null) != "decisions=$decisions seed=42" ]]; then
  need "$jurigraph"
  rm -rf "$work/kuzu" "$work/results" "$stamp"
  rm -f "$work/dataset.json" "$work/dataset.jsonl"
  # JSON Lines where this jurigraph writes it: what a large corpus comes as, and the ingestion
  # the scale targets are about; one JSON document otherwise. Same graph either way.
  format=json
  # (grep reads the whole help: with -q it would stop early, and pipefail see generate's SIGPIPE)
  if "$jurigraph" generate --help | grep jsonl >/dev/null; then format=jsonl; fi
  echo "generating $decisions decisions into $work/dataset.$format" >&2
  "$jurigraph" generate --decisions "$decisions" --seed 42 --format "$format" \
    -o "$work/dataset.$format" >&2
  echo "exporting to CSV (jurigraph export --format kuzu)" >&2
  "$jurigraph" export --format kuzu -o "$work/kuzu" "$work/dataset.$format" >&2
  "$python" "$here/make_csv.py" "$work/kuzu" "$work"
  echo "decisions=$decisions seed=42" >"$stamp"
else
  echo "reusing the graph in $work" >&2
fi

# --- each tool, one after another --------------------------------------------------------------
installed() {
  case $1 in
    jurigraph) need "$runner" ;;
    networkx) "$python" -c 'import networkx' 2>/dev/null ;;
    igraph) "$python" -c 'import igraph' 2>/dev/null ;;
    graph-tool) "$python" -c 'import graph_tool' 2>/dev/null ;;
    kuzu) command -v node >/dev/null && [[ -f $root/tests/kuzu/node_modules/kuzu/package.json ]] ;;
    *) echo "compare.sh: unknown tool $1" >&2; exit 2 ;;
  esac
}

command_of() {  # the tool's runner, given its answers file
  case $1 in
    jurigraph) echo "$runner" "$dataset" --pairs "$work/pairs.csv" \
      --sources "$work/sources.csv" --answers "$2" ;;
    networkx) echo "$python" "$here/networkx_run.py" "$work" "$2" ;;
    igraph) echo "$python" "$here/igraph_run.py" "$work" "$2" ;;
    graph-tool) echo "$python" "$here/graphtool_run.py" "$work" "$2" ;;
    kuzu) echo node "$here/kuzu_run.js" "$work" "$2" ;;
  esac
}

dataset="$work/dataset.jsonl"
[[ -f $dataset ]] || dataset="$work/dataset.json"
snapshot="$work/graph.jg"

# jurigraph's "open snapshot" figure: the snapshot of the dataset, (re)built when this jurigraph
# cannot open the one in the work folder (none yet, or of another format version).
prepare_snapshot() {
  if ! "$jurigraph" query -g "$snapshot" 'RETURN 1' >/dev/null 2>&1; then
    echo "building the snapshot $snapshot (jurigraph build -o)" >&2
    "$jurigraph" build "$dataset" -o "$snapshot" --quiet >&2
  fi
}
results="$work/results"
mkdir -p "$results"
IFS=, read -r -a wanted <<<"$tools"
present=()
for tool in "${wanted[@]}"; do
  if ! installed "$tool"; then
    echo "$tool: not installed, skipped (see bench/README.md)" >&2
    continue
  fi
  rm -f "$results/$tool".* "$results/$tool-snapshot".*
  [[ $tool != jurigraph ]] || prepare_snapshot
  echo "$conditions" >"$results/$tool.memory"
  present+=("$tool")
done

# The memory a run starts on (--memory). On this virtual machine the host takes back memory a
# process freed after a few seconds, and a process that touches it again waits for it (some 2 ms
# of system time a MB, against next to none for memory freed a moment before): left alone, each
# tool's run inherits what the one before it freed, so a tool run after a large one starts warm.
# The input files follow the same rule: dropped from the page cache for a cold run, read into
# it for a warm one (this machine pages out file pages left unread for a minute or so).
settle_memory() {
  case $memory in
    cold)
      "$python" "$here/page_cache.py" drop "$work"
      sleep "$settle_s"
      ;;
    warm)
      "$python" "$here/page_cache.py" warm "$work"
      "$python" "$here/touch_memory.py" "$warm_mb"
      ;;
  esac
}

# One run of a tool: its figures, answers and log in $results/TOOL.RUN.*.
run_tool() {
  local tool=$1 run=$2 status=0
  local out="$results/$tool.$run"
  settle_memory
  echo "$tool: run $run of $runs (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  # shellcheck disable=SC2046  # the command is word-split on purpose (paths hold no space)
  timeout --kill-after=10 "$timeout_s" $(command_of "$tool" "$out.answers") \
    >"$out.figures" 2>"$out.log" || status=$?
  if ((status == 124 || status == 137)); then
    echo "timeout" >>"$out.figures"
    echo "$tool: stopped after $timeout_s s" >&2
  elif ((status != 0)); then
    echo "failed $status" >>"$out.figures"
    echo "$tool: failed (exit $status), see $out.log" >&2
    tail -n 5 "$out.log" >&2
  fi
  if [[ $tool == jurigraph ]]; then
    # The same tasks on the snapshot, in a process of its own: its open_s joins this run's
    # figures ("open snapshot"), and its answers must be the dataset's.
    status=0
    local snap_out="$results/$tool-snapshot.$run"
    timeout --kill-after=10 "$timeout_s" "$runner" -g "$snapshot" --pairs "$work/pairs.csv" \
      --sources "$work/sources.csv" --answers "$snap_out.answers" \
      >"$snap_out.figures" 2>>"$out.log" || status=$?
    grep '^open_s ' "$snap_out.figures" >>"$out.figures" || true
    if ((status != 0)) || ! cmp -s "$out.answers" "$snap_out.answers"; then
      echo "snapshot: failed or answered otherwise (exit $status)" >>"$out.figures"
      echo "$tool -g: failed (exit $status) or answered otherwise, see $out.log" >&2
    fi
  fi
}

# Round by round (the first run of every tool, then the second…), not tool by tool: this
# machine's speed drifts by a third within the hour, and a drift then weighs on every tool's
# median alike instead of on the tools that happened to run during it.
for ((run = 1; run <= runs; ++run)); do
  for tool in "${present[@]}"; do
    run_tool "$tool" "$run"
  done
done

"$python" "$here/report.py" "$results" "$decisions"
