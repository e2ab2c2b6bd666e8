// HTTP/1.1 requests (GET, POST with a JSON body, DELETE) over a unix socket,
// through libcurl's multi interface driven by the Qt event loop of the
// thread this object lives in. Requests run concurrently; a streaming GET
// hands over its body line by line as it arrives (newline-delimited JSON, as
// Docker's /events sends). No libcurl type leaves the .cpp.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Passerelle {

class UnixSocketHttp : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        // Why a transfer failed, for callers that explain it to people.
        enum class Failure {
            None,
            CouldNotConnect,   // see osErrno
            TimedOut,
            ConnectionLost,    // the server went away before a complete answer
            Other,
        };

        Failure failure = Failure::None;
        int curlCode = 0;           // libcurl's CURLcode, for logs
        long httpStatus = 0;
        long osErrno = 0;
        QByteArray body;            // empty for a streaming request answered 200
        QHash<QByteArray, QByteArray> headers;   // names in lower case
        QString errorMessage;       // libcurl's words, when the transfer failed

        bool transportFailed() const { return failure != Failure::None; }
        bool ok() const { return !transportFailed() && httpStatus >= 200 && httpStatus < 300; }
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };
    using ReplyHandler = std::function<void(const Reply &)>;
    using LineHandler = std::function<void(const QByteArray &line)>;

    // maxConnections bounds the connections open to the socket at once;
    // requests beyond them wait for one to be free.
    UnixSocketHttp(const QByteArray &socketPath, int maxConnections, int connectTimeoutMs,
                   QObject *parent = nullptr);
    ~UnixSocketHttp() override;

    // GET path (e.g. "/v1.43/containers/json"); timeoutMs 0 means no limit.
    // done runs once, from the event loop, unless cancelAll() comes first.
    // With onLine the request streams: each non-blank line of a 200 answer
    // goes, trimmed, to onLine from the event loop, before done runs.
    // Returns false when libcurl refused the request; done will not run.
    bool get(const QByteArray &path, int timeoutMs, ReplyHandler done, LineHandler onLine = {});

    // POST path with jsonBody (sent as application/json; may be empty), and
    // DELETE path; otherwise as get() without streaming.
    bool post(const QByteArray &path, const QByteArray &jsonBody, int timeoutMs, ReplyHandler done);
    bool deleteResource(const QByteArray &path, int timeoutMs, ReplyHandler done);

    // Drops every request in flight; none of their handlers runs any more,
    // even for answers already received.
    void cancelAll();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Passerelle
