#!/usr/bin/env bash
# The import rate of `jurigraph import dila` on N generated DILA-style files (a benchmark, not a
# test): files/s, MB/s of XML, peak RSS, and the load average while it ran; then validate's time
# on the output. Usage: bench/dila_import_bench.sh JURIGRAPH [N=100000] [WORK_DIR=/tmp]
# The generated folder is kept between runs of the same N (delete WORK_DIR/dila-N to redo it).
set -euo pipefail
jg=$1
n=${2:-100000}
work=${3:-/tmp}
here=$(dirname "$0")
dir=$work/dila-$n
if [[ ! -d $dir ]]; then
  echo "generating $n files in $dir"
  python3 "$here/generate_dila.py" "$n" "$dir.tmp" && mv "$dir.tmp" "$dir"
fi
bytes=$(find "$dir" -name '*.xml' -printf '%s\n' | awk '{s += $1} END {print s}')
sync
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e %M %U %S' -o "$work/dila-time" "$jg" import dila "$dir" -o "$work/dila-$n.jsonl"
read -r wall rss user sys <"$work/dila-time"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v n="$n" -v b="$bytes" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" 'BEGIN {
  printf "import dila: %d files, %.1f MB of XML in %.2f s wall (%.2f s user, %.2f s sys): %.0f files/s, %.1f MB/s, peak RSS %.1f MB\n",
         n, b / 1e6, w, u, s, n / w, b / 1e6 / w, r / 1024 }'
ls -l "$work/dila-$n.jsonl" | awk '{printf "output: %.1f MB\n", $5 / 1e6}'
/usr/bin/time -f '%e %M' -o "$work/dila-time" "$jg" validate -q "$work/dila-$n.jsonl" | tail -1
read -r wall rss <"$work/dila-time"
echo "validate: $wall s wall, peak RSS $((rss / 1024)) MB"
