// The scene of the topology graph: owns the node, edge and bus items and
// keeps them equal to the model. Model signals only arm a short single-shot
// timer, so that a storm of events (a container start is a dozen netlink
// messages) yields one update. An update derives the graph from the model,
// touches only the items whose look changed, and runs the layout only when
// nodes or edges came or went; the layout keeps every node that stays where
// it was, and runs in a worker thread when the graph is big.
#pragma once

#include "topologygraph.h"
#include "topologylayout.h"

#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Passerelle {

class BusItem;
class EdgeItem;
class NodeItem;
class TopologyModel;

class TopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    // Graphs with more nodes than this are laid out off the GUI thread.
    static constexpr int AsyncLayoutThreshold = 200;
    // How long a burst of model events may last before the graph follows.
    static constexpr int CoalesceMs = 30;

    // model may be null: the scene then shows graphs given to showGraph().
    explicit TopologyScene(TopologyModel *model, QObject *parent = nullptr);
    ~TopologyScene() override;

    NodeItem *nodeItem(const QString &key) const { return m_nodes.value(key); }
    QList<NodeItem *> nodeItems() const { return m_nodes.values(); }
    QList<EdgeItem *> edgeItems() const { return m_edges.values(); }
    QList<BusItem *> busItems() const { return m_buses.values(); }
    const TopologyGraph &graph() const { return m_graph; }
    // Nothing waits to reach the items: no timer armed, no layout running.
    bool isSettled() const;
    // Bounding rectangle of what the graph draws.
    QRectF graphRect() const;

    QString selectedKey() const;
    void selectNode(const QString &key);

    // Words the nodes must all contain (name, MAC, address, image...).
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }
    // Hide the nodes that do not match instead of fading them.
    void setHideNonMatching(bool hide);
    bool hidesNonMatching() const { return m_hide; }

    // Shows a graph built elsewhere, through the same path as a model update.
    void showGraph(const TopologyGraph &graph);

public Q_SLOTS:
    void scheduleUpdate();
    // Packs the whole graph again, closing the gaps left by removed nodes.
    void relayout();

Q_SIGNALS:
    // Items now equal the graph (after each update that reached them).
    void graphApplied();
    void selectedKeyChanged(const QString &key);

private:
    void flush();
    void startLayout(const TopologyGraph &graph, bool full);
    void layoutFinished();
    void apply(const TopologyGraph &graph, const TopologyLayout &layout, bool full);
    void applyLook(const TopologyGraph &graph);
    void applyFilter();
    void removeNode(const QString &key);
    void removeEdge(EdgeItem *edge);

    QPointer<TopologyModel> m_model;
    QTimer m_coalesce;
    QFutureWatcher<TopologyLayout> m_watcher;
    TopologyGraph m_graph;          // on screen
    TopologyGraph m_inFlight;       // being laid out in the worker
    bool m_inFlightFull = false;
    TopologyLayout m_layout;
    bool m_again = false;           // changes arrived during a layout in the worker
    bool m_fullRequested = false;
    bool m_externalGraph = false;   // showGraph() instead of the model
    TopologyGraph m_external;

    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, EdgeItem *> m_edges;
    QHash<QString, BusItem *> m_buses;   // by bridge key

    QString m_filter;
    bool m_hide = false;
    QRectF m_extent;                // grows only, so the view never shifts under the user
};

} // namespace Passerelle
