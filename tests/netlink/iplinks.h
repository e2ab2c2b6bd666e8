// What iproute2 says about a namespace, as Passerelle's value types: the
// reference the netlink tests compare NetlinkMonitor with.
#pragma once

#include "topologytypes.h"

#include <QMap>
#include <QString>

class NetnsFixture;

namespace IpLinks {

using LinkMap = QMap<int, Passerelle::Link>;

// `ip -j -d link show` and `ip -j addr show` in NS.
LinkMap links(const NetnsFixture &fixture, const QString &ns);
// Unicast default routes of every table, both families, from `ip -j route show table all`;
// a multipath route gives one per nexthop.
QList<Passerelle::DefaultRoute> defaultRoutes(const NetnsFixture &fixture, const QString &ns);

// Addresses in a fixed order, so lists built in any order compare equal.
LinkMap normalized(LinkMap links);
QList<Passerelle::DefaultRoute> normalized(QList<Passerelle::DefaultRoute> routes);

// Empty when equal, otherwise one line per difference, for QVERIFY2.
QString diff(const LinkMap &actual, const LinkMap &expected);
QString describe(const Passerelle::Link &link);
QString describe(const QList<Passerelle::DefaultRoute> &routes);

// The ifindex of the link called NAME, 0 if there is none.
int indexOf(const LinkMap &links, const QString &name);

} // namespace IpLinks
