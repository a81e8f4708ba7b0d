#!/usr/bin/env bash
# Times `jurigraph build` on corpora shaped as researchers keep them, rather than as one large
# generated file: datasets split over files that share their entities, minified JSON whose
# companies other files name differently, and folders of thousands of small files.
#
#   bench/corpus_shapes_bench.sh build/src/jurigraph [WORK_DIR]
#
# Prints, for each corpus, the build's own line (nodes, relationships, stages) and the wall time
# and peak RSS from /usr/bin/time. The corpora are made once in WORK_DIR (default
# /tmp/jurigraph-shapes) and reused.
set -euo pipefail
jg=$1
work=${2:-/tmp/jurigraph-shapes}
mkdir -p "$work"

# Eight JSON files of 25,000 generated decisions, each file's decisions renamed so that only the
# entities (authorities, courts, companies, provisions) are shared: each is merged 8 times.
if [[ ! -d $work/shared-entities ]]; then
  mkdir -p "$work/shared-entities.tmp"
  for i in 1 2 3 4 5 6 7 8; do
    "$jg" generate --decisions 25000 --seed "$i" -o "$work/shared-entities.tmp/part$i.json" >/dev/null
    sed -i "s/decision:d/decision:f${i}d/g" "$work/shared-entities.tmp/part$i.json"
  done
  mv "$work/shared-entities.tmp" "$work/shared-entities"
fi

# Two minified JSON files of 25,000 decisions whose companies have other names in the second:
# 6,250 conflicting names, each a warning and two claims located in a file of one line.
if [[ ! -d $work/minified-conflicts ]]; then
  mkdir -p "$work/minified-conflicts.tmp"
  "$jg" generate --decisions 25000 --seed 1 -o "$work/minified-conflicts.tmp/a.json" >/dev/null
  sed -e 's/"name":"Company /"name":"Firm /g' -e 's/decision:d/decision:b/g' \
    "$work/minified-conflicts.tmp/a.json" >"$work/minified-conflicts.tmp/b.json"
  mv "$work/minified-conflicts.tmp" "$work/minified-conflicts"
fi

# 3,000 JSON files of one company each, and 3,000 JSON Lines files of three records each.
if [[ ! -d $work/small-json || ! -d $work/small-jsonl ]]; then
  rm -rf "$work/small-json" "$work/small-jsonl"
  python3 - "$work" <<'EOF'
import json, os, sys
work = sys.argv[1]
os.makedirs(f"{work}/small-json")
os.makedirs(f"{work}/small-jsonl")
source = [{"url": "https://example.org/s"}]
for i in range(3000):
    company = {"id": f"company:m{i}", "label": "Company", "name": f"M {i}", "sources": source}
    with open(f"{work}/small-json/f{i:05d}.json", "w") as f:
        json.dump({"entities": [company]}, f)
    lines = [{"entity": company},
             {"entity": {"id": "authority:cnil", "label": "Authority", "name": "CNIL",
                         "sources": source}},
             {"decision": {"id": f"decision:x{i}", "kind": "sanction",
                           "issued_by": "authority:cnil", "against": [f"company:m{i}"],
                           "date": "2020-01-01", "sources": source}}]
    with open(f"{work}/small-jsonl/f{i:05d}.jsonl", "w") as f:
        f.write("".join(json.dumps(line) + "\n" for line in lines))
EOF
fi

for corpus in shared-entities minified-conflicts small-json small-jsonl; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$jg" build "$work/$corpus" -o "$work/$corpus.jg" \
    --quiet 2>"$work/stderr" | tail -1 | sed "s/^/$corpus: /"
  grep -v '^wrote' "$work/stderr" | tail -1 || true
  read -r wall rss <"$work/time"
  echo "$corpus: $wall s wall, peak RSS $((rss / 1024)) MB"
done
