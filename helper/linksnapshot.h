// The links of the helper's network namespace as one read saw them: what an
// operation is checked against before anything is written. Filled by
// LinkEditor; plain values, no libnl.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Passerelle {

// A netlink attribute kept as the kernel sent it, to be sent back as it was
// (a bridge's options, a port's options, a route's metrics).
struct RawAttribute
{
    int type = 0;
    QByteArray payload;

    bool operator==(const RawAttribute &other) const { return type == other.type && payload == other.payload; }
};

struct LinkState
{
    int ifindex = 0;
    QString name;
    QString kind;            // IFLA_INFO_KIND: "bridge", "veth", "dummy"; empty for physical devices
    int masterIndex = 0;     // 0 when the link is nobody's port
    bool up = false;         // IFF_UP
    bool loopback = false;   // IFF_LOOPBACK
    QByteArray mac;          // IFLA_ADDRESS, raw bytes
    int mtu = 0;
    int stp = -1;            // IFLA_BR_STP_STATE of a bridge, -1 for other links
    QString slaveKind;       // IFLA_INFO_SLAVE_KIND: "bridge" for a bridge port
    // The writable IFLA_BR_* options of a bridge and IFLA_BRPORT_* options
    // of a bridge port, enough to make them again as they were.
    QList<RawAttribute> bridgeOptions;
    QList<RawAttribute> portOptions;

    bool isBridge() const { return kind == QLatin1String("bridge"); }
};

class LinkSnapshot
{
public:
    LinkSnapshot() = default;
    explicit LinkSnapshot(QList<LinkState> links)
        : m_links(std::move(links))
    {
    }

    const QList<LinkState> &links() const { return m_links; }

    std::optional<LinkState> byName(const QString &name) const
    {
        for (const LinkState &l : m_links) {
            if (l.name == name)
                return l;
        }
        return std::nullopt;
    }

    std::optional<LinkState> byIndex(int ifindex) const
    {
        for (const LinkState &l : m_links) {
            if (l.ifindex == ifindex)
                return l;
        }
        return std::nullopt;
    }

    // The links whose master is MASTER, in ifindex order.
    QList<LinkState> portsOf(int master) const
    {
        QList<LinkState> ports;
        for (const LinkState &l : m_links) {
            if (master != 0 && l.masterIndex == master)
                ports.append(l);
        }
        return ports;
    }

private:
    QList<LinkState> m_links;
};

} // namespace Passerelle
