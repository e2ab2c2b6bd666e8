#include "helperservice.h"

#include "helper1adaptor.h"
#include "helperlogging.h"
#include "helperprotocol.h"
#include "polkitauthorizer.h"
#include "transactionrunner.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>

#include <chrono>

namespace Passerelle {

namespace {

// How long a released helper still answers calls the bus routed to it
// before the release, so that none of them is left without a reply.
constexpr std::chrono::milliseconds drainTime{500};

} // namespace

HelperService::HelperService(const HelperConfig &config, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_bus(bus)
    , m_polkit(new PolkitAuthorizer(std::chrono::seconds(config.authorizationTimeoutSeconds), this))
    , m_runner(new TransactionRunner(config, this))
{
    registerHelperTypes();
    new Helper1Adaptor(this);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(std::chrono::seconds(config.idleTimeoutSeconds));
    connect(&m_idleTimer, &QTimer::timeout, this, &HelperService::idleTimeout);
    connect(m_runner, &TransactionRunner::changed, this, &HelperService::TransactionChanged);
    // A change waiting for confirmation counts as a call in progress: the
    // helper does not go idle under it.
    connect(m_runner, &TransactionRunner::pendingChanged, this, [this](bool pending) {
        if (pending)
            callStarted();
        else
            callEnded();
    });
}

HelperService::~HelperService() = default;

bool HelperService::start(QString *error)
{
    // What a helper that died left behind is finished before anybody can
    // ask for something new.
    m_runner->recover();
    if (!m_bus.registerObject(HelperProtocol::ObjectPath, this, QDBusConnection::ExportAdaptors)) {
        *error = QStringLiteral("cannot export %1").arg(HelperProtocol::ObjectPath);
        return false;
    }
    if (!m_bus.registerService(HelperProtocol::ServiceName)) {
        *error = QStringLiteral("cannot own %1: %2").arg(HelperProtocol::ServiceName, m_bus.lastError().message());
        return false;
    }
    if (m_config.idleTimeoutSeconds > 0)
        m_idleTimer.start();
    return true;
}

QString HelperService::version() const
{
    return QStringLiteral(PASSERELLE_VERSION);
}

QStringList HelperService::GetCapabilities()
{
    // Any call, even one that needs no authorization, shows that clients
    // are around: start the idle time again.
    callStarted();
    callEnded();
    return {QStringLiteral("CreateBridge"), QStringLiteral("DeleteBridge"), QStringLiteral("AddPort"),
            QStringLiteral("RemovePort"),   QStringLiteral("SetLinkUp"),    QStringLiteral("SetStp"),
            QStringLiteral("BridgePort"),   QStringLiteral("Confirm"),      QStringLiteral("Revert"),
            QStringLiteral("SetConfirmTimeout"), QStringLiteral("GetPending"), QStringLiteral("PlanBridgePort"),
            QStringLiteral("Plan")};
}

QString HelperService::CreateBridge(const QString &name, bool stp, uint confirmTimeout)
{
    submit(Operation::createBridge(name, stp), confirmTimeout);
    return QString();
}

QString HelperService::DeleteBridge(const QString &name, uint confirmTimeout)
{
    submit(Operation::deleteBridge(name), confirmTimeout);
    return QString();
}

QString HelperService::AddPort(const QString &bridge, const QString &port, uint confirmTimeout)
{
    submit(Operation::addPort(bridge, port), confirmTimeout);
    return QString();
}

QString HelperService::RemovePort(const QString &bridge, const QString &port, uint confirmTimeout)
{
    submit(Operation::removePort(bridge, port), confirmTimeout);
    return QString();
}

QString HelperService::SetLinkUp(const QString &name, bool up, uint confirmTimeout)
{
    submit(Operation::setLinkUp(name, up), confirmTimeout);
    return QString();
}

QString HelperService::SetStp(const QString &bridge, bool on, uint confirmTimeout)
{
    submit(Operation::setStp(bridge, on), confirmTimeout);
    return QString();
}

QString HelperService::BridgePort(const QString &bridge, const QString &port, bool moveAddresses, bool stp,
                                  uint confirmTimeout)
{
    submit(Operation::bridgePort(bridge, port, moveAddresses, stp), confirmTimeout);
    return QString();
}

void HelperService::Confirm(const QString &transaction)
{
    submitControl(Control::Confirm, transaction, 0);
}

void HelperService::Revert(const QString &transaction)
{
    submitControl(Control::Revert, transaction, 0);
}

void HelperService::SetConfirmTimeout(const QString &transaction, uint seconds)
{
    submitControl(Control::SetConfirmTimeout, transaction, seconds);
}

HelperPendingList HelperService::GetPending()
{
    callStarted();
    const HelperPendingList pending = m_runner->pending(callerUid(message().service()));
    callEnded();
    return pending;
}

HelperPlan HelperService::PlanBridgePort(const QString &bridge, const QString &port, bool moveAddresses, bool stp)
{
    return preview(Operation::bridgePort(bridge, port, moveAddresses, stp), QStringLiteral("BridgePort"));
}

HelperPlan HelperService::Plan(const QString &method, const QStringList &arguments)
{
    return preview(Operation::fromStrings(method, arguments), method);
}

HelperPlan HelperService::preview(const std::optional<Operation> &operation, const QString &method)
{
    // Reads only: no polkit. Answered like the real call would be.
    callStarted();
    const QDBusMessage call = message();
    setDelayedReply(true);
    HelperPlan plan;
    std::optional<HelperFailure> failure;
    if (!operation) {
        const bool known = QStringList{QStringLiteral("CreateBridge"), QStringLiteral("DeleteBridge"),
                                       QStringLiteral("AddPort"),      QStringLiteral("RemovePort"),
                                       QStringLiteral("SetLinkUp"),    QStringLiteral("SetStp"),
                                       QStringLiteral("BridgePort")}
                               .contains(method);
        failure = known ? HelperFailure::make(HelperError::InvalidArgument, {QStringLiteral("arguments"), method},
                                              QStringLiteral("Wrong arguments for %1").arg(method))
                        : HelperFailure::make(HelperError::InvalidArgument, {QStringLiteral("method"), method},
                                              QStringLiteral("No changing method of that name"));
    } else {
        failure = m_runner->preview(*operation, &plan);
    }
    reply(call, failure, QVariant::fromValue(plan));
    callEnded();
    return plan;
}

uint HelperService::callerUid(const QString &sender) const
{
    // The bus daemon's own record of the connection, never a claim of the client.
    const QDBusReply<uint> uid = m_bus.interface()->serviceUid(sender);
    return uid.isValid() ? uid.value() : uint(-1);
}

void HelperService::authorize(const QString &what, const std::function<void(const QDBusMessage &, uint)> &then)
{
    // The subject is the sender the bus daemon wrote on the message: never
    // a pid, a uid or anything else the client could choose.
    const QDBusMessage call = message();
    const QString sender = call.service();
    setDelayedReply(true);

    // The arguments are carried along untouched until polkit has said yes.
    int &pending = m_pendingBySender[sender];
    if (pending >= m_config.maxPendingPerCaller) {
        qCInfo(lcHelper, "%s: %s refused: %d calls already wait for authorization", qPrintable(sender),
               qPrintable(what), pending);
        reply(call, HelperFailure::make(HelperError::Busy, {QStringLiteral("too-many-pending")},
                                        QStringLiteral("Too many calls waiting for authorization")));
        return;
    }
    ++pending;
    callStarted();
    const QString action = HelperProtocol::ActionManageBridges;
    m_polkit->check(sender, action, [this, call, sender, what, action, then](const PolkitAuthorizer::Answer &answer) {
        if (--m_pendingBySender[sender] <= 0)
            m_pendingBySender.remove(sender);
        if (!answer.authorized) {
            qCInfo(lcHelper, "%s: %s not authorized (%s): %s", qPrintable(sender), qPrintable(what),
                   qPrintable(action), qPrintable(answer.reason));
            reply(call, HelperFailure::make(HelperError::NotAuthorized, {action},
                                            QStringLiteral("Not authorized: %1").arg(answer.reason)));
        } else {
            then(call, callerUid(sender));
        }
        callEnded();
    });
}

void HelperService::submit(const Operation &operation, uint confirmTimeout)
{
    authorize(operation.method(), [this, operation, confirmTimeout](const QDBusMessage &call, uint uid) {
        // A helper that already gave its name away would keep a change
        // waiting for a confirmation that goes to its successor.
        if (m_releasing) {
            if (!m_bus.registerService(HelperProtocol::ServiceName)) {
                reply(call, HelperFailure::make(HelperError::Busy, {QStringLiteral("transaction")},
                                                QStringLiteral("This helper is exiting; try again")));
                return;
            }
            m_releasing = false;
        }
        const TransactionRunner::Started started = m_runner->start(operation, confirmTimeout, uid);
        reply(call, started.failure, started.transaction);
    });
}

void HelperService::submitControl(Control control, const QString &transaction, uint seconds)
{
    const QString what = control == Control::Confirm ? QStringLiteral("Confirm")
        : control == Control::Revert                 ? QStringLiteral("Revert")
                                                     : QStringLiteral("SetConfirmTimeout");
    authorize(what, [this, control, transaction, seconds](const QDBusMessage &call, uint uid) {
        std::optional<HelperFailure> failure;
        switch (control) {
        case Control::Confirm:
            failure = m_runner->confirm(transaction, uid);
            break;
        case Control::Revert:
            failure = m_runner->revert(transaction, uid);
            break;
        case Control::SetConfirmTimeout:
            failure = m_runner->setConfirmTimeout(transaction, uid, seconds);
            break;
        }
        reply(call, failure);
    });
}

void HelperService::reply(const QDBusMessage &call, const std::optional<HelperFailure> &failure, const QVariant &value)
{
    if (!failure) {
        m_bus.send(value.isValid() ? call.createReply(value) : call.createReply());
        return;
    }
    // Body (s detail, as parameters), as the interface file documents.
    QDBusMessage error = call.createErrorReply(failure->name, failure->detail);
    error << failure->parameters;
    m_bus.send(error);
}

void HelperService::callStarted()
{
    ++m_inProgress;
    m_idleTimer.stop();
}

void HelperService::callEnded()
{
    if (--m_inProgress > 0)
        return;
    if (m_releasing) {
        QTimer::singleShot(drainTime, this, [this] {
            if (m_releasing && m_inProgress == 0)
                Q_EMIT finished();
        });
        return;
    }
    if (m_config.idleTimeoutSeconds > 0)
        m_idleTimer.start();
}

void HelperService::idleTimeout()
{
    if (m_inProgress > 0 || m_releasing || m_runner->hasPending())
        return;
    qCInfo(lcHelper, "idle for %d s, exiting", m_config.idleTimeoutSeconds);
    // Release the name first: calls from now on start a new helper, and
    // those already routed here are still answered during the drain time.
    m_releasing = true;
    m_bus.unregisterService(HelperProtocol::ServiceName);
    QTimer::singleShot(drainTime, this, [this] {
        if (m_releasing && m_inProgress == 0)
            Q_EMIT finished();
    });
}

} // namespace Passerelle
