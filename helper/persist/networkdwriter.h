// The bridge as systemd-networkd configuration: <bridge>.netdev creates it,
// <bridge>.network gives it its addresses, <port>.network enslaves each
// port. networkd takes, for each link, the first .network file that
// matches in lexical order, so ours are prefixed "10-passerelle-" to come
// before the distribution's defaults; one of the admin's own that would
// still come first is a conflict.
#pragma once

#include "configfiles.h"
#include "persistbackend.h"
#include "persistentbridge.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Passerelle {

class NetworkdWriter
{
public:
    explicit NetworkdWriter(PersistSettings settings);

    QString netdevPath(const QString &bridge) const;          // 10-passerelle-<bridge>.netdev
    QString bridgeNetworkPath(const QString &bridge) const;   // 10-passerelle-<bridge>.network
    QString portNetworkPath(const QString &port) const;       // 10-passerelle-<port>.network

    // The three kinds of files. PersistConflict ["networkd", detail] when a
    // .network file of someone else's matches the bridge or a port and
    // comes first, or a .netdev of someone else's already makes the bridge.
    std::optional<HelperFailure> files(const PersistentBridge &bridge, QList<ConfigFile> *out) const;

    static QByteArray netdev(const PersistentBridge &bridge);
    static QByteArray bridgeNetwork(const PersistentBridge &bridge);
    static QByteArray portNetwork(const QString &port, const QString &bridge);

    // Whether a .network file's [Match] Name= globs take NAME (other match
    // keys are not evaluated; a file without Name= is not taken to match).
    static bool networkFileMatches(const QByteArray &content, const QString &name);
    // The Name= of a .netdev's [NetDev] section.
    static QString netdevName(const QByteArray &content);

private:
    PersistSettings m_settings;
};

} // namespace Passerelle
