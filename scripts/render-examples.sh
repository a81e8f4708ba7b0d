#!/usr/bin/env bash
# Renders the example diagrams of viz/ from the shipped datasets. The test suite runs it into a
# temporary folder and fails when viz/ differs: run it again after changing the datasets, the
# style or the exporter, and commit the result.
#   scripts/render-examples.sh [JURIGRAPH] [OUTPUT_FOLDER]   (defaults: build/src/jurigraph, viz)
set -euo pipefail
cd "$(dirname "$0")/.."
jg=${1:-build/src/jurigraph}
dir=${2:-viz}
mkdir -p "$dir"
# The Orange case: Gutenberg, Orange's emailing subcontractor, and three hops around it — its
# own unnamed subcontractor, Orange, the CNIL's public warning, the CNIL, the provision cited and
# the Conseil d'État's ruling on the warning.
"$jg" render --focus Gutenberg --depth 3 --layout dot -o "$dir/orange-chain.svg" datasets
# The shortest path from that unnamed subcontractor to the Conseil d'État.
"$jg" render --path company:gutenberg-unnamed-subcontractor "Conseil d'Etat" --layout dot \
  -o "$dir/orange-path.svg" datasets
# Every seed case in one drawing.
"$jg" render --layout dot -o "$dir/seed-graph.svg" datasets
