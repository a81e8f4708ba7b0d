#!/usr/bin/env bash
# The main job on the shipped datasets: set up, build, then validate, count, trace the Orange
# chain, draw it and export the graph as linked data into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
jg=build/src/jurigraph
mkdir -p out

echo "== jurigraph validate datasets"
$jg validate datasets
echo "== jurigraph stats datasets"
$jg stats datasets
$jg stats datasets --format json > out/stats.json.tmp && mv out/stats.json.tmp out/stats.json
echo "== jurigraph path Orange \"Conseil d'Etat\""
$jg path Orange "Conseil d'Etat" datasets
echo "== jurigraph show Gutenberg"
$jg show Gutenberg datasets
echo "== diagrams and exports"
$jg render -o out/orange-chain.svg --focus Gutenberg --depth 3 datasets
$jg render -o out/seed-graph.svg datasets
$jg export --format jsonld -o out/graph.jsonld datasets
$jg export --format nquads -o out/graph.nq datasets
$jg export --format dot -o out/graph.dot datasets
echo "== results in out/: $(ls out | tr '\n' ' ')"
