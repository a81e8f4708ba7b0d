#!/usr/bin/env bash
# build --update through the CLI: new datasets added to a snapshot give the file a build of all
# the inputs gives (generated data), or the same answers (the seed datasets); a new file that
# breaks the rules between files is refused as in a build, and the snapshot is left as it was;
# bad snapshots and arguments give `file: error: …` and a non-zero exit.
# Usage: snapshot_update_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
source "$(dirname "$0")/lib.sh"
data=$root/datasets

# Generated data. Another seed numbers its decisions from 0 too: renamed, they are new decisions
# about the same entities (company:c0…, authority:a0…), which merge.
"$jg" generate --decisions 300 --seed 1 --format jsonl -o "$work/old.jsonl" >/dev/null
"$jg" generate --decisions 60 --seed 2 --format jsonl -o "$work/other-seed.jsonl" >/dev/null
# update.jsonl sorts after old.jsonl: a build reads its files in path order, an update the
# snapshot first, so the build of both it is compared with reads old.jsonl first too.
sed 's/"decision:d/"decision:n/g' "$work/other-seed.jsonl" >"$work/update.jsonl"
"$jg" build "$work/old.jsonl" -o "$work/old.jg" >/dev/null
"$jg" build "$work/old.jsonl" "$work/update.jsonl" -o "$work/full.jg" >/dev/null

cp "$work/old.jg" "$work/g.jg"
run build --update "$work/g.jg" "$work/update.jsonl"
check "update in place: exit 0" test "$code" -eq 0
check "update in place: says what it wrote and what the snapshot had" \
  has "wrote $work/g.jg: " "$out"
check "update in place: the counts before" has "($work/g.jg had " "$out"
check "update in place: byte-identical to a build of both" cmp -s "$work/g.jg" "$work/full.jg"
run stats -g "$work/g.jg"
check "the updated snapshot opens" test "$code" -eq 0

run build --update "$work/old.jg" "$work/update.jsonl" -o "$work/out.jg"
check "update -o: exit 0" test "$code" -eq 0
check "update -o: byte-identical to a build of both" cmp -s "$work/out.jg" "$work/full.jg"
"$jg" build "$work/old.jsonl" -o "$work/old-again.jg" >/dev/null
check "update -o: the snapshot is untouched" cmp -s "$work/old.jg" "$work/old-again.jg"

# Two seeds without renaming: every decision of the second is one the snapshot holds.
cp "$work/old.jg" "$work/kept.jg"
run build --update "$work/kept.jg" "$work/other-seed.jsonl"
check "a file redefining the snapshot's decisions: exit 1" test "$code" -eq 1
check "… the error of a build, naming the snapshot" \
  has "$work/other-seed.jsonl:408:19: error: duplicate decision id \"decision:d0\", already defined at $work/kept.jg (at /decision/id)" "$err"
check "… says nothing was written" has "nothing was written, $work/kept.jg is unchanged" "$err"
check "… the snapshot is unchanged" cmp -s "$work/kept.jg" "$work/old.jg"
"$jg" build "$work/old.jsonl" "$work/other-seed.jsonl" -o "$work/both.jg" >/dev/null 2>"$work/build-err"
check "… as a build of both refuses it" has "duplicate decision id \"decision:d0\"" "$(cat "$work/build-err")"
run build --update "$work/kept.jg" "$work/other-seed.jsonl" "$work/update.jsonl" --keep-going -o "$work/kept-going.jg"
check "--keep-going: exit 1" test "$code" -eq 1
check "--keep-going: the file with errors is left out" has "those files were left out" "$err"
check "--keep-going: the good file is added" cmp -s "$work/kept-going.jg" "$work/full.jg"

# The seed datasets, one file added to a snapshot of the others: the same answers as a build of
# all of them (kaspr.json brings claims; added after it, zoom.json meets the snapshot's claims).
seed_split() {  # seed_split FILE NODE...: FILE added; `show` of each NODE compared too
  local added=$1
  shift
  local others=()
  for f in "$data"/*.json; do
    [ "$(basename "$f")" = "$added" ] || others+=("$f")
  done
  "$jg" build "${others[@]}" -o "$work/seeds.jg" >/dev/null
  run build --update "$work/seeds.jg" "$data/$added"
  check "$added added to the other seed datasets: exit 0" test "$code" -eq 0
  "$jg" build "${others[@]}" "$data/$added" -o "$work/seeds-full.jg" >/dev/null
  same() {  # same ARGS...: the command answers alike from the updated and the built snapshot
    "$jg" "$@" -g "$work/seeds.jg" >"$work/a" 2>&1
    "$jg" "$@" -g "$work/seeds-full.jg" >"$work/b" 2>&1
    check "$added added: $* alike" cmp -s "$work/a" "$work/b"
  }
  same stats --format json
  same export --format nquads
  same export --format graphml
  same query 'MATCH (d:Decision)-[r]->(n) RETURN d.id, d.name, type(r), n.id ORDER BY d.id, type(r), n.id'
  for node in "$@"; do
    same show "$node" --format json
  done
}
seed_split kaspr.json decision:cnil-kaspr company:kaspr
seed_split zoom.json decision:cnil-kaspr

# An APPEAL_OF cycle closed by one of the snapshot's own edges rejects the snapshot: no update.
cat >"$work/appeals.json" <<'JSON'
{"sources": {"s": {"url": "https://example.org/s"}},
 "entities": [{"id": "authority:dpa", "label": "Authority", "name": "DPA", "sources": ["s"]}],
 "decisions": [
   {"id": "decision:one", "kind": "sanction", "issued_by": "authority:dpa", "sources": ["s"]},
   {"id": "decision:two", "kind": "ruling", "issued_by": "authority:dpa", "sources": ["s"],
    "appeal_of": [{"decision": "decision:one", "outcome": "confirmed"}]}]}
JSON
cat >"$work/cycle.json" <<'JSON'
{"sources": {"s": {"url": "https://example.org/s"}},
 "relations": [{"type": "APPEAL_OF", "from": "decision:one", "to": "decision:two", "sources": ["s"]}]}
JSON
"$jg" build "$work/appeals.json" -o "$work/appeals.jg" >/dev/null
cp "$work/appeals.jg" "$work/appeals-before.jg"
run build --update "$work/appeals.jg" "$work/cycle.json" --keep-going
check "a cycle through the snapshot's decisions: exit 1, even with --keep-going" test "$code" -eq 1
check "… names the cycle" has "APPEAL_OF cycle" "$err"
check "… says nothing was written" has "close an APPEAL_OF cycle through decisions of $work/appeals.jg; nothing was written" "$err"
check "… the snapshot is unchanged" cmp -s "$work/appeals.jg" "$work/appeals-before.jg"

# Bad snapshots and arguments.
run build --update "$work/none.jg" "$work/update.jsonl"
check "a missing snapshot: exit 1" test "$code" -eq 1
check "a missing snapshot: file: error: cannot open" has "$work/none.jg: error: cannot open" "$err"
head -c 5000 "$work/old.jg" >"$work/cut.jg"
run build --update "$work/cut.jg" "$work/update.jsonl"
check "a truncated snapshot: exit 1" test "$code" -eq 1
check "a truncated snapshot: says truncated" has "$work/cut.jg: error: cannot open the graph snapshot: truncated" "$err"
check "a truncated snapshot: left as it was" test "$(stat -c %s "$work/cut.jg")" -eq 5000
run build --update "$data/kaspr.json" "$work/update.jsonl"
check "a dataset given as the snapshot: refused" has "not a jurigraph snapshot" "$err"
run build --update "$work/old.jg" "$work/missing.jsonl"
check "a missing new file: exit 1" test "$code" -eq 1
check "a missing new file: file: error" has "$work/missing.jsonl: error: no such file or directory" "$err"
check "a missing new file: the snapshot is unchanged" cmp -s "$work/old.jg" "$work/old-again.jg"
run build --update "$work/old.jg"
check "no new file: usage error (exit 2)" test "$code" -eq 2
check "no new file: says so" has "$work/old.jg: error: no datasets to add" "$err"
run build "$work/old.jsonl"
check "build without -o nor --update: usage error (exit 2)" test "$code" -eq 2
check "build without -o: says so" has "give the snapshot to write with -o FILE" "$err"
run build --update "$work/old.jg" "$work/update.jsonl" -o "$work/no-such-folder/g.jg"
check "an output that cannot be written: exit 4" test "$code" -eq 4
check "no temporary file is left beside the snapshots" \
  test "$(ls -A "$work" | grep -c '^\.\|tmp')" -eq 0

finish
