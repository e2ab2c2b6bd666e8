// The main window in French and in English on a namespace lab (root only):
// the visible texts come from the catalogue of the language chosen, no
// label, button, tab or column header is cut off (French runs longer), and a
// screenshot of each is saved to the build directory for a look.
// tst_exposewizard does the same for the expose wizard's pages.
#include "changepreviewdialog.h"
#include "confirmbanner.h"
#include "cutofftexts.h"
#include "graphediting.h"
#include "inspectorpanel.h"
#include "interfacetable.h"
#include "mainwindow.h"
#include "netnsfixture.h"
#include "topologymodel.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace Passerelle;

class TestLanguages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NetnsFixture> m_fx;
    QString m_lab;
    QString m_shots;
    QTranslator m_french;   // the catalogue itself, to know what French should read

    bool ip(const QString &ns, const QString &args)
    {
        QString error;
        const bool ok = m_fx->ip(ns, args.split(QLatin1Char(' ')), &error);
        if (!ok)
            qWarning("ip -n %s %s: %s", qPrintable(ns), qPrintable(args), qPrintable(error));
        return ok;
    }

    // Removes whatever installTranslations() installed before.
    static void uninstallTranslations()
    {
        const QList<QTranslator *> installed = qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
        for (QTranslator *t : installed) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // What the window should show for this source text in the language under test.
    QString expected(const QString &lang, const char *context, const char *source) const
    {
        if (lang == QLatin1String("en"))
            return QString::fromUtf8(source);
        return m_french.translate(context, source);
    }

    // Column headers that do not fit their section, and cells of the
    // columns of words (kind, state...) that do not fit theirs. Addresses
    // and owners are free text: they elide by design, with a tooltip.
    static QStringList cutOffColumns(QTableView *view)
    {
        QStringList out;
        const QHeaderView *header = view->horizontalHeader();
        for (int i = 0; i < header->count(); ++i) {
            const QString text = view->model()->headerData(i, Qt::Horizontal).toString();
            // Text, the sort arrow and the margins, as the header measures them.
            const int needed = header->sectionSizeHint(i);
            if (needed > header->sectionSize(i))
                out.append(QStringLiteral("column \"%1\": needs %2 px, has %3").arg(text).arg(needed).arg(header->sectionSize(i)));
            if (i == InterfaceTableModel::Addresses || i == InterfaceTableModel::Owner)
                continue;
            const int cells = static_cast<QAbstractItemView *>(view)->sizeHintForColumn(i);
            if (cells > view->columnWidth(i))
                out.append(QStringLiteral("cells of column \"%1\": need %2 px, have %3").arg(text).arg(cells).arg(view->columnWidth(i)));
        }
        return out;
    }

    // Property names of the inspector that do not fit their column.
    static QStringList cutOffProperties(const QTreeWidget *tree)
    {
        QStringList out;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *section = tree->topLevelItem(i);
            for (int j = 0; j < section->childCount(); ++j) {
                const QTreeWidgetItem *item = section->child(j);
                const QRect cell = tree->visualItemRect(item);
                const int column = tree->columnWidth(0) - (cell.left() - tree->visualItemRect(section).left());
                const int needed = tree->fontMetrics().horizontalAdvance(item->text(0));
                if (needed > column)
                    out.append(QStringLiteral("property \"%1\": needs %2 px, has %3").arg(item->text(0)).arg(needed).arg(column));
            }
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_french.load(QStringLiteral(":/i18n/passerelle_fr")), "the French catalogue is not in the resources");

        const QString reason = NetnsFixture::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        m_fx = std::make_unique<NetnsFixture>();
        m_lab = m_fx->create(QStringLiteral("lang"));
        const QString lan = m_fx->create(QStringLiteral("lan"));
        const QString nsa = m_fx->create(QStringLiteral("nsa"));
        const QString nsb = m_fx->create(QStringLiteral("nsb"));
        QVERIFY(!m_lab.isEmpty() && !lan.isEmpty() && !nsa.isEmpty() && !nsb.isEmpty());

        // An uplink em1 on a LAN with its gateway; a bridge br0 with two veth
        // ports into two namespaces, the second without carrier.
        QVERIFY(m_fx->addUplink(m_lab, lan));
        QVERIFY(ip(m_lab, QStringLiteral("link add br0 type bridge")));
        QVERIFY(ip(m_lab, QStringLiteral("addr add 10.77.0.1/24 dev br0")));
        QVERIFY(ip(m_lab, QStringLiteral("link set br0 up")));
        QVERIFY(ip(m_lab, QStringLiteral("link add vetha type veth peer name eth0 netns ") + nsa));
        QVERIFY(ip(m_lab, QStringLiteral("link set vetha master br0 up")));
        QVERIFY(ip(nsa, QStringLiteral("link set eth0 up")));
        QVERIFY(ip(m_lab, QStringLiteral("link add vethb type veth peer name eth0 netns ") + nsb));
        QVERIFY(ip(m_lab, QStringLiteral("link set vethb master br0 up")));

        // The model's reader threads inherit the namespace of the thread that starts them.
        QVERIFY(m_fx->enter(m_lab));
        m_shots = QDir(qEnvironmentVariable("PASSERELLE_BUILD_DIR", QDir::currentPath())).filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
    }

    void mainWindow_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void mainWindow()
    {
        QFETCH(QString, lang);
        uninstallTranslations();
        QCOMPARE(installTranslations(lang), lang);

        TopologyModel model;
        TopologyModel::Options options;
        options.docker = false;   // the host's Docker, if any, is not part of the lab
        model.start(options);
        {
            MainWindow window(&model);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_VERIFY_WITH_TIMEOUT(window.isGraphReady(), 15000);
            QVERIFY(!window.windowIcon().isNull());

            // The texts come from the catalogue of that language.
            const char *const mw = "Passerelle::MainWindow";
            auto *tabs = window.findChild<QTabWidget *>();
            QVERIFY(tabs);
            QCOMPARE(tabs->tabText(0), expected(lang, mw, "Graph"));
            QCOMPARE(tabs->tabText(1), expected(lang, mw, "Interfaces"));
            QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->windowTitle(),
                     expected(lang, mw, "Inspector"));
            QStringList menus;
            for (QAction *a : window.menuBar()->actions())
                menus.append(a->text());
            QCOMPARE(menus, QStringList({expected(lang, mw, "&File"), expected(lang, mw, "&View"),
                                         expected(lang, mw, "&Docker")}));
            // The Docker menu: exposing, and giving Docker its docker0 back.
            QMenu *dockerMenu = window.menuBar()->actions().constLast()->menu();
            QVERIFY(dockerMenu);
            QStringList dockerEntries;
            for (QAction *a : dockerMenu->actions())
                dockerEntries.append(a->text());
            QCOMPARE(dockerEntries, QStringList({expected(lang, mw, "Expose Containers on the Physical Network…"),
                                                 expected(lang, mw, "Give Docker Its Own docker0 Back…")}));
            QVERIFY(dockerMenu->actions().contains(window.resetDockerAction()));
            QVERIFY(window.resetDockerAction()->isEnabled());
            QStringList toolbar;
            for (QAction *a : window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions()) {
                if (!a->text().isEmpty())
                    toolbar.append(a->text());
            }
            QCOMPARE(toolbar, QStringList({expected(lang, mw, "Hide Non-Matching"), expected(lang, mw, "Zoom In"),
                                           expected(lang, mw, "Zoom Out"), expected(lang, mw, "Fit to Window"),
                                           expected(lang, mw, "Refresh Layout"), expected(lang, mw, "Export PNG…"),
                                           expected(lang, mw, "Export SVG…")}));
            QCOMPARE(window.filterEdit()->placeholderText(), expected(lang, mw, "Filter: name, MAC, address, container…"));
            QCOMPARE(window.findChild<QLabel *>(QStringLiteral("dockerStatus"))->text(),
                     expected(lang, mw, "Docker: not queried"));
            QStringList countsParts = expected(lang, mw, "Interfaces: %1 · Bridges: %2 · Veths: %3 · Containers: %4")
                                          .split(QRegularExpression(QStringLiteral("%[1-9]")));
            for (QString &part : countsParts)
                part = QRegularExpression::escape(part);
            const QString counts = countsParts.join(QStringLiteral("\\d+"));
            const QString countsText = window.findChild<QLabel *>(QStringLiteral("linkCounts"))->text();
            QVERIFY2(QRegularExpression(QLatin1Char('^') + counts + QLatin1Char('$')).match(countsText).hasMatch(),
                     qPrintable(countsText));
            QCOMPARE(window.table()->tableModel()->headerData(3, Qt::Horizontal).toString(),
                     expected(lang, "Passerelle::InterfaceTableModel", "Bridge or master"));
            if (lang == QLatin1String("fr")) {
                // Really French, not the English source passed through; Qt's
                // own buttons too (qtbase's catalogue, for the file dialogs).
                QCOMPARE(tabs->tabText(0), QStringLiteral("Graphe"));
                QCOMPARE(toolbar.value(1), QStringLiteral("Zoom avant"));
                QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
            }

            // Nothing cut off on the graph, ...
            QCoreApplication::processEvents();
            QStringList cut = cutOffTexts(&window);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(window.grab().save(QDir(m_shots).filePath(QStringLiteral("mainwindow-%1.png").arg(lang))));
            qInfo("screenshot: %s", qPrintable(QDir(m_shots).filePath(QStringLiteral("mainwindow-%1.png").arg(lang))));

            // ... in the inspector of a bridge port, ...
            const std::optional<Link> vetha = model.linkByName(QStringLiteral("vetha"));
            QVERIFY(vetha);
            window.selectNode(QStringLiteral("link:%1").arg(vetha->ifindex));
            QCoreApplication::processEvents();
            auto *tree = window.inspector()->findChild<QTreeWidget *>(QStringLiteral("inspectorTree"));
            QVERIFY(tree && tree->topLevelItemCount() > 0);
            const QString expectedSection = expected(lang, "Passerelle::InspectorPanel", "Bridge port");
            QVERIFY2(window.inspector()->lines().contains(expectedSection),
                     qPrintable(window.inspector()->lines().join(QLatin1Char('\n'))));
            cut = cutOffTexts(&window) + cutOffProperties(tree);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(window.grab().save(QDir(m_shots).filePath(QStringLiteral("mainwindow-inspector-%1.png").arg(lang))));

            // ... in the inspector of the bridge Docker uses, every Docker row
            // shown (settings given here: asking the helper is not this test's
            // business), ...
            const std::optional<Link> br0 = model.linkByName(QStringLiteral("br0"));
            QVERIFY(br0);
            window.inspector()->showNode(QStringLiteral("link:%1").arg(br0->ifindex));
            const QString daemon = QStringLiteral("/etc/docker/daemon.json");
            const QString opts = QStringLiteral("/etc/default/docker:DOCKER_OPTS");
            window.inspector()->setDockerSettings(DockerSettingList{
                {QStringLiteral("running-bridge"), QStringLiteral("docker0"), QStringLiteral("engine")},
                {QStringLiteral("bridge"), QStringLiteral("br0"), daemon},
                {QStringLiteral("bridge"), QStringLiteral("br0"), opts},
                {QStringLiteral("fixed-cidr"), QStringLiteral("10.77.0.192/26"), daemon},
                {QStringLiteral("default-gateway"), QStringLiteral("10.77.0.254"), daemon},
                {QStringLiteral("bip"), QStringLiteral("172.17.0.1/16"), daemon},
                {QStringLiteral("live-restore"), QStringLiteral("true"), daemon},
                {QStringLiteral("error"), QStringLiteral("permission denied"), QStringLiteral("/etc/systemd/system/docker.service.d")},
            });
            QCoreApplication::processEvents();
            const char *const ip = "Passerelle::InspectorPanel";
            const QStringList dockerLines = window.inspector()->lines();
            for (const char *property : {"Default network now on", "Default bridge set in", "Takes effect",
                                         "Containers' address range", "Containers' gateway",
                                         "Docker's own bridge address (bip)", "Live restore", "Conflict", "Cannot read",
                                         "Back to docker0"}) {
                const QString text = expected(lang, ip, property);
                QVERIFY2(!text.isEmpty() && std::any_of(dockerLines.cbegin(), dockerLines.cend(),
                                                        [&](const QString &l) { return l.startsWith(text + QLatin1Char(':')); }),
                         qPrintable(QStringLiteral("%1 not in:\n%2").arg(text, dockerLines.join(QLatin1Char('\n')))));
            }
            if (lang == QLatin1String("fr")) {
                // lines() joins property and value with ": " in every language.
                QVERIFY2(dockerLines.contains(QStringLiteral("Prend effet: au prochain redémarrage de Docker")),
                         qPrintable(dockerLines.join(QLatin1Char('\n'))));
                QCOMPARE(window.exposeAction()->text(), QStringLiteral("Exposer les conteneurs sur le réseau physique…"));
                QCOMPARE(window.resetDockerAction()->text(), QStringLiteral("Rendre à Docker son propre docker0…"));
                QVERIFY2(dockerLines.contains(
                             QStringLiteral("Revenir à docker0: menu Docker ▸ Rendre à Docker son propre docker0…")),
                         qPrintable(dockerLines.join(QLatin1Char('\n'))));
            }
            cut = cutOffTexts(&window) + cutOffProperties(tree);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(window.grab().save(QDir(m_shots).filePath(QStringLiteral("mainwindow-docker-%1.png").arg(lang))));

            // ... and in the table.
            window.showTable();
            QCoreApplication::processEvents();
            cut = cutOffTexts(&window) + cutOffColumns(window.table()->findChild<QTableView *>(QStringLiteral("interfaceTable")));
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(window.grab().save(QDir(m_shots).filePath(QStringLiteral("mainwindow-table-%1.png").arg(lang))));
        }
        model.stop();
    }

    // The preview of a change and the banner of a change on trial, with
    // their longest texts: nothing cut off either. No helper runs here: the
    // preview says so, which is the point of showing its options anyway.
    void editing_data()
    {
        mainWindow_data();
    }

    void editing()
    {
        QFETCH(QString, lang);
        uninstallTranslations();
        QCOMPARE(installTranslations(lang), lang);

        TopologyModel model;
        TopologyModel::Options options;
        options.docker = false;
        model.start(options);
        {
            MainWindow window(&model);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_VERIFY_WITH_TIMEOUT(window.isGraphReady(), 15000);

            window.editing()->requestChange(LinkChange::bridgePortIntoNew(QStringLiteral("em1"), QStringLiteral("br1")));
            ChangePreviewDialog *dialog = window.editing()->previewDialog();
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QTRY_VERIFY_WITH_TIMEOUT(dialog->planFailure().has_value() || dialog->isPlanReady(), 10000);
            QCOMPARE(dialog->findChild<QAbstractButton *>(QStringLiteral("askConfirm"))->text(),
                     expected(lang, "Passerelle::ChangePreviewDialog", "Ask me to confirm"));
            QCoreApplication::processEvents();
            QStringList cut = cutOffTexts(dialog);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(dialog->grab().save(QDir(m_shots).filePath(QStringLiteral("edit-preview-%1.png").arg(lang))));
            dialog->reject();
            QTRY_VERIFY(!window.editing()->previewDialog());

            // Giving Docker its docker0 back, from the Docker menu: the same
            // preview, without the confirmation Docker's changes never take.
            window.resetDockerAction()->trigger();
            dialog = window.editing()->previewDialog();
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QCOMPARE(dialog->change().kind, LinkChange::Kind::ResetDocker);
            QCOMPARE(dialog->windowTitle(), expected(lang, "LinkChangeText", "Give Docker its own docker0 back"));
            QVERIFY(dialog->findChild<QWidget *>(QStringLiteral("resetDockerNote"))->isVisible());
            QVERIFY(!dialog->findChild<QAbstractButton *>(QStringLiteral("askConfirm"))->isVisible());
            QCOMPARE(dialog->change().confirmTimeout, 0u);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->planFailure().has_value() || dialog->isPlanReady(), 10000);
            QCoreApplication::processEvents();
            cut = cutOffTexts(dialog);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(dialog->grab().save(QDir(m_shots).filePath(QStringLiteral("reset-docker-preview-%1.png").arg(lang))));
            dialog->reject();

            ConfirmBanner *banner = window.banner();
            banner->showPending(QStringLiteral("0123456789abcdef0123456789abcdef"),
                                LinkChange::bridgePortIntoNew(QStringLiteral("em1"), QStringLiteral("br1")).title(), 60);
            banner->setGateway(ConfirmBanner::Gateway::NoAnswer, QStringLiteral("192.0.2.1"));
            QCoreApplication::processEvents();
            cut = cutOffTexts(&window);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
            QVERIFY(window.grab().save(QDir(m_shots).filePath(QStringLiteral("edit-banner-%1.png").arg(lang))));
        }
        model.stop();
    }

    void cleanupTestCase()
    {
        uninstallTranslations();
        if (m_fx)
            NetnsFixture::leave();
        m_fx.reset();
    }
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
