#include "graphediting.h"

#include "changeerrordialog.h"
#include "confirmbanner.h"
#include "exposewizard.h"
#include "graphview.h"
#include "helperplantext.h"
#include "helperprotocol.h"
#include "helpersession.h"
#include "nodeitems.h"
#include "nodemenus.h"
#include "portdraghandler.h"
#include "topologymodel.h"
#include "topologyscene.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDBusPendingCallWatcher>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace Passerelle {

namespace {

constexpr int StatusMessageMs = 6000;
// SetConfirmTimeout's upper bound in the helper.
constexpr uint MaxTimeout = 3600;
// Tries to find the default route before saying there is none to check:
// right after a change the model may not have seen the moved route yet.
constexpr int ProbeAttempts = 4;
// How long after the countdown's end the pending list is asked, when the
// helper did not say how the trial ended.
constexpr int ExpiryCheckMs = 5000;

// The address an SSH session came in on, from the variable sshd sets.
QString remoteSessionAddress()
{
    const QStringList parts = qEnvironmentVariable("SSH_CONNECTION").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return parts.size() == 4 ? parts.at(2) : QString();
}

} // namespace

GraphEditing::GraphEditing(TopologyModel *model, TopologyScene *scene, GraphView *view, ConfirmBanner *banner,
                           QMainWindow *window, HelperSession *session)
    : QObject(window)
    , m_model(model)
    , m_scene(scene)
    , m_view(view)
    , m_banner(banner)
    , m_window(window)
    , m_session(session)
    , m_menus(new NodeMenus(model, this))
    , m_drag(new PortDragHandler(model, scene, view, this))
{
    m_progress = new QProgressBar(window);
    m_progress->setObjectName(QStringLiteral("changeProgress"));
    m_progress->setRange(0, 0);   // busy: the helper does not report steps
    m_progress->setMaximumWidth(window->fontMetrics().averageCharWidth() * 16);
    m_progress->setMaximumHeight(window->fontMetrics().height());
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_progressLabel = new QLabel(window);
    m_progressLabel->setObjectName(QStringLiteral("changeProgressLabel"));
    m_progressLabel->hide();
    window->statusBar()->insertPermanentWidget(0, m_progressLabel);
    window->statusBar()->insertPermanentWidget(0, m_progress);

    view->viewport()->installEventFilter(this);
    connect(m_menus, &NodeMenus::changeRequested, this, &GraphEditing::requestChange);
    connect(m_menus, &NodeMenus::exposeRequested, this, &GraphEditing::requestExpose);
    connect(m_session, &HelperSession::dockerProgress, this, &GraphEditing::onDockerProgress);
    connect(m_drag, &PortDragHandler::dropped, this, [this](const QString &port, const QString &bridge) {
        requestChange(LinkChange::bridgePort(port, bridge));
    });
    connect(m_session, &HelperSession::transactionChanged, this, &GraphEditing::onTransactionChanged);
    connect(m_banner, &ConfirmBanner::keepRequested, this, &GraphEditing::keep);
    connect(m_banner, &ConfirmBanner::revertRequested, this, &GraphEditing::revert);
    connect(m_banner, &ConfirmBanner::extendRequested, this, &GraphEditing::extend);
    connect(m_banner, &ConfirmBanner::recheckRequested, this, [this] { probeGateway(0); });
    // Should the helper's signal never come (it died; its rollback agent
    // reverts), the pending list tells how the trial ended.
    connect(m_banner, &ConfirmBanner::expired, this, [this] {
        QTimer::singleShot(ExpiryCheckMs, this, [this, transaction = m_banner->transaction()] {
            // Not while Keep is on its way: its answer tells.
            if (m_banner->transaction() != transaction || m_busy)
                return;
            settleFromPending(transaction, QStringLiteral("reverted"));
        });
    });
    connect(&m_probe, &GatewayProbe::finished, this, [this](GatewayProbe::Result result) {
        if (!m_banner->isPending())
            return;
        m_banner->setGateway(result == GatewayProbe::Result::Answered ? ConfirmBanner::Gateway::Answers
                                                                      : ConfirmBanner::Gateway::NoAnswer,
                             m_probe.address());
    });
}

GraphEditing::~GraphEditing()
{
    if (m_busy)
        QApplication::restoreOverrideCursor();
}

QString GraphEditing::blockedReason() const
{
    if (m_busy)
        return tr("A change is being applied…");
    if (m_banner->isPending())
        return tr("A change waits for your answer at the top of the window");
    return QString();
}

void GraphEditing::updateBlocked()
{
    const QString reason = blockedReason();
    m_menus->setBlockedReason(reason);
    m_drag->setEnabled(reason.isEmpty());
}

void GraphEditing::setBusy(bool busy, const QString &what)
{
    m_progressLabel->setText(what);
    if (busy == m_busy)
        return;
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    // The window stays usable (the polkit prompt may take a while): an
    // arrow with a busy sign, not a wait cursor.
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
    updateBlocked();
    Q_EMIT busyChanged(busy);
}

bool GraphEditing::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::ContextMenu) {
        auto *e = static_cast<QContextMenuEvent *>(event);
        // From the keyboard: the menu of the selected node, at its card.
        if (e->reason() == QContextMenuEvent::Keyboard) {
            if (const NodeItem *selected = m_scene->nodeItem(m_scene->selectedKey())) {
                const QPoint at = m_view->mapFromScene(selected->sceneCardRect().center());
                return showContextMenu(at, m_view->viewport()->mapToGlobal(at));
            }
        }
        return showContextMenu(e->pos(), e->globalPos());
    }
    return false;
}

bool GraphEditing::showContextMenu(const QPoint &viewportPos, const QPoint &globalPos)
{
    updateBlocked();
    NodeItem *node = nullptr;
    const QList<QGraphicsItem *> items = m_view->items(viewportPos);
    for (QGraphicsItem *item : items) {
        auto *n = dynamic_cast<NodeItem *>(item);
        if (n && n->isVisible()) {
            node = n;
            break;
        }
    }
    QMenu *menu = nullptr;
    if (node) {
        m_scene->selectNode(node->key());
        menu = m_menus->menuForNode(node->node(), m_view);
    } else {
        menu = m_menus->menuForBackground(m_view);
    }
    if (!menu)
        return true;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_menu = menu;
    menu->popup(globalPos);
    Q_EMIT contextMenuOpened(menu);
    return true;
}

QStringList GraphEditing::touchedLinks(const LinkChange &c) const
{
    QStringList names;
    switch (c.kind) {
    case LinkChange::Kind::BridgePort:
    case LinkChange::Kind::AddPort:
    case LinkChange::Kind::RemovePort:
    case LinkChange::Kind::Expose:
        names = {c.link, c.bridge};
        break;
    case LinkChange::Kind::DeleteBridge:
        names = {c.bridge};
        if (const std::optional<Link> bridge = m_model->linkByName(c.bridge)) {
            for (const Link &l : m_model->links()) {
                if (l.masterIndex == bridge->ifindex)
                    names.append(l.name);
            }
        }
        break;
    case LinkChange::Kind::SetLinkUp:
        names = {c.link};
        break;
    case LinkChange::Kind::SetStp:
        names = {c.bridge};
        break;
    case LinkChange::Kind::CreateBridge:
    case LinkChange::Kind::ResetDocker:
        break;
    }
    return names;
}

ChangePreviewDialog::Context GraphEditing::previewContext(const LinkChange &change) const
{
    ChangePreviewDialog::Context context;
    const QStringList touched = touchedLinks(change);
    const QString remote = remoteSessionAddress();
    for (const QString &name : touched) {
        const std::optional<Link> link = m_model->linkByName(name);
        if (!link)
            continue;
        const QList<DefaultRoute> routes = m_model->defaultRoutes();
        const bool carriesDefault = std::any_of(routes.cbegin(), routes.cend(),
                                                [&](const DefaultRoute &r) { return r.oifIndex == link->ifindex; });
        const bool carriesRemote = !remote.isEmpty()
            && std::any_of(link->addresses.cbegin(), link->addresses.cend(),
                           [&](const Address &a) { return a.local == remote; });
        if (carriesRemote) {
            context.confirmationReason = tr("your remote session arrives through %1.").arg(name);
            break;
        }
        if (carriesDefault) {
            context.confirmationReason = tr("%1 carries the default route.").arg(name);
            break;
        }
    }
    if (change.kind == LinkChange::Kind::BridgePort) {
        if (const std::optional<Link> port = m_model->linkByName(change.link)) {
            for (const Address &a : port->addresses) {
                if (a.scope == QLatin1String("global"))
                    context.portAddresses.append(TopologyText::addressText(a));
            }
        }
    }
    return context;
}

void GraphEditing::requestChange(const LinkChange &change)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const QString reason = blockedReason();
    if (!reason.isEmpty()) {
        m_window->statusBar()->showMessage(reason, StatusMessageMs);
        return;
    }
    auto *dialog = new ChangePreviewDialog(m_session, change, previewContext(change), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { apply(dialog->change()); });
    dialog->open();
    Q_EMIT previewOpened(dialog);
}

void GraphEditing::requestExpose(const QString &port)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    const QString reason = blockedReason();
    if (!reason.isEmpty()) {
        m_window->statusBar()->showMessage(reason, StatusMessageMs);
        return;
    }
    auto *wizard = new ExposeWizard(m_model, m_session, port, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard = wizard;
    connect(wizard, &QDialog::accepted, this, [this, wizard] { apply(wizard->change()); });
    wizard->open();
    Q_EMIT exposeWizardOpened(wizard);
}

void GraphEditing::onDockerProgress(const QString &transaction, const QString &stage, const QStringList &parameters)
{
    // Ours: the exposure being kept (or, with no handle, the reset of
    // Docker's bridge we wait an answer for). Other clients' restarts are
    // not news here.
    const bool ours = !transaction.isEmpty() ? transaction == m_banner->transaction() : m_busy;
    if (!ours)
        return;
    const QString text = HelperPlanText::progress(stage, parameters);
    if (m_busy)
        setBusy(true, text);
    if (m_banner->isPending())
        m_banner->showProgress(tr("Setting Docker up…"), text);
    Q_EMIT dockerProgressShown(text);
}

void GraphEditing::apply(const LinkChange &change)
{
    if (m_busy)
        return;
    setBusy(true, tr("%1…", "a change on its way, such as \"Bridge em1 into br0…\"").arg(change.title()));
    m_applying = true;
    m_gatewayBefore = defaultGateway();
    m_early.clear();
    const QPointer<GraphEditing> guard(this);
    const QDBusPendingCall call = m_session->apply(change);
    HelperSession::whenFinished(call, this, [this, guard, change](QDBusPendingCallWatcher *watcher) {
        if (!guard)
            return;
        m_applying = false;
        setBusy(false);
        if (const std::optional<HelperFailure> failure = HelperClient::failureOf(*watcher)) {
            m_early.clear();
            ChangeErrorDialog::show(m_window, ChangeErrorDialog::Step::Apply, change, *failure);
            // A failed reset may still have restarted Docker (and put it back).
            if (change.kind == LinkChange::Kind::ResetDocker)
                Q_EMIT dockerConfigurationChanged();
            Q_EMIT changeRefused(*failure);
            return;
        }
        if (change.kind == LinkChange::Kind::ResetDocker) {
            const QDBusPendingReply<HelperPlan> steps = *watcher;
            dockerReset(steps.value());
            return;
        }
        const QDBusPendingReply<QString> reply = *watcher;
        applied(change, reply.value());
    });
}

void GraphEditing::dockerReset(const HelperPlan &steps)
{
    const auto has = [&steps](const char *name) {
        return std::any_of(steps.cbegin(), steps.cend(),
                           [name](const HelperPlanStep &s) { return s.name == QLatin1String(name); });
    };
    // Final at once: no trial, the status bar tells the outcome.
    QString text;
    if (has("RestartDocker"))
        text = tr("Done: Docker uses its own docker0 again.");
    else if (has("EditDaemonConfig"))
        text = tr("Done: Docker uses its own docker0 again from its next start.");
    else
        text = tr("Nothing to change: Docker already uses its own docker0.");
    m_window->statusBar()->showMessage(text, StatusMessageMs * 2);
    Q_EMIT changeApplied(QString());
    Q_EMIT dockerConfigurationChanged();
}

void GraphEditing::applied(const LinkChange &change, const QString &transaction)
{
    m_titles.insert(transaction, change.title());
    const auto early = m_early.take(transaction);
    m_early.clear();
    Q_EMIT changeApplied(transaction);
    revealLink(change.bridge.isEmpty() ? change.link : change.bridge);
    if (early.first == QLatin1String("pending")) {
        m_trialChange = change;
        startTrial(transaction, change.title(), early.second);
        return;
    }
    if (!early.first.isEmpty() && early.first != QLatin1String("committed")) {
        m_banner->showOutcome(early.first == QLatin1String("failed") ? ConfirmBanner::Outcome::Failed
                                                                     : ConfirmBanner::Outcome::Reverted,
                              change.title());
        return;
    }
    // No signal seen (yet): the pending list says whether it is on trial.
    const QPointer<GraphEditing> guard(this);
    const QDBusPendingCall call = m_session->pending();
    HelperSession::whenFinished(call, this, [this, guard, change, transaction](QDBusPendingCallWatcher *watcher) {
        if (!guard)
            return;
        const QDBusPendingReply<HelperPendingList> reply = *watcher;
        if (!reply.isError()) {
            for (const HelperPendingTransaction &p : reply.value()) {
                if (p.transaction == transaction) {
                    if (m_banner->transaction() != transaction) {
                        m_trialChange = change;
                        startTrial(transaction, change.title(), p.secondsLeft);
                    }
                    return;
                }
            }
        }
        if (m_banner->transaction() != transaction)
            m_window->statusBar()->showMessage(tr("Done: %1").arg(change.title()), StatusMessageMs);
    });
}

void GraphEditing::settleFromPending(const QString &transaction, const QString &stateIfGone)
{
    const QDBusPendingCall call = m_session->pending();
    const QPointer<GraphEditing> guard(this);
    HelperSession::whenFinished(call, this, [this, guard, transaction, stateIfGone](QDBusPendingCallWatcher *watcher) {
        if (!guard)
            return;
        const QDBusPendingReply<HelperPendingList> reply = *watcher;
        if (reply.isError() || m_banner->transaction() != transaction)
            return;
        const HelperPendingList pending = reply.value();
        const bool still = std::any_of(pending.cbegin(), pending.cend(), [&](const HelperPendingTransaction &p) {
            return p.transaction == transaction;
        });
        if (!still)
            endTrial(stateIfGone);
    });
}

void GraphEditing::refreshPending()
{
    if (m_pendingQueryRunning || !m_session->bus().isConnected())
        return;
    m_pendingQueryRunning = true;
    // Only when the helper runs: it never exits while a change waits, and
    // asking would otherwise start a root process for nothing.
    QDBusMessage hasOwner = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"));
    hasOwner.setArguments({QString(HelperProtocol::ServiceName)});
    const QPointer<GraphEditing> guard(this);
    const QDBusPendingCall call = m_session->bus().asyncCall(hasOwner);
    HelperSession::whenFinished(call, this, [this, guard](QDBusPendingCallWatcher *ownerWatcher) {
        if (!guard)
            return;
        const QDBusPendingReply<bool> running = *ownerWatcher;
        if (running.isError() || !running.value()) {
            m_pendingQueryRunning = false;
            return;
        }
        HelperSession::whenFinished(m_session->pending(), this, [this, guard](QDBusPendingCallWatcher *watcher) {
            if (!guard)
                return;
            m_pendingQueryRunning = false;
            const QDBusPendingReply<HelperPendingList> reply = *watcher;
            if (reply.isError() || reply.value().isEmpty() || m_banner->isPending() || m_busy)
                return;
            const HelperPendingTransaction p = reply.value().constFirst();
            LinkChange change;
            QString what = m_titles.value(p.transaction);
            if (what.isEmpty()) {
                what = LinkChange::fromPending(p.method, p.parameters, &change)
                    ? change.title()
                    : tr("A change made elsewhere (%1)").arg(p.method);
            }
            m_trialChange = change;
            startTrial(p.transaction, what, p.secondsLeft);
        });
    });
}

void GraphEditing::revealLink(const QString &name)
{
    if (name.isEmpty())
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    const auto reveal = [this, name, connection] {
        const std::optional<Link> link = m_model->linkByName(name);
        NodeItem *item = link ? m_scene->nodeItem(TopologyGraph::linkKey(link->ifindex)) : nullptr;
        if (!item)
            return false;   // not drawn yet: the next update may bring it
        m_view->ensureVisible(item->sceneCardRect(), 48, 48);
        QObject::disconnect(*connection);
        return true;
    };
    if (reveal())
        return;
    *connection = connect(m_scene, &TopologyScene::graphApplied, this, reveal);
    // A link that never comes (a failed change) stops being awaited.
    QTimer::singleShot(10000, this, [connection] { QObject::disconnect(*connection); });
}

void GraphEditing::startTrial(const QString &transaction, const QString &what, uint secondsLeft)
{
    m_titles.insert(transaction, what);
    m_banner->showPending(transaction, what, secondsLeft);
    updateBlocked();
    QTimer::singleShot(ProbeDelayMs, this, [this, transaction] {
        if (m_banner->transaction() == transaction)
            probeGateway(0);
    });
}

std::optional<DefaultRoute> GraphEditing::defaultGateway() const
{
    // The main table's default route with the lowest metric, IPv4 first.
    std::optional<DefaultRoute> best;
    for (const DefaultRoute &r : m_model->defaultRoutes()) {
        if (r.gateway.isEmpty() || r.table != 254)
            continue;
        const auto rank = [](const DefaultRoute &x) { return std::make_pair(x.family == 2 ? 0 : 1, x.metric); };
        if (!best || rank(r) < rank(*best))
            best = r;
    }
    return best;
}

void GraphEditing::probeGateway(int attempt)
{
    if (!m_banner->isPending())
        return;
    std::optional<DefaultRoute> gateway = defaultGateway();
    if (!gateway) {
        if (attempt + 1 < ProbeAttempts) {
            m_banner->setGateway(ConfirmBanner::Gateway::Checking);
            QTimer::singleShot(ProbeDelayMs, this, [this, attempt] { probeGateway(attempt + 1); });
            return;
        }
        // The gateway of before the change: the one that should still answer.
        gateway = m_gatewayBefore;
    }
    if (!gateway) {
        m_banner->setGateway(ConfirmBanner::Gateway::NoGateway);
        return;
    }
    m_banner->setGateway(ConfirmBanner::Gateway::Checking, gateway->gateway);
    // A link-local IPv6 gateway needs its interface; that of before the
    // change may be a port now, and the route lookup finds the way itself.
    const bool linkLocal = gateway->gateway.startsWith(QLatin1String("fe80:"), Qt::CaseInsensitive);
    m_probe.start(gateway->gateway, linkLocal ? gateway->oifIndex : 0);
}

void GraphEditing::onTransactionChanged(const QString &transaction, const QString &state, uint secondsLeft)
{
    if (transaction == m_banner->transaction()) {
        if (state == QLatin1String("pending"))
            m_banner->setSecondsLeft(secondsLeft);
        else
            endTrial(state);
        return;
    }
    if (m_applying) {
        m_early.insert(transaction, {state, secondsLeft});
        return;
    }
    // Perhaps ours from passerellectl (another user's is not listed to us).
    if (state == QLatin1String("pending") && !m_banner->isPending())
        refreshPending();
}

void GraphEditing::endTrial(const QString &state)
{
    const QString what = m_titles.value(m_banner->transaction());
    m_probe.cancel();
    if (state == QLatin1String("committed"))
        m_banner->showOutcome(ConfirmBanner::Outcome::Kept, what);
    else if (state == QLatin1String("failed"))
        m_banner->showOutcome(ConfirmBanner::Outcome::Failed, what);
    else
        m_banner->showOutcome(ConfirmBanner::Outcome::Reverted, what);
    updateBlocked();
}

void GraphEditing::keep()
{
    answerTrial(true);
}

void GraphEditing::revert()
{
    answerTrial(false);
}

// The banner's two answers differ only in the call made and the words shown.
void GraphEditing::answerTrial(bool keep)
{
    const QString transaction = m_banner->transaction();
    if (transaction.isEmpty() || m_busy)
        return;
    m_banner->setBusy(true);
    // Keeping an exposure sets Docker up before the helper answers: a
    // restart, up to a minute, told by DockerProgress.
    const bool docker = keep && m_trialChange.kind == LinkChange::Kind::Expose;
    if (docker)
        m_banner->showProgress(tr("Setting Docker up…"), tr("Keeping the network changes, then reconfiguring Docker; "
                                                           "a restart of Docker can take a minute."));
    setBusy(true, docker ? tr("Setting Docker up…") : keep ? tr("Keeping the changes…") : tr("Reverting the changes…"));
    const QPointer<GraphEditing> guard(this);
    const QDBusPendingCall call = keep ? m_session->confirm(transaction) : m_session->revert(transaction);
    HelperSession::whenFinished(call, this, [this, guard, transaction, keep, docker](QDBusPendingCallWatcher *watcher) {
        if (!guard)
            return;
        setBusy(false);
        if (docker)
            Q_EMIT dockerConfigurationChanged();
        if (const std::optional<HelperFailure> failure = HelperClient::failureOf(*watcher)) {
            m_banner->setBusy(false);
            ChangeErrorDialog::show(m_window, keep ? ChangeErrorDialog::Step::Keep : ChangeErrorDialog::Step::Revert,
                                    m_trialChange, *failure);
            // A failed Docker part puts the network back too: the trial is over.
            if (docker && m_banner->transaction() == transaction)
                settleFromPending(transaction, QStringLiteral("failed"));
            return;
        }
        if (m_banner->transaction() == transaction)
            endTrial(keep ? QStringLiteral("committed") : QStringLiteral("reverted"));
    });
}

void GraphEditing::extend()
{
    const QString transaction = m_banner->transaction();
    if (transaction.isEmpty() || m_busy)
        return;
    const uint seconds = std::min<uint>(uint(std::max(m_banner->secondsLeft(), 0)) + ConfirmBanner::ExtendSeconds,
                                        MaxTimeout);
    m_banner->setBusy(true);
    const QPointer<GraphEditing> guard(this);
    const QDBusPendingCall call = m_session->setConfirmTimeout(transaction, seconds);
    HelperSession::whenFinished(call, this, [this, guard, transaction, seconds](QDBusPendingCallWatcher *watcher) {
        if (!guard)
            return;
        if (m_banner->transaction() != transaction)
            return;
        m_banner->setBusy(false);
        if (const std::optional<HelperFailure> failure = HelperClient::failureOf(*watcher)) {
            ChangeErrorDialog::show(m_window, ChangeErrorDialog::Step::Extend, m_trialChange, *failure);
            return;
        }
        m_banner->setSecondsLeft(seconds);
    });
}

} // namespace Passerelle
