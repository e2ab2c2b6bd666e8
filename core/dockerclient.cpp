#include "dockerclient.h"

#include "dockerapiversion.h"

#include "containerpids.h"
#include "logging.h"
#include "netlinkmonitor.h"
#include "unixsockethttp.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>

namespace Passerelle {

namespace {

const QString kDefaultEndpoint = QStringLiteral("unix:///var/run/docker.sock");

constexpr int kConnectTimeoutMs = 5000;
constexpr int kPingTimeoutMs = 5000;
constexpr int kRequestTimeoutMs = 30000;
constexpr int kBackoffFirstMs = 250;
constexpr int kBackoffMaxMs = 5000;
// Inspects run concurrently over at most this many connections to dockerd
// (the /events stream holds one of them).
constexpr int kMaxConnections = 8;

// Container actions after which its running state, name or networks may
// have changed. Others (exec_*, attach, top, health_status...) change none
// of what we show.
const QSet<QString> &containerActions()
{
    static const QSet<QString> actions{
        QStringLiteral("start"), QStringLiteral("restart"), QStringLiteral("unpause"), QStringLiteral("pause"),
        QStringLiteral("die"),   QStringLiteral("stop"),    QStringLiteral("kill"),    QStringLiteral("destroy"),
        QStringLiteral("rename"), QStringLiteral("oom"),
    };
    return actions;
}

using Reply = UnixSocketHttp::Reply;

// A running container from its entry in /containers/json, all but its pid
// and nsid. False when the entry cannot say what an inspect would: no name
// of its own (only legacy link aliases), or an image shown by id because
// the name it was started from now points to another image (an inspect
// still has that name in Config.Image). C->id is set whenever there is one.
bool containerFromSummary(const QJsonObject &o, Container *c)
{
    c->id = o.value(QLatin1String("Id")).toString();
    if (c->id.isEmpty())
        return false;
    // "/name", and "/other/alias" for each legacy link to it.
    const QJsonArray names = o.value(QLatin1String("Names")).toArray();
    for (const QJsonValue &n : names) {
        const QString name = n.toString();
        if (name.startsWith(QLatin1Char('/')) && name.indexOf(QLatin1Char('/'), 1) < 0) {
            c->name = name.mid(1);
            break;
        }
    }
    c->image = o.value(QLatin1String("Image")).toString();
    c->state = o.value(QLatin1String("State")).toString();
    c->composeProject = o.value(QLatin1String("Labels"))
                            .toObject()
                            .value(QLatin1String("com.docker.compose.project"))
                            .toString();
    c->networks = o.value(QLatin1String("NetworkSettings"))
                      .toObject()
                      .value(QLatin1String("Networks"))
                      .toObject()
                      .keys();
    return !c->name.isEmpty() && !c->image.isEmpty() && !c->state.isEmpty()
        && c->image != o.value(QLatin1String("ImageID")).toString();
}

} // namespace

class DockerClient::Private
{
public:
    Private(DockerClient *q, const QString &configuredEndpoint);

    // What inspecting one container told us.
    struct Inspected
    {
        enum class Kind { Running, Gone, Skipped, Failed };
        Kind kind = Kind::Skipped;
        Container container;
        QString reason;                  // Failed: the connection broke
    };

    enum class Phase { Idle, Pinging, Listing, Live, WaitingToRetry };

    DockerClient *q;
    QString endpoint;                    // as shown to the user
    QByteArray socketPath;               // empty when the endpoint is not supported
    QString unsupportedReason;
    QString apiVersion;
    bool live = true;
    Phase phase = Phase::Idle;
    quint64 session = 0;                 // bumped whenever the requests in flight are dropped
    int backoffMs = kBackoffFirstMs;
    DockerStatus status;

    UnixSocketHttp *http = nullptr;      // a child of q: deleted with it, moved to its thread with it
    QTimer *retryTimer = nullptr;

    // Containers as last reported, for change detection.
    QHash<QString, Container> known;
    // Listing: containers complete so far, inspects outstanding, listed
    // containers waiting for their pid from the cgroups, and the ids events
    // named meanwhile (applied once the reset is out).
    QList<Container> listed;
    int inspectsPending = 0;
    QList<Container> awaitingPid;
    QSet<QString> eventsDuringListing;
    // Live: container id -> "another event came while it was being inspected".
    QHash<QString, bool> inspecting;

    void resolveEndpoint(const QString &configured);
    void connectToDaemon();
    void onPing(const Reply &reply);
    void openEventStream();
    void listContainers();
    void onList(const Reply &reply);
    void inspectListed(const QString &id, bool anchor = false);
    void placeByCgroups(const Inspected &anchor);
    void finishListing();
    void refresh(const QString &id);
    void inspect(const QString &id, std::function<void(const Inspected &)> done);
    void applyInspected(const QString &id, const Inspected &result);
    void onEventStreamEnded(const Reply &reply);
    void handleEventLine(const QByteArray &line);
    void handleEvent(const QJsonObject &event);
    void fail(const QString &reason);
    void retry();
    void dropRequests();
    void setStatus(DockerStatus::State state, const QString &reason = QString());

    QString reasonFor(const Reply &reply) const;
    QString transportReason(const Reply &reply) const;
    QString httpReason(const Reply &reply) const;
    QString socketDisplayPath() const { return QString::fromLocal8Bit(socketPath); }

    // GET path, below /v<negotiated version> when versioned.
    void get(const QByteArray &path, bool versioned, int timeoutMs, UnixSocketHttp::ReplyHandler done,
             UnixSocketHttp::LineHandler onLine = {});
};

DockerClient::Private::Private(DockerClient *q, const QString &configuredEndpoint)
    : q(q)
{
    resolveEndpoint(configuredEndpoint);
    http = new UnixSocketHttp(socketPath, kMaxConnections, kConnectTimeoutMs, q);
    retryTimer = new QTimer(q);
    retryTimer->setSingleShot(true);
    QObject::connect(retryTimer, &QTimer::timeout, q, [this] { retry(); });
}

void DockerClient::Private::resolveEndpoint(const QString &configured)
{
    endpoint = configured.isEmpty() ? DockerClient::defaultEndpoint() : configured.trimmed();
    socketPath.clear();
    unsupportedReason.clear();
    const QLatin1String unixScheme("unix://");
    if (endpoint.startsWith(unixScheme)) {
        QString path = endpoint.mid(unixScheme.size());
        if (path.isEmpty()) {
            endpoint = kDefaultEndpoint;
            path = kDefaultEndpoint.mid(unixScheme.size());
        }
        socketPath = path.toLocal8Bit();
        return;
    }
    // tcp://, ssh://, fd://, npipe:// and bare host:port (which the docker
    // CLI reads as tcp) would need TLS, an ssh tunnel or another transport.
    //: %1 is the endpoint as written in DOCKER_HOST, e.g. tcp://host:2375.
    unsupportedReason = DockerClient::tr("unsupported Docker endpoint %1: Passerelle only talks to a local "
                                         "Docker daemon through its unix socket (unix://)")
                            .arg(endpoint);
}

void DockerClient::Private::setStatus(DockerStatus::State state, const QString &reason)
{
    DockerStatus s;
    s.state = state;
    s.endpoint = endpoint;
    s.apiVersion = state == DockerStatus::State::Unavailable ? QString() : apiVersion;
    s.reason = reason;
    if (s == status)
        return;
    status = s;
    qCDebug(lcDocker) << "status" << int(state) << endpoint << s.apiVersion << reason;
    Q_EMIT q->statusChanged(s);
}

void DockerClient::Private::connectToDaemon()
{
    dropRequests();
    if (!unsupportedReason.isEmpty()) {
        phase = Phase::Idle;
        setStatus(DockerStatus::State::Unavailable, unsupportedReason);
        return;
    }
    // Retries keep showing why the daemon is unavailable rather than
    // flickering through "connecting" every few seconds.
    if (status.state != DockerStatus::State::Unavailable)
        setStatus(DockerStatus::State::Connecting);
    phase = Phase::Pinging;
    get(QByteArrayLiteral("/_ping"), false, kPingTimeoutMs, [this](const Reply &r) { onPing(r); });
}

void DockerClient::Private::onPing(const Reply &reply)
{
    if (!reply.ok()) {
        fail(reasonFor(reply));
        return;
    }
    const QByteArray daemonApi = reply.header(QByteArrayLiteral("API-Version"));
    apiVersion = DockerApiVersion::negotiate(daemonApi);
    qCDebug(lcDocker) << "daemon API" << daemonApi << "using" << apiVersion;
    // The stream is opened before the listing and asked to replay from just
    // before it, so that no event between the two is lost; replayed events
    // for containers already listed cost one inspect each and change nothing.
    if (live)
        openEventStream();
    listContainers();
}

void DockerClient::Private::openEventStream()
{
    const qint64 since = QDateTime::currentSecsSinceEpoch() - 2;
    const QByteArray filters = QJsonDocument(QJsonObject{
                                                 {QStringLiteral("type"),
                                                  QJsonArray{QStringLiteral("container"), QStringLiteral("network")}},
                                             })
                                   .toJson(QJsonDocument::Compact);
    const QByteArray path = "/events?since=" + QByteArray::number(since) + "&filters=" + QUrl::toPercentEncoding(
                                QString::fromUtf8(filters));
    get(path, true, 0, [this](const Reply &r) { onEventStreamEnded(r); },
        [this](const QByteArray &line) { handleEventLine(line); });
}

void DockerClient::Private::listContainers()
{
    phase = Phase::Listing;
    listed.clear();
    inspectsPending = 0;
    awaitingPid.clear();
    eventsDuringListing.clear();
    get(QByteArrayLiteral("/containers/json"), true, kRequestTimeoutMs, [this](const Reply &r) { onList(r); });
}

void DockerClient::Private::onList(const Reply &reply)
{
    if (!reply.ok()) {
        fail(reasonFor(reply));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &error);
    if (!doc.isArray()) {
        fail(DockerClient::tr("Docker at %1 sent a container list that is not valid JSON")
                 .arg(socketDisplayPath()));
        return;
    }
    // The listing says everything we show but the pid. An inspect tells
    // Docker's pid for one container, whose cgroup shows where the others'
    // are; their cgroups tell their pids (containerpids.h). The containers
    // these do not place, and those whose listing differs from what an
    // inspect says, are inspected as before.
    QStringList toInspect;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array) {
        Container c;
        if (containerFromSummary(v.toObject(), &c))
            awaitingPid.append(c);
        else if (!c.id.isEmpty())
            toInspect.append(c.id);
    }
    qCDebug(lcDocker) << "listed" << awaitingPid.size() + toInspect.size() << "running containers";
    if (awaitingPid.isEmpty() && toInspect.isEmpty()) {
        finishListing();
        return;
    }
    // The inspects go out at once (those the cgroups do not avoid, after the
    // first one's answer); libcurl runs them over a few parallel
    // connections, so 100 containers do not cost 100 round trips in a row.
    if (!awaitingPid.isEmpty())
        inspectListed(awaitingPid.takeFirst().id, true);
    for (const QString &id : std::as_const(toInspect))
        inspectListed(id);
}

void DockerClient::Private::inspectListed(const QString &id, bool anchor)
{
    ++inspectsPending;
    const quint64 current = session;
    inspect(id, [this, current, anchor](const Inspected &result) {
        if (current != session)
            return;
        if (result.kind == Inspected::Kind::Failed) {
            fail(result.reason);
            return;
        }
        if (result.kind == Inspected::Kind::Running)
            listed.append(result.container);
        if (anchor)
            placeByCgroups(result); // before the count drops: it may inspect more
        if (--inspectsPending == 0)
            finishListing();
    });
}

void DockerClient::Private::placeByCgroups(const Inspected &anchor)
{
    QList<Container> waiting = std::exchange(awaitingPid, {});
    if (waiting.isEmpty())
        return;
    QStringList ids;
    for (const Container &c : std::as_const(waiting))
        ids.append(c.id);
    // A container stopped since the listing leaves nothing to learn from.
    const QHash<QString, qint64> pids = anchor.kind == Inspected::Kind::Running
        ? findContainerInitPids(anchor.container.id, anchor.container.pid, ids)
        : QHash<QString, qint64>();
    NetnsIdLookup nsids;
    for (Container &c : waiting) {
        c.pid = pids.value(c.id);
        if (c.pid > 0) {
            c.netnsId = nsids.forPid(c.pid);
            listed.append(c);
        } else {
            inspectListed(c.id);
        }
    }
    qCDebug(lcDocker) << pids.size() << "pids from the cgroups," << waiting.size() - pids.size() << "to inspect";
}

void DockerClient::Private::finishListing()
{
    const quint64 current = session;
    known.clear();
    for (const Container &c : std::as_const(listed))
        known.insert(c.id, c);
    QList<Container> list = std::exchange(listed, {});
    std::sort(list.begin(), list.end(), [](const Container &a, const Container &b) { return a.name < b.name; });
    backoffMs = kBackoffFirstMs;
    phase = live ? Phase::Live : Phase::Idle;
    setStatus(DockerStatus::State::Connected);
    if (current != session)
        return;
    Q_EMIT q->containersReset(list);
    if (current != session)
        return;
    if (!live) {
        dropRequests();
        return;
    }
    const QSet<QString> pending = std::exchange(eventsDuringListing, {});
    for (const QString &id : pending)
        refresh(id);
}

// An event named this container: inspect it again. One inspect per
// container at a time; events arriving meanwhile ask for one more after it,
// so the last answer always postdates the last event.
void DockerClient::Private::refresh(const QString &id)
{
    if (phase == Phase::Listing) {
        qCDebug(lcDocker) << "event during the listing, applied after it:" << id.left(12);
        eventsDuringListing.insert(id);
        return;
    }
    if (phase != Phase::Live)
        return;
    const auto it = inspecting.find(id);
    if (it != inspecting.end()) {
        it.value() = true;
        return;
    }
    inspecting.insert(id, false);
    const quint64 current = session;
    inspect(id, [this, id, current](const Inspected &result) {
        if (current != session)
            return;
        const bool again = inspecting.take(id);
        if (result.kind == Inspected::Kind::Failed) {
            fail(result.reason);
            return;
        }
        applyInspected(id, result);
        if (current == session && again)
            refresh(id);
    });
}

void DockerClient::Private::applyInspected(const QString &id, const Inspected &result)
{
    switch (result.kind) {
    case Inspected::Kind::Running: {
        const auto it = known.constFind(id);
        if (it != known.constEnd() && *it == result.container)
            return;
        known.insert(id, result.container);
        Q_EMIT q->containerUpdated(result.container);
        return;
    }
    case Inspected::Kind::Gone:
        if (known.remove(id))
            Q_EMIT q->containerRemoved(id);
        return;
    case Inspected::Kind::Skipped:
    case Inspected::Kind::Failed:
        return;
    }
}

void DockerClient::Private::inspect(const QString &id, std::function<void(const Inspected &)> done)
{
    const QByteArray path = "/containers/" + QUrl::toPercentEncoding(id) + "/json";
    get(path, true, kRequestTimeoutMs, [this, id, done = std::move(done)](const Reply &reply) {
        Inspected result;
        if (reply.transportFailed()) {
            result.kind = Inspected::Kind::Failed;
            result.reason = reasonFor(reply);
        } else if (reply.httpStatus == 404) {
            result.kind = Inspected::Kind::Gone;
        } else if (!reply.ok()) {
            qCWarning(lcDocker) << "inspect" << id << "failed:" << httpReason(reply);
            result.kind = Inspected::Kind::Skipped;
        } else {
            const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
            const QJsonObject state = o.value(QLatin1String("State")).toObject();
            const QJsonObject config = o.value(QLatin1String("Config")).toObject();
            Container &c = result.container;
            c.id = o.value(QLatin1String("Id")).toString();
            c.name = o.value(QLatin1String("Name")).toString();
            if (c.name.startsWith(QLatin1Char('/')))
                c.name.remove(0, 1);
            // Config.Image is the name the container was started from; the
            // top-level Image is only the image id.
            c.image = config.value(QLatin1String("Image")).toString();
            if (c.image.isEmpty())
                c.image = o.value(QLatin1String("Image")).toString();
            c.state = state.value(QLatin1String("Status")).toString();
            c.composeProject = config.value(QLatin1String("Labels"))
                                   .toObject()
                                   .value(QLatin1String("com.docker.compose.project"))
                                   .toString();
            c.networks = o.value(QLatin1String("NetworkSettings"))
                             .toObject()
                             .value(QLatin1String("Networks"))
                             .toObject()
                             .keys();
            const bool running = state.value(QLatin1String("Running")).toBool();
            c.pid = running ? state.value(QLatin1String("Pid")).toInteger() : 0;
            if (c.id.isEmpty()) {
                qCWarning(lcDocker) << "inspect" << id << "returned no container";
                result.kind = Inspected::Kind::Skipped;
            } else if (!running || c.pid <= 0) {
                result.kind = Inspected::Kind::Gone;
            } else {
                c.netnsId = NetlinkMonitor::netnsIdForPid(c.pid);
                result.kind = Inspected::Kind::Running;
            }
        }
        done(result);
    });
}

void DockerClient::Private::onEventStreamEnded(const Reply &reply)
{
    switch (reply.failure) {
    case Reply::Failure::None:
        if (!reply.ok())
            break;
        Q_FALLTHROUGH();
    case Reply::Failure::ConnectionLost:   // the daemon went away in the middle of the stream
        fail(DockerClient::tr("lost the connection to Docker at %1").arg(socketDisplayPath()));
        return;
    default:
        break;
    }
    fail(reasonFor(reply));
}

void DockerClient::Private::handleEventLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (!doc.isObject()) {
        qCWarning(lcDocker) << "unreadable event:" << error.errorString() << line.left(200);
        return;
    }
    handleEvent(doc.object());
}

void DockerClient::Private::handleEvent(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("Type")).toString();
    QString action = event.value(QLatin1String("Action")).toString();
    if (action.isEmpty())
        action = event.value(QLatin1String("status")).toString();
    // "exec_start: sh", "health_status: healthy": the verb is before the colon.
    action = action.section(QLatin1Char(':'), 0, 0).trimmed();
    const QJsonObject actor = event.value(QLatin1String("Actor")).toObject();
    QString id;
    if (type == QLatin1String("container")) {
        if (!containerActions().contains(action))
            return;
        id = actor.value(QLatin1String("ID")).toString();
        if (id.isEmpty())
            id = event.value(QLatin1String("id")).toString();
    } else if (type == QLatin1String("network")) {
        if (action != QLatin1String("connect") && action != QLatin1String("disconnect"))
            return;
        id = actor.value(QLatin1String("Attributes")).toObject().value(QLatin1String("container")).toString();
    }
    if (id.isEmpty())
        return;
    qCDebug(lcDocker) << "event" << type << action << id.left(12);
    refresh(id);
}

void DockerClient::Private::fail(const QString &reason)
{
    qCDebug(lcDocker) << "unavailable:" << reason;
    dropRequests();
    phase = live ? Phase::WaitingToRetry : Phase::Idle;
    apiVersion.clear();
    const quint64 current = session;
    setStatus(DockerStatus::State::Unavailable, reason);
    if (current != session || !live || phase != Phase::WaitingToRetry)
        return;
    retryTimer->start(backoffMs);
    backoffMs = qMin(backoffMs * 2, kBackoffMaxMs);
}

void DockerClient::Private::retry()
{
    if (phase == Phase::WaitingToRetry)
        connectToDaemon();
}

void DockerClient::Private::dropRequests()
{
    ++session;
    http->cancelAll();
    inspecting.clear();
    eventsDuringListing.clear();
    listed.clear();
    inspectsPending = 0;
    awaitingPid.clear();
}

QString DockerClient::Private::reasonFor(const Reply &reply) const
{
    if (reply.transportFailed())
        return transportReason(reply);
    return httpReason(reply);
}

// The reasons are shown in the status bar and by passerellectl; %1 is the
// socket path, as users know it from their DOCKER_HOST or the docker docs.
QString DockerClient::Private::transportReason(const Reply &reply) const
{
    const QString path = socketDisplayPath();
    switch (reply.failure) {
    case Reply::Failure::CouldNotConnect:
        switch (reply.osErrno) {
        case EACCES:
        case EPERM:
            //: %1 is a socket path such as /var/run/docker.sock; "docker" is the Unix group's name.
            return DockerClient::tr("permission denied on %1: add yourself to the docker group").arg(path);
        case ENOENT:
        case ECONNREFUSED:
            return DockerClient::tr("no Docker daemon is listening on %1").arg(path);
        case 0:
            break;
        default:
            return DockerClient::tr("cannot connect to Docker at %1: %2")
                .arg(path, QString::fromLocal8Bit(std::strerror(int(reply.osErrno))));
        }
        break;
    case Reply::Failure::TimedOut:
        return DockerClient::tr("Docker at %1 does not answer").arg(path);
    default:
        break;
    }
    return DockerClient::tr("the connection to Docker at %1 failed: %2")
        .arg(path, reply.errorMessage);
}

QString DockerClient::Private::httpReason(const Reply &reply) const
{
    // Docker explains its errors as {"message": "..."}.
    QString message = QJsonDocument::fromJson(reply.body).object().value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(reply.body.left(300)).trimmed();
    if (message.isEmpty())
        return DockerClient::tr("Docker at %1 answered with HTTP status %2").arg(socketDisplayPath()).arg(reply.httpStatus);
    //: %3 is Docker's own error message, in English.
    return DockerClient::tr("Docker at %1 answered with HTTP status %2: %3")
        .arg(socketDisplayPath())
        .arg(reply.httpStatus)
        .arg(message);
}

void DockerClient::Private::get(const QByteArray &path, bool versioned, int timeoutMs,
                                UnixSocketHttp::ReplyHandler done, UnixSocketHttp::LineHandler onLine)
{
    const QByteArray prefix = versioned ? "/v" + apiVersion.toLatin1() : QByteArray();
    if (!http->get(prefix + path, timeoutMs, std::move(done), std::move(onLine))) {
        // Failed from the event loop, as a broken transfer would be: callers
        // do not expect fail() to run inside get().
        QTimer::singleShot(0, q, [this, current = session] {
            if (current == session)
                fail(DockerClient::tr("cannot start a request to Docker at %1").arg(socketDisplayPath()));
        });
    }
}

DockerClient::DockerClient(const QString &endpoint, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, endpoint))
{
}

DockerClient::~DockerClient() = default;

QString DockerClient::defaultEndpoint()
{
    const QString host = qEnvironmentVariable("DOCKER_HOST").trimmed();
    return host.isEmpty() ? kDefaultEndpoint : host;
}

void DockerClient::start(bool live)
{
    d->retryTimer->stop();
    d->live = live;
    d->backoffMs = kBackoffFirstMs;
    d->known.clear();
    d->status = DockerStatus();
    d->connectToDaemon();
}

void DockerClient::stop()
{
    d->retryTimer->stop();
    d->dropRequests();
    d->phase = Private::Phase::Idle;
    d->known.clear();
}

} // namespace Passerelle
