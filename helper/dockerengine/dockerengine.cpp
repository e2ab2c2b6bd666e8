#include "dockerengine.h"

#include "dockerapiversion.h"

#include "dockerenginelogging.h"
#include "unixsockethttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace Passerelle {

namespace {

const QString kDefaultEndpoint = QStringLiteral("unix:///var/run/docker.sock");
const QLatin1String kBridgeNameOption("com.docker.network.bridge.name");
const QLatin1String kInhibitIpv4Option("com.docker.network.bridge.inhibit_ipv4");

constexpr int kMaxConnections = 4;
constexpr int kConnectTimeoutMs = 2000;
constexpr int kPingTimeoutMs = 3000;
constexpr int kRequestTimeoutMs = 30000;
constexpr int kPollIntervalMs = 250;

using Reply = UnixSocketHttp::Reply;

// A container's own name from /containers/json's "Names": "/name", plus
// "/other/alias" for each legacy link to it.
QString ownName(const QJsonArray &names)
{
    for (const QJsonValue &n : names) {
        const QString name = n.toString();
        if (name.startsWith(QLatin1Char('/')) && name.indexOf(QLatin1Char('/'), 1) < 0)
            return name.mid(1);
    }
    return QString();
}

// The Linux bridge of a bridge network: its option, else the name Docker
// gives the bridges it creates for user-defined networks.
QString bridgeOf(const QJsonObject &network)
{
    const QString option = network.value(QLatin1String("Options")).toObject().value(kBridgeNameOption).toString();
    if (!option.isEmpty())
        return option;
    const QString id = network.value(QLatin1String("Id")).toString();
    return id.isEmpty() ? QString() : QStringLiteral("br-") + id.left(12);
}

} // namespace

class DockerEngine::Private
{
public:
    Private(DockerEngine *q, const QString &endpoint);

    DockerEngine *q;
    QString endpoint;
    QByteArray socketPath;      // empty when the endpoint is not a unix socket
    QString apiVersion;
    UnixSocketHttp *http = nullptr;

    using ReplyHandler = std::function<void(const Reply &reply)>;

    QString socketDisplay() const { return QString::fromLocal8Bit(socketPath); }
    HelperFailure unreachable(const QString &reason, const QString &detail) const;
    HelperFailure failureFor(const Reply &reply, const QString &stage) const;
    void later(std::function<void()> what);
    void pingOnce(Done done);
    // Negotiates the API version if not done yet, then sends METHOD
    // /vVERSION PATH. HANDLER gets only answers that came through: transport
    // failures go to FAIL as DockerUnreachable.
    void call(const QByteArray &method, const QByteArray &path, const QByteArray &body, int timeoutMs,
              std::function<void(const HelperFailure &)> fail, ReplyHandler handler);
};

DockerEngine::Private::Private(DockerEngine *q, const QString &configured)
    : q(q)
{
    endpoint = configured.trimmed().isEmpty() ? kDefaultEndpoint : configured.trimmed();
    const QLatin1String unixScheme("unix://");
    if (endpoint.startsWith(unixScheme)) {
        socketPath = endpoint.mid(unixScheme.size()).toLocal8Bit();
        if (socketPath.isEmpty())
            socketPath = kDefaultEndpoint.mid(unixScheme.size()).toLocal8Bit();
    }
    http = new UnixSocketHttp(socketPath, kMaxConnections, kConnectTimeoutMs, q);
}

HelperFailure DockerEngine::Private::unreachable(const QString &reason, const QString &detail) const
{
    return HelperFailure::make(HelperError::DockerUnreachable, {endpoint, reason}, detail);
}

HelperFailure DockerEngine::Private::failureFor(const Reply &reply, const QString &stage) const
{
    const QString path = socketDisplay();
    switch (reply.failure) {
    case Reply::Failure::None:
        break;
    case Reply::Failure::CouldNotConnect:
        switch (reply.osErrno) {
        case EACCES:
        case EPERM:
            return unreachable(QStringLiteral("permission-denied"),
                               QStringLiteral("permission denied on %1").arg(path));
        case ENOENT:
        case ECONNREFUSED:
            return unreachable(QStringLiteral("no-daemon"), QStringLiteral("no Docker daemon is listening on %1").arg(path));
        default:
            return unreachable(QStringLiteral("failed"), QStringLiteral("cannot connect to Docker at %1: %2")
                                                          .arg(path, reply.osErrno ? QString::fromLocal8Bit(std::strerror(int(reply.osErrno)))
                                                                                   : reply.errorMessage));
        }
    case Reply::Failure::TimedOut:
        return unreachable(QStringLiteral("timeout"), QStringLiteral("Docker at %1 does not answer").arg(path));
    case Reply::Failure::ConnectionLost:
        return unreachable(QStringLiteral("connection-lost"),
                           QStringLiteral("Docker at %1 closed the connection: %2").arg(path, reply.errorMessage));
    case Reply::Failure::Other:
        return unreachable(QStringLiteral("failed"),
                           QStringLiteral("the connection to Docker at %1 failed: %2").arg(path, reply.errorMessage));
    }
    // Docker explains its errors as {"message": "..."}.
    QString message = QJsonDocument::fromJson(reply.body).object().value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(reply.body.left(300)).trimmed();
    if (message.isEmpty())
        message = QStringLiteral("HTTP status %1").arg(reply.httpStatus);
    return HelperFailure::make(HelperError::DockerFailed, {stage, message},
                               QStringLiteral("Docker at %1 answered %2 with HTTP status %3: %4")
                                   .arg(path, stage, QString::number(reply.httpStatus), message));
}

// Callbacks never run inside the call that asked for them.
void DockerEngine::Private::later(std::function<void()> what)
{
    QTimer::singleShot(0, q, std::move(what));
}

void DockerEngine::Private::pingOnce(Done done)
{
    if (socketPath.isEmpty()) {
        later([this, done = std::move(done)] {
            done(unreachable(QStringLiteral("unsupported-endpoint"),
                             QStringLiteral("unsupported Docker endpoint %1: only unix:// sockets are supported").arg(endpoint)));
        });
        return;
    }
    const bool started = http->get(QByteArrayLiteral("/_ping"), kPingTimeoutMs, [this, done](const Reply &reply) {
        if (!reply.ok()) {
            done(failureFor(reply, QStringLiteral("ping")));
            return;
        }
        const QString version = DockerApiVersion::negotiate(reply.header("Api-Version"));
        if (version != apiVersion)
            qCDebug(lcDockerEngine) << "API version" << version << "with" << endpoint;
        apiVersion = version;
        done(std::nullopt);
    });
    if (!started) {
        later([this, done] {
            done(unreachable(QStringLiteral("failed"), QStringLiteral("cannot start a request to %1").arg(endpoint)));
        });
    }
}

void DockerEngine::Private::call(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                 int timeoutMs, std::function<void(const HelperFailure &)> fail,
                                 ReplyHandler handler)
{
    auto send = [this, method, path, body, timeoutMs, fail, handler] {
        const QByteArray versioned = "/v" + apiVersion.toLatin1() + path;
        auto onReply = [this, fail, handler](const Reply &reply) {
            if (reply.transportFailed()) {
                // The daemon may come back as another version.
                apiVersion.clear();
                fail(failureFor(reply, QString()));
                return;
            }
            handler(reply);
        };
        bool started = false;
        if (method == "POST")
            started = http->post(versioned, body, timeoutMs, onReply);
        else if (method == "DELETE")
            started = http->deleteResource(versioned, timeoutMs, onReply);
        else
            started = http->get(versioned, timeoutMs, onReply);
        if (!started) {
            later([this, fail] {
                fail(unreachable(QStringLiteral("failed"), QStringLiteral("cannot start a request to %1").arg(endpoint)));
            });
        }
    };
    if (!apiVersion.isEmpty()) {
        send();
        return;
    }
    pingOnce([send, fail](const Failure &failure) {
        if (failure)
            fail(*failure);
        else
            send();
    });
}

DockerEngine::DockerEngine(const QString &endpoint, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, endpoint))
{
}

DockerEngine::~DockerEngine()
{
    // The transfers hold callbacks into d: none may run from here on.
    d->http->cancelAll();
}

QString DockerEngine::defaultEndpoint()
{
    return kDefaultEndpoint;
}

QString DockerEngine::endpoint() const
{
    return d->endpoint;
}

QString DockerEngine::apiVersion() const
{
    return d->apiVersion;
}

void DockerEngine::ping(Done done)
{
    d->pingOnce(std::move(done));
}

void DockerEngine::waitUntilUp(int timeoutMs, Done done)
{
    // One state per wait, shared by the polls; the timers are children of
    // this object, so nothing runs once it is gone.
    struct Wait
    {
        QElapsedTimer elapsed;
        int timeoutMs = 0;
        int attempts = 0;
        Done done;
    };
    auto wait = std::make_shared<Wait>();
    wait->elapsed.start();
    wait->timeoutMs = timeoutMs;
    wait->done = std::move(done);
    auto poll = std::make_shared<std::function<void()>>();
    // The poll holds itself weakly; whoever will run it next (the ping's
    // callback, then the timer) holds it strongly, so it ends with the wait.
    *poll = [this, wait, weakPoll = std::weak_ptr<std::function<void()>>(poll)] {
        const auto self = weakPoll.lock();
        ++wait->attempts;
        d->pingOnce([this, wait, self](const Failure &failure) {
            if (!failure) {
                qCDebug(lcDockerEngine) << d->endpoint << "answers after" << wait->elapsed.elapsed() << "ms,"
                                        << wait->attempts << "pings";
                wait->done(std::nullopt);
                return;
            }
            const qint64 left = wait->timeoutMs - wait->elapsed.elapsed();
            if (left <= 0) {
                HelperFailure last = *failure;
                last.detail = QStringLiteral("Docker did not answer within %1 s (%2 attempts); last: %3")
                                  .arg(wait->timeoutMs / 1000.0)
                                  .arg(wait->attempts)
                                  .arg(failure->detail);
                wait->done(last);
                return;
            }
            QTimer::singleShot(int(qMin<qint64>(kPollIntervalMs, left)), this, [self] { (*self)(); });
        });
    };
    QTimer::singleShot(0, this, [poll] { (*poll)(); });
}

void DockerEngine::runningContainers(ContainersDone done)
{
    d->call("GET", QByteArrayLiteral("/containers/json"), {}, kRequestTimeoutMs,
            [done](const HelperFailure &f) { done(f, {}); },
            [this, done](const Reply &reply) {
                if (!reply.ok()) {
                    done(d->failureFor(reply, QStringLiteral("list-containers")), {});
                    return;
                }
                QList<DockerContainerRef> containers;
                const QJsonArray array = QJsonDocument::fromJson(reply.body).array();
                for (const QJsonValue &v : array) {
                    const QJsonObject o = v.toObject();
                    DockerContainerRef c;
                    c.id = o.value(QLatin1String("Id")).toString();
                    c.name = ownName(o.value(QLatin1String("Names")).toArray());
                    if (!c.id.isEmpty())
                        containers.append(c);
                }
                std::sort(containers.begin(), containers.end(),
                          [](const DockerContainerRef &a, const DockerContainerRef &b) { return a.name < b.name; });
                done(std::nullopt, containers);
            });
}

void DockerEngine::liveRestore(FlagDone done)
{
    d->call("GET", QByteArrayLiteral("/info"), {}, kRequestTimeoutMs,
            [done](const HelperFailure &f) { done(f, false); },
            [this, done](const Reply &reply) {
                if (!reply.ok()) {
                    done(d->failureFor(reply, QStringLiteral("info")), false);
                    return;
                }
                const QJsonObject info = QJsonDocument::fromJson(reply.body).object();
                if (info.isEmpty()) {
                    done(HelperFailure::make(HelperError::DockerFailed, {QStringLiteral("info"), QStringLiteral("not a JSON object")},
                                             QStringLiteral("Docker's /info answer is not a JSON object")),
                         false);
                    return;
                }
                // Absent before Docker 1.12, which had no live-restore.
                done(std::nullopt, info.value(QLatin1String("LiveRestoreEnabled")).toBool(false));
            });
}

void DockerEngine::defaultBridge(BridgeDone done)
{
    d->call("GET", QByteArrayLiteral("/networks/bridge"), {}, kRequestTimeoutMs,
            [done](const HelperFailure &f) { done(f, {}); },
            [this, done](const Reply &reply) {
                if (!reply.ok()) {
                    done(d->failureFor(reply, QStringLiteral("inspect-network")), {});
                    return;
                }
                const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
                DockerBridgeNetwork network;
                network.network = o.value(QLatin1String("Name")).toString();
                network.bridge = bridgeOf(o);
                // The first IPv4 pool; an IPv6 one may come with it.
                const QJsonArray pools = o.value(QLatin1String("IPAM")).toObject().value(QLatin1String("Config")).toArray();
                for (const QJsonValue &v : pools) {
                    const QJsonObject pool = v.toObject();
                    const QString subnet = pool.value(QLatin1String("Subnet")).toString();
                    if (subnet.contains(QLatin1Char(':')))
                        continue;
                    network.subnet = subnet;
                    network.gateway = pool.value(QLatin1String("Gateway")).toString();
                    break;
                }
                done(std::nullopt, network);
            });
}

void DockerEngine::networkOnBridge(const QString &bridge, NameDone done)
{
    d->call("GET", QByteArrayLiteral("/networks"), {}, kRequestTimeoutMs,
            [done](const HelperFailure &f) { done(f, QString()); },
            [this, bridge, done](const Reply &reply) {
                if (!reply.ok()) {
                    done(d->failureFor(reply, QStringLiteral("list-networks")), QString());
                    return;
                }
                const QJsonArray networks = QJsonDocument::fromJson(reply.body).array();
                for (const QJsonValue &v : networks) {
                    const QJsonObject o = v.toObject();
                    if (o.value(QLatin1String("Driver")).toString() == QLatin1String("bridge") && bridgeOf(o) == bridge) {
                        done(std::nullopt, o.value(QLatin1String("Name")).toString());
                        return;
                    }
                }
                done(std::nullopt, QString());
            });
}

void DockerEngine::createNetwork(const DockerNetworkSpec &spec, NameDone done)
{
    const std::pair<const char *, QString> required[] = {
        {"name", spec.name}, {"bridge", spec.bridge}, {"subnet", spec.subnet}, {"gateway", spec.gateway}};
    for (const auto &[argument, value] : required) {
        if (value.trimmed().isEmpty()) {
            d->later([done, argument = QLatin1String(argument)] {
                done(HelperFailure::make(HelperError::InvalidArgument, {argument, QString()},
                                         QStringLiteral("a Docker network needs a %1").arg(argument)),
                     QString());
            });
            return;
        }
    }
    QJsonObject pool{
        {QStringLiteral("Subnet"), spec.subnet},
        {QStringLiteral("Gateway"), spec.gateway},
    };
    if (!spec.ipRange.isEmpty())
        pool.insert(QStringLiteral("IPRange"), spec.ipRange);
    const QJsonObject body{
        {QStringLiteral("Name"), spec.name},
        // Refused by daemons before API 1.44 when the name is taken; newer
        // ones refuse duplicates anyway and ignore the field.
        {QStringLiteral("CheckDuplicate"), true},
        {QStringLiteral("Driver"), QStringLiteral("bridge")},
        {QStringLiteral("Options"),
         QJsonObject{
             {kBridgeNameOption, spec.bridge},
             // The bridge keeps its own (the host's) address; Docker adds none.
             {kInhibitIpv4Option, QStringLiteral("true")},
         }},
        {QStringLiteral("IPAM"),
         QJsonObject{
             {QStringLiteral("Driver"), QStringLiteral("default")},
             {QStringLiteral("Config"), QJsonArray{pool}},
         }},
    };
    const QString name = spec.name;
    d->call("POST", QByteArrayLiteral("/networks/create"), QJsonDocument(body).toJson(QJsonDocument::Compact),
            kRequestTimeoutMs, [done](const HelperFailure &f) { done(f, QString()); },
            [this, name, done](const Reply &reply) {
                if (!reply.ok()) {
                    done(d->failureFor(reply, QStringLiteral("create-network")), QString());
                    return;
                }
                const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
                const QString warning = o.value(QLatin1String("Warning")).toString();
                if (!warning.isEmpty())
                    qCInfo(lcDockerEngine) << "Docker warns about network" << name << ":" << warning;
                qCInfo(lcDockerEngine) << "created Docker network" << name;
                done(std::nullopt, o.value(QLatin1String("Id")).toString());
            });
}

void DockerEngine::removeNetwork(const QString &name, Done done)
{
    if (name.isEmpty()) {
        d->later([done] {
            done(HelperFailure::make(HelperError::InvalidArgument, {QStringLiteral("name"), QString()},
                                     QStringLiteral("no Docker network named")));
        });
        return;
    }
    d->call("DELETE", "/networks/" + QUrl::toPercentEncoding(name), {}, kRequestTimeoutMs,
            [done](const HelperFailure &f) { done(f); },
            [this, name, done](const Reply &reply) {
                if (reply.httpStatus == 404) {
                    done(std::nullopt);
                    return;
                }
                if (!reply.ok()) {
                    done(d->failureFor(reply, QStringLiteral("remove-network")));
                    return;
                }
                qCInfo(lcDockerEngine) << "removed Docker network" << name;
                done(std::nullopt);
            });
}

} // namespace Passerelle
