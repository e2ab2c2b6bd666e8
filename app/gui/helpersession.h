// The GUI's line to passerelle-helper: LinkChange values turned into the
// matching asynchronous calls (previews with Plan or PlanDocker, changes, and
// Confirm, Revert, SetConfirmTimeout on the transaction they start), Docker's
// settings, and the helper's TransactionChanged and DockerProgress signals.
// No widgets: the window watches the pending calls it gets back.
#pragma once

#include "helperclient.h"
#include "linkchange.h"

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QObject>

#include <memory>

namespace Passerelle {

class HelperSession : public QObject
{
    Q_OBJECT
public:
    explicit HelperSession(const QDBusConnection &bus = QDBusConnection::systemBus(), QObject *parent = nullptr);
    ~HelperSession() override;

    HelperClient *client() const { return m_client.get(); }
    QDBusConnection bus() const { return m_bus; }

    // What CHANGE would do, read-only.
    QDBusPendingReply<HelperPlan> plan(const LinkChange &change);
    // Makes CHANGE; answers with the transaction's handle (s), or for
    // ResetDocker, which has none, with the steps done (a(sas)).
    QDBusPendingCall apply(const LinkChange &change);
    QDBusPendingCall confirm(const QString &transaction);
    QDBusPendingCall revert(const QString &transaction);
    QDBusPendingCall setConfirmTimeout(const QString &transaction, uint seconds);
    QDBusPendingReply<HelperPendingList> pending();
    // Docker's network settings and where each comes from (no password).
    QDBusPendingReply<DockerSettingList> dockerSettings();

    // Calls HANDLER(watcher) once CALL is finished, from the event loop,
    // unless CONTEXT is gone by then; the watcher goes afterwards. A call
    // that failed before it left (no bus) counts: Qt 6.4's watcher never
    // signals one that is finished already.
    template<typename Handler>
    static void whenFinished(const QDBusPendingCall &call, QObject *context, Handler handler)
    {
        auto *watcher = new QDBusPendingCallWatcher(call, context);
        auto run = [watcher, handler] {
            handler(watcher);
            watcher->deleteLater();
        };
        if (watcher->isFinished())
            QMetaObject::invokeMethod(watcher, run, Qt::QueuedConnection);
        else
            QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, run);
    }

Q_SIGNALS:
    // From the helper, for any transaction (only its owner knows which change it is).
    void transactionChanged(const QString &transaction, const QString &state, uint secondsLeft);
    // While Docker's configuration changes: "restarting", "waiting", "up", "done"...
    void dockerProgress(const QString &transaction, const QString &stage, const QStringList &parameters);

private Q_SLOTS:
    void onTransactionChanged(const QString &transaction, const QString &state, uint secondsLeft);
    void onDockerProgress(const QString &transaction, const QString &stage, const QStringList &parameters);

private:
    QDBusConnection m_bus;
    std::unique_ptr<HelperClient> m_client;
};

} // namespace Passerelle
