// What the expose wizard proposes and accepts for Docker's addresses on the
// LAN: the subnet of the port (or of the existing bridge), the host's
// gateway on it, and a range for the containers in its top quarter, out of
// the part of the LAN that DHCP servers usually hand out from the bottom.
// The checks run as the user types and say in words what is wrong; the
// helper checks again before it changes anything.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Passerelle {

struct Link;
class TopologyModel;

// An IPv4 network, "192.0.2.0/24".
struct Ipv4Range
{
    quint32 network = 0;
    int prefix = 0;

    // "192.0.2.192/26"; NULL when TEXT is not an IPv4 range. HOSTBITS says
    // whether bits were set below the prefix ("192.0.2.10/24").
    static std::optional<Ipv4Range> parse(const QString &text, bool *hostBits = nullptr);
    static Ipv4Range containing(quint32 address, int prefix);

    quint32 mask() const { return prefix == 0 ? 0 : ~quint32(0) << (32 - prefix); }
    quint32 first() const { return network; }
    quint32 last() const { return network | ~mask(); }
    bool contains(quint32 address) const { return (address & mask()) == network; }
    bool contains(const Ipv4Range &inner) const { return inner.prefix >= prefix && contains(inner.network); }
    QString text() const;
    bool operator==(const Ipv4Range &o) const { return network == o.network && prefix == o.prefix; }
};

struct ExposeProposal
{
    std::optional<Ipv4Range> subnet;   // the LAN, as the bridge will carry it
    QString hostAddress;               // "192.0.2.10": the host on it (port's or bridge's)
    QString subnetSource;              // the link the subnet was read from
    QString gateway;                   // the host's IPv4 default gateway, when inside the subnet
    QString fixedCidr;                 // the proposed range, empty when the subnet is too small

    // From PORT's IPv4 address, or BRIDGE's when it exists and has one (its
    // addresses stay; PORT's move onto it), and the main table's default route.
    static ExposeProposal forPort(const TopologyModel &model, const QString &port, const QString &bridge);
    // The top quarter of SUBNET that holds neither AVOID address (the host,
    // the gateway); the next quarter down otherwise. Empty for a /29 or smaller.
    static QString proposeRange(const Ipv4Range &subnet, const QList<quint32> &avoid);
};

// The checks, each an empty string when the text is fine.
class ExposeCheck
{
    Q_DECLARE_TR_FUNCTIONS(ExposeCheck)
public:
    // A Linux interface name for the bridge: 1 to 15 characters, no '/',
    // space or ':', not "." or "..", and not taken by a link that is not a bridge.
    static QString bridgeName(const QString &name, const TopologyModel &model);
    static QString fixedCidr(const QString &text, const ExposeProposal &proposal);
    static QString gateway(const QString &text, const QString &fixedCidr, const ExposeProposal &proposal);
};

} // namespace Passerelle
