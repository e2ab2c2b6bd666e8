// passerelle-helper's transactions for real: a host namespace whose em1 is
// a veth to a LAN namespace with a gateway (192.168.7.254), the helper on a
// private system bus in the host namespace, real polkitd granting the
// non-root test user, passerellectl as that user. Every test compares the
// whole state (`ip -j -d addr`, `ip -j route show table all` for IPv4 and
// IPv6, `ip -j -d link`) with what it must be.
//
// Failures and crashes are made at each step boundary without anything in
// the helper for it: the test traces the helper's main thread (ptrace) and
// stops it right after its Nth journal update (each is one rename()), then
// changes the kernel so that the next step is refused for real, or kills
// the helper with SIGKILL.
#include "netnsfixture.h"
#include "polkitfixture.h"
#include "systembusfixture.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <memory>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const QString helperName = QStringLiteral("org.passerelle.Helper1");
const QString helperPath = QStringLiteral("/org/passerelle/Helper1");
const QString helperInterface = QStringLiteral("org.passerelle.Helper1");
const QString manageAction = QStringLiteral("org.passerelle.bridge.manage");
const QString testUser = QStringLiteral("passerelle-test");
const QString em1Mac = QStringLiteral("52:54:00:12:34:56");

// What the helper imposes on a change to the default route's link.
constexpr int imposedSeconds = 3;

QString err(const char *name)
{
    return QStringLiteral("org.passerelle.Error.") + QLatin1String(name);
}


QByteArray readProc(qint64 pid, const char *what)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Processes running EXE (the rollback agents still alive).
QList<qint64> processesOf(const QString &exe)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        const QByteArray stat = readProc(pid, "stat");
        const int close = stat.lastIndexOf(')');
        if (close < 0 || stat.mid(close + 2, 1) == "Z")
            continue;
        if (QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget() == exe)
            pids.append(pid);
    }
    return pids;
}

quint16 checksum(const QByteArray &data)
{
    quint32 sum = 0;
    for (int i = 0; i + 1 < data.size(); i += 2)
        sum += quint16((quint8(data[i]) << 8) | quint8(data[i + 1]));
    if (data.size() % 2)
        sum += quint16(quint8(data[data.size() - 1]) << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum);
}

} // namespace

// Stops a thread of another process right after its Nth successful rename()
// of a file whose new name ends in a given way, through ptrace's syscall
// stops. The thread stays stopped until detach() (or a SIGKILL).
class SyscallStopper
{
public:
    ~SyscallStopper() { detach(); }

    bool attach(pid_t tid)
    {
        if (::ptrace(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void *>(PTRACE_O_TRACESYSGOOD)) != 0)
            return false;
        m_tid = tid;
        if (::ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0)
            return false;
        int status = 0;
        return ::waitpid(tid, &status, __WALL) == tid && WIFSTOPPED(status);
    }

    bool runUntilRename(int count, const QByteArray &suffix, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        int seen = 0;
        int signal = 0;
        quint64 nr = 0;
        quint64 newPath = 0;
        for (;;) {
            if (::ptrace(PTRACE_SYSCALL, m_tid, nullptr, reinterpret_cast<void *>(qintptr(signal))) != 0)
                return false;
            signal = 0;
            int status = 0;
            pid_t r;
            while ((r = ::waitpid(m_tid, &status, __WALL | WNOHANG)) == 0) {
                if (deadline.hasExpired()) {
                    ::ptrace(PTRACE_INTERRUPT, m_tid, nullptr, nullptr);
                    ::waitpid(m_tid, &status, __WALL);
                    return false;
                }
                ::usleep(500);
            }
            if (r < 0 || WIFEXITED(status) || WIFSIGNALED(status)) {
                m_tid = 0;
                return false;
            }
            const int stopSignal = WSTOPSIG(status);
            if (stopSignal == (SIGTRAP | 0x80)) {
                __ptrace_syscall_info info{};
                if (::ptrace(PTRACE_GET_SYSCALL_INFO, m_tid, reinterpret_cast<void *>(sizeof(info)), &info) <= 0)
                    continue;
                if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
                    nr = info.entry.nr;
                    newPath = nr == SYS_rename ? info.entry.args[1] : info.entry.args[3];
                } else if (info.op == PTRACE_SYSCALL_INFO_EXIT && info.exit.rval == 0
                           && (nr == SYS_rename || nr == SYS_renameat || nr == SYS_renameat2)
                           && readString(newPath).endsWith(suffix) && ++seen == count) {
                    return true;
                }
                continue;
            }
            if ((status >> 16) == PTRACE_EVENT_STOP)
                continue;
            signal = stopSignal; // a signal for the thread: delivered as it would have been
        }
    }

    void detach()
    {
        if (m_tid > 0)
            ::ptrace(PTRACE_DETACH, m_tid, nullptr, nullptr);
        m_tid = 0;
    }

    // After a SIGKILL: the thread is gone, and so is the tracing.
    void forget()
    {
        if (m_tid > 0) {
            int status = 0;
            ::waitpid(m_tid, &status, __WALL);
        }
        m_tid = 0;
    }

private:
    QByteArray readString(quint64 address) const
    {
        QFile mem(QStringLiteral("/proc/%1/mem").arg(m_tid));
        if (!mem.open(QIODevice::ReadOnly) || !mem.seek(qint64(address)))
            return QByteArray();
        const QByteArray bytes = mem.read(4096);
        return bytes.left(bytes.indexOf('\0'));
    }

    pid_t m_tid = 0;
};

class TestHelperTransactions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void bridgePortMovesEverything();
    void unconfirmedChangeReverts();
    void revertAndSetConfirmTimeout();
    void onlyTheCallerMayConfirm();
    void failureAtEachStepRestoresEverything_data();
    void failureAtEachStepRestoresEverything();
    void killedAtEachStepBoundary();
    void killedWhilePendingNextHelperReverts();
    void remoteSessionImposesConfirmation();
    void netlinkStorm();
    void concurrentClients();
    void lockHeldByAnotherProcessIsBusy();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result runAs(const QString &user, const QString &program, const QStringList &args) const;
    Result ctl(const QStringList &args) const { return runAs(testUser, QStringLiteral(PASSERELLECTL_BINARY), args); }
    // passerellectl as the test user, started and left running.
    std::unique_ptr<QProcess> startCtl(const QStringList &args) const;
    static Result finish(QProcess *p);
    QDBusMessage call(const QString &method, const QVariantList &args) const;

    void resetLab();
    QByteArray state() const;
    QJsonArray json(const QStringList &args) const;
    QJsonObject link(const QString &name) const;
    // Addresses of NAME as "a/len", in the kernel's order; IPv6 link-local left out.
    QStringList addresses(const QString &name) const;
    bool routeThrough(const QString &destination, const QString &device, int metric, int family = AF_INET) const;
    bool ping(int family, const QString &address) const;
    qint64 helperPid() const;
    QString journalPath() const { return m_stateDir + QStringLiteral("/journal.json"); }
    // No journal and no rollback agent left.
    bool settled() const;
    QList<std::pair<QString, QStringList>> planBridgePort() const;
    static QString handleIn(const QByteArray &text);

    std::unique_ptr<NetnsFixture> m_netns;
    std::unique_ptr<PolkitFixture> m_polkit;
    std::unique_ptr<SystemBusFixture> m_bus;
    QString m_host;
    QString m_lan;
    QString m_stateDir;
    QByteArray m_baseline;
};

void TestHelperTransactions::initTestCase()
{
    for (const QString &reason : {NetnsFixture::skipReason(), SystemBusFixture::skipReason(), PolkitFixture::skipReason()}) {
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
    }
    for (const char *binary : {PASSERELLE_HELPER_BINARY, PASSERELLE_ROLLBACK_BINARY, PASSERELLECTL_BINARY})
        QVERIFY2(QFileInfo(QLatin1String(binary)).isExecutable(), binary);

    m_netns = std::make_unique<NetnsFixture>();
    m_polkit = std::make_unique<PolkitFixture>();
    m_bus = std::make_unique<SystemBusFixture>();
    m_host = m_netns->create(QStringLiteral("host"));
    m_lan = m_netns->create(QStringLiteral("lan"));
    QVERIFY(!m_host.isEmpty() && !m_lan.isEmpty());
    // No duplicate address detection: addresses are usable, and compare
    // equal, the moment they are added.
    for (const char *key : {"net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0"}) {
        QCOMPARE(NetnsFixture::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("exec"), m_host,
                                                          QStringLiteral("sysctl"), QStringLiteral("-qw"),
                                                          QLatin1String(key)}),
                 0);
    }

    QString error;
    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
    QVERIFY2(m_polkit->ensureUser(testUser, &error), qPrintable(error));
    QVERIFY2(m_polkit->writeRules(QStringLiteral("grant"),
                                  QStringLiteral("polkit.addRule(function(action, subject) {\n"
                                                 "    if (action.id == \"%1\" && subject.user == \"%2\")\n"
                                                 "        return polkit.Result.YES;\n"
                                                 "});\n")
                                      .arg(manageAction, testUser),
                                  &error),
             qPrintable(error));

    m_stateDir = m_bus->directory() + QStringLiteral("/state");
    const QString config = m_bus->directory() + QStringLiteral("/helper.conf");
    QFile conf(config);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("[helper]\nidle-timeout=60\nconfirm-timeout=%1\nstate-dir=%2\n")
                   .arg(imposedSeconds)
                   .arg(m_stateDir)
                   .toUtf8());
    conf.close();
    m_bus->addService(helperName, {QStringLiteral(PASSERELLE_HELPER_BINARY), QStringLiteral("--config"), config});
    m_bus->addPolicy(QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    QVERIFY2(PolkitFixture::addTo(m_bus.get(), &error), qPrintable(error));
    QVERIFY2(m_bus->start(m_host, &error), qPrintable(error));
}

void TestHelperTransactions::cleanupTestCase()
{
    if (m_bus && QTest::currentTestFailed())
        qWarning("bus log:\n%s", m_bus->log().right(20000).constData());
    m_bus.reset();
    // An agent outlives the bus only when a test failed; it must not
    // outlive the namespaces.
    for (const qint64 pid : processesOf(QStringLiteral(PASSERELLE_ROLLBACK_BINARY)))
        ::kill(pid_t(pid), SIGKILL);
    m_polkit.reset();
    m_netns.reset();
}

void TestHelperTransactions::init()
{
    resetLab();
    m_baseline = state();
    QVERIFY(m_baseline.contains("\"em1\"") && m_baseline.contains("192.168.7.31"));
}

void TestHelperTransactions::cleanup()
{
    if (QTest::currentTestFailed() && m_bus)
        qWarning("bus log:\n%s", m_bus->log().right(8000).constData());
    // Whatever a failed test left waiting is undone before the next one.
    if (QFileInfo::exists(journalPath()))
        ctl({QStringLiteral("revert")});
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000);
}

void TestHelperTransactions::resetLab()
{
    for (const QString &ns : {m_host, m_lan}) {
        const QJsonArray links = json({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("show")});
        for (const QJsonValue &l : links) {
            const QString name = l.toObject().value(QStringLiteral("ifname")).toString();
            if (name != QLatin1String("lo"))
                m_netns->ip(ns, {QStringLiteral("link"), QStringLiteral("del"), name});
        }
    }
    QString error;
    const QString lan = QStringLiteral(" netns ") + m_lan;
    QVERIFY2(m_netns->ipBatch(m_host,
                              {
                                  QStringLiteral("link add em1 address %1 type veth peer name lan0").arg(em1Mac) + lan,
                                  QStringLiteral("link set em1 up"),
                                  QStringLiteral("addr add 192.168.7.31/24 dev em1"),
                                  QStringLiteral("addr add 192.168.7.32/24 dev em1"),
                                  QStringLiteral("addr add 2001:db8:7::31/64 dev em1"),
                                  QStringLiteral("addr add 2001:db8:8::31/64 dev em1"),
                                  QStringLiteral("route add default via 192.168.7.254 dev em1 metric 100 proto static"),
                                  QStringLiteral("route add 10.9.0.0/16 via 192.168.7.254 dev em1 metric 50"),
                                  QStringLiteral("route add default via 2001:db8:7::fe dev em1 metric 1024"),
                                  QStringLiteral("link add em2 type veth peer name lan2") + lan,
                                  QStringLiteral("link set em2 up"),
                                  QStringLiteral("addr add 192.168.9.31/24 dev em2"),
                                  QStringLiteral("link add em3 type veth peer name em3p"),
                              },
                              &error),
             qPrintable(error));
    QVERIFY2(m_netns->ipBatch(m_lan,
                              {
                                  QStringLiteral("link set lan0 up"),
                                  QStringLiteral("addr add 192.168.7.254/24 dev lan0 nodad"),
                                  QStringLiteral("addr add 2001:db8:7::fe/64 dev lan0 nodad"),
                                  QStringLiteral("link set lan2 up"),
                                  QStringLiteral("addr add 192.168.9.254/24 dev lan2"),
                              },
                              &error),
             qPrintable(error));
}

TestHelperTransactions::Result TestHelperTransactions::runAs(const QString &user, const QString &program,
                                                             const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = m_bus->clientEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    if (user.isEmpty())
        p.start(program, args);
    else
        p.start(QStringLiteral("setpriv"), PolkitFixture::runAs(user).mid(1) + QStringList{program} + args);
    return finish(&p);
}

std::unique_ptr<QProcess> TestHelperTransactions::startCtl(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = m_bus->clientEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("LANGUAGE"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral("setpriv"),
             PolkitFixture::runAs(testUser).mid(1) + QStringList{QStringLiteral(PASSERELLECTL_BINARY)} + args);
    p->waitForStarted(10000);
    return p;
}

TestHelperTransactions::Result TestHelperTransactions::finish(QProcess *p)
{
    Result r;
    if (!p->waitForStarted(10000) && p->state() == QProcess::NotRunning && p->error() == QProcess::FailedToStart)
        return r;
    if (!p->waitForFinished(120000)) {
        p->kill();
        p->waitForFinished();
        return r;
    }
    r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    r.out = p->readAllStandardOutput();
    r.err = p->readAllStandardError();
    return r;
}

QDBusMessage TestHelperTransactions::call(const QString &method, const QVariantList &args) const
{
    QDBusMessage msg = QDBusMessage::createMethodCall(helperName, helperPath, helperInterface, method);
    msg.setArguments(args);
    return m_bus->bus().call(msg, QDBus::Block, 60000);
}

QJsonArray TestHelperTransactions::json(const QStringList &args) const
{
    QByteArray out;
    NetnsFixture::run(QStringLiteral("ip"), QStringList{QStringLiteral("-j"), QStringLiteral("-d")} + args, &out);
    return QJsonDocument::fromJson(out).array();
}

QByteArray TestHelperTransactions::state() const
{
    const QStringList n{QStringLiteral("-n"), m_host};
    QJsonObject all{
        {QStringLiteral("addr"), json(n + QStringList{QStringLiteral("addr"), QStringLiteral("show")})},
        {QStringLiteral("route4"), json(n + QStringList{QStringLiteral("-4"), QStringLiteral("route"), QStringLiteral("show"),
                                                        QStringLiteral("table"), QStringLiteral("all")})},
        {QStringLiteral("route6"), json(n + QStringList{QStringLiteral("-6"), QStringLiteral("route"), QStringLiteral("show"),
                                                        QStringLiteral("table"), QStringLiteral("all")})},
        {QStringLiteral("link"), json(n + QStringList{QStringLiteral("link"), QStringLiteral("show")})},
    };
    return QJsonDocument(NetnsFixture::withoutVolatileFields(all).toObject()).toJson(QJsonDocument::Indented);
}

QJsonObject TestHelperTransactions::link(const QString &name) const
{
    const QJsonArray links = json({QStringLiteral("-n"), m_host, QStringLiteral("link"), QStringLiteral("show")});
    for (const QJsonValue &l : links) {
        if (l.toObject().value(QStringLiteral("ifname")).toString() == name)
            return l.toObject();
    }
    return QJsonObject();
}

QStringList TestHelperTransactions::addresses(const QString &name) const
{
    QStringList out;
    const QJsonArray links = json({QStringLiteral("-n"), m_host, QStringLiteral("addr"), QStringLiteral("show")});
    for (const QJsonValue &l : links) {
        if (l.toObject().value(QStringLiteral("ifname")).toString() != name)
            continue;
        const QJsonArray infos = l.toObject().value(QStringLiteral("addr_info")).toArray();
        for (const QJsonValue &a : infos) {
            const QJsonObject o = a.toObject();
            if (o.value(QStringLiteral("scope")).toString() == QLatin1String("link"))
                continue;
            out.append(QStringLiteral("%1/%2").arg(o.value(QStringLiteral("local")).toString())
                           .arg(o.value(QStringLiteral("prefixlen")).toInt()));
        }
    }
    return out;
}

bool TestHelperTransactions::routeThrough(const QString &destination, const QString &device, int metric,
                                          int family) const
{
    const QJsonArray routes = json({QStringLiteral("-n"), m_host, family == AF_INET ? QStringLiteral("-4") : QStringLiteral("-6"),
                                    QStringLiteral("route"), QStringLiteral("show")});
    for (const QJsonValue &r : routes) {
        const QJsonObject o = r.toObject();
        if (o.value(QStringLiteral("dst")).toString() == destination
            && o.value(QStringLiteral("dev")).toString() == device && o.value(QStringLiteral("metric")).toInt() == metric)
            return true;
    }
    return false;
}

bool TestHelperTransactions::ping(int family, const QString &address) const
{
    // An echo request from a raw socket made in the host namespace.
    if (!m_netns->enter(m_host))
        return false;
    const int protocol = family == AF_INET ? int(IPPROTO_ICMP) : int(IPPROTO_ICMPV6);
    const int fd = ::socket(family, SOCK_RAW | SOCK_CLOEXEC, protocol);
    NetnsFixture::leave();
    if (fd < 0)
        return false;
    sockaddr_storage to{};
    socklen_t toLength = 0;
    if (family == AF_INET) {
        auto *sin = reinterpret_cast<sockaddr_in *>(&to);
        sin->sin_family = AF_INET;
        inet_pton(AF_INET, address.toLatin1().constData(), &sin->sin_addr);
        toLength = sizeof(sockaddr_in);
    } else {
        auto *sin6 = reinterpret_cast<sockaddr_in6 *>(&to);
        sin6->sin6_family = AF_INET6;
        inet_pton(AF_INET6, address.toLatin1().constData(), &sin6->sin6_addr);
        toLength = sizeof(sockaddr_in6);
    }
    const quint16 id = quint16(::getpid());
    QByteArray request(16, '\0');
    request[0] = char(family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST);
    request[4] = char(id >> 8);
    request[5] = char(id & 0xff);
    request[7] = 1;
    if (family == AF_INET) {
        const quint16 sum = checksum(request);
        request[2] = char(sum >> 8);
        request[3] = char(sum & 0xff);
    } // the kernel sums ICMPv6 itself
    bool answered = false;
    for (int attempt = 0; attempt < 3 && !answered; ++attempt) {
        ::sendto(fd, request.constData(), size_t(request.size()), 0, reinterpret_cast<sockaddr *>(&to), toLength);
        QDeadlineTimer deadline(1000);
        while (!answered && !deadline.hasExpired()) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, int(deadline.remainingTime())) <= 0)
                break;
            char buffer[1500];
            const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
            // IPv4 raw sockets see the IP header first.
            const int offset = family == AF_INET ? (buffer[0] & 0x0f) * 4 : 0;
            if (n >= offset + 8) {
                const quint8 type = quint8(buffer[offset]);
                const quint16 gotId = quint16((quint8(buffer[offset + 4]) << 8) | quint8(buffer[offset + 5]));
                answered = gotId == id && type == (family == AF_INET ? ICMP_ECHOREPLY : ICMP6_ECHO_REPLY);
            }
        }
    }
    ::close(fd);
    return answered;
}

qint64 TestHelperTransactions::helperPid() const
{
    const QDBusMessage reply = call(QStringLiteral("GetCapabilities"), {});
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qWarning("GetCapabilities: %s: %s", qPrintable(reply.errorName()), qPrintable(reply.errorMessage()));
        return 0;
    }
    return m_bus->ownerPid(helperName);
}

bool TestHelperTransactions::settled() const
{
    return !QFileInfo::exists(journalPath()) && processesOf(QStringLiteral(PASSERELLE_ROLLBACK_BINARY)).isEmpty();
}

QList<std::pair<QString, QStringList>> TestHelperTransactions::planBridgePort() const
{
    QList<std::pair<QString, QStringList>> steps;
    const QDBusMessage reply = call(QStringLiteral("PlanBridgePort"),
                                    {QStringLiteral("br0"), QStringLiteral("em1"), true, false});
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qWarning("PlanBridgePort: %s", qPrintable(reply.errorMessage()));
        return steps;
    }
    const QDBusArgument arg = reply.arguments().value(0).value<QDBusArgument>();
    arg.beginArray();
    while (!arg.atEnd()) {
        QString name;
        QStringList parameters;
        arg.beginStructure();
        arg >> name >> parameters;
        arg.endStructure();
        steps.append({name, parameters});
    }
    arg.endArray();
    return steps;
}

QString TestHelperTransactions::handleIn(const QByteArray &text)
{
    return QRegularExpression(QStringLiteral("\\b[0-9a-f]{32}\\b")).match(QString::fromUtf8(text)).captured(0);
}

void TestHelperTransactions::bridgePortMovesEverything()
{
    // The preview, as users see it.
    Result r = ctl({QStringLiteral("plan"), QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"),
                    QStringLiteral("em1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const char *line : {"1. Create bridge br0 (STP off)\n", "2. Give br0 the MAC address 52:54:00:12:34:56\n",
                             "3. Bring br0 up\n", "Make em1 a port of bridge br0\n",
                             "Move the default route via 192.168.7.254 (metric 100) from em1 to br0\n",
                             "Move the route to 10.9.0.0/16 via 192.168.7.254 (metric 50) from em1 to br0\n",
                             "Remove the address 192.168.7.31/24 from em1\n",
                             "Keep the change only if confirmed within 3 seconds; otherwise undo all of it\n"})
        QVERIFY2(r.out.contains(line), r.out.constData());
    QCOMPARE(state(), m_baseline);

    const QStringList em1Addresses = addresses(QStringLiteral("em1"));
    QCOMPARE(em1Addresses.size(), 4);
    r = ctl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"), QStringLiteral("em1"),
             QStringLiteral("--confirm-timeout"), QStringLiteral("120")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString handle = handleIn(r.out);
    QVERIFY2(!handle.isEmpty() && r.out.contains("passerellectl confirm"), r.out.constData());

    const QJsonObject br0 = link(QStringLiteral("br0"));
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(br0.value(QStringLiteral("address")).toString(), em1Mac);
    QVERIFY(br0.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("UP")));
    QCOMPARE(br0.value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_data")).toObject()
                 .value(QStringLiteral("stp_state")).toInt(), 0);
    QCOMPARE(addresses(QStringLiteral("br0")), em1Addresses);
    QCOMPARE(addresses(QStringLiteral("em1")), QStringList());
    QVERIFY(routeThrough(QStringLiteral("default"), QStringLiteral("br0"), 100));
    QVERIFY(routeThrough(QStringLiteral("10.9.0.0/16"), QStringLiteral("br0"), 50));
    QVERIFY(routeThrough(QStringLiteral("default"), QStringLiteral("br0"), 1024, AF_INET6));
    QVERIFY(!routeThrough(QStringLiteral("default"), QStringLiteral("em1"), 100));
    QVERIFY(ping(AF_INET, QStringLiteral("192.168.7.254")));
    QVERIFY(ping(AF_INET6, QStringLiteral("2001:db8:7::fe")));

    r = ctl({QStringLiteral("status")});
    QVERIFY2(r.out.contains("Waiting for confirmation: bridge em1 into br0, moving its addresses and routes\n"),
             r.out.constData());
    QVERIFY2(r.out.contains(handle.toLatin1()), r.out.constData());
    r = ctl({QStringLiteral("confirm")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl({QStringLiteral("status")});
    QCOMPARE(r.out, QByteArray("No change of yours waits for confirmation.\n"));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000); // the rollback agent exits on its own
    QVERIFY(ping(AF_INET, QStringLiteral("192.168.7.254")));

    // Deleting the bridge and reverting makes it again as it was: same
    // ifindex, MAC, options, addresses, routes and port.
    const QByteArray bridged = state();
    r = ctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("br0"), QStringLiteral("--confirm-timeout"),
             QStringLiteral("120")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(link(QStringLiteral("br0")).isEmpty());
    QCOMPARE(addresses(QStringLiteral("em1")), em1Addresses);
    QVERIFY(ping(AF_INET, QStringLiteral("192.168.7.254")));
    r = ctl({QStringLiteral("revert")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), bridged);

    // Deleting the bridge gives em1 back what was moved, exactly.
    r = ctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("br0"), QStringLiteral("--dry-run")});
    QVERIFY2(r.out.contains("Give the address 192.168.7.31/24 back to em1 (from br0)\n")
                 && r.out.contains("Give the default route via 192.168.7.254 (metric 100) back to em1 (from br0)\n")
                 && r.out.contains("Delete bridge br0\n"),
             r.out.constData());
    r = ctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("br0"), QStringLiteral("--confirm-timeout"),
             QStringLiteral("120")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl({QStringLiteral("confirm"), handleIn(r.out)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), m_baseline);
    QVERIFY(ping(AF_INET, QStringLiteral("192.168.7.254")));
}

void TestHelperTransactions::unconfirmedChangeReverts()
{
    QElapsedTimer timer;
    timer.start();
    const Result r = ctl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"), QStringLiteral("em1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The helper imposed its timeout: em1 carries the default route.
    QVERIFY2(r.out.contains("undone in 3 seconds unless you keep it"), r.out.constData());
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QTRY_COMPARE_WITH_TIMEOUT(state(), m_baseline, 10000);
    QVERIFY2(timer.elapsed() >= (imposedSeconds - 1) * 1000, qPrintable(QString::number(timer.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000);
}

void TestHelperTransactions::revertAndSetConfirmTimeout()
{
    Result r = ctl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"), QStringLiteral("em1"),
                    QStringLiteral("--confirm-timeout"), QStringLiteral("3")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString handle = handleIn(r.out);
    QVERIFY(!handle.isEmpty());
    // The GUI's "more time" button, from the same user.
    r = runAs(testUser, QStringLiteral("dbus-send"),
              {QStringLiteral("--system"), QStringLiteral("--print-reply"), QStringLiteral("--dest=") + helperName,
               helperPath, helperInterface + QStringLiteral(".SetConfirmTimeout"), QStringLiteral("string:") + handle,
               QStringLiteral("uint32:10")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTest::qWait(5000);
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    r = ctl({QStringLiteral("status")});
    const QRegularExpressionMatch left = QRegularExpression(QStringLiteral("undone in (\\d+) second")).match(QString::fromUtf8(r.out));
    QVERIFY2(left.hasMatch() && left.captured(1).toInt() >= 3 && left.captured(1).toInt() <= 6, r.out.constData());

    r = ctl({QStringLiteral("revert"), handle});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), m_baseline);
    QVERIFY(ping(AF_INET, QStringLiteral("192.168.7.254")));
    r = ctl({QStringLiteral("revert"), handle});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("(org.passerelle.Error.NoSuchTransaction)"), r.err.constData());
}

void TestHelperTransactions::onlyTheCallerMayConfirm()
{
    Result r = ctl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"), QStringLiteral("em1"),
                    QStringLiteral("--confirm-timeout"), QStringLiteral("60")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString handle = handleIn(r.out);
    const QByteArray applied = state();

    // Root is another user: the handle is not its to confirm or revert.
    QCOMPARE(call(QStringLiteral("Confirm"), {handle}).errorName(), err("NoSuchTransaction"));
    QCOMPARE(call(QStringLiteral("Revert"), {handle}).errorName(), err("NoSuchTransaction"));
    const QDBusMessage pending = call(QStringLiteral("GetPending"), {});
    QCOMPARE(pending.type(), QDBusMessage::ReplyMessage);
    const QDBusArgument list = pending.arguments().value(0).value<QDBusArgument>();
    list.beginArray();
    QVERIFY(list.atEnd()); // root has nothing waiting; the test user's change is not listed
    list.endArray();
    // One transaction at a time, for everybody.
    const QDBusMessage busy = call(QStringLiteral("CreateBridge"), {QStringLiteral("brx"), false, 0u});
    QCOMPARE(busy.errorName(), err("Busy"));
    QCOMPARE(busy.arguments().value(1).toStringList(), QStringList{QStringLiteral("transaction")});
    r = ctl({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("em3"), QStringLiteral("up")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("another change is being made or waits for confirmation"), r.err.constData());
    QCOMPARE(state(), applied);

    r = ctl({QStringLiteral("revert")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), m_baseline);
}

void TestHelperTransactions::failureAtEachStepRestoresEverything_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("occurrence");
    QTest::addColumn<QString>("injection");
    QTest::addColumn<QString>("error");
    QTest::newRow("create: the name was taken") << "CreateBridge" << 0 << "veth named br0" << err("AlreadyExists");
    QTest::newRow("MAC: the bridge was deleted") << "SetMac" << 0 << "delete br0" << err("NoSuchLink");
    QTest::newRow("up: the bridge was deleted") << "SetLinkUp" << 0 << "delete br0" << err("NoSuchLink");
    QTest::newRow("IPv4 address: already on the bridge") << "MoveAddress" << 0 << "address on br0" << err("Failed");
    QTest::newRow("IPv6 address: IPv6 off on the bridge") << "MoveAddress" << 2 << "IPv6 off on br0" << err("Failed");
    QTest::newRow("enslave: em1 has a macvlan") << "SetMaster" << 0 << "macvlan on em1" << err("Failed");
    QTest::newRow("default route: already through the bridge") << "MoveRoute" << 0 << "route on br0" << err("Failed");
    QTest::newRow("IPv6 default route: bridge deleted") << "MoveRoute" << 2 << "delete br0" << err("NoSuchLink");
    QTest::newRow("remove IPv6 address: already gone") << "RemoveAddress" << 0 << "address gone from em1" << err("Failed");
    QTest::newRow("remove IPv4 primary: already gone") << "RemoveAddress" << 3 << "address gone from em1" << err("Failed");
}

void TestHelperTransactions::failureAtEachStepRestoresEverything()
{
    QFETCH(QString, step);
    QFETCH(int, occurrence);
    QFETCH(QString, injection);
    QFETCH(QString, error);

    const auto plan = planBridgePort();
    int index = -1;
    for (int i = 0, seen = 0; i < plan.size() && index < 0; ++i) {
        if (plan.at(i).first == step && seen++ == occurrence)
            index = i;
    }
    QVERIFY2(index >= 0, qPrintable(step));
    const QStringList parameters = plan.at(index).second;

    const qint64 pid = helperPid();
    QVERIFY(pid > 0);
    SyscallStopper stopper;
    QVERIFY(stopper.attach(pid_t(pid)));
    auto command = startCtl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"),
                             QStringLiteral("em1"), QStringLiteral("--confirm-timeout"), QStringLiteral("60")});
    // The journal is written before the first step and after each one: the
    // (index + 1)th write comes just before step INDEX.
    QVERIFY(stopper.runUntilRename(index + 1, "/journal.json", 30000));

    // The kernel state that makes the step fail for real; undone below.
    QStringList undo;
    const auto ip = [this](const QStringList &args) {
        QString e;
        const bool ok = m_netns->ip(m_host, args, &e);
        if (!ok)
            qWarning("ip %s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(e));
        return ok;
    };
    bool injected = false;
    if (injection == QLatin1String("veth named br0")) {
        injected = ip({QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("br0"), QStringLiteral("type"),
                       QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("br0p")});
        undo = {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("br0")};
    } else if (injection == QLatin1String("delete br0")) {
        injected = ip({QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("br0")});
    } else if (injection == QLatin1String("address on br0")) {
        injected = ip({QStringLiteral("addr"), QStringLiteral("add"), parameters.at(0), QStringLiteral("dev"),
                       QStringLiteral("br0")});
    } else if (injection == QLatin1String("IPv6 off on br0")) {
        injected = NetnsFixture::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("exec"), m_host,
                                                            QStringLiteral("sysctl"), QStringLiteral("-qw"),
                                                            QStringLiteral("net.ipv6.conf.br0.disable_ipv6=1")})
            == 0;
    } else if (injection == QLatin1String("macvlan on em1")) {
        injected = ip({QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("mv0"), QStringLiteral("link"),
                       QStringLiteral("em1"), QStringLiteral("type"), QStringLiteral("macvlan")});
        undo = {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("mv0")};
    } else if (injection == QLatin1String("route on br0")) {
        // Next to em1's (same destination and metric): "append".
        injected = ip({QStringLiteral("route"), QStringLiteral("append"), QStringLiteral("default"), QStringLiteral("via"),
                       parameters.at(1), QStringLiteral("dev"), QStringLiteral("br0"), QStringLiteral("metric"),
                       parameters.at(4), QStringLiteral("proto"), QStringLiteral("static")});
    } else if (injection == QLatin1String("address gone from em1")) {
        injected = ip({QStringLiteral("addr"), QStringLiteral("del"), parameters.at(0), QStringLiteral("dev"),
                       QStringLiteral("em1")});
    }
    stopper.detach();
    QVERIFY2(injected, qPrintable(injection));

    const Result r = finish(command.get());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("(%1)").arg(error).toUtf8()), r.err.constData());
    if (!undo.isEmpty())
        QVERIFY(ip(undo));
    QCOMPARE(state(), m_baseline);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000); // the rollback agent exits on its own
}

void TestHelperTransactions::killedAtEachStepBoundary()
{
    QList<std::pair<QString, QStringList>> plan = planBridgePort();
    QVERIFY(!plan.isEmpty() && plan.last().first == QLatin1String("Confirm"));
    plan.removeLast();
    // Journal writes: one before the first step, one after each step, one
    // when the change starts waiting for confirmation.
    const int writes = int(plan.size()) + 2;
    int checked = 0;
    for (int boundary = 1; boundary <= writes; ++boundary) {
        const QString where = boundary == 1 ? QStringLiteral("before the first step")
            : boundary == writes              ? QStringLiteral("once waiting for confirmation")
                                              : QStringLiteral("after %1").arg(plan.at(boundary - 2).first);
        if (boundary > 1) {
            resetLab();
            m_baseline = state();
        }
        const qint64 pid = helperPid();
        QVERIFY(pid > 0);
        SyscallStopper stopper;
        QVERIFY(stopper.attach(pid_t(pid)));
        auto command = startCtl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"),
                                 QStringLiteral("em1"), QStringLiteral("--confirm-timeout"), QStringLiteral("2")});
        QVERIFY2(stopper.runUntilRename(boundary, "/journal.json", 30000), qPrintable(where));
        const qsizetype rollbacksBefore = m_bus->log().count("undoing it");
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        stopper.forget();
        const Result r = finish(command.get());
        QVERIFY2(r.exitCode == 1, qPrintable(where));

        if (boundary == 1) {
            // The agent is started after the first journal write: nothing
            // was changed, and the next helper removes the journal.
            QCOMPARE(state(), m_baseline);
            QVERIFY(QFileInfo::exists(journalPath()));
            QVERIFY(m_bus->waitUntilReleased(helperName, 5000));
            QVERIFY(helperPid() > 0);
        }
        // Otherwise the agent alone puts everything back: no helper runs
        // until the next test asks for one.
        QTRY_VERIFY2_WITH_TIMEOUT(settled(), qPrintable(where), 10000);
        QVERIFY2(state() == m_baseline, qPrintable(where));
        if (boundary > 1) {
            QVERIFY2(!m_bus->hasOwner(helperName), qPrintable(where));
            const QByteArray log = m_bus->log();
            QVERIFY2(log.count("undoing it") == rollbacksBefore + 1, qPrintable(where));
            QVERIFY2(log.contains(boundary == writes ? "not confirmed in time, undoing it"
                                                     : "the helper died while applying it, undoing it"),
                     qPrintable(where));
        }
        ++checked;
    }
    QCOMPARE(checked, writes);
}

void TestHelperTransactions::killedWhilePendingNextHelperReverts()
{
    Result r = ctl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"), QStringLiteral("em1"),
                    QStringLiteral("--confirm-timeout"), QStringLiteral("60")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const qint64 pid = m_bus->ownerPid(helperName);
    QVERIFY(pid > 0);
    QCOMPARE(processesOf(QStringLiteral(PASSERELLE_ROLLBACK_BINARY)).size(), 1);
    QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(SystemBusFixture::processGone(pid), 5000);
    QVERIFY(m_bus->waitUntilReleased(helperName, 5000));
    // The agent waits for the deadline, 60 s away; a helper starting finishes the journal at once.
    QVERIFY(QFileInfo::exists(journalPath()));
    QVERIFY(helperPid() > 0);
    QCOMPARE(state(), m_baseline);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000);
}

void TestHelperTransactions::remoteSessionImposesConfirmation()
{
    // An SSH connection from the LAN behind em2 (em2 carries no default route).
    QVERIFY(m_netns->enter(m_host));
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(m_netns->enter(m_lan));
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    NetnsFixture::leave();
    QVERIFY(listener >= 0 && client >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(22);
    inet_pton(AF_INET, "192.168.9.31", &address.sin_addr);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    QCOMPARE(::listen(listener, 1), 0);
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    const int session = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY(session >= 0);

    Result r = ctl({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("em2"), QStringLiteral("down")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("undone in 3 seconds"), r.out.constData());
    r = ctl({QStringLiteral("revert")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), m_baseline);

    // A link without a session or the default route: final at once.
    r = ctl({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("em3"), QStringLiteral("up")});
    QVERIFY2(r.exitCode == 0 && r.out == "em3 is up.\n", r.out.constData());
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000); // the rollback agent exits on its own

    // Without the session, em2 is like any other link.
    for (const int fd : {session, client, listener})
        ::close(fd);
    r = ctl({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("em2"), QStringLiteral("down")});
    QVERIFY2(r.exitCode == 0 && r.out == "em2 is down.\n", r.out.constData());
}

void TestHelperTransactions::netlinkStorm()
{
    // Another process makes and deletes hundreds of veths while the change
    // is planned and made.
    QStringList storm;
    for (int i = 0; i < 300; ++i) {
        storm << QStringLiteral("link add vs%1 type veth peer name vs%1p").arg(i)
              << QStringLiteral("link set vs%1 up").arg(i) << QStringLiteral("link del vs%1").arg(i);
    }
    QTemporaryFile batch;
    QVERIFY(batch.open());
    batch.write(storm.join(QLatin1Char('\n')).toUtf8() + '\n');
    batch.flush();
    QProcess stormer;
    stormer.start(QStringLiteral("ip"), {QStringLiteral("-n"), m_host, QStringLiteral("-batch"), batch.fileName()});
    QVERIFY(stormer.waitForStarted());
    QTest::qWait(50);
    // Changed just before the call: a helper deciding on a cached view would miss it.
    QVERIFY(m_netns->ip(m_host, {QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("192.168.7.33/24"),
                                 QStringLiteral("dev"), QStringLiteral("em1")}));
    const QStringList expected = addresses(QStringLiteral("em1"));
    Result r = ctl({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br0"), QStringLiteral("em1"),
                    QStringLiteral("--confirm-timeout"), QStringLiteral("120")});
    const bool stormStillRunning = stormer.state() == QProcess::Running;
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(stormer.waitForFinished(120000));
    QCOMPARE(stormer.exitCode(), 0);
    if (!stormStillRunning)
        qWarning("the storm ended before the change; the check is weaker than meant");

    QCOMPARE(addresses(QStringLiteral("br0")), expected);
    QCOMPARE(addresses(QStringLiteral("em1")), QStringList());
    QCOMPARE(link(QStringLiteral("em1")).value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QVERIFY(routeThrough(QStringLiteral("default"), QStringLiteral("br0"), 100));
    QVERIFY(ping(AF_INET, QStringLiteral("192.168.7.254")));
    r = ctl({QStringLiteral("revert")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(m_netns->ip(m_host, {QStringLiteral("addr"), QStringLiteral("del"), QStringLiteral("192.168.7.33/24"),
                                 QStringLiteral("dev"), QStringLiteral("em1")}));
    QCOMPARE(state(), m_baseline);
}

void TestHelperTransactions::concurrentClients()
{
    // Changes that wait for confirmation: the first to be authorized runs,
    // the others are told Busy and change nothing.
    std::vector<std::unique_ptr<QProcess>> commands;
    for (int i = 0; i < 4; ++i)
        commands.push_back(startCtl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("brc%1").arg(i),
                                     QStringLiteral("--confirm-timeout"), QStringLiteral("30")}));
    QStringList made;
    int busy = 0;
    for (int i = 0; i < 4; ++i) {
        const Result r = finish(commands[size_t(i)].get());
        if (r.exitCode == 0)
            made.append(QStringLiteral("brc%1").arg(i));
        else if (r.err.contains("(org.passerelle.Error.Busy)"))
            ++busy;
        else
            qWarning("brc%d: %s", i, r.err.constData());
    }
    QCOMPARE(made.size(), 1);
    QCOMPARE(busy, 3);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(!link(QStringLiteral("brc%1").arg(i)).isEmpty(), made.contains(QStringLiteral("brc%1").arg(i)));
    Result r = ctl({QStringLiteral("revert")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), m_baseline);

    // Changes that need none: each one runs whole before the next, so all
    // are made, as in any serial order.
    commands.clear();
    for (int i = 0; i < 4; ++i)
        commands.push_back(startCtl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("brc%1").arg(i)}));
    for (int i = 0; i < 4; ++i) {
        r = finish(commands[size_t(i)].get());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!link(QStringLiteral("brc%1").arg(i)).isEmpty());
    }
    for (int i = 0; i < 4; ++i) {
        r = ctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("brc%1").arg(i)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    QCOMPARE(state(), m_baseline);
}

void TestHelperTransactions::lockHeldByAnotherProcessIsBusy()
{
    // As an older helper still finishing its transaction would hold it.
    QVERIFY(helperPid() > 0);
    const int fd = ::open(QFile::encodeName(m_stateDir + QStringLiteral("/lock")).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    Result r = ctl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("brl")});
    ::close(fd);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("(org.passerelle.Error.Busy)"), r.err.constData());
    QCOMPARE(state(), m_baseline);
    r = ctl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("brl")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("brl")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(), m_baseline);
}

QTEST_GUILESS_MAIN(TestHelperTransactions)
#include "tst_helpertransactions.moc"
