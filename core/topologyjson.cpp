#include "topologyjson.h"

#include "topologymodel.h"

#include <QJsonArray>

#include <sys/socket.h>

namespace Passerelle {

namespace {

QString familyName(int family)
{
    return family == AF_INET6 ? QStringLiteral("inet6") : QStringLiteral("inet");
}

QJsonValue nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject addressToJson(const Address &a)
{
    // The names `ip -j addr` uses, so scripts can move between the two.
    return QJsonObject{{QStringLiteral("family"), familyName(a.family)},
                       {QStringLiteral("local"), a.local},
                       {QStringLiteral("prefixlen"), a.prefixLength},
                       {QStringLiteral("scope"), a.scope}};
}

QJsonObject ownerToJson(const Owner &o)
{
    if (o.isNull())
        return QJsonObject();
    return QJsonObject{{QStringLiteral("type"), o.type},
                       {QStringLiteral("id"), o.id},
                       {QStringLiteral("name"), nullIfEmpty(o.name)}};
}

QJsonObject linkToJson(const TopologyModel &model, const Link &l)
{
    QJsonArray addresses;
    for (const Address &a : l.addresses)
        addresses.append(addressToJson(a));
    QJsonObject o{{QStringLiteral("ifindex"), l.ifindex},
                  {QStringLiteral("name"), l.name},
                  {QStringLiteral("kind"), l.kind},
                  {QStringLiteral("role"), model.roleOf(l.ifindex)},
                  {QStringLiteral("mac"), nullIfEmpty(l.mac)},
                  {QStringLiteral("mtu"), l.mtu},
                  {QStringLiteral("operstate"), l.operstate},
                  {QStringLiteral("up"), l.isUp()},
                  {QStringLiteral("carrier"), l.hasCarrier()},
                  {QStringLiteral("addresses"), addresses}};
    const auto master = l.masterIndex ? model.link(l.masterIndex) : std::nullopt;
    o.insert(QStringLiteral("master"), master ? QJsonValue(master->name) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("master_ifindex"), l.masterIndex ? QJsonValue(l.masterIndex) : QJsonValue(QJsonValue::Null));
    if (l.peerIndex != 0 || l.peerNetnsId >= 0) {
        o.insert(QStringLiteral("peer"),
                 QJsonObject{{QStringLiteral("ifindex"), l.peerIndex ? QJsonValue(l.peerIndex) : QJsonValue()},
                             {QStringLiteral("netnsid"),
                              l.peerNetnsId >= 0 ? QJsonValue(l.peerNetnsId) : QJsonValue(QJsonValue::Null)}});
    }
    if (l.kind == QLatin1String("veth") || l.peerNetnsId >= 0) {
        const Owner owner = model.ownerOf(l.ifindex);
        o.insert(QStringLiteral("owner"), owner.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(ownerToJson(owner)));
    }
    if (l.stp.has_value())
        o.insert(QStringLiteral("bridge"), QJsonObject{{QStringLiteral("stp"), *l.stp}});
    if (!l.portState.isEmpty())
        o.insert(QStringLiteral("port"), QJsonObject{{QStringLiteral("state"), l.portState}});
    return o;
}

QJsonObject containerToJson(const TopologyModel &model, const Container &c)
{
    QJsonArray links;
    for (const Link &l : model.linksOfContainer(c.id))
        links.append(l.name);
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("short_id"), c.shortId()},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("image"), c.image},
                       {QStringLiteral("state"), c.state},
                       {QStringLiteral("compose_project"), nullIfEmpty(c.composeProject)},
                       {QStringLiteral("networks"), QJsonArray::fromStringList(c.networks)},
                       {QStringLiteral("pid"), c.pid},
                       {QStringLiteral("netnsid"), c.netnsId >= 0 ? QJsonValue(c.netnsId) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("links"), links}};
}

QString dockerStateName(DockerStatus::State state)
{
    switch (state) {
    case DockerStatus::State::Connected:
        return QStringLiteral("connected");
    case DockerStatus::State::Connecting:
        return QStringLiteral("connecting");
    case DockerStatus::State::Unavailable:
        return QStringLiteral("unavailable");
    case DockerStatus::State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject dockerStatusToJson(const DockerStatus &s)
{
    return QJsonObject{{QStringLiteral("state"), dockerStateName(s.state)},
                       {QStringLiteral("endpoint"), nullIfEmpty(s.endpoint)},
                       {QStringLiteral("api_version"), nullIfEmpty(s.apiVersion)},
                       {QStringLiteral("reason"), nullIfEmpty(s.reason)}};
}

QJsonObject topologyToJson(const TopologyModel &model)
{
    QJsonArray links;
    for (const Link &l : model.links())
        links.append(linkToJson(model, l));
    QJsonArray containers;
    for (const Container &c : model.containers())
        containers.append(containerToJson(model, c));
    QJsonArray routes;
    for (const DefaultRoute &r : model.defaultRoutes()) {
        const auto dev = model.link(r.oifIndex);
        routes.append(QJsonObject{{QStringLiteral("family"), familyName(r.family)},
                                  {QStringLiteral("gateway"), nullIfEmpty(r.gateway)},
                                  {QStringLiteral("dev"), dev ? QJsonValue(dev->name) : QJsonValue(QJsonValue::Null)},
                                  {QStringLiteral("metric"), qint64(r.metric)},
                                  {QStringLiteral("table"), qint64(r.table)}});
    }
    return QJsonObject{{QStringLiteral("links"), links},
                       {QStringLiteral("containers"), containers},
                       {QStringLiteral("default_routes"), routes},
                       {QStringLiteral("docker"), dockerStatusToJson(model.dockerStatus())}};
}

} // namespace Passerelle
