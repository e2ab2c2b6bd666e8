// The helper's client of the Docker Engine API, over dockerd's unix socket:
// is the daemon up (and waiting until it is, after a restart), which
// containers run, whether live-restore keeps them across a restart, what the
// default "bridge" network sits on, and the user-defined network on an
// existing bridge (issue 4's "modern path").
//
// Every call is asynchronous: its callback runs once, later, from the event
// loop, unless this object is destroyed first. The API version comes from
// /_ping (its Api-Version header), as the docker CLI negotiates it; it is
// never hard-coded. Failures are HelperFailure values:
//   DockerUnreachable [endpoint, reason]: the daemon could not be asked;
//       reason "permission-denied", "no-daemon", "timeout",
//       "connection-lost", "unsupported-endpoint" or "failed".
//   DockerFailed [stage, detail]: the daemon answered with an error; stage
//       names the request ("ping", "list-containers", "info",
//       "inspect-network", "list-networks", "create-network",
//       "remove-network"), detail is Docker's own message. Callers that
//       restarted Docker append "restored" or "not-restored".
#pragma once

#include "helpererrors.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Passerelle {

struct DockerContainerRef
{
    QString id;          // full id
    QString name;        // without the leading '/'
};

// What a Docker bridge network sits on, as Docker reports it.
struct DockerBridgeNetwork
{
    QString network;     // Docker's name of the network ("bridge")
    QString bridge;      // the Linux bridge ("docker0", "br0")
    QString subnet;      // "172.17.0.0/16"; empty when Docker reports none
    QString gateway;     // "172.17.0.1"; empty when Docker reports none
};

// A user-defined network on an existing bridge: Docker leaves the bridge's
// own address alone (inhibit_ipv4) and gives containers addresses from
// ipRange, inside subnet, with gateway as their default route.
struct DockerNetworkSpec
{
    QString name;        // Docker's name of the network
    QString bridge;      // the existing Linux bridge ("br0")
    QString subnet;      // "192.168.1.0/24"
    QString ipRange;     // "192.168.1.192/27"; empty: the whole subnet
    QString gateway;     // "192.168.1.1"
};

class DockerEngine : public QObject
{
    Q_OBJECT
public:
    using Failure = std::optional<HelperFailure>;
    using Done = std::function<void(const Failure &failure)>;
    using ContainersDone = std::function<void(const Failure &failure, const QList<DockerContainerRef> &containers)>;
    using FlagDone = std::function<void(const Failure &failure, bool value)>;
    using BridgeDone = std::function<void(const Failure &failure, const DockerBridgeNetwork &network)>;
    using NameDone = std::function<void(const Failure &failure, const QString &name)>;

    static QString defaultEndpoint();   // unix:///var/run/docker.sock

    // ENDPOINT as in helper.conf's [docker] socket= ("unix:///run/docker.sock");
    // only unix:// endpoints are supported, others fail every call.
    explicit DockerEngine(const QString &endpoint, QObject *parent = nullptr);
    ~DockerEngine() override;

    QString endpoint() const;
    // The API version negotiated by the last successful /_ping; empty before.
    QString apiVersion() const;

    // GET /_ping once.
    void ping(Done done);
    // GET /_ping every 250 ms until the daemon answers 200 or TIMEOUTMS pass;
    // then the last reason it did not answer (DockerUnreachable, or
    // DockerFailed ["ping", ...] when it answered with an error).
    void waitUntilUp(int timeoutMs, Done done);

    // The running containers, sorted by name.
    void runningContainers(ContainersDone done);
    // Whether the daemon keeps containers running while it restarts (GET /info).
    void liveRestore(FlagDone done);
    // The network named "bridge": Docker's default network.
    void defaultBridge(BridgeDone done);
    // The name of a bridge network whose Linux bridge is BRIDGE (the default
    // network included), empty when none: so that a second one is not created.
    void networkOnBridge(const QString &bridge, NameDone done);
    // POST /networks/create; NAME done gives Docker's id of the new network.
    // A network of that name already there fails (DockerFailed
    // ["create-network", ...], Docker's 409 message).
    void createNetwork(const DockerNetworkSpec &spec, NameDone done);
    // DELETE /networks/NAME. A network already gone is not a failure.
    void removeNetwork(const QString &name, Done done);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Passerelle
