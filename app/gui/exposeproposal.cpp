#include "exposeproposal.h"

#include "topologymodel.h"

#include <QRegularExpression>

namespace Passerelle {

namespace {

constexpr int Ipv4Family = 2;   // AF_INET
constexpr quint32 MainTable = 254;

std::optional<quint32> ipv4(const QString &text)
{
    // Dotted quads only: no "1.2", no octal, no IPv6.
    static const QRegularExpression quad(
        QStringLiteral("^(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})$"));
    const QRegularExpressionMatch m = quad.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    quint32 address = 0;
    for (int i = 1; i <= 4; ++i) {
        const uint octet = m.captured(i).toUInt();
        if (octet > 255)
            return std::nullopt;
        address = (address << 8) | octet;
    }
    return address;
}

QString dotted(quint32 a)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a >> 24).arg((a >> 16) & 0xff).arg((a >> 8) & 0xff).arg(a & 0xff);
}

// The first global IPv4 address of LINK.
std::optional<std::pair<quint32, int>> firstIpv4(const Link &link)
{
    for (const Address &a : link.addresses) {
        if (a.family != Ipv4Family || a.scope != QLatin1String("global"))
            continue;
        if (const std::optional<quint32> address = ipv4(a.local))
            return std::make_pair(*address, a.prefixLength);
    }
    return std::nullopt;
}

} // namespace

std::optional<Ipv4Range> Ipv4Range::parse(const QString &text, bool *hostBits)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return std::nullopt;
    const std::optional<quint32> address = ipv4(text.left(slash));
    bool ok = false;
    const QString prefixText = text.mid(slash + 1);
    const int prefix = prefixText.toInt(&ok);
    if (!address || !ok || prefix < 0 || prefix > 32 || prefixText.startsWith(QLatin1Char('+')))
        return std::nullopt;
    const Ipv4Range range = containing(*address, prefix);
    if (hostBits)
        *hostBits = range.network != *address;
    return range;
}

Ipv4Range Ipv4Range::containing(quint32 address, int prefix)
{
    Ipv4Range r;
    r.prefix = prefix;
    r.network = address & r.mask();
    return r;
}

QString Ipv4Range::text() const
{
    return QStringLiteral("%1/%2").arg(dotted(network)).arg(prefix);
}

QString ExposeProposal::proposeRange(const Ipv4Range &subnet, const QList<quint32> &avoid)
{
    // A quarter of a /29 leaves two addresses: too few to be worth it.
    if (subnet.prefix > 28)
        return QString();
    const int quarterPrefix = subnet.prefix + 2;
    const quint32 quarterSize = quint32(1) << (32 - quarterPrefix);
    for (int q = 3; q >= 1; --q) {
        const Ipv4Range quarter{subnet.network + quint32(q) * quarterSize, quarterPrefix};
        const bool clear = std::none_of(avoid.cbegin(), avoid.cend(), [&](quint32 a) { return quarter.contains(a); });
        if (clear)
            return quarter.text();
    }
    return QString();
}

ExposeProposal ExposeProposal::forPort(const TopologyModel &model, const QString &port, const QString &bridge)
{
    ExposeProposal p;
    std::optional<std::pair<quint32, int>> host;
    if (const std::optional<Link> b = model.linkByName(bridge); b && b->kind == QLatin1String("bridge")) {
        host = firstIpv4(*b);
        if (host)
            p.subnetSource = b->name;
    }
    if (!host) {
        if (const std::optional<Link> l = model.linkByName(port)) {
            host = firstIpv4(*l);
            if (host)
                p.subnetSource = l->name;
        }
    }
    if (!host)
        return p;
    p.subnet = Ipv4Range::containing(host->first, host->second);
    p.hostAddress = dotted(host->first);

    QList<quint32> avoid{host->first};
    std::optional<DefaultRoute> best;
    for (const DefaultRoute &r : model.defaultRoutes()) {
        if (r.family != Ipv4Family || r.table != MainTable || r.gateway.isEmpty())
            continue;
        const std::optional<quint32> gw = ipv4(r.gateway);
        if (!gw || !p.subnet->contains(*gw))
            continue;
        if (!best || r.metric < best->metric)
            best = r;
    }
    if (best) {
        p.gateway = best->gateway;
        avoid.append(*ipv4(best->gateway));
    }
    p.fixedCidr = proposeRange(*p.subnet, avoid);
    return p;
}

QString ExposeCheck::bridgeName(const QString &name, const TopologyModel &model)
{
    if (name.isEmpty())
        return tr("Enter a name for the bridge, such as br0.");
    if (name.size() > 15)
        return tr("A bridge's name has at most 15 characters.");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (!allowed.match(name).hasMatch() || name == QLatin1String(".") || name == QLatin1String(".."))
        return tr("A bridge's name may only hold letters, digits, '.', '-' and '_'.");
    const std::optional<Link> existing = model.linkByName(name);
    if (existing && existing->kind != QLatin1String("bridge"))
        return tr("%1 is already the name of an interface that is not a bridge.").arg(name);
    return QString();
}

QString ExposeCheck::fixedCidr(const QString &text, const ExposeProposal &proposal)
{
    if (text.isEmpty()) {
        return tr("Enter the containers' range: without one, Docker hands out addresses from the whole network, "
                  "over those of other machines.");
    }
    bool hostBits = false;
    const std::optional<Ipv4Range> range = Ipv4Range::parse(text, &hostBits);
    if (!range)
        return tr("%1 is not an IPv4 range: write an address, a slash and a prefix length, such as 192.168.1.192/26.")
            .arg(text);
    if (hostBits)
        return tr("%1 does not start a range of /%2: did you mean %3?").arg(text).arg(range->prefix).arg(range->text());
    if (!proposal.subnet)
        return QString();
    if (!proposal.subnet->contains(*range))
        return tr("%1 is not inside the network %2 of %3.").arg(text, proposal.subnet->text(), proposal.subnetSource);
    if (range->prefix > 30)
        return tr("%1 holds too few addresses for containers.").arg(text);
    if (const std::optional<quint32> host = ipv4(proposal.hostAddress); host && range->contains(*host))
        return tr("%1 holds this host's own address %2: Docker could give it to a container.")
            .arg(text, proposal.hostAddress);
    if (const std::optional<quint32> gw = ipv4(proposal.gateway); gw && range->contains(*gw))
        return tr("%1 holds the gateway's address %2: Docker could give it to a container.")
            .arg(text, proposal.gateway);
    return QString();
}

QString ExposeCheck::gateway(const QString &text, const QString &fixedCidr, const ExposeProposal &proposal)
{
    if (text.isEmpty())
        return QString();   // the bridge's own address: the host routes for the containers
    const std::optional<quint32> address = ipv4(text);
    if (!address)
        return tr("%1 is not an IPv4 address, such as 192.168.1.1.").arg(text);
    if (proposal.subnet) {
        if (!proposal.subnet->contains(*address))
            return tr("%1 is not inside the network %2 of %3.").arg(text, proposal.subnet->text(), proposal.subnetSource);
        if (proposal.subnet->prefix < 31
            && (*address == proposal.subnet->first() || *address == proposal.subnet->last()))
            return tr("%1 is the network's own address or its broadcast address, not a machine's.").arg(text);
    }
    if (const std::optional<Ipv4Range> range = Ipv4Range::parse(fixedCidr); range && range->contains(*address))
        return tr("%1 lies inside the containers' range %2: a container could get the gateway's address.")
            .arg(text, fixedCidr);
    return QString();
}

} // namespace Passerelle
