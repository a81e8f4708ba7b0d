#!/usr/bin/env bash
# The invalid-query corpus (tests/data/invalid-queries): each NAME.cypher is run with
# `jurigraph query -f NAME.cypher -g SNAPSHOT` (the shipped datasets) from the corpus folder, and
# its standard error and exit code must be exactly NAME.expected: the diagnostic
# `NAME.cypher:line:col: error: message` with the query line and caret, then `exit N`.
# A line `// args: …` in the query gives extra options (parameters), split on spaces. A line
# `// position varies` (the --timeout cases: which step sees the deadline depends on the
# machine's speed) compares the message and exit code only, not the line, column and caret.
# With JURIGRAPH_UPDATE_GOLDEN=1 the expected files are rewritten instead (review the diff).
set -uo pipefail
jg=$(realpath "$1")
root=$(realpath "$2")
corpus=$root/tests/data/invalid-queries
. "$(dirname "$0")/lib.sh"
update=${JURIGRAPH_UPDATE_GOLDEN:-0}

"$jg" build "$root/datasets" -o "$work/g.jg" --quiet >/dev/null || { echo "FAIL build"; exit 1; }
count=0
cd "$corpus" || exit 1
for query in *.cypher; do
  name=${query%.cypher}
  count=$((count + 1))
  args=()
  line=$(grep -m1 '^// args: ' "$query" || true)
  [ -n "$line" ] && read -r -a args <<<"${line#// args: }"
  "$jg" query -f "$query" -g "$work/g.jg" "${args[@]}" >"$work/out" 2>"$work/err"
  code=$?
  actual=$(cat "$work/err"; echo "exit $code")
  varies() { grep -q '^// position varies' "$query" && sed -E '1s/:[0-9]+:[0-9]+: /:L:C: /;2,3d'; }
  if grep -q '^// position varies' "$query" && [ "$update" != 1 ]; then
    actual=$(varies <<<"$actual")
  fi
  if [ "$update" = 1 ]; then
    printf '%s\n' "$actual" >"$name.expected"
    continue
  fi
  expected=$(cat "$name.expected" 2>/dev/null)
  grep -q '^// position varies' "$query" && expected=$(varies <"$name.expected")
  same() { [ "$actual" = "$expected" ] && [ "$code" -ne 0 ] && [ ! -s "$work/out" ]; }
  if ! check "$name" same; then
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | head -20
  fi
done
# Every expected file has its query.
for expected in *.expected; do
  check "${expected%.expected} has a query" test -f "${expected%.expected}.cypher"
done
check "at least 60 invalid queries ($count)" test "$count" -ge 60
finish
