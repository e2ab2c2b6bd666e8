// Value types of the topology: what the rest of Passerelle knows about links,
// addresses, routes and containers. libnl and Docker JSON are converted into
// these at the edge of core/ and never travel further.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

struct Address
{
    int family = 0;          // AF_INET or AF_INET6
    QString local;           // "192.0.2.10", "fe80::1"
    int prefixLength = 0;
    QString scope;           // "global", "link", "host", "site" or a number, as ip prints it

    bool operator==(const Address &o) const
    {
        return family == o.family && local == o.local && prefixLength == o.prefixLength && scope == o.scope;
    }
    bool operator!=(const Address &o) const { return !(*this == o); }
};

// Only default routes are tracked: they decide which link is the uplink.
struct DefaultRoute
{
    int family = 0;
    QString gateway;         // empty for a device route
    int oifIndex = 0;
    quint32 metric = 0;
    quint32 table = 254;     // RT_TABLE_MAIN

    bool operator==(const DefaultRoute &o) const
    {
        return family == o.family && gateway == o.gateway && oifIndex == o.oifIndex && metric == o.metric
            && table == o.table;
    }
    bool operator!=(const DefaultRoute &o) const { return !(*this == o); }
};

// One network interface of the namespace Passerelle runs in.
struct Link
{
    int ifindex = 0;
    QString name;
    QString kind;            // classifyLinkKind(): "bridge", "veth", "physical", "loopback", "tun", ...
    int masterIndex = 0;     // 0 when the link is not enslaved
    QString mac;             // lower-case "aa:bb:cc:dd:ee:ff"; empty when the link has none
    int mtu = 0;
    QString operstate;       // "UP", "DOWN", "LOWERLAYERDOWN", "UNKNOWN", ... as ip prints it
    quint32 flags = 0;       // IFF_* from the kernel
    // veth and other links with a parent: IFLA_LINK and IFLA_LINK_NETNSID.
    int peerIndex = 0;       // 0 when unknown
    int peerNetnsId = -1;    // -1 when the peer sits in this namespace
    // Bridges: IFLA_BR_STP_STATE. Bridge ports: IFLA_BRPORT_STATE as a word.
    std::optional<bool> stp;
    QString portState;       // "disabled", "listening", "learning", "forwarding", "blocking"; empty if not a bridge port
    QList<Address> addresses;

    bool isUp() const;       // IFF_UP
    bool hasCarrier() const; // IFF_LOWER_UP
    bool operator==(const Link &o) const;
    bool operator!=(const Link &o) const { return !(*this == o); }
};

// Who holds the namespace at the far end of a veth.
struct Owner
{
    QString type;            // "docker", "podman", "containerd", "kubernetes", "lxc", "netns", "process", "unknown"
    QString id;              // container id, namespace name or pid
    QString name;            // container name, namespace name, process name

    bool isNull() const { return type.isEmpty(); }
    bool operator==(const Owner &o) const { return type == o.type && id == o.id && name == o.name; }
    bool operator!=(const Owner &o) const { return !(*this == o); }
};

struct Container
{
    QString id;              // full 64-hex id
    QString name;            // without the leading '/'
    QString image;
    QString state;           // "running", ...
    QString composeProject;  // label com.docker.compose.project, may be empty
    QStringList networks;    // Docker network names
    qint64 pid = 0;          // 0 when not running
    int netnsId = -1;        // the nsid this namespace reports for the container's namespace, -1 if none

    QString shortId() const { return id.left(12); }
    bool operator==(const Container &o) const
    {
        return id == o.id && name == o.name && image == o.image && state == o.state
            && composeProject == o.composeProject && networks == o.networks && pid == o.pid
            && netnsId == o.netnsId;
    }
    bool operator!=(const Container &o) const { return !(*this == o); }
};

// Whether the Docker Engine API answers, and why not when it does not.
struct DockerStatus
{
    enum class State { Unknown, Connecting, Connected, Unavailable };
    State state = State::Unknown;
    QString endpoint;        // "unix:///var/run/docker.sock"
    QString apiVersion;      // negotiated through /_ping
    QString reason;          // translated, user-facing; empty when connected

    bool operator==(const DockerStatus &o) const
    {
        return state == o.state && endpoint == o.endpoint && apiVersion == o.apiVersion && reason == o.reason;
    }
    bool operator!=(const DockerStatus &o) const { return !(*this == o); }
};

// Kernel link kind from IFLA_INFO_KIND and flags: a link with no kind is a
// physical device unless it is the loopback.
QString classifyLinkKind(const QString &infoKind, quint32 flags);

} // namespace Passerelle

Q_DECLARE_METATYPE(Passerelle::Link)
Q_DECLARE_METATYPE(Passerelle::Container)
Q_DECLARE_METATYPE(Passerelle::DockerStatus)
Q_DECLARE_METATYPE(Passerelle::DefaultRoute)
