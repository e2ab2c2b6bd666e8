// The expose wizard on a namespace lab (root only): em1 on a LAN with the
// gateway 192.0.2.1, carrying 192.0.2.10/24 and the default route, and an
// existing bridge brlab with 10.77.0.1/24. The wizard reads the live
// TopologyModel of the lab: opened from em1 it proposes br0, the top quarter
// of em1's subnet and the gateway of the host's default route; the checks
// refuse bad ranges and addresses as they are typed, with Next disabled;
// the preview renders a plan. No helper runs here: the plan previewed is a
// value built in the test (sampleexposeplan.h), in the shape the interface
// file documents. Then every page, opened from the main window, in English
// and in French: nothing cut off, and a screenshot of each in
// ${PASSERELLE_BUILD_DIR}/screenshots (expose-wizard-LANG.png is the
// address page, expose-wizard-preview-LANG.png the preview).
#include "cutofftexts.h"
#include "exposeplanview.h"
#include "graphediting.h"
#include "mainwindow.h"
#include "exposewizard.h"
#include "helpersession.h"
#include "inspectorpanel.h"
#include "netnsfixture.h"
#include "nodemenus.h"
#include "sampleexposeplan.h"
#include "topologygraph.h"
#include "topologymodel.h"
#include "translations.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Passerelle;


class TestExposeWizard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NetnsFixture> m_fx;
    std::unique_ptr<TopologyModel> m_model;
    std::unique_ptr<HelperSession> m_session;
    QString m_lab;
    QString m_shots;

    bool ip(const QString &ns, const QString &args)
    {
        QString error;
        const bool ok = m_fx->ip(ns, args.split(QLatin1Char(' ')), &error);
        if (!ok)
            qWarning("ip -n %s %s: %s", qPrintable(ns), qPrintable(args), qPrintable(error));
        return ok;
    }

    // Replaces the catalogues installTranslations() installed.
    static void setLanguage(const QString &lang)
    {
        const QList<QTranslator *> installed = qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
        for (QTranslator *t : installed) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        if (installTranslations(lang) != lang)
            qWarning("no catalogue for %s", qPrintable(lang));
    }

    // Word-wrapped labels not given the height their lines need (the
    // wizard's header does not grow for a long subtitle).
    static QStringList cutOffWrappedLabels(QWidget *window)
    {
        QStringList out;
        for (QLabel *label : window->findChildren<QLabel *>()) {
            if (!label->isVisibleTo(window) || !label->wordWrap() || label->text().isEmpty())
                continue;
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height())
                out.append(QStringLiteral("QLabel \"%1\": needs %2 px high, has %3")
                               .arg(label->text()).arg(needed).arg(label->height()));
        }
        return out;
    }

    static QAbstractButton *nextButton(ExposeWizard *w) { return w->button(QWizard::NextButton); }

    template<typename T>
    static T *child(QWidget *w, const char *name)
    {
        return w->findChild<T *>(QLatin1String(name));
    }

    // A wizard opened from PORT, on the address page.
    std::unique_ptr<ExposeWizard> wizardOnAddresses(const QString &port, const QString &bridge = QString())
    {
        auto w = std::make_unique<ExposeWizard>(m_model.get(), m_session.get(), port);
        w->show();
        if (!bridge.isEmpty())
            child<QComboBox>(w.get(), "exposeBridge")->setEditText(bridge);
        w->next();
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString reason = NetnsFixture::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        m_shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath())).filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
        m_fx = std::make_unique<NetnsFixture>();
        m_lab = m_fx->create(QStringLiteral("expose"));
        const QString lan = m_fx->create(QStringLiteral("exposelan"));
        QVERIFY(!m_lab.isEmpty() && !lan.isEmpty());
        QVERIFY(m_fx->addUplink(m_lab, lan));
        QVERIFY(ip(m_lab, QStringLiteral("link add brlab type bridge")));
        QVERIFY(ip(m_lab, QStringLiteral("addr add 10.77.0.1/24 dev brlab")));
        QVERIFY(ip(m_lab, QStringLiteral("link set brlab up")));

        QVERIFY(m_fx->enter(m_lab));
        m_model = std::make_unique<TopologyModel>();
        TopologyModel::Options options;
        options.docker = false;
        m_model->start(options);
        QTRY_VERIFY_WITH_TIMEOUT(m_model->isReady(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_model->linkByName(QStringLiteral("em1")) && !m_model->defaultRoutes().isEmpty()
                                     && m_model->linkByName(QStringLiteral("brlab")),
                                 5000);
        // A bus that is not connected: every call to the helper fails at once.
        m_session = std::make_unique<HelperSession>(QDBusConnection(QStringLiteral("no-bus")));
    }

    void cleanupTestCase()
    {
        setLanguage(QStringLiteral("en"));
        m_session.reset();
        if (m_model)
            m_model->stop();
        m_model.reset();
        if (m_fx)
            NetnsFixture::leave();
        m_fx.reset();
    }

    void uplinkMenuOpensTheWizard()
    {
        NodeMenus menus(m_model.get());
        const std::optional<Link> em1 = m_model->linkByName(QStringLiteral("em1"));
        QVERIFY(em1);
        GraphNode node;
        node.ifindex = em1->ifindex;
        std::unique_ptr<QMenu> menu(menus.menuForNode(node, nullptr));
        QVERIFY(menu);
        auto *expose = menu->findChild<QAction *>(QStringLiteral("exposeContainers"));
        QVERIFY(expose && expose->isEnabled());
        QSignalSpy requested(&menus, &NodeMenus::exposeRequested);
        expose->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("em1"));
        // A bridge has no such entry.
        node.ifindex = m_model->linkByName(QStringLiteral("brlab"))->ifindex;
        menu.reset(menus.menuForNode(node, nullptr));
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("exposeContainers")));
        QCOMPARE(ExposeWizard::candidatePorts(*m_model), QStringList{QStringLiteral("em1")});
    }

    void prefilledFromThePort()
    {
        ExposeWizard wizard(m_model.get(), m_session.get(), QStringLiteral("em1"));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(ExposeWizard::PortPage));
        QCOMPARE(child<QComboBox>(&wizard, "exposePort")->currentData().toString(), QStringLiteral("em1"));
        QVERIFY2(child<QComboBox>(&wizard, "exposePort")->currentText().contains(QStringLiteral("192.0.2.10/24")),
                 qPrintable(child<QComboBox>(&wizard, "exposePort")->currentText()));
        QCOMPARE(child<QComboBox>(&wizard, "exposeBridge")->currentText(), QStringLiteral("br0"));
        QVERIFY(child<QLabel>(&wizard, "bridgeNote")->text().contains(QStringLiteral("will be created with em1's MAC")));
        QVERIFY(nextButton(&wizard)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(ExposeWizard::AddressPage));
        // The top quarter of 192.0.2.0/24, clear of the host (.10) and the gateway (.1).
        QCOMPARE(child<QLineEdit>(&wizard, "fixedCidr")->text(), QStringLiteral("192.0.2.192/26"));
        QCOMPARE(child<QLineEdit>(&wizard, "defaultGateway")->text(), QStringLiteral("192.0.2.1"));
        const QString summary = child<QLabel>(&wizard, "networkSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("192.0.2.0/24")) && summary.contains(QStringLiteral("192.0.2.10"))
                     && summary.contains(QStringLiteral("192.0.2.1")),
                 qPrintable(summary));
        QVERIFY(child<QLabel>(&wizard, "fixedCidrWhy")->text().contains(QStringLiteral("DHCP")));
        QVERIFY(child<QLabel>(&wizard, "fixedCidrWhy")->text().contains(QStringLiteral("64 addresses")));
        QVERIFY(!child<QLabel>(&wizard, "fixedCidrError")->isVisible());
        QVERIFY(nextButton(&wizard)->isEnabled());

        wizard.next();
        QCOMPARE(wizard.currentId(), int(ExposeWizard::DockerPage));
        QVERIFY(child<QRadioButton>(&wizard, "modeDefaultBridge")->isChecked());
        QVERIFY(child<QCheckBox>(&wizard, "persist")->isChecked());
        const LinkChange c = wizard.change();
        QCOMPARE(c.kind, LinkChange::Kind::Expose);
        QCOMPARE(c.planArguments(), QStringList({QStringLiteral("em1"), QStringLiteral("br0"),
                                                 QStringLiteral("192.0.2.192/26"), QStringLiteral("192.0.2.1")}));
        QCOMPARE(c.dockerOptions().value(QStringLiteral("mode")).toString(), QStringLiteral("default-bridge"));
        QCOMPARE(c.dockerOptions().value(QStringLiteral("persist")).toBool(), true);

        // Back and forth keeps what was typed.
        wizard.back();
        child<QLineEdit>(&wizard, "fixedCidr")->setText(QStringLiteral("192.0.2.128/26"));
        wizard.next();
        wizard.back();
        QCOMPARE(child<QLineEdit>(&wizard, "fixedCidr")->text(), QStringLiteral("192.0.2.128/26"));
    }

    void existingBridgeGivesItsSubnet()
    {
        auto wizard = wizardOnAddresses(QStringLiteral("em1"), QStringLiteral("brlab"));
        QCOMPARE(wizard->currentId(), int(ExposeWizard::AddressPage));
        QCOMPARE(child<QLineEdit>(wizard.get(), "fixedCidr")->text(), QStringLiteral("10.77.0.192/26"));
        // The host's gateway is not on brlab's network: nothing proposed.
        QCOMPARE(child<QLineEdit>(wizard.get(), "defaultGateway")->text(), QString());
        QVERIFY(nextButton(wizard.get())->isEnabled());
    }

    void checksAsYouType_data()
    {
        QTest::addColumn<QString>("fixedCidr");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("cidrError");
        QTest::addColumn<QString>("gatewayError");

        QTest::newRow("fine") << "192.0.2.128/25" << "192.0.2.1" << "" << "";
        QTest::newRow("no gateway: the host routes") << "192.0.2.192/26" << "" << "" << "";
        QTest::newRow("no range") << "" << "192.0.2.1" << "Enter the containers' range" << "";
        QTest::newRow("octet too big") << "192.0.2.300/26" << "192.0.2.1" << "is not an IPv4 range" << "";
        QTest::newRow("no prefix") << "192.0.2.192" << "192.0.2.1" << "is not an IPv4 range" << "";
        QTest::newRow("prefix too long") << "192.0.2.192/33" << "192.0.2.1" << "is not an IPv4 range" << "";
        QTest::newRow("host bits") << "192.0.2.200/26" << "192.0.2.1" << "did you mean 192.0.2.192/26?" << "";
        QTest::newRow("other network") << "10.1.0.0/26" << "192.0.2.1"
                                       << "is not inside the network 192.0.2.0/24 of em1" << "";
        // Both wrong: the range spills over the LAN and holds its gateway.
        QTest::newRow("wider than the LAN") << "192.0.0.0/16" << "192.0.2.1" << "is not inside the network"
                                            << "lies inside the containers' range";
        QTest::newRow("holds the host") << "192.0.2.0/26" << "192.0.2.129" << "this host's own address 192.0.2.10"
                                        << "";
        QTest::newRow("gateway not an address") << "192.0.2.192/26" << "192.0.2" << ""
                                                << "is not an IPv4 address";
        QTest::newRow("gateway elsewhere") << "192.0.2.192/26" << "192.0.3.1" << ""
                                           << "is not inside the network 192.0.2.0/24";
        QTest::newRow("gateway is the broadcast") << "192.0.2.192/26" << "192.0.2.255" << ""
                                                  << "broadcast address";
        QTest::newRow("gateway among the containers") << "192.0.2.192/26" << "192.0.2.200" << ""
                                                      << "lies inside the containers' range 192.0.2.192/26";
    }

    void checksAsYouType()
    {
        QFETCH(QString, fixedCidr);
        QFETCH(QString, gateway);
        QFETCH(QString, cidrError);
        QFETCH(QString, gatewayError);
        auto wizard = wizardOnAddresses(QStringLiteral("em1"));
        QCOMPARE(wizard->currentId(), int(ExposeWizard::AddressPage));
        QVERIFY(nextButton(wizard.get())->isEnabled());
        // Typed, key by key, as a user would.
        auto *cidrEdit = child<QLineEdit>(wizard.get(), "fixedCidr");
        auto *gatewayEdit = child<QLineEdit>(wizard.get(), "defaultGateway");
        cidrEdit->clear();
        QTest::keyClicks(cidrEdit, fixedCidr);
        gatewayEdit->clear();
        QTest::keyClicks(gatewayEdit, gateway);

        auto *cidrLabel = child<QLabel>(wizard.get(), "fixedCidrError");
        auto *gatewayLabel = child<QLabel>(wizard.get(), "defaultGatewayError");
        QCOMPARE(cidrLabel->isVisible(), !cidrError.isEmpty());
        QCOMPARE(gatewayLabel->isVisible(), !gatewayError.isEmpty());
        if (!cidrError.isEmpty())
            QVERIFY2(cidrLabel->text().contains(cidrError), qPrintable(cidrLabel->text()));
        if (!gatewayError.isEmpty())
            QVERIFY2(gatewayLabel->text().contains(gatewayError), qPrintable(gatewayLabel->text()));
        QCOMPARE(nextButton(wizard.get())->isEnabled(), cidrError.isEmpty() && gatewayError.isEmpty());
    }

    void bridgeNameChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("new") << "br7" << "";
        QTest::newRow("existing bridge") << "brlab" << "";
        QTest::newRow("empty") << "" << "Enter a name for the bridge";
        QTest::newRow("slash") << "br/0" << "may only hold letters";
        QTest::newRow("a link that is no bridge") << "em1" << "is already the name of an interface that is not a bridge";
    }

    void bridgeNameChecked()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        ExposeWizard wizard(m_model.get(), m_session.get(), QStringLiteral("em1"));
        wizard.show();
        child<QComboBox>(&wizard, "exposeBridge")->setEditText(name);
        auto *label = child<QLabel>(&wizard, "bridgeError");
        QCOMPARE(label->isVisible(), !error.isEmpty());
        QVERIFY2(label->text().contains(error), qPrintable(label->text()));
        QCOMPARE(nextButton(&wizard)->isEnabled(), error.isEmpty());
        if (name == QLatin1String("brlab"))
            QVERIFY(child<QLabel>(&wizard, "bridgeNote")->text().contains(QStringLiteral("becomes one of its ports")));
    }

    void dockerNetworkMode()
    {
        auto wizard = wizardOnAddresses(QStringLiteral("em1"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ExposeWizard::DockerPage));
        auto *name = child<QLineEdit>(wizard.get(), "dockerNetworkName");
        QVERIFY(!name->isEnabled());
        child<QRadioButton>(wizard.get(), "modeNetwork")->setChecked(true);
        QVERIFY(name->isEnabled());
        name->setText(QStringLiteral("-lan"));
        QVERIFY(child<QLabel>(wizard.get(), "dockerNetworkError")->isVisible());
        QVERIFY(!nextButton(wizard.get())->isEnabled());
        name->setText(QStringLiteral("lan"));
        QVERIFY(nextButton(wizard.get())->isEnabled());
        child<QCheckBox>(wizard.get(), "persist")->setChecked(false);
        QVERIFY(child<QLabel>(wizard.get(), "persistNote")->text().contains(QStringLiteral("may then fail to start")));
        const QVariantMap options = wizard->change().dockerOptions();
        QCOMPARE(options.value(QStringLiteral("mode")).toString(), QStringLiteral("network"));
        QCOMPARE(options.value(QStringLiteral("network")).toString(), QStringLiteral("lan"));
        QCOMPARE(options.value(QStringLiteral("persist")).toBool(), false);
    }

    void previewRendersThePlan()
    {
        auto wizard = wizardOnAddresses(QStringLiteral("em1"));
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ExposeWizard::PreviewPage));
        ExposePreviewPage *page = wizard->previewPage();
        // No helper on this bus: the page says so and Apply waits.
        QTRY_VERIFY_WITH_TIMEOUT(page->planFailure().has_value(), 5000);
        QVERIFY(!page->statusText().isEmpty());
        QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
        // The seed's warning stands whatever the plan.
        auto *warning = child<QLabel>(wizard.get(), "reachableWarning");
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("directly reachable from the LAN")));

        page->showPlan(sampleExposePlan());
        QVERIFY(page->isPlanReady());
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(wizard->button(QWizard::FinishButton)->text(), QStringLiteral("Apply"));
        const ExposePlanSummary &s = page->planView()->summary();
        QCOMPARE(s.networkSteps.size(), 5);
        QCOMPARE(s.confirmSeconds, 60u);
        QCOMPARE(s.dockerSteps.size(), 9);
        QCOMPARE(s.daemonConfig, QStringLiteral("/etc/docker/daemon.json"));
        QCOMPARE(s.daemonDiff.size(), 4);
        QCOMPARE(s.files.size(), 2);
        QCOMPARE(s.files.first().path, QStringLiteral("/etc/network/interfaces.d/passerelle-br0"));
        QCOMPARE(s.stoppedContainers, QStringList({QStringLiteral("web"), QStringLiteral("db")}));
        QCOMPARE(s.warningCodes, QStringList({QStringLiteral("containers-reachable"), QStringLiteral("bip-removed")}));
        // What is on screen: every part, the file's content, the diff lines.
        const QString shown = page->planView()->toPlainText();
        for (const QString &expected : {QStringLiteral("/etc/docker/daemon.json"), QStringLiteral("\"fixed-cidr\""),
                                        QStringLiteral("bridge_ports em1"), QStringLiteral("web"), QStringLiteral("db"),
                                        s.warnings.at(1), s.networkSteps.first(), s.dockerSteps.last()}) {
            QVERIFY2(shown.contains(expected) || shown.contains(QString(expected).replace(QLatin1Char(' '), QChar(0xa0))),
                     qPrintable(expected + QStringLiteral(" not in:\n") + shown));
        }
        // The always-there warning is not repeated in the list.
        QVERIFY(!shown.contains(s.warnings.at(0)));
    }

    // Docker's settings in the inspector of the bridge it uses, with where
    // each comes from and a conflict between two files.
    void inspectorShowsDockersBridge()
    {
        InspectorPanel panel(m_model.get());
        const int brlab = m_model->linkByName(QStringLiteral("brlab"))->ifindex;
        panel.showNode(QStringLiteral("link:%1").arg(brlab));
        QVERIFY(panel.showsDockerBridge());
        QVERIFY(!panel.lines().contains(QStringLiteral("Docker")));   // nothing known yet

        const QString daemon = QStringLiteral("/etc/docker/daemon.json");
        const QString opts = QStringLiteral("/etc/default/docker:DOCKER_OPTS");
        panel.setDockerSettings(DockerSettingList{
            {QStringLiteral("bridge"), QStringLiteral("brlab"), daemon},
            {QStringLiteral("fixed-cidr"), QStringLiteral("10.77.0.192/26"), daemon},
            {QStringLiteral("running-bridge"), QStringLiteral("brlab"), QStringLiteral("engine")},
        });
        QStringList lines = panel.lines();
        QVERIFY2(lines.contains(QStringLiteral("Docker")), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(lines.contains(QStringLiteral("Default network now on: brlab")));
        QVERIFY(lines.contains(QStringLiteral("Default bridge set in: %1 (brlab)").arg(daemon)));
        QVERIFY(lines.contains(QStringLiteral("Containers' address range: 10.77.0.192/26 (%1)").arg(daemon)));
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("Conflict")));

        // The seed's DOCKER_OPTS="-b=br0" left behind: two places.
        panel.setDockerSettings(DockerSettingList{
            {QStringLiteral("bridge"), QStringLiteral("brlab"), daemon},
            {QStringLiteral("bridge"), QStringLiteral("br0"), opts},
            {QStringLiteral("running-bridge"), QStringLiteral("brlab"), QStringLiteral("engine")},
        });
        lines = panel.lines();
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("Conflict: bridge is set in two places (brlab in %1; br0 in %2)").arg(daemon, opts)),
                 qPrintable(all));

        // A bridge Docker has nothing to do with says nothing of Docker.
        panel.setDockerSettings(DockerSettingList{{QStringLiteral("running-bridge"), QStringLiteral("docker0"),
                                                   QStringLiteral("engine")}});
        QVERIFY(!panel.lines().contains(QStringLiteral("Docker")));
    }

    void pagesInBothLanguages_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void pagesInBothLanguages()
    {
        QFETCH(QString, lang);
        setLanguage(lang);
        MainWindow window(m_model.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.isGraphReady(), 15000);
        QVERIFY(window.exposeAction());

        // As the em1 node's menu asks for it.
        window.editing()->requestExpose(QStringLiteral("em1"));
        ExposeWizard *wizard = window.editing()->exposeWizard();
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        const QStringList pages = {QStringLiteral("port"), QStringLiteral("addresses"), QStringLiteral("docker"),
                                   QStringLiteral("preview")};
        for (int page = 0; page < pages.size(); ++page) {
            QCOMPARE(wizard->currentId(), page);
            if (page == ExposeWizard::PreviewPage) {
                // What the helper would answer; the page's own question
                // finds no helper and, older, is dropped.
                wizard->previewPage()->showPlan(sampleExposePlan());
                QVERIFY(wizard->previewPage()->isPlanReady());
                // Tall enough for the whole plan in the picture, diff and files included.
                ExposePlanView *view = wizard->previewPage()->planView();
                QCoreApplication::processEvents();
                const int missing = int(view->document()->size().height()) - view->viewport()->height();
                if (missing > 0)
                    wizard->resize(wizard->width(), wizard->height() + missing + 8);
            }
            QCoreApplication::processEvents();
            const QStringList cut = cutOffTexts(wizard) + cutOffWrappedLabels(wizard);
            QVERIFY2(cut.isEmpty(), qPrintable(pages.at(page) + QStringLiteral(": ") + cut.join(QLatin1Char('\n'))));
            QString name = QStringLiteral("expose-wizard-%1-%2.png").arg(pages.at(page), lang);
            if (page == ExposeWizard::AddressPage)
                name = QStringLiteral("expose-wizard-%1.png").arg(lang);
            else if (page == ExposeWizard::PreviewPage)
                name = QStringLiteral("expose-wizard-preview-%1.png").arg(lang);
            const QString path = QDir(m_shots).filePath(name);
            QVERIFY2(wizard->grab().save(path), qPrintable(path));
            qInfo("screenshot: %s", qPrintable(path));
            if (page + 1 < pages.size()) {
                QVERIFY2(nextButton(wizard)->isEnabled(), qPrintable(pages.at(page)));
                wizard->next();
            }
        }
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        wizard->reject();
    }
};

QTEST_MAIN(TestExposeWizard)
#include "tst_exposewizard.moc"
