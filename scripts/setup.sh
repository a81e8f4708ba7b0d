#!/usr/bin/env bash
# Installs what jurigraph needs from Debian 12's packages, and only what is missing.
# Non-interactive and idempotent: a second run installs nothing and does not touch apt lists.
set -euo pipefail

packages=(
  build-essential cmake pkg-config        # toolchain (g++ 12, CMake 3.25)
  libboost-graph-dev                      # Boost.Graph: the graph and its algorithms
  rapidjson-dev                           # JSON in and out
  libvalijson-dev                         # JSON Schema (draft 7) validation over RapidJSON
  libgraphviz-dev graphviz                # cgraph/gvc for DOT and rendering; dot to check output
  libcli11-dev                            # the command line
  libgtest-dev googletest libbenchmark-dev # tests and benchmarks
  python3                                 # the end-to-end tests parse JSON output with json.tool
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
