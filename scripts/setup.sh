#!/usr/bin/env bash
# Installs what jurigraph needs from Debian 12's packages, and only what is missing, then the
# npm packages of the test folders. Non-interactive and idempotent: a second run installs nothing
# and does not touch apt lists.
# Usage: scripts/setup.sh [apt|npm]   (one part only: scripts/test.sh runs npm ci beside the build)
set -euo pipefail
part=${1:-all}
[[ $part == all || $part == apt || $part == npm ]] || { echo "usage: $0 [apt|npm]" >&2; exit 2; }

packages=(
  build-essential cmake pkg-config        # toolchain (g++ 12, CMake 3.25)
  ninja-build                             # scripts/build.sh builds with Ninja: both cores kept busy
  libboost-graph-dev                      # Boost.Graph: the graph and its algorithms
  rapidjson-dev                           # JSON in and out
  libsimdjson-dev                         # simdjson: JSON Lines records parsed 2.5x faster
  libvalijson-dev                         # JSON Schema (draft 7) validation over RapidJSON
  libgraphviz-dev graphviz                # cgraph/gvc for DOT and rendering; dot to check output
  libcli11-dev                            # the command line
  libxxhash-dev                           # XXH3 checksums of graph snapshots
  libabsl-dev                             # Abseil's Swiss-table hash maps for ingesting millions of ids
  libxml2-dev                             # libxml2: the DILA XML of `import dila`
  libre2-dev                              # RE2: Cypher's =~ in linear time (no backtracking)
  libgtest-dev googletest libbenchmark-dev # tests and benchmarks
  clang libclang-rt-14-dev                # the fuzz targets: clang's libFuzzer, ASan and UBSan
  clang-tidy                              # scripts/tidy.sh
  python3                                 # the end-to-end tests parse JSON output with json.tool
  python3-rdflib                          # the linked-data tests read the JSON-LD export with rdflib
  python3-networkx python3-igraph         # the graph-tool tests read the GraphML export
)
# node and npm run jsonld.js in the linked-data tests: Debian's packages, unless the commands are
# already there (NodeSource's nodejs, for one, ships npm and conflicts with Debian's npm)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

install_apt() {
  local missing=() p status sudo
  for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done

  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: all ${#packages[@]} packages present"
  else
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then
      command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
      sudo="sudo"
    fi
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# The npm packages the tests run against jurigraph's exports, each at the versions pinned by its
# folder's package-lock.json (node_modules there is git-ignored): jsonld.js (tests/linked_data),
# Oxigraph (tests/sparql) and Kuzu (tests/kuzu).
install_npm() {
  local root folder
  root="$(dirname "$0")/.."
  for folder in tests/linked_data tests/sparql tests/kuzu; do
    [[ -f "$root/$folder/package-lock.json" ]] || continue
    if [[ ! -f "$root/$folder/node_modules/.package-lock.json" ]]; then
      echo "setup: installing the npm packages of $folder (npm ci)"
      (cd "$root/$folder" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}

[[ $part == npm ]] || install_apt
[[ $part == apt ]] || install_npm
