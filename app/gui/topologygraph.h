// The graph the window draws, derived from one snapshot of the model: which
// nodes exist (uplinks, bridges, veths, other ports, containers, namespaces),
// what they say, how they connect, and where the layout should put them.
// Pure data, so that it can be built in tests without a model and handed to
// the layout in a worker thread.
#pragma once

#include "topologytypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Passerelle {

class TopologyModel;

enum class NodeKind { Uplink, Port, Bridge, Veth, Container, Namespace };
// Up: up with carrier. NoCarrier: administratively up, no lower layer.
// Down: administratively down (or a container not running). Unknown: no
// state of its own (a namespace).
enum class NodeState { Up, NoCarrier, Down, Unknown };
// Where a node sits in its block: uplinks above the bridge bar, the bar,
// ports below it, and the far ends (containers, namespaces) under their port.
enum class LayoutBand { Top, Bar, Port, Far };
enum class EdgeKind { BusPort, Peer, Master };

struct GraphNode
{
    QString key;             // "link:IFINDEX", "ctr:ID", "ns:NSID"
    NodeKind kind = NodeKind::Port;
    NodeState state = NodeState::Unknown;
    QString title;           // interface, container or namespace name
    QString subtitle;        // "veth · up", image, "namespace"
    QString detail;          // first address, short id, owner; may be empty
    QString searchText;      // lower-case words the filter box matches
    int ifindex = 0;
    QString containerId;
    int netnsId = -1;

    QString block;           // layout block: a bridge's key, "~host", "~unbridged", "~containers"
    LayoutBand band = LayoutBand::Port;
    QStringList anchors;     // Far nodes: the ports they hang under, first is preferred

    bool sameLook(const GraphNode &o) const
    {
        return kind == o.kind && state == o.state && title == o.title && subtitle == o.subtitle
            && detail == o.detail && searchText == o.searchText;
    }
    bool samePlace(const GraphNode &o) const
    {
        return key == o.key && block == o.block && band == o.band && anchors == o.anchors;
    }
};

struct GraphEdge
{
    QString from;            // the port, the veth
    QString to;              // the bridge, the far end, the master
    EdgeKind kind = EdgeKind::Peer;

    QString key() const;
    bool operator==(const GraphEdge &o) const { return from == o.from && to == o.to && kind == o.kind; }
};

struct GraphBlock
{
    QString key;
    bool hasBar = false;     // a bridge: ports hang from its bar
    QString sortKey;         // order of blocks in a full layout
};

struct TopologyGraph
{
    QList<GraphNode> nodes;  // blocks' nodes in a stable order: by ifindex, then containers by name
    QList<GraphEdge> edges;
    QList<GraphBlock> blocks;

    // Same nodes in the same places and the same edges: only the look of
    // some nodes may differ, and no layout is needed.
    bool sameStructure(const TopologyGraph &o) const;

    // The key of a link's node: "link:IFINDEX".
    static QString linkKey(int ifindex);
};

// What buildGraph() reads from the model, copied once so it can be built
// from test data too.
struct ModelSnapshot
{
    QList<Link> links;
    QList<Container> containers;
    QList<DefaultRoute> defaultRoutes;
    QHash<int, Owner> owners;      // by ifindex, for links with an owner
    QHash<int, QString> roles;     // TopologyModel::roleOf() by ifindex

    static ModelSnapshot fromModel(const TopologyModel &model);
};

TopologyGraph buildGraph(const ModelSnapshot &snapshot);

// Words shared by the graph, the inspector and the table.
class TopologyText
{
    Q_DECLARE_TR_FUNCTIONS(TopologyText)
public:
    static NodeState linkState(const Link &link);
    static QString stateText(NodeState state);
    static QString kindText(const QString &kind);
    // A bridge port's state as the kernel names it ("forwarding"), in words.
    static QString portStateText(const QString &state);
    static QString addressText(const Address &address);
};

} // namespace Passerelle
