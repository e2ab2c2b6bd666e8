// Editing bridges from the graph, for real (root only): a private system bus
// in a namespace lab activates the built passerelle-helper and real
// polkitd; the window runs in the lab, talks to that bus as root (polkitd
// answers yes for uid 0 before any rule), and every change is read back
// with `ip -j`. The lab: em1, a veth to a "lan" namespace where the gateway
// 192.0.2.1 lives, carrying 192.0.2.10/24 and the default route; vx1, a
// veth into another namespace; brlab, an empty bridge.
//
// Through the menus as a user would: "Bridge Into → New Bridge…" on em1,
// the preview listing the move of em1's address and route, the banner
// counting down with the gateway check, Keep; "Delete Bridge" giving em1 its
// address back; the same with Revert Now and with the timeout, both ending
// exactly as before; a drag of vx1 onto brlab; a refusal by polkit told in
// words; a change made elsewhere found at start. Screenshots go to
// ${PASSERELLE_BUILD_DIR}/screenshots.
#include "changepreviewdialog.h"
#include "confirmbanner.h"
#include "exposeplanview.h"
#include "exposewizard.h"
#include "graphediting.h"
#include "graphview.h"
#include "helperplantext.h"
#include "mainwindow.h"
#include "netnsfixture.h"
#include "nodeitems.h"
#include "polkitfixture.h"
#include "portdraghandler.h"
#include "systembusfixture.h"
#include "topologymodel.h"
#include "topologyscene.h"
#include "translations.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QContextMenuEvent>
#include <QDBusMessage>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Passerelle;

namespace {

const QString helperName = QStringLiteral("org.passerelle.Helper1");
const QString helperPath = QStringLiteral("/org/passerelle/Helper1");

// Address lifetimes and link details change as time passes in this test's
// longer runs; the helper's own tests compare them too.
QJsonValue stableState(const QJsonValue &value)
{
    return NetnsFixture::withoutVolatileFields(value,
                                               {QStringLiteral("valid_life_time"), QStringLiteral("preferred_life_time"),
                                                QStringLiteral("linkinfo")});
}


} // namespace

class TestBridgeEditing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NetnsFixture> m_fx;
    std::unique_ptr<PolkitFixture> m_polkit;
    std::unique_ptr<SystemBusFixture> m_bus;
    std::unique_ptr<TopologyModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    QString m_lab, m_lan, m_nsa;
    QString m_shots;
    QByteArray m_initial;   // the lab before any change
    bool m_actionRemoved = false;

    bool ip(const QString &ns, const QString &args)
    {
        QString error;
        const bool ok = m_fx->ip(ns, args.split(QLatin1Char(' ')), &error);
        if (!ok)
            qWarning("ip -n %s %s: %s", qPrintable(ns), qPrintable(args), qPrintable(error));
        return ok;
    }

    QJsonArray ipJson(const QStringList &args) const
    {
        return QJsonDocument::fromJson(m_fx->ipJson(m_lab, args)).array();
    }

    QJsonObject link(const QString &name) const
    {
        for (const QJsonValue &l : ipJson({QStringLiteral("link"), QStringLiteral("show")})) {
            if (l.toObject().value(QStringLiteral("ifname")).toString() == name)
                return l.toObject();
        }
        return QJsonObject();
    }

    // "192.0.2.10/24" of NAME's IPv4 addresses.
    QStringList ipv4(const QString &name) const
    {
        QStringList out;
        for (const QJsonValue &l : ipJson({QStringLiteral("-4"), QStringLiteral("addr"), QStringLiteral("show")})) {
            if (l.toObject().value(QStringLiteral("ifname")).toString() != name)
                continue;
            for (const QJsonValue &a : l.toObject().value(QStringLiteral("addr_info")).toArray())
                out.append(QStringLiteral("%1/%2").arg(a.toObject().value(QStringLiteral("local")).toString())
                               .arg(a.toObject().value(QStringLiteral("prefixlen")).toInt()));
        }
        return out;
    }

    // "dev via" of the IPv4 default route.
    QString defaultRoute() const
    {
        const QJsonArray routes = ipJson({QStringLiteral("-4"), QStringLiteral("route"), QStringLiteral("show"),
                                          QStringLiteral("default")});
        if (routes.isEmpty())
            return QString();
        const QJsonObject r = routes.first().toObject();
        return r.value(QStringLiteral("dev")).toString() + QLatin1Char(' ') + r.value(QStringLiteral("gateway")).toString();
    }

    // Links, addresses and routes of the lab, for "exactly as before".
    QByteArray labState() const
    {
        QJsonObject o;
        o.insert(QStringLiteral("link"), stableState(ipJson({QStringLiteral("link"), QStringLiteral("show")})));
        o.insert(QStringLiteral("addr"), stableState(ipJson({QStringLiteral("addr"), QStringLiteral("show")})));
        o.insert(QStringLiteral("route"), stableState(ipJson({QStringLiteral("route"), QStringLiteral("show"),
                                                        QStringLiteral("table"), QStringLiteral("all")})));
        return QJsonDocument(o).toJson(QJsonDocument::Indented);
    }

    // The changes waiting for confirmation, as root sees them over the bus.
    int pendingCount() const
    {
        const QDBusMessage reply = m_bus->bus().call(
            QDBusMessage::createMethodCall(helperName, helperPath, helperName, QStringLiteral("GetPending")),
            QDBus::Block, 30000);
        if (reply.type() != QDBusMessage::ReplyMessage)
            return -1;
        const QDBusArgument list = reply.arguments().value(0).value<QDBusArgument>();
        int n = 0;
        list.beginArray();
        while (!list.atEnd()) {
            QVariant ignored;
            list >> ignored;
            ++n;
        }
        list.endArray();
        return n;
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

    QPoint viewportPos(const QString &title) const
    {
        NodeItem *node = item(title);
        m_window->view()->ensureVisible(node);
        // Left of centre: a bridge's bar is wide, its text sits there.
        const QRectF card = node->sceneCardRect();
        return m_window->view()->mapFromScene(QPointF(card.left() + std::min(card.width() / 2, 60.0), card.center().y()));
    }

    // Right-click on the node titled TITLE (empty: the background).
    QMenu *openMenu(const QString &title, const QPoint &backgroundPos = QPoint(5, 5))
    {
        QWidget *viewport = m_window->view()->viewport();
        const QPoint pos = title.isEmpty() ? backgroundPos : viewportPos(title);
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport->mapToGlobal(pos));
        QCoreApplication::sendEvent(viewport, &event);
        QMenu *menu = editing()->contextMenu();
        if (menu && !QTest::qWaitForWindowExposed(menu))
            qWarning("the menu did not show");
        return menu;
    }

    // Picks the entry named OBJECTNAME (in submenus too) and closes the menu.
    bool trigger(QMenu *menu, const QString &objectName, const QString &data = QString())
    {
        const QList<QAction *> actions = menu->findChildren<QAction *>(objectName);
        for (QAction *a : actions) {
            if (!data.isEmpty() && a->data().toString() != data)
                continue;
            if (!a->isEnabled())
                return false;
            menu->close();
            a->trigger();
            return true;
        }
        return false;
    }

    ChangePreviewDialog *waitForPreview()
    {
        ChangePreviewDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = editing()->previewDialog()) != nullptr; }, 5000))
            return nullptr;
        // The first plan may have to wait for the helper's activation.
        if (!QTest::qWaitFor([&] { return dialog->isPlanReady() || dialog->planFailure().has_value(); }, 30000))
            qWarning("no plan after 30 s");
        return dialog;
    }

    void apply(ChangePreviewDialog *dialog)
    {
        auto *applyButton = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
        QVERIFY(applyButton && applyButton->isEnabled());
        QTest::mouseClick(applyButton, Qt::LeftButton);
    }

    void shoot(QWidget *widget, const QString &name, const QList<QWidget *> &popups = {}, bool settle = true)
    {
        if (settle)
            QCoreApplication::processEvents();
        QPixmap shot = widget->grab();
        // Menus are windows of their own: paint them where they are.
        if (!popups.isEmpty()) {
            QPainter p(&shot);
            for (QWidget *popup : popups)
                p.drawPixmap(popup->mapToGlobal(QPoint()) - widget->mapToGlobal(QPoint()), popup->grab());
        }
        const QString path = QDir(m_shots).filePath(name);
        QVERIFY2(shot.save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    // "Bridge Into → New Bridge…" on em1 up to the banner.
    void bridgeEm1IntoNewBridge(ChangePreviewDialog **preview, uint timeout = 0)
    {
        QMenu *menu = openMenu(QStringLiteral("em1"));
        QVERIFY(menu);
        QVERIFY(trigger(menu, QStringLiteral("bridgeIntoNew")));
        ChangePreviewDialog *dialog = waitForPreview();
        QVERIFY(dialog);
        QVERIFY2(dialog->isPlanReady(), qPrintable(dialog->findChild<QLabel *>(QStringLiteral("planStatus"))->text()));
        if (timeout)
            dialog->findChild<QSpinBox *>(QStringLiteral("confirmTimeout"))->setValue(int(timeout));
        *preview = dialog;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void menusMatchTheNodes();
    void bridgeIntoNewBridgeAndKeep();
    void deleteBridgeGivesTheAddressBack();
    void revertNowRestoresExactly();
    void timeoutRestoresExactly();
    void dragPortOntoBridge();
    void refusalInPlainWords();
    void changeMadeElsewhereFoundAtStart();
    void exposePreviewFromTheHelper();
};

void TestBridgeEditing::initTestCase()
{
    for (const QString &reason :
         {NetnsFixture::skipReason(), SystemBusFixture::skipReason(), PolkitFixture::skipReason()}) {
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
    }
    QVERIFY2(QFileInfo(QStringLiteral(PASSERELLE_HELPER_BINARY)).isExecutable(), PASSERELLE_HELPER_BINARY);
    m_shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath())).filePath(QStringLiteral("screenshots"));
    QVERIFY(QDir().mkpath(m_shots));
    // As the program does: English plural forms come from a catalogue too.
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));

    m_fx = std::make_unique<NetnsFixture>();
    m_polkit = std::make_unique<PolkitFixture>();
    m_bus = std::make_unique<SystemBusFixture>();
    m_lab = m_fx->create(QStringLiteral("edit"));
    m_lan = m_fx->create(QStringLiteral("editlan"));
    m_nsa = m_fx->create(QStringLiteral("edita"));
    QVERIFY(!m_lab.isEmpty() && !m_lan.isEmpty() && !m_nsa.isEmpty());
    QVERIFY(m_fx->addUplink(m_lab, m_lan));
    QVERIFY(ip(m_lab, QStringLiteral("link add vx1 type veth peer name eth0 netns ") + m_nsa));
    QVERIFY(ip(m_lab, QStringLiteral("link set vx1 up")));
    QVERIFY(ip(m_nsa, QStringLiteral("link set eth0 up")));
    QVERIFY(ip(m_lab, QStringLiteral("link add brlab type bridge")));
    QVERIFY(ip(m_lab, QStringLiteral("link set brlab up")));

    QString error;
    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
    // The helper's journal and records go to the fixture's folder, not /var/lib.
    const QString conf = m_bus->directory() + QStringLiteral("/helper.conf");
    QFile file(conf);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Docker's files too: a daemon.json of the test's own, no daemon (its
    // socket does not exist), and nothing of the host's systemd or ifupdown.
    const QString dir = m_bus->directory();
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/docker")) && QDir().mkpath(dir + QStringLiteral("/units"))
            && QDir().mkpath(dir + QStringLiteral("/interfaces.d")));
    QFile daemon(dir + QStringLiteral("/docker/daemon.json"));
    QVERIFY(daemon.open(QIODevice::WriteOnly));
    daemon.write("{\n  \"bip\": \"172.30.0.1/16\",\n  \"log-level\": \"warn\"\n}\n");
    daemon.close();
    QFile interfaces(dir + QStringLiteral("/interfaces"));
    QVERIFY(interfaces.open(QIODevice::WriteOnly));
    interfaces.write(QStringLiteral("source %1/interfaces.d/*\n").arg(dir).toUtf8());
    interfaces.close();
    file.write(QStringLiteral("[helper]\nidle-timeout=0\nstate-dir=%1/state\n"
                              "[docker]\nconfig=%1/docker/daemon.json\nsocket=unix://%1/docker.sock\n"
                              "restart=command\nrestart-command=/bin/true\ndefaults-file=%1/docker/default\n"
                              "unit-dirs=%1/units\n"
                              "[persist]\nbackend=ifupdown\nifupdown-dir=%1/interfaces.d\n"
                              "interfaces-file=%1/interfaces\ndropin-dir=%1/units/docker.service.d\n")
                   .arg(dir)
                   .toUtf8());
    file.close();
    m_bus->addService(helperName, {QStringLiteral(PASSERELLE_HELPER_BINARY), QStringLiteral("--config"), conf});
    m_bus->addPolicy(QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    QVERIFY2(PolkitFixture::addTo(m_bus.get(), &error), qPrintable(error));
    QVERIFY2(m_bus->start(m_lab, &error), qPrintable(error));

    // The model's readers and the gateway probe live in the lab with this thread.
    QVERIFY(m_fx->enter(m_lab));
    m_model = std::make_unique<TopologyModel>();
    TopologyModel::Options options;
    options.docker = false;
    m_model->start(options);
    m_window = std::make_unique<MainWindow>(m_model.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isGraphReady(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("em1")) && item(QStringLiteral("vx1")) && item(QStringLiteral("brlab")),
                             5000);
    // Before the first snapshot: IPv6 duplicate address detection done, so
    // that its end does not pass for a change.
    QTRY_VERIFY_WITH_TIMEOUT(!m_fx->ipJson(m_lab, {QStringLiteral("addr"), QStringLiteral("show")}).contains("tentative"),
                             10000);
    QTest::qWait(200);
    m_initial = labState();
}

void TestBridgeEditing::cleanup()
{
    if (QTest::currentTestFailed() && m_bus)
        qWarning("bus log:\n%s", m_bus->log().right(6000).constData());
    // No dialog or message box left over for the next test, polkit as it
    // was, and no change on trial.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(w) && w->isVisible())
            w->close();
    }
    if (m_actionRemoved) {
        QString error;
        if (!m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error))
            qWarning("%s", qPrintable(error));
        PolkitFixture::restartPolkit(m_bus.get());
        m_actionRemoved = false;
    }
    if (m_window && banner()->isPending()) {
        QDBusMessage revert = QDBusMessage::createMethodCall(helperName, helperPath, helperName, QStringLiteral("Revert"));
        revert.setArguments({banner()->transaction()});
        m_bus->bus().call(revert, QDBus::Block, 60000);
        if (!QTest::qWaitFor([this] { return !banner()->isPending(); }, 10000))
            qWarning("the banner still shows a change on trial after it was reverted");
    }
    QCoreApplication::processEvents();
}

void TestBridgeEditing::cleanupTestCase()
{
    m_window.reset();
    if (m_model)
        m_model->stop();
    m_model.reset();
    if (m_fx)
        NetnsFixture::leave();
    m_bus.reset();
    m_polkit.reset();
    m_fx.reset();
}

void TestBridgeEditing::menusMatchTheNodes()
{
    QMenu *menu = openMenu(QStringLiteral("em1"));
    QVERIFY(menu);
    auto *into = menu->findChild<QMenu *>(QStringLiteral("bridgeIntoMenu"));
    QVERIFY(into);
    QStringList entries;
    for (QAction *a : into->actions()) {
        if (!a->isSeparator())
            entries.append(a->text());
    }
    QCOMPARE(entries, QStringList({QStringLiteral("brlab"), QStringLiteral("New Bridge…")}));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("bringDown")));
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("removeFromBridge")));
    // The submenu open, for the picture.
    QAction *intoAction = menu->findChild<QAction *>(QStringLiteral("bridgeInto"));
    menu->setActiveAction(intoAction);
    into->popup(menu->mapToGlobal(menu->actionGeometry(intoAction).topRight()));
    QVERIFY(QTest::qWaitForWindowExposed(into));
    shoot(m_window.get(), QStringLiteral("edit-context-menu.png"), {menu, into});
    into->close();
    menu->close();

    menu = openMenu(QStringLiteral("brlab"));
    QVERIFY(menu);
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("deleteBridge")));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("stpOn")));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("bringDown")));
    QVERIFY(!menu->findChild<QMenu *>(QStringLiteral("bridgeIntoMenu")));
    shoot(m_window.get(), QStringLiteral("edit-bridge-menu.png"), {menu});
    menu->close();

    // Far below the graph: the background.
    const QPoint empty(m_window->view()->viewport()->width() - 5, m_window->view()->viewport()->height() - 5);
    menu = openMenu(QString(), empty);
    QVERIFY(menu);
    QCOMPARE(menu->objectName(), QStringLiteral("backgroundMenu"));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("newBridge")));
    menu->close();
}

void TestBridgeEditing::bridgeIntoNewBridgeAndKeep()
{
    ChangePreviewDialog *dialog = nullptr;
    bridgeEm1IntoNewBridge(&dialog);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("bridgeName"))->text(), QStringLiteral("br0"));
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("moveAddresses"))->isChecked());
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("stp"))->isChecked());
    // em1 carries the default route: the helper imposes a confirmation.
    QVERIFY(dialog->confirmationRequired());
    auto *ask = dialog->findChild<QCheckBox *>(QStringLiteral("askConfirm"));
    QVERIFY(ask->isChecked() && !ask->isEnabled());
    QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("confirmTimeout"))->value(), 60);
    // Each step of the helper's plan, in the sentences core/ writes for it.
    const auto sentence = [](const char *name, const QStringList &parameters) {
        return HelperPlanText::step({QString::fromLatin1(name), parameters});
    };
    const QStringList steps = dialog->stepTexts();
    const QString em1Mac = link(QStringLiteral("em1")).value(QStringLiteral("address")).toString();
    for (const QString &expected : {
             sentence("CreateBridge", {QStringLiteral("br0"), QStringLiteral("stp-off")}),
             sentence("SetMac", {QStringLiteral("br0"), em1Mac}),
             sentence("MoveAddress", {QStringLiteral("192.0.2.10/24"), QStringLiteral("em1"), QStringLiteral("br0")}),
             sentence("MoveRoute", {QStringLiteral("default"), QStringLiteral("192.0.2.1"), QStringLiteral("em1"),
                                    QStringLiteral("br0"), QStringLiteral("0")}),
             sentence("SetMaster", {QStringLiteral("em1"), QStringLiteral("br0")}),
         }) {
        QVERIFY2(steps.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + steps.join(QLatin1Char('\n'))));
    }
    // The time chosen here ends the list, in words.
    QCOMPARE(steps.last(), sentence("Confirm", {QStringLiteral("60")}));
    shoot(dialog, QStringLiteral("edit-preview.png"));

    // Unticking the move warns and asks the helper again.
    dialog->findChild<QCheckBox *>(QStringLiteral("moveAddresses"))->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanReady(), 10000);
    QVERIFY(!dialog->stepTexts().join(QLatin1Char('\n')).contains(QStringLiteral("192.0.2.10/24")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("moveAddressesNote"))->text().contains(QStringLiteral("192.0.2.10/24")));
    shoot(dialog, QStringLiteral("edit-preview-no-move.png"));
    dialog->findChild<QCheckBox *>(QStringLiteral("moveAddresses"))->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanReady(), 10000);

    QSignalSpy busy(editing(), &GraphEditing::busyChanged);
    apply(dialog);
    // On its way: progress in the status bar, a busy cursor, no new edits.
    QVERIFY(editing()->isBusy());
    QCOMPARE(QApplication::overrideCursor() ? QApplication::overrideCursor()->shape() : Qt::ArrowCursor, Qt::BusyCursor);
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("changeProgress"))->isVisible());
    QVERIFY(!editing()->dragHandler()->isEnabled());
    shoot(m_window.get(), QStringLiteral("edit-progress.png"), {}, false);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->isPending(), 30000);
    QVERIFY(!QApplication::overrideCursor());
    QVERIFY(busy.size() >= 2);   // progress shown, then taken away

    // The change as the kernel has it.
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(ipv4(QStringLiteral("br0")), QStringList{QStringLiteral("192.0.2.10/24")});
    QCOMPARE(ipv4(QStringLiteral("em1")), QStringList());
    QCOMPARE(defaultRoute(), QStringLiteral("br0 192.0.2.1"));
    QCOMPARE(link(QStringLiteral("br0")).value(QStringLiteral("address")).toString(),
             link(QStringLiteral("em1")).value(QStringLiteral("address")).toString());

    // The banner counts down, and Keep waits for the gateway's answer.
    const int first = banner()->secondsLeft();
    QVERIFY2(first > 40 && first <= 60, qPrintable(QString::number(first)));
    QVERIFY2(banner()->headline().startsWith(QStringLiteral("Keep these changes? Reverting in ")),
             qPrintable(banner()->headline()));
    QTRY_COMPARE_WITH_TIMEOUT(banner()->gatewayText(), QStringLiteral("✔ Gateway 192.0.2.1 answers"), 10000);
    QVERIFY(banner()->keepButton()->isEnabled());
    const QString before = banner()->headline();
    QTRY_VERIFY_WITH_TIMEOUT(banner()->headline() != before, 2500);
    QVERIFY(banner()->secondsLeft() < first);
    QCOMPARE(pendingCount(), 1);
    shoot(m_window.get(), QStringLiteral("edit-banner.png"));

    // +60 s restarts the countdown further away.
    const int left = banner()->secondsLeft();
    QTest::mouseClick(banner()->extendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->secondsLeft() > left + 30, 10000);

    QTest::mouseClick(banner()->keepButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(banner()->headline(), QStringLiteral("Changes kept"), 30000);
    QVERIFY(!banner()->isPending());
    QCOMPARE(pendingCount(), 0);
    shoot(m_window.get(), QStringLiteral("edit-banner-kept.png"));
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(defaultRoute(), QStringLiteral("br0 192.0.2.1"));
    // The graph follows: em1 now hangs from br0's bar.
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("br0")) != nullptr, 5000);
}

void TestBridgeEditing::deleteBridgeGivesTheAddressBack()
{
    QVERIFY(item(QStringLiteral("br0")));
    QMenu *menu = openMenu(QStringLiteral("br0"));
    QVERIFY(menu);
    QVERIFY(trigger(menu, QStringLiteral("deleteBridge")));
    ChangePreviewDialog *dialog = waitForPreview();
    QVERIFY(dialog && dialog->isPlanReady());
    const QString steps = dialog->stepTexts().join(QLatin1Char('\n'));
    QVERIFY2(steps.contains(HelperPlanText::step({QStringLiteral("DeleteBridge"), {QStringLiteral("br0")}})),
             qPrintable(steps));
    // em1 gets back the address BridgePort moved.
    QVERIFY2(steps.contains(QStringLiteral("192.0.2.10/24")), qPrintable(steps));
    shoot(dialog, QStringLiteral("edit-preview-delete.png"));
    apply(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->isPending(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->keepButton()->isEnabled(), 10000);
    QTest::mouseClick(banner()->keepButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(banner()->headline(), QStringLiteral("Changes kept"), 30000);
    QVERIFY(link(QStringLiteral("br0")).isEmpty());
    QCOMPARE(ipv4(QStringLiteral("em1")), QStringList{QStringLiteral("192.0.2.10/24")});
    QCOMPARE(defaultRoute(), QStringLiteral("em1 192.0.2.1"));
    QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("br0")), 5000);
}

void TestBridgeEditing::revertNowRestoresExactly()
{
    const QByteArray before = labState();
    ChangePreviewDialog *dialog = nullptr;
    bridgeEm1IntoNewBridge(&dialog);
    if (QTest::currentTestFailed())
        return;
    apply(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->isPending(), 30000);
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QTest::mouseClick(banner()->revertButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->headline().startsWith(QStringLiteral("Changes reverted")), 30000);
    shoot(m_window.get(), QStringLiteral("edit-banner-reverted.png"));
    QCOMPARE(pendingCount(), 0);
    QCOMPARE(labState(), before);
}

void TestBridgeEditing::timeoutRestoresExactly()
{
    const QByteArray before = labState();
    ChangePreviewDialog *dialog = nullptr;
    bridgeEm1IntoNewBridge(&dialog, 10);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dialog->stepTexts().last(), HelperPlanText::step({QStringLiteral("Confirm"), {QStringLiteral("10")}}));
    apply(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->isPending(), 30000);
    QVERIFY(banner()->secondsLeft() <= 10);
    // Nobody answers: the helper puts everything back by itself.
    QTRY_VERIFY_WITH_TIMEOUT(banner()->headline().startsWith(QStringLiteral("Changes reverted")), 30000);
    QCOMPARE(labState(), before);
    QCOMPARE(labState(), m_initial);
}

void TestBridgeEditing::dragPortOntoBridge()
{
    QTRY_VERIFY_WITH_TIMEOUT(!banner()->isPending() && !editing()->isBusy(), 5000);
    QWidget *viewport = m_window->view()->viewport();
    // Both ends on screen at once, or making one visible scrolls the other
    // away (earlier tests leave gaps that make the graph larger).
    const QRectF both = item(QStringLiteral("vx1"))->sceneCardRect().united(item(QStringLiteral("brlab"))->sceneCardRect());
    m_window->view()->fitInView(both.adjusted(-80, -80, 80, 80), Qt::KeepAspectRatio);
    const QPoint from = viewportPos(QStringLiteral("vx1"));
    const QPoint to = viewportPos(QStringLiteral("brlab"));
    QCOMPARE(viewportPos(QStringLiteral("vx1")), from);
    QVERIFY(editing()->dragHandler()->isEnabled());

    // A drop where no bridge is does nothing.
    const QPoint nowhere(viewport->width() - 5, viewport->height() - 5);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(12, 12));
    QTest::mouseMove(viewport, nowhere);
    QVERIFY(editing()->dragHandler()->isDragging());
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, nowhere);
    QVERIFY(!editing()->dragHandler()->isDragging());
    QTest::qWait(200);
    QVERIFY(!editing()->previewDialog());

    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(12, 12));
    QTest::mouseMove(viewport, (from + to) / 2);
    QVERIFY(editing()->dragHandler()->isDragging());
    QVERIFY(editing()->dragHandler()->targetBridge().isEmpty());
    QTest::mouseMove(viewport, to);
    QCOMPARE(editing()->dragHandler()->targetBridge(), QStringLiteral("brlab"));
    shoot(m_window.get(), QStringLiteral("edit-drag.png"));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    QVERIFY(!editing()->dragHandler()->isDragging());

    ChangePreviewDialog *dialog = waitForPreview();
    QVERIFY(dialog && dialog->isPlanReady());
    const LinkChange change = dialog->change();
    QCOMPARE(change.kind, LinkChange::Kind::BridgePort);
    QCOMPARE(change.link, QStringLiteral("vx1"));
    QCOMPARE(change.bridge, QStringLiteral("brlab"));
    // Neither link carries the default route: no confirmation unless asked.
    QVERIFY(!dialog->confirmationRequired());
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("askConfirm"))->isChecked());
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("stp")));   // brlab exists
    QVERIFY2(dialog->stepTexts().contains(
                 HelperPlanText::step({QStringLiteral("SetMaster"), {QStringLiteral("vx1"), QStringLiteral("brlab")}})),
             qPrintable(dialog->stepTexts().join(QLatin1Char('\n'))));
    QSignalSpy applied(editing(), &GraphEditing::changeApplied);
    apply(dialog);
    QVERIFY(applied.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Done: ")), 10000);
    QVERIFY(!banner()->isPending());
    QCOMPARE(link(QStringLiteral("vx1")).value(QStringLiteral("master")).toString(), QStringLiteral("brlab"));
}

void TestBridgeEditing::refusalInPlainWords()
{
    // Without its action polkitd answers every question with an error, even
    // root's: the helper refuses (tests/helper checks the same by the bus).
    m_actionRemoved = true;
    QVERIFY(m_polkit->removeAction());
    QVERIFY(PolkitFixture::restartPolkit(m_bus.get()));
    const QByteArray before = labState();

    QMenu *menu = openMenu(QStringLiteral("vx1"));
    QVERIFY(menu);
    QVERIFY(trigger(menu, QStringLiteral("removeFromBridge")));
    ChangePreviewDialog *dialog = waitForPreview();
    QVERIFY(dialog && dialog->isPlanReady());   // a preview needs no authorization
    apply(dialog);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QStringLiteral("changeErrorDialog"))), 30000);
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QCOMPARE(box->windowTitle(), QStringLiteral("Cannot remove vx1 from brlab"));
    QVERIFY2(box->text().contains(QStringLiteral("Cannot remove vx1 from brlab")), qPrintable(box->text()));
    QCOMPARE(box->informativeText(), QStringLiteral("Not authorized to manage bridges."));
    QVERIFY(box->detailedText().startsWith(QStringLiteral("org.passerelle.Error.NotAuthorized")));
    shoot(box, QStringLiteral("edit-error.png"));
    box->close();

    QString error;
    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
    QVERIFY(PolkitFixture::restartPolkit(m_bus.get()));
    m_actionRemoved = false;
    QCOMPARE(labState(), before);
}

void TestBridgeEditing::changeMadeElsewhereFoundAtStart()
{
    // Another client of the same user (passerellectl, say) brings vx1 down on trial.
    QDBusMessage call = QDBusMessage::createMethodCall(helperName, helperPath, helperName, QStringLiteral("SetLinkUp"));
    call.setArguments({QStringLiteral("vx1"), false, 120u});
    const QDBusMessage reply = m_bus->bus().call(call, QDBus::Block, 60000);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    // The open window hears of it by the signal...
    QTRY_VERIFY_WITH_TIMEOUT(banner()->isPending(), 10000);
    QCOMPARE(banner()->findChild<QLabel *>(QStringLiteral("bannerWhat"))->text(), QStringLiteral("Bring vx1 down"));

    // ... and a window opened now asks at start.
    MainWindow second(m_model.get());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QTRY_VERIFY_WITH_TIMEOUT(second.banner()->isPending(), 10000);
    QCOMPARE(second.banner()->transaction(), banner()->transaction());
    QVERIFY(second.banner()->secondsLeft() > 60);
    QTRY_VERIFY_WITH_TIMEOUT(second.banner()->revertButton()->isEnabled(), 10000);
    QTest::mouseClick(second.banner()->revertButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(second.banner()->headline().startsWith(QStringLiteral("Changes reverted")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(banner()->headline().startsWith(QStringLiteral("Changes reverted")), 10000);
    QVERIFY(link(QStringLiteral("vx1")).value(QStringLiteral("flags")).toArray().contains(QStringLiteral("UP")));
}

// The expose wizard's preview as the real helper plans it: em1's network
// steps, then daemon.json's diff (bip out, bridge in; log-level kept) and
// the ifupdown file, all in the helper's own sandbox of files.
void TestBridgeEditing::exposePreviewFromTheHelper()
{
    QTRY_VERIFY_WITH_TIMEOUT(!banner()->isPending() && !editing()->isBusy(), 5000);
    QMenu *menu = openMenu(QStringLiteral("em1"));
    QVERIFY(menu);
    QVERIFY(trigger(menu, QStringLiteral("exposeContainers")));
    ExposeWizard *wizard = editing()->exposeWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->change().link, QStringLiteral("em1"));
    wizard->next();
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ExposeWizard::PreviewPage));
    ExposePreviewPage *page = wizard->previewPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->isPlanReady() || page->planFailure().has_value(), 30000);
    if (!page->isPlanReady()) {
        const HelperFailure f = page->planFailure().value_or(HelperFailure());
        QFAIL(qPrintable(page->statusText() + QLatin1Char('\n') + f.name + QLatin1Char(' ')
                         + f.parameters.join(QLatin1Char(',')) + QLatin1Char(' ') + f.detail));
    }
    const ExposePlanSummary &s = page->planView()->summary();
    QVERIFY(s.confirmSeconds > 0);
    QVERIFY2(s.networkSteps.contains(HelperPlanText::step({QStringLiteral("SetMaster"), {QStringLiteral("em1"), QStringLiteral("br0")}})),
             qPrintable(s.networkSteps.join(QLatin1Char('\n'))));
    QCOMPARE(s.daemonConfig, m_bus->directory() + QStringLiteral("/docker/daemon.json"));
    const QString diff = s.daemonDiff.join(QLatin1Char('\n'));
    QVERIFY2(diff.contains(QStringLiteral("-\"bip\"")) && diff.contains(QStringLiteral("+\"bridge\": \"br0\""))
                 && diff.contains(QStringLiteral("192.0.2.192/26")) && !diff.contains(QStringLiteral("log-level")),
             qPrintable(diff));
    QVERIFY(s.warningCodes.contains(QStringLiteral("containers-reachable")));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    shoot(wizard, QStringLiteral("expose-wizard-preview-helper.png"));
    wizard->reject();
}

QTEST_MAIN(TestBridgeEditing)
#include "tst_bridgeediting.moc"
