// Whether a gateway still answers, asked without any privilege: an ICMP echo
// through an unprivileged ping socket (when net.ipv4.ping_group_range lets
// this user open one) and, at the same time, TCP connection attempts to a
// few ports, where a quick refusal (a RST) proves the gateway is there as
// well as an accepted connection does. The GUI asks before it lets the user
// keep a network change that is on trial.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace Passerelle {

class GatewayProbe : public QObject
{
    Q_OBJECT
public:
    enum class Result {
        Answered,       // an echo reply, a refused or an accepted connection
        NoAnswer,       // nothing within the time, or unreachable
        InvalidAddress, // not an IPv4 or IPv6 address
    };
    enum class Method { None, Icmp, Tcp };

    // Ports tried by the TCP method, in parallel.
    static constexpr quint16 TcpPorts[] = {53, 80, 443, 22};

    explicit GatewayProbe(QObject *parent = nullptr);
    ~GatewayProbe() override;

    // Probes ADDRESS ("192.0.2.1", "fe80::1") for at most timeoutMs and
    // emits finished() once, from the event loop. A link-local IPv6 address
    // needs the index of the interface it is reached through. Starting again
    // abandons the probe that runs.
    void start(const QString &address, int ifindex = 0, int timeoutMs = 3000);
    void cancel();
    bool isRunning() const;

    QString address() const { return m_address; }
    // After finished(): which method got the answer, and after how long.
    Method method() const { return m_method; }
    qint64 elapsedMs() const { return m_elapsedMs; }

Q_SIGNALS:
    void finished(Passerelle::GatewayProbe::Result result);

private:
    class Private;
    void finish(Result result, Method method);
    void later(Result result, Method method);

    std::unique_ptr<Private> d;
    QString m_address;
    Method m_method = Method::None;
    qint64 m_elapsedMs = -1;
};

} // namespace Passerelle
