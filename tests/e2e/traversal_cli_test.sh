#!/usr/bin/env bash
# End-to-end tests of path, neighbors, generate, export and render: exit codes, output, files.
# Usage: traversal_cli_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
data=$root/tests/data/cli
source "$(dirname "$0")/lib.sh"

# --- path ---------------------------------------------------------------------------------
run path "hidden host" "supreme administrative court" "$data"
check "path: exit 0" test "$code" -eq 0
check "path: one-line summary with arrows as stored" test "$(head -n1 <<<"$out")" = \
  "5 hops: Hidden Host —SUBCONTRACTOR_OF→ Acme Mail —SUBCONTRACTOR_OF→ Acme ←AGAINST— DPA warning 1 (2014-08-07) ←APPEAL_OF— Supreme Administrative Court ruling of 2015-12-30 —ISSUED_BY→ Supreme Administrative Court"
check "path: hop lines carry label, id and facts" has "  Decision  DPA warning 1 (decision:dpa-1) · warning · 2014-08-07 · n° 1" "$out"
check "path: APPEAL_OF hop shows its outcome" has "    ←APPEAL_OF— {outcome: confirmed}" "$out"

run path "hidden host" "supreme administrative court" "$data" --directed
check "path --directed: no path, exit 5" test "$code" -eq 5
check "path --directed: says so with the direction" has "following edges as stored" "$err"

run path acme "supreme administrative court" "$data" --max-hops 2
check "path --max-hops 2: exit 5" test "$code" -eq 5
check "path --max-hops: bound named" has "within 2 hops" "$err"

run path acme "supreme administrative court" "$data" --via AGAINST,APPEAL_OF,issued_by
check "path --via: exit 0" test "$code" -eq 0
run path acme "supreme administrative court" "$data" --via AGAINST,ISSUED_BY
check "path --via without APPEAL_OF: reaches the court through the authority? no: exit 5" test "$code" -eq 5

run path acme "supreme administrative court" "$data" --avoid decision:dpa-1
check "path --avoid: the only way is blocked, exit 5" test "$code" -eq 5

run path lonely acme "$data"
check "path: isolated node, exit 5" test "$code" -eq 5
check "path: no-path message names both ends" has "no path from Lonely (company:lonely, Company) to Acme" "$err"

run path acme twin "$data"
check "path: ambiguous name, exit 3" test "$code" -eq 3
check "path: ambiguous name lists candidates" has "Twin (company:twin-b, Company)" "$err"

run path acme acmee "$data"
check "path: unknown name, exit 3" test "$code" -eq 3
check "path: unknown name suggests" has "did you mean:" "$err"

run path acme dpa "$data" --via BOGUS
check "path --via unknown type: exit 2" test "$code" -eq 2
check "path --via unknown type: lists the types" has "SHARED_DATA_WITH" "$err"

run path acme dpa "$data" --simple
check "path --simple without --max-hops: exit 2" test "$code" -eq 2

run path acme dpa "$data" --all --k 2
check "path --all with --k: exit 2" test "$code" -eq 2

run path "hidden host" dpa "$data" --simple --max-hops 8
check "path --simple: exit 0" test "$code" -eq 0
run path "acme mail" dpa "$data" --simple --max-hops 8 --limit 1
check "path --simple --limit 1: says the limit was reached" has "stopped at 1 paths" "$err"

run path acme "supreme administrative court" "$data" --format json
check "path --format json: parses" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["paths"][0]["length"]==3' "$work/out"

run path acme "supreme administrative court" "$data" --format dot
check "path --format dot: Graphviz reads it" dot -Tsvg -o /dev/null "$work/out"

# --- neighbors ----------------------------------------------------------------------------
run neighbors acme --depth 1 "$data"
check "neighbors: exit 0" test "$code" -eq 0
check "neighbors: ring 1 has Acme Mail" has "  Acme Mail (company:acme-mail, Company)" "$out"
check "neighbors: ring count" has "at 1 hop (3):" "$out"
run neighbors acme --depth 2 --directed "$data"
check "neighbors --directed: nothing out of Acme" has "0 relationships among them" "$out"

# --- generate, export, render ---------------------------------------------------------------
run generate --decisions 200 --seed 3 -o "$work/g.json"
check "generate: exit 0" test "$code" -eq 0
run validate "$work/g.json"
check "generate: the output is a valid dataset" test "$code" -eq 0

run export --format dot -o "$work/a.dot" "$data"
check "export dot: exit 0" test "$code" -eq 0
check "export dot: Graphviz reads it" dot -Tsvg -o /dev/null "$work/a.dot"
"$jg" export --format dot "$data" >"$work/b.dot"
check "export dot: byte-identical across runs" cmp -s "$work/a.dot" "$work/b.dot"

mkdir -p "$work/ro" && chmod 555 "$work/ro"
run export --format dot -o "$work/ro/x.dot" "$data"
if [ "$(id -u)" -ne 0 ]; then
  check "export to a read-only folder: exit 4" test "$code" -eq 4
fi
run export --format dot -o "$work/missing/x.dot" "$data"
check "export to a missing folder: exit 4" test "$code" -eq 4
check "export failure leaves no temporary" test -z "$(ls -A "$work" | grep tmp)"

run render -o "$work/d.svg" --focus acme --depth 2 "$data"
check "render svg: exit 0" test "$code" -eq 0
check "render svg: an SVG document" grep -q "<svg" "$work/d.svg"
check "render: says which layout" has "layout: dot" "$err"
run render -o "$work/d.txt" "$data"
check "render to an unknown extension: exit 2" test "$code" -eq 2
run render -o "$work/d.svg" --focus nobody "$data"
check "render --focus unknown node: exit 3" test "$code" -eq 3

finish
