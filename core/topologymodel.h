// The live picture of the host: links from netlink, containers from Docker,
// and who owns the far end of each veth. Lives in the thread that creates it
// (the GUI thread or the CLI's main thread); the netlink and Docker readers
// run in threads of their own and feed it through queued signals, so applying
// one change is a map update, never a re-dump.
#pragma once

#include "topologytypes.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Passerelle {

class TopologyModel : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool live = true;            // follow events; false: one dump and one Docker listing
        bool docker = true;          // ask Docker at all
        QString dockerEndpoint;      // empty: DOCKER_HOST or the default socket
    };

    explicit TopologyModel(QObject *parent = nullptr);
    ~TopologyModel() override;

    void start(const Options &options);
    void start() { start(Options()); }
    void stop();

    // True once the first netlink snapshot and the first Docker answer (or
    // failure) arrived.
    bool isReady() const;

    QList<Link> links() const;                   // sorted by ifindex
    std::optional<Link> link(int ifindex) const;
    std::optional<Link> linkByName(const QString &name) const;
    QList<Container> containers() const;         // sorted by name
    std::optional<Container> container(const QString &idOrName) const; // full id, unique id prefix or name
    QList<DefaultRoute> defaultRoutes() const;
    DockerStatus dockerStatus() const;

    // Who owns the far end of this link (a veth or any link whose peer lives
    // in another namespace); a null Owner when unknown or not applicable.
    Owner ownerOf(int ifindex) const;
    // Host-side links whose peer sits in the container's namespace.
    QList<Link> linksOfContainer(const QString &containerId) const;
    // "uplink" (physical, or carries the default route, or a port of the
    // bridge that does and not owned by a container), "bridge", "veth", "other".
    QString roleOf(int ifindex) const;

Q_SIGNALS:
    void ready();
    // The state was re-synchronised with the kernel after a netlink overrun.
    // The differences were already reported by the signals below; views may
    // use this to re-read everything at once.
    void reset();
    void linkAdded(const Passerelle::Link &link);
    void linkChanged(const Passerelle::Link &before, const Passerelle::Link &after);
    void linkRemoved(const Passerelle::Link &link);
    void portJoined(const Passerelle::Link &port, const Passerelle::Link &bridge);
    void portLeft(const Passerelle::Link &port, int bridgeIndex, const QString &bridgeName);
    void containerStarted(const Passerelle::Container &container);
    void containerChanged(const Passerelle::Container &container);
    void containerStopped(const Passerelle::Container &container);
    void ownerChanged(int ifindex, const Passerelle::Owner &owner);
    void defaultRoutesChanged();
    void dockerStatusChanged(const Passerelle::DockerStatus &status);
    void netlinkFailed(const QString &reason);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Passerelle
