#include "networkmanagerconnections.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QUuid>

namespace Passerelle {

namespace {

const QString settingsPath = QStringLiteral("/org/freedesktop/NetworkManager/Settings");
const QString settingsInterface = QStringLiteral("org.freedesktop.NetworkManager.Settings");
const QString connectionInterface = QStringLiteral("org.freedesktop.NetworkManager.Settings.Connection");
constexpr int callTimeoutMs = 25000;

// Over the other profiles a distribution makes for the port ("Wired
// connection 1"), so that ours is the one NetworkManager activates at boot.
constexpr int autoconnectPriority = 10;

QByteArray macBytes(const QString &mac)
{
    return QByteArray::fromHex(mac.toLatin1().replace(':', QByteArray()));
}

QVariantMap ipSettings(const QStringList &cidrs, const QString &gateway, const QString &method)
{
    QVariantMap ip;
    ip.insert(QStringLiteral("method"), method);
    if (cidrs.isEmpty())
        return ip;
    NmAddressData data;
    for (const QString &cidr : cidrs) {
        data.append(QVariantMap{{QStringLiteral("address"), cidr.section(QLatin1Char('/'), 0, 0)},
                                {QStringLiteral("prefix"), cidr.section(QLatin1Char('/'), 1).toUInt()}});
    }
    ip.insert(QStringLiteral("address-data"), QVariant::fromValue(data));
    if (!gateway.isEmpty())
        ip.insert(QStringLiteral("gateway"), gateway);
    return ip;
}

HelperFailure failed(const QString &method, const QString &detail)
{
    return HelperFailure::make(HelperError::Failed, {method, QString(), detail}, detail);
}

} // namespace

void registerNetworkManagerTypes()
{
    static const bool once = [] {
        qDBusRegisterMetaType<NmAddressData>();
        qDBusRegisterMetaType<NmConnectionSettings>();
        return true;
    }();
    Q_UNUSED(once);
}

QList<NmConnection> networkManagerConnections(const PersistentBridge &bridge)
{
    const auto newUuid = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
    QList<NmConnection> result;

    NmConnection br;
    br.uuid = newUuid();
    br.id = QStringLiteral("Passerelle %1").arg(bridge.name);
    br.settings.insert(QStringLiteral("connection"),
                       {{QStringLiteral("id"), br.id},
                        {QStringLiteral("uuid"), br.uuid},
                        {QStringLiteral("type"), QStringLiteral("bridge")},
                        {QStringLiteral("interface-name"), bridge.name},
                        {QStringLiteral("autoconnect"), true},
                        {QStringLiteral("autoconnect-priority"), autoconnectPriority}});
    QVariantMap bridgeSetting{{QStringLiteral("stp"), bridge.stp}};
    if (!bridge.mac.isEmpty())
        bridgeSetting.insert(QStringLiteral("mac-address"), macBytes(bridge.mac));
    br.settings.insert(QStringLiteral("bridge"), bridgeSetting);
    const QStringList v4 = bridge.ipv4Addresses();
    const QStringList v6 = bridge.ipv6Addresses();
    br.settings.insert(QStringLiteral("ipv4"),
                       ipSettings(v4, bridge.ipv4Gateway,
                                  bridge.dhcpv4    ? QStringLiteral("auto")
                                      : v4.isEmpty() ? QStringLiteral("disabled")
                                                     : QStringLiteral("manual")));
    // Without static IPv6 addresses, router advertisements as the kernel
    // would take them, like the other stacks' defaults.
    br.settings.insert(QStringLiteral("ipv6"),
                       ipSettings(v6, bridge.ipv6Gateway, v6.isEmpty() ? QStringLiteral("auto") : QStringLiteral("manual")));
    result.append(br);

    for (const QString &port : bridge.ports) {
        NmConnection p;
        p.uuid = newUuid();
        p.id = QStringLiteral("Passerelle %1 port %2").arg(bridge.name, port);
        p.settings.insert(QStringLiteral("connection"),
                          {{QStringLiteral("id"), p.id},
                           {QStringLiteral("uuid"), p.uuid},
                           {QStringLiteral("type"), QStringLiteral("802-3-ethernet")},
                           {QStringLiteral("interface-name"), port},
                           {QStringLiteral("master"), br.uuid},
                           {QStringLiteral("slave-type"), QStringLiteral("bridge")},
                           {QStringLiteral("autoconnect"), true},
                           {QStringLiteral("autoconnect-priority"), autoconnectPriority}});
        p.settings.insert(QStringLiteral("802-3-ethernet"), QVariantMap());
        result.append(p);
    }
    return result;
}

PersistWarning networkManagerRuntimeWarning(const QString &port)
{
    return {QStringLiteral("NetworkManagerManagesPort"),
            {port},
            QStringLiteral("NetworkManager manages %1; a change made only at runtime may be undone").arg(port)};
}

NetworkManagerSettings::NetworkManagerSettings(QDBusConnection systemBus, QString service)
    : m_bus(std::move(systemBus))
    , m_service(std::move(service))
{
    registerNetworkManagerTypes();
}

bool NetworkManagerSettings::isRunning() const
{
    return m_bus.isConnected() && m_bus.interface() && m_bus.interface()->isServiceRegistered(m_service).value();
}

std::optional<HelperFailure> NetworkManagerSettings::add(const QList<NmConnection> &connections,
                                                         QList<AddedNmConnection> *added)
{
    QList<AddedNmConnection> done;
    for (const NmConnection &connection : connections) {
        QDBusMessage call = QDBusMessage::createMethodCall(m_service, settingsPath, settingsInterface,
                                                           QStringLiteral("AddConnection"));
        call << QVariant::fromValue(connection.settings);
        const QDBusMessage reply = m_bus.call(call, QDBus::Block, callTimeoutMs);
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
            remove(done);
            return failed(QStringLiteral("AddConnection"),
                          QStringLiteral("NetworkManager refused the connection \"%1\": %2 %3")
                              .arg(connection.id, reply.errorName(), reply.errorMessage()));
        }
        done.append({qvariant_cast<QDBusObjectPath>(reply.arguments().constFirst()).path(), connection.uuid});
    }
    if (added)
        added->append(done);
    return std::nullopt;
}

std::optional<HelperFailure> NetworkManagerSettings::remove(const QList<AddedNmConnection> &added)
{
    std::optional<HelperFailure> first;
    for (auto it = added.crbegin(); it != added.crend(); ++it) {
        QString path = it->path;
        // Paths are numbered anew when NetworkManager restarts; the uuid stays.
        const QDBusMessage lookup = m_bus.call(
            QDBusMessage::createMethodCall(m_service, settingsPath, settingsInterface,
                                           QStringLiteral("GetConnectionByUuid"))
                << it->uuid,
            QDBus::Block, callTimeoutMs);
        if (lookup.type() == QDBusMessage::ReplyMessage && !lookup.arguments().isEmpty())
            path = qvariant_cast<QDBusObjectPath>(lookup.arguments().constFirst()).path();
        else if (lookup.errorName() == QLatin1String("org.freedesktop.NetworkManager.Settings.InvalidConnection"))
            continue;   // already gone
        const QDBusMessage reply = m_bus.call(
            QDBusMessage::createMethodCall(m_service, path, connectionInterface, QStringLiteral("Delete")),
            QDBus::Block, callTimeoutMs);
        if (reply.type() != QDBusMessage::ReplyMessage && !first)
            first = failed(QStringLiteral("Delete"), QStringLiteral("NetworkManager did not delete %1 (%2): %3 %4")
                                                         .arg(path, it->uuid, reply.errorName(), reply.errorMessage()));
    }
    return first;
}

} // namespace Passerelle
