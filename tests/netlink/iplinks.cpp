#include "iplinks.h"

#include "netnsfixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <tuple>

#include <linux/if.h>
#include <sys/socket.h>

using Passerelle::Address;
using Passerelle::DefaultRoute;
using Passerelle::Link;

namespace IpLinks {

namespace {

QJsonArray parseArray(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).array();
}

// The flag words iproute2 prints (print_link_flags()).
quint32 flagBit(const QString &name)
{
    static const QHash<QString, quint32> bits = {
        {QStringLiteral("UP"), IFF_UP},
        {QStringLiteral("BROADCAST"), IFF_BROADCAST},
        {QStringLiteral("DEBUG"), IFF_DEBUG},
        {QStringLiteral("LOOPBACK"), IFF_LOOPBACK},
        {QStringLiteral("POINTOPOINT"), IFF_POINTOPOINT},
        {QStringLiteral("NOTRAILERS"), IFF_NOTRAILERS},
        {QStringLiteral("NOARP"), IFF_NOARP},
        {QStringLiteral("PROMISC"), IFF_PROMISC},
        {QStringLiteral("ALLMULTI"), IFF_ALLMULTI},
        {QStringLiteral("MASTER"), IFF_MASTER},
        {QStringLiteral("SLAVE"), IFF_SLAVE},
        {QStringLiteral("MULTICAST"), IFF_MULTICAST},
        {QStringLiteral("PORTSEL"), IFF_PORTSEL},
        {QStringLiteral("AUTOMEDIA"), IFF_AUTOMEDIA},
        {QStringLiteral("DYNAMIC"), IFF_DYNAMIC},
        {QStringLiteral("LOWER_UP"), IFF_LOWER_UP},
        {QStringLiteral("DORMANT"), IFF_DORMANT},
        {QStringLiteral("ECHO"), IFF_ECHO},
    };
    return bits.value(name, 0);
}

int linkIndexFromName(const QHash<QString, int> &byName, const QString &name)
{
    if (byName.contains(name))
        return byName.value(name);
    // ip prints "if<N>" for an index it cannot name.
    if (name.startsWith(QLatin1String("if")))
        return name.mid(2).toInt();
    return 0;
}

QString familyName(int family)
{
    return family == AF_INET ? QStringLiteral("inet") : family == AF_INET6 ? QStringLiteral("inet6")
                                                                           : QString::number(family);
}

} // namespace

LinkMap links(const NetnsFixture &fixture, const QString &ns)
{
    const QJsonArray linkArray = parseArray(fixture.ipJson(ns, {QStringLiteral("link"), QStringLiteral("show")}));
    const QJsonArray addrArray = parseArray(fixture.ipJson(ns, {QStringLiteral("addr"), QStringLiteral("show")}));

    QHash<QString, int> byName;
    for (const QJsonValue &v : linkArray)
        byName.insert(v[QLatin1String("ifname")].toString(), v[QLatin1String("ifindex")].toInt());

    LinkMap out;
    for (const QJsonValue &v : linkArray) {
        const QJsonObject o = v.toObject();
        Link l;
        l.ifindex = o[QLatin1String("ifindex")].toInt();
        l.name = o[QLatin1String("ifname")].toString();
        const QJsonObject info = o[QLatin1String("linkinfo")].toObject();
        const QString infoKind = info[QLatin1String("info_kind")].toString();
        if (o[QLatin1String("link_type")].toString() == QLatin1String("loopback"))
            l.kind = QStringLiteral("loopback");
        else if (!infoKind.isEmpty())
            l.kind = infoKind;
        else
            l.kind = QStringLiteral("physical");
        if (o.contains(QLatin1String("master")))
            l.masterIndex = byName.value(o[QLatin1String("master")].toString());
        l.mac = o[QLatin1String("address")].toString();
        l.mtu = o[QLatin1String("mtu")].toInt();
        l.operstate = o[QLatin1String("operstate")].toString();

        bool noCarrier = false;
        for (const QJsonValue &f : o[QLatin1String("flags")].toArray()) {
            if (f.toString() == QLatin1String("NO-CARRIER"))
                noCarrier = true;
            else
                l.flags |= flagBit(f.toString());
        }
        // ip hides IFF_RUNNING; it shows its absence on an UP link as NO-CARRIER.
        if ((l.flags & IFF_UP) && !noCarrier)
            l.flags |= IFF_RUNNING;

        if (o.contains(QLatin1String("link_index")))
            l.peerIndex = o[QLatin1String("link_index")].toInt();
        else if (o[QLatin1String("link")].isString())
            l.peerIndex = linkIndexFromName(byName, o[QLatin1String("link")].toString());
        if (o[QLatin1String("link_netnsid")].isDouble())
            l.peerNetnsId = o[QLatin1String("link_netnsid")].toInt();

        if (infoKind == QLatin1String("bridge"))
            l.stp = info[QLatin1String("info_data")].toObject()[QLatin1String("stp_state")].toInt() != 0;
        if (info[QLatin1String("info_slave_kind")].toString() == QLatin1String("bridge"))
            l.portState = info[QLatin1String("info_slave_data")].toObject()[QLatin1String("state")].toString();
        out.insert(l.ifindex, l);
    }

    for (const QJsonValue &v : addrArray) {
        const int ifindex = v[QLatin1String("ifindex")].toInt();
        if (!out.contains(ifindex))
            continue;
        for (const QJsonValue &a : v[QLatin1String("addr_info")].toArray()) {
            Address addr;
            const QString family = a[QLatin1String("family")].toString();
            addr.family = family == QLatin1String("inet") ? AF_INET : family == QLatin1String("inet6") ? AF_INET6 : -1;
            if (addr.family < 0)
                continue;
            addr.local = a[QLatin1String("local")].toString();
            addr.prefixLength = a[QLatin1String("prefixlen")].toInt();
            const QJsonValue scope = a[QLatin1String("scope")];
            addr.scope = scope.isString() ? scope.toString() : QString::number(scope.toInt());
            out[ifindex].addresses.append(addr);
        }
    }
    return normalized(out);
}

QList<DefaultRoute> defaultRoutes(const NetnsFixture &fixture, const QString &ns)
{
    QHash<QString, int> byName;
    for (const QJsonValue &v : parseArray(fixture.ipJson(ns, {QStringLiteral("link"), QStringLiteral("show")})))
        byName.insert(v[QLatin1String("ifname")].toString(), v[QLatin1String("ifindex")].toInt());

    QList<DefaultRoute> out;
    for (int family : {AF_INET, AF_INET6}) {
        const QStringList args = {family == AF_INET ? QStringLiteral("-4") : QStringLiteral("-6"), QStringLiteral("route"),
                                  QStringLiteral("show"), QStringLiteral("table"), QStringLiteral("all")};
        for (const QJsonValue &v : parseArray(fixture.ipJson(ns, args))) {
            const QJsonObject o = v.toObject();
            if (o[QLatin1String("dst")].toString() != QLatin1String("default"))
                continue;
            if (o.contains(QLatin1String("type")) && o[QLatin1String("type")].toString() != QLatin1String("unicast"))
                continue;
            DefaultRoute r;
            r.family = family;
            r.metric = quint32(o[QLatin1String("metric")].toInteger());
            const QJsonValue table = o[QLatin1String("table")];
            if (table.isUndefined() || table.toString() == QLatin1String("main"))
                r.table = 254;
            else if (table.toString() == QLatin1String("local"))
                r.table = 255;
            else if (table.toString() == QLatin1String("default"))
                r.table = 253;
            else
                r.table = table.isString() ? table.toString().toUInt() : quint32(table.toInteger());
            // A multipath route: one DefaultRoute per nexthop, dead ones included.
            const QJsonArray nexthops = o[QLatin1String("nexthops")].toArray();
            for (const QJsonValue &hop : nexthops.isEmpty() ? QJsonArray{o} : nexthops) {
                r.gateway = hop[QLatin1String("gateway")].toString();
                if (r.gateway.isEmpty())
                    r.gateway = hop[QLatin1String("via")][QLatin1String("host")].toString();
                r.oifIndex = byName.value(hop[QLatin1String("dev")].toString());
                out.append(r);
            }
        }
    }
    return normalized(out);
}

LinkMap normalized(LinkMap links)
{
    for (Link &l : links) {
        std::sort(l.addresses.begin(), l.addresses.end(), [](const Address &a, const Address &b) {
            return std::tie(a.family, a.local, a.prefixLength, a.scope)
                < std::tie(b.family, b.local, b.prefixLength, b.scope);
        });
    }
    return links;
}

QList<DefaultRoute> normalized(QList<DefaultRoute> routes)
{
    std::sort(routes.begin(), routes.end(), [](const DefaultRoute &a, const DefaultRoute &b) {
        return std::tie(a.family, a.table, a.metric, a.oifIndex, a.gateway)
            < std::tie(b.family, b.table, b.metric, b.oifIndex, b.gateway);
    });
    return routes;
}

QString describe(const Link &l)
{
    QStringList addrs;
    for (const Address &a : l.addresses)
        addrs << QStringLiteral("%1 %2/%3 %4").arg(familyName(a.family), a.local).arg(a.prefixLength).arg(a.scope);
    return QStringLiteral("#%1 %2 kind=%3 master=%4 mac=%5 mtu=%6 oper=%7 flags=0x%8 peer=%9@%10 stp=%11 port=%12 addrs=[%13]")
        .arg(l.ifindex)
        .arg(l.name, l.kind)
        .arg(l.masterIndex)
        .arg(l.mac)
        .arg(l.mtu)
        .arg(l.operstate)
        .arg(l.flags, 0, 16)
        .arg(l.peerIndex)
        .arg(l.peerNetnsId)
        .arg(l.stp ? (*l.stp ? QStringLiteral("on") : QStringLiteral("off")) : QStringLiteral("-"))
        .arg(l.portState.isEmpty() ? QStringLiteral("-") : l.portState)
        .arg(addrs.join(QLatin1String(", ")));
}

QString describe(const QList<DefaultRoute> &routes)
{
    QStringList out;
    for (const DefaultRoute &r : routes)
        out << QStringLiteral("%1 via '%2' dev #%3 metric %4 table %5")
                   .arg(familyName(r.family), r.gateway)
                   .arg(r.oifIndex)
                   .arg(r.metric)
                   .arg(r.table);
    return QLatin1Char('[') + out.join(QLatin1String("; ")) + QLatin1Char(']');
}

QString diff(const LinkMap &actual, const LinkMap &expectedRaw)
{
    const LinkMap got = normalized(actual);
    const LinkMap want = normalized(expectedRaw);
    QStringList lines;
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (!got.contains(it.key()))
            lines << QStringLiteral("missing: ") + describe(*it);
        else if (got.value(it.key()) != *it)
            lines << QStringLiteral("differs:\n    got  ") + describe(got.value(it.key()))
                    + QStringLiteral("\n    want ") + describe(*it);
    }
    for (auto it = got.cbegin(); it != got.cend(); ++it) {
        if (!want.contains(it.key()))
            lines << QStringLiteral("extra: ") + describe(*it);
    }
    if (lines.size() > 20) {
        const qsizetype more = lines.size() - 20;
        lines = lines.mid(0, 20);
        lines << QStringLiteral("... and %1 more").arg(more);
    }
    return lines.join(QLatin1Char('\n'));
}

int indexOf(const LinkMap &links, const QString &name)
{
    for (const Link &l : links) {
        if (l.name == name)
            return l.ifindex;
    }
    return 0;
}

} // namespace IpLinks
