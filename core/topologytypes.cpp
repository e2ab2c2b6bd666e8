#include "topologytypes.h"

#include <linux/if.h>

namespace Passerelle {

bool Link::isUp() const
{
    return flags & IFF_UP;
}

bool Link::hasCarrier() const
{
    return flags & IFF_LOWER_UP;
}

bool Link::operator==(const Link &o) const
{
    return ifindex == o.ifindex && name == o.name && kind == o.kind && masterIndex == o.masterIndex && mac == o.mac
        && mtu == o.mtu && operstate == o.operstate && flags == o.flags && peerIndex == o.peerIndex
        && peerNetnsId == o.peerNetnsId && stp == o.stp && portState == o.portState && addresses == o.addresses;
}

QString classifyLinkKind(const QString &infoKind, quint32 flags)
{
    if (flags & IFF_LOOPBACK)
        return QStringLiteral("loopback");
    if (!infoKind.isEmpty())
        return infoKind;
    return QStringLiteral("physical");
}

} // namespace Passerelle
