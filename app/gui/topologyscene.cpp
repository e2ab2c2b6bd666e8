#include "topologyscene.h"

#include "edgeitems.h"
#include "nodeitems.h"
#include "topologymodel.h"

#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace Passerelle {

namespace {

constexpr qreal SceneMargin = 40;

int itemTypeFor(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Uplink:
        return UplinkItem::Type;
    case NodeKind::Port:
        return PortItem::Type;
    case NodeKind::Bridge:
        return BridgeItem::Type;
    case NodeKind::Veth:
        return VethItem::Type;
    case NodeKind::Container:
        return ContainerItem::Type;
    case NodeKind::Namespace:
        return NamespaceItem::Type;
    }
    return PortItem::Type;
}

QString edgeKey(const EdgeItem *edge)
{
    return GraphEdge{edge->source()->key(), edge->dest()->key(), edge->kind()}.key();
}

} // namespace

TopologyScene::TopologyScene(TopologyModel *model, QObject *parent)
    : QGraphicsScene(parent)
    , m_model(model)
{
    // Items move on every relayout: a BSP index would be rebuilt all the time.
    setItemIndexMethod(NoIndex);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &TopologyScene::flush);
    connect(&m_watcher, &QFutureWatcher<TopologyLayout>::finished, this, &TopologyScene::layoutFinished);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT selectedKeyChanged(selectedKey()); });

    if (model) {
        connect(model, &TopologyModel::ready, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::reset, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::linkAdded, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::linkChanged, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::linkRemoved, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::portJoined, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::portLeft, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::containerStarted, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::containerChanged, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::containerStopped, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::ownerChanged, this, &TopologyScene::scheduleUpdate);
        connect(model, &TopologyModel::defaultRoutesChanged, this, &TopologyScene::scheduleUpdate);
        scheduleUpdate();
    }
}

TopologyScene::~TopologyScene()
{
    m_watcher.waitForFinished();
    // Edges first: they unhook themselves from their nodes.
    for (EdgeItem *edge : std::as_const(m_edges))
        delete edge;
    m_edges.clear();
}

bool TopologyScene::isSettled() const
{
    return !m_coalesce.isActive() && !m_watcher.isRunning() && !m_again;
}

QRectF TopologyScene::graphRect() const
{
    QRectF r;
    for (const NodeItem *n : m_nodes)
        r |= n->sceneCardRect();
    for (const BusItem *b : m_buses)
        r |= b->boundingRect();
    return r;
}

QString TopologyScene::selectedKey() const
{
    const QList<QGraphicsItem *> items = selectedItems();
    for (const QGraphicsItem *item : items) {
        if (const auto *node = dynamic_cast<const NodeItem *>(item))
            return node->key();
    }
    return QString();
}

void TopologyScene::selectNode(const QString &key)
{
    NodeItem *item = m_nodes.value(key);
    if (item && item->isSelected() && selectedItems().size() == 1)
        return;
    {
        // One selectedKeyChanged for the pair of calls.
        const QSignalBlocker blocker(this);
        clearSelection();
        if (item)
            item->setSelected(true);
    }
    Q_EMIT selectedKeyChanged(selectedKey());
}

void TopologyScene::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    applyFilter();
}

void TopologyScene::setHideNonMatching(bool hide)
{
    if (hide == m_hide)
        return;
    m_hide = hide;
    applyFilter();
}

void TopologyScene::showGraph(const TopologyGraph &graph)
{
    m_externalGraph = true;
    m_external = graph;
    scheduleUpdate();
}

void TopologyScene::scheduleUpdate()
{
    // Not restarted by later events: a long storm still shows every CoalesceMs.
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void TopologyScene::relayout()
{
    m_fullRequested = true;
    scheduleUpdate();
}

void TopologyScene::flush()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    TopologyGraph graph;
    if (m_externalGraph)
        graph = m_external;
    else if (m_model)
        graph = buildGraph(ModelSnapshot::fromModel(*m_model));
    const bool full = std::exchange(m_fullRequested, false);
    if (!full && graph.sameStructure(m_graph) && m_layout.nodeCount() == int(graph.nodes.size())) {
        applyLook(graph);
        Q_EMIT graphApplied();
        return;
    }
    startLayout(graph, full);
}

void TopologyScene::startLayout(const TopologyGraph &graph, bool full)
{
    const LayoutRequest request = LayoutRequest::fromGraph(graph);
    const TopologyLayout previous = full ? TopologyLayout() : m_layout;
    if (graph.nodes.size() <= AsyncLayoutThreshold) {
        apply(graph, TopologyLayout::compute(request, previous), full);
        return;
    }
    m_inFlight = graph;
    m_inFlightFull = full;
    m_watcher.setFuture(QtConcurrent::run([request, previous] { return TopologyLayout::compute(request, previous); }));
}

void TopologyScene::layoutFinished()
{
    const TopologyGraph graph = std::exchange(m_inFlight, TopologyGraph());
    apply(graph, m_watcher.result(), m_inFlightFull);
    if (std::exchange(m_again, false))
        flush();
}

void TopologyScene::removeEdge(EdgeItem *edge)
{
    m_edges.remove(edgeKey(edge));
    removeItem(edge);
    delete edge;
}

void TopologyScene::removeNode(const QString &key)
{
    NodeItem *item = m_nodes.take(key);
    if (!item)
        return;
    const QList<EdgeItem *> edges = item->edges();
    for (EdgeItem *edge : edges)
        removeEdge(edge);
    removeItem(item);
    delete item;
    if (BusItem *bus = m_buses.take(key)) {
        removeItem(bus);
        delete bus;
    }
}

void TopologyScene::apply(const TopologyGraph &graph, const TopologyLayout &layout, bool full)
{
    const QString selected = selectedKey();

    QSet<QString> edgeKeys;
    for (const GraphEdge &e : graph.edges)
        edgeKeys.insert(e.key());
    const QList<EdgeItem *> edges = m_edges.values();
    for (EdgeItem *edge : edges) {
        if (!edgeKeys.contains(edgeKey(edge)))
            removeEdge(edge);
    }

    QHash<QString, const GraphNode *> wanted;
    for (const GraphNode &n : graph.nodes)
        wanted.insert(n.key, &n);
    const QStringList keys = m_nodes.keys();
    for (const QString &key : keys) {
        const GraphNode *n = wanted.value(key);
        // A node that became another kind gets an item of the new class.
        if (!n || !layout.contains(key) || m_nodes.value(key)->type() != itemTypeFor(n->kind))
            removeNode(key);
    }

    for (const GraphNode &n : graph.nodes) {
        if (!layout.contains(n.key))
            continue;
        NodeItem *item = m_nodes.value(n.key);
        if (!item) {
            item = createNodeItem(n);
            m_nodes.insert(n.key, item);
            addItem(item);
        } else {
            item->setNode(n);
        }
        const QPointF pos = layout.position(n.key);
        if (item->pos() != pos)
            item->setPos(pos);
        if (n.kind == NodeKind::Bridge) {
            static_cast<BridgeItem *>(item)->setWidth(layout.barRect(n.key).width());
            const QList<QLineF> lines = layout.busLines(n.key);
            BusItem *bus = m_buses.value(n.key);
            if (lines.isEmpty() && bus) {
                m_buses.remove(n.key);
                removeItem(bus);
                delete bus;
            } else if (!lines.isEmpty()) {
                if (!bus) {
                    bus = new BusItem;
                    bus->setZValue(-1);
                    m_buses.insert(n.key, bus);
                    addItem(bus);
                }
                bus->setLines(lines);
            }
        }
    }

    for (const GraphEdge &e : graph.edges) {
        const QString key = e.key();
        if (m_edges.contains(key))
            continue;
        NodeItem *from = m_nodes.value(e.from);
        NodeItem *to = m_nodes.value(e.to);
        if (!from || !to)
            continue;
        auto *edge = new EdgeItem(from, to, e.kind);
        m_edges.insert(key, edge);
        addItem(edge);
    }

    m_graph = graph;
    m_layout = layout;
    applyFilter();

    const QRectF bounds = graphRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin);
    m_extent = full || m_extent.isNull() ? bounds : (m_extent | bounds);
    setSceneRect(m_extent);

    if (!selected.isEmpty() && !m_nodes.contains(selected))
        Q_EMIT selectedKeyChanged(QString());
    Q_EMIT graphApplied();
}

void TopologyScene::applyLook(const TopologyGraph &graph)
{
    for (const GraphNode &n : graph.nodes) {
        if (NodeItem *item = m_nodes.value(n.key))
            item->setNode(n);
    }
    m_graph = graph;
    applyFilter();
}

void TopologyScene::applyFilter()
{
    const QStringList words = m_filter.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (NodeItem *item : std::as_const(m_nodes)) {
        NodeItem::Match match = NodeItem::Match::None;
        if (!words.isEmpty()) {
            const QString &haystack = item->node().searchText;
            const bool hit = std::all_of(words.cbegin(), words.cend(),
                                         [&haystack](const QString &w) { return haystack.contains(w); });
            match = hit ? NodeItem::Match::Hit : NodeItem::Match::Miss;
        }
        item->setMatch(match);
        item->setVisible(!(m_hide && match == NodeItem::Match::Miss));
    }
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->followEnds();
    for (auto it = m_buses.cbegin(); it != m_buses.cend(); ++it) {
        // A bus fades with its bridge.
        if (const NodeItem *bridge = m_nodes.value(it.key())) {
            it.value()->setVisible(bridge->isVisible());
            it.value()->setOpacity(bridge->opacity());
        }
    }
}

} // namespace Passerelle
