// The scene on made-up hosts (no kernel, no root): items follow the graph
// incrementally, stay in place, filter, and big graphs are laid out in a
// worker and pan within a frame.
#include "edgeitems.h"
#include "graphview.h"
#include "nodeitems.h"
#include "syntheticgraph.h"
#include "topologyscene.h"

#include <QDir>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Passerelle;

namespace {

NodeItem *itemTitled(const TopologyScene &scene, const QString &title)
{
    const QList<NodeItem *> items = scene.nodeItems();
    for (NodeItem *item : items) {
        if (item->node().title == title)
            return item;
    }
    return nullptr;
}

bool waitApplied(TopologyScene &scene, int timeoutMs = 5000)
{
    QSignalSpy spy(&scene, &TopologyScene::graphApplied);
    return spy.wait(timeoutMs) && scene.isSettled();
}

struct FrameTimes
{
    double median = 0;
    double worst = 0;
};

// Pans the view step by step, painting each frame at once, as a drag would.
FrameTimes pan(GraphView &view, int frames, int step)
{
    QList<double> times;
    QScrollBar *bar = view.horizontalScrollBar();
    QElapsedTimer t;
    for (int i = 0; i < frames; ++i) {
        t.start();
        bar->setValue(bar->value() + step);
        view.viewport()->repaint();
        times.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return {times.at(times.size() / 2), times.last()};
}

} // namespace

class TestGraphScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsFollowTheGraph()
    {
        TopologyScene scene(nullptr);
        ModelSnapshot s = Synthetic::host(1, 3);
        scene.showGraph(buildGraph(s));
        QVERIFY(waitApplied(scene));
        QCOMPARE(scene.nodeItems().size(), 1 + 1 + 3 + 3);
        QCOMPARE(scene.edgeItems().size(), 6);
        QCOMPARE(itemTitled(scene, QStringLiteral("em1"))->type(), int(UplinkItem::Type));
        QCOMPARE(itemTitled(scene, QStringLiteral("br0"))->type(), int(BridgeItem::Type));
        QCOMPARE(itemTitled(scene, QStringLiteral("veth0"))->type(), int(VethItem::Type));
        QCOMPARE(itemTitled(scene, QStringLiteral("ns0"))->type(), int(NamespaceItem::Type));

        // Stubs are short and vertical, from the port to the bar.
        const BridgeItem *bar = static_cast<BridgeItem *>(itemTitled(scene, QStringLiteral("br0")));
        for (const EdgeItem *edge : bar->edges()) {
            QCOMPARE(edge->kind(), EdgeKind::BusPort);
            QCOMPARE(edge->line().x1(), edge->line().x2());
            QCOMPARE(edge->line().length(), LayoutMetrics::Stub);
            QCOMPARE(edge->line().y2(), bar->sceneCardRect().bottom());
        }

        QHash<QString, QPair<NodeItem *, QPointF>> before;
        for (NodeItem *item : scene.nodeItems())
            before.insert(item->key(), {item, item->pos()});

        // A veth joins, another goes down: the rest keeps its items and places.
        Link late = Synthetic::link(90, QStringLiteral("late"), QStringLiteral("veth"), 10, 90);
        s.links.append(late);
        s.roles.insert(90, QStringLiteral("veth"));
        for (Link &l : s.links) {
            if (l.name == QLatin1String("veth1"))
                l.flags = 0;
        }
        scene.showGraph(buildGraph(s));
        QVERIFY(waitApplied(scene));
        QCOMPARE(scene.nodeItems().size(), 8 + 2);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QCOMPARE(scene.nodeItem(it.key()), it->first);
            QCOMPARE(scene.nodeItem(it.key())->pos(), it->second);
        }
        QCOMPARE(itemTitled(scene, QStringLiteral("veth1"))->node().state, NodeState::Down);
        QVERIFY(itemTitled(scene, QStringLiteral("late")));
    }

    void sharedFarEndsUseReferences()
    {
        // Three veths into each namespace, across two bridges.
        TopologyScene scene(nullptr);
        scene.showGraph(buildGraph(Synthetic::host(2, 4, 3, 2)));
        QVERIFY(waitApplied(scene));
        auto peerEdge = [&scene](const QString &from) -> EdgeItem * {
            for (EdgeItem *e : itemTitled(scene, from)->edges()) {
                if (e->kind() == EdgeKind::Peer)
                    return e;
            }
            return nullptr;
        };
        QVERIFY(!peerEdge(QStringLiteral("veth0"))->isReference());   // app0 sits right below it
        QVERIFY(peerEdge(QStringLiteral("veth1"))->isReference());
        QVERIFY(peerEdge(QStringLiteral("veth5"))->isReference());    // ns1 is under veth3, in br0
        QVERIFY(peerEdge(QStringLiteral("veth5"))->line().length() < 20);

        GraphView view;
        view.setScene(&scene);
        view.resize(1100, 560);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToWindow();
        const QString shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath()))
                                  .filePath(QStringLiteral("screenshots"));
        QDir().mkpath(shots);
        view.grab().save(QDir(shots).filePath(QStringLiteral("graph-shared-namespaces.png")));
    }

    void filterFadesOrHides()
    {
        TopologyScene scene(nullptr);
        scene.showGraph(buildGraph(Synthetic::host(1, 3, 1, 1)));
        QVERIFY(waitApplied(scene));
        scene.setFilterText(QStringLiteral("APP1"));
        NodeItem *app1 = itemTitled(scene, QStringLiteral("app1"));
        NodeItem *br0 = itemTitled(scene, QStringLiteral("br0"));
        QCOMPARE(app1->match(), NodeItem::Match::Hit);
        QCOMPARE(br0->match(), NodeItem::Match::Miss);
        QVERIFY(br0->opacity() < 1.0);
        QVERIFY(br0->isVisible());
        scene.setHideNonMatching(true);
        QVERIFY(!br0->isVisible());
        QVERIFY(app1->isVisible());
        // A container's name finds its veth too; the veth's stub to the hidden bar goes.
        NodeItem *veth1 = itemTitled(scene, QStringLiteral("veth1"));
        QCOMPARE(veth1->match(), NodeItem::Match::Hit);
        for (const EdgeItem *edge : veth1->edges())
            QCOMPARE(edge->isVisible(), edge->kind() == EdgeKind::Peer);
        // A MAC address finds its interface; all words must match.
        scene.setFilterText(QStringLiteral("veth2 02:00:00"));
        QCOMPARE(itemTitled(scene, QStringLiteral("veth2"))->match(), NodeItem::Match::Hit);
        QCOMPARE(itemTitled(scene, QStringLiteral("veth1"))->match(), NodeItem::Match::Miss);
        scene.setFilterText(QString());
        QVERIFY(br0->isVisible());
        QCOMPARE(br0->opacity(), 1.0);
    }

    void ctrlWheelZooms()
    {
        TopologyScene scene(nullptr);
        scene.showGraph(buildGraph(Synthetic::host(2, 20)));
        QVERIFY(waitApplied(scene));
        GraphView view;
        view.setScene(&scene);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTransform(QTransform());
        const QPointF at(400, 300);
        QWheelEvent zoomIn(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                           Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &zoomIn);
        QVERIFY(view.zoom() > 1.1);
        QWheelEvent zoomOut(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, -240), Qt::NoButton,
                            Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &zoomOut);
        QVERIFY(view.zoom() < 1.0);
        QVERIFY(view.userMoved());
        view.fitToWindow();
        QVERIFY(view.zoom() <= 1.0);
        QVERIFY(view.mapToScene(view.viewport()->rect()).boundingRect().contains(scene.graphRect()));
        QCOMPARE(view.dragMode(), QGraphicsView::ScrollHandDrag);
        QCOMPARE(scene.itemIndexMethod(), QGraphicsScene::NoIndex);
    }

    void twoThousandNodes()
    {
        TopologyScene scene(nullptr);
        const TopologyGraph graph = buildGraph(Synthetic::host(10, 100, 1, 4));
        QVERIFY(graph.nodes.size() > TopologyScene::AsyncLayoutThreshold);
        GraphView view;
        view.setScene(&scene);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QElapsedTimer t;
        t.start();
        scene.showGraph(graph);
        QVERIFY(waitApplied(scene, 20000));
        const qint64 applyMs = t.elapsed() - TopologyScene::CoalesceMs;
        view.fitToWindow();
        view.viewport()->repaint();
        const qint64 firstPaintMs = t.elapsed() - TopologyScene::CoalesceMs;
        QCOMPARE(scene.nodeItems().size(), graph.nodes.size());

        const QString shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath()))
                                  .filePath(QStringLiteral("screenshots"));
        QDir().mkpath(shots);
        view.grab().save(QDir(shots).filePath(QStringLiteral("graph-2000-fit.png")));

        // Panning at reading size (text drawn), then zoomed out to the whole graph.
        view.setTransform(QTransform());
        view.centerOn(scene.sceneRect().topLeft() + QPointF(600, 400));
        view.grab().save(QDir(shots).filePath(QStringLiteral("graph-2000-100.png")));
        pan(view, 10, 40);   // fills the item caches
        const FrameTimes near = pan(view, 60, 40);
        view.fitToWindow();
        view.viewport()->repaint();
        view.setTransform(QTransform::fromScale(0.25, 0.25));
        pan(view, 10, 40);
        const FrameTimes far = pan(view, 60, 40);
        // A whole new frame (after a zoom step, say), everything in sight drawn.
        QList<double> full;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer f;
            f.start();
            view.viewport()->repaint();
            full.append(f.nsecsElapsed() / 1e6);
        }
        std::sort(full.begin(), full.end());
        qInfo("%d nodes, %d edges: layout in a worker and items in %lld ms, first paint after %lld ms; "
              "pan frame at 100%%: median %.2f ms, worst %.2f ms; at 25%%: median %.2f ms, worst %.2f ms; "
              "full repaint at 25%%: median %.2f ms",
              int(scene.nodeItems().size()), int(scene.edgeItems().size()), applyMs, firstPaintMs, near.median,
              near.worst, far.median, far.worst, full.at(full.size() / 2));

        // One more veth: applied incrementally, nothing else moves.
        QHash<QString, QPointF> before;
        for (const NodeItem *item : scene.nodeItems())
            before.insert(item->key(), item->pos());
        ModelSnapshot s = Synthetic::host(10, 100, 1, 4);
        s.links.append(Synthetic::link(9000, QStringLiteral("late"), QStringLiteral("veth"), 10, 9000));
        s.roles.insert(9000, QStringLiteral("veth"));
        t.restart();
        scene.showGraph(buildGraph(s));
        QVERIFY(waitApplied(scene, 20000));
        qInfo("one more veth in 2,000 nodes shown after %lld ms (timer included)", t.elapsed());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(scene.nodeItem(it.key())->pos(), it.value());
    }
};

QTEST_MAIN(TestGraphScene)
#include "tst_graphscene.moc"
