#include "bridgepersistence.h"

#include "dockerbootorder.h"
#include "ifupdownwriter.h"
#include "networkdwriter.h"
#include "helperlogging.h"
#include "safefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

namespace {

QByteArray sha256(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

// Whether PATH still holds what we wrote (SHA is empty for a file we
// did not write, such as one only removed).
bool unchangedSince(const QString &path, const QByteArray &sha)
{
    QByteArray content;
    bool exists = false;
    if (SafeFile::read(path, &content, &exists) || !exists)
        return false;
    return sha256(content) == sha;
}

} // namespace

QString PersistRecord::path(const HelperConfig &config, const QString &bridge)
{
    return config.stateDirectory + QStringLiteral("/persist-") + fileNameSafe(bridge) + QStringLiteral(".json");
}

std::optional<PersistRecord> PersistRecord::load(const HelperConfig &config, const QString &bridge)
{
    QByteArray content;
    bool exists = false;
    if (SafeFile::read(path(config, bridge), &content, &exists) || !exists)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(content).object();
    if (o.value(QStringLiteral("bridge")).toString() != bridge)
        return std::nullopt;
    PersistRecord r;
    r.bridge = bridge;
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        AppliedConfigFile a;
        a.path = f.value(QStringLiteral("path")).toString();
        a.backupPath = f.value(QStringLiteral("backup")).toString();
        a.previousMode = mode_t(f.value(QStringLiteral("mode")).toInt(0644));
        for (const QJsonValue &d : f.value(QStringLiteral("createdDirectories")).toArray())
            a.createdDirectories.append(d.toString());
        r.applied.files.append(a);
        r.written.insert(a.path, f.value(QStringLiteral("sha256")).toString().toLatin1());
    }
    for (const QJsonValue &v : o.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        r.applied.connections.append({c.value(QStringLiteral("path")).toString(), c.value(QStringLiteral("uuid")).toString()});
    }
    return r;
}

bool PersistRecord::save(const HelperConfig &config, QString *error) const
{
    QJsonArray files;
    for (const AppliedConfigFile &a : applied.files) {
        files.append(QJsonObject{{QStringLiteral("path"), a.path},
                                 {QStringLiteral("backup"), a.backupPath},
                                 {QStringLiteral("mode"), int(a.previousMode)},
                                 {QStringLiteral("createdDirectories"), QJsonArray::fromStringList(a.createdDirectories)},
                                 {QStringLiteral("sha256"), QString::fromLatin1(written.value(a.path))}});
    }
    QJsonArray connections;
    for (const AddedNmConnection &c : applied.connections)
        connections.append(QJsonObject{{QStringLiteral("path"), c.path}, {QStringLiteral("uuid"), c.uuid}});
    const QJsonObject o{{QStringLiteral("bridge"), bridge}, {QStringLiteral("files"), files},
                        {QStringLiteral("connections"), connections}};
    if (auto failure = SafeFile::write(path(config, bridge), QJsonDocument(o).toJson(), 0600, nullptr)) {
        *error = failure->detail;
        return false;
    }
    return true;
}

HelperPlan PersistRecord::describeForget() const
{
    HelperPlan steps;
    for (auto it = applied.files.crbegin(); it != applied.files.crend(); ++it) {
        if (!unchangedSince(it->path, written.value(it->path)))
            continue;
        if (it->backupPath.isEmpty())
            steps.append({QStringLiteral("RemoveFile"), {it->path}});
        else
            steps.append({QStringLiteral("RestoreFile"), {it->path, it->backupPath}});
    }
    for (const AddedNmConnection &c : applied.connections)
        steps.append({QStringLiteral("RemoveConnection"), {c.uuid}});
    return steps;
}

void PersistRecord::forget(const HelperConfig &config, const QDBusConnection &systemBus) const
{
    AppliedPersistence undo;
    undo.connections = applied.connections;
    for (const AppliedConfigFile &a : applied.files) {
        if (unchangedSince(a.path, written.value(a.path)))
            undo.files.append(a);
        else
            qCWarning(lcHelper, "%s changed since Passerelle wrote it: left as it is", qPrintable(a.path));
    }
    if (auto failure = undoPersistence(undo, systemBus))
        qCWarning(lcHelper, "the permanent configuration of %s is not all gone: %s", qPrintable(bridge),
                  qPrintable(failure->detail));
    QFile::remove(path(config, bridge));
    qCInfo(lcHelper, "the permanent configuration of %s is gone", qPrintable(bridge));
}

} // namespace Passerelle
