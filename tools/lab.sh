#!/usr/bin/env bash
# A self-contained lab in network namespaces, so Passerelle can be tried
# without touching the real network (the seed's topology, in miniature):
#   psl-lab-lan   the LAN: a switch (lan0) and the gateway 192.168.7.254
#   psl-lab-host  the "physical host": uplink em1 (192.168.7.31/20, a veth
#                 whose peer is plugged into the LAN switch), its own
#                 dockerd with two containers on docker0, a veth to a
#                 namespace that is not a container (psl-lab-vm), and its
#                 own system bus with polkitd and the built passerelle-helper,
#                 whose helper.conf points at the lab's files only
# Everything lives under /run/passerelle-lab and in those namespaces; nothing
# of the host's is changed. The lab's polkitd runs in a mount namespace of
# its own, where the folders it reads hold the helper's actions and a rule
# granting them to root and to the group $PASSERELLE_LAB_GROUP (default
# passerelle-lab): the host's polkit files stay as they are, and the tests,
# which install the same actions file there, cannot take it from the lab.
# Usage: lab.sh up | down | exec CMD... (runs CMD inside psl-lab-host with
# DOCKER_HOST and DBUS_SYSTEM_BUS_ADDRESS pointing at the lab's daemon and
# bus). The helper is taken from $PASSERELLE_BUILD (default: build/). Run as root.
set -Eeuo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${PASSERELLE_BUILD:-$here/build}")
state=/run/passerelle-lab
host=psl-lab-host
lan=psl-lab-lan
vm=psl-lab-vm
image=passerelle-lab/busybox:latest
group=${PASSERELLE_LAB_GROUP:-passerelle-lab}
helper=$build/helper/passerelle-helper
actions_dir=/usr/share/polkit-1/actions
rules_dir=/etc/polkit-1/rules.d
polkit_service=/usr/share/dbus-1/system-services/org.freedesktop.PolicyKit1.service
export DOCKER_HOST=unix://$state/docker.sock
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$state/bus/system_bus_socket

# A container's command: sh as pid 1 ignores SIGTERM unless it traps it.
container_command='trap "exit 0" TERM INT; sleep 1000000 & wait'

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

# The helper restarts the lab's dockerd with this script (restart=command),
# as tests/fixtures/dockerfixture.cpp's restartable mode does: stop the
# daemon named in the pid file, start it again detached, in the lab's
# namespace, with a clean environment (not the helper's), and wait for
# /_ping. Its network settings are in daemon.json only, where the helper
# edits them.
write_restart_script() {
    cat > "$state/restart-dockerd" <<SCRIPT
#!/bin/sh
# Restarts Passerelle's lab dockerd (written by tools/lab.sh).
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
pidfile=$state/docker.pid
log=$state/dockerd.log
sock=$state/docker.sock

# Running and not a zombie.
alive() {
    st=\$(sed -e 's/^.*) \\(.\\).*\$/\\1/' "/proc/\$1/stat" 2>/dev/null)
    [ -n "\$st" ] && [ "\$st" != Z ] && [ "\$st" != X ]
}

if [ -s "\$pidfile" ]; then
    old=\$(cat "\$pidfile")
    if alive "\$old"; then
        kill -TERM "\$old"
        i=0
        while alive "\$old" && [ \$i -lt 300 ]; do sleep 0.1; i=\$((i + 1)); done
        if alive "\$old"; then kill -KILL "\$old"; sleep 0.5; fi
    fi
fi
rm -f "\$pidfile" "\$sock"

size=0
[ -f "\$log" ] && size=\$(wc -c < "\$log")
env -i PATH="\$PATH" HOME=/root setsid nsenter --net=/run/netns/$host dockerd \\
    --data-root $state/data --exec-root $state/exec -H unix://\$sock \\
    --pidfile "\$pidfile" --config-file $state/daemon.json < /dev/null >> "\$log" 2>&1 &
pid=\$!

i=0
while [ \$i -lt 300 ]; do
    if ! alive "\$pid"; then
        echo "dockerd exited at once; the end of its log:" >&2
        tail -c +\$((size + 1)) "\$log" | tail -n 20 >&2
        exit 1
    fi
    curl -sf --max-time 2 --unix-socket "\$sock" http://localhost/_ping > /dev/null && exit 0
    sleep 0.1
    i=\$((i + 1))
done
echo "dockerd did not answer /_ping within 30 s" >&2
exit 1
SCRIPT
    chmod 755 "$state/restart-dockerd"
}

write_helper_conf() {
    # ifupdown files as on the seed's host: em1 static, interfaces.d sourced.
    mkdir -p "$state/interfaces.d" "$state/units"
    cat > "$state/interfaces" <<EOF
# The lab host's /etc/network/interfaces (written by tools/lab.sh).
source $state/interfaces.d/*

auto lo
iface lo inet loopback

auto em1
iface em1 inet static
    address 192.168.7.31/20
    gateway 192.168.7.254
EOF
    cat > "$state/helper.conf" <<EOF
# passerelle-helper in the lab (written by tools/lab.sh): only the lab's files.
[helper]
state-dir=$state/helper-state

[docker]
config=$state/daemon.json
socket=unix://$state/docker.sock
restart=command
restart-command=$state/restart-dockerd
restart-timeout=60
defaults-file=$state/default-docker
unit-dirs=$state/units

[persist]
backend=ifupdown
ifupdown-dir=$state/interfaces.d
interfaces-file=$state/interfaces
networkd-dir=$state/network
dropin-dir=$state/docker.service.d
EOF
}

# polkitd reads its actions and rules from fixed folders only. The lab's
# copies of them, with the helper's actions and the lab's rule added, are
# mounted over those folders in polkitd's own mount namespace (private
# propagation: the host never sees these mounts, and they end with polkitd).
write_polkit_files() {
    local dir=$state/polkit
    mkdir -p "$dir/actions" "$dir/rules.d"
    cp -pR "$actions_dir"/. "$dir/actions/"
    install -m 644 "$build/helper/org.passerelle.policy" "$dir/actions/"
    cp -pR "$rules_dir"/. "$dir/rules.d/"
    cat > "$dir/rules.d/10-passerelle-lab.rules" <<EOF
// The lab's helper may be used by root and by members of the group $group.
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.passerelle.") == 0
        && (subject.user == "root" || subject.isInGroup("$group")))
        return polkit.Result.YES;
});
EOF
    chmod 755 "$dir/actions" "$dir/rules.d"
    chmod 644 "$dir/rules.d/10-passerelle-lab.rules"
    cat > "$dir/polkitd" <<EOF
#!/bin/sh
# polkitd for Passerelle's lab bus (written by tools/lab.sh), in a mount
# namespace of its own where it finds the lab's actions and rules.
exec unshare --mount --propagation private sh -c '
    mount --bind $dir/actions $actions_dir &&
    mount --bind $dir/rules.d $rules_dir &&
    exec $(sed -n 's/^Exec=//p' "$polkit_service")'
EOF
    chmod 755 "$dir/polkitd"
}

start_bus() {
    local dir=$state/bus
    mkdir -p "$dir/services" "$dir/system.d"
    cp "$build/helper/org.passerelle.Helper1.conf" /usr/share/dbus-1/system.d/org.freedesktop.PolicyKit1.conf "$dir/system.d/"
    # polkitd's own service file, started through the lab's wrapper.
    sed -e "s|^Exec=.*|Exec=$state/polkit/polkitd|" "$polkit_service" > "$dir/services/org.freedesktop.PolicyKit1.service"
    cat > "$dir/services/org.passerelle.Helper1.service" <<EOF
[D-BUS Service]
Name=org.passerelle.Helper1
Exec=$helper --config $state/helper.conf
User=root
EOF
    # The policy of dbus's own system.conf, then the services' files.
    cat > "$dir/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$dir/system_bus_socket</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$dir/services</servicedir>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Debug.Stats"/>
  </policy>
  <policy user="root">
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Monitoring"/>
  </policy>
  <includedir>$dir/system.d</includedir>
</busconfig>
EOF
    # nsenter, not `ip netns exec` (which remounts /sys): the bus and the
    # services it starts (polkitd, the helper) live in the lab host's
    # network namespace. Detached, with a clean environment the services
    # inherit; their output goes to bus.log.
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        setsid nsenter --net=/run/netns/$host dbus-daemon --config-file="$dir/bus.conf" --nofork \
        --print-pid=3 3> "$dir/bus.pid" < /dev/null > "$dir/bus.log" 2>&1 &
    for _ in $(seq 100); do
        [ -s "$dir/bus.pid" ] && [ -S "$dir/system_bus_socket" ] && return 0
        sleep 0.1
    done
    echo "lab.sh: the lab's system bus did not start, see $dir/bus.log" >&2
    return 1
}

up() {
    [ "$(id -u)" -eq 0 ] || { echo "lab.sh: run as root" >&2; exit 1; }
    for ns in $lan $host $vm; do
        if [ -e /run/netns/$ns ]; then
            echo "lab.sh: $ns exists already: the lab is up, or half up (lab.sh down removes it)" >&2
            return 0
        fi
    done
    for f in "$helper" "$build/helper/passerelle-rollback"; do
        [ -x "$f" ] || { echo "lab.sh: $f is not built (cmake --build $build --target passerelle-helper passerelle-rollback)" >&2; exit 1; }
    done
    mkdir -p "$state"
    # Whatever fails from here on leaves nothing behind.
    trap 'trap - ERR; echo "lab.sh: bringing the lab up failed; removing it" >&2; down; exit 1' ERR
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
{ "bip": "172.17.0.1/16", "iptables": false, "shutdown-timeout": 3 }
JSON
    write_restart_script
    "$state/restart-dockerd" || { echo "lab.sh: dockerd did not start, see $state/dockerd.log" >&2; false; }
    docker_cli image inspect $image >/dev/null 2>&1 || busybox_rootfs | docker_cli import - $image >/dev/null
    # They come back after each restart of Docker, on whatever bridge it uses
    # then; they end at once on SIGTERM, so a restart takes seconds.
    for name in web db; do
        docker_cli run -d --name $name --restart unless-stopped --label com.docker.compose.project=shop \
            $image sh -c "$container_command" >/dev/null
    done

    write_helper_conf
    write_polkit_files
    start_bus
    trap - ERR
    echo "lab is up: namespaces $host, $lan, $vm; Docker at $DOCKER_HOST;"
    echo "  passerelle-helper on the lab's system bus $DBUS_SYSTEM_BUS_ADDRESS (settings: $state/helper.conf)"
}

# Processes whose network namespace is the lab host's: the bus and what it
# started (polkitd, the helper, its rollback agent), containerd, shims, and
# anything started with `lab.sh exec`.
lab_pids() {
    local ino
    ino=$(stat -L -c %i /run/netns/$host 2>/dev/null) || return 0
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/ns/net" 2>/dev/null)" = "net:[$ino]" ] && echo "${p#/proc/}"
    done
    return 0
}

stop_pids() {
    [ $# -gt 0 ] || return 0
    kill "$@" 2>/dev/null || true
    for _ in $(seq 50); do
        local left=0
        for pid in "$@"; do kill -0 "$pid" 2>/dev/null && left=1; done
        [ $left -eq 0 ] && return 0
        sleep 0.1
    done
    kill -9 "$@" 2>/dev/null || true
}

down() {
    if [ -s "$state/docker.pid" ]; then
        pid=$(cat "$state/docker.pid")
        # shellcheck disable=SC2046
        docker_cli rm -f $(docker_cli ps -aq 2>/dev/null) >/dev/null 2>&1 || true
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    if [ -s "$state/bus/bus.pid" ]; then
        stop_pids "$(cat "$state/bus/bus.pid")"
    fi
    # shellcheck disable=SC2046
    stop_pids $(lab_pids)
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
