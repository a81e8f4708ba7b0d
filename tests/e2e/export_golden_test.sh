#!/usr/bin/env bash
# Golden files of every exporter on the shipped datasets and the CLI fixture, checked byte for
# byte; determinism across runs and input order; every DOT read back by Graphviz with its node
# and edge counts; the example diagrams of viz/ not stale; bad export and render input.
# Usage: export_golden_test.sh JURIGRAPH REPO_ROOT
# With JURIGRAPH_UPDATE_GOLDEN=1 the golden files are rewritten instead (review the diff).
set -u
jg=$1
root=$2
data=$root/datasets
fixture=$root/tests/data/cli/chain.json
golden=$root/tests/golden
source "$(dirname "$0")/lib.sh"
update=${JURIGRAPH_UPDATE_GOLDEN:-0}

golden_check() {  # golden_check NAME FILE: FILE equals tests/golden/NAME
  if [ "$update" = 1 ]; then
    cp "$2" "$golden/$1"
  fi
  check "golden $1" cmp -s "$2" "$golden/$1"
  cmp -s "$2" "$golden/$1" || diff "$golden/$1" "$2" | head -20
}

# --- golden files -----------------------------------------------------------------------------
for format in dot jsonld nquads graphml; do
  ext=$format
  [ "$format" = nquads ] && ext=nq
  run export --format "$format" -o "$work/seed.$ext" "$data"
  check "export $format datasets: exit 0" test "$code" -eq 0
  golden_check "seed.$ext" "$work/seed.$ext"
  run export --format "$format" -o "$work/fixture.$ext" "$fixture"
  golden_check "fixture.$ext" "$work/fixture.$ext"
  # The same graph from the files in the opposite order, and a second run: the same bytes.
  mapfile -t files < <(ls "$data"/*.json | sort -r)
  run export --format "$format" "${files[@]}"
  check "export $format: same bytes from files in reverse order" cmp -s "$work/out" "$work/seed.$ext"
done
# The Kuzu export is a folder: every file of it (manifest.json included) against
# tests/golden/seed-kuzu/, and the same bytes from the files in reverse order.
run export --format kuzu -o "$work/seed-kuzu" "$data"
check "export kuzu datasets: exit 0" test "$code" -eq 0
if [ "$update" = 1 ]; then
  rm -rf "$golden/seed-kuzu"
  cp -r "$work/seed-kuzu" "$golden/seed-kuzu"
fi
check "golden seed-kuzu/" diff -r "$golden/seed-kuzu" "$work/seed-kuzu"
mapfile -t files < <(ls "$data"/*.json | sort -r)
run export --format kuzu -o "$work/seed-kuzu-reversed" "${files[@]}"
check "export kuzu: same files from files in reverse order" diff -r "$work/seed-kuzu" "$work/seed-kuzu-reversed"
# --- Neo4j exports: the neo4j-csv folder file by file, and the cypher script ---------------------
run export --format neo4j-csv -o "$work/seed-neo4j" "$data"
check "export neo4j-csv datasets: exit 0" test "$code" -eq 0
for f in "$work/seed-neo4j"/*; do
  golden_check "seed-neo4j/$(basename "$f")" "$f"
done
check "golden seed-neo4j: the same files" test "$(ls "$work/seed-neo4j")" = "$(ls "$golden/seed-neo4j")"
run export --format cypher -o "$work/seed.cypher" "$data"
check "export cypher datasets: exit 0" test "$code" -eq 0
golden_check "seed.cypher" "$work/seed.cypher"
run export --format ntriples "$data"
check "ntriples: the N-Quads, every triple being in the default graph" cmp -s "$work/out" "$work/seed.nq"
run export --format dot --base-iri https://data.example.net/x/ "$data"
check "export dot ignores --base-iri" cmp -s "$work/out" "$work/seed.dot"
run path Orange "Conseil d'Etat" "$data" --format dot
golden_check "path-orange-conseil-etat.dot" "$work/out"
cp "$work/out" "$work/path.dot"
run path Orange "Conseil d'Etat" "$data" --format json
golden_check "path-orange-conseil-etat.json" "$work/out"

# --- DOT read back by Graphviz ------------------------------------------------------------------
dot_counts() { gc -n -e "$1" | awk '{print $1, $2}'; }  # "NODES EDGES"
for f in "$work/seed.dot" "$work/fixture.dot" "$work/path.dot"; do
  check "dot -Tsvg reads $(basename "$f")" sh -c "dot -Tsvg '$f' > '$f.svg' && grep -q '</svg>' '$f.svg'"
done
run export --format dot --no-legend "$data"
printf '%s\n' "$out" >"$work/bare.dot"
run stats --format json "$data"
expected=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["nodes"], d["relationships"])' <<<"$out")
check "seed DOT has the graph's $expected nodes and edges" test "$(dot_counts "$work/bare.dot")" = "$expected"
check "seed DOT is 127 nodes and 206 edges" test "$expected" = "127 206"
# 4 nodes and 3 edges, and a legend of 3 labels and 3 relationship types (2 points, 1 edge each).
check "path DOT: 4 + 9 legend nodes, 3 + 3 legend edges" test "$(dot_counts "$work/path.dot")" = "13 6"
check "DOT keeps accents" grep -q "Conseil d'État" "$work/seed.dot"

# --- example diagrams -----------------------------------------------------------------------------
"$root/scripts/render-examples.sh" "$jg" "$work/viz" >/dev/null 2>&1
for f in orange-chain.svg orange-path.svg seed-graph.svg; do
  if [ "$update" = 1 ]; then cp "$work/viz/$f" "$root/viz/$f"; fi
  check "viz/$f is up to date (scripts/render-examples.sh)" cmp -s "$work/viz/$f" "$root/viz/$f"
done
svg_nodes() { grep -c 'class="node"' "$1"; }
svg_edges() { grep -c 'class="edge"' "$1"; }
# Legend: one node per label present and two points per relationship type present.
check "orange-chain.svg: 7 nodes + 4 labels + 2x5 legend points" test "$(svg_nodes "$root/viz/orange-chain.svg")" -eq 21
check "orange-chain.svg: 7 edges + 5 legend edges" test "$(svg_edges "$root/viz/orange-chain.svg")" -eq 12
check "orange-path.svg: 6 nodes, 5 edges (+ legend)" test "$(svg_edges "$root/viz/orange-path.svg")" -eq $((5 + 4))

# --- bad input ----------------------------------------------------------------------------------
run export --format turtle "$data"
check "export unknown format: exit 2" test "$code" -eq 2
check "export unknown format: names it" has "turtle" "$err"
run render --layout circo -o "$work/x.svg" "$data"
check "render unknown layout: exit 2" test "$code" -eq 2
run render -o "$work/x.gif" "$data"
check "render unknown extension: exit 2" test "$code" -eq 2
check "render unknown extension: says which" has ".svg, .png or .pdf" "$err"
run render --focus "Nobody At All" -o "$work/x.svg" "$data"
check "render unknown focus: exit 3" test "$code" -eq 3
check "render unknown focus: names the option" has "--focus" "$err"
check "render unknown focus: nothing written" test ! -e "$work/x.svg"
run export --format nquads --base-iri "urn:x" "$data"
check "export bad --base-iri: exit 2" test "$code" -eq 2
mkdir -p "$work/ro"
echo previous >"$work/ro/graph.nq"
chmod 555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
  run export --format nquads -o "$work/ro/graph.nq" "$data"
  check "export into a read-only folder: exit 4" test "$code" -eq 4
  check "export into a read-only folder: previous file intact" test "$(cat "$work/ro/graph.nq")" = previous
fi
chmod 755 "$work/ro"
run export --format nquads -o "$work/missing/graph.nq" "$data"
check "export into a missing folder: exit 4" test "$code" -eq 4
check "export into a missing folder: names the folder" has "missing" "$err"
# A full disk: /dev/full accepts the open and fails the write.
if [ -w /dev/full ]; then
  run export --format nquads -o /dev/full/x.nq "$data"
  check "export to an impossible path: non-zero exit" test "$code" -ne 0
fi
check "no temporary file left behind" test -z "$(find "$work" -name '.*.tmp-*')"
finish
