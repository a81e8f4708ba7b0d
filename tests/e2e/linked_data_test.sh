#!/usr/bin/env bash
# End-to-end tests of the linked-data exports with the processors users run: jsonld.js (safe
# mode, offline) and rdflib read the JSON-LD export, and each must give exactly the triples of
# the N-Quads export of the same graph; --base-iri moves every node IRI; and the checkers do
# fail on a broken document.
# Usage: linked_data_test.sh JURIGRAPH REPO_ROOT
# Needs node with tests/linked_data/node_modules (npm ci there) and Debian's /usr/bin/python3
# with python3-rdflib: scripts/setup.sh installs both.
set -u
jg=$1
root=$2
ld=$root/tests/linked_data
source "$(dirname "$0")/lib.sh"
other_base=https://data.example.net/jg/

# checker NAME TOOL ARGS...: runs a checker (jsonld or rdflib), its output indented and kept
# in $work/NAME.log; sets $code.
checker() {
  local name=$1 tool=$2
  shift 2
  case $tool in
    jsonld) node "$ld/jsonld_check.js" "$@" >"$work/$name.log" 2>&1 ;;
    rdflib) /usr/bin/python3 "$ld/rdflib_check.py" "$@" >"$work/$name.log" 2>&1 ;;
  esac
  code=$?
  sed 's/^/    /' "$work/$name.log"
}
logged() { grep -qF -- "$2" "$work/$1.log"; }

# mutate IN OUT DEFECT: a copy of a JSON-LD export with one defect in the first node that has a
# name: "undefined-term" renames its name key to a term the context does not define,
# "relative-id" makes its @id relative (the last two segments of the IRI). Prints the key or
# the @id it put in.
mutate() {
  /usr/bin/python3 - "$@" <<'EOF'
import json, sys
src, dst, defect = sys.argv[1:]
with open(src, encoding="utf-8") as f:
    doc = json.load(f)
node = next(n for n in doc["@graph"] if "name" in n and "@id" in n)
if defect == "undefined-term":
    node["nameNotInTheContext"] = node.pop("name")
    print('"nameNotInTheContext": ')
else:
    node["@id"] = "/".join(node["@id"].rstrip("/").split("/")[-2:])
    print(json.dumps({"@id": node["@id"]})[1:-1])
with open(dst, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
EOF
}

# --- the processors are there ---------------------------------------------------------------
check "node runs" node -e 0
check "jsonld.js is installed in tests/linked_data (npm ci)" test -f "$ld/node_modules/jsonld/package.json"
check "Debian's python3 has rdflib" /usr/bin/python3 -c "import rdflib"
if [ "$failed" -ne 0 ]; then
  echo "run scripts/setup.sh to install them"
  finish
  exit
fi

# --- every export read by both processors ---------------------------------------------------
# exports NAME ARGS...: exports JSON-LD and N-Quads of ARGS into $work/NAME.{jsonld,nq}, runs
# both checkers, and checks that both count as many triples as the N-Quads export has lines.
exports() {
  local name=$1 lines
  shift
  run export --format jsonld -o "$work/$name.jsonld" "$@"
  check "$name: export jsonld: exit 0" test "$code" -eq 0
  run export --format nquads -o "$work/$name.nq" "$@"
  check "$name: export nquads: exit 0" test "$code" -eq 0
  lines=$(wc -l <"$work/$name.nq")
  check "$name: N-Quads export not empty ($lines lines)" test "$lines" -gt 0

  checker "$name.jsonld-check" jsonld "$work/$name.jsonld" "$work/$name.nq"
  check "$name: jsonld.js (safe mode) gives exactly the N-Quads export" test "$code" -eq 0
  check "$name: jsonld.js: $lines quads, as many as lines in the export" \
    logged "$name.jsonld-check" "quads: jsonld.js=$lines export=$lines ($lines lines) common=$lines"
  checker "$name.rdflib-check" rdflib "$work/$name.jsonld" "$work/$name.nq"
  check "$name: rdflib reads the same triples from both exports" test "$code" -eq 0
  check "$name: rdflib: $lines triples, as many as lines in the export" \
    logged "$name.rdflib-check" "triples: json-ld=$lines nquads=$lines common=$lines"
}
exports datasets "$root/datasets"
exports fixture "$root/tests/data/cli"
exports rebased --base-iri "$other_base" "$root/datasets"

# --- --base-iri moves every node IRI, and only them -----------------------------------------
run export --help
base=$(sed -n 's/.*--base-iri .*(default \([^ )]*\)).*/\1/p' <<<"$out")
check "the default base IRI is in export --help ($base)" test -n "$base"
subjects() { awk '{print $1}' "$work/$1.nq" | sort -u | grep -cF -- "<$2"; }
moved=$(subjects datasets "$base")
check "default base: $moved subjects under $base" test "$moved" -gt 0
check "--base-iri: as many subjects under $other_base" test "$(subjects rebased "$other_base")" -eq "$moved"
check "--base-iri: no subject left under the default base" test "$(subjects rebased "$base")" -eq 0
check "--base-iri: no IRI left under the default base, in N-Quads or JSON-LD" \
  test "$(cat "$work/rebased.nq" "$work/rebased.jsonld" | grep -cF -- "$base")" -eq 0
old=$base new=$other_base perl -pe 's/\Q<$ENV{old}\E/<$ENV{new}/g' "$work/datasets.nq" | sort >"$work/expected.nq"
check "--base-iri: the same quads otherwise" cmp -s "$work/expected.nq" <(sort "$work/rebased.nq")

# --- the checkers can fail ------------------------------------------------------------------
defect=$(mutate "$work/datasets.jsonld" "$work/undefined-term.jsonld" undefined-term)
check "an undefined term put in: $defect" grep -qF -- "$defect" "$work/undefined-term.jsonld"
checker undefined-term.jsonld-check jsonld "$work/undefined-term.jsonld" "$work/datasets.nq"
check "jsonld.js fails on an undefined term" test "$code" -ne 0
check "jsonld.js: safe mode names it" logged undefined-term.jsonld-check "invalid property"
checker undefined-term.rdflib-check rdflib "$work/undefined-term.jsonld" "$work/datasets.nq"
check "rdflib drops it silently, and the comparison fails" test "$code" -ne 0

defect=$(mutate "$work/datasets.jsonld" "$work/relative-id.jsonld" relative-id)
check "a relative @id put in: $defect" grep -qF -- "$defect" "$work/relative-id.jsonld"
checker relative-id.jsonld-check jsonld "$work/relative-id.jsonld" "$work/datasets.nq"
check "jsonld.js fails on a relative @id" test "$code" -ne 0
check "jsonld.js: safe mode names it" logged relative-id.jsonld-check "relative @id reference"
checker relative-id.rdflib-check rdflib "$work/relative-id.jsonld" "$work/datasets.nq"
check "rdflib resolves it against the file, and the check fails" test "$code" -ne 0

sed 1d "$work/datasets.nq" >"$work/one-less.nq"
checker one-less.jsonld-check jsonld "$work/datasets.jsonld" "$work/one-less.nq"
check "jsonld.js check fails when the N-Quads export lacks a line" test "$code" -ne 0
check "jsonld.js check shows the line" logged one-less.jsonld-check "$(head -n1 "$work/datasets.nq")"
checker one-less.rdflib-check rdflib "$work/datasets.jsonld" "$work/one-less.nq"
check "rdflib check fails when the N-Quads export lacks a line" test "$code" -ne 0

finish
