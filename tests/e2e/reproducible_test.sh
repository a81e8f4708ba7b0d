#!/usr/bin/env bash
# Every output format byte-identical (folders: file for file) across two runs, across the order
# of the input files on the command line, and across a snapshot round trip (`build -o g.jg`, then
# `export -g g.jg`): the exports (dot, jsonld, nquads, ntriples, graphml, cypher, neo4j-csv,
# kuzu), the query outputs (table, csv, json, dot, jsonld) and the snapshot itself. The inputs
# are the shipped datasets and tests/data/reproducible, whose two files define one company with
# different names (a merge with claims, where the first file in path order wins).
# Usage: reproducible_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
source "$(dirname "$0")/lib.sh"

mapfile -t forward < <(ls "$root"/datasets/*.json "$root"/tests/data/reproducible/*.json | sort)
mapfile -t reversed < <(printf '%s\n' "${forward[@]}" | sort -r)
# The folders too, in both orders: a folder's files are read in path order among the others.
folders=("$root/tests/data/reproducible" "$root/datasets")

same() {  # same A B: files or folders with the same bytes
  if [ -d "$1" ]; then diff -r "$1" "$2" >/dev/null; else cmp -s "$1" "$2"; fi
}

# The snapshot: from the files in both orders, from the folders, twice.
run build -o "$work/forward.jg" --quiet "${forward[@]}"
check "build forward: exit 0" test "$code" -eq 0
run build -o "$work/again.jg" --quiet "${forward[@]}"
run build -o "$work/reversed.jg" --quiet "${reversed[@]}"
run build -o "$work/folders.jg" --quiet "${folders[@]}"
check "snapshot: same bytes on a second run" same "$work/forward.jg" "$work/again.jg"
check "snapshot: same bytes from the files in reverse order" same "$work/forward.jg" "$work/reversed.jg"
check "snapshot: same bytes from the folders in another order" same "$work/forward.jg" "$work/folders.jg"

# output NAME ARGS...: writes $work/<variant>/NAME for the four variants (-o last).
produce() {
  local name=$1
  shift
  mkdir -p "$work/a" "$work/b" "$work/r" "$work/s"
  "$jg" "$@" -o "$work/a/$name" "${forward[@]}" 2>/dev/null
  "$jg" "$@" -o "$work/b/$name" "${forward[@]}" 2>/dev/null
  "$jg" "$@" -o "$work/r/$name" "${reversed[@]}" 2>/dev/null
  "$jg" "$@" -o "$work/s/$name" -g "$work/reversed.jg" 2>/dev/null
  check "$name: written" test -e "$work/a/$name"
  check "$name: same bytes on a second run" same "$work/a/$name" "$work/b/$name"
  check "$name: same bytes from the files in reverse order" same "$work/a/$name" "$work/r/$name"
  check "$name: same bytes from the snapshot" same "$work/a/$name" "$work/s/$name"
}

for format in dot jsonld nquads ntriples graphml cypher neo4j-csv kuzu; do
  produce "export.$format" export --format "$format"
done
query='MATCH p = (d:Decision)-[:AGAINST]->(c:Company) RETURN p, d, c.name AS name, d.amount AS amount ORDER BY name'
for format in table csv json dot jsonld; do
  produce "query.$format" query "$query" --format "$format"
done
finish
