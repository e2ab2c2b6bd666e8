#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs ctest.
# Kernel, Docker and GUI tests build their own sandboxes (network
# namespaces, a private dockerd, the offscreen platform); run as root.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${PASSERELLE_BUILD:-$here/build}
"$here/tools/install-deps.sh"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure --timeout 900 "$@"
