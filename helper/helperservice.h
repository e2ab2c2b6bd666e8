// The object behind org.passerelle.Helper1 on the system bus, parent of the
// adaptor generated from resources/org.passerelle.Helper1.xml.
//
// Every changing call goes the same way: authorize the sender of the
// message with polkit (before its arguments are looked at), then hand the
// operation to the TransactionRunner (names validated, planned on a fresh
// snapshot, journaled, applied, confirmed or undone) and reply with the
// transaction's handle. Confirm, Revert and SetConfirmTimeout are authorized
// the same way and only act on a transaction of the caller's own user. The
// reply is delayed while polkit answers, so the helper keeps serving other
// callers meanwhile. After the configured idle time without a call in
// progress or a change waiting for confirmation it releases its name and
// asks to quit.
#pragma once

#include "helperconfig.h"
#include "helpererrors.h"
#include "helpertypes.h"
#include "operation.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Passerelle {

class DockerSetup;
class PolkitAuthorizer;
class TransactionRunner;
struct DockerRequest;
struct NetState;

class HelperService : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_PROPERTY(QString Version READ version)
public:
    HelperService(const HelperConfig &config, const QDBusConnection &bus, QObject *parent = nullptr);
    ~HelperService() override;

    // Exports the object and takes the bus name. False, with the reason, when
    // the name is owned already or the bus policy does not allow it.
    bool start(QString *error);

    QString version() const;

    // The methods of org.passerelle.Helper1, called by the adaptor.
    // The changing ones answer with a delayed reply; their return value is
    // never sent.
    QStringList GetCapabilities();
    QString CreateBridge(const QString &name, bool stp, uint confirmTimeout);
    QString DeleteBridge(const QString &name, uint confirmTimeout);
    QString AddPort(const QString &bridge, const QString &port, uint confirmTimeout);
    QString RemovePort(const QString &bridge, const QString &port, uint confirmTimeout);
    QString SetLinkUp(const QString &name, bool up, uint confirmTimeout);
    QString SetStp(const QString &bridge, bool on, uint confirmTimeout);
    QString BridgePort(const QString &bridge, const QString &port, bool moveAddresses, bool stp, uint confirmTimeout);
    void Confirm(const QString &transaction);
    void Revert(const QString &transaction);
    void SetConfirmTimeout(const QString &transaction, uint seconds);
    HelperPendingList GetPending();
    HelperPlan PlanBridgePort(const QString &bridge, const QString &port, bool moveAddresses, bool stp);
    HelperPlan Plan(const QString &method, const QStringList &arguments);
    DockerSettingList GetDockerSettings();
    HelperPlan UseDockerBridge(const QString &bridge, const QString &fixedCidr, const QString &defaultGateway,
                               const QVariantMap &options);
    HelperPlan ResetDockerBridge(const QVariantMap &options);
    QString Expose(const QString &port, const QString &bridge, const QString &fixedCidr,
                   const QString &defaultGateway, const QVariantMap &options, uint confirmTimeout);
    HelperPlan PlanDocker(const QString &method, const QStringList &arguments, const QVariantMap &options);

Q_SIGNALS:
    // The name was released after the idle time: time to quit.
    void finished();
    void TransactionChanged(const QString &transaction, const QString &state, uint secondsLeft);
    void DockerProgress(const QString &transaction, const QString &stage, const QStringList &parameters);

private:
    enum class Control { Confirm, Revert, SetConfirmTimeout };
    void submit(const Operation &operation, uint confirmTimeout);
    void submitControl(Control control, const QString &transaction, uint seconds);
    // Asks polkit about the sender of the current message for each of
    // ACTIONS in turn, within the per-caller limit, then runs THEN (or
    // replies NotAuthorized or Busy).
    using Authorized = std::function<void(const QDBusMessage &call, uint uid)>;
    void authorize(const QString &what, const QStringList &actions, const Authorized &then);
    void authorizeCall(const QDBusMessage &call, const QString &what, const QStringList &actions, const Authorized &then);
    // UseDockerBridge and ResetDockerBridge: authorized, then DockerSetup::run.
    void submitDocker(const QString &what, const DockerRequest &request, const QVariantMap &options);
    // A committed DeleteBridge: its bridge's permanent configuration goes.
    void forgetDeletedBridge(const QString &transaction);
    // Whether UID could list Docker's containers itself (the socket's
    // owner or group): previews need no authorization, so they tell no more.
    bool mayAskDocker(uint uid) const;
    // Busy when a change runs or waits, Docker's included.
    std::optional<HelperFailure> busy() const;
    // Expose's Confirm: Docker's part, then the network part kept (or both put back).
    void confirmExpose(const QDBusMessage &call, uint uid, const QString &transaction);
    // Expose's whole plan: the network steps, the trial, then Docker's,
    // planned on the state the network part will leave.
    void planExpose(const QString &port, const DockerRequest &request, bool containerNames,
                    const std::function<void(const std::optional<HelperFailure> &, const HelperPlan &)> &done);
    void replyPlan(const QDBusMessage &call, const std::optional<HelperFailure> &failure, const HelperPlan &plan);
    HelperPlan preview(const std::optional<Operation> &operation, const QString &method);
    uint callerUid(const QString &sender) const;
    void reply(const QDBusMessage &call, const std::optional<HelperFailure> &failure,
               const QVariant &value = QVariant());
    void callStarted();
    void callEnded();
    void idleTimeout();

    HelperConfig m_config;
    QDBusConnection m_bus;
    PolkitAuthorizer *m_polkit = nullptr;
    TransactionRunner *m_runner = nullptr;
    DockerSetup *m_docker = nullptr;
    // Pending Expose transactions: what Confirm does to Docker, and the
    // parameters GetPending shows.
    struct ExposeFollowUp;
    QHash<QString, std::shared_ptr<ExposeFollowUp>> m_exposes;
    // DeleteBridge transactions: the bridge, whose permanent configuration
    // goes once the deletion is final.
    QHash<QString, QString> m_deletions;
    QTimer m_idleTimer;
    QHash<QString, int> m_pendingBySender;
    int m_inProgress = 0;
    bool m_releasing = false;
};

} // namespace Passerelle
