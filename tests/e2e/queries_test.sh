#!/usr/bin/env bash
# The research questions of queries/ answered on the shipped datasets: each query's CSV output
# must equal its expected result in tests/queries/ (derived by hand from the dataset files),
# and each must run within the time a researcher expects at a prompt. Then the query command's
# other formats, parameters and errors.
# Usage: queries_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
data=$root/datasets
source "$(dirname "$0")/lib.sh"

for q in "$root"/queries/*.cypher; do
  name=$(basename "$q" .cypher)
  expected=$root/tests/queries/$name.csv
  check "$name has an expected result" test -f "$expected"
  run query -f "$q" --format csv "$data"
  check "$name: exit 0" test "$code" -eq 0
  [ "$code" -eq 0 ] || echo "$err" | head -5
  tr -d '\r' <"$work/out" >"$work/got.csv"
  if check "$name: rows as expected" cmp -s "$work/got.csv" "$expected"; then :; else
    diff "$expected" "$work/got.csv" | head -10
  fi
done
for e in "$root"/tests/queries/*.csv; do
  check "$(basename "$e") belongs to a query" test -f "$root/queries/$(basename "$e" .csv).cypher"
done

# --- formats and parameters ----------------------------------------------------------------------
q13=$root/queries/13-orange-case.cypher
run query "MATCH (c:Company {name: \$name})<-[:AGAINST]-(d:Decision) WHERE d.number IS NOT NULL RETURN d.number AS n ORDER BY n" --param "name=Optical Center" --format csv "$data"
check "--param a plain string" test "$(tr -d '\r' <"$work/out" | tr '\n' ' ')" = "n 2015-379 2018-002 SAN-2021-001 "
run query "RETURN \$x + 1 AS y, \$s AS s" --param x=41 --param s=2018-05-25 --format json "$data"
check "--param typed: integer, and a date-like string stays a string" has '"rows":[[42,"2018-05-25"]]' "$out"
run query "MATCH p = (c:Company {name: 'Orange'})<-[:AGAINST]-(:Decision) RETURN p" --format dot "$data"
check "--format dot: the path's subgraph" sh -c "grep -q 'company:orange' '$work/out' && dot -Tsvg '$work/out' >/dev/null"
run query "MATCH (c:Company {name: 'Orange'}) RETURN c" --format jsonld "$data"
check "--format jsonld: the node" has '"@id":"https://w3id.org/jurigraph/id/company/orange"' "$out"
run query "MATCH (c:Company) RETURN count(*) AS companies" "$data"
check "--format table (default)" has "(1 row)" "$out"
run query "MATCH (c:Company) RETURN count(*) AS companies" --stats "$data"
check "--stats: rows and steps on stderr, result unchanged" sh -c "echo '$err' | grep -Eq '^1 row, [1-9][0-9]* steps .*, [0-9.]+ ms$' && grep -q '(1 row)' '$work/out'"
run query -f "$q13" --format csv -o "$work/q13.csv" "$data"
check "-o writes the file" test -s "$work/q13.csv"

# --- errors --------------------------------------------------------------------------------------
run query "MATCH (c:Compnay) RETURN c" "$data"
check "unknown label: exit 2" test "$code" -eq 2
check "unknown label: position and suggestion" has "query:1:10: error: unknown label :Compnay; did you mean :Company?" "$err"
printf 'MATCH (c:Company)\nRETURN c.name AS n,\n' >"$work/bad.cypher"
run query -f "$work/bad.cypher" "$data"
check "syntax error in a file: file:line:col" has "bad.cypher:2:" "$err"
run query "CREATE (n:Company {name: 'X'}) RETURN n" "$data"
check "write clause: read-only" has "read-only" "$err"
run query "MATCH p=()-[*]-() RETURN p" --max-rows 1000 "$data"
check "adversarial query: bounded by --max-rows" test "$code" -ne 0
check "adversarial query: says which bound" has "--max-rows" "$err"
run query "RETURN 1" --param "novalue" "$data"
check "--param without =: exit 2" test "$code" -eq 2
run query "RETURN \$missing AS m" "$data"
check "missing parameter: exit 2" test "$code" -eq 2
run query -f "$work/none.cypher" "$data"
check "missing query file: exit 1" test "$code" -eq 1
run query "RETURN 1 AS one" --format xml "$data"
check "unknown format: exit 2" test "$code" -eq 2
run query "MATCH (c:Company) RETURN c.name" -o "$work/no/such/dir/out.csv" --format csv "$data"
check "unwritable output: exit 4" test "$code" -eq 4
finish
