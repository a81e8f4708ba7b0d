#!/usr/bin/env bash
# Graph snapshots through the CLI: `build -o graph.jg` once, then every command with -g answers
# exactly as from the datasets; damaged, foreign and missing snapshots give a clear error and a
# non-zero exit; a failed build leaves the previous snapshot and no temporary file.
# Usage: snapshot_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
source "$(dirname "$0")/lib.sh"
data=$root/datasets
snap=$work/graph.jg

run build "$data" -o "$snap"
check "build: exit 0" test "$code" -eq 0
check "build: says what it wrote" has "wrote $snap:" "$out"
check "build: the snapshot exists" test -s "$snap"

# same ARGS...: the command's output with -g is its output from the datasets.
same() {
  "$jg" "$@" "$data" >"$work/from-datasets" 2>&1
  local a=$?
  "$jg" "$@" -g "$snap" >"$work/from-snapshot" 2>&1
  local b=$?
  check "$* -g: same exit ($a) and output as from the datasets" \
    eval "[ $a -eq $b ] && cmp -s '$work/from-datasets' '$work/from-snapshot'"
}
same stats
same stats --format json
same show Orange
same path Orange Darty
same neighbors Gutenberg --depth 2
same export --format jsonld
same export --format nquads
same export --format graphml
same export --format cypher
# Same rows, and the same plan: the planner's counts come from the snapshot's relation_counts
# section, and the steps --stats reports (nodes and relationships examined) follow the plan.
steps() { sed -n 's/ steps .*//p' "$1"; }
for q in "$root"/queries/*.cypher; do
  "$jg" query -f "$q" --format csv --stats "$data" >"$work/q1" 2>"$work/s1"
  "$jg" query -f "$q" --format csv --stats -g "$snap" >"$work/q2" 2>"$work/s2"
  check "query $(basename "$q") -g: same rows" cmp -s "$work/q1" "$work/q2"
  check "query $(basename "$q") -g: same plan (steps)" \
    eval "[ -n \"\$(steps '$work/s1')\" ] && [ \"\$(steps '$work/s1')\" = \"\$(steps '$work/s2')\" ]"
done
run export --format kuzu -o "$work/kuzu-a" "$data"
run export --format kuzu -o "$work/kuzu-b" -g "$snap"
check "export kuzu -g: the same folder" diff -r "$work/kuzu-a" "$work/kuzu-b"

# The same datasets give the same file.
run build "$data" -o "$work/again.jg"
check "build twice: byte-identical snapshots" cmp -s "$snap" "$work/again.jg"
# The files named one by one, in the order the folder gives them: the same graph, the same file.
run build $(ls "$data"/*.json) -o "$work/named.jg"
check "build from the files named one by one: byte-identical" cmp -s "$snap" "$work/named.jg"

# Bad snapshots and bad arguments.
run stats -g "$work/none.jg"
check "a missing snapshot: exit non-zero" test "$code" -ne 0
check "a missing snapshot: file: error: cannot open" has "$work/none.jg: error: cannot open" "$err"
run stats -g "$data/orange.json"
check "a dataset given as snapshot: exit non-zero" test "$code" -ne 0
check "a dataset given as snapshot: not a jurigraph snapshot" has "not a jurigraph snapshot" "$err"
head -c 5000 "$snap" >"$work/cut.jg"
run stats -g "$work/cut.jg"
check "a truncated snapshot: exit non-zero" test "$code" -ne 0
check "a truncated snapshot: says truncated" has "truncated" "$err"
cp "$snap" "$work/flipped.jg"
size=$(stat -c %s "$snap")
printf '\xff' | dd of="$work/flipped.jg" bs=1 seek=$((size / 2)) conv=notrunc status=none
run query 'MATCH (n) RETURN count(*)' -g "$work/flipped.jg"
check "a flipped byte: exit non-zero" test "$code" -ne 0
check "a flipped byte: the checksum of a section does not match" has "does not match: the file is corrupt" "$err"
# A byte flipped in the planner's counts, the last section (its directory entry is the 21st:
# 48 bytes of header, then 32 a section, the offset 8 bytes into it).
counts_at=$(od -An -t u8 -j $((48 + 20 * 32 + 8)) -N 8 "$snap" | tr -d ' ')
cp "$snap" "$work/counts.jg"
printf '\x55' | dd of="$work/counts.jg" bs=1 seek=$((counts_at + 3)) conv=notrunc status=none
run query 'RETURN 1' -g "$work/counts.jg"
check "a flipped byte in the counts: exit non-zero" test "$code" -ne 0
check "a flipped byte in the counts: names the section" \
  has "$work/counts.jg: error: cannot open the graph snapshot: the checksum of section relation_counts does not match" "$err"
# A snapshot of the previous format version (tests/data/snapshot/version-1.jg).
run stats -g "$root/tests/data/snapshot/version-1.jg"
check "a version 1 snapshot: exit non-zero" test "$code" -ne 0
check "a version 1 snapshot: names both versions and what to do" \
  has "version-1.jg: error: cannot open the graph snapshot: snapshot format version 1, this jurigraph reads version 5; rebuild it with" "$err"
run stats -g "$snap" "$data"
check "-g and dataset paths together: usage error" test "$code" -ne 0
run query 'MATCH (n) RETURN count(*)' -g "$snap" "$data"
check "query -g with dataset paths: usage error" has "not both" "$err"
run build "$data"
check "build without -o: exit non-zero" test "$code" -ne 0
run build "$data" -o "$work/no-such-folder/g.jg"
check "build into a missing folder: exit non-zero" test "$code" -ne 0
check "build into a missing folder: names the path" has "$work/no-such-folder/g.jg" "$err"
mkdir -p "$work/bad"
printf '{"decisions": [' >"$work/bad/broken.json"
cp "$snap" "$work/kept.jg"
run build "$work/bad" -o "$work/kept.jg"
check "build from a broken dataset: exit non-zero" test "$code" -ne 0
check "build from a broken dataset: the previous snapshot is untouched" cmp -s "$snap" "$work/kept.jg"
check "no temporary file is left beside it" test "$(ls -A "$work" | grep -c '^\.\|tmp')" -eq 0

finish
