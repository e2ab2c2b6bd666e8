#include "mainwindow.h"

#include "confirmbanner.h"
#include "graphediting.h"
#include "graphexport.h"
#include "graphview.h"
#include "helpersession.h"
#include "inspectorpanel.h"
#include "interfacetable.h"
#include "languagemenu.h"
#include "nodeitems.h"
#include "topologymodel.h"
#include "topologyscene.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Passerelle {

MainWindow::MainWindow(TopologyModel *model, QWidget *parent)
    : QMainWindow(parent)
    , m_model(model)
    , m_scene(new TopologyScene(model, this))
    , m_view(new GraphView(this))
    , m_table(new InterfaceTable(model, this))
    , m_inspector(new InspectorPanel(model, this))
    , m_tabs(new QTabWidget(this))
    , m_banner(new ConfirmBanner(this))
{
    setWindowTitle(tr("Passerelle"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("org.passerelle.Passerelle"),
                                   QIcon(QStringLiteral(":/icons/org.passerelle.Passerelle.svg"))));
    m_view->setScene(m_scene);
    m_view->setObjectName(QStringLiteral("graphView"));

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Graph"));
    m_tabs->addTab(m_table, tr("Interfaces"));
    // The banner of a change on trial sits above the graph, hidden otherwise.
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Inspector"), this);
    dock->setObjectName(QStringLiteral("inspectorDock"));
    dock->setWidget(m_inspector);
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // Wide enough for the longest property names, in French too.
    m_inspector->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // Room for an IPv6 address or a container id next to its label.
    resizeDocks({dock}, {fontMetrics().averageCharWidth() * 62}, Qt::Horizontal);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    auto *session = new HelperSession(QDBusConnection::systemBus(), this);
    m_editing = new GraphEditing(m_model, m_scene, m_view, m_banner, this, session);
    // A change made earlier (or by passerellectl) may still wait for an answer.
    m_editing->refreshPending();

    connect(m_scene, &TopologyScene::graphApplied, this, &MainWindow::graphApplied);
    connect(m_scene, &TopologyScene::selectedKeyChanged, this, [this](const QString &key) {
        m_inspector->showNode(key);
        m_table->selectNode(key);
        // Asked once a bridge is looked at, not at start: the question
        // starts the helper, a root process, which nothing else needs yet.
        if (!m_dockerSettingsAsked && m_inspector->showsDockerBridge())
            refreshDockerSettings();
    });
    connect(m_exposeAction, &QAction::triggered, m_editing, [this] { m_editing->requestExpose(); });
    connect(m_resetDockerAction, &QAction::triggered, m_editing,
            [this] { m_editing->requestChange(LinkChange::resetDocker()); });
    connect(m_editing, &GraphEditing::dockerConfigurationChanged, this, &MainWindow::refreshDockerSettings);
    // Docker back after a restart: its running bridge may be another.
    connect(m_model, &TopologyModel::dockerStatusChanged, this, [this](const DockerStatus &status) {
        if (m_dockerSettingsAsked && status.state == DockerStatus::State::Connected)
            refreshDockerSettings();
    });
    connect(m_table, &InterfaceTable::nodeSelected, this, &MainWindow::selectNode);
    connect(m_table, &InterfaceTable::nodeActivated, this, &MainWindow::revealNode);
    connect(m_model, &TopologyModel::dockerStatusChanged, this, &MainWindow::updateDockerStatus);
    connect(m_model, &TopologyModel::netlinkFailed, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Cannot follow the network interfaces: %1").arg(reason));
    });
    connect(m_model, &TopologyModel::ready, this, [this] { statusBar()->clearMessage(); });

    updateDockerStatus(m_model->dockerStatus());
    if (!m_model->isReady())
        statusBar()->showMessage(tr("Reading the network topology…"));
    resize(1280, 820);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const char *icon, const QKeySequence &shortcut) {
        auto *action = new QAction(QIcon::fromTheme(QLatin1String(icon)), text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        return action;
    };
    m_zoomInAction = make(tr("Zoom In"), "zoom-in", QKeySequence::ZoomIn);
    m_zoomOutAction = make(tr("Zoom Out"), "zoom-out", QKeySequence::ZoomOut);
    m_fitAction = make(tr("Fit to Window"), "zoom-fit-best", QKeySequence(Qt::CTRL | Qt::Key_0));
    m_relayoutAction = make(tr("Refresh Layout"), "view-refresh", QKeySequence::Refresh);
    m_relayoutAction->setToolTip(tr("Lay the whole graph out again, closing the gaps left by removed nodes"));
    m_exportPngAction = make(tr("Export PNG…"), "image-x-generic", QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportSvgAction = make(tr("Export SVG…"), "image-x-generic", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_hideAction = make(tr("Hide Non-Matching"), "view-filter", QKeySequence());
    m_hideAction->setCheckable(true);
    m_hideAction->setToolTip(tr("Hide the nodes that do not match the filter instead of fading them"));
    m_graphAction = make(tr("Graph"), "", QKeySequence(Qt::CTRL | Qt::Key_1));
    m_tableAction = make(tr("Interface Table"), "", QKeySequence(Qt::CTRL | Qt::Key_2));
    m_quitAction = make(tr("Quit"), "application-exit", QKeySequence::Quit);
    m_exposeAction = make(tr("Expose Containers on the Physical Network…"), "network-wired", QKeySequence());
    m_exposeAction->setObjectName(QStringLiteral("exposeAction"));
    m_exposeAction->setToolTip(tr("Bridge a physical port and put Docker's containers on its network"));
    // Always offered: the preview says when there is nothing to change, and
    // knowing beforehand would start the helper at every launch.
    m_resetDockerAction = make(tr("Give Docker Its Own docker0 Back…"), "edit-undo", QKeySequence());
    m_resetDockerAction->setObjectName(QStringLiteral("resetDockerAction"));
    m_resetDockerAction->setToolTip(tr("Take Docker's default network off the bridge it was given, back onto "
                                       "docker0; the bridge itself stays"));

    connect(m_zoomInAction, &QAction::triggered, this, [this] { showGraph(); m_view->zoomIn(); });
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { showGraph(); m_view->zoomOut(); });
    connect(m_fitAction, &QAction::triggered, this, [this] { showGraph(); m_view->fitToWindow(); });
    connect(m_relayoutAction, &QAction::triggered, m_scene, &TopologyScene::relayout);
    connect(m_exportPngAction, &QAction::triggered, this, [this] { exportInteractively(false); });
    connect(m_exportSvgAction, &QAction::triggered, this, [this] { exportInteractively(true); });
    connect(m_hideAction, &QAction::toggled, m_scene, &TopologyScene::setHideNonMatching);
    connect(m_graphAction, &QAction::triggered, this, &MainWindow::showGraph);
    connect(m_tableAction, &QAction::triggered, this, &MainWindow::showTable);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_exportPngAction);
    file->addAction(m_exportSvgAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_graphAction);
    view->addAction(m_tableAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addAction(m_relayoutAction);
    view->addSeparator();
    view->addAction(m_hideAction);
    view->addAction(findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->toggleViewAction());
    view->addSeparator();
    view->addMenu(new LanguageMenu(this));

    QMenu *docker = menuBar()->addMenu(tr("&Docker"));
    docker->addAction(m_exposeAction);
    docker->addAction(m_resetDockerAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter: name, MAC, address, container…"));
    m_filter->setClearButtonEnabled(true);
    // Room for the hint, in French too, without eating the whole toolbar.
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(m_filter->placeholderText()) + 48);
    m_filter->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    m_filter->setToolTip(tr("Nodes containing every word are highlighted, the others fade"));
    connect(m_filter, &QLineEdit::textChanged, m_scene, &TopologyScene::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, m_table, &InterfaceTable::setFilterText);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(focusFilter);

    bar->addWidget(m_filter);
    bar->addAction(m_hideAction);
    bar->addSeparator();
    bar->addAction(m_zoomInAction);
    bar->addAction(m_zoomOutAction);
    bar->addAction(m_fitAction);
    bar->addAction(m_relayoutAction);
    bar->addSeparator();
    bar->addAction(m_exportPngAction);
    bar->addAction(m_exportSvgAction);
}

void MainWindow::createStatusBar()
{
    m_dockerLabel = new QLabel(this);
    m_dockerLabel->setObjectName(QStringLiteral("dockerStatus"));
    m_dockerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("linkCounts"));
    statusBar()->addPermanentWidget(m_dockerLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::showGraph()
{
    m_tabs->setCurrentWidget(m_view);
}

void MainWindow::showTable()
{
    m_tabs->setCurrentWidget(m_table);
}

void MainWindow::selectNode(const QString &key)
{
    m_scene->selectNode(key);
}

void MainWindow::revealNode(const QString &key)
{
    showGraph();
    m_scene->selectNode(key);
    if (NodeItem *item = m_scene->nodeItem(key))
        m_view->centerOnRect(item->sceneCardRect());
}

void MainWindow::graphApplied()
{
    m_inspector->refresh();
    updateCounts();
    if (!m_graphReady && m_model->isReady()) {
        m_graphReady = true;
        if (!m_view->userMoved())
            m_view->fitToWindow();
        Q_EMIT graphReady();
    }
}

void MainWindow::updateDockerStatus(const DockerStatus &status)
{
    QString text;
    QString color;
    switch (status.state) {
    case DockerStatus::State::Connected:
        text = status.apiVersion.isEmpty() ? tr("Docker: connected")
                                           : tr("Docker: connected (API %1)").arg(status.apiVersion);
        color = QStringLiteral("#2e7d32");
        break;
    case DockerStatus::State::Connecting:
        text = tr("Docker: connecting to %1…").arg(status.endpoint);
        break;
    case DockerStatus::State::Unavailable:
        text = status.reason.isEmpty() ? tr("Docker: unavailable")
                                       : tr("Docker: unavailable — %1").arg(status.reason);
        color = QStringLiteral("#b26a00");
        break;
    case DockerStatus::State::Unknown:
        text = tr("Docker: not queried");
        break;
    }
    m_dockerLabel->setText(text);
    m_dockerLabel->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1").arg(color));
    m_dockerLabel->setToolTip(status.endpoint.isEmpty() ? text : tr("%1\nEndpoint: %2").arg(text, status.endpoint));
}

void MainWindow::refreshDockerSettings()
{
    m_dockerSettingsAsked = true;
    const QPointer<MainWindow> guard(this);
    HelperSession::whenFinished(m_editing->session()->dockerSettings(), this,
                                [this, guard](QDBusPendingCallWatcher *watcher) {
                                    if (!guard)
                                        return;
                                    const QDBusPendingReply<DockerSettingList> reply = *watcher;
                                    m_inspector->setDockerSettings(reply.isError()
                                                                       ? std::nullopt
                                                                       : std::optional<DockerSettingList>(reply.value()));
                                });
}

void MainWindow::updateCounts()
{
    int interfaces = 0;
    int bridges = 0;
    int veths = 0;
    int containers = 0;
    for (const GraphNode &n : m_scene->graph().nodes) {
        if (n.ifindex > 0)
            ++interfaces;
        if (n.kind == NodeKind::Bridge)
            ++bridges;
        else if (n.kind == NodeKind::Veth)
            ++veths;
        else if (n.kind == NodeKind::Container)
            ++containers;
    }
    m_countsLabel->setText(tr("Interfaces: %1 · Bridges: %2 · Veths: %3 · Containers: %4")
                               .arg(interfaces)
                               .arg(bridges)
                               .arg(veths)
                               .arg(containers));
}

bool MainWindow::exportPng(const QString &path, QString *error)
{
    return GraphExport::toPng(m_scene, path, error);
}

bool MainWindow::exportSvg(const QString &path, QString *error)
{
    return GraphExport::toSvg(m_scene, path, error);
}

void MainWindow::exportInteractively(bool svg)
{
    const QString suffix = svg ? QStringLiteral("svg") : QStringLiteral("png");
    QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export Graph as SVG") : tr("Export Graph as PNG"),
        QDir::home().filePath(QStringLiteral("topology.") + suffix),
        svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    const bool ok = svg ? exportSvg(path, &error) : exportPng(path, &error);
    if (!ok) {
        QMessageBox::warning(this, tr("Export Failed"), error);
        return;
    }
    statusBar()->showMessage(tr("Graph saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

} // namespace Passerelle
