// Client of the Docker Engine API over its unix socket, through libcurl.
// Event-first: one list at connect and after every reconnect of the /events
// stream, then events only (one inspect per container an event names). The
// listing says all but the pids: those come from the containers' cgroups
// (containerpids.h), found through one inspected container; the others are
// inspected only when their cgroups do not tell. The API version is
// negotiated through /_ping, never hard-coded. Lives in its own thread (see
// TopologyModel).
#pragma once

#include "topologytypes.h"

#include <QObject>

#include <memory>

namespace Passerelle {

class DockerClient : public QObject
{
    Q_OBJECT
public:
    // endpoint: "unix:///path" as in DOCKER_HOST; empty means DOCKER_HOST or
    // the default unix:///var/run/docker.sock.
    explicit DockerClient(const QString &endpoint = QString(), QObject *parent = nullptr);
    ~DockerClient() override;

    // DOCKER_HOST when set, else the default socket.
    static QString defaultEndpoint();

public Q_SLOTS:
    // With live=false: ping, list once, emit containersReset() and stop
    // (one-shot CLI commands). With live=true: then follow /events and
    // reconnect, backed off, whenever the stream ends.
    void start(bool live = true);
    void stop();

Q_SIGNALS:
    void statusChanged(const Passerelle::DockerStatus &status);
    // The full set of running containers, after every (re)connect.
    void containersReset(const QList<Passerelle::Container> &containers);
    // A container started or changed (inspected again after its event).
    void containerUpdated(const Passerelle::Container &container);
    void containerRemoved(const QString &id);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Passerelle
