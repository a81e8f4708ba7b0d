#!/usr/bin/env bash
# End-to-end test of the N-Quads export in a real triple store: Oxigraph (npm package, WebAssembly)
# loads the export of the shipped datasets, and the SPARQL versions of the research questions
# (queries/sparql/*.rq) must give, rendered as jurigraph's CSV, exactly the expected answers of
# the Cypher questions (tests/queries/*.csv) and exactly what jurigraph's own Cypher engine
# answers now. Then the check is shown to fail: on an expected answer with one row changed, one
# row missing, two rows swapped, and on an export with a duplicated line.
# Usage: sparql_test.sh JURIGRAPH REPO_ROOT
# Needs node with tests/sparql/node_modules (npm ci there, as scripts/setup.sh does); exits 77
# (skipped) without them.
set -u
jg=$1
root=$2
sp=$root/tests/sparql
rq=$root/queries/sparql

if ! command -v node >/dev/null; then
  echo "skipped: node is not installed"
  exit 77
fi
if [ ! -f "$sp/node_modules/oxigraph/package.json" ]; then
  echo "skipped: oxigraph is not installed in tests/sparql (run npm ci there, or scripts/setup.sh)"
  exit 77
fi
source "$(dirname "$0")/lib.sh"

# checker NAME NQ EXPECTED_DIR [RQ_DIR]: runs oxigraph_check.js, kept in $work/NAME.log; sets
# $code. Prints its output indented: all of it, or with show=failures only what is not "ok".
show=all
checker() {
  local name=$1 nq=$2 expected=$3 queries=${4:-$rq}
  node "$sp/oxigraph_check.js" "$nq" "$queries" "$expected" "$root/queries" >"$work/$name.log" 2>&1
  code=$?
  if [ "$show" = all ]; then
    sed 's/^/    /' "$work/$name.log"
  else
    grep -v '^ok ' "$work/$name.log" | sed 's/^/    /'
  fi
}
logged() { grep -qF -- "$2" "$work/$1.log"; }

stems=()
for f in "$rq"/*.rq; do
  [ -e "$f" ] && stems+=("$(basename "$f" .rq)")
done
check "at least six SPARQL research questions in queries/sparql (${#stems[@]})" test "${#stems[@]}" -ge 6
for s in "${stems[@]}"; do
  check "$s.rq mirrors a Cypher question with an expected answer" \
    test -f "$root/queries/$s.cypher" -a -f "$root/tests/queries/$s.csv"
done

# --- the export, loaded and queried -----------------------------------------------------------
run export --format nquads -o "$work/datasets.nq" "$root/datasets"
check "export nquads: exit 0" test "$code" -eq 0
lines=$(wc -l <"$work/datasets.nq")
check "N-Quads export not empty ($lines lines)" test "$lines" -gt 0

checker expected "$work/datasets.nq" "$root/tests/queries"
check "Oxigraph answers every question as tests/queries/ expects" test "$code" -eq 0
check "Oxigraph loaded $lines triples, as many as lines in the export" \
  logged expected ": $lines triples loaded from $work/datasets.nq ($lines lines)"
for s in "${stems[@]}"; do
  check "$s: ok" logged expected "ok   $s ("
done
check "summary: ${#stems[@]} queries, all agree" \
  logged expected "${#stems[@]} queries: ${#stems[@]} agree with the expected answers, 0 differ; 0 failure(s)"

# The same questions asked of jurigraph's Cypher engine now (its CSV as written, CRLF included).
mkdir -p "$work/engine"
for s in "${stems[@]}"; do
  run query -f "$root/queries/$s.cypher" --format csv -o "$work/engine/$s.csv" "$root/datasets"
  check "$s: jurigraph's Cypher engine answers (exit 0)" test "$code" -eq 0
done
checker engine "$work/datasets.nq" "$work/engine"
check "Oxigraph answers every question exactly as jurigraph's Cypher engine does" test "$code" -eq 0
check "summary: ${#stems[@]} queries agree with the engine" \
  logged engine "${#stems[@]} queries: ${#stems[@]} agree with the expected answers, 0 differ; 0 failure(s)"

# --- the check can fail -------------------------------------------------------------------------
show=failures
# mutated NAME: a copy of tests/queries in $work/NAME (the caller then changes one file).
mutated() {
  rm -rf "${work:?}/$1"
  cp -r "$root/tests/queries" "$work/$1"
}

# One row changed: the second link of Orange's subcontracting chain said to be 3 hops away.
chain=04-subcontractor-chains
mutated changed-row
sed -i 's/^\(Orange,Unnamed subcontractor of Gutenberg\),2$/\1,3/' "$work/changed-row/$chain.csv"
check "changed row: $chain.csv has one row changed" \
  test "$(diff "$root/tests/queries/$chain.csv" "$work/changed-row/$chain.csv" | grep -c '^[<>]')" -eq 2
checker changed-row "$work/datasets.nq" "$work/changed-row"
check "changed row: the check fails" test "$code" -eq 1
check "changed row: FAIL $chain" logged changed-row "FAIL $chain"
check "changed row: shows the row expected" logged changed-row "expected Orange,Unnamed subcontractor of Gutenberg,3"
check "changed row: shows the row Oxigraph gave" logged changed-row "got      Orange,Unnamed subcontractor of Gutenberg,2"
check "changed row: every other question still ok" \
  test "$(grep -c '^ok   [0-9]' "$work/changed-row.log")" -eq $((${#stems[@]} - 1))

# One row missing: the USD line of the totals per currency.
totals=06-totals-per-currency
mutated missing-row
sed -i '/^USD,/d' "$work/missing-row/$totals.csv"
check "missing row: $totals.csv lost its USD row" test "$(wc -l <"$work/missing-row/$totals.csv")" -eq 2
checker missing-row "$work/datasets.nq" "$work/missing-row"
check "missing row: the check fails" test "$code" -eq 1
check "missing row: FAIL $totals, with the row counts" logged missing-row "rows: expected 1, got 2"

# Two rows swapped in a question with ORDER BY on both sides: order is compared.
appeals=02-appeal-chains
mutated swapped-rows
sed -i '2{h;d};3{G}' "$work/swapped-rows/$appeals.csv"
check "swapped rows: $appeals.csv has the same rows in another order" \
  cmp -s <(sort "$root/tests/queries/$appeals.csv") <(sort "$work/swapped-rows/$appeals.csv")
check "swapped rows: ... but not the same file" \
  test "$(cmp -s "$root/tests/queries/$appeals.csv" "$work/swapped-rows/$appeals.csv"; echo $?)" -eq 1
checker swapped-rows "$work/datasets.nq" "$work/swapped-rows"
check "swapped rows: the check fails (ORDER BY in both queries)" test "$code" -eq 1
check "swapped rows: FAIL $appeals" logged swapped-rows "FAIL $appeals"

# An export with a duplicated line: one triple fewer in the store than lines in the file.
{ cat "$work/datasets.nq"; head -n1 "$work/datasets.nq"; } >"$work/duplicated.nq"
checker duplicated "$work/duplicated.nq" "$root/tests/queries"
check "duplicated line: the check fails" test "$code" -eq 1
check "duplicated line: $lines triples for $((lines + 1)) lines" \
  logged duplicated "FAIL Oxigraph $(node -p "require('$sp/node_modules/oxigraph/package.json').version"): $lines triples loaded from $work/duplicated.nq ($((lines + 1)) lines)"

# A .rq that does not say which Cypher question it mirrors.
mkdir -p "$work/unnamed"
sed '/^#/d' "$rq/${stems[0]}.rq" >"$work/unnamed/${stems[0]}.rq"
checker unnamed "$work/datasets.nq" "$root/tests/queries" "$work/unnamed"
check "a .rq without its # comment naming the Cypher file: the check fails" test "$code" -eq 1

# Without the oxigraph module the checker says so and exits 77 (skipped).
mkdir -p "$work/bare"
cp "$sp/oxigraph_check.js" "$work/bare/"
(cd "$work/bare" && NODE_PATH= node oxigraph_check.js "$work/datasets.nq" "$rq" "$root/tests/queries") >"$work/bare.log" 2>&1
code=$?
check "without the oxigraph module: exit 77" test "$code" -eq 77
check "without the oxigraph module: says so" logged bare "skipped: the oxigraph module is not installed"

finish
