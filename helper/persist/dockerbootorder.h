// Boot order: at boot docker.service may start before the bridge its
// daemon.json names exists, and dockerd then fails. A drop-in makes it
// want the bridge's device unit and start after it. Only where systemd
// runs; the caller checks systemdRuns() and decides.
#pragma once

#include "configfiles.h"

#include <QString>

namespace Passerelle {

// Whether systemd is PID 1: its run folder (/run/systemd/system) exists.
bool systemdRuns(const QString &systemdRunDirectory);

// The device unit of a network interface, escaped as systemd-escape --path
// does: "br0" -> "sys-subsystem-net-devices-br0.device",
// "br-lan" -> "sys-subsystem-net-devices-br\x2dlan.device".
QString networkDeviceUnit(const QString &iface);

// <dropInDirectory>/passerelle-bridge.conf for BRIDGE.
ConfigFile dockerBootOrderDropIn(const QString &bridge, const QString &dropInDirectory);

} // namespace Passerelle
