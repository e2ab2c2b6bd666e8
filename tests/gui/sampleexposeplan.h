// A plan of Expose("em1", "br0", "192.0.2.192/26", "192.0.2.1") as
// PlanDocker answers it, in the shape resources/org.passerelle.Helper1.xml
// documents (and helper/dockersetup.cpp writes: daemon.json's diff as
// "-"/"+" lines of JSON), for the GUI tests that run without a helper.
#pragma once

#include "helpertypes.h"

inline Passerelle::HelperPlan sampleExposePlan()
{
    const auto step = [](const char *name, const QStringList &parameters) {
        return Passerelle::HelperPlanStep{QString::fromLatin1(name), parameters};
    };
    return {
        step("CreateBridge", {QStringLiteral("br0"), QStringLiteral("stp-off")}),
        step("SetMac", {QStringLiteral("br0"), QStringLiteral("52:54:00:12:34:56")}),
        step("MoveAddress", {QStringLiteral("192.0.2.10/24"), QStringLiteral("em1"), QStringLiteral("br0")}),
        step("MoveRoute", {QStringLiteral("default"), QStringLiteral("192.0.2.1"), QStringLiteral("em1"),
                           QStringLiteral("br0"), QStringLiteral("0")}),
        step("SetMaster", {QStringLiteral("em1"), QStringLiteral("br0")}),
        step("Confirm", {QStringLiteral("60")}),
        step("EditDaemonConfig", {QStringLiteral("/etc/docker/daemon.json"), QStringLiteral("-\"bip\": \"172.17.0.1/16\""),
                                  QStringLiteral("+\"bridge\": \"br0\""),
                                  QStringLiteral("+\"default-gateway\": \"192.0.2.1\""),
                                  QStringLiteral("+\"fixed-cidr\": \"192.0.2.192/26\"")}),
        step("KeepBackup", {QStringLiteral("/etc/docker/daemon.json"), QStringLiteral("/etc/docker/daemon.json.passerelle-backup")}),
        step("WriteFile", {QStringLiteral("/etc/network/interfaces.d/passerelle-br0"),
                           QStringLiteral("# Written by Passerelle: em1 bridged into br0.\nauto br0\niface br0 inet static\n"
                                          "    address 192.0.2.10/24\n    gateway 192.0.2.1\n    bridge_ports em1\n"
                                          "    bridge_stp off\n")}),
        step("WriteFile", {QStringLiteral("/etc/systemd/system/docker.service.d/passerelle-bridge.conf"),
                           QStringLiteral("# Written by Passerelle: Docker's default bridge is br0, so dockerd must not\n"
                                          "# start before br0 exists.\n[Unit]\n"
                                          "Wants=sys-subsystem-net-devices-br0.device\n"
                                          "After=sys-subsystem-net-devices-br0.device network-online.target\n")}),
        step("ReloadSystemd", {}),
        step("ContainersStop", {QStringLiteral("web"), QStringLiteral("db")}),
        step("RestartDocker", {QStringLiteral("systemd"), QStringLiteral("docker.service")}),
        step("WaitForDocker", {QStringLiteral("60")}),
        step("CheckBridge", {QStringLiteral("br0")}),
        step("Warning", {QStringLiteral("containers-reachable")}),
        step("Warning", {QStringLiteral("bip-removed"), QStringLiteral("172.17.0.1/16")}),
    };
}
