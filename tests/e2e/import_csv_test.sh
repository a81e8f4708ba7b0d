#!/usr/bin/env bash
# End-to-end tests of `jurigraph import csv`: the sample sheet gives the golden dataset (JSON and
# JSON Lines, the same graph), `validate` accepts it, and each kind of bad input — a malformed
# row, a bad date, a bad amount, an unknown column, an invalid mapping, a row that makes an
# invalid dataset, an unwritable output — is reported at file:line:col with exit 1 (4 for the
# output), nothing written.
# Usage: import_csv_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
source "$(dirname "$0")/lib.sh"
data=$root/tests/data/import/csv
sheet=$data/cnil-fines.csv
map=$data/cnil-fines.mapping.json

# --- the sample sheet -------------------------------------------------------------------------
run import csv "$sheet" --mapping "$map" -o "$work/cnil.json"
check "import: exit 0" test "$code" -eq 0
check "import: summary on stderr" has "imported 6 row(s) of $sheet: 6 decisions, 10 entities, 6 sources → $work/cnil.json" "$err"
check "import: the golden dataset" cmp -s "$work/cnil.json" "$data/cnil-fines.expected.json"
run validate "$work/cnil.json"
check "validate accepts the import" test "$code" -eq 0
check "validate: 16 nodes" has "graph: 16 nodes, 20 relationships" "$out"
run import csv "$sheet" -m "$map" -o "$work/cnil.jsonl"
check "import jsonl: exit 0" test "$code" -eq 0
check "import jsonl: one record a line" test "$(wc -l <"$work/cnil.jsonl")" -eq 23
run stats "$work/cnil.jsonl" --format json
jsonl_stats=$out
run stats "$work/cnil.json" --format json
check "stats jsonl = stats json" test "$out" = "$jsonl_stats"
run import csv "$sheet" -m "$map"
check "import without -o: the JSON on stdout" test "$out" = "$(cat "$data/cnil-fines.expected.json")"
run query "MATCH (d:Decision)-[:AGAINST]->(c:Company {name: 'Optical Center'}) RETURN d.number ORDER BY d.number" "$work/cnil.json" --format csv
check "query: the three Optical Center decisions" test "$(tr -d '\r' <<<"$out")" = $'d.number\n2015-379\n2018-002\nSAN-2021-001'
run show "OPTICAL CENTER" "$work/cnil.json"
check "the other spelling is an alias" has "aliases:     OPTICAL CENTER" "$out"

# --- errors: exit 1, file:line:col, nothing written -------------------------------------------
expect_error() {  # expect_error NAME EXPECTED-LINE SHEET [MAPPING]
  local name=$1 expected=$2 input=$3 mapping=${4:-$map}
  rm -f "$work/bad.json"
  run import csv "$input" -m "$mapping" -o "$work/bad.json"
  check "$name: exit 1" test "$code" -eq 1
  check "$name: message" has "$expected" "$err"
  check "$name: nothing written" test ! -e "$work/bad.json"
}
sed 's|^Kaspr;Sanction pécuniaire;|Kaspr;Sanction pécuniaire;x;|' "$sheet" >"$work/row.csv"
expect_error "bad row" "$work/row.csv:7:125: error: this row has 10 fields, the header 9 (is the delimiter ';' the sheet's?)" "$work/row.csv"
sed 's|08/01/2018|31/04/2018|' "$sheet" >"$work/date.csv"
expect_error "bad date" "$work/date.csv:2:27: error: invalid date \"31/04/2018\" in column \"Date\": expected DD/MM/YYYY, a real calendar date" "$work/date.csv"
sed 's|;100 000;|;100.000;|' "$sheet" >"$work/amount.csv"
expect_error "bad amount" "$work/amount.csv:2:39: error: invalid amount \"100.000\" in column \"Montant (€)\": expected a number such as 1 500 000,50 (at most two decimals)" "$work/amount.csv"
sed 's|Société;Type|Entreprise;Type|' "$sheet" >"$work/column.csv"
expect_error "unknown column" "$map:36:28: error: unknown column \"Société\" in $work/column.csv: its columns are \"Entreprise\", \"Type\"" "$work/column.csv"
sed 's|"column": "Date", "format"|"colum": "Date", "format"|' "$map" >"$work/map.json"
expect_error "invalid mapping" "$work/map.json:37:24: error: unknown property \"colum\" (expected one of: column, format) (at /decision/date/colum)" "$sheet" "$work/map.json"
check "invalid mapping: said so" has "nothing was written: the mapping has errors" "$err"
sed 's|CNILTEXT000050791828|CNIL-50791828|' "$sheet" >"$work/invalid.csv"
expect_error "row making an invalid dataset" "$work/invalid.csv:7:71: error: invalid Légifrance id \"CNIL-50791828\": expected e.g. CNILTEXT000036403140 or CETATEXT000031861287 (at /decisions/4/identifiers/legifrance of the dataset made)" "$work/invalid.csv"
sed 's|^Kaspr;|"Kaspr;|' "$sheet" >"$work/quote.csv"
expect_error "unterminated quote" "$work/quote.csv:8:71: error: unexpected character after a closing quote" "$work/quote.csv"
expect_error "missing sheet" "$work/none.csv: error: cannot read file" "$work/none.csv"
run import csv "$sheet" -m "$map" -o "$work/no/such/folder/out.json"
check "unwritable output: exit 4" test "$code" -eq 4
run import csv "$sheet"
check "no mapping: exit 2" test "$code" -eq 2
run import
check "import without a format: exit 2" test "$code" -eq 2

# --- references to other datasets (--with) ----------------------------------------------------
cat >"$work/ref.json" <<'JSON'
{ "dialect": { "delimiter": ";" }, "file_source": { "title": "t" },
  "decision": { "id": { "template": ["decision:test-{Numéro}", "decision:test-{Société}-{Date}"] }, "kind": { "constant": "sanction" },
                "issued_by": { "id": "authority:fr-cnil" } } }
JSON
sed 's|;;Art. 6 GDPR;|;;Art. 6 GDPR;|; s|^Darty;Sanction pécuniaire;08/01/2018;;|Darty;Sanction pécuniaire;;;|' "$sheet" >"$work/noid.csv"
run import csv "$work/noid.csv" -m "$work/ref.json" -o "$work/ref-out.json"
check "no id: exit 1" has "$work/noid.csv:2:1: error: no decision id: every template has an empty cell (columns \"Numéro\", \"Date\")" "$err"
run import csv "$sheet" -m "$work/ref.json" -o "$work/ref-out.json"
check "unknown issuer alone: exit 1" test "$code" -eq 1
check "unknown issuer alone: at the row" has "$sheet:2:1: error: " "$err"
sed 's/;/,/' "$sheet" >"$work/comma.csv"
run import csv "$work/comma.csv" -m "$work/ref.json" -o "$work/ref-out.json"
check "another delimiter than the mapping's: exit 1" test "$code" -eq 1
run import csv "$sheet" -m "$work/ref.json" -o "$work/ref-out.json" --with "$root/datasets"
check "issuer resolved --with datasets: exit 0" test "$code" -eq 0
run validate "$root/datasets" "$work/ref-out.json"
check "validate with the datasets: exit 0" test "$code" -eq 0

finish
