// The bridge as systemd-networkd configuration: <bridge>.netdev creates it,
// <bridge>.network gives it its addresses, <port>.network enslaves each
// port. networkd takes, for each link, the first .network file that
// matches in lexical order of file names across all its folders (/etc,
// /run, /usr/lib...), so ours are prefixed "10-passerelle-" to come before
// the distribution's defaults; one of someone else's that would still come
// first is a conflict, and netplan's (regenerated in /run at every boot)
// sends the admin to /etc/netplan.
#pragma once

#include "configfiles.h"
#include "persistbackend.h"
#include "persistentbridge.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Passerelle {

// One .network or .netdev file systemd-networkd reads: NAME orders it,
// PATH is the one that counts once same names are masked.
struct NetworkdUnitFile
{
    QString name;
    QString path;
};

class NetworkdWriter
{
public:
    explicit NetworkdWriter(PersistSettings settings);

    QString netdevPath(const QString &bridge) const;          // 10-passerelle-<bridge>.netdev
    QString bridgeNetworkPath(const QString &bridge) const;   // 10-passerelle-<bridge>.network
    QString portNetworkPath(const QString &port) const;       // 10-passerelle-<port>.network

    // The three kinds of files. PersistConflict ["networkd", detail] when a
    // .network file of someone else's (in any folder networkd reads)
    // matches the bridge or a port and comes first, or a .netdev of someone
    // else's already makes the bridge. When netplan generated that file the
    // detail is "netplan manages <name> (<file>): change /etc/netplan instead".
    std::optional<HelperFailure> files(const PersistentBridge &bridge, QList<ConfigFile> *out) const;

    static QByteArray netdev(const PersistentBridge &bridge);
    static QByteArray bridgeNetwork(const PersistentBridge &bridge);
    static QByteArray portNetwork(const QString &port, const QString &bridge);

    // Whether a .network file's [Match] Name= globs take NAME (other match
    // keys are not evaluated; a file without Name= is not taken to match).
    static bool networkFileMatches(const QByteArray &content, const QString &name);
    // The Name= of a .netdev's [NetDev] section.
    static QString netdevName(const QByteArray &content);

    // Every .network and .netdev file networkd would read, in its order:
    // by file name, the first folder holding a name masking the others.
    QList<NetworkdUnitFile> unitFiles() const;
    // Reads one of them; a link is followed, one to /dev/null (masking)
    // reads as empty.
    static std::optional<HelperFailure> readUnitFile(const QString &path, QByteArray *content);
    // Whether netplan generated the file at PATH: in its output folder, and
    // named 10-netplan-* or mentioning netplan.
    bool generatedByNetplan(const QString &path, const QByteArray &content) const;

private:
    PersistSettings m_settings;
};

} // namespace Passerelle
