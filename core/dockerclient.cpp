#include "dockerclient.h"

#include "logging.h"
#include "netlinkmonitor.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Passerelle {

namespace {

const QString kDefaultEndpoint = QStringLiteral("unix:///var/run/docker.sock");
// The newest API version this client was written against, and the one to
// assume when /_ping does not say (daemons older than 1.25 sent no header).
constexpr int kNewestApiMinor = 43;
const QString kFallbackApi = QStringLiteral("1.24");

constexpr long kConnectTimeoutMs = 5000;
constexpr long kPingTimeoutMs = 5000;
constexpr long kRequestTimeoutMs = 30000;
constexpr int kBackoffFirstMs = 250;
constexpr int kBackoffMaxMs = 5000;
// Inspects run concurrently over at most this many connections to dockerd
// (the /events stream holds one of them).
constexpr long kMaxConnections = 8;
constexpr qsizetype kMaxBody = 64 * 1024 * 1024;
constexpr qsizetype kMaxEventLine = 4 * 1024 * 1024;

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

// "1.41" -> 41 for major version 1; -1 when it is not a 1.x version.
int apiMinor(const QString &version)
{
    const QStringList parts = version.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 2)
        return -1;
    bool okMajor = false, okMinor = false;
    const int major = parts.at(0).toInt(&okMajor);
    const int minor = parts.at(1).toInt(&okMinor);
    if (!okMajor || !okMinor || minor < 0)
        return -1;
    if (major > 1)
        return 1000; // a future major version: newer than anything we know
    return major == 1 ? minor : -1;
}

QString negotiateApiVersion(const QByteArray &serverHeader)
{
    const QString server = QString::fromLatin1(serverHeader).trimmed();
    const int minor = apiMinor(server);
    if (minor < 0)
        return kFallbackApi;
    if (minor > kNewestApiMinor)
        return QStringLiteral("1.%1").arg(kNewestApiMinor);
    return server;
}

struct Reply
{
    CURLcode code = CURLE_OK;
    long httpStatus = 0;
    long osErrno = 0;
    QByteArray body;
    QByteArray apiVersion;   // the API-Version header, when the daemon sent one
    QString curlMessage;

    bool transportFailed() const { return code != CURLE_OK; }
    bool ok() const { return code == CURLE_OK && httpStatus >= 200 && httpStatus < 300; }
};

} // namespace

class DockerClient::Private
{
public:
    explicit Private(DockerClient *q);
    ~Private();

    struct Request
    {
        Private *owner = nullptr;
        CURL *easy = nullptr;
        quint64 session = 0;
        QByteArray url;
        bool streaming = false;          // /events: bytes go to the line splitter
        QByteArray body;
        QByteArray apiVersion;
        std::function<void(const Reply &)> done;
        char errorBuffer[CURL_ERROR_SIZE] = {};
    };

    struct SocketWatch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

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

    CURLM *multi = nullptr;
    std::unordered_map<CURL *, std::unique_ptr<Request>> requests;
    QHash<curl_socket_t, SocketWatch> sockets;
    QTimer *curlTimer = nullptr;
    QTimer *retryTimer = nullptr;

    // Containers as last reported, for change detection.
    QHash<QString, Container> known;
    // Listing: containers inspected so far, inspects outstanding, and the
    // ids events named meanwhile (applied once the reset is out).
    QList<Container> listed;
    int inspectsPending = 0;
    QSet<QString> eventsDuringListing;
    // Live: container id -> "another event came while it was being inspected".
    QHash<QString, bool> inspecting;

    QByteArray eventBuffer;
    QList<QByteArray> eventLines;

    void resolveEndpoint(const QString &configured);
    void connectToDaemon();
    void onPing(const Reply &reply);
    void openEventStream();
    void listContainers();
    void onList(const Reply &reply);
    void finishListing();
    void refresh(const QString &id);
    void inspect(const QString &id, std::function<void(const Inspected &)> done);
    void applyInspected(const QString &id, const Inspected &result);
    void onEventStreamEnded(const Reply &reply);
    void handleEventLines();
    void handleEvent(const QJsonObject &event);
    void fail(const QString &reason);
    void retry();
    void dropRequests();
    void setStatus(DockerStatus::State state, const QString &reason = QString());

    QString reasonFor(const Reply &reply) const;
    QString transportReason(CURLcode code, long osErrno, const QString &curlMessage) const;
    QString httpReason(const Reply &reply) const;
    QString socketDisplayPath() const { return QString::fromLocal8Bit(socketPath); }

    // libcurl glue: requests on the multi handle, driven by the Qt loop.
    void get(const QByteArray &path, bool versioned, long timeoutMs, std::function<void(const Reply &)> done,
             bool streaming = false);
    void watchSocket(curl_socket_t fd, int what);
    void socketReady(curl_socket_t fd, int events);
    void curlTimeout();
    void afterCurl();
    void finishRequests();
    void detachNotifier(QSocketNotifier *&notifier);

    static int socketCallback(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp);
    static int timerCallback(CURLM *multi, long timeoutMs, void *userp);
    static size_t writeCallback(char *data, size_t size, size_t count, void *userp);
    static size_t headerCallback(char *data, size_t size, size_t count, void *userp);
};

DockerClient::Private::Private(DockerClient *q)
    : q(q)
{
    static const bool curlReady = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!curlReady)
        qCWarning(lcDocker) << "curl_global_init failed";

    curlTimer = new QTimer(q);
    curlTimer->setSingleShot(true);
    QObject::connect(curlTimer, &QTimer::timeout, q, [this] { curlTimeout(); });
    retryTimer = new QTimer(q);
    retryTimer->setSingleShot(true);
    QObject::connect(retryTimer, &QTimer::timeout, q, [this] { retry(); });

    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &Private::socketCallback);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &Private::timerCallback);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, kMaxConnections);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, kMaxConnections);
}

DockerClient::Private::~Private()
{
    if (QThread::currentThread() != q->thread()) {
        // Destroyed from another thread (after its own ended): the notifiers
        // and timers are not ours to touch any more; only free libcurl's state.
        curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, nullptr);
        curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, nullptr);
    }
    dropRequests();
    curl_multi_cleanup(multi);
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
    apiVersion = negotiateApiVersion(reply.apiVersion);
    qCDebug(lcDocker) << "daemon API" << reply.apiVersion << "using" << apiVersion;
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
    get(path, true, 0, [this](const Reply &r) { onEventStreamEnded(r); }, true);
}

void DockerClient::Private::listContainers()
{
    phase = Phase::Listing;
    listed.clear();
    inspectsPending = 0;
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
    QStringList ids;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array) {
        const QString id = v.toObject().value(QLatin1String("Id")).toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    qCDebug(lcDocker) << "listed" << ids.size() << "running containers";
    if (ids.isEmpty()) {
        finishListing();
        return;
    }
    // All inspects go out at once; libcurl runs them over a few parallel
    // connections, so 100 containers do not cost 100 round trips in a row.
    inspectsPending = int(ids.size());
    const quint64 current = session;
    for (const QString &id : std::as_const(ids)) {
        inspect(id, [this, current](const Inspected &result) {
            if (current != session)
                return;
            if (result.kind == Inspected::Kind::Failed) {
                fail(result.reason);
                return;
            }
            if (result.kind == Inspected::Kind::Running)
                listed.append(result.container);
            if (--inspectsPending == 0)
                finishListing();
        });
    }
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
    switch (reply.code) {
    case CURLE_OK:
        if (!reply.ok())
            break;
        Q_FALLTHROUGH();
    case CURLE_PARTIAL_FILE:   // the daemon went away in the middle of the stream
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        fail(DockerClient::tr("lost the connection to Docker at %1").arg(socketDisplayPath()));
        return;
    default:
        break;
    }
    fail(reasonFor(reply));
}

void DockerClient::Private::handleEventLines()
{
    const quint64 current = session;
    const QList<QByteArray> lines = std::exchange(eventLines, {});
    for (const QByteArray &line : lines) {
        if (current != session)
            return;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            qCWarning(lcDocker) << "unreadable event:" << error.errorString() << line.left(200);
            continue;
        }
        handleEvent(doc.object());
    }
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
    for (auto &entry : requests) {
        curl_multi_remove_handle(multi, entry.first);
        curl_easy_cleanup(entry.first);
    }
    requests.clear();
    eventBuffer.clear();
    eventLines.clear();
    inspecting.clear();
    eventsDuringListing.clear();
    listed.clear();
    inspectsPending = 0;
}

QString DockerClient::Private::reasonFor(const Reply &reply) const
{
    if (reply.transportFailed())
        return transportReason(reply.code, reply.osErrno, reply.curlMessage);
    return httpReason(reply);
}

// The reasons are shown in the status bar and by passerellectl; %1 is the
// socket path, as users know it from their DOCKER_HOST or the docker docs.
QString DockerClient::Private::transportReason(CURLcode code, long osErrno, const QString &curlMessage) const
{
    const QString path = socketDisplayPath();
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        switch (osErrno) {
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
                .arg(path, QString::fromLocal8Bit(std::strerror(int(osErrno))));
        }
        break;
    case CURLE_OPERATION_TIMEDOUT:
        return DockerClient::tr("Docker at %1 does not answer").arg(path);
    default:
        break;
    }
    return DockerClient::tr("the connection to Docker at %1 failed: %2")
        .arg(path, curlMessage.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : curlMessage);
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

void DockerClient::Private::get(const QByteArray &path, bool versioned, long timeoutMs,
                                std::function<void(const Reply &)> done, bool streaming)
{
    auto request = std::make_unique<Request>();
    request->owner = this;
    request->session = session;
    request->streaming = streaming;
    request->done = std::move(done);
    request->url = "http://localhost" + (versioned ? "/v" + apiVersion.toLatin1() : QByteArray()) + path;

    CURL *easy = curl_easy_init();
    request->easy = easy;
    curl_easy_setopt(easy, CURLOPT_URL, request->url.constData());
    curl_easy_setopt(easy, CURLOPT_UNIX_SOCKET_PATH, socketPath.constData());
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "Passerelle");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
    if (timeoutMs > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Private::writeCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, request.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Private::headerCallback);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, request.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, request->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, request.get());

    qCDebug(lcDocker) << "GET" << request->url;
    requests.emplace(easy, std::move(request));
    const CURLMcode rc = curl_multi_add_handle(multi, easy);
    if (rc != CURLM_OK) {
        qCWarning(lcDocker) << "curl_multi_add_handle:" << curl_multi_strerror(rc);
        requests.erase(easy);
        curl_easy_cleanup(easy);
        QTimer::singleShot(0, q, [this, current = session] {
            if (current == session)
                fail(DockerClient::tr("cannot start a request to Docker at %1").arg(socketDisplayPath()));
        });
    }
}

int DockerClient::Private::socketCallback(CURL *, curl_socket_t fd, int what, void *userp, void *)
{
    static_cast<Private *>(userp)->watchSocket(fd, what);
    return 0;
}

int DockerClient::Private::timerCallback(CURLM *, long timeoutMs, void *userp)
{
    // libcurl must not be called back from here: the timer does it later.
    auto *d = static_cast<Private *>(userp);
    if (timeoutMs < 0)
        d->curlTimer->stop();
    else
        d->curlTimer->start(int(qMin<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

size_t DockerClient::Private::writeCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *request = static_cast<Request *>(userp);
    const size_t bytes = size * count;
    long status = 0;
    if (request->streaming)
        curl_easy_getinfo(request->easy, CURLINFO_RESPONSE_CODE, &status);
    if (request->streaming && status == 200) {
        // One JSON object per line; they are parsed once libcurl has
        // returned (see afterCurl), never from inside its callback.
        Private *d = request->owner;
        d->eventBuffer.append(data, qsizetype(bytes));
        qsizetype start = 0;
        for (qsizetype nl = d->eventBuffer.indexOf('\n'); nl >= 0; nl = d->eventBuffer.indexOf('\n', start)) {
            const QByteArray line = d->eventBuffer.mid(start, nl - start).trimmed();
            if (!line.isEmpty())
                d->eventLines.append(line);
            start = nl + 1;
        }
        d->eventBuffer.remove(0, start);
        if (d->eventBuffer.size() > kMaxEventLine) {
            qCWarning(lcDocker) << "event line too long, dropped";
            d->eventBuffer.clear();
        }
        return bytes;
    }
    if (request->body.size() + qsizetype(bytes) > kMaxBody)
        return 0; // libcurl ends the transfer with CURLE_WRITE_ERROR
    request->body.append(data, qsizetype(bytes));
    return bytes;
}

size_t DockerClient::Private::headerCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *request = static_cast<Request *>(userp);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray::fromRawData(data, qsizetype(bytes));
    const qsizetype colon = line.indexOf(':');
    if (colon > 0 && line.left(colon).trimmed().compare("API-Version", Qt::CaseInsensitive) == 0)
        request->apiVersion = line.mid(colon + 1).trimmed();
    return bytes;
}

void DockerClient::Private::detachNotifier(QSocketNotifier *&notifier)
{
    if (!notifier)
        return;
    // It may be the very notifier whose signal we are in: delete it later.
    notifier->setEnabled(false);
    notifier->deleteLater();
    notifier = nullptr;
}

void DockerClient::Private::watchSocket(curl_socket_t fd, int what)
{
    if (what == CURL_POLL_REMOVE) {
        auto it = sockets.find(fd);
        if (it != sockets.end()) {
            detachNotifier(it->read);
            detachNotifier(it->write);
            sockets.erase(it);
        }
        return;
    }
    SocketWatch &watch = sockets[fd];
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead && !watch.read) {
        watch.read = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, q);
        QObject::connect(watch.read, &QSocketNotifier::activated, q,
                         [this, fd] { socketReady(fd, CURL_CSELECT_IN); });
    }
    if (wantWrite && !watch.write) {
        watch.write = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, q);
        QObject::connect(watch.write, &QSocketNotifier::activated, q,
                         [this, fd] { socketReady(fd, CURL_CSELECT_OUT); });
    }
    if (watch.read)
        watch.read->setEnabled(wantRead);
    if (watch.write)
        watch.write->setEnabled(wantWrite);
}

void DockerClient::Private::socketReady(curl_socket_t fd, int events)
{
    int running = 0;
    curl_multi_socket_action(multi, fd, events, &running);
    afterCurl();
}

void DockerClient::Private::curlTimeout()
{
    int running = 0;
    curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    afterCurl();
}

// Work that must not run inside libcurl's callbacks: events first (a stream
// that just ended may have delivered its last lines), then finished requests.
void DockerClient::Private::afterCurl()
{
    if (!eventLines.isEmpty())
        handleEventLines();
    finishRequests();
}

void DockerClient::Private::finishRequests()
{
    std::vector<std::pair<std::unique_ptr<Request>, Reply>> finished;
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(multi, &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        Reply reply;
        reply.code = message->data.result;
        auto it = requests.find(easy);
        if (it == requests.end())
            continue;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &reply.httpStatus);
        curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &reply.osErrno);
        std::unique_ptr<Request> request = std::move(it->second);
        requests.erase(it);
        curl_multi_remove_handle(multi, easy);
        reply.body = std::move(request->body);
        reply.apiVersion = request->apiVersion;
        reply.curlMessage = QString::fromUtf8(request->errorBuffer).trimmed();
        qCDebug(lcDocker) << "done" << request->url << reply.code << reply.httpStatus << reply.osErrno;
        finished.emplace_back(std::move(request), std::move(reply));
    }
    // Completion handlers may start requests, fail the session or stop the
    // client; those of an abandoned session are dropped.
    for (auto &[request, reply] : finished) {
        if (request->session == session && request->done)
            request->done(reply);
        curl_easy_cleanup(request->easy);
    }
}

DockerClient::DockerClient(const QString &endpoint, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->resolveEndpoint(endpoint);
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
