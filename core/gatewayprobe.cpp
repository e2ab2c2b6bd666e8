#include "gatewayprobe.h"

#include <QElapsedTimer>
#include <QList>
#include <QSocketNotifier>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace Passerelle {

namespace {

// An echo request every so often, in case one is lost.
constexpr int EchoIntervalMs = 500;

struct SocketAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_UNSPEC;
};

bool parseAddress(const QString &text, int ifindex, SocketAddress *out)
{
    const QByteArray ascii = text.trimmed().toLatin1();
    auto *v4 = reinterpret_cast<sockaddr_in *>(&out->storage);
    if (::inet_pton(AF_INET, ascii.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        out->length = sizeof(sockaddr_in);
        out->family = AF_INET;
        return true;
    }
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&out->storage);
    if (::inet_pton(AF_INET6, ascii.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_scope_id = IN6_IS_ADDR_LINKLOCAL(&v6->sin6_addr) ? uint32_t(ifindex) : 0;
        out->length = sizeof(sockaddr_in6);
        out->family = AF_INET6;
        return true;
    }
    return false;
}

void withPort(SocketAddress *address, quint16 port)
{
    if (address->family == AF_INET)
        reinterpret_cast<sockaddr_in *>(&address->storage)->sin_port = htons(port);
    else
        reinterpret_cast<sockaddr_in6 *>(&address->storage)->sin6_port = htons(port);
}

} // namespace

class GatewayProbe::Private
{
public:
    struct Socket
    {
        int fd = -1;
        QSocketNotifier *notifier = nullptr;
    };

    ~Private() { closeAll(); }

    void closeAll()
    {
        // Notifiers go later: this may run inside one of their signals.
        for (Socket &s : sockets)
            close(s);
        sockets.clear();
        close(icmp);
        deadline.stop();
        resend.stop();
        running = false;
    }

    void sendEcho()
    {
        if (icmp.fd < 0)
            return;
        // The kernel fills in the identifier and the checksum of a ping socket's echo.
        unsigned char packet[16] = {};
        packet[0] = target.family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST;
        const quint16 seq = htons(++sequence);
        std::memcpy(packet + 6, &seq, sizeof seq);
        ::sendto(icmp.fd, packet, sizeof packet, MSG_DONTWAIT, reinterpret_cast<const sockaddr *>(&target.storage),
                 target.length);
    }

    static void close(Socket &s)
    {
        if (s.notifier) {
            s.notifier->setEnabled(false);
            s.notifier->deleteLater();
        }
        if (s.fd >= 0)
            ::close(s.fd);
        s = Socket();
    }

    SocketAddress target;
    Socket icmp;
    QList<Socket> sockets;   // the TCP attempts still in flight
    QTimer deadline;
    QTimer resend;
    QElapsedTimer clock;
    quint16 sequence = 0;
    quint64 generation = 0;  // of start(), so that a late callback of an abandoned probe does nothing
    bool running = false;
};

GatewayProbe::GatewayProbe(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->deadline.setSingleShot(true);
    connect(&d->deadline, &QTimer::timeout, this, [this] { finish(Result::NoAnswer, Method::None); });
    d->resend.setInterval(EchoIntervalMs);
    connect(&d->resend, &QTimer::timeout, this, [this] { d->sendEcho(); });
}

GatewayProbe::~GatewayProbe() = default;

bool GatewayProbe::isRunning() const
{
    return d->running;
}

void GatewayProbe::cancel()
{
    ++d->generation;
    d->closeAll();
}

void GatewayProbe::start(const QString &address, int ifindex, int timeoutMs)
{
    d->closeAll();
    m_address = address;
    m_method = Method::None;
    m_elapsedMs = -1;
    d->target = SocketAddress();
    d->running = true;
    ++d->generation;
    d->clock.start();
    if (!parseAddress(address, ifindex, &d->target)) {
        // Always from the event loop, as for every other outcome.
        later(Result::InvalidAddress, Method::None);
        return;
    }
    const int family = d->target.family;

    // ICMP: refused with EACCES unless ping_group_range holds one of our groups.
    const int icmpFd = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                family == AF_INET ? int(IPPROTO_ICMP) : int(IPPROTO_ICMPV6));
    if (icmpFd >= 0) {
        d->icmp.fd = icmpFd;
        d->icmp.notifier = new QSocketNotifier(icmpFd, QSocketNotifier::Read);
        connect(d->icmp.notifier, &QSocketNotifier::activated, this, [this] {
            unsigned char buffer[1500];
            const ssize_t n = ::recv(d->icmp.fd, buffer, sizeof buffer, MSG_DONTWAIT);
            // Only echo replies to this socket's identifier reach it.
            if (n >= 8 && (buffer[0] == ICMP_ECHOREPLY || buffer[0] == ICMP6_ECHO_REPLY))
                finish(Result::Answered, Method::Icmp);
        });
        d->resend.start();
        d->sendEcho();
    }

    // TCP: every port at once; the first answer of any kind wins.
    for (const quint16 port : TcpPorts) {
        const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            continue;
        SocketAddress to = d->target;
        withPort(&to, port);
        const int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&to.storage), to.length);
        if (rc == 0 || errno == ECONNREFUSED) {
            ::close(fd);
            later(Result::Answered, Method::Tcp);
            continue;
        }
        if (errno != EINPROGRESS) {
            ::close(fd);
            continue;
        }
        auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Write);
        d->sockets.append({fd, notifier});
        connect(notifier, &QSocketNotifier::activated, this, [this, fd] {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error == 0 || error == ECONNREFUSED) {
                finish(Result::Answered, Method::Tcp);
                return;
            }
            // EHOSTUNREACH, ENETUNREACH...: this port tells nothing more.
            for (qsizetype i = 0; i < d->sockets.size(); ++i) {
                if (d->sockets.at(i).fd == fd) {
                    Private::close(d->sockets[i]);
                    d->sockets.removeAt(i);
                    break;
                }
            }
            if (d->sockets.isEmpty() && d->icmp.fd < 0)
                finish(Result::NoAnswer, Method::None);
        });
    }

    if (d->sockets.isEmpty() && d->icmp.fd < 0) {
        later(Result::NoAnswer, Method::None);
        return;
    }
    d->deadline.start(timeoutMs);
}

void GatewayProbe::later(Result result, Method method)
{
    // Always from the event loop, as every other outcome.
    QTimer::singleShot(0, this, [this, result, method, generation = d->generation] {
        if (d->generation == generation)
            finish(result, method);
    });
}

void GatewayProbe::finish(Result result, Method method)
{
    if (!d->running)
        return;
    m_elapsedMs = d->clock.elapsed();
    m_method = method;
    d->closeAll();
    Q_EMIT finished(result);
}

} // namespace Passerelle
