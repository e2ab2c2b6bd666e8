#include "bridgepersistence.h"

#include "dockerbootorder.h"
#include "ifupdownwriter.h"
#include "networkdwriter.h"

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace Passerelle {

PersistSettings BridgePersistence::settings(const HelperConfig &config)
{
    PersistSettings s;
    const std::optional<PersistBackend> backend = persistBackendFromKey(config.persist.backend);
    s.automatic = !backend;   // "auto" is no backend's key
    s.backend = backend.value_or(PersistBackend::None);
    s.ifupdownDirectory = config.persist.ifupdownDir;
    s.interfacesFile = config.persist.interfacesFile;
    s.networkdDirectory = config.persist.networkdDir;
    s.dockerDropInDirectory = config.persist.dropInDir;
    s.backupDirectory = config.stateDirectory + QStringLiteral("/persist-backup");
    return s;
}

PersistentBridge BridgePersistence::describe(const NetState &state, const QString &bridge)
{
    PersistentBridge out;
    out.name = bridge;
    const std::optional<LinkState> link = state.links.byName(bridge);
    if (!link)
        return out;
    out.stp = link->stp == 1;
    out.mac = link->mac.isEmpty() ? QString() : macToText(link->mac);
    for (const LinkState &port : state.links.portsOf(link->ifindex)) {
        // Docker's own veths (vethXXXXXXX, made per container start) come
        // and go with containers: never written as permanent ports.
        if (port.kind == QLatin1String("veth") && port.name.startsWith(QLatin1String("veth")))
            continue;
        out.ports.append(port.name);
    }
    for (const AddressState &a : state.addressesOf(link->ifindex)) {
        if (a.scope != RT_SCOPE_UNIVERSE)
            continue;   // link-local addresses are the kernel's own
        const bool permanent = a.flags & IFA_F_PERMANENT;
        if (a.family == AF_INET && !permanent) {
            out.dhcpv4 = true;
            continue;
        }
        if (a.family == AF_INET6 && (!permanent || (a.flags & IFA_F_TEMPORARY)))
            continue;   // SLAAC and privacy addresses come back by themselves
        out.staticAddresses.append(a.text());
    }
    for (const RouteState &r : state.routesThrough(link->ifindex)) {
        if (!r.isDefault() || r.gateway.isEmpty() || r.table != RT_TABLE_MAIN)
            continue;
        if (r.family == AF_INET && out.ipv4Gateway.isEmpty() && !out.dhcpv4)
            out.ipv4Gateway = r.gatewayText();
        else if (r.family == AF_INET6 && out.ipv6Gateway.isEmpty() && r.protocol != RTPROT_RA)
            out.ipv6Gateway = r.gatewayText();
    }
    return out;
}

std::optional<HelperFailure> BridgePersistence::plan(const HelperConfig &config, const NetState &state,
                                                     const QString &bridge, const QDBusConnection &systemBus,
                                                     BridgePersistence *out)
{
    *out = BridgePersistence();
    out->bridge = describe(state, bridge);
    if (auto failure = out->bridge.validate())
        return failure;
    const PersistSettings settings = BridgePersistence::settings(config);
    // The stack of the uplink decides: the bridge is new to all of them.
    const QString port = out->bridge.ports.value(0, bridge);
    const std::optional<LinkState> portLink = state.links.byName(port);
    const BackendDetector detector(settings, systemBus);
    if (auto failure = detector.choose(port, portLink ? portLink->ifindex : 0, &out->backend, &out->why))
        return failure;
    switch (out->backend) {
    case PersistBackend::Ifupdown:
        if (auto failure = IfupdownWriter(settings).files(out->bridge, &out->files))
            return failure;
        break;
    case PersistBackend::Networkd:
        if (auto failure = NetworkdWriter(settings).files(out->bridge, &out->files))
            return failure;
        break;
    case PersistBackend::NetworkManager:
        out->connections = networkManagerConnections(out->bridge);
        break;
    case PersistBackend::None:
        break;
    }
    // The drop-in makes Docker wait for the bridge at boot: only when the
    // bridge will be there at boot.
    if (out->backend != PersistBackend::None && systemdRuns(settings.systemdRunDirectory)) {
        out->files.append(dockerBootOrderDropIn(bridge, settings.dockerDropInDirectory));
        out->dropIn = true;
    }
    return std::nullopt;
}

bool BridgePersistence::networkManagerManages(const HelperConfig &config, const QString &port,
                                              const QDBusConnection &systemBus)
{
    QString detail;
    return BackendDetector(settings(config), systemBus).networkManagerManages(port, &detail);
}

HelperPlan BridgePersistence::describeSteps() const
{
    HelperPlan steps;
    for (const ConfigFile &file : files)
        steps.append({QStringLiteral("WriteFile"), {file.path, QString::fromUtf8(file.content)}});
    for (const NmConnection &c : connections) {
        const QVariantMap connection = c.settings.value(QStringLiteral("connection"));
        steps.append({QStringLiteral("AddConnection"),
                      {c.id, connection.value(QStringLiteral("type")).toString(),
                       connection.value(QStringLiteral("interface-name")).toString()}});
    }
    return steps;
}

std::optional<HelperFailure> applyPersistence(const BridgePersistence &persistence, const HelperConfig &config,
                                              const QDBusConnection &systemBus, AppliedPersistence *applied)
{
    *applied = AppliedPersistence();
    const PersistSettings settings = BridgePersistence::settings(config);
    if (auto failure = applyConfigFiles(persistence.files, settings.backupDirectory, &applied->files))
        return failure;
    if (!persistence.connections.isEmpty()) {
        if (auto failure = NetworkManagerSettings(systemBus).add(persistence.connections, &applied->connections)) {
            undoConfigFiles(applied->files);
            applied->files.clear();
            return failure;
        }
    }
    return std::nullopt;
}

std::optional<HelperFailure> undoPersistence(const AppliedPersistence &applied, const QDBusConnection &systemBus)
{
    std::optional<HelperFailure> first;
    if (!applied.connections.isEmpty())
        first = NetworkManagerSettings(systemBus).remove(applied.connections);
    if (auto failure = undoConfigFiles(applied.files); failure && !first)
        first = failure;
    return first;
}

} // namespace Passerelle
