#!/usr/bin/env bash
# Installs what is missing, builds, brings up the namespace lab (tools/lab.sh)
# and starts Passerelle on it, so nothing on the real network is touched.
# With no display it runs under Xvfb and saves a screenshot instead.
# Run as root. `tools/lab.sh down` removes the lab afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${PASSERELLE_BUILD:-$here/build}
"$here/tools/install-deps.sh"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target passerelle passerellectl
"$here/tools/lab.sh" up
export DOCKER_HOST=unix:///run/passerelle-lab/docker.sock
echo
echo "== passerellectl topology (inside the lab) =="
"$here/tools/lab.sh" exec "$build/app/cli/passerellectl" topology
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$here/tools/lab.sh" exec "$build/app/gui/passerelle" "$@"
fi
mkdir -p "$build/screenshots"
shot=$build/screenshots/demo.png
xvfb-run -a -s "-screen 0 1600x1000x24" "$here/tools/lab.sh" exec "$build/app/gui/passerelle" --screenshot "$shot" "$@"
echo "No display: ran under Xvfb; screenshot saved to $shot"
