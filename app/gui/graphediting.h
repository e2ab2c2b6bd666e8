// Editing the host's bridges from the graph: right-click menus and drops
// become LinkChange requests; each is previewed (ChangePreviewDialog), then
// sent to passerelle-helper asynchronously while the status bar shows
// progress and further edits wait; a refusal is told in plain words
// (ChangeErrorDialog). A change on trial puts up the ConfirmBanner, checks
// that the gateway still answers before Keep is offered, and follows the
// helper's TransactionChanged signal to its end. At start, a change still
// waiting from an earlier run or from passerellectl gets its banner too.
// "Expose containers on the physical network" goes the same way, from its
// wizard instead of the preview; keeping it sets Docker up, which the banner
// and the status bar follow through the helper's DockerProgress signal.
// Giving Docker its own docker0 back is previewed like any change, then
// made at once (no trial), its progress in the status bar.
#pragma once

#include "changepreviewdialog.h"
#include "exposewizard.h"
#include "gatewayprobe.h"
#include "helperclient.h"
#include "linkchange.h"
#include "topologytypes.h"

#include <QHash>
#include <QMenu>
#include <QObject>
#include <QPointer>

class QLabel;
class QMainWindow;
class QProgressBar;

namespace Passerelle {

class ConfirmBanner;
class GraphView;
class HelperSession;
class NodeMenus;
class PortDragHandler;
class TopologyModel;
class TopologyScene;

class GraphEditing : public QObject
{
    Q_OBJECT
public:
    // Waits this long after a change before asking the gateway, so that the
    // moved routes are in place.
    static constexpr int ProbeDelayMs = 600;

    GraphEditing(TopologyModel *model, TopologyScene *scene, GraphView *view, ConfirmBanner *banner,
                 QMainWindow *window, HelperSession *session);
    ~GraphEditing() override;

    NodeMenus *menus() const { return m_menus; }
    PortDragHandler *dragHandler() const { return m_drag; }
    HelperSession *session() const { return m_session; }
    // The preview being shown, and the context menu open, if any.
    ChangePreviewDialog *previewDialog() const { return m_dialog; }
    QMenu *contextMenu() const { return m_menu; }
    ExposeWizard *exposeWizard() const { return m_wizard; }

    // A call to the helper is on its way.
    bool isBusy() const { return m_busy; }
    // Why no new change can start now (empty when one can).
    QString blockedReason() const;

public Q_SLOTS:
    // Opens the preview of CHANGE; applying it is the dialog's Apply.
    void requestChange(const Passerelle::LinkChange &change);
    // Opens the expose wizard, PORT pre-selected when given.
    void requestExpose(const QString &port = QString());
    // Asks the helper, if it runs, for a change of ours waiting for confirmation.
    void refreshPending();

Q_SIGNALS:
    void busyChanged(bool busy);
    void contextMenuOpened(QMenu *menu);
    void previewOpened(Passerelle::ChangePreviewDialog *dialog);
    void exposeWizardOpened(Passerelle::ExposeWizard *wizard);
    // A step of Docker's reconfiguration, in words, as shown.
    void dockerProgressShown(const QString &text);
    // Docker's configuration may have changed (an exposure was kept or
    // failed, Docker's bridge was reset).
    void dockerConfigurationChanged();
    // A call came back: the change was made (it may still be on trial; no
    // handle for a ResetDocker), or refused.
    void changeApplied(const QString &transaction);
    void changeRefused(const Passerelle::HelperFailure &failure);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply(const LinkChange &change);
    void applied(const LinkChange &change, const QString &transaction);
    // ResetDockerBridge answered with STEPS: said in the status bar.
    void dockerReset(const HelperPlan &steps);
    void startTrial(const QString &transaction, const QString &what, uint secondsLeft);
    // Scrolls NAME's node into view once the graph shows it: a change may
    // lay out parts off screen, and a view the user moved is never re-fitted.
    void revealLink(const QString &name);
    void endTrial(const QString &state);
    void onTransactionChanged(const QString &transaction, const QString &state, uint secondsLeft);
    void onDockerProgress(const QString &transaction, const QString &stage, const QStringList &parameters);
    // Ends the banner's trial as STATEIFGONE when the helper no longer lists it.
    void settleFromPending(const QString &transaction, const QString &stateIfGone);
    void keep();
    void revert();
    void answerTrial(bool keep);
    void extend();
    void probeGateway(int attempt);
    std::optional<DefaultRoute> defaultGateway() const;
    void setBusy(bool busy, const QString &what = QString());
    void updateBlocked();
    bool showContextMenu(const QPoint &viewportPos, const QPoint &globalPos);
    ChangePreviewDialog::Context previewContext(const LinkChange &change) const;
    QStringList touchedLinks(const LinkChange &change) const;

    TopologyModel *m_model;
    TopologyScene *m_scene;
    GraphView *m_view;
    ConfirmBanner *m_banner;
    QMainWindow *m_window;
    HelperSession *m_session;
    NodeMenus *m_menus;
    PortDragHandler *m_drag;
    GatewayProbe m_probe;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;

    QPointer<ChangePreviewDialog> m_dialog;
    QPointer<QMenu> m_menu;
    QPointer<ExposeWizard> m_wizard;
    bool m_busy = false;
    bool m_applying = false;
    // What each of our transactions is, for the banner's words.
    QHash<QString, QString> m_titles;
    LinkChange m_trialChange;
    // Signals that arrived while a call was on its way, by handle: the
    // helper may announce a transaction before its reply reaches us.
    QHash<QString, std::pair<QString, uint>> m_early;
    bool m_pendingQueryRunning = false;
    std::optional<DefaultRoute> m_gatewayBefore;
};

} // namespace Passerelle
