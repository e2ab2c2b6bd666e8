#include "topologygraph.h"

#include "ownertext.h"
#include "topologymodel.h"

#include <QSet>

namespace Passerelle {

namespace {

const QString HostBlock = QStringLiteral("~host");
const QString UnbridgedBlock = QStringLiteral("~unbridged");
const QString ContainersBlock = QStringLiteral("~containers");

QString linkKey(int ifindex)
{
    return TopologyGraph::linkKey(ifindex);
}

QString fallbackRole(const Link &link)
{
    if (link.kind == QLatin1String("bridge"))
        return QStringLiteral("bridge");
    if (link.kind == QLatin1String("physical"))
        return QStringLiteral("uplink");
    if (link.kind == QLatin1String("veth"))
        return QStringLiteral("veth");
    return QStringLiteral("other");
}

// The address worth a glance on a card: global IPv4 first, then global IPv6.
QString mainAddress(const Link &link)
{
    for (int family : {2 /* AF_INET */, 10 /* AF_INET6 */}) {
        for (const Address &a : link.addresses) {
            if (a.family == family && a.scope == QLatin1String("global"))
                return TopologyText::addressText(a);
        }
    }
    return QString();
}

void appendWords(QStringList *words, const Link &link)
{
    words->append(link.name);
    words->append(link.kind);
    words->append(link.mac);
    for (const Address &a : link.addresses)
        words->append(TopologyText::addressText(a));
}

QString runtimeText(const Owner &owner)
{
    // Whole phrases per runtime, so that translators never glue fragments.
    if (owner.type == QLatin1String("docker"))
        return TopologyText::tr("Docker container");
    if (owner.type == QLatin1String("podman"))
        return TopologyText::tr("Podman container");
    if (owner.type == QLatin1String("kubernetes"))
        return TopologyText::tr("Kubernetes container");
    if (owner.type == QLatin1String("containerd"))
        return TopologyText::tr("containerd container");
    if (owner.type == QLatin1String("lxc"))
        return TopologyText::tr("LXC container");
    if (owner.type == QLatin1String("nspawn"))
        return TopologyText::tr("systemd-nspawn machine");
    if (owner.type == QLatin1String("process"))
        return TopologyText::tr("process");
    return TopologyText::tr("owner unknown");
}

GraphNode namespaceNode(int nsid, const Owner &owner)
{
    GraphNode n;
    n.key = QStringLiteral("ns:%1").arg(nsid);
    n.kind = NodeKind::Namespace;
    n.state = NodeState::Unknown;
    n.netnsId = nsid;
    n.band = LayoutBand::Far;
    if (owner.type == QLatin1String("netns")) {
        n.title = owner.name;
        n.subtitle = TopologyText::tr("namespace %1").arg(nsid);
    } else if (owner.isNull() || owner.type == QLatin1String("unknown")) {
        n.title = TopologyText::tr("namespace %1").arg(nsid);
        n.subtitle = TopologyText::tr("owner unknown");
    } else {
        n.title = owner.name.isEmpty() ? owner.id.left(12) : owner.name;
        n.subtitle = runtimeText(owner);
        n.detail = TopologyText::tr("namespace %1").arg(nsid);
    }
    n.searchText = QStringList{n.title, n.subtitle, owner.type, owner.id, owner.name}.join(QLatin1Char(' ')).toLower();
    return n;
}

} // namespace

QString GraphEdge::key() const
{
    return from + QLatin1Char('>') + to + QLatin1Char('#') + QString::number(int(kind));
}

QString TopologyGraph::linkKey(int ifindex)
{
    return QStringLiteral("link:%1").arg(ifindex);
}

bool TopologyGraph::sameStructure(const TopologyGraph &o) const
{
    if (nodes.size() != o.nodes.size() || edges != o.edges || blocks.size() != o.blocks.size())
        return false;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (!nodes.at(i).samePlace(o.nodes.at(i)))
            return false;
    }
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (blocks.at(i).key != o.blocks.at(i).key || blocks.at(i).hasBar != o.blocks.at(i).hasBar)
            return false;
    }
    return true;
}

ModelSnapshot ModelSnapshot::fromModel(const TopologyModel &model)
{
    ModelSnapshot s;
    s.links = model.links();
    s.containers = model.containers();
    s.defaultRoutes = model.defaultRoutes();
    s.owners.reserve(s.links.size());
    s.roles.reserve(s.links.size());
    for (const Link &l : std::as_const(s.links)) {
        const Owner owner = model.ownerOf(l.ifindex);
        if (!owner.isNull())
            s.owners.insert(l.ifindex, owner);
        s.roles.insert(l.ifindex, model.roleOf(l.ifindex));
    }
    return s;
}

TopologyGraph buildGraph(const ModelSnapshot &snapshot)
{
    TopologyGraph g;
    QHash<int, const Link *> byIndex;
    byIndex.reserve(snapshot.links.size());
    for (const Link &l : snapshot.links)
        byIndex.insert(l.ifindex, &l);
    QHash<QString, const Container *> containerById;
    for (const Container &c : snapshot.containers)
        containerById.insert(c.id, &c);

    // Far ends are collected first and appended after the links, so that
    // several veths into one namespace share a node.
    QHash<QString, GraphNode> farNodes;
    QStringList farOrder;
    QSet<QString> usedBlocks;
    QHash<int, int> portCount;   // per bridge ifindex

    for (const Link &l : snapshot.links) {
        if (l.masterIndex != 0)
            ++portCount[l.masterIndex];
    }

    for (const Link &l : snapshot.links) {
        if (l.kind == QLatin1String("loopback"))
            continue;
        const QString role = snapshot.roles.value(l.ifindex, fallbackRole(l));
        const Link *master = byIndex.value(l.masterIndex, nullptr);
        const bool inBridge = master && master->kind == QLatin1String("bridge");
        const QString masterKey = master ? linkKey(master->ifindex) : QString();

        GraphNode n;
        n.key = linkKey(l.ifindex);
        n.ifindex = l.ifindex;
        n.title = l.name;
        n.state = TopologyText::linkState(l);
        n.subtitle = TopologyText::tr("%1 · %2", "interface kind · state")
                         .arg(TopologyText::kindText(l.kind), TopologyText::stateText(n.state));
        QStringList words;
        appendWords(&words, l);

        if (l.kind == QLatin1String("bridge")) {
            n.kind = NodeKind::Bridge;
            n.band = LayoutBand::Bar;
            n.block = n.key;
            const int ports = portCount.value(l.ifindex);
            const QString stp = l.stp.value_or(false) ? TopologyText::tr("STP on") : TopologyText::tr("STP off");
            n.detail = TopologyText::tr("%1 · %n port(s)", "STP state · number of ports", ports).arg(stp);
            const QString address = mainAddress(l);
            if (!address.isEmpty())
                n.detail = TopologyText::tr("%1 · %2", "bridge details · address").arg(n.detail, address);
            g.blocks.append({n.key, true, QStringLiteral("1:") + l.name});
        } else if (role == QLatin1String("uplink")) {
            n.kind = NodeKind::Uplink;
            n.band = LayoutBand::Top;
            n.block = inBridge ? masterKey : HostBlock;
            n.detail = mainAddress(l);
        } else if (l.kind == QLatin1String("veth") || inBridge || l.peerNetnsId >= 0) {
            n.kind = l.kind == QLatin1String("veth") ? NodeKind::Veth : NodeKind::Port;
            n.band = LayoutBand::Port;
            n.block = inBridge ? masterKey : UnbridgedBlock;
            n.detail = inBridge && !l.portState.isEmpty()
                ? TopologyText::tr("port %1", "%1 is the port's STP state: forwarding, learning…")
                      .arg(TopologyText::portStateText(l.portState))
                : mainAddress(l);
        } else {
            n.kind = NodeKind::Port;
            n.band = LayoutBand::Top;
            n.block = HostBlock;
            n.detail = mainAddress(l);
        }
        usedBlocks.insert(n.block);

        if (master && n.kind != NodeKind::Bridge && inBridge)
            g.edges.append({n.key, masterKey, EdgeKind::BusPort});
        else if (master)
            g.edges.append({n.key, masterKey, EdgeKind::Master});

        // The far end of a port: a container, or the namespace that holds it.
        if (n.band == LayoutBand::Port && l.peerNetnsId >= 0) {
            const Owner owner = snapshot.owners.value(l.ifindex);
            words << owner.name << owner.id;
            const Container *c = owner.type == QLatin1String("docker") ? containerById.value(owner.id, nullptr) : nullptr;
            const QString farKey = c ? QStringLiteral("ctr:") + c->id : QStringLiteral("ns:%1").arg(l.peerNetnsId);
            if (!c && !farNodes.contains(farKey)) {
                farNodes.insert(farKey, namespaceNode(l.peerNetnsId, owner));
                farOrder.append(farKey);
            }
            if (c && !farOrder.contains(farKey))
                farOrder.append(farKey);
            farNodes[farKey].anchors.append(n.key);
            g.edges.append({n.key, farKey, EdgeKind::Peer});
        } else if (l.peerNetnsId < 0 && l.peerIndex > l.ifindex && l.kind == QLatin1String("veth")) {
            // Both ends in this namespace: one edge between the two veths.
            const Link *peer = byIndex.value(l.peerIndex, nullptr);
            if (peer && peer->kind != QLatin1String("loopback"))
                g.edges.append({n.key, linkKey(peer->ifindex), EdgeKind::Peer});
        }

        words.removeAll(QString());
        n.searchText = words.join(QLatin1Char(' ')).toLower();
        g.nodes.append(n);
    }

    QHash<QString, QString> blockOfNode;
    for (const GraphNode &n : std::as_const(g.nodes))
        blockOfNode.insert(n.key, n.block);

    for (const QString &key : std::as_const(farOrder)) {
        if (key.startsWith(QLatin1String("ctr:")))
            continue;
        GraphNode n = farNodes.value(key);
        n.block = blockOfNode.value(n.anchors.value(0));
        g.nodes.append(n);
    }

    for (const Container &c : snapshot.containers) {
        GraphNode n;
        n.key = QStringLiteral("ctr:") + c.id;
        n.kind = NodeKind::Container;
        n.state = c.state == QLatin1String("running") ? NodeState::Up : NodeState::Down;
        n.title = c.name;
        n.subtitle = c.image;
        n.detail = c.composeProject.isEmpty()
            ? c.shortId()
            : TopologyText::tr("%1 · %2", "container short id · compose project").arg(c.shortId(), c.composeProject);
        n.containerId = c.id;
        n.netnsId = c.netnsId;
        n.band = LayoutBand::Far;
        n.anchors = farNodes.value(n.key).anchors;
        n.block = n.anchors.isEmpty() ? ContainersBlock : blockOfNode.value(n.anchors.first());
        usedBlocks.insert(n.block);
        n.searchText = (QStringList{c.name, c.image, c.id, c.composeProject, c.state} + c.networks)
                           .join(QLatin1Char(' '))
                           .toLower();
        g.nodes.append(n);
    }

    if (usedBlocks.contains(HostBlock))
        g.blocks.append({HostBlock, false, QStringLiteral("0")});
    if (usedBlocks.contains(UnbridgedBlock))
        g.blocks.append({UnbridgedBlock, false, QStringLiteral("2")});
    if (usedBlocks.contains(ContainersBlock))
        g.blocks.append({ContainersBlock, false, QStringLiteral("3")});
    return g;
}

NodeState TopologyText::linkState(const Link &link)
{
    if (!link.isUp())
        return NodeState::Down;
    if (!link.hasCarrier())
        return NodeState::NoCarrier;
    return NodeState::Up;
}

QString TopologyText::stateText(NodeState state)
{
    switch (state) {
    case NodeState::Up:
        return tr("up", "interface state");
    case NodeState::NoCarrier:
        return tr("no carrier", "interface state");
    case NodeState::Down:
        return tr("down", "interface state");
    case NodeState::Unknown:
        break;
    }
    return tr("unknown");
}

QString TopologyText::kindText(const QString &kind)
{
    if (kind == QLatin1String("bridge"))
        return tr("bridge");
    if (kind == QLatin1String("veth"))
        return tr("veth");
    if (kind == QLatin1String("physical"))
        return tr("physical");
    if (kind == QLatin1String("loopback"))
        return tr("loopback");
    // Other kernel kinds (vxlan, tun, wireguard...) are names, not words.
    return kind;
}

QString TopologyText::portStateText(const QString &state)
{
    if (state == QLatin1String("disabled"))
        return tr("disabled", "bridge port state");
    if (state == QLatin1String("listening"))
        return tr("listening", "bridge port state");
    if (state == QLatin1String("learning"))
        return tr("learning", "bridge port state");
    if (state == QLatin1String("forwarding"))
        return tr("forwarding", "bridge port state");
    if (state == QLatin1String("blocking"))
        return tr("blocking", "bridge port state");
    return state;
}

QString TopologyText::addressText(const Address &address)
{
    return QStringLiteral("%1/%2").arg(address.local).arg(address.prefixLength);
}

} // namespace Passerelle
