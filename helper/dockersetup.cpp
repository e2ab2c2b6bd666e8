#include "dockersetup.h"

#include "addresseditor.h"
#include "bridgepersistence.h"
#include "daemonconfig.h"
#include "dockerbootorder.h"
#include "dockerengine.h"
#include "dockeroptions.h"
#include "dockerrestarter.h"
#include "forwardingcheck.h"
#include "helperlogging.h"
#include "linkeditor.h"
#include "safefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QTimer>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace Passerelle {

namespace {

HelperFailure dockerFailed(const QString &stage, const QString &detail, const QString &outcome)
{
    return HelperFailure::make(HelperError::DockerFailed, {stage, detail, outcome},
                               QStringLiteral("Docker %1 failed (%2): %3").arg(stage, outcome, detail));
}

// DockerEngine and DockerRestarter give [stage, detail]; the outcome is ours.
HelperFailure withOutcome(const HelperFailure &failure, const QString &outcome)
{
    if (!failure.is(HelperError::DockerFailed))
        return failure;
    return dockerFailed(failure.parameters.value(0), failure.parameters.value(1), outcome);
}

DockerOptionPaths optionPaths(const DockerConfig &docker)
{
    DockerOptionPaths paths;
    paths.defaultsFile = docker.defaultsFile;
    if (!docker.unitDirs.isEmpty()) {
        paths.unitFiles.clear();
        paths.dropInDirs.clear();
        for (const QString &dir : docker.unitDirs) {
            paths.unitFiles.append(dir + QStringLiteral("/docker.service"));
            paths.dropInDirs.append(dir + QStringLiteral("/docker.service.d"));
        }
    }
    return paths;
}

DockerRestarter::Settings restarterSettings(const DockerConfig &docker)
{
    DockerRestarter::Settings s;
    s.method = DockerRestarter::methodFromKey(docker.restart).value_or(DockerRestarter::Method::Auto);
    s.command = docker.restartCommand;
    s.timeoutMs = docker.restartTimeoutSeconds * 1000;
    return s;
}

// The host's default routes and the bridge's addresses: what Docker has
// been seen to take when it starts on a bridge.
struct Keepsakes
{
    QList<AddressState> addresses;
    QList<RouteState> defaultRoutes;
};

Keepsakes keepsakes(const NetState &state, const QString &bridge)
{
    Keepsakes k;
    if (const auto link = state.links.byName(bridge)) {
        for (const AddressState &a : state.addressesOf(link->ifindex)) {
            if (a.scope == RT_SCOPE_UNIVERSE)
                k.addresses.append(a);
        }
    }
    for (const RouteState &r : state.routes) {
        if (r.isDefault() && r.table == RT_TABLE_MAIN && r.singlePath)
            k.defaultRoutes.append(r);
    }
    return k;
}

// The first default route through the bridge, as the containers' gateway
// when the user named none (network mode needs one).
QString gatewayThrough(const NetState &state, const QString &bridge)
{
    const auto link = state.links.byName(bridge);
    if (!link)
        return {};
    for (const RouteState &r : state.routesThrough(link->ifindex)) {
        if (r.isDefault() && r.family == AF_INET && !r.gateway.isEmpty())
            return r.gatewayText();
    }
    for (const AddressState &a : state.addressesOf(link->ifindex)) {
        if (a.family == AF_INET)
            return addressToText(AF_INET, a.local);
    }
    return {};
}

} // namespace

// Everything a run will do, read from the files and the state once.
struct DockerSetup::Prepared
{
    DockerRequest request;
    HelperPlan steps;                       // in order, as the client sees them
    HelperPlan warnings;                    // appended last
    QList<DockerFileRewrite> optionRewrites;
    QString removeDropIn;                   // Reset: the boot-order drop-in to take away
    QString daemonPath;
    QByteArray daemonBytes;                 // what to write
    bool daemonChanged = false;
    bool persist = false;
    BridgePersistence persistence;
    bool reloadSystemd = false;
    bool restart = false;
    bool forwardingFix = false;
    bool containerNames = true;             // the caller may know which containers run
    QString networkSubnet;                  // Mode::Network
    QString networkGateway;
    bool createNetwork = false;

    HelperPlan all() const { return steps + warnings; }
};

// What run() changed, to be put back.
struct DockerSetup::Undo
{
    QList<std::pair<QString, QString>> files;   // (path, backup): SafeFile::restore
    QList<std::pair<QString, QByteArray>> removed;   // (path, content) of files taken away
    AppliedPersistence persistence;
    bool reloadSystemd = false;
};

class DockerSetup::Private
{
public:
    explicit Private(const HelperConfig &config)
        : engine(config.docker.socket)
        , restarter(restarterSettings(config.docker))
    {
    }

    DockerEngine engine;
    DockerRestarter restarter;
    bool running = false;
};

DockerSetup::DockerSetup(const HelperConfig &config, const QDBusConnection &systemBus, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_bus(systemBus)
    , d(std::make_unique<Private>(config))
{
}

DockerSetup::~DockerSetup() = default;

bool DockerSetup::isRunning() const
{
    return d->running;
}

std::optional<HelperFailure> DockerSetup::prepare(const DockerRequest &request, const NetState &state,
                                                  Prepared *out) const
{
    *out = Prepared();
    out->request = request;
    if (auto failure = request.check(state))
        return failure;
    const bool useBridge = request.kind == DockerRequest::Kind::UseBridge;
    const bool network = useBridge && request.mode == DockerRequest::Mode::Network;

    // Options Docker also takes from elsewhere: dockerd refuses a setting
    // given both as a flag and in daemon.json, so they move or we stop.
    const DockerOptionPaths paths = optionPaths(m_config.docker);
    QList<DockerOption> options;
    if (auto failure = findNetworkOptions(paths, &options))
        return failure;
    if (network) {
        // daemon.json is not touched: flags elsewhere conflict with nothing.
        options.clear();
    } else if (!useBridge) {
        // "-b docker0" is what a reset asks for; it conflicts with nothing
        // once daemon.json no longer names a bridge.
        options.removeIf([](const DockerOption &o) {
            return o.problem.isEmpty() && o.daemonKey == QLatin1String("bridge") && o.value == QLatin1String("docker0");
        });
    }
    DockerOptionMove move;
    if (!options.isEmpty()) {
        if (!request.moveOptions) {
            const DockerOption &o = options.first();
            return HelperFailure::make(HelperError::DockerConflict, {o.file, o.option, o.value},
                                       QStringLiteral("Docker also takes %1 from %2 (%3)").arg(o.option, o.file, o.setting));
        }
        if (auto failure = planOptionMove(options, paths, &move))
            return failure;
        for (const DockerOption &o : options)
            out->steps.append({QStringLiteral("MoveDockerOption"), {o.file, o.option, o.value, o.daemonKey}});
        out->optionRewrites = move.rewrites;
        for (const DockerFileRewrite &r : move.rewrites) {
            out->steps.append({QStringLiteral("WriteFile"), {r.path, QString::fromUtf8(r.content)}});
            if (r.path.endsWith(QLatin1String(".conf")))
                out->reloadSystemd = true;
        }
    }

    out->daemonPath = m_config.docker.daemonConfig;
    DaemonConfig current;
    if (auto failure = current.load(out->daemonPath))
        return failure;
    // What Docker runs with now, flags included: what the warnings compare.
    const DaemonConfig effective = current.withKeys(move.daemonKeys);
    DaemonConfig next = effective;
    if (useBridge && !network)
        next = next.withBridge({request.bridge, request.fixedCidr, request.defaultGateway});
    else if (!useBridge)
        next = next.withoutBridge();
    const QStringList diff = current.diff(next);
    if (!diff.isEmpty()) {
        out->daemonChanged = true;
        out->daemonBytes = next.toJson();
        out->steps.append({QStringLiteral("EditDaemonConfig"), QStringList{out->daemonPath} + diff});
        if (current.exists())
            out->steps.append({QStringLiteral("KeepBackup"),
                               {out->daemonPath, out->daemonPath + QLatin1String(SafeFile::BackupSuffix)}});
        if (!effective.bip().isEmpty() && next.bip().isEmpty())
            out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("bip-removed"), effective.bip()}});
        // Left out of the call means gone: said, since containers then take
        // addresses from the whole subnet.
        if (useBridge && !effective.fixedCidr().isEmpty() && next.fixedCidr().isEmpty())
            out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("fixed-cidr-removed"), effective.fixedCidr()}});
        if (useBridge && !effective.defaultGateway().isEmpty() && next.defaultGateway().isEmpty())
            out->warnings.append(
                {QStringLiteral("Warning"), {QStringLiteral("default-gateway-removed"), effective.defaultGateway()}});
    }

    if (useBridge && request.persist) {
        out->persist = true;
        if (auto failure = BridgePersistence::plan(m_config, state, request.bridge, m_bus, &out->persistence))
            return failure;
        out->steps.append(out->persistence.describeSteps());
        if (out->persistence.backend == PersistBackend::None)
            out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("not-persistent"), request.bridge}});
        out->reloadSystemd = out->reloadSystemd || out->persistence.dropIn;
    } else if (useBridge) {
        // Made permanent by an earlier call: still is.
        if (!PersistRecord::load(m_config, request.bridge))
            out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("not-persistent"), request.bridge}});
        const PersistentBridge bridge = BridgePersistence::describe(state, request.bridge);
        for (const QString &port : bridge.ports) {
            if (BridgePersistence::networkManagerManages(m_config, port, m_bus))
                out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("networkmanager-runtime"), port}});
        }
    }
    if (!useBridge) {
        // Docker no longer waits for a bridge at boot (a device that never
        // comes would hold it for systemd's device timeout).
        const QString dropIn = dockerBootOrderDropIn(QStringLiteral("x"), m_config.persist.dropInDir).path;
        if (QFileInfo::exists(dropIn)) {
            out->removeDropIn = dropIn;
            out->steps.append({QStringLiteral("RemoveFile"), {dropIn}});
            out->reloadSystemd = true;
        }
    }
    if (out->reloadSystemd && !systemdRuns(BridgePersistence::settings(m_config).systemdRunDirectory))
        out->reloadSystemd = false;   // only a running systemd reads drop-ins
    if (out->reloadSystemd)
        out->steps.append({QStringLiteral("ReloadSystemd"), {}});

    const bool changed = out->daemonChanged || !out->optionRewrites.isEmpty();
    out->restart = changed && request.restart;
    // Known before anything is written: a host where nothing can restart
    // Docker must not get files it would only read at some later start.
    DockerRestarter::Method method = DockerRestarter::Method::Auto;
    if (out->restart) {
        if (auto failure = d->restarter.resolve(&method))
            return withOutcome(*failure, QString());
    }
    if (changed && !request.restart)
        out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("no-restart")}});

    if (network) {
        out->networkSubnet = DockerRequest::ipv4Subnets(state, request.bridge).value(0);
        out->networkGateway = request.defaultGateway.isEmpty() ? gatewayThrough(state, request.bridge)
                                                                : request.defaultGateway;
        out->createNetwork = true;
    }

    if (useBridge) {
        ForwardingFinding finding;
        if (!ForwardingCheck().check(request.bridge, &finding) && finding.problem()) {
            if (request.allowForwarding) {
                out->forwardingFix = true;
                out->warnings.prepend({QStringLiteral("AllowForwarding"), {request.bridge}});
            } else {
                out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("forwarding-dropped"), request.bridge}});
            }
        }
        out->warnings.append({QStringLiteral("Warning"), {QStringLiteral("containers-reachable")}});
    }
    return std::nullopt;
}

void DockerSetup::askDocker(const std::shared_ptr<Prepared> &p, std::function<void(std::optional<HelperFailure>)> then)
{
    // In the order run() does them: the restart, then the Docker network.
    const auto failed = [then](const HelperFailure &failure) { then(withOutcome(failure, QString())); };
    const auto networkSteps = [this, p, then, failed] {
        if (p->request.kind == DockerRequest::Kind::Reset && !p->request.network.isEmpty())
            p->steps.append({QStringLiteral("RemoveDockerNetwork"), {p->request.network}});
        if (!p->createNetwork)
            return then(std::nullopt);
        // A second network on the same bridge is something Docker lets
        // happen and then handles badly: one per bridge.
        d->engine.networkOnBridge(p->request.bridge, [this, p, then, failed](const auto &failure, const QString &name) {
            if (failure)
                return failed(*failure);
            if (!name.isEmpty() && name != p->request.networkName())
                return then(HelperFailure::make(HelperError::DockerConflict,
                                                {d->engine.endpoint(), QStringLiteral("network"), name},
                                                QStringLiteral("Docker network %1 already uses %2")
                                                    .arg(name, p->request.bridge)));
            if (!name.isEmpty()) {
                p->createNetwork = false;   // already there: nothing to do
            } else {
                p->steps.append({QStringLiteral("CreateDockerNetwork"),
                                 {p->request.networkName(), p->request.bridge, p->networkSubnet, p->request.fixedCidr,
                                  p->networkGateway}});
            }
            then(std::nullopt);
        });
    };
    const auto restartSteps = [this, p, networkSteps] {
        if (!p->restart)
            return networkSteps();
        askContainers(p, networkSteps);
    };
    if (p->request.kind != DockerRequest::Kind::UseBridge || p->request.mode != DockerRequest::Mode::DefaultBridge)
        return restartSteps();
    // Docker's default network on a bridge a user-defined network already
    // holds: dockerd starts, then fails to take the gateway address.
    d->engine.networkOnBridge(p->request.bridge, [this, p, then, restartSteps](const auto &failure, const QString &name) {
        if (!failure && !name.isEmpty() && name != QLatin1String("bridge"))
            return then(HelperFailure::make(HelperError::DockerConflict,
                                            {d->engine.endpoint(), QStringLiteral("network"), name},
                                            QStringLiteral("Docker network %1 already uses %2").arg(name, p->request.bridge)));
        restartSteps();   // no answer: Docker may be stopped, which the restart settles
    });
}

void DockerSetup::askContainers(const std::shared_ptr<Prepared> &p, std::function<void()> networkSteps)
{
    // A stopped Docker has no containers to lose: the list is left out.
    d->engine.runningContainers([this, p, networkSteps](const auto &failure, const QList<DockerContainerRef> &containers) {
        const auto add = [this, p, networkSteps](bool live, const QList<DockerContainerRef> &running) {
            QStringList names;
            for (const DockerContainerRef &c : running)
                names.append(c.name);
            // The names are Docker's to tell: a caller who may not ask
            // Docker gets how many, not which.
            if (!names.isEmpty() && p->containerNames)
                p->steps.append({live ? QStringLiteral("ContainersKeep") : QStringLiteral("ContainersStop"), names});
            else if (!names.isEmpty())
                p->steps.append({live ? QStringLiteral("ContainersKeepCount") : QStringLiteral("ContainersStopCount"),
                                 {QString::number(names.size())}});
            const DockerRestarter::Description how = d->restarter.describe();
            p->steps.append({QStringLiteral("RestartDocker"), {how.method, how.target}});
            p->steps.append({QStringLiteral("WaitForDocker"), {QString::number(m_config.docker.restartTimeoutSeconds)}});
            if (p->request.kind == DockerRequest::Kind::UseBridge)
                p->steps.append({QStringLiteral("CheckBridge"), {p->request.bridge}});
            networkSteps();
        };
        if (failure)
            return add(false, {});
        d->engine.liveRestore([add, containers](const auto &failure, bool live) { add(!failure && live, containers); });
    });
}

void DockerSetup::plan(const DockerRequest &request, const NetState &state, bool containerNames, Done done)
{
    auto p = std::make_shared<Prepared>();
    if (auto failure = prepare(request, state, p.get()))
        return done(failure, {});
    p->containerNames = containerNames;
    askDocker(p, [p, done](const std::optional<HelperFailure> &failure) {
        done(failure, failure ? HelperPlan() : p->all());
    });
}

void DockerSetup::run(const DockerRequest &request, const QString &transaction, Done done)
{
    if (d->running)
        return done(HelperFailure::make(HelperError::Busy, {QStringLiteral("transaction")},
                                        QStringLiteral("Docker is being reconfigured")),
                    {});
    LinkEditor::Result read;
    const NetState state = LinkEditor::readState(&read);
    if (!read.ok())
        return done(HelperFailure::make(HelperError::Failed, {QStringLiteral("UseDockerBridge"), QString(), read.error},
                                        QStringLiteral("Cannot read the links: %1").arg(read.error)),
                    {});
    auto p = std::make_shared<Prepared>();
    if (auto failure = prepare(request, state, p.get()))
        return done(failure, {});
    d->running = true;
    const auto finish = [this, done](const std::optional<HelperFailure> &failure, const HelperPlan &steps) {
        d->running = false;
        done(failure, steps);
    };
    askDocker(p, [this, p, transaction, finish](const std::optional<HelperFailure> &failure) {
        if (failure)
            return finish(failure, {});
        execute(p, transaction, finish);
    });
}

void DockerSetup::execute(const std::shared_ptr<Prepared> &p, const QString &transaction, Done done)
{
    auto undo = std::make_shared<Undo>();
    const auto failWith = [this, p, undo, transaction, done](const HelperFailure &failure) {
        putBack(p, undo, transaction, failure, false, done);
    };

    // Files first, each with its way back; Docker reads them at its restart.
    for (const DockerFileRewrite &r : p->optionRewrites) {
        QString backup;
        Q_EMIT progress(transaction, QStringLiteral("writing"), {r.path});
        QDir().mkpath(QFileInfo(r.path).absolutePath());   // a drop-in folder may be new
        if (auto failure = SafeFile::write(r.path, r.content, r.mode, &backup))
            return failWith(*failure);
        undo->files.append({r.path, backup});
    }
    if (p->daemonChanged) {
        QString backup;
        Q_EMIT progress(transaction, QStringLiteral("writing"), {p->daemonPath});
        QDir().mkpath(QFileInfo(p->daemonPath).absolutePath());   // /etc/docker before Docker ever ran
        if (auto failure = SafeFile::write(p->daemonPath, p->daemonBytes, 0644, &backup))
            return failWith(*failure);
        undo->files.append({p->daemonPath, backup});
        qCInfo(lcHelper, "%s written (backup %s)", qPrintable(p->daemonPath),
               qPrintable(backup.isEmpty() ? QStringLiteral("none") : backup));
    }
    if (!p->removeDropIn.isEmpty()) {
        QByteArray old;
        bool exists = false;
        if (auto failure = SafeFile::read(p->removeDropIn, &old, &exists))
            return failWith(*failure);
        if (auto failure = SafeFile::restore(p->removeDropIn, QString()))
            return failWith(*failure);
        // Its way back is to write it again: kept in memory for that.
        undo->removed.append({p->removeDropIn, old});
    }
    if (p->persist) {
        for (const ConfigFile &f : p->persistence.files)
            Q_EMIT progress(transaction, QStringLiteral("writing"), {f.path});
        if (auto failure = applyPersistence(p->persistence, m_config, m_bus, &undo->persistence))
            return failWith(*failure);
    }

    LinkEditor::Result read;
    const NetState before = LinkEditor::readState(&read);
    const auto restartStep = [this, p, undo, transaction, before, done] {
        if (!p->restart)
            return afterRestart(p, undo, transaction, before, done);
        restartAndWait(transaction, [this, p, undo, transaction, before, done](const std::optional<HelperFailure> &failure) {
            if (failure)
                return putBack(p, undo, transaction, *failure, true, done);
            afterRestart(p, undo, transaction, before, done);
        });
    };
    if (!p->reloadSystemd)
        return restartStep();
    undo->reloadSystemd = true;
    d->restarter.reloadSystemd([failWith, restartStep](const std::optional<HelperFailure> &failure) {
        if (failure)
            return failWith(*failure);
        restartStep();
    });
}

void DockerSetup::restartAndWait(const QString &transaction, std::function<void(std::optional<HelperFailure>)> then)
{
    const DockerRestarter::Description how = d->restarter.describe();
    Q_EMIT progress(transaction, QStringLiteral("restarting"), {how.method});
    qCInfo(lcHelper, "restarting Docker (%s: %s)", qPrintable(how.method), qPrintable(how.target));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    d->restarter.restart([this, transaction, clock, then](const std::optional<HelperFailure> &failure) {
        if (failure)
            return then(failure);
        // The restart may return before dockerd listens: ask /_ping until
        // it answers, telling clients how long it has been.
        auto ticker = std::make_shared<QTimer>();
        ticker->setInterval(1000);
        QObject::connect(ticker.get(), &QTimer::timeout, this, [this, transaction, clock] {
            Q_EMIT progress(transaction, QStringLiteral("waiting"), {QString::number(clock->elapsed() / 1000)});
        });
        ticker->start();
        d->engine.waitUntilUp(m_config.docker.restartTimeoutSeconds * 1000,
                              [this, transaction, clock, ticker, then](const std::optional<HelperFailure> &failure) {
                                  ticker->stop();
                                  if (failure) {
                                      // The restart's own words say more than "no answer".
                                      const QString said = QString::fromUtf8(d->restarter.lastOutput()).trimmed();
                                      const QString why = failure->detail + (said.isEmpty() ? QString() : QStringLiteral("\n") + said);
                                      return then(HelperFailure::make(HelperError::DockerFailed, {QStringLiteral("start"), why},
                                                                      why));
                                  }
                                  Q_EMIT progress(transaction, QStringLiteral("up"),
                                                  {QString::number((clock->elapsed() + 500) / 1000)});
                                  then(std::nullopt);
                              });
    });
}

void DockerSetup::afterRestart(const std::shared_ptr<Prepared> &p, const std::shared_ptr<Undo> &undo,
                               const QString &transaction, const NetState &before, Done done)
{
    HelperPlan extra;
    if (p->restart && p->request.kind == DockerRequest::Kind::UseBridge) {
        // Docker has been known to take the bridge's address or the host's
        // default route when it starts on a bridge: put back what went.
        Q_EMIT progress(transaction, QStringLiteral("checking"), {p->request.bridge});
        const Keepsakes then = keepsakes(before, p->request.bridge);
        LinkEditor::Result read;
        const NetState now = LinkEditor::readState(&read);
        const Keepsakes kept = keepsakes(now, p->request.bridge);
        for (const AddressState &a : then.addresses) {
            const bool present = std::any_of(kept.addresses.begin(), kept.addresses.end(),
                                             [&](const AddressState &k) { return k.sameAddress(a) && k.ifindex == a.ifindex; });
            if (present)
                continue;
            const LinkEditor::Result added = AddressEditor::addAddress(a);
            qCWarning(lcHelper, "Docker took %s from %s; %s", qPrintable(a.text()), qPrintable(p->request.bridge),
                      added.ok() ? "put back" : qPrintable(added.error));
            if (added.ok())
                extra.append({QStringLiteral("RestoreAddress"), {a.text(), QString(), p->request.bridge}});
            else
                extra.append({QStringLiteral("Warning"),
                              {QStringLiteral("address-not-restored"), a.text(), p->request.bridge, added.error}});
        }
        for (const RouteState &r : then.defaultRoutes) {
            const bool present = std::any_of(kept.defaultRoutes.begin(), kept.defaultRoutes.end(), [&](const RouteState &k) {
                return k.sameRouteExceptLink(r) && k.oif == r.oif;
            });
            if (present)
                continue;
            const LinkEditor::Result added = AddressEditor::addRoute(r, true);
            qCWarning(lcHelper, "the default route via %s went away; %s", qPrintable(r.gatewayText()),
                      added.ok() ? "put back" : qPrintable(added.error));
            const auto link = before.links.byIndex(r.oif);
            const QString through = link ? link->name : QString();
            if (added.ok())
                extra.append({QStringLiteral("RestoreRoute"),
                              {r.destinationText(), r.gatewayText(), QString(), through, QString::number(r.metric())}});
            else
                extra.append({QStringLiteral("Warning"),
                              {QStringLiteral("route-not-restored"), r.destinationText(), r.gatewayText(), through,
                               added.error}});
        }
    }

    const auto finish = [this, p, undo, transaction, extra, done](const HelperPlan &late) {
        HelperPlan steps = p->all() + extra + late;
        if (p->persist)
            remember(p->request.bridge, p->persistence, undo->persistence);
        if (p->forwardingFix) {
            qint64 handle = 0;
            ForwardingFinding finding;
            // Docker's own rules may have settled it since the plan.
            if (!ForwardingCheck().check(p->request.bridge, &finding) && finding.problem()) {
                if (auto failure = ForwardingCheck().fix(p->request.bridge, &handle)) {
                    qCWarning(lcHelper, "cannot add the forwarding rule: %s", qPrintable(failure->detail));
                    steps.removeIf([](const HelperPlanStep &s) { return s.name == QLatin1String("AllowForwarding"); });
                    steps.append({QStringLiteral("Warning"), {QStringLiteral("forwarding-not-allowed"),
                                                              p->request.bridge, failure->detail}});
                }
            }
        }
        Q_EMIT progress(transaction, QStringLiteral("done"), {});
        done(std::nullopt, steps);
    };

    if (p->createNetwork) {
        DockerNetworkSpec spec{p->request.networkName(), p->request.bridge, p->networkSubnet, p->request.fixedCidr,
                               p->networkGateway};
        d->engine.createNetwork(spec, [this, p, undo, transaction, finish, done](const auto &failure, const QString &) {
            if (failure)
                return putBack(p, undo, transaction, *failure, p->restart, done);
            finish({});
        });
        return;
    }
    if (p->request.kind == DockerRequest::Kind::Reset && !p->request.network.isEmpty()) {
        d->engine.removeNetwork(p->request.network, [p, finish](const auto &failure) {
            if (!failure)
                return finish({});
            qCWarning(lcHelper, "cannot remove the Docker network: %s", qPrintable(failure->detail));
            p->steps.removeIf([](const HelperPlanStep &s) { return s.name == QLatin1String("RemoveDockerNetwork"); });
            finish({{QStringLiteral("Warning"), {QStringLiteral("network-not-removed"), p->request.network,
                                                 failure->detail}}});
        });
        return;
    }
    finish({});
}

void DockerSetup::remember(const QString &bridge, const BridgePersistence &planned, const AppliedPersistence &applied)
{
    if (applied.files.isEmpty() && applied.connections.isEmpty())
        return;
    PersistRecord record = PersistRecord::load(m_config, bridge).value_or(PersistRecord());
    record.bridge = bridge;
    for (const AppliedConfigFile &a : applied.files) {
        const auto known = std::find_if(record.applied.files.begin(), record.applied.files.end(),
                                        [&](const AppliedConfigFile &k) { return k.path == a.path; });
        // The first write holds what was there before Passerelle.
        if (known == record.applied.files.end())
            record.applied.files.append(a);
        for (const ConfigFile &f : planned.files) {
            if (f.path == a.path)
                record.written.insert(a.path, QCryptographicHash::hash(f.content, QCryptographicHash::Sha256).toHex());
        }
    }
    record.applied.connections += applied.connections;
    QString error;
    if (!record.save(m_config, &error))
        qCWarning(lcHelper, "cannot record the permanent configuration of %s: %s", qPrintable(bridge), qPrintable(error));
}

void DockerSetup::putBack(const std::shared_ptr<Prepared> &p, const std::shared_ptr<Undo> &undo,
                          const QString &transaction, const HelperFailure &cause, bool restartAgain, Done done)
{
    Q_EMIT progress(transaction, QStringLiteral("restoring"), {cause.parameters.value(0)});
    qCWarning(lcHelper, "Docker's configuration is put back: %s", qPrintable(cause.detail));
    bool restored = true;
    for (auto it = undo->files.crbegin(); it != undo->files.crend(); ++it) {
        if (auto failure = SafeFile::restore(it->first, it->second)) {
            qCCritical(lcHelper, "cannot put %s back: %s", qPrintable(it->first), qPrintable(failure->detail));
            restored = false;
        }
    }
    for (const auto &[path, content] : undo->removed) {
        if (auto failure = SafeFile::write(path, content, 0644, nullptr)) {
            qCCritical(lcHelper, "cannot write %s again: %s", qPrintable(path), qPrintable(failure->detail));
            restored = false;
        }
    }
    if (auto failure = undoPersistence(undo->persistence, m_bus)) {
        qCCritical(lcHelper, "cannot undo the permanent configuration: %s", qPrintable(failure->detail));
        restored = false;
    }
    const auto report = [cause, done](bool ok) {
        if (!cause.is(HelperError::DockerFailed))
            return done(cause, {});
        done(withOutcome(cause, ok ? QStringLiteral("restored") : QStringLiteral("not-restored")), {});
    };
    const auto again = [this, transaction, restored, restartAgain, report] {
        if (!restartAgain)
            return report(restored);
        restartAndWait(transaction, [restored, report](const std::optional<HelperFailure> &failure) {
            if (failure)
                qCCritical(lcHelper, "Docker does not come back with its previous configuration: %s",
                           qPrintable(failure->detail));
            report(restored && !failure);
        });
    };
    Q_UNUSED(p)
    if (!undo->reloadSystemd)
        return again();
    d->restarter.reloadSystemd([again](const std::optional<HelperFailure> &) { again(); });
}

std::optional<HelperFailure> DockerSetup::usesBridgeNow(const QString &bridge) const
{
    const auto inUse = [&bridge](const QString &source) {
        return HelperFailure::make(HelperError::InUseByDocker, {bridge, source},
                                   QStringLiteral("Docker's default network is on %1 (%2)").arg(bridge, source));
    };
    DaemonConfig config;
    if (!config.load(m_config.docker.daemonConfig) && config.bridge() == bridge)
        return inUse(m_config.docker.daemonConfig);
    QList<DockerOption> options;
    findNetworkOptions(optionPaths(m_config.docker), &options);
    for (const DockerOption &o : options) {
        if (o.problem.isEmpty() && o.daemonKey == QLatin1String("bridge") && o.value == bridge)
            return inUse(o.file + QLatin1Char(':') + o.setting);
    }
    return std::nullopt;
}

void DockerSetup::usesBridge(const QString &bridge, std::function<void(const std::optional<HelperFailure> &)> done)
{
    if (auto failure = usesBridgeNow(bridge))
        return done(failure);
    // A Docker that does not answer has no networks to lose.
    d->engine.networkOnBridge(bridge, [bridge, done](const auto &failure, const QString &name) {
        if (failure || name.isEmpty())
            return done(std::nullopt);
        const QString source = QStringLiteral("network:") + name;
        done(HelperFailure::make(HelperError::InUseByDocker, {bridge, source},
                                 QStringLiteral("The Docker network %1 is on %2").arg(name, bridge)));
    });
}

void DockerSetup::settings(std::function<void(const DockerSettingList &)> done)
{
    DockerSettingList out;
    const QString path = m_config.docker.daemonConfig;
    DaemonConfig config;
    if (auto failure = config.load(path)) {
        out.append({QStringLiteral("error"), failure->name, path});
    } else {
        const auto add = [&](const char *setting, const QString &value) {
            if (!value.isEmpty())
                out.append({QLatin1String(setting), value, path});
        };
        add("bridge", config.bridge());
        add("bip", config.bip());
        add("fixed-cidr", config.fixedCidr());
        add("default-gateway", config.defaultGateway());
        if (config.object().contains(QStringLiteral("live-restore")))
            out.append({QStringLiteral("live-restore"), config.liveRestore() ? QStringLiteral("true") : QStringLiteral("false"), path});
    }
    QList<DockerOption> options;
    if (auto failure = findNetworkOptions(optionPaths(m_config.docker), &options)) {
        out.append({QStringLiteral("error"), failure->name, failure->parameters.value(2)});
    }
    for (const DockerOption &o : options) {
        if (o.problem.isEmpty())
            out.append({o.daemonKey, o.value, o.file + QLatin1Char(':') + o.setting});
        else
            out.append({QStringLiteral("error"), o.problem, o.file + QLatin1Char(':') + o.setting});
    }
    const DockerRestarter::Description how = d->restarter.describe();
    out.append({QStringLiteral("restart"), how.method, how.target});
    out.append({QStringLiteral("persist"), m_config.persist.backend, m_config.path});
    d->engine.defaultBridge([out, done](const auto &failure, const DockerBridgeNetwork &network) mutable {
        if (!failure && !network.bridge.isEmpty())
            out.append({QStringLiteral("running-bridge"), network.bridge, QStringLiteral("engine")});
        done(out);
    });
}

} // namespace Passerelle
