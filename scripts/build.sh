#!/usr/bin/env bash
# Configures and builds jurigraph in build/ (Release), or in the folder and with the CMake
# options given: scripts/build.sh build-asan -DJURIGRAPH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
