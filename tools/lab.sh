#!/usr/bin/env bash
# A self-contained lab in network namespaces, so Passerelle can be tried
# without touching the real network (the seed's topology, in miniature):
#   psl-lab-lan   the LAN: a switch (lan0) and the gateway 192.168.7.254
#   psl-lab-host  the "physical host": uplink em1 (192.168.7.31/20, a veth
#                 whose peer is plugged into the LAN switch), its own
#                 dockerd with two containers on docker0, and a veth to a
#                 namespace that is not a container (psl-lab-vm)
# Usage: lab.sh up | down | exec CMD... (runs CMD inside psl-lab-host with
# DOCKER_HOST pointing at the lab's daemon). Run as root.
set -euo pipefail
state=/run/passerelle-lab
host=psl-lab-host
lan=psl-lab-lan
vm=psl-lab-vm
image=passerelle-lab/busybox:latest
export DOCKER_HOST=unix://$state/docker.sock

docker_cli() { docker -H "$DOCKER_HOST" "$@"; }

busybox_rootfs() {
    # An image without a registry: a root filesystem made from busybox-static.
    local root=$state/rootfs
    rm -rf "$root"
    mkdir -p "$root"/{bin,etc,tmp,proc,sys,dev}
    cp /bin/busybox "$root/bin/busybox"
    for applet in sh ls cat sleep ip ifconfig ping udhcpc hostname ps top wget nc; do
        ln -sf busybox "$root/bin/$applet"
    done
    tar -C "$root" -c .
}

up() {
    [ "$(id -u)" -eq 0 ] || { echo "lab.sh: run as root" >&2; exit 1; }
    for ns in $lan $host $vm; do
        if [ -e /run/netns/$ns ]; then
            echo "lab.sh: $ns exists already: the lab is up, or half up (lab.sh down removes it)" >&2
            return 0
        fi
    done
    mkdir -p "$state"
    for ns in $lan $host $vm; do
        ip netns add $ns
        ip -n $ns link set lo up
    done
    # The LAN switch and its gateway.
    ip -n $lan link add lan0 type bridge
    ip -n $lan addr add 192.168.7.254/20 dev lan0
    ip -n $lan link set lan0 up
    # em1: the host's uplink, cabled to the switch.
    ip -n $host link add em1 type veth peer name host-a netns $lan
    ip -n $lan link set host-a master lan0 up
    ip -n $host addr add 192.168.7.31/20 dev em1
    ip -n $host link set em1 up
    ip -n $host route add default via 192.168.7.254 dev em1
    # A namespace that is not a container, with a veth into the host.
    ip -n $host link add vm-tap0 type veth peer name eth0 netns $vm
    ip -n $host link set vm-tap0 up
    ip -n $vm link set eth0 up

    cat > "$state/daemon.json" <<JSON
{ "bip": "172.17.0.1/16", "iptables": false }
JSON
    nsenter --net=/run/netns/$host dockerd \
        --data-root "$state/data" --exec-root "$state/exec" \
        -H "$DOCKER_HOST" --pidfile "$state/docker.pid" --config-file "$state/daemon.json" \
        > "$state/dockerd.log" 2>&1 &
    for _ in $(seq 100); do
        docker_cli version >/dev/null 2>&1 && break
        sleep 0.2
    done
    docker_cli version >/dev/null 2>&1 || { echo "lab.sh: dockerd did not start, see $state/dockerd.log" >&2; exit 1; }
    docker_cli image inspect $image >/dev/null 2>&1 || busybox_rootfs | docker_cli import - $image >/dev/null
    docker_cli run -d --name web --label com.docker.compose.project=shop $image sleep 1000000 >/dev/null
    docker_cli run -d --name db --label com.docker.compose.project=shop $image sleep 1000000 >/dev/null
    echo "lab is up: namespaces $host, $lan, $vm; Docker at $DOCKER_HOST"
}

down() {
    if [ -f "$state/docker.pid" ]; then
        pid=$(cat "$state/docker.pid")
        docker_cli rm -f web db >/dev/null 2>&1 || true
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    # Whatever dockerd left mounted under the lab's folder.
    if [ -d "$state" ]; then
        # (no match is the usual case: grep's status must not end the script)
        { grep " $state/" /proc/self/mountinfo || true; } | awk '{print $5}' | sort -r | while read -r m; do
            umount -l "$m" 2>/dev/null || true
        done
    fi
    for ns in $host $lan $vm; do
        ip netns delete $ns 2>/dev/null || true
    done
    rm -rf "$state"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    exec) shift; exec nsenter --net=/run/netns/$host "$@" ;;
    *) echo "usage: lab.sh up | down | exec CMD..." >&2; exit 2 ;;
esac
