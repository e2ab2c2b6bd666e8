#include "unixsockethttp.h"

#include <QList>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <curl/curl.h>

#include <unordered_map>
#include <utility>
#include <vector>

namespace Passerelle {

namespace {

// Its traffic is part of a conversation with Docker: it logs under Docker's
// category. A category object of its own, as this library links no logging
// definitions of core or the helper.
const QLoggingCategory &lcDocker()
{
    static const QLoggingCategory category("passerelle.docker", QtWarningMsg);
    return category;
}

// The most an answer may make us hold in memory.
constexpr qsizetype kMaxBody = 64 * 1024 * 1024;
constexpr qsizetype kMaxLine = 4 * 1024 * 1024;

UnixSocketHttp::Reply::Failure failureOf(CURLcode code)
{
    using Failure = UnixSocketHttp::Reply::Failure;
    switch (code) {
    case CURLE_OK:
        return Failure::None;
    case CURLE_COULDNT_CONNECT:
        return Failure::CouldNotConnect;
    case CURLE_OPERATION_TIMEDOUT:
        return Failure::TimedOut;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return Failure::ConnectionLost;
    default:
        return Failure::Other;
    }
}

} // namespace

class UnixSocketHttp::Private
{
public:
    Private(UnixSocketHttp *q, const QByteArray &socketPath, int maxConnections, int connectTimeoutMs);
    ~Private();

    struct Request
    {
        CURL *easy = nullptr;
        quint64 generation = 0;
        QByteArray url;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers;
        ReplyHandler done;
        LineHandler onLine;              // set: a 200 body goes to the line splitter
        QByteArray partialLine;
        QList<QByteArray> lines;         // complete lines, for afterCurl to hand over
        curl_slist *requestHeaders = nullptr;
        char errorBuffer[CURL_ERROR_SIZE] = {};

        Request() = default;
        Request(const Request &) = delete;
        Request &operator=(const Request &) = delete;
        // After curl_easy_cleanup(easy): the handle may use the list until then.
        ~Request() { curl_slist_free_all(requestHeaders); }
    };

    struct SocketWatch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    UnixSocketHttp *q;
    QByteArray socketPath;
    long connectTimeoutMs;
    quint64 generation = 0;              // bumped whenever the requests in flight are dropped
    CURLM *multi = nullptr;
    std::unordered_map<CURL *, std::unique_ptr<Request>> requests;
    QHash<curl_socket_t, SocketWatch> sockets;
    QTimer *curlTimer = nullptr;

    void cancelAll();
    void watchSocket(curl_socket_t fd, int what);
    void socketReady(curl_socket_t fd, int events);
    void curlTimeout();
    void afterCurl();
    void deliverLines();
    void finishRequests();
    void detachNotifier(QSocketNotifier *&notifier);
    bool start(const QByteArray &method, const QByteArray &path, const QByteArray *body, int timeoutMs,
               ReplyHandler done, LineHandler onLine);

    static int socketCallback(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp);
    static int timerCallback(CURLM *multi, long timeoutMs, void *userp);
    static size_t writeCallback(char *data, size_t size, size_t count, void *userp);
    static size_t headerCallback(char *data, size_t size, size_t count, void *userp);
};

UnixSocketHttp::Private::Private(UnixSocketHttp *q, const QByteArray &socketPath, int maxConnections,
                                 int connectTimeoutMs)
    : q(q)
    , socketPath(socketPath)
    , connectTimeoutMs(connectTimeoutMs)
{
    static const bool curlReady = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!curlReady)
        qCWarning(lcDocker) << "curl_global_init failed";

    curlTimer = new QTimer(q);
    curlTimer->setSingleShot(true);
    QObject::connect(curlTimer, &QTimer::timeout, q, [this] { curlTimeout(); });

    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &Private::socketCallback);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &Private::timerCallback);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(maxConnections));
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, long(maxConnections));
}

UnixSocketHttp::Private::~Private()
{
    if (QThread::currentThread() != q->thread()) {
        // Destroyed from another thread (after its own ended): the notifiers
        // and timers are not ours to touch any more; only free libcurl's state.
        curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, nullptr);
        curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, nullptr);
    }
    cancelAll();
    curl_multi_cleanup(multi);
}

void UnixSocketHttp::Private::cancelAll()
{
    ++generation;
    for (auto &entry : requests) {
        curl_multi_remove_handle(multi, entry.first);
        curl_easy_cleanup(entry.first);
    }
    requests.clear();
}

int UnixSocketHttp::Private::socketCallback(CURL *, curl_socket_t fd, int what, void *userp, void *)
{
    static_cast<Private *>(userp)->watchSocket(fd, what);
    return 0;
}

int UnixSocketHttp::Private::timerCallback(CURLM *, long timeoutMs, void *userp)
{
    // libcurl must not be called back from here: the timer does it later.
    auto *d = static_cast<Private *>(userp);
    if (timeoutMs < 0)
        d->curlTimer->stop();
    else
        d->curlTimer->start(int(qMin<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

size_t UnixSocketHttp::Private::writeCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *request = static_cast<Request *>(userp);
    const size_t bytes = size * count;
    long status = 0;
    if (request->onLine)
        curl_easy_getinfo(request->easy, CURLINFO_RESPONSE_CODE, &status);
    if (request->onLine && status == 200) {
        // The lines go to their handler once libcurl has returned (see
        // afterCurl), never from inside its callback.
        QByteArray &buffer = request->partialLine;
        buffer.append(data, qsizetype(bytes));
        qsizetype start = 0;
        for (qsizetype nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n', start)) {
            const QByteArray line = buffer.mid(start, nl - start).trimmed();
            if (!line.isEmpty())
                request->lines.append(line);
            start = nl + 1;
        }
        buffer.remove(0, start);
        if (buffer.size() > kMaxLine) {
            qCWarning(lcDocker) << "streamed line too long, dropped:" << request->url;
            buffer.clear();
        }
        return bytes;
    }
    if (request->body.size() + qsizetype(bytes) > kMaxBody)
        return 0; // libcurl ends the transfer with CURLE_WRITE_ERROR
    request->body.append(data, qsizetype(bytes));
    return bytes;
}

size_t UnixSocketHttp::Private::headerCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *request = static_cast<Request *>(userp);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray::fromRawData(data, qsizetype(bytes));
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        request->headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    return bytes;
}

void UnixSocketHttp::Private::detachNotifier(QSocketNotifier *&notifier)
{
    if (!notifier)
        return;
    // It may be the very notifier whose signal we are in: delete it later.
    notifier->setEnabled(false);
    notifier->deleteLater();
    notifier = nullptr;
}

void UnixSocketHttp::Private::watchSocket(curl_socket_t fd, int what)
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

void UnixSocketHttp::Private::socketReady(curl_socket_t fd, int events)
{
    int running = 0;
    curl_multi_socket_action(multi, fd, events, &running);
    afterCurl();
}

void UnixSocketHttp::Private::curlTimeout()
{
    int running = 0;
    curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    afterCurl();
}

// Work that must not run inside libcurl's callbacks: lines first (a stream
// that just ended may have delivered its last ones), then finished requests.
void UnixSocketHttp::Private::afterCurl()
{
    deliverLines();
    finishRequests();
}

void UnixSocketHttp::Private::deliverLines()
{
    std::vector<CURL *> streams;
    for (const auto &[easy, request] : requests) {
        if (!request->lines.isEmpty())
            streams.push_back(easy);
    }
    // Line handlers may start requests or cancel them all.
    const quint64 current = generation;
    for (CURL *easy : streams) {
        if (current != generation)
            return;
        Request &request = *requests.at(easy);
        const LineHandler onLine = request.onLine;
        const QList<QByteArray> lines = std::exchange(request.lines, {});
        for (const QByteArray &line : lines) {
            if (current != generation)
                return;
            onLine(line);
        }
    }
}

void UnixSocketHttp::Private::finishRequests()
{
    std::vector<std::pair<std::unique_ptr<Request>, Reply>> finished;
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(multi, &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result;
        auto it = requests.find(easy);
        if (it == requests.end())
            continue;
        Reply reply;
        reply.failure = failureOf(result);
        reply.curlCode = int(result);
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &reply.httpStatus);
        curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &reply.osErrno);
        std::unique_ptr<Request> request = std::move(it->second);
        requests.erase(it);
        curl_multi_remove_handle(multi, easy);
        reply.body = std::move(request->body);
        reply.headers = std::move(request->headers);
        if (result != CURLE_OK) {
            reply.errorMessage = QString::fromUtf8(request->errorBuffer).trimmed();
            if (reply.errorMessage.isEmpty())
                reply.errorMessage = QString::fromUtf8(curl_easy_strerror(result));
        }
        qCDebug(lcDocker) << "done" << request->url << reply.curlCode << reply.httpStatus << reply.osErrno;
        finished.emplace_back(std::move(request), std::move(reply));
    }
    // Completion handlers may start requests or cancel them all; those
    // cancelled meanwhile are dropped.
    for (auto &[request, reply] : finished) {
        if (request->generation == generation && request->done)
            request->done(reply);
        curl_easy_cleanup(request->easy);
    }
}

UnixSocketHttp::UnixSocketHttp(const QByteArray &socketPath, int maxConnections, int connectTimeoutMs,
                               QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, socketPath, maxConnections, connectTimeoutMs))
{
}

UnixSocketHttp::~UnixSocketHttp() = default;

bool UnixSocketHttp::Private::start(const QByteArray &method, const QByteArray &path, const QByteArray *body,
                                    int timeoutMs, ReplyHandler done, LineHandler onLine)
{
    auto request = std::make_unique<Request>();
    request->generation = generation;
    request->done = std::move(done);
    request->onLine = std::move(onLine);
    request->url = "http://localhost" + path;

    CURL *easy = curl_easy_init();
    if (!easy)
        return false;
    request->easy = easy;
    curl_easy_setopt(easy, CURLOPT_URL, request->url.constData());
    curl_easy_setopt(easy, CURLOPT_UNIX_SOCKET_PATH, socketPath.constData());
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "Passerelle");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMs);
    if (timeoutMs > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    if (body) {
        // libcurl keeps its own copy of the body. No "Expect: 100-continue"
        // round trip: dockerd answers at once anyway.
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, long(body->size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, body->constData());
        request->requestHeaders = curl_slist_append(request->requestHeaders, "Content-Type: application/json");
        request->requestHeaders = curl_slist_append(request->requestHeaders, "Expect:");
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, request->requestHeaders);
    }
    if (method != "GET" && method != "POST")
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Private::writeCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, request.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Private::headerCallback);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, request.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, request->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, request.get());

    qCDebug(lcDocker) << method.constData() << request->url;
    Request *added = request.get();
    requests.emplace(easy, std::move(request));
    const CURLMcode rc = curl_multi_add_handle(multi, easy);
    if (rc != CURLM_OK) {
        qCWarning(lcDocker) << "curl_multi_add_handle:" << curl_multi_strerror(rc);
        curl_easy_cleanup(added->easy);
        requests.erase(easy);
        return false;
    }
    return true;
}

bool UnixSocketHttp::get(const QByteArray &path, int timeoutMs, ReplyHandler done, LineHandler onLine)
{
    return d->start(QByteArrayLiteral("GET"), path, nullptr, timeoutMs, std::move(done), std::move(onLine));
}

bool UnixSocketHttp::post(const QByteArray &path, const QByteArray &jsonBody, int timeoutMs, ReplyHandler done)
{
    return d->start(QByteArrayLiteral("POST"), path, &jsonBody, timeoutMs, std::move(done), {});
}

bool UnixSocketHttp::deleteResource(const QByteArray &path, int timeoutMs, ReplyHandler done)
{
    return d->start(QByteArrayLiteral("DELETE"), path, nullptr, timeoutMs, std::move(done), {});
}

void UnixSocketHttp::cancelAll()
{
    d->cancelAll();
}

} // namespace Passerelle
