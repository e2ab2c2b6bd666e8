#include "helperservice.h"

#include "helper1adaptor.h"
#include "helperlogging.h"
#include "helperprotocol.h"
#include "linkeditor.h"
#include "polkitauthorizer.h"

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
{
    new Helper1Adaptor(this);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(std::chrono::seconds(config.idleTimeoutSeconds));
    connect(&m_idleTimer, &QTimer::timeout, this, &HelperService::idleTimeout);
}

HelperService::~HelperService() = default;

bool HelperService::start(QString *error)
{
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
            QStringLiteral("RemovePort"),   QStringLiteral("SetLinkUp"),    QStringLiteral("SetStp")};
}

void HelperService::CreateBridge(const QString &name, bool stp)
{
    submit(Operation::createBridge(name, stp));
}

void HelperService::DeleteBridge(const QString &name)
{
    submit(Operation::deleteBridge(name));
}

void HelperService::AddPort(const QString &bridge, const QString &port)
{
    submit(Operation::addPort(bridge, port));
}

void HelperService::RemovePort(const QString &bridge, const QString &port)
{
    submit(Operation::removePort(bridge, port));
}

void HelperService::SetLinkUp(const QString &name, bool up)
{
    submit(Operation::setLinkUp(name, up));
}

void HelperService::SetStp(const QString &bridge, bool on)
{
    submit(Operation::setStp(bridge, on));
}

void HelperService::submit(const Operation &operation)
{
    // The subject is the sender the bus daemon wrote on the message: never
    // a pid, a uid or anything else the client could choose.
    const QDBusMessage call = message();
    const QString sender = call.service();
    setDelayedReply(true);

    // The operation's arguments are carried along untouched until polkit
    // has said yes.
    int &pending = m_pendingBySender[sender];
    if (pending >= m_config.maxPendingPerCaller) {
        qCInfo(lcHelper, "%s: %s refused: %d calls already wait for authorization", qPrintable(sender),
               qPrintable(operation.method()), pending);
        reply(call, HelperFailure::make(HelperError::Busy, {QStringLiteral("too-many-pending")},
                                        QStringLiteral("Too many calls waiting for authorization")));
        return;
    }
    ++pending;
    callStarted();
    m_polkit->check(sender, operation.actionId(), [this, call, sender, operation](const PolkitAuthorizer::Answer &answer) {
        if (--m_pendingBySender[sender] <= 0)
            m_pendingBySender.remove(sender);
        if (!answer.authorized) {
            qCInfo(lcHelper, "%s: %s not authorized (%s): %s", qPrintable(sender), qPrintable(operation.method()),
                   qPrintable(operation.actionId()), qPrintable(answer.reason));
            reply(call, HelperFailure::make(HelperError::NotAuthorized, {operation.actionId()},
                                            QStringLiteral("Not authorized: %1").arg(answer.reason)));
        } else {
            reply(call, execute(operation));
        }
        callEnded();
    });
}

std::optional<HelperFailure> HelperService::execute(const Operation &operation)
{
    if (auto failure = operation.validateNames())
        return failure;

    LinkEditor::Result read;
    const LinkSnapshot snapshot = LinkEditor::snapshot(&read);
    if (!read.ok())
        return HelperFailure::make(HelperError::Failed, {operation.method(), QString(), read.error},
                                   QStringLiteral("Cannot read the links: %1").arg(read.error));
    if (auto failure = operation.check(snapshot)) {
        qCInfo(lcHelper, "%s refused: %s", qPrintable(operation.describe()), qPrintable(failure->name));
        return failure;
    }

    const auto link = snapshot.byName(operation.link);
    const auto port = snapshot.byName(operation.port);
    LinkEditor::Result result;
    switch (operation.kind) {
    case Operation::Kind::CreateBridge:
        result = LinkEditor::createBridge(operation.link, operation.enable);
        break;
    case Operation::Kind::DeleteBridge:
        result = LinkEditor::deleteLink(link->ifindex);
        break;
    case Operation::Kind::AddPort:
        result = LinkEditor::setMaster(port->ifindex, link->ifindex);
        break;
    case Operation::Kind::RemovePort:
        result = LinkEditor::setMaster(port->ifindex, 0);
        break;
    case Operation::Kind::SetLinkUp:
        result = LinkEditor::setUp(link->ifindex, operation.enable);
        break;
    case Operation::Kind::SetStp:
        result = LinkEditor::setStp(link->ifindex, operation.enable);
        break;
    }
    if (!result.ok()) {
        qCWarning(lcHelper, "%s failed: %s", qPrintable(operation.describe()), qPrintable(result.error));
        return operation.kernelFailure(result.kernelErrno, result.error);
    }
    qCInfo(lcHelper, "%s done", qPrintable(operation.describe()));
    return std::nullopt;
}

void HelperService::reply(const QDBusMessage &call, const std::optional<HelperFailure> &failure)
{
    if (!failure) {
        m_bus.send(call.createReply());
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
        QTimer::singleShot(drainTime, this, &HelperService::finished);
        return;
    }
    if (m_config.idleTimeoutSeconds > 0)
        m_idleTimer.start();
}

void HelperService::idleTimeout()
{
    if (m_inProgress > 0 || m_releasing)
        return;
    qCInfo(lcHelper, "idle for %d s, exiting", m_config.idleTimeoutSeconds);
    // Release the name first: calls from now on start a new helper, and
    // those already routed here are still answered during the drain time.
    m_releasing = true;
    m_bus.unregisterService(HelperProtocol::ServiceName);
    QTimer::singleShot(drainTime, this, [this] {
        if (m_inProgress == 0)
            Q_EMIT finished();
    });
}

} // namespace Passerelle
