// Passerelle's main window: the live topology graph (or the table of
// interfaces), the inspector of the selected node, a filter box, zoom and
// export in the toolbar, and Docker's state in the status bar. Bridges are
// edited from the graph's menus and by drag and drop (GraphEditing), with
// the banner of a change on trial above the graph. The Docker menu opens
// the "expose containers on the physical network" wizard, and gives Docker
// its own docker0 back (previewed like any change).
#pragma once

#include "topologytypes.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace Passerelle {

class ConfirmBanner;
class GraphEditing;
class GraphView;
class InspectorPanel;
class InterfaceTable;
class TopologyModel;
class TopologyScene;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // The model is started by the caller and outlives the window.
    explicit MainWindow(TopologyModel *model, QWidget *parent = nullptr);
    ~MainWindow() override;

    TopologyScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    InspectorPanel *inspector() const { return m_inspector; }
    InterfaceTable *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *hideNonMatchingAction() const { return m_hideAction; }
    GraphEditing *editing() const { return m_editing; }
    ConfirmBanner *banner() const { return m_banner; }
    QAction *exposeAction() const { return m_exposeAction; }
    QAction *resetDockerAction() const { return m_resetDockerAction; }

    // The model answered and its graph is laid out and on screen.
    bool isGraphReady() const { return m_graphReady; }

    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportSvg(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    void showGraph();
    void showTable();
    void selectNode(const QString &key);

Q_SIGNALS:
    void graphReady();

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void graphApplied();
    void updateDockerStatus(const Passerelle::DockerStatus &status);
    void updateCounts();
    void exportInteractively(bool svg);
    void revealNode(const QString &key);
    // Asks the helper for Docker's settings, for the inspector of a bridge.
    void refreshDockerSettings();

    TopologyModel *m_model;
    TopologyScene *m_scene;
    GraphView *m_view;
    InterfaceTable *m_table;
    InspectorPanel *m_inspector;
    QTabWidget *m_tabs;
    ConfirmBanner *m_banner;
    GraphEditing *m_editing = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_dockerLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_relayoutAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
    QAction *m_hideAction = nullptr;
    QAction *m_graphAction = nullptr;
    QAction *m_tableAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_exposeAction = nullptr;
    QAction *m_resetDockerAction = nullptr;
    bool m_dockerSettingsAsked = false;
    bool m_graphReady = false;
};

} // namespace Passerelle
