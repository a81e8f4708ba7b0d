#!/usr/bin/env bash
# The GraphML export read by the graph tools users run, NetworkX and igraph: each must see
# jurigraph's own answers — node and edge counts (stats), nodes per label and relationships per
# type (Cypher), fine totals (stats: numbers read back exactly) and shortest paths (path, with
# direction ignored, hop by hop) — on the shipped datasets and on the CLI fixture; and the
# check does fail on a GraphML with one edge removed or one label changed.
# Usage: graph_tools_test.sh JURIGRAPH REPO_ROOT
# Needs Debian's /usr/bin/python3 with python3-networkx and python3-igraph (scripts/setup.sh
# installs them); exits 77 (skipped) without them.
set -u
jg=$1
root=$2
checker=$root/tests/graph_tools/graphml_check.py
source "$(dirname "$0")/lib.sh"

if ! /usr/bin/python3 -c "import networkx, igraph" 2>/dev/null; then
  echo "skipped: /usr/bin/python3 lacks networkx or igraph (run scripts/setup.sh)"
  exit 77
fi

# expect NAME DATA 'FROM TO'...: exports DATA as $work/NAME.graphml and gathers jurigraph's answers
# for it in $work/NAME.*; sets $answers to the checker's arguments. Each 'FROM TO' pair (node ids)
# is answered by `jurigraph path`: a path (its JSON) or none (exit 5).
expect() {
  local name=$1 data=$2
  shift 2
  run export --format graphml -o "$work/$name.graphml" "$data"
  check "$name: export graphml, exit 0" test "$code" -eq 0
  run stats --format json "$data"
  cp "$work/out" "$work/$name.stats.json"
  run query "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS count" --format csv "$data"
  cp "$work/out" "$work/$name.labels.csv"
  run query "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count" --format csv "$data"
  cp "$work/out" "$work/$name.types.csv"
  answers=(--stats "$work/$name.stats.json" --labels "$work/$name.labels.csv" --types "$work/$name.types.csv")
  local pair from to k=0
  for pair in "$@"; do
    from=${pair% *}
    to=${pair#* }
    k=$((k + 1))
    run path "$from" "$to" "$data" --format json
    if [ "$code" -eq 0 ]; then
      cp "$work/out" "$work/$name.path$k.json"
      answers+=(--path "$from" "$to" "$work/$name.path$k.json")
    else
      check "$name: path $from $to: a path or none (exit 0 or 5)" test "$code" -eq 5
      answers+=(--path "$from" "$to" none)
    fi
  done
}

# checked NAME READER GRAPHML [FAILURES]: runs the checker with $answers, its output indented
# (only its failures when asked) and kept in $work/NAME.READER.log; sets $code.
checked() {
  local name=$1 reader=$2 graphml=$3 only=${4:-}
  /usr/bin/python3 "$checker" "$reader" "$graphml" "${answers[@]}" >"$work/$name.$reader.log" 2>&1
  code=$?
  if [ -n "$only" ]; then
    grep '^FAIL' "$work/$name.$reader.log" | sed 's/^/    /'
  else
    sed 's/^/    /' "$work/$name.$reader.log"
  fi
}
logged() { grep -qF -- "$2" "$work/$1.log"; }

# --- the shipped datasets and the fixture, read by both tools ---------------------------------
# Seed pairs: the Orange case to the Conseil d'État (3 hops), Gutenberg's unnamed subcontractor
# to it (5), Zoom to Orange through the CNIL (6), Darty to Orange (4, two ways), Kaspr to the
# CNIL (2).
expect seed "$root/datasets" \
  "company:orange court:fr-conseil-etat" \
  "company:gutenberg-unnamed-subcontractor court:fr-conseil-etat" \
  "company:zoom company:orange" \
  "company:darty company:orange" \
  "company:kaspr authority:fr-cnil"
seed_answers=("${answers[@]}")
for reader in networkx igraph; do
  checked seed "$reader" "$work/seed.graphml"
  check "seed: $reader sees jurigraph's graph" test "$code" -eq 0
done
check "seed: 5 paths compared" test "$(grep -c '^ok   networkx: shortest path' "$work/seed.networkx.log")" -eq 5

# Fixture pairs: a 5-hop chain, a 1-hop pair, and Lonely, which no path reaches.
expect fixture "$root/tests/data/cli/chain.json" \
  "company:hidden-host court:supreme" \
  "company:acme decision:dpa-1" \
  "company:lonely company:acme"
for reader in networkx igraph; do
  checked fixture "$reader" "$work/fixture.graphml"
  check "fixture: $reader sees jurigraph's graph" test "$code" -eq 0
done
check "fixture: the no-path pair was checked" logged fixture.igraph "ok   igraph: no path company:lonely - company:acme"

# --- the check can fail ---------------------------------------------------------------------------
# One <edge> element less, and one Company relabelled Court: both tools must notice.
/usr/bin/python3 - "$work/seed.graphml" "$work/one-edge-less.graphml" "$work/relabelled.graphml" <<'EOF'
import re, sys
src, no_edge, relabelled = sys.argv[1:]
text = open(src, encoding="utf-8").read()
edge = re.compile(r"    <edge id=\"e0\".*?</edge>\n", re.S)
assert edge.search(text)
open(no_edge, "w", encoding="utf-8").write(edge.sub("", text, count=1))
label = '<data key="n_label">Company</data>'
assert label in text
open(relabelled, "w", encoding="utf-8").write(text.replace(label, '<data key="n_label">Court</data>', 1))
EOF
answers=("${seed_answers[@]}")
for reader in networkx igraph; do
  checked one-edge-less "$reader" "$work/one-edge-less.graphml" failures
  check "one edge removed: $reader check fails" test "$code" -eq 1
  check "one edge removed: $reader says the edge count differs" logged "one-edge-less.$reader" "FAIL $reader: edges = stats"
  checked relabelled "$reader" "$work/relabelled.graphml" failures
  check "one label changed: $reader check fails" test "$code" -eq 1
  check "one label changed: $reader says the label counts differ" logged "relabelled.$reader" "FAIL $reader: nodes per label = Cypher"
done
finish
