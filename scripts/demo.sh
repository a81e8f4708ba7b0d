#!/usr/bin/env bash
# The main job on the shipped datasets: set up, build, validate, and write the results to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
jg=build/src/jurigraph
mkdir -p out

echo "== jurigraph validate datasets"
$jg validate datasets
echo "== jurigraph stats datasets (also out/stats.json)"
$jg stats datasets
$jg stats datasets --format json > out/stats.json.tmp && mv out/stats.json.tmp out/stats.json
echo "== jurigraph show Gutenberg (also out/gutenberg.json)"
$jg show Gutenberg
$jg show Gutenberg --format json > out/gutenberg.json.tmp && mv out/gutenberg.json.tmp out/gutenberg.json
echo "== results in out/: $(ls out | tr '\n' ' ')"
