#!/usr/bin/env bash
# End-to-end tests of the Neo4j exports: the neo4j-csv folders of the shipped datasets and of the
# CLI fixture pass tests/neo4j/neo4j_import_check.py (neo4j-admin's documented header and file
# rules) with the node and relationship totals of `jurigraph stats`, and the checker does fail
# on a broken copy; -o refuses a folder or file that is no earlier export and replaces one that
# is; the cypher script passes tests/neo4j/cypher_script_check.py (cypher-shell's splitting,
# the statements' form, batches, ends, keys) with the same totals, the same bytes every run;
# and, when cypher-shell is on PATH and reaches an empty database, the script runs there twice
# to the same counts.
# Usage: neo4j_export_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$1
root=$2
data=$root/datasets
fixture=$root/tests/data/cli/chain.json
checks=$root/tests/neo4j
source "$(dirname "$0")/lib.sh"

# checker NAME SCRIPT ARGS...: runs a checker, its output indented and kept in $work/NAME.log;
# sets $code.
checker() {
  local name=$1 script=$2
  shift 2
  /usr/bin/python3 "$checks/$script" "$@" >"$work/$name.log" 2>&1
  code=$?
  sed 's/^/    /' "$work/$name.log" | head -5
}
logged() { grep -qF -- "$2" "$work/$1.log"; }
# "NODES RELATIONSHIPS" of `jurigraph stats` for a dataset path.
totals() {
  "$jg" stats --format json "$1" |
    /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["nodes"], d["relationships"])'
}
# A listing of a folder with each file's checksum, to prove that nothing changed.
listing() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }

# --- neo4j-csv: valid, with the totals of stats ----------------------------------------------------
for name in seed fixture; do
  src=$data
  [ "$name" = fixture ] && src=$fixture
  run export --format neo4j-csv -o "$work/$name" "$src"
  check "neo4j-csv $name: exit 0" test "$code" -eq 0
  checker "check-$name" neo4j_import_check.py "$work/$name"
  check "neo4j-csv $name: passes neo4j_import_check.py" test "$code" -eq 0
  read -r nodes rels < <(totals "$src")
  check "neo4j-csv $name: $nodes nodes and $rels relationships, as stats says" \
    logged "check-$name" "nodes $nodes relationships $rels"
  check "neo4j-csv $name: import.sh is executable" test -x "$work/$name/import.sh"
  check "neo4j-csv $name: import.sh parses as bash" bash -n "$work/$name/import.sh"
done
check "neo4j-csv seed: one ID space, Node" \
  test "$(head -1 "$work/seed/nodes-Company.csv" | cut -d, -f1)" = "id:ID(Node)"
check "neo4j-csv seed: relationship ends in that space" \
  test "$(head -1 "$work/seed/relationships-ISSUED_BY.csv")" = ":START_ID(Node),:END_ID(Node),:TYPE"
check "neo4j-csv seed: the import command names its database first" \
  grep -qF 'database import full "$database" \' "$work/seed/import.sh"

# import.sh runs the command it shows: a stand-in neo4j-admin records its arguments.
mkdir -p "$work/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$PWD" "$@" >"%s"\n' "$work/admin-args" >"$work/bin/neo4j-admin"
chmod +x "$work/bin/neo4j-admin"
(cd / && PATH="$work/bin:$PATH" "$work/seed/import.sh" graphs) >/dev/null 2>&1
check "import.sh: runs neo4j-admin from its own folder" test "$(sed -n 1p "$work/admin-args")" = "$work/seed"
check "import.sh: database import full DATABASE first" \
  test "$(sed -n 2,5p "$work/admin-args" | tr '\n' ' ')" = "database import full graphs "
check "import.sh: the array delimiter reaches neo4j-admin unquoted" grep -qx -- "--array-delimiter=;" "$work/admin-args"
(cd / && PATH="$work/bin:$PATH" "$work/seed/import.sh") >/dev/null 2>&1
check "import.sh: database neo4j by default" test "$(sed -n 5p "$work/admin-args")" = "neo4j"

# --- the checker fails on broken copies --------------------------------------------------------------
# corrupt NAME SED_SCRIPT FILE: a copy of the seed export with FILE edited; runs the checker.
corrupt() {
  rm -rf "${work:?}/$1"
  cp -r "$work/seed" "$work/$1"
  sed -i "$2" "$work/$1/$3"
  checker "$1" neo4j_import_check.py "$work/$1"
}
corrupt dangling '2s/"company:darty",SUBCONTRACTOR_OF/"company:nobody",SUBCONTRACTOR_OF/' relationships-SUBCONTRACTOR_OF.csv
check "checker: a dangling END_ID fails" test "$code" -eq 1
check "checker: names the missing node" logged dangling "END_ID 'company:nobody' is no node of ID space 'Node'"
corrupt badtype '1s/name:string/name:strin/' nodes-Company.csv
check "checker: an unknown header type fails" test "$code" -eq 1
check "checker: names the type" logged badtype "unknown type 'strin'"
corrupt badspace '1s/:END_ID(Node)/:END_ID(Company)/' relationships-AGAINST.csv
check "checker: an ID space no node file defines fails" logged badspace "ID space 'Company', which no node file defines"
corrupt badquote '/^"company:darty"/s/"Darty"/"Dar"ty"/' nodes-Company.csv
check "checker: a stray quote fails" test "$code" -eq 1
corrupt missingfile '/nodes-Court.csv/d' import.sh
check "checker: a file the import command leaves out fails" logged missingfile "nodes-Court.csv is in the folder but not in the import command"
corrupt baddate '2s/,2017-07-06,/,2017-02-30,/' nodes-Decision.csv
check "checker: an impossible date fails" logged baddate "not a calendar date"

# --- text to quote, a line break, aliases holding ; and | --------------------------------------------
cat >"$work/tricky.json" <<'EOF'
{
  "sources": {"s": {"url": "https://example.org/s", "kind": "official"}},
  "entities": [
    {"id": "authority:dpa", "label": "Authority", "name": "Data \"Protection\" Authority, Inc.",
     "aliases": ["DPA", "a;b"], "sources": ["s"]},
    {"id": "company:acme", "label": "Company", "name": "Acme\nLine two", "aliases": ["x|y"],
     "properties": {"staff": 120, "listed": true, "note": "it's a \\ back"}, "sources": ["s"]},
    {"id": "company:beta", "label": "Company", "name": "Beta", "properties": {"staff": 2.5},
     "sources": ["s"]}
  ],
  "decisions": [
    {"id": "decision:one", "kind": "sanction", "issued_by": "authority:dpa",
     "against": ["company:acme", "company:beta"], "date": "2016-02-29", "amount": "85000000.01",
     "currency": "EUR", "sources": ["s"]}
  ]
}
EOF
run export --format neo4j-csv -o "$work/tricky" "$work/tricky.json"
check "neo4j-csv tricky: exit 0" test "$code" -eq 0
checker check-tricky neo4j_import_check.py "$work/tricky"
check "neo4j-csv tricky: passes neo4j_import_check.py" test "$code" -eq 0
check "neo4j-csv tricky: arrays split by ^, since ; and | occur in aliases" \
  grep -qF -- "--array-delimiter='^'" "$work/tricky/import.sh"
check "neo4j-csv tricky: the import command allows fields over several lines" \
  grep -qF -- "--multiline-fields=true" "$work/tricky/import.sh"
copy_tricky() { rm -rf "${work:?}/$1" && cp -r "$work/tricky" "$work/$1"; }
copy_tricky nomultiline
sed -i '/--multiline-fields=true/d' "$work/nomultiline/import.sh"
checker nomultiline neo4j_import_check.py "$work/nomultiline"
check "checker: a line break without --multiline-fields fails" logged nomultiline "a line break inside a field"
copy_tricky textarray
sed -i '1s/listed:boolean/listed:long[]/' "$work/textarray/nodes-Company.csv"
checker textarray neo4j_import_check.py "$work/textarray"
check "checker: array elements are typed" logged textarray "'true' is not an integer"
run export --format cypher -o "$work/tricky.cypher" "$work/tricky.json"
checker cypher-tricky cypher_script_check.py "$work/tricky.cypher"
check "cypher tricky: passes cypher_script_check.py" test "$code" -eq 0

# --- -o: refuse what is no export, replace what is ------------------------------------------------
mkdir -p "$work/mine"
echo precious >"$work/mine/notes.txt"
before=$(listing "$work/mine")
run export --format neo4j-csv -o "$work/mine" "$data"
check "-o onto a folder that is no export: exit != 0" test "$code" -ne 0
check "-o onto a folder that is no export: says why" has "not an earlier export" "$err"
check "-o onto a folder that is no export: nothing changed" test "$(listing "$work/mine")" = "$before"
echo precious >"$work/file.csv"
run export --format neo4j-csv -o "$work/file.csv" "$data"
check "-o onto a file: exit != 0, file intact" test "$code" -ne 0 -a "$(cat "$work/file.csv")" = precious
run export --format neo4j-csv "$data"
check "neo4j-csv without -o: exit 2" test "$code" -eq 2
cp -r "$work/fixture" "$work/replaced"
run export --format neo4j-csv -o "$work/replaced" "$data"
check "-o onto an earlier export: exit 0" test "$code" -eq 0
check "-o onto an earlier export: replaced whole" test "$(listing "$work/replaced")" = "$(listing "$work/seed")"
check "no temporary folder left behind" test -z "$(find "$work" -name '.*.tmp-*')"
mapfile -t files < <(ls "$data"/*.json | sort -r)
run export --format neo4j-csv -o "$work/again" "${files[@]}"
check "neo4j-csv: the same bytes from files in reverse order" test "$(listing "$work/again")" = "$(listing "$work/seed")"

# --- cypher script ---------------------------------------------------------------------------------
for name in seed fixture; do
  src=$data
  [ "$name" = fixture ] && src=$fixture
  run export --format cypher -o "$work/$name.cypher" "$src"
  check "cypher $name: exit 0" test "$code" -eq 0
  checker "cypher-$name" cypher_script_check.py "$work/$name.cypher"
  check "cypher $name: passes cypher_script_check.py" test "$code" -eq 0
  read -r nodes rels < <(totals "$src")
  check "cypher $name: $nodes nodes and $rels relationships, as stats says" \
    logged "cypher-$name" "nodes $nodes relationships $rels"
done
run export --format cypher "${files[@]}"
check "cypher: the same bytes from files in reverse order" cmp -s "$work/out" "$work/seed.cypher"
# The checker fails on a broken script: a node batch without its :param line, and a relationship
# to a node that was never merged.
sed '0,/^:param rows => \[{id:/{/^:param rows => \[{id:/d}' "$work/seed.cypher" >"$work/noparam.cypher"
checker noparam cypher_script_check.py "$work/noparam.cypher"
check "cypher checker: a statement without its :param fails" logged noparam "without its :param rows"
sed "s/endId: 'company:darty'/endId: 'company:nobody'/" "$work/seed.cypher" >"$work/dangling.cypher"
checker dangling-cypher cypher_script_check.py "$work/dangling.cypher"
check "cypher checker: a dangling end fails" logged dangling-cypher "'company:nobody' is not a Company"
# A comment line opens a statement for cypher-shell: the :param line after it is no command.
sed '0,/^:param/{/^:param/i // nodes
}' "$work/seed.cypher" >"$work/comment.cypher"
checker comment cypher_script_check.py "$work/comment.cypher"
check "cypher checker: a comment before a :param line fails" logged comment "before it: \":param rows =>"

# --- cypher-shell, when there is one (not in CI) ---------------------------------------------------
if command -v cypher-shell >/dev/null 2>&1; then
  count_all() {
    cypher-shell --format plain "MATCH (n) WITH count(n) AS n OPTIONAL MATCH ()-[r]->() RETURN n, count(r)" 2>/dev/null | tail -1
  }
  if [ "$(count_all)" = "0, 0" ]; then
    cypher-shell -f "$work/seed.cypher" >"$work/shell1.log" 2>&1
    check "cypher-shell runs the seed script" test $? -eq 0
    read -r nodes rels < <(totals "$data")
    check "cypher-shell: $nodes nodes, $rels relationships" test "$(count_all)" = "$nodes, $rels"
    cypher-shell -f "$work/seed.cypher" >"$work/shell2.log" 2>&1
    check "cypher-shell: a second run changes no count (idempotent)" test "$(count_all)" = "$nodes, $rels"
  else
    echo "skip cypher-shell: no empty database reachable (NEO4J_ADDRESS, NEO4J_USERNAME, NEO4J_PASSWORD)"
  fi
else
  echo "skip cypher-shell: not on PATH"
fi
finish
