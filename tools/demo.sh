#!/usr/bin/env bash
# Installs what is missing, builds, brings up the namespace lab (tools/lab.sh)
# and shows Passerelle on it, so nothing on the real network is touched.
#   demo.sh [GUI OPTIONS...]  starts the GUI in the lab, where it reaches the
#                             lab's helper (Docker > Expose Containers on the
#                             Physical Network… works there); with no display
#                             it runs under Xvfb and saves a screenshot instead
#   demo.sh expose            the seed's flow from the command line, narrated:
#                             em1 bridged into br0, Docker on br0, a new
#                             container on the LAN pinging its gateway
# Run as root. `tools/lab.sh down` removes the lab afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${PASSERELLE_BUILD:-$here/build}")
export PASSERELLE_BUILD=$build # lab.sh runs the helper built there
lab=$here/tools/lab.sh
image=passerelle-lab/busybox:latest
gateway=192.168.7.254
fixed_cidr=192.168.7.192/26

prepare() {
    "$here/tools/install-deps.sh"
    cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    echo "Building into $build (log: $build/demo-build.log)..."
    if ! cmake --build "$build" -j"$(nproc)" --target passerelle passerellectl passerelle-helper passerelle-rollback \
        > "$build/demo-build.log" 2>&1; then
        tail -n 30 "$build/demo-build.log" >&2
        echo "demo.sh: the build failed, see $build/demo-build.log" >&2
        exit 1
    fi
    "$lab" up
}

# A command line as one would type it: arguments with spaces or shell
# characters in single quotes.
show() {
    local line='$' a
    for a in "$@"; do
        [[ $a == *[\ \"\&\;\{]* ]] && a="'$a'"
        line+=" $a"
    done
    printf '\n%s\n' "$line"
}

# passerellectl inside the lab, shown as one would type it there.
ctl() {
    show passerellectl "$@"
    "$lab" exec "$build/app/cli/passerellectl" "$@"
}

lab_docker() {
    show docker "$@"
    docker -H unix:///run/passerelle-lab/docker.sock "$@"
}

say() { printf '\n== %s ==\n' "$*"; }

expose() {
    prepare
    if ip -n psl-lab-host link show br0 >/dev/null 2>&1; then
        echo
        echo "The lab is exposed already: br0 exists in it (if that change still waits for"
        echo "confirmation, \`tools/lab.sh exec $build/app/cli/passerellectl status\` says so)."
        echo "For a fresh lab: tools/lab.sh down && tools/demo.sh expose"
        return 0
    fi
    say "Docker in the lab, before: its own docker0"
    ctl docker status
    say "What exposing the containers would change (--dry-run: nothing changes)"
    ctl expose em1 --bridge br0 --fixed-cidr $fixed_cidr --default-gateway $gateway --dry-run
    say "Expose, for real: em1 is bridged into br0 now; Docker waits for the confirmation"
    ctl expose em1 --bridge br0 --fixed-cidr $fixed_cidr --default-gateway $gateway
    ctl status
    say "Confirm: the bridge is kept, then Docker is pointed at br0 and restarted"
    ctl confirm
    say "A new container sits on the LAN: an address from $fixed_cidr, the LAN's gateway"
    lab_docker run -d --name lan-demo $image sh -c 'trap "exit 0" TERM INT; sleep 1000000 & wait'
    lab_docker inspect -f '{{.NetworkSettings.IPAddress}}' lan-demo
    address=$(docker -H unix:///run/passerelle-lab/docker.sock inspect -f '{{.NetworkSettings.IPAddress}}' lan-demo)
    # 192.168.7.192/26: 192.168.7.192 to 192.168.7.255.
    if [[ $address =~ ^192\.168\.7\.([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -ge 192 ]; then
        echo "lan-demo's address $address lies in $fixed_cidr"
    else
        echo "demo.sh: lan-demo's address \"$address\" is not in $fixed_cidr" >&2
        return 1
    fi
    lab_docker exec lan-demo ping -c 3 -W 2 $gateway
    say "The host now: em1 a port of br0, the containers' veths on br0"
    ctl topology
}

if [ "${1:-}" = expose ]; then
    expose
    exit 0
fi

prepare
echo
echo "== passerellectl topology (inside the lab) =="
"$lab" exec "$build/app/cli/passerellectl" topology
# lab.sh exec gives the GUI the lab's Docker and system bus (the helper).
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$lab" exec "$build/app/gui/passerelle" "$@"
fi
mkdir -p "$build/screenshots"
shot=$build/screenshots/demo.png
xvfb-run -a -s "-screen 0 1600x1000x24" "$lab" exec "$build/app/gui/passerelle" --screenshot "$shot" "$@"
echo "No display: ran under Xvfb; screenshot saved to $shot"
