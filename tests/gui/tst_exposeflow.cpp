// Issue 4's GUI flow end to end, for real (root only): the "expose
// containers on the physical network" wizard opened from em1, applied,
// kept, and the graph following Docker as it comes back on br0.
//
// The lab: a namespace "flow" whose em1 is a veth to a "flowlan" namespace
// where the gateway 192.0.2.1 lives (em1 carries 192.0.2.10/24 and the
// default route), a real dockerd in "flow" (DockerFixture's restartable
// mode: its network settings only in its daemon.json) running one
// container, web, on docker0 with --restart always. passerelle-helper runs
// on a private system bus in "flow" with real polkitd; its helper.conf
// points [docker] at that daemon.json, its socket and its restart command,
// and [persist] at files of the test's own. The window's TopologyModel
// follows the lab's links and that dockerd.
//
// As a user would: em1's menu, the proposal accepted page by page, the
// helper's plan in the preview, Apply; the banner while br0 carries em1 on
// trial, Docker untouched; Keep; Docker's restart told in the banner and
// the status bar; "Changes kept". Then web is back (its restart policy),
// and its new veth is a port of br0 in the model and in the graph. The
// window as it ends is ${PASSERELLE_BUILD_DIR}/screenshots/expose-flow-done.png
// (expose-flow-start, -preview, -banner and -progress on the way).
//
// Then the way back, from the Docker menu: br0's inspector points to "Give
// Docker Its Own docker0 Back…"; its preview is the helper's plan (the
// daemon.json diff taking "bridge" away); Apply restarts Docker, told in
// the status bar, and web comes back on docker0 while br0 keeps em1
// (reset-docker-preview.png, reset-docker-done.png).
#include "changepreviewdialog.h"
#include "confirmbanner.h"
#include "dockerfixture.h"
#include "exposeplanview.h"
#include "exposewizard.h"
#include "graphediting.h"
#include "graphview.h"
#include "helperbusfixture.h"
#include "helperplantext.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "netnsfixture.h"
#include "nodeitems.h"
#include "polkitfixture.h"
#include "topologymodel.h"
#include "topologyscene.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDBusMessage>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>

using namespace Passerelle;

namespace {

const QString lanGateway = QStringLiteral("192.0.2.1");
const QString hostAddress = QStringLiteral("192.0.2.10/24");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExposeFlow : public QObject
{
    Q_OBJECT

private:
    // Destroyed in reverse: the window and model, the helper's bus, the
    // daemon, polkit's files, then the namespaces.
    std::unique_ptr<NetnsFixture> m_fx;
    std::unique_ptr<PolkitFixture> m_polkit;
    std::unique_ptr<DockerFixture> m_docker;
    std::unique_ptr<HelperBusFixture> m_helper;
    std::unique_ptr<TopologyModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    QString m_lab, m_lan;
    QString m_shots;
    QString m_webId;

    QJsonArray ipJson(const QStringList &args) const
    {
        return QJsonDocument::fromJson(m_fx->ipJson(m_lab, args)).array();
    }

    QJsonObject kernelLink(const QString &name) const
    {
        const QJsonArray links = ipJson({QStringLiteral("link"), QStringLiteral("show")});
        for (const QJsonValue &l : links) {
            if (l.toObject().value(QStringLiteral("ifname")).toString() == name)
                return l.toObject();
        }
        return QJsonObject();
    }

    QJsonObject kernelLink(int ifindex) const
    {
        const QJsonArray links = ipJson({QStringLiteral("link"), QStringLiteral("show")});
        for (const QJsonValue &l : links) {
            if (l.toObject().value(QStringLiteral("ifindex")).toInt() == ifindex)
                return l.toObject();
        }
        return QJsonObject();
    }

    QStringList ipv4(const QString &name) const
    {
        QStringList out;
        const QJsonArray links = ipJson({QStringLiteral("-4"), QStringLiteral("addr"), QStringLiteral("show")});
        for (const QJsonValue &l : links) {
            if (l.toObject().value(QStringLiteral("ifname")).toString() != name)
                continue;
            for (const QJsonValue &a : l.toObject().value(QStringLiteral("addr_info")).toArray())
                out.append(QStringLiteral("%1/%2").arg(a.toObject().value(QStringLiteral("local")).toString())
                               .arg(a.toObject().value(QStringLiteral("prefixlen")).toInt()));
        }
        return out;
    }

    GraphEditing *editing() const { return m_window->editing(); }
    ConfirmBanner *banner() const { return m_window->banner(); }

    NodeItem *item(const QString &title) const
    {
        for (NodeItem *item : m_window->scene()->nodeItems()) {
            if (item->node().title == title)
                return item;
        }
        return nullptr;
    }

    const GraphNode *graphNode(const QString &key) const
    {
        for (const GraphNode &n : m_window->scene()->graph().nodes) {
            if (n.key == key)
                return &n;
        }
        return nullptr;
    }

    bool hasEdge(const QString &from, const QString &to, EdgeKind kind) const
    {
        const QList<GraphEdge> &edges = m_window->scene()->graph().edges;
        return std::any_of(edges.cbegin(), edges.cend(),
                           [&](const GraphEdge &e) { return e.from == from && e.to == to && e.kind == kind; });
    }

    static QString linkKey(int ifindex) { return QStringLiteral("link:%1").arg(ifindex); }

    // web's veth in the model: the host side of its eth0 as the kernel says
    // it now, known to the model as web's. 0 while either is missing.
    int modelVethOfWeb() const
    {
        const int peer = m_docker->hostPeerIfindex(QStringLiteral("web"));
        if (peer <= 0)
            return 0;
        const QList<Link> links = m_model->linksOfContainer(m_webId);
        const bool known = std::any_of(links.cbegin(), links.cend(), [peer](const Link &l) { return l.ifindex == peer; });
        return known && m_model->ownerOf(peer).id == m_webId ? peer : 0;
    }

    // "The graph shows web hanging from BRIDGE": its veth a port on the
    // bridge's bar, web under it.
    QString graphProblem(int veth, const QString &bridge) const
    {
        const std::optional<Link> b = m_model->linkByName(bridge);
        if (!b)
            return QStringLiteral("no %1 in the model").arg(bridge);
        const GraphNode *port = graphNode(linkKey(veth));
        if (!port)
            return QStringLiteral("no node for web's veth %1").arg(veth);
        if (port->block != linkKey(b->ifindex) || port->band != LayoutBand::Port)
            return QStringLiteral("web's veth %1 is in block %2, not %3's").arg(port->title, port->block, bridge);
        if (!hasEdge(port->key, linkKey(b->ifindex), EdgeKind::BusPort))
            return QStringLiteral("no bus edge from %1 to %2").arg(port->title, bridge);
        const GraphNode *web = graphNode(QStringLiteral("ctr:") + m_webId);
        if (!web)
            return QStringLiteral("no node for web");
        if (!web->anchors.contains(port->key))
            return QStringLiteral("web hangs under %1, not its veth").arg(web->anchors.join(QLatin1Char(',')));
        if (web->state != NodeState::Up)
            return QStringLiteral("web is not shown running");
        if (!m_window->scene()->nodeItem(port->key) || !m_window->scene()->nodeItem(web->key))
            return QStringLiteral("no items for them yet");
        return QString();
    }

    // Right-click on the node titled TITLE.
    QMenu *openMenu(const QString &title)
    {
        NodeItem *node = item(title);
        if (!node)
            return nullptr;
        m_window->view()->ensureVisible(node);
        const QRectF card = node->sceneCardRect();
        const QPoint pos = m_window->view()->mapFromScene(
            QPointF(card.left() + std::min(card.width() / 2, 60.0), card.center().y()));
        QWidget *viewport = m_window->view()->viewport();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport->mapToGlobal(pos));
        QCoreApplication::sendEvent(viewport, &event);
        QMenu *menu = editing()->contextMenu();
        if (menu && !QTest::qWaitForWindowExposed(menu))
            qWarning("the menu did not show");
        return menu;
    }

    void shoot(QWidget *widget, const QString &name)
    {
        QCoreApplication::processEvents();
        const QString path = QDir(m_shots).filePath(name);
        QVERIFY2(widget->grab().save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    // A change still on trial when a check failed: reverted, so the lab
    // goes as it came.
    void revertPending()
    {
        if (!m_window || !m_helper || !banner()->isPending())
            return;
        const QDBusMessage reply = m_helper->call(QStringLiteral("Revert"), {banner()->transaction()}, 60000);
        if (reply.type() != QDBusMessage::ReplyMessage)
            qWarning("Revert: %s", qPrintable(HelperBusFixture::describe(reply)));
    }

    // The helper's rollback agent acts on the lab: it must not outlive it.
    void killRollbackAgents() const
    {
        HelperBusFixture::killInNamespace(m_lab, QStringLiteral(PASSERELLE_ROLLBACK_BINARY));
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void exposeKeepAndContainersComeBackOnBr0();
    // Runs on what the exposure left: daemon.json naming br0.
    void resetGivesDockerDocker0Back();
};

void TestExposeFlow::initTestCase()
{
    for (const QString &reason :
         {NetnsFixture::skipReason(), DockerFixture::skipReason(), HelperBusFixture::skipReason()}) {
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
    }
    for (const char *binary : {PASSERELLE_HELPER_BINARY, PASSERELLE_ROLLBACK_BINARY})
        QVERIFY2(QFileInfo(QLatin1String(binary)).isExecutable(), binary);
    m_shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath())).filePath(QStringLiteral("screenshots"));
    QVERIFY(QDir().mkpath(m_shots));
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));

    m_fx = std::make_unique<NetnsFixture>();
    m_lab = m_fx->create(QStringLiteral("flow"));
    m_lan = m_fx->create(QStringLiteral("flowlan"));
    QVERIFY(!m_lab.isEmpty() && !m_lan.isEmpty());
    QVERIFY(m_fx->addUplink(m_lab, m_lan, hostAddress, lanGateway + QStringLiteral("/24")));

    m_polkit = std::make_unique<PolkitFixture>();
    QString error;
    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));

    DockerFixture::Options options;
    options.restartable = true;
    m_docker = std::make_unique<DockerFixture>();
    QVERIFY2(m_docker->start(m_lab, options), qPrintable(m_docker->errorString()));
    m_webId = m_docker->runContainer(QStringLiteral("web"), {QStringLiteral("--restart"), QStringLiteral("always")});
    QVERIFY2(!m_webId.isEmpty(), qPrintable(m_docker->errorString()));

    m_helper = std::make_unique<HelperBusFixture>(QStringLiteral(PASSERELLE_HELPER_BINARY),
                                                  QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    const QString dir = m_helper->directory();
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/units")) && QDir().mkpath(dir + QStringLiteral("/interfaces.d")));
    QFile interfaces(dir + QStringLiteral("/interfaces"));
    QVERIFY(interfaces.open(QIODevice::WriteOnly));
    interfaces.write(QStringLiteral("source %1/interfaces.d/*\n").arg(dir).toUtf8());
    interfaces.close();
    // Also points this process's system bus (the window's) at it.
    QVERIFY2(m_helper->start(m_lab, m_helper->dockerConfig(*m_docker, QStringLiteral("ifupdown"), 120), &error), qPrintable(error));

    // The model's readers and the gateway probe live in the lab with this thread.
    QVERIFY(m_fx->enter(m_lab));
    m_model = std::make_unique<TopologyModel>();
    TopologyModel::Options modelOptions;
    modelOptions.dockerEndpoint = m_docker->endpoint();
    m_model->start(modelOptions);
    m_window = std::make_unique<MainWindow>(m_model.get());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isGraphReady(), 30000);
    QCOMPARE(m_model->dockerStatus().state, DockerStatus::State::Connected);
}

void TestExposeFlow::cleanup()
{
    if (QTest::currentTestFailed()) {
        if (m_helper)
            qWarning("bus and helper log:\n%s", m_helper->log().right(12000).constData());
        if (m_docker)
            qWarning("dockerd log:\n%s", m_docker->daemonLog().right(4000).constData());
    }
    revertPending();
}

void TestExposeFlow::cleanupTestCase()
{
    revertPending();
    m_window.reset();
    if (m_model)
        m_model->stop();
    m_model.reset();
    if (m_fx)
        NetnsFixture::leave();
    m_docker.reset();
    m_helper.reset();
    killRollbackAgents();
    m_polkit.reset();
    m_fx.reset();
}

void TestExposeFlow::exposeKeepAndContainersComeBackOnBr0()
{
    QElapsedTimer clock;
    clock.start();
    // Before: web on docker0, seen as web's in the graph.
    int veth = 0;
    QTRY_VERIFY_WITH_TIMEOUT((veth = modelVethOfWeb()) > 0, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(graphProblem(veth, QStringLiteral("docker0")), QString(), 10000);
    shoot(m_window.get(), QStringLiteral("expose-flow-start.png"));
    QVERIFY(!m_model->linkByName(QStringLiteral("br0")));
    const QByteArray configBefore = readFile(m_docker->configPath());
    QVERIFY2(configBefore.contains("\"bip\""), configBefore.constData());
    const qint64 dockerdBefore = m_docker->pid();
    QVERIFY(dockerdBefore > 0);
    const QString startedBefore = m_docker->inspect(QStringLiteral("web"), QStringLiteral("{{.State.StartedAt}}"));

    // em1's menu opens the wizard; its proposal is accepted as it is.
    QMenu *menu = openMenu(QStringLiteral("em1"));
    QVERIFY(menu);
    QAction *expose = menu->findChild<QAction *>(QStringLiteral("exposeContainers"));
    QVERIFY(expose && expose->isEnabled());
    menu->close();
    expose->trigger();
    ExposeWizard *wizard = editing()->exposeWizard();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("exposeBridge"))->currentText(), QStringLiteral("br0"));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ExposeWizard::AddressPage));
    QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("fixedCidr"))->text(), QStringLiteral("192.0.2.192/26"));
    QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("defaultGateway"))->text(), lanGateway);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ExposeWizard::DockerPage));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ExposeWizard::PreviewPage));

    // The preview is the real helper's plan for this lab.
    ExposePreviewPage *page = wizard->previewPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->isPlanReady() || page->planFailure().has_value(), 30000);
    if (!page->isPlanReady()) {
        const HelperFailure f = page->planFailure().value_or(HelperFailure());
        QFAIL(qPrintable(page->statusText() + QLatin1Char('\n') + f.name + QLatin1Char(' ')
                         + f.parameters.join(QLatin1Char(',')) + QLatin1Char(' ') + f.detail));
    }
    const LinkChange change = wizard->change();
    QCOMPARE(change.kind, LinkChange::Kind::Expose);
    QCOMPARE(change.dockerMode, QStringLiteral("default-bridge"));
    const ExposePlanSummary &plan = page->planView()->summary();
    QVERIFY2(plan.networkSteps.contains(
                 HelperPlanText::step({QStringLiteral("SetMaster"), {QStringLiteral("em1"), QStringLiteral("br0")}})),
             qPrintable(plan.networkSteps.join(QLatin1Char('\n'))));
    QCOMPARE(plan.daemonConfig, m_docker->configPath());
    const QString diff = plan.daemonDiff.join(QLatin1Char('\n'));
    QVERIFY2(diff.contains(QStringLiteral("+\"bridge\": \"br0\"")) && diff.contains(QStringLiteral("-\"bip\"")),
             qPrintable(diff));
    // The restart stops web, and the preview says so.
    QVERIFY2(plan.stoppedContainers.join(QLatin1Char(' ')).contains(QStringLiteral("web")),
             qPrintable(plan.stoppedContainers.join(QLatin1Char(','))));
    shoot(wizard, QStringLiteral("expose-flow-preview.png"));

    // Apply: the network part on trial, the banner up, Docker untouched.
    QAbstractButton *apply = wizard->button(QWizard::FinishButton);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->isPending(), 30000);
    QVERIFY2(banner()->headline().startsWith(QStringLiteral("Keep these changes? Reverting in ")),
             qPrintable(banner()->headline()));
    QCOMPARE(kernelLink(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(ipv4(QStringLiteral("br0")), QStringList{hostAddress});
    QTRY_VERIFY_WITH_TIMEOUT(m_model->linkByName(QStringLiteral("br0"))
                                 && m_model->linkByName(QStringLiteral("em1"))->masterIndex
                                     == m_model->linkByName(QStringLiteral("br0"))->ifindex,
                             5000);
    QCOMPARE(readFile(m_docker->configPath()), configBefore);
    QCOMPARE(m_docker->pid(), dockerdBefore);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->keepButton()->isEnabled(), 15000);
    QCOMPARE(banner()->gatewayText(), QStringLiteral("✔ Gateway %1 answers").arg(lanGateway));
    shoot(m_window.get(), QStringLiteral("expose-flow-banner.png"));

    // Keep: Docker is set up, its restart told as it goes.
    QStringList progress;   // "what the signal said | the banner's title | its line under"
    bool progressShot = false;
    // Listening ends with this function (the lambdas hold its locals).
    QObject listening;
    connect(editing(), &GraphEditing::dockerProgressShown, &listening, [&](const QString &text) {
        progress.append(text + QStringLiteral(" | ") + banner()->headline() + QStringLiteral(" | ")
                        + banner()->detailText());
    });
    connect(editing(), &GraphEditing::dockerProgressShown, &listening, [&](const QString &) {
        if (!progressShot) {
            progressShot = true;
            shoot(m_window.get(), QStringLiteral("expose-flow-progress.png"));
        }
    });
    QTest::mouseClick(banner()->keepButton(), Qt::LeftButton);
    QVERIFY(editing()->isBusy());
    QVERIFY2(banner()->headline() == QStringLiteral("Setting Docker up…"), qPrintable(banner()->headline()));
    QTRY_COMPARE_WITH_TIMEOUT(banner()->headline(), QStringLiteral("Changes kept"), 120000);
    QVERIFY(!banner()->isPending());
    const QString restarting = HelperPlanText::progress(QStringLiteral("restarting"), {QStringLiteral("command")});
    const QString done = HelperPlanText::progress(QStringLiteral("done"), {});
    const QString told = progress.join(QLatin1Char('\n'));
    QVERIFY2(told.contains(restarting + QStringLiteral(" | Setting Docker up… | ") + restarting), qPrintable(told));
    QVERIFY2(told.contains(done), qPrintable(told));
    qInfo("Docker's progress as shown:\n%s", qPrintable(told));

    // Docker restarted on br0, em1 still in it with the host's address.
    QVERIFY(m_docker->pid() > 0 && m_docker->pid() != dockerdBefore);
    const QJsonObject config = QJsonDocument::fromJson(readFile(m_docker->configPath())).object();
    QCOMPARE(config.value(QStringLiteral("bridge")).toString(), QStringLiteral("br0"));
    QVERIFY(!config.contains(QStringLiteral("bip")));
    QCOMPARE(kernelLink(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(ipv4(QStringLiteral("br0")), QStringList{hostAddress});

    // web comes back by its restart policy, its new veth a port of br0 for
    // the kernel, the model and the graph.
    QTRY_VERIFY_WITH_TIMEOUT(m_docker->inspect(QStringLiteral("web"), QStringLiteral("{{.State.Running}}"))
                                     == QLatin1String("true")
                                 && m_docker->inspect(QStringLiteral("web"), QStringLiteral("{{.State.StartedAt}}"))
                                     != startedBefore,
                             60000);
    const int newVeth = m_docker->hostPeerIfindex(QStringLiteral("web"));
    QVERIFY(newVeth > 0);
    QCOMPARE(kernelLink(newVeth).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QTRY_COMPARE_WITH_TIMEOUT(modelVethOfWeb(), newVeth, 30000);
    QCOMPARE(m_model->dockerStatus().state, DockerStatus::State::Connected);
    QCOMPARE(m_model->link(newVeth)->masterIndex, m_model->linkByName(QStringLiteral("br0"))->ifindex);
    QTRY_COMPARE_WITH_TIMEOUT(graphProblem(newVeth, QStringLiteral("br0")), QString(), 10000);
    // em1 hangs from br0 too.
    const int em1 = m_model->linkByName(QStringLiteral("em1"))->ifindex;
    const int br0 = m_model->linkByName(QStringLiteral("br0"))->ifindex;
    QVERIFY(hasEdge(linkKey(em1), linkKey(br0), EdgeKind::BusPort));

    // The view was moved by the user's right-click, so updates do not
    // re-fit it; the change itself scrolls br0 into view.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->scene()->isSettled(), 5000);
    GraphView *view = m_window->findChild<GraphView *>();
    QVERIFY(view);
    NodeItem *bridgeItem = m_window->scene()->nodeItem(linkKey(br0));
    QVERIFY(bridgeItem);
    const QRect shown = view->mapFromScene(bridgeItem->sceneCardRect()).boundingRect();
    QVERIFY2(view->viewport()->rect().contains(shown),
             qPrintable(QStringLiteral("br0 at %1,%2 %3x%4 is outside the view %5x%6")
                            .arg(shown.x()).arg(shown.y()).arg(shown.width()).arg(shown.height())
                            .arg(view->viewport()->width()).arg(view->viewport()->height())));
    m_window->scene()->selectNode(QStringLiteral("ctr:") + m_webId);
    shoot(m_window.get(), QStringLiteral("expose-flow-done.png"));
    qInfo("the flow took %lld ms", clock.elapsed());
}

void TestExposeFlow::resetGivesDockerDocker0Back()
{
    const QJsonObject configBefore = QJsonDocument::fromJson(readFile(m_docker->configPath())).object();
    if (configBefore.value(QStringLiteral("bridge")).toString() != QLatin1String("br0"))
        QSKIP("daemon.json does not name br0: the exposure before did not get through");
    const qint64 dockerdBefore = m_docker->pid();
    QVERIFY(dockerdBefore > 0);
    const QString startedBefore = m_docker->inspect(QStringLiteral("web"), QStringLiteral("{{.State.StartedAt}}"));

    // br0's inspector, with Docker's settings from the helper, points to the menu entry.
    const std::optional<Link> br0 = m_model->linkByName(QStringLiteral("br0"));
    QVERIFY(br0);
    m_window->selectNode(linkKey(br0->ifindex));
    const QString hint = QStringLiteral("Back to docker0: Docker menu ▸ Give Docker Its Own docker0 Back…");
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->inspector()->lines().contains(hint),
                              qPrintable(m_window->inspector()->lines().join(QLatin1Char('\n'))), 15000);

    // The entry, found in the Docker menu as a user would.
    QMenu *dockerMenu = nullptr;
    for (QAction *a : m_window->menuBar()->actions()) {
        if (a->text() == QLatin1String("&Docker"))
            dockerMenu = a->menu();
    }
    QVERIFY(dockerMenu);
    QAction *reset = nullptr;
    for (QAction *a : dockerMenu->actions()) {
        if (a->objectName() == QLatin1String("resetDockerAction"))
            reset = a;
    }
    QVERIFY(reset && reset->isEnabled());
    QCOMPARE(reset->text(), QStringLiteral("Give Docker Its Own docker0 Back…"));
    reset->trigger();
    ChangePreviewDialog *dialog = editing()->previewDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanReady() || dialog->planFailure().has_value(), 30000);
    if (!dialog->isPlanReady()) {
        const HelperFailure f = dialog->planFailure().value_or(HelperFailure());
        QFAIL(qPrintable(f.name + QLatin1Char(' ') + f.parameters.join(QLatin1Char(',')) + QLatin1Char(' ') + f.detail));
    }
    // The helper's plan: daemon.json loses "bridge" (and the containers'
    // range and gateway the exposure set), Docker restarts.
    const QString steps = dialog->stepTexts().join(QLatin1Char('\n'));
    QVERIFY2(steps.contains(QStringLiteral("Edit %1").arg(m_docker->configPath())), qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("-\"bridge\": \"br0\"")), qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("-\"fixed-cidr\"")), qPrintable(steps));
    QVERIFY2(!steps.contains(QStringLiteral("+\"bridge\"")), qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("Restart Docker")), qPrintable(steps));
    QCOMPARE(dialog->change().confirmTimeout, 0u);
    // The preview changed nothing.
    QCOMPARE(QJsonDocument::fromJson(readFile(m_docker->configPath())).object(), configBefore);
    QCOMPARE(m_docker->pid(), dockerdBefore);
    shoot(dialog, QStringLiteral("reset-docker-preview.png"));

    // Apply: Docker restarts, told in the status bar, and the result said there.
    QStringList progress;   // "what the signal said | the status bar's progress label"
    QObject listening;
    auto *progressLabel = m_window->findChild<QLabel *>(QStringLiteral("changeProgressLabel"));
    QVERIFY(progressLabel);
    connect(editing(), &GraphEditing::dockerProgressShown, &listening, [&](const QString &text) {
        progress.append(text + QStringLiteral(" | ") + progressLabel->text());
    });
    QSignalSpy applied(editing(), &GraphEditing::changeApplied);
    QSignalSpy refused(editing(), &GraphEditing::changeRefused);
    QAbstractButton *apply = dialog->findChild<QAbstractButton *>(QStringLiteral("applyButton"));
    QVERIFY(apply && apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(editing()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!editing()->isBusy(), 120000);
    QCOMPARE(refused.count(), 0);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Done: Docker uses its own docker0 again."));
    QVERIFY(!banner()->isPending());
    const QString restarting = HelperPlanText::progress(QStringLiteral("restarting"), {QStringLiteral("command")});
    const QString told = progress.join(QLatin1Char('\n'));
    QVERIFY2(told.contains(restarting + QStringLiteral(" | ") + restarting), qPrintable(told));
    QVERIFY2(told.contains(HelperPlanText::progress(QStringLiteral("done"), {})), qPrintable(told));
    qInfo("Docker's progress as shown:\n%s", qPrintable(told));

    // daemon.json names no bridge; a new dockerd answers; br0 keeps em1
    // and the host's address.
    const QJsonObject config = QJsonDocument::fromJson(readFile(m_docker->configPath())).object();
    QVERIFY2(!config.contains(QStringLiteral("bridge")) && !config.contains(QStringLiteral("fixed-cidr"))
                 && !config.contains(QStringLiteral("default-gateway")),
             QJsonDocument(config).toJson().constData());
    QVERIFY(m_docker->pid() > 0 && m_docker->pid() != dockerdBefore);
    QVERIFY(m_docker->answersPing());
    QCOMPARE(kernelLink(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(ipv4(QStringLiteral("br0")), QStringList{hostAddress});

    // web comes back by its restart policy, on docker0 this time.
    QTRY_VERIFY_WITH_TIMEOUT(m_docker->inspect(QStringLiteral("web"), QStringLiteral("{{.State.Running}}"))
                                     == QLatin1String("true")
                                 && m_docker->inspect(QStringLiteral("web"), QStringLiteral("{{.State.StartedAt}}"))
                                     != startedBefore,
                             60000);
    const int veth = m_docker->hostPeerIfindex(QStringLiteral("web"));
    QVERIFY(veth > 0);
    QCOMPARE(kernelLink(veth).value(QStringLiteral("master")).toString(), QStringLiteral("docker0"));
    QTRY_COMPARE_WITH_TIMEOUT(modelVethOfWeb(), veth, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(graphProblem(veth, QStringLiteral("docker0")), QString(), 10000);

    // The settings asked again after the change: br0 no longer gets the hint.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->inspector()->lines().contains(hint), 15000);
    shoot(m_window.get(), QStringLiteral("reset-docker-done.png"));
}

QTEST_MAIN(TestExposeFlow)
#include "tst_exposeflow.moc"
