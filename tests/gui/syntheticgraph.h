// Made-up hosts for the GUI tests that need no kernel: an uplink, bridges
// whose veth ports have their peers in other namespaces, some of them
// Docker containers.
#pragma once

#include "topologygraph.h"

#include <linux/if.h>

namespace Synthetic {

using namespace Passerelle;

inline Link link(int ifindex, const QString &name, const QString &kind, int master = 0, int peerNsid = -1)
{
    Link l;
    l.ifindex = ifindex;
    l.name = name;
    l.kind = kind;
    l.masterIndex = master;
    l.mac = QStringLiteral("02:00:00:%1:%2:%3")
                .arg((ifindex >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                .arg((ifindex >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                .arg(ifindex & 0xff, 2, 16, QLatin1Char('0'));
    l.mtu = 1500;
    l.operstate = QStringLiteral("UP");
    l.flags = IFF_UP | IFF_LOWER_UP;
    l.peerNetnsId = peerNsid;
    l.peerIndex = peerNsid >= 0 ? 2 : 0;
    if (master)
        l.portState = QStringLiteral("forwarding");
    if (kind == QLatin1String("bridge"))
        l.stp = false;
    return l;
}

inline QString containerId(int n)
{
    return QStringLiteral("%1").arg(n, 64, 16, QLatin1Char('0'));
}

// bridges × vethsPerBridge veths; veth k's peer lives in namespace k / vethsPerNamespace;
// every dockerEvery-th namespace is a Docker container (0: none), the others named netns.
inline ModelSnapshot host(int bridges, int vethsPerBridge, int vethsPerNamespace = 1, int dockerEvery = 0)
{
    ModelSnapshot s;
    s.links.append(link(1, QStringLiteral("lo"), QStringLiteral("loopback")));
    Link em1 = link(2, QStringLiteral("em1"), QStringLiteral("physical"));
    em1.addresses.append({2, QStringLiteral("192.0.2.10"), 24, QStringLiteral("global")});
    s.links.append(em1);
    s.roles.insert(1, QStringLiteral("other"));
    s.roles.insert(2, QStringLiteral("uplink"));
    s.defaultRoutes.append({2, QStringLiteral("192.0.2.1"), 2, 0, 254});
    int next = 10;
    QList<int> bridgeIndex;
    for (int b = 0; b < bridges; ++b) {
        bridgeIndex.append(next);
        s.links.append(link(next, QStringLiteral("br%1").arg(b), QStringLiteral("bridge")));
        s.roles.insert(next, QStringLiteral("bridge"));
        ++next;
    }
    int veth = 0;
    for (int b = 0; b < bridges; ++b) {
        for (int v = 0; v < vethsPerBridge; ++v, ++veth, ++next) {
            const int nsid = veth / vethsPerNamespace;
            s.links.append(link(next, QStringLiteral("veth%1").arg(veth), QStringLiteral("veth"), bridgeIndex.at(b), nsid));
            s.roles.insert(next, QStringLiteral("veth"));
            Owner o;
            if (dockerEvery > 0 && nsid % dockerEvery == 0) {
                o = {QStringLiteral("docker"), containerId(nsid), QStringLiteral("app%1").arg(nsid)};
                if (veth % vethsPerNamespace == 0) {
                    Container c;
                    c.id = o.id;
                    c.name = o.name;
                    c.image = QStringLiteral("busybox:latest");
                    c.state = QStringLiteral("running");
                    c.networks = {QStringLiteral("br%1").arg(b)};
                    c.pid = 1000 + nsid;
                    c.netnsId = nsid;
                    s.containers.append(c);
                }
            } else {
                o = {QStringLiteral("netns"), QStringLiteral("ns%1").arg(nsid), QStringLiteral("ns%1").arg(nsid)};
            }
            s.owners.insert(next, o);
        }
    }
    return s;
}

} // namespace Synthetic
