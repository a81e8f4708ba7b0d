#!/usr/bin/env bash
# End-to-end tests of validate, stats and show, and of the seed cases' paths, on the shipped
# datasets: exit codes, output, and the exact text researchers see.
# Usage: core_cli_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
data=$root/datasets
source "$(dirname "$0")/lib.sh"
json_ok() { /usr/bin/python3 -m json.tool "$1" >/dev/null; }

# --- validate -------------------------------------------------------------------------------
run validate "$data"
check "validate datasets: exit 0" test "$code" -eq 0
check "validate datasets: summary" has "0 error(s)" "$out"
cp "$data/orange.json" "$work/orange.json"
printf '{"entities": [{"id": "company:x", "label": "Company" "name": "X"}]}\n' >"$work/broken.json"
run validate "$work/broken.json"
check "validate malformed: exit 1" test "$code" -eq 1
check "validate malformed: file:line:col" has "broken.json:1:54: error: malformed JSON: missing a comma or '}' after an object member" "$err"
run validate "$work/nowhere.json"
check "validate missing path: exit 1" test "$code" -eq 1
check "validate missing path: message" has "nowhere.json: error: no such file or directory" "$err"
run validate --bogus
check "validate unknown option: exit 2" test "$code" -eq 2

# --- stats ----------------------------------------------------------------------------------
run stats "$data"
check "stats: exit 0" test "$code" -eq 0
check "stats: decisions counted" has "  Decision                    62" "$out"
check "stats: amounts per currency" has "USD" "$out"
run stats "$data" --format json
check "stats json: parses" json_ok "$work/out"
run stats "$work/broken.json" "$data"
check "stats with a broken file: exit 1" test "$code" -eq 1
check "stats with a broken file: nothing on stdout" test -z "$out"
run stats "$work/broken.json" "$data" --keep-going
check "stats --keep-going: exit 1, counts of the good files" test "$code" -eq 1
check "stats --keep-going: output" has "  Decision                    62" "$out"

# --- show -----------------------------------------------------------------------------------
run show "conseil d'etat" "$data"
check "show conseil d'etat: exit 0" test "$code" -eq 0
check "show conseil d'etat: lists the 2015 ruling on Orange" has "Conseil d'État ruling of 2015-12-30 (Orange) (decision:ce-2015-12-30-orange, Decision, 2015-12-30) —ISSUED_BY→" "$out"
run show Gutenberg "$data"
check "show Gutenberg: SUBCONTRACTOR_OF Orange" has "—SUBCONTRACTOR_OF→ Orange (company:orange, Company)" "$out"
check "show Gutenberg: its own subcontractor" has "Unnamed subcontractor of Gutenberg (company:gutenberg-unnamed-subcontractor, Company) —SUBCONTRACTOR_OF→" "$out"
run show cnil "$data"
check "show by alias, case-insensitive" has "Commission nationale de l'informatique et des libertés (authority:fr-cnil)" "$out"
run show linkedin "$data" --format json
check "show json: parses" json_ok "$work/out"
check "show json: entity merged from two files has both sources" test "$(grep -c '"url"\|"title"' "$work/out")" -gt 0
run show orang "$data"
check "show unknown: exit 3" test "$code" -eq 3
check "show unknown: did you mean Orange" has "Orange (company:orange, Company)" "$err"
run show "unnamed" "$data"
check "show ambiguous or unknown prefix: exit 3" test "$code" -eq 3

# --- the seed cases' paths ----------------------------------------------------------------------
run path Orange "Conseil d'Etat" "$data"
check "path Orange → Conseil d'État: exit 0" test "$code" -eq 0
check "path Orange → Conseil d'État: the chain" test "$(head -n1 <<<"$out")" = \
  "3 hops: Orange ←AGAINST— CNIL public warning 2014-298 (2014-08-07) ←APPEAL_OF— Conseil d'État ruling of 2015-12-30 (Orange) —ISSUED_BY→ Conseil d'État"
run path "Unnamed subcontractor of Gutenberg" "CNIL public warning 2014-298" "$data"
check "path Gutenberg's subcontractor → Orange's warning" test "$(head -n1 <<<"$out")" = \
  "3 hops: Unnamed subcontractor of Gutenberg —SUBCONTRACTOR_OF→ Gutenberg —SUBCONTRACTOR_OF→ Orange ←AGAINST— CNIL public warning 2014-298 (2014-08-07)"
run path "Unnamed subcontractor of Gutenberg" "CNIL public warning 2014-298" "$data" --directed
check "path against stored direction with --directed: exit 5" test "$code" -eq 5
run path "Tribunal de commerce de Grenoble" "Cour d'appel de Grenoble" "$data" --via ISSUED_BY,APPEAL_OF
check "path Grenoble first instance → appeal court" test "$(head -n1 <<<"$out")" = \
  "3 hops: Tribunal de commerce de Grenoble ←ISSUED_BY— Tribunal de commerce de Grenoble judgment (website contract) ←APPEAL_OF— Cour d'appel de Grenoble, ch. com., arrêt du 6 juillet 2017 (2017-07-06) —ISSUED_BY→ Cour d'appel de Grenoble"
run path "Optical Center" "Conseil d'État ruling of 2017-06-19 (Optical Center)" "$data"
check "path Optical Center → its Conseil d'État appeal" test "$(head -n1 <<<"$out")" = \
  "2 hops: Optical Center ←AGAINST— CNIL sanction 2015-379 (2015-11-05) ←APPEAL_OF— Conseil d'État ruling of 2017-06-19 (Optical Center)"
run path "Optical Center" "Conseil d'Etat" "$data" --all --via AGAINST,APPEAL_OF,ISSUED_BY
check "path --all: the three sanctions of Optical Center taken to the Conseil d'État" test "$(grep -c '^path [123] of 3, 3 hops: Optical Center ←AGAINST— CNIL sanction' <<<"$out")" -eq 3
run show "2018-002" "$data"
check "show by decision number: reduced on appeal" has "{outcome: reduced}" "$out"
run show "san-2024-020" "$data"
check "show: the official amount, the press's other figure kept as a claim" has 'amount = "200000" [' "$out"
check "show: the authoritative value is marked" has 'amount = "240000" (authoritative)' "$out"
run path Zoom Kaspr "$data"
check "path across cases through LinkedIn" has "Zoom —SHARED_DATA_WITH→ LinkedIn ←COLLECTED_DATA_FROM— Kaspr" "$out"

finish
