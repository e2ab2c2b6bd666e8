#include "netstate.h"

#include <QJsonArray>

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <sys/socket.h>

namespace Passerelle {

namespace {

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QByteArray unhex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

QJsonArray rawToJson(const QList<RawAttribute> &attributes)
{
    QJsonArray out;
    for (const RawAttribute &a : attributes)
        out.append(QJsonObject{{QStringLiteral("type"), a.type}, {QStringLiteral("payload"), hex(a.payload)}});
    return out;
}

QList<RawAttribute> rawFromJson(const QJsonValue &value)
{
    QList<RawAttribute> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("type")).toInt(), unhex(o.value(QStringLiteral("payload")))});
    }
    return out;
}

// Raw address bytes of the right length for FAMILY, or nothing.
bool validLength(int family, const QByteArray &raw)
{
    return raw.isEmpty() || (family == AF_INET && raw.size() == 4) || (family == AF_INET6 && raw.size() == 16);
}

} // namespace

QString addressToText(int family, const QByteArray &raw)
{
    if (raw.isEmpty() || !validLength(family, raw))
        return QString();
    char buffer[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(family, raw.constData(), buffer, sizeof(buffer)))
        return QString();
    return QString::fromLatin1(buffer);
}

QByteArray addressFromText(int family, const QString &text)
{
    if (text.isEmpty())
        return QByteArray();
    QByteArray raw(family == AF_INET6 ? 16 : 4, '\0');
    if (inet_pton(family, text.toLatin1().constData(), raw.data()) != 1)
        return QByteArray();
    return raw;
}

QString macToText(const QByteArray &raw)
{
    return QString::fromLatin1(raw.toHex(':'));
}

QByteArray macFromText(const QString &text)
{
    return QByteArray::fromHex(text.toLatin1().replace(':', QByteArray()));
}

QString AddressState::text() const
{
    return QStringLiteral("%1/%2").arg(addressToText(family, local)).arg(prefixLength);
}

bool AddressState::sameAddress(const AddressState &other) const
{
    if (family != other.family || local != other.local || prefixLength != other.prefixLength)
        return false;
    // IPv4 tells point-to-point addresses apart by their peer.
    return family != AF_INET || peer == other.peer;
}

quint32 AddressState::settableFlags() const
{
    return flags
        & (IFA_F_NODAD | IFA_F_OPTIMISTIC | IFA_F_HOMEADDRESS | IFA_F_MANAGETEMPADDR | IFA_F_NOPREFIXROUTE
           | IFA_F_MCAUTOJOIN);
}

QJsonObject AddressState::toJson() const
{
    QJsonObject o{
        {QStringLiteral("ifindex"), ifindex},
        {QStringLiteral("family"), family},
        {QStringLiteral("local"), addressToText(family, local)},
        {QStringLiteral("prefixLength"), prefixLength},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("flags"), qint64(flags)},
        {QStringLiteral("validLifetime"), qint64(validLifetime)},
        {QStringLiteral("preferredLifetime"), qint64(preferredLifetime)},
        {QStringLiteral("routePriority"), routePriority},
        {QStringLiteral("protocol"), protocol},
    };
    if (!peer.isEmpty())
        o.insert(QStringLiteral("peer"), addressToText(family, peer));
    if (!broadcast.isEmpty())
        o.insert(QStringLiteral("broadcast"), addressToText(family, broadcast));
    if (!label.isEmpty())
        o.insert(QStringLiteral("label"), label);
    return o;
}

bool AddressState::fromJson(const QJsonObject &o, AddressState *out)
{
    AddressState a;
    a.ifindex = o.value(QStringLiteral("ifindex")).toInt();
    a.family = o.value(QStringLiteral("family")).toInt();
    if (a.family != AF_INET && a.family != AF_INET6)
        return false;
    a.local = addressFromText(a.family, o.value(QStringLiteral("local")).toString());
    a.peer = addressFromText(a.family, o.value(QStringLiteral("peer")).toString());
    a.broadcast = addressFromText(a.family, o.value(QStringLiteral("broadcast")).toString());
    a.label = o.value(QStringLiteral("label")).toString();
    a.prefixLength = o.value(QStringLiteral("prefixLength")).toInt();
    a.scope = o.value(QStringLiteral("scope")).toInt();
    a.flags = quint32(o.value(QStringLiteral("flags")).toInteger());
    a.validLifetime = quint32(o.value(QStringLiteral("validLifetime")).toInteger(Forever));
    a.preferredLifetime = quint32(o.value(QStringLiteral("preferredLifetime")).toInteger(Forever));
    a.routePriority = o.value(QStringLiteral("routePriority")).toInteger(-1);
    a.protocol = o.value(QStringLiteral("protocol")).toInt(-1);
    if (a.local.isEmpty())
        return false;
    *out = a;
    return true;
}

QString RouteState::destinationText() const
{
    if (isDefault())
        return QStringLiteral("default");
    return QStringLiteral("%1/%2").arg(addressToText(family, destination)).arg(destinationLength);
}

QString RouteState::gatewayText() const
{
    return addressToText(family, gateway);
}

bool RouteState::sameRouteExceptLink(const RouteState &other) const
{
    return family == other.family && destinationLength == other.destinationLength
        && sourceLength == other.sourceLength && tos == other.tos && table == other.table
        && protocol == other.protocol && scope == other.scope && type == other.type && flags == other.flags
        && destination == other.destination && source == other.source && gateway == other.gateway
        && preferredSource == other.preferredSource && priority == other.priority
        && preference == other.preference && metrics == other.metrics;
}

QJsonObject RouteState::toJson() const
{
    QJsonObject o{
        {QStringLiteral("family"), family},
        {QStringLiteral("destinationLength"), destinationLength},
        {QStringLiteral("sourceLength"), sourceLength},
        {QStringLiteral("tos"), tos},
        {QStringLiteral("table"), qint64(table)},
        {QStringLiteral("protocol"), protocol},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("type"), type},
        {QStringLiteral("flags"), qint64(flags)},
        {QStringLiteral("oif"), oif},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("preference"), preference},
        {QStringLiteral("singlePath"), singlePath},
    };
    if (!destination.isEmpty())
        o.insert(QStringLiteral("destination"), addressToText(family, destination));
    if (!source.isEmpty())
        o.insert(QStringLiteral("source"), addressToText(family, source));
    if (!gateway.isEmpty())
        o.insert(QStringLiteral("gateway"), addressToText(family, gateway));
    if (!preferredSource.isEmpty())
        o.insert(QStringLiteral("preferredSource"), addressToText(family, preferredSource));
    if (!metrics.isEmpty())
        o.insert(QStringLiteral("metrics"), hex(metrics));
    return o;
}

bool RouteState::fromJson(const QJsonObject &o, RouteState *out)
{
    RouteState r;
    r.family = o.value(QStringLiteral("family")).toInt();
    if (r.family != AF_INET && r.family != AF_INET6)
        return false;
    r.destinationLength = o.value(QStringLiteral("destinationLength")).toInt();
    r.sourceLength = o.value(QStringLiteral("sourceLength")).toInt();
    r.tos = o.value(QStringLiteral("tos")).toInt();
    r.table = quint32(o.value(QStringLiteral("table")).toInteger());
    r.protocol = o.value(QStringLiteral("protocol")).toInt();
    r.scope = o.value(QStringLiteral("scope")).toInt();
    r.type = o.value(QStringLiteral("type")).toInt();
    r.flags = quint32(o.value(QStringLiteral("flags")).toInteger());
    r.oif = o.value(QStringLiteral("oif")).toInt();
    r.priority = o.value(QStringLiteral("priority")).toInteger(-1);
    r.preference = o.value(QStringLiteral("preference")).toInt(-1);
    r.singlePath = o.value(QStringLiteral("singlePath")).toBool(true);
    r.destination = addressFromText(r.family, o.value(QStringLiteral("destination")).toString());
    r.source = addressFromText(r.family, o.value(QStringLiteral("source")).toString());
    r.gateway = addressFromText(r.family, o.value(QStringLiteral("gateway")).toString());
    r.preferredSource = addressFromText(r.family, o.value(QStringLiteral("preferredSource")).toString());
    r.metrics = unhex(o.value(QStringLiteral("metrics")));
    *out = r;
    return true;
}

QList<AddressState> NetState::addressesOf(int ifindex) const
{
    QList<AddressState> out;
    for (const AddressState &a : addresses) {
        if (a.ifindex == ifindex)
            out.append(a);
    }
    return out;
}

QList<RouteState> NetState::routesThrough(int ifindex) const
{
    QList<RouteState> out;
    for (const RouteState &r : routes) {
        if (r.oif == ifindex)
            out.append(r);
    }
    return out;
}

QJsonObject linkToJson(const LinkState &link)
{
    return QJsonObject{
        {QStringLiteral("ifindex"), link.ifindex},
        {QStringLiteral("name"), link.name},
        {QStringLiteral("kind"), link.kind},
        {QStringLiteral("master"), link.masterIndex},
        {QStringLiteral("up"), link.up},
        {QStringLiteral("mac"), macToText(link.mac)},
        {QStringLiteral("mtu"), link.mtu},
        {QStringLiteral("stp"), link.stp},
        {QStringLiteral("slaveKind"), link.slaveKind},
        {QStringLiteral("bridgeOptions"), rawToJson(link.bridgeOptions)},
        {QStringLiteral("portOptions"), rawToJson(link.portOptions)},
    };
}

bool linkFromJson(const QJsonObject &o, LinkState *out)
{
    LinkState l;
    l.ifindex = o.value(QStringLiteral("ifindex")).toInt();
    l.name = o.value(QStringLiteral("name")).toString();
    l.kind = o.value(QStringLiteral("kind")).toString();
    l.masterIndex = o.value(QStringLiteral("master")).toInt();
    l.up = o.value(QStringLiteral("up")).toBool();
    l.mac = macFromText(o.value(QStringLiteral("mac")).toString());
    l.mtu = o.value(QStringLiteral("mtu")).toInt();
    l.stp = o.value(QStringLiteral("stp")).toInt(-1);
    l.slaveKind = o.value(QStringLiteral("slaveKind")).toString();
    l.bridgeOptions = rawFromJson(o.value(QStringLiteral("bridgeOptions")));
    l.portOptions = rawFromJson(o.value(QStringLiteral("portOptions")));
    if (l.name.isEmpty())
        return false;
    *out = l;
    return true;
}

} // namespace Passerelle
