#include "helperservice.h"

#include "bridgepersistence.h"
#include "dockerrequest.h"
#include "dockersetup.h"
#include "helper1adaptor.h"
#include "helperlogging.h"
#include "helperprotocol.h"
#include "polkitauthorizer.h"
#include "linkeditor.h"
#include "transaction.h"
#include "transactionrunner.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>

#include <QFile>

#include <chrono>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>

namespace Passerelle {

namespace {

// How long a released helper still answers calls the bus routed to it
// before the release, so that none of them is left without a reply.
constexpr std::chrono::milliseconds drainTime{500};

// The state "bridge PORT into BRIDGE, addresses moved" will leave: what
// Expose checks Docker's part against before the network part is made.
NetState afterBridgePort(NetState state, const QString &bridge, const QString &port)
{
    const std::optional<LinkState> portLink = state.links.byName(port);
    std::optional<LinkState> bridgeLink = state.links.byName(bridge);
    if (!portLink)
        return state;
    QList<LinkState> links = state.links.links();
    int bridgeIndex = bridgeLink ? bridgeLink->ifindex : -1;   // not a real ifindex: the bridge to be
    if (!bridgeLink) {
        LinkState made;
        made.ifindex = bridgeIndex;
        made.name = bridge;
        made.kind = QStringLiteral("bridge");
        made.stp = 0;
        made.mac = portLink->mac;
        links.append(made);
    }
    for (LinkState &l : links) {
        if (l.ifindex == bridgeIndex)
            l.up = true;
        if (l.ifindex == portLink->ifindex)
            l.masterIndex = bridgeIndex;
    }
    state.links = LinkSnapshot(links);
    for (AddressState &a : state.addresses) {
        if (a.ifindex == portLink->ifindex && Transaction::isMovable(a))
            a.ifindex = bridgeIndex;
    }
    for (RouteState &r : state.routes) {
        if (r.oif == portLink->ifindex && Transaction::isMovable(r))
            r.oif = bridgeIndex;
    }
    return state;
}

} // namespace

struct HelperService::ExposeFollowUp
{
    DockerRequest request;
    QStringList parameters;   // as GetPending shows them
};

HelperService::HelperService(const HelperConfig &config, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_bus(bus)
    , m_polkit(new PolkitAuthorizer(std::chrono::seconds(config.authorizationTimeoutSeconds), this))
    , m_runner(new TransactionRunner(config, this))
    , m_docker(new DockerSetup(config, bus, this))
{
    registerHelperTypes();
    new Helper1Adaptor(this);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(std::chrono::seconds(config.idleTimeoutSeconds));
    connect(&m_idleTimer, &QTimer::timeout, this, &HelperService::idleTimeout);
    connect(m_runner, &TransactionRunner::changed, this, &HelperService::TransactionChanged);
    connect(m_docker, &DockerSetup::progress, this, &HelperService::DockerProgress);
    // An Expose that ended without Confirm leaves Docker alone. A deleted
    // bridge takes its permanent configuration along, once final.
    connect(m_runner, &TransactionRunner::changed, this, [this](const QString &transaction, const QString &state) {
        if (state == QLatin1String("pending"))
            return;
        m_exposes.remove(transaction);
        if (state == QLatin1String("committed"))
            forgetDeletedBridge(transaction);
        m_deletions.remove(transaction);
    });
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
            QStringLiteral("Plan"), QStringLiteral("GetDockerSettings"), QStringLiteral("UseDockerBridge"),
            QStringLiteral("ResetDockerBridge"), QStringLiteral("Expose"), QStringLiteral("PlanDocker")};
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
    HelperPendingList pending = m_runner->pending(callerUid(message().service()));
    for (HelperPendingTransaction &p : pending) {
        if (const auto expose = m_exposes.value(p.transaction)) {
            p.method = QStringLiteral("Expose");
            p.parameters = expose->parameters;
        }
    }
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

DockerSettingList HelperService::GetDockerSettings()
{
    // Reads only: no polkit. The running daemon is asked too, so the
    // reply waits for it.
    callStarted();
    const QDBusMessage call = message();
    setDelayedReply(true);
    m_docker->settings([this, call](const DockerSettingList &settings) {
        reply(call, std::nullopt, QVariant::fromValue(settings));
        callEnded();
    });
    return {};
}

void HelperService::forgetDeletedBridge(const QString &transaction)
{
    const QString bridge = m_deletions.take(transaction);
    if (bridge.isEmpty())
        return;
    if (const auto record = PersistRecord::load(m_config, bridge))
        record->forget(m_config, m_bus);
}

bool HelperService::mayAskDocker(uint uid) const
{
    // The socket's own permissions say who may list containers; the helper
    // (root) must not answer more than Docker would.
    if (uid == 0)
        return true;
    const QByteArray socket = QFile::encodeName(m_config.docker.socket.mid(int(qstrlen("unix://"))));
    struct stat st {};
    if (::stat(socket.constData(), &st) != 0)
        return false;
    if (st.st_uid == uid && (st.st_mode & S_IRUSR))
        return true;
    if (!(st.st_mode & S_IRGRP))
        return false;
    const passwd *user = ::getpwuid(uid);
    if (!user)
        return false;
    int count = 64;
    QList<gid_t> groups(count);
    if (::getgrouplist(user->pw_name, user->pw_gid, groups.data(), &count) < 0) {
        groups.resize(count);
        if (::getgrouplist(user->pw_name, user->pw_gid, groups.data(), &count) < 0)
            return false;
    }
    groups.resize(count);
    return groups.contains(st.st_gid);
}

std::optional<HelperFailure> HelperService::busy() const
{
    if (m_runner->hasPending() || m_docker->isRunning())
        return HelperFailure::make(HelperError::Busy, {QStringLiteral("transaction")},
                                   QStringLiteral("Another change runs or waits for confirmation"));
    return std::nullopt;
}

void HelperService::replyPlan(const QDBusMessage &call, const std::optional<HelperFailure> &failure,
                              const HelperPlan &plan)
{
    reply(call, failure, QVariant::fromValue(plan));
}

HelperPlan HelperService::UseDockerBridge(const QString &bridge, const QString &fixedCidr,
                                          const QString &defaultGateway, const QVariantMap &options)
{
    DockerRequest request;
    request.bridge = bridge;
    request.fixedCidr = fixedCidr;
    request.defaultGateway = defaultGateway;
    submitDocker(QStringLiteral("UseDockerBridge"), request, options);
    return {};
}

HelperPlan HelperService::ResetDockerBridge(const QVariantMap &options)
{
    DockerRequest request;
    request.kind = DockerRequest::Kind::Reset;
    submitDocker(QStringLiteral("ResetDockerBridge"), request, options);
    return {};
}

void HelperService::submitDocker(const QString &what, const DockerRequest &base, const QVariantMap &options)
{
    authorize(what, {HelperProtocol::ActionConfigureDocker}, [=](const QDBusMessage &call, uint) {
        DockerRequest request = base;
        if (auto failure = DockerRequest::readOptions(options, &request))
            return reply(call, failure);
        if (auto failure = busy())
            return reply(call, failure);
        callStarted();
        m_docker->run(request, QString(), [this, call](const auto &failure, const HelperPlan &steps) {
            replyPlan(call, failure, steps);
            callEnded();
        });
    });
}

void HelperService::planExpose(const QString &port, const DockerRequest &request, bool containerNames,
                               const std::function<void(const std::optional<HelperFailure> &, const HelperPlan &)> &done)
{
    // The network part's plan, and Docker's on the state it will leave:
    // one read of the links for both.
    HelperPlan networkPlan;
    NetState state;
    if (auto failure = m_runner->preview(Operation::bridgePort(request.bridge, port, true, false), &networkPlan, &state))
        return done(failure, {});
    networkPlan.removeIf([](const HelperPlanStep &s) { return s.name == QLatin1String("Confirm"); });
    networkPlan.append({QStringLiteral("Confirm"), {QString::number(m_config.confirmTimeoutSeconds)}});
    m_docker->plan(request, afterBridgePort(state, request.bridge, port), containerNames,
                   [networkPlan, done](const std::optional<HelperFailure> &failure, const HelperPlan &docker) {
                       done(failure, failure ? HelperPlan() : networkPlan + docker);
                   });
}

QString HelperService::Expose(const QString &port, const QString &bridge, const QString &fixedCidr,
                              const QString &defaultGateway, const QVariantMap &options, uint confirmTimeout)
{
    // Bridging the port and reconfiguring Docker: both actions, in turn.
    authorize(QStringLiteral("Expose"), {HelperProtocol::ActionManageBridges, HelperProtocol::ActionConfigureDocker},
              [=](const QDBusMessage &call, uint uid) {
                  DockerRequest request;
                  request.bridge = bridge;
                  request.fixedCidr = fixedCidr;
                  request.defaultGateway = defaultGateway;
                  request.persist = true;
                  if (auto failure = DockerRequest::readOptions(options, &request))
                      return reply(call, failure);
                  const Operation network = Operation::bridgePort(bridge, port, true, false);
                  if (auto failure = network.validateNames())
                      return reply(call, failure);
                  if (confirmTimeout > TransactionRunner::MaxConfirmSeconds)
                      return reply(call, HelperFailure::make(HelperError::InvalidArgument,
                                                             {QStringLiteral("confirmTimeout"), QString::number(confirmTimeout)},
                                                             QStringLiteral("Confirmation time out of range")));
                  if (auto failure = busy())
                      return reply(call, failure);
                  // Docker's part is checked before anything changes: a
                  // fixedCidr outside the subnet must not cost the user a
                  // bridge first.
                  callStarted();
                  planExpose(port, request, true, [=](const std::optional<HelperFailure> &failure, const HelperPlan &) {
                      callEnded();
                      if (failure)
                          return reply(call, failure);
                      // Another change may have started while Docker answered.
                      if (auto busyNow = busy())
                          return reply(call, busyNow);
                      const TransactionRunner::Started started = m_runner->start(network, confirmTimeout, uid, true);
                      if (!started.failure) {
                          auto followUp = std::make_shared<ExposeFollowUp>();
                          followUp->request = request;
                          followUp->parameters = {port, bridge, fixedCidr, defaultGateway, request.modeKey(),
                                                  request.persist ? QStringLiteral("true") : QStringLiteral("false")};
                          m_exposes.insert(started.transaction, followUp);
                      }
                      reply(call, started.failure, started.transaction);
                  });
              });
    return {};
}

HelperPlan HelperService::PlanDocker(const QString &method, const QStringList &arguments, const QVariantMap &options)
{
    // Reads only: no polkit. Answered like the real call would be.
    callStarted();
    const QDBusMessage call = message();
    setDelayedReply(true);
    const auto done = [this, call](const std::optional<HelperFailure> &failure, const HelperPlan &plan) {
        replyPlan(call, failure, plan);
        callEnded();
    };
    const auto invalid = [&](const QString &argument, const QString &value) {
        done(HelperFailure::make(HelperError::InvalidArgument, {argument, value}, QStringLiteral("Invalid %1").arg(argument)),
             {});
    };
    DockerRequest request;
    const int expected = method == QLatin1String("UseDockerBridge") ? 3
        : method == QLatin1String("ResetDockerBridge")               ? 0
        : method == QLatin1String("Expose")                          ? 4
                                                                      : -1;
    if (expected < 0) {
        invalid(QStringLiteral("method"), method);
        return {};
    }
    if (arguments.size() != expected) {
        invalid(QStringLiteral("arguments"), method);
        return {};
    }
    if (method == QLatin1String("ResetDockerBridge")) {
        request.kind = DockerRequest::Kind::Reset;
    } else {
        const int offset = method == QLatin1String("Expose") ? 1 : 0;
        request.bridge = arguments.at(offset);
        request.fixedCidr = arguments.at(offset + 1);
        request.defaultGateway = arguments.at(offset + 2);
        request.persist = method == QLatin1String("Expose");
    }
    if (auto failure = DockerRequest::readOptions(options, &request)) {
        done(failure, {});
        return {};
    }
    if (method != QLatin1String("Expose")) {
        LinkEditor::Result read;
        const NetState state = LinkEditor::readState(&read);
        m_docker->plan(request, state, mayAskDocker(callerUid(call.service())), done);
        return {};
    }
    // Expose: the network steps, the trial, then Docker's.
    planExpose(arguments.at(0), request, mayAskDocker(callerUid(call.service())), done);
    return {};
}

void HelperService::confirmExpose(const QDBusMessage &call, uint uid, const QString &transaction)
{
    const std::shared_ptr<ExposeFollowUp> expose = m_exposes.value(transaction);
    if (!expose || m_docker->isRunning())
        return reply(call, expose ? *busy() : HelperFailure::make(HelperError::NoSuchTransaction, {transaction},
                                                                  QStringLiteral("No such transaction")));
    // The trial must outlast Docker's part, failures and second restart
    // included (restart-timeout is at most 600 s): the agent would
    // otherwise revert the bridge under a Docker starting on it. Revert and
    // SetConfirmTimeout are refused meanwhile.
    if (auto failure = m_runner->setConfirmTimeout(transaction, uid, TransactionRunner::MaxConfirmSeconds))
        return reply(call, failure);
    callStarted();
    m_docker->run(expose->request, transaction, [=](const std::optional<HelperFailure> &failure, const HelperPlan &) {
        std::optional<HelperFailure> result = failure;
        if (failure) {
            qCWarning(lcHelper, "Expose %s: Docker's part failed, the network part is reverted", qPrintable(transaction));
            m_runner->revert(transaction, uid);
        } else {
            result = m_runner->confirm(transaction, uid);
        }
        m_exposes.remove(transaction);
        reply(call, result);
        callEnded();
    });
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
        if (!failure && operation->kind == Operation::Kind::DeleteBridge)
            failure = m_docker->usesBridgeNow(operation->link);
        if (!failure && operation->kind == Operation::Kind::DeleteBridge) {
            if (const auto record = PersistRecord::load(m_config, operation->link))
                plan.append(record->describeForget());
        }
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

void HelperService::authorize(const QString &what, const QStringList &actions, const Authorized &then)
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
    authorizeCall(call, what, actions, then);
}

void HelperService::authorizeCall(const QDBusMessage &call, const QString &what, const QStringList &actions,
                                  const Authorized &then)
{
    const QString sender = call.service();
    const QString action = actions.first();
    m_polkit->check(sender, action, [this, call, sender, what, action, actions, then](const PolkitAuthorizer::Answer &answer) {
        if (!answer.authorized || actions.size() == 1) {
            if (--m_pendingBySender[sender] <= 0)
                m_pendingBySender.remove(sender);
        }
        if (!answer.authorized) {
            qCInfo(lcHelper, "%s: %s not authorized (%s): %s", qPrintable(sender), qPrintable(what),
                   qPrintable(action), qPrintable(answer.reason));
            reply(call, HelperFailure::make(HelperError::NotAuthorized, {action},
                                            QStringLiteral("Not authorized: %1").arg(answer.reason)));
        } else if (actions.size() > 1) {
            // The next action, for the same message and caller.
            authorizeCall(call, what, actions.mid(1), then);
            return;
        } else {
            then(call, callerUid(sender));
        }
        callEnded();
    });
}

void HelperService::submit(const Operation &operation, uint confirmTimeout)
{
    authorize(operation.method(), {HelperProtocol::ActionManageBridges}, [this, operation, confirmTimeout](const QDBusMessage &call, uint uid) {
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
        if (m_docker->isRunning())
            return reply(call, busy());
        if (operation.kind != Operation::Kind::DeleteBridge) {
            const TransactionRunner::Started started = m_runner->start(operation, confirmTimeout, uid);
            return reply(call, started.failure, started.transaction);
        }
        // A bridge Docker depends on stays: dockerd would not start again.
        if (auto failure = operation.validateNames())
            return reply(call, failure);
        callStarted();
        m_docker->usesBridge(operation.link, [=](const std::optional<HelperFailure> &inUse) {
            callEnded();
            if (inUse)
                return reply(call, inUse);
            const TransactionRunner::Started started = m_runner->start(operation, confirmTimeout, uid);
            if (!started.failure)
                m_deletions.insert(started.transaction, operation.link);
            reply(call, started.failure, started.transaction);
        });
    });
}

void HelperService::submitControl(Control control, const QString &transaction, uint seconds)
{
    const QString what = control == Control::Confirm ? QStringLiteral("Confirm")
        : control == Control::Revert                 ? QStringLiteral("Revert")
                                                     : QStringLiteral("SetConfirmTimeout");
    authorize(what, {HelperProtocol::ActionManageBridges}, [this, what, control, transaction, seconds](const QDBusMessage &call, uint uid) {
        // While Docker's part of an Expose runs, its trial is Confirm's to end.
        if (m_docker->isRunning())
            return reply(call, busy());
        std::optional<HelperFailure> failure;
        switch (control) {
        case Control::Confirm:
            if (m_exposes.contains(transaction)) {
                // Confirming an Expose reconfigures Docker: that action too,
                // for the same message.
                ++m_pendingBySender[call.service()];
                callStarted();
                return authorizeCall(call, what, {HelperProtocol::ActionConfigureDocker},
                                     [this, transaction](const QDBusMessage &c, uint u) { confirmExpose(c, u, transaction); });
            }
            failure = m_runner->confirm(transaction, uid);
            // Its permanent configuration goes before the answer, so that a
            // client reading the files right after sees them gone.
            if (!failure)
                forgetDeletedBridge(transaction);
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
