// The graph derived from a model snapshot and its layout: pure functions,
// no kernel, no display.
#include "syntheticgraph.h"
#include "topologylayout.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Passerelle;
using namespace Passerelle::LayoutMetrics;

namespace {

struct Laid
{
    TopologyGraph graph;
    TopologyLayout layout;
};

Laid lay(const ModelSnapshot &s, const TopologyLayout &previous = TopologyLayout())
{
    Laid r;
    r.graph = buildGraph(s);
    r.layout = TopologyLayout::compute(LayoutRequest::fromGraph(r.graph), previous);
    return r;
}

const GraphNode *nodeTitled(const TopologyGraph &g, const QString &title)
{
    for (const GraphNode &n : g.nodes) {
        if (n.title == title)
            return &n;
    }
    return nullptr;
}

QString keyOf(const TopologyGraph &g, const QString &title)
{
    const GraphNode *n = nodeTitled(g, title);
    return n ? n->key : QString();
}

// First pair of overlapping cards, or empty.
QString firstOverlap(const Laid &l)
{
    QList<QPair<QRectF, QString>> rects;
    for (const GraphNode &n : l.graph.nodes)
        rects.append({l.layout.slotRect(n.key), n.title});
    std::sort(rects.begin(), rects.end(), [](const auto &a, const auto &b) { return a.first.left() < b.first.left(); });
    for (qsizetype i = 0; i < rects.size(); ++i) {
        for (qsizetype j = i + 1; j < rects.size() && rects.at(j).first.left() < rects.at(i).first.right(); ++j) {
            if (rects.at(i).first.intersects(rects.at(j).first))
                return rects.at(i).second + QStringLiteral(" / ") + rects.at(j).second;
        }
    }
    return QString();
}

void addVeth(ModelSnapshot *s, int ifindex, const QString &name, int master, int nsid)
{
    s->links.append(Synthetic::link(ifindex, name, QStringLiteral("veth"), master, nsid));
    s->roles.insert(ifindex, QStringLiteral("veth"));
    s->owners.insert(ifindex, {QStringLiteral("netns"), name + QStringLiteral("-ns"), name + QStringLiteral("-ns")});
}

} // namespace

class TestTopologyLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void graphFromSnapshot()
    {
        ModelSnapshot s = Synthetic::host(1, 3);
        // A veth in no bridge whose namespace nobody claims, and a container without a veth.
        s.links.append(Synthetic::link(50, QStringLiteral("vethx"), QStringLiteral("veth"), 0, 7));
        s.roles.insert(50, QStringLiteral("veth"));
        Container lonely;
        lonely.id = Synthetic::containerId(99);
        lonely.name = QStringLiteral("lonely");
        lonely.image = QStringLiteral("busybox");
        lonely.state = QStringLiteral("running");
        s.containers.append(lonely);

        const TopologyGraph g = buildGraph(s);
        QVERIFY(!nodeTitled(g, QStringLiteral("lo")));
        QCOMPARE(nodeTitled(g, QStringLiteral("em1"))->kind, NodeKind::Uplink);
        QCOMPARE(nodeTitled(g, QStringLiteral("br0"))->kind, NodeKind::Bridge);
        for (const QString &v : {QStringLiteral("veth0"), QStringLiteral("veth1"), QStringLiteral("veth2")}) {
            const GraphNode *n = nodeTitled(g, v);
            QVERIFY(n);
            QCOMPARE(n->kind, NodeKind::Veth);
            QCOMPARE(n->block, keyOf(g, QStringLiteral("br0")));
            QVERIFY(g.edges.contains(GraphEdge{n->key, keyOf(g, QStringLiteral("br0")), EdgeKind::BusPort}));
        }
        const GraphNode *ns0 = nodeTitled(g, QStringLiteral("ns0"));
        QVERIFY(ns0);
        QCOMPARE(ns0->kind, NodeKind::Namespace);
        QVERIFY(g.edges.contains(GraphEdge{keyOf(g, QStringLiteral("veth0")), ns0->key, EdgeKind::Peer}));

        const GraphNode *vethx = nodeTitled(g, QStringLiteral("vethx"));
        QCOMPARE(vethx->block, QStringLiteral("~unbridged"));
        const GraphNode *unknown = nodeTitled(g, TopologyText::tr("namespace %1").arg(7));
        QVERIFY(unknown);
        QCOMPARE(unknown->subtitle, TopologyText::tr("owner unknown"));
        QVERIFY(g.edges.contains(GraphEdge{vethx->key, unknown->key, EdgeKind::Peer}));

        const GraphNode *c = nodeTitled(g, QStringLiteral("lonely"));
        QCOMPARE(c->kind, NodeKind::Container);
        QCOMPARE(c->block, QStringLiteral("~containers"));
        QCOMPARE(g.nodes.size(), 1 + 1 + 3 + 3 + 1 + 1 + 1);
        QCOMPARE(g.edges.size(), 3 + 4);
    }

    void dockerOwnersAreContainers()
    {
        // Two veths into each namespace, every namespace a container.
        const TopologyGraph g = buildGraph(Synthetic::host(1, 4, 2, 1));
        const GraphNode *app0 = nodeTitled(g, QStringLiteral("app0"));
        QVERIFY(app0);
        QCOMPARE(app0->kind, NodeKind::Container);
        QCOMPARE(app0->subtitle, QStringLiteral("busybox:latest"));
        QCOMPARE(app0->anchors, QStringList({keyOf(g, QStringLiteral("veth0")), keyOf(g, QStringLiteral("veth1"))}));
        QVERIFY(app0->searchText.contains(QStringLiteral("busybox")));
        QVERIFY(nodeTitled(g, QStringLiteral("app1")));
        QVERIFY(!nodeTitled(g, QStringLiteral("ns0")));
    }

    void rowsAndBus()
    {
        const Laid l = lay(Synthetic::host(1, 4));
        QVERIFY2(firstOverlap(l).isEmpty(), qPrintable(firstOverlap(l)));
        const QString br0 = keyOf(l.graph, QStringLiteral("br0"));
        const QRectF bar = l.layout.barRect(br0);
        QVERIFY(!bar.isEmpty());
        const QRectF em1 = l.layout.slotRect(keyOf(l.graph, QStringLiteral("em1")));
        QVERIFY(em1.bottom() < bar.top());
        for (int i = 0; i < 4; ++i) {
            const QString veth = keyOf(l.graph, QStringLiteral("veth%1").arg(i));
            const QRectF port = l.layout.slotRect(veth);
            // A short stub straight up to the bar.
            QCOMPARE(port.top() - Stub, bar.bottom());
            QVERIFY(port.center().x() > bar.left() && port.center().x() < bar.right());
            const QRectF far = l.layout.slotRect(keyOf(l.graph, QStringLiteral("ns%1").arg(i)));
            QVERIFY(far.top() > port.bottom());
            QCOMPARE(far.center().x(), port.center().x());
        }
        QVERIFY(l.layout.busLines(br0).isEmpty());
    }

    void wrapsOntoBusLines()
    {
        const Laid l = lay(Synthetic::host(1, 100));
        QVERIFY2(firstOverlap(l).isEmpty(), qPrintable(firstOverlap(l)));
        const QString br0 = keyOf(l.graph, QStringLiteral("br0"));
        const QRectF bar = l.layout.barRect(br0);
        const QList<QLineF> bus = l.layout.busLines(br0);
        QVERIFY(bus.size() > 2);
        QVERIFY(l.layout.blockColumns(br0) < 100);
        for (int i = 0; i < 100; ++i) {
            const QRectF port = l.layout.slotRect(keyOf(l.graph, QStringLiteral("veth%1").arg(i)));
            const qreal x = port.center().x();
            const qreal y = port.top() - Stub;
            bool joined = qFuzzyCompare(y, bar.bottom()) && x > bar.left() && x < bar.right();
            for (const QLineF &line : bus) {
                if (qFuzzyCompare(line.y1(), y) && qFuzzyCompare(line.y2(), y)
                    && x >= std::min(line.x1(), line.x2()) && x <= std::max(line.x1(), line.x2()))
                    joined = true;
            }
            QVERIFY2(joined, qPrintable(QStringLiteral("veth%1 has no bus above it").arg(i)));
        }
    }

    void addingKeepsPositions()
    {
        ModelSnapshot s = Synthetic::host(2, 5);
        const Laid before = lay(s);
        addVeth(&s, 900, QStringLiteral("vethnew"), 10, 900);   // into br0, which is not the rightmost block
        addVeth(&s, 901, QStringLiteral("vethother"), 11, 901); // into br1
        const Laid after = lay(s, before.layout);
        for (const GraphNode &n : before.graph.nodes)
            QCOMPARE(after.layout.position(n.key), before.layout.position(n.key));
        QVERIFY(after.layout.contains(keyOf(after.graph, QStringLiteral("vethnew"))));
        QCOMPARE(after.layout.slot(keyOf(after.graph, QStringLiteral("vethnew"))).block, keyOf(after.graph, QStringLiteral("br0")));
        QVERIFY2(firstOverlap(after).isEmpty(), qPrintable(firstOverlap(after)));
        // The far end of the new veth sits right under it.
        const QRectF port = after.layout.slotRect(keyOf(after.graph, QStringLiteral("vethnew")));
        const QRectF far = after.layout.slotRect(keyOf(after.graph, QStringLiteral("vethnew-ns")));
        QCOMPARE(far.center().x(), port.center().x());
    }

    void growingBlocksStayApart()
    {
        ModelSnapshot s = Synthetic::host(3, 6);
        Laid l = lay(s);
        // br0 (leftmost) gets many more ports, one update at a time.
        for (int i = 0; i < 40; ++i) {
            addVeth(&s, 1000 + i, QStringLiteral("grow%1").arg(i), 10, 1000 + i);
            const Laid next = lay(s, l.layout);
            for (const GraphNode &n : l.graph.nodes)
                QCOMPARE(next.layout.position(n.key), l.layout.position(n.key));
            l = next;
        }
        QVERIFY2(firstOverlap(l).isEmpty(), qPrintable(firstOverlap(l)));
        // Bars of different bridges never overlap.
        const QRectF b0 = l.layout.barRect(keyOf(l.graph, QStringLiteral("br0")));
        const QRectF b1 = l.layout.barRect(keyOf(l.graph, QStringLiteral("br1")));
        QVERIFY(!b0.intersects(b1));
    }

    void manyBridgesMakeRows()
    {
        // Twenty small Compose networks: rows of blocks, not a ribbon.
        ModelSnapshot s = Synthetic::host(20, 3);
        Laid l = lay(s);
        QRectF all;
        for (const GraphNode &n : l.graph.nodes)
            all |= l.layout.slotRect(n.key);
        QVERIFY2(all.width() / all.height() < 4, qPrintable(QStringLiteral("%1 x %2").arg(all.width()).arg(all.height())));
        QVERIFY(l.layout.blockPosition(keyOf(l.graph, QStringLiteral("br19"))).y() > 0);
        // Blocks of every row take a few more ports without moving anything else.
        for (int i = 0; i < 40; ++i) {
            addVeth(&s, 2000 + i, QStringLiteral("more%1").arg(i), 10 + (i % 20), 2000 + i);
            const Laid next = lay(s, l.layout);
            for (const GraphNode &n : l.graph.nodes)
                QCOMPARE(next.layout.position(n.key), l.layout.position(n.key));
            l = next;
        }
        QVERIFY2(firstOverlap(l).isEmpty(), qPrintable(firstOverlap(l)));
        // A new bridge finds room without moving the others.
        s.links.append(Synthetic::link(3000, QStringLiteral("brnew"), QStringLiteral("bridge")));
        s.roles.insert(3000, QStringLiteral("bridge"));
        addVeth(&s, 3001, QStringLiteral("newport"), 3000, 3001);
        const Laid grown = lay(s, l.layout);
        for (const GraphNode &n : l.graph.nodes)
            QCOMPARE(grown.layout.position(n.key), l.layout.position(n.key));
        QVERIFY2(firstOverlap(grown).isEmpty(), qPrintable(firstOverlap(grown)));
    }

    void removingLeavesGapUntilRelayout()
    {
        ModelSnapshot s = Synthetic::host(1, 4);
        const Laid before = lay(s);
        const QString veth2 = keyOf(before.graph, QStringLiteral("veth2"));
        const int gone = keyOf(before.graph, QStringLiteral("veth1")).mid(5).toInt();
        s.links.erase(std::remove_if(s.links.begin(), s.links.end(), [gone](const Link &l) { return l.ifindex == gone; }),
                      s.links.end());
        const Laid after = lay(s, before.layout);
        QCOMPARE(after.graph.nodes.size(), before.graph.nodes.size() - 2); // the veth and its namespace
        for (const GraphNode &n : after.graph.nodes)
            QCOMPARE(after.layout.position(n.key), before.layout.position(n.key));
        QCOMPARE(after.layout.slot(veth2).column, 2);
        const Laid packed = lay(s);
        QCOMPARE(packed.layout.slot(veth2).column, 1);
    }

    void movingToAnotherBridgeTakesItsFarEndAlong()
    {
        ModelSnapshot s = Synthetic::host(2, 3);
        const Laid before = lay(s);
        // veth0 leaves br0 for br1.
        for (Link &l : s.links) {
            if (l.name == QLatin1String("veth0"))
                l.masterIndex = 11;
        }
        const Laid after = lay(s, before.layout);
        const QString veth0 = keyOf(after.graph, QStringLiteral("veth0"));
        QCOMPARE(after.layout.slot(veth0).block, keyOf(after.graph, QStringLiteral("br1")));
        QCOMPARE(after.layout.slotRect(keyOf(after.graph, QStringLiteral("ns0"))).center().x(),
                 after.layout.slotRect(veth0).center().x());
        QCOMPARE(after.layout.position(keyOf(after.graph, QStringLiteral("veth1"))),
                 before.layout.position(keyOf(before.graph, QStringLiteral("veth1"))));
        QVERIFY2(firstOverlap(after).isEmpty(), qPrintable(firstOverlap(after)));
    }

    void twoThousandNodes()
    {
        // 10 bridges of 100 veths, each veth's peer in a namespace of its own,
        // one namespace in four a Docker container: about 2,000 nodes.
        ModelSnapshot s = Synthetic::host(10, 100, 1, 4);
        QElapsedTimer t;
        t.start();
        const TopologyGraph graph = buildGraph(s);
        const qint64 buildMs = t.restart();
        const TopologyLayout full = TopologyLayout::compute(LayoutRequest::fromGraph(graph));
        const qint64 fullMs = t.restart();
        addVeth(&s, 5000, QStringLiteral("late"), 10, 5000);
        const TopologyGraph grown = buildGraph(s);
        const TopologyLayout incremental = TopologyLayout::compute(LayoutRequest::fromGraph(grown), full);
        const qint64 incrementalMs = t.elapsed();
        qInfo("layout of %d nodes: graph %lld ms, full layout %lld ms, incremental (one more veth, graph included) %lld ms",
              int(graph.nodes.size()), buildMs, fullMs, incrementalMs);
        QVERIFY(graph.nodes.size() >= 2000);
        QCOMPARE(incremental.nodeCount(), int(grown.nodes.size()));
        for (const GraphNode &n : graph.nodes)
            QCOMPARE(incremental.position(n.key), full.position(n.key));
        const Laid l{graph, full};
        QVERIFY2(firstOverlap(l).isEmpty(), qPrintable(firstOverlap(l)));
        // Not a timing test, but a quadratic slip would show here.
        QVERIFY(fullMs < 3000);
    }
};

QTEST_APPLESS_MAIN(TestTopologyLayout)
#include "tst_topologylayout.moc"
