// The main window on a namespace lab (root only): an uplink em1 whose peer
// sits in a "lan" namespace with the gateway, and a bridge br0 with two veth
// ports whose peers live in two other namespaces. Checks the graph's nodes
// and edges, live changes, the inspector, the filter, export, and saves
// screenshots to the build directory.
#include "edgeitems.h"
#include "graphview.h"
#include "inspectorpanel.h"
#include "interfacetable.h"
#include "mainwindow.h"
#include "netnsfixture.h"
#include "nodeitems.h"
#include "topologymodel.h"
#include "topologyscene.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Passerelle;

namespace {

QString typeName(int type)
{
    switch (type) {
    case UplinkItem::Type:
        return QStringLiteral("uplink");
    case PortItem::Type:
        return QStringLiteral("port");
    case BridgeItem::Type:
        return QStringLiteral("bridge");
    case VethItem::Type:
        return QStringLiteral("veth");
    case ContainerItem::Type:
        return QStringLiteral("container");
    case NamespaceItem::Type:
        return QStringLiteral("namespace");
    }
    return QStringLiteral("?");
}

QString edgeName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::BusPort:
        return QStringLiteral("bus");
    case EdgeKind::Peer:
        return QStringLiteral("peer");
    case EdgeKind::Master:
        return QStringLiteral("master");
    }
    return QStringLiteral("?");
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NetnsFixture> m_fx;
    std::unique_ptr<TopologyModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    QString m_lab, m_lan, m_nsa, m_nsb, m_nsc;
    QString m_shots;

    bool ip(const QString &ns, const QString &args)
    {
        QString error;
        const bool ok = m_fx->ip(ns, args.split(QLatin1Char(' ')), &error);
        if (!ok)
            qWarning("ip -n %s %s: %s", qPrintable(ns), qPrintable(args), qPrintable(error));
        return ok;
    }

    TopologyScene *scene() const { return m_window->scene(); }

    // "kind:title" of every node item.
    QSet<QString> nodes() const
    {
        QSet<QString> out;
        for (const NodeItem *item : scene()->nodeItems())
            out.insert(typeName(item->type()) + QLatin1Char(':') + item->node().title);
        return out;
    }

    // "from>to:kind" of every edge item, by titles.
    QSet<QString> edges() const
    {
        QSet<QString> out;
        for (const EdgeItem *edge : scene()->edgeItems()) {
            out.insert(edge->source()->node().title + QLatin1Char('>') + edge->dest()->node().title
                       + QLatin1Char(':') + edgeName(edge->kind()));
        }
        return out;
    }

    NodeItem *item(const QString &title) const
    {
        for (NodeItem *item : scene()->nodeItems()) {
            if (item->node().title == title)
                return item;
        }
        return nullptr;
    }

    void screenshot(const QString &name)
    {
        QCoreApplication::processEvents();
        const QString path = QDir(m_shots).filePath(name);
        QVERIFY2(m_window->grab().save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString reason = NetnsFixture::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        m_fx = std::make_unique<NetnsFixture>();
        m_lab = m_fx->create(QStringLiteral("lab"));
        m_lan = m_fx->create(QStringLiteral("lan"));
        m_nsa = m_fx->create(QStringLiteral("nsa"));
        m_nsb = m_fx->create(QStringLiteral("nsb"));
        m_nsc = m_fx->create(QStringLiteral("nsc"));
        QVERIFY(!m_lab.isEmpty() && !m_lan.isEmpty() && !m_nsa.isEmpty() && !m_nsb.isEmpty() && !m_nsc.isEmpty());

        // The uplink: this kernel has no dummy driver, so em1 is a veth whose
        // peer is the LAN, where the gateway lives.
        QVERIFY(m_fx->addUplink(m_lab, m_lan));
        // The bridge and two ports; vethb's far end stays down: no carrier.
        QVERIFY(ip(m_lab, QStringLiteral("link add br0 type bridge")));
        QVERIFY(ip(m_lab, QStringLiteral("link set br0 up")));
        QVERIFY(ip(m_lab, QStringLiteral("link add vetha type veth peer name eth0 netns ") + m_nsa));
        QVERIFY(ip(m_lab, QStringLiteral("link set vetha master br0 up")));
        QVERIFY(ip(m_nsa, QStringLiteral("link set eth0 up")));
        QVERIFY(ip(m_lab, QStringLiteral("link add vethb type veth peer name eth0 netns ") + m_nsb));
        QVERIFY(ip(m_lab, QStringLiteral("link set vethb master br0 up")));

        // The model's reader threads inherit the namespace of the thread that starts them.
        QVERIFY(m_fx->enter(m_lab));
        m_model = std::make_unique<TopologyModel>();
        TopologyModel::Options options;
        options.docker = false;   // the host's Docker, if any, is not part of the lab
        m_model->start(options);
        m_window = std::make_unique<MainWindow>(m_model.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isGraphReady(), 15000);

        m_shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath())).filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
    }

    void graphHoldsTheLab()
    {
        const QSet<QString> expectedNodes{
            QStringLiteral("uplink:em1"),        QStringLiteral("bridge:br0"),
            QStringLiteral("veth:vetha"),        QStringLiteral("veth:vethb"),
            QStringLiteral("namespace:") + m_nsa, QStringLiteral("namespace:") + m_nsb,
        };
        const QSet<QString> expectedEdges{
            QStringLiteral("vetha>br0:bus"),
            QStringLiteral("vethb>br0:bus"),
            QStringLiteral("vetha>") + m_nsa + QStringLiteral(":peer"),
            QStringLiteral("vethb>") + m_nsb + QStringLiteral(":peer"),
        };
        // Namespace owners may be named a moment after the links show.
        QTRY_COMPARE_WITH_TIMEOUT(nodes(), expectedNodes, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(edges(), expectedEdges, 2000);

        // Rows: uplink above the bar, ports below it, far ends below the ports.
        const QRectF em1 = item(QStringLiteral("em1"))->sceneCardRect();
        const QRectF bar = item(QStringLiteral("br0"))->sceneCardRect();
        const QRectF vetha = item(QStringLiteral("vetha"))->sceneCardRect();
        const QRectF nsa = item(m_nsa)->sceneCardRect();
        QVERIFY(em1.bottom() < bar.top());
        QVERIFY(bar.bottom() < vetha.top());
        QVERIFY(vetha.bottom() < nsa.top());
        QCOMPARE(item(QStringLiteral("vetha"))->node().state, NodeState::Up);
        QCOMPARE(item(QStringLiteral("vethb"))->node().state, NodeState::NoCarrier);
        screenshot(QStringLiteral("mainwindow.png"));
    }

    void clickFillsInspector()
    {
        const std::optional<Link> vetha = m_model->linkByName(QStringLiteral("vetha"));
        QVERIFY(vetha);
        // A real click on the card, through the view.
        NodeItem *card = item(QStringLiteral("vetha"));
        m_window->showGraph();
        m_window->view()->ensureVisible(card);
        const QPoint at = m_window->view()->mapFromScene(card->sceneCardRect().center());
        QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(scene()->selectedKey(), card->key());
        QCOMPARE(m_window->inspector()->nodeKey(), card->key());
        const QString text = m_window->inspector()->lines().join(QLatin1Char('\n'));
        QVERIFY2(text.contains(vetha->mac), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("br0")), qPrintable(text));
        QVERIFY2(text.contains(m_nsa), qPrintable(text));   // the owner

        const std::optional<Link> em1 = m_model->linkByName(QStringLiteral("em1"));
        m_window->selectNode(QStringLiteral("link:%1").arg(em1->ifindex));
        const QString em1Text = m_window->inspector()->lines().join(QLatin1Char('\n'));
        QVERIFY2(em1Text.contains(em1->mac), qPrintable(em1Text));
        QVERIFY2(em1Text.contains(QStringLiteral("192.0.2.10/24")), qPrintable(em1Text));
        QVERIFY2(em1Text.contains(QStringLiteral("192.0.2.1")), qPrintable(em1Text));   // default route
        screenshot(QStringLiteral("mainwindow-inspector.png"));
    }

    void filterHidesOthers()
    {
        m_window->filterEdit()->setText(QStringLiteral("vetha"));
        QCOMPARE(item(QStringLiteral("vetha"))->match(), NodeItem::Match::Hit);
        QCOMPARE(item(QStringLiteral("br0"))->match(), NodeItem::Match::Miss);
        QVERIFY(item(QStringLiteral("br0"))->opacity() < 1.0);
        m_window->hideNonMatchingAction()->setChecked(true);
        QVERIFY(item(QStringLiteral("vetha"))->isVisible());
        for (const QString &other : {QStringLiteral("em1"), QStringLiteral("br0"), QStringLiteral("vethb"), m_nsb})
            QVERIFY2(!item(other)->isVisible(), qPrintable(other));
        QCOMPARE(m_window->table()->visibleRowCount(), 1);
        screenshot(QStringLiteral("mainwindow-filtered.png"));
        m_window->hideNonMatchingAction()->setChecked(false);
        m_window->filterEdit()->clear();
        QVERIFY(item(QStringLiteral("br0"))->isVisible());
        QCOMPARE(item(QStringLiteral("br0"))->match(), NodeItem::Match::None);
    }

    void tableListsEveryInterface()
    {
        m_window->showTable();
        // lo, em1, br0, vetha, vethb
        QCOMPARE(m_window->table()->tableModel()->rowCount(), int(m_model->links().size()));
        QCOMPARE(m_window->table()->visibleRowCount(), 5);
        screenshot(QStringLiteral("mainwindow-table.png"));
        m_window->showGraph();
    }

    void exportWritesValidFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("graph.png"));
        const QString svg = dir.filePath(QStringLiteral("graph.svg"));
        QString error;
        QVERIFY2(m_window->exportPng(png, &error), qPrintable(error));
        QVERIFY2(m_window->exportSvg(svg, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300 && image.height() > 200);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(!renderer.viewBoxF().isEmpty());
        QVERIFY(QFileInfo(svg).size() > 1000);
        // Keep copies next to the screenshots for a look.
        QFile::remove(QDir(m_shots).filePath(QStringLiteral("graph.png")));
        QFile::remove(QDir(m_shots).filePath(QStringLiteral("graph.svg")));
        QFile::copy(png, QDir(m_shots).filePath(QStringLiteral("graph.png")));
        QFile::copy(svg, QDir(m_shots).filePath(QStringLiteral("graph.svg")));
    }

    void liveChangesShowFastAndNothingJumps()
    {
        QHash<QString, QPointF> before;
        for (const QString &title : {QStringLiteral("em1"), QStringLiteral("br0"), QStringLiteral("vetha"), m_nsa})
            before.insert(title, item(title)->pos());

        QVERIFY(ip(m_lab, QStringLiteral("link add vethc type veth peer name eth0 netns ") + m_nsc));
        QVERIFY(ip(m_lab, QStringLiteral("link set vethc master br0 up")));
        QVERIFY(ip(m_lab, QStringLiteral("link del vethb")));
        QElapsedTimer t;
        t.start();
        auto shown = [this] {
            const QSet<QString> e = edges();
            return nodes().contains(QStringLiteral("veth:vethc")) && !nodes().contains(QStringLiteral("veth:vethb"))
                && !nodes().contains(QStringLiteral("namespace:") + m_nsb) && e.contains(QStringLiteral("vethc>br0:bus"))
                && std::any_of(e.cbegin(), e.cend(), [](const QString &s) {
                       return s.startsWith(QLatin1String("vethc>")) && s.endsWith(QLatin1String(":peer"));
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown(), 1000);
        qInfo("live change shown %lld ms after the last ip command", t.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(nodes().contains(QStringLiteral("namespace:") + m_nsc), 3000);

        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(item(it.key())->pos(), it.value());
        // The new veth and its namespace do not sit on anything.
        const QRectF vethc = item(QStringLiteral("vethc"))->sceneCardRect();
        for (const NodeItem *other : scene()->nodeItems()) {
            if (other->node().title != QLatin1String("vethc"))
                QVERIFY2(!other->sceneCardRect().intersects(vethc), qPrintable(other->node().title));
        }
        screenshot(QStringLiteral("mainwindow-live.png"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_model)
            m_model->stop();
        m_model.reset();
        if (m_fx)
            NetnsFixture::leave();
        m_fx.reset();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
