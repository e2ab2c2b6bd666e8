#!/usr/bin/env bash
# Installs what Passerelle needs to build, test and run its demo on Debian 12.
# Run as root. Keep this list and README's install step the same.
set -euo pipefail
packages=(
    build-essential cmake pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-svg-dev
    libnl-3-dev libnl-route-3-dev libcurl4-openssl-dev
    libpolkit-gobject-1-dev libdbus-1-dev dbus dbus-daemon dbus-bin polkitd
    iproute2 docker.io busybox-static iptables libnftables-dev
    ifupdown bridge-utils systemd python3 jq curl
    xvfb xauth procps psmisc util-linux
    desktop-file-utils appstream
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
