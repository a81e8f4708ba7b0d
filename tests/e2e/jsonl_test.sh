#!/usr/bin/env bash
# End-to-end tests of JSON Lines datasets: generate --format jsonl, the same answers as the JSON
# file, file:line:col diagnostics with the pointer inside the record, folders searched for
# *.jsonl and *.ndjson, and the progress bar (on a terminal only, never with --quiet).
# Usage: jsonl_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
source "$(dirname "$0")/lib.sh"

# --- generate -------------------------------------------------------------------------------
run generate --decisions 2000 --seed 3 --format jsonl -o "$work/g.jsonl"
check "generate jsonl: exit 0" test "$code" -eq 0
check "generate jsonl: one record a line" test "$(wc -l <"$work/g.jsonl")" -eq "$(grep -c '^{"' "$work/g.jsonl")"
check "generate jsonl: decisions" test "$(grep -c '^{"decision":' "$work/g.jsonl")" -eq 2000
run generate --decisions 2000 --seed 3 -o "$work/g.json"
check "generate json stays the default" has '{"dataset":' "$(head -c 20 "$work/g.json")"
run generate --decisions 10 --format xml -o "$work/x"
check "generate unknown format: exit 2" test "$code" -eq 2
run generate --decisions 2000 --seed 3 -o "$work/named.jsonl"
check "generate to a .jsonl name writes JSON Lines" cmp -s "$work/named.jsonl" "$work/g.jsonl"
run generate --decisions 10 --format json -o "$work/contradicted.jsonl"
check "generate --format json to a .jsonl name: exit 2" test "$code" -eq 2
check "generate --format json to a .jsonl name: says why" has "read a file named so as JSON Lines" "$err"
check "generate --format json to a .jsonl name: nothing written" test ! -e "$work/contradicted.jsonl"
run generate --decisions 10 --format jsonl -o "$work/contradicted.json"
check "generate --format jsonl to a .json name: exit 2" test "$code" -eq 2

# --- same answers as the JSON file ----------------------------------------------------------
run stats "$work/g.json" --format json
json_stats=$out
run stats "$work/g.jsonl" --format json
check "stats jsonl: exit 0" test "$code" -eq 0
check "stats jsonl = stats json" test "$out" = "$json_stats"
run query "MATCH (d:Decision)-[:APPEAL_OF]->(e) RETURN count(*) AS n" "$work/g.jsonl"
jsonl_count=$out
run query "MATCH (d:Decision)-[:APPEAL_OF]->(e) RETURN count(*) AS n" "$work/g.json"
check "query jsonl = query json" test "$out" = "$jsonl_count"
mkdir -p "$work/folder/sub"
cp "$work/g.jsonl" "$work/folder/sub/g.ndjson"
run validate "$work/folder"
check "folder searched for *.ndjson" has "1 file(s): 1 valid" "$out"

# --- diagnostics ----------------------------------------------------------------------------
{
  head -n 400 "$work/g.jsonl"
  echo '{"decision": {"id": "decision:bad", "kind": "sanction", "issued_by": "authority:a0", "amount": -5, "currency": "EUR", "sources": ["gen"]}}'
  echo '{"decision": {"id": "decision:worse",, }}'
  echo ''
  echo '{"decision": {"id": "decision:late", "kind": "ruling", "issued_by": "court:k0", "date": "2019-02-30", "sources": ["gen"]}}'
} >"$work/bad.jsonl"
run validate "$work/bad.jsonl"
check "validate bad jsonl: exit 1" test "$code" -eq 1
check "schema error: line, column, pointer in the record" has 'bad.jsonl:401:96: error: negative value for "amount": expected 0 or more (at /decision/amount)' "$err"
check "malformed line: line and column" has "bad.jsonl:402:38: error: malformed JSON: missing a name for object member" "$err"
check "lines after a malformed one still checked" has 'bad.jsonl:404:89: error: invalid date "2019-02-30": no such day in the calendar (at /decision/date)' "$err"
check "source line and caret" grep -qE '^ +\^$' <<<"$err"

# --- progress bar ---------------------------------------------------------------------------
# The bar is drawn once a load has lasted 100 ms: a file that takes well over that to load. The
# sanitizer build (JURIGRAPH_SANITIZED=1, set by ctest there) loads about four times slower: a
# tenth of the records still takes over a second of CPU there. The checks of a drawn bar show
# that the loads lasted long enough for the checks of no bar to mean something.
big=150000
[ "${JURIGRAPH_SANITIZED:-0}" = 1 ] && big=15000
run generate --decisions "$big" --format jsonl -o "$work/big.jsonl"
run stats "$work/big.jsonl"
check "not a terminal: no progress" test "$(grep -c 'records/s' <<<"$err")" -eq 0
if command -v script >/dev/null; then
  script -qec "$jg stats $work/big.jsonl >/dev/null" /dev/null >"$work/tty" 2>&1
  check "terminal: progress bar with records/s and MB/s" grep -q "records/s.*MB/s" "$work/tty"
  script -qec "$jg stats --quiet $work/big.jsonl >/dev/null" /dev/null >"$work/tty-quiet" 2>&1
  check "terminal with --quiet: no progress" test "$(grep -c 'records/s' "$work/tty-quiet")" -eq 0
  script -qec "$jg query 'MATCH (n) RETURN count(*)' $work/big.jsonl >/dev/null" /dev/null >"$work/tty-query" 2>&1
  check "query on a terminal: progress" grep -q 'records/s' "$work/tty-query"
  script -qec "$jg query --quiet 'MATCH (n) RETURN count(*)' $work/big.jsonl >/dev/null" /dev/null >"$work/tty-query-quiet" 2>&1
  check "query --quiet on a terminal: no progress" test "$(grep -c 'records/s' "$work/tty-query-quiet")" -eq 0
else
  echo "skip terminal checks: no script(1)"
fi

finish
