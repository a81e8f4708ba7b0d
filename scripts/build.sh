#!/usr/bin/env bash
# Configures and builds jurigraph in build/ (Release), or in the folder and with the CMake
# options given: scripts/build.sh build-asan -DJURIGRAPH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
# Ninja when it is installed, for a new folder and unless a generator is given (a folder keeps the
# generator it was made with): it compiles a target's files while the libraries it links are
# still being built, where make waits for each library in turn with one core idle.
generator=()
if [[ ! -f "$dir/CMakeCache.txt" && " $* " != *" -G"* ]] && command -v ninja >/dev/null; then
  generator=(-G Ninja)
fi
cmake -S . -B "$dir" "${generator[@]}" "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
