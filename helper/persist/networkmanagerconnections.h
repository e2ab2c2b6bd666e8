// The bridge as NetworkManager connections, added through NetworkManager's
// own D-Bus API (Settings.AddConnection), never by writing its files: a
// "bridge" connection with the addressing, and a bridge-slave ethernet
// connection per port, all autoconnecting. The object paths and uuids of
// what was added are kept, so that undo deletes exactly those.
#pragma once

#include "helpererrors.h"
#include "persistentbridge.h"

#include <QDBusConnection>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace Passerelle {

// NetworkManager's connection settings, a{sa{sv}}: setting name -> properties.
using NmConnectionSettings = QMap<QString, QVariantMap>;
// ipv4.address-data, aa{sv}.
using NmAddressData = QList<QVariantMap>;

struct NmConnection
{
    QString uuid;
    QString id;
    NmConnectionSettings settings;
};

struct AddedNmConnection
{
    QString path;   // /org/freedesktop/NetworkManager/Settings/N
    QString uuid;
};

// The bridge's connection first, then one per port. New uuids each call.
QList<NmConnection> networkManagerConnections(const PersistentBridge &bridge);

// "NetworkManager manages <port>; a change made only at runtime may be
// undone": said when the bridge is changed but not made permanent while
// NetworkManager manages the port. A stable key and parameters for
// clients, and the English sentence for logs.
struct PersistWarning
{
    QString key;
    QStringList parameters;
    QString detail;
};
PersistWarning networkManagerRuntimeWarning(const QString &port);

class NetworkManagerSettings
{
public:
    explicit NetworkManagerSettings(QDBusConnection systemBus,
                                    QString service = QStringLiteral("org.freedesktop.NetworkManager"));

    // Whether NetworkManager is on the bus.
    bool isRunning() const;

    // Adds CONNECTIONS in order and appends each to ADDED. On failure the
    // ones added by this call are deleted again and Failed
    // ["AddConnection", "", detail] is returned.
    std::optional<HelperFailure> add(const QList<NmConnection> &connections, QList<AddedNmConnection> *added);
    // Deletes ADDED, last first (by uuid when the path is no longer known,
    // NetworkManager having restarted). Keeps going and returns the first failure.
    std::optional<HelperFailure> remove(const QList<AddedNmConnection> &added);

private:
    QDBusConnection m_bus;
    QString m_service;
};

void registerNetworkManagerTypes();

} // namespace Passerelle

Q_DECLARE_METATYPE(Passerelle::NmConnectionSettings)
Q_DECLARE_METATYPE(Passerelle::NmAddressData)
