#!/usr/bin/env bash
# End-to-end tests of `import dila`: a folder of DILA XML (CNIL, JADE, CASS) to JSON Lines and
# to JSON, equal to the golden file and accepted by validate; a malformed XML file stops the
# import with file:line:col and writes nothing, unless --keep-going leaves it out and says so.
# Usage: import_dila_test.sh JURIGRAPH REPO_ROOT
# With JURIGRAPH_UPDATE_GOLDEN=1 the golden file is rewritten instead (review the diff).
set -u
jg=$1
root=$2
source "$(dirname "$0")/lib.sh"
data=$root/tests/data/import
golden=$root/tests/golden/import-dila.jsonl

# --- a folder, read recursively in path order ---------------------------------------------------
run import dila "$data/dila" -o "$work/dila.jsonl"
check "import dila: exit 0" test "$code" -eq 0
check "import dila: says what it wrote" has "6 decisions from 6 files, 1 stub decisions" "$out"
check "import dila: says what it left out" has "left out: 2 LIEN citations of decisions" "$out"
if [ "${JURIGRAPH_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$work/dila.jsonl" "$golden"
fi
check "import dila: equals the golden file" cmp -s "$work/dila.jsonl" "$golden"
run validate "$work/dila.jsonl"
check "import dila: validate accepts the output" test "$code" -eq 0
check "import dila: no warning" has "0 error(s), 0 warning(s)" "$out"
run validate "$root/datasets" "$work/dila.jsonl"
# The sample CNIL deliberation against Criteo names it "CRITEO", as its title does; the shipped
# datasets say "Criteo". The import merges into the same company, and the other spelling is the
# one warning: a conflicting name kept as a claim.
check "import dila: validates with the shipped datasets, one warning" has "0 error(s), 1 warning(s)" "$out"
check "import dila: merges Criteo, its other spelling kept as a claim" \
  has 'warning: conflicting name for "company:criteo": "Criteo" here, "CRITEO"' "$err"
run show decision:fr-ca-douai-2023-05-11 "$work/dila.jsonl"
check "import dila: two arrêts meet at the stub they attack" test "$(grep -c 'APPEAL_OF' <<<"$out")" -eq 2
run query "MATCH (d:Decision)-[:AGAINST]->(c:Company) RETURN d.number, c.name" "$work/dila.jsonl" --format csv
check "import dila: the CNIL sanction is against the company of its title" has "SAN-2023-009,CRITEO" "$out"

# --- the same files give the same graph as one JSON document --------------------------------
run import dila "$data/dila/cnil" "$data/dila/jade" "$data/dila/cass" -o "$work/dila.json"
check "import dila json: exit 0" test "$code" -eq 0
run stats "$work/dila.json" --format json
json_stats=$out
run stats "$work/dila.jsonl" --format json
check "import dila json: the same stats as JSON Lines" test "$out" = "$json_stats"
run validate "$work/dila.json"
check "import dila json: validate accepts it" test "$code" -eq 0

# --- a malformed XML file -----------------------------------------------------------------------
mkdir -p "$work/mixed/a"
cp -r "$data/dila/." "$work/mixed/a/"
cp "$data/dila-bad/CETATEXT000099999999.xml" "$work/mixed/"
echo previous >"$work/kept.jsonl"
run import dila "$work/mixed" -o "$work/kept.jsonl"
check "bad xml: exit 1" test "$code" -eq 1
check "bad xml: file:line:col: error:" has "$work/mixed/CETATEXT000099999999.xml:9:8: error: malformed XML: Opening and ending tag mismatch: META_SPEC line 7 and META" "$err"
check "bad xml: the previous output is untouched" test "$(cat "$work/kept.jsonl")" = previous
run import dila "$work/mixed" -o "$work/new.jsonl"
check "bad xml: nothing written" test ! -e "$work/new.jsonl"
check "bad xml: no temporary left" test "$(ls "$work" | grep -c tmp)" -eq 0
run import dila "$work/mixed" -o "$work/new.jsonl" --keep-going
check "keep-going: exit 0" test "$code" -eq 0
check "keep-going: names the skipped file" has "CETATEXT000099999999.xml:9:8: error: malformed XML" "$err"
check "keep-going: says it skipped" has "skipped 1 file(s) with errors (--keep-going)" "$err"
check "keep-going: the other files are imported" cmp -s "$work/new.jsonl" "$golden"
run validate "$work/new.jsonl"
check "keep-going: validate accepts the output" test "$code" -eq 0

# --- usage --------------------------------------------------------------------------------------
run import dila "$data/dila" -o "$work/out.csv"
check "output of an unknown extension: exit 2" test "$code" -eq 2
check "output of an unknown extension: says which are read" has "the output must end in .jsonl, .ndjson or .json" "$err"
run import dila "$data/dila/cnil" -o "$work/cnil.ndjson"
check "an .ndjson output is JSON Lines" test "$(head -c 11 "$work/cnil.ndjson")" = '{"dataset":'
run import dila "$work/none" -o "$work/out.jsonl"
check "missing path: exit 1" test "$code" -eq 1
finish
