#!/usr/bin/env bash
# Writes the fuzz targets' seed corpora, made from the tests, into OUT/<target>/:
#   fuzz_dataset         '0' + each JSON dataset (datasets/, tests/data: the invalid-input corpus,
#                        the CLI fixture), '1' + JSON Lines made by `jurigraph generate`
#   fuzz_cypher_parse    the research questions (queries/), every query of the openCypher TCK
#   fuzz_cypher_execute  (../shared/opencypher-tck) and of the engine's unit tests: the same set
#   fuzz_snapshot        snapshots written by this build's jurigraph ('0' + file: the harness
#                        rewrites the checksums; '1' + file: as is) and the old-version snapshot
# Usage: fuzz/seeds.sh BUILD_DIR OUT_DIR   (BUILD_DIR holds the jurigraph binary)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build=$1
out=$2
jurigraph="$build/src/jurigraph"
tck="$root/../shared/opencypher-tck"
mkdir -p "$out"/{fuzz_dataset,fuzz_cypher_parse,fuzz_cypher_execute,fuzz_snapshot}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

prefixed() {  # prefixed BYTE FILE OUT
  { printf '%s' "$1"; cat "$2"; } >"$3"
}

n=0
while IFS= read -r -d '' f; do
  prefixed 0 "$f" "$out/fuzz_dataset/json-$((n++))"
done < <(find "$root/datasets" "$root/tests/data" -name '*.json' -print0 | sort -z)
for seed in 1 2 3; do
  "$jurigraph" generate --decisions $((seed * 4)) --seed $seed --format jsonl -o "$work/g$seed.jsonl" >/dev/null
  prefixed 1 "$work/g$seed.jsonl" "$out/fuzz_dataset/jsonl-$seed"
done

python3 - "$root" "$tck" "$out" <<'PY'
import hashlib, pathlib, re, sys
root, tck, out = map(pathlib.Path, sys.argv[1:])
queries = [p.read_text() for p in sorted((root / "queries").glob("*.cypher"))]
# The TCK's queries: the docstrings after "executing query:" (and the set-up queries).
for feature in sorted(tck.rglob("*.feature")):
    queries += re.findall(r'query:\s*\n\s*"""\n(.*?)\n\s*"""', feature.read_text(), re.S)
# The engine's unit tests: the string literals that start like a query.
for test in sorted((root / "tests" / "unit").glob("cypher_*_test.cpp")):
    for q in re.findall(r'"((?:MATCH|OPTIONAL|UNWIND|WITH|RETURN)[^"\\]*(?:\\.[^"\\]*)*)"', test.read_text()):
        queries.append(q.encode().decode("unicode_escape"))
for target in ("fuzz_cypher_parse", "fuzz_cypher_execute"):
    for q in set(queries):
        name = hashlib.sha1(q.encode()).hexdigest()[:16]
        (out / target / name).write_text(q)
PY

"$jurigraph" build "$root/tests/data/cli/chain.json" -o "$work/chain.jg" --quiet >/dev/null
"$jurigraph" build "$root/datasets" -o "$work/datasets.jg" --quiet >/dev/null
for s in chain datasets; do
  prefixed 0 "$work/$s.jg" "$out/fuzz_snapshot/$s-fixed"
  prefixed 1 "$work/$s.jg" "$out/fuzz_snapshot/$s-raw"
done
prefixed 1 "$root/tests/data/snapshot/version-1.jg" "$out/fuzz_snapshot/version-1"
for t in "$out"/*; do
  echo "seeds: $(basename "$t"): $(find "$t" -type f | wc -l) files, $(du -sk "$t" | cut -f1) KiB"
done
