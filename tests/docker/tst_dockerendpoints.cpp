// What DockerClient says when Docker cannot be reached: no socket, a stale
// socket, a socket the user may not open, a daemon that does not answer, and
// endpoints it does not support. Real sockets, real connects; no dockerd needed.
#include "dockerclientharness.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using Passerelle::DockerClient;
using Passerelle::DockerStatus;

namespace {

// A unix socket bound at PATH; listening unless told otherwise.
class UnixSocket
{
public:
    UnixSocket(const QString &path, bool listening)
    {
        fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray p = QFile::encodeName(path);
        if (fd < 0 || size_t(p.size()) >= sizeof addr.sun_path)
            return;
        std::memcpy(addr.sun_path, p.constData(), size_t(p.size()));
        ok = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
            && (!listening || ::listen(fd, 16) == 0);
    }
    ~UnixSocket() { close(); }
    void close()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    int fd = -1;
    bool ok = false;
};

// Runs a one-shot client until it connects or gives up.
DockerStatus probe(const QString &endpoint, int timeoutMs = 15000)
{
    DockerClientHarness h(endpoint);
    h.start(false);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && h.recorder.lastStatus().state != DockerStatus::State::Unavailable
           && h.recorder.resets.isEmpty())
        QTest::qWait(20);
    return h.recorder.lastStatus();
}

} // namespace

class TestDockerEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void missingSocket();
    void staleSocket();
    void permissionDenied();
    void silentDaemon();
    void unsupportedEndpoints_data();
    void unsupportedEndpoints();
    void dockerHostFromEnvironment();
    void liveRetriesWithoutFlicker();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDockerEndpoints::init()
{
    // Short path: unix socket paths are limited to 108 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/psl-ep-XXXXXX"));
    QVERIFY(m_dir->isValid());
    // Traversable by anyone, so only the socket's own mode decides.
    ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
}

void TestDockerEndpoints::missingSocket()
{
    const QString path = m_dir->filePath(QStringLiteral("docker.sock"));
    const DockerStatus s = probe(QStringLiteral("unix://") + path);
    QCOMPARE(s.state, DockerStatus::State::Unavailable);
    QCOMPARE(s.endpoint, QStringLiteral("unix://") + path);
    QCOMPARE(s.reason, QStringLiteral("no Docker daemon is listening on %1").arg(path));
    QVERIFY(s.apiVersion.isEmpty());
}

void TestDockerEndpoints::staleSocket()
{
    // The socket file a crashed daemon leaves: connect is refused.
    const QString path = m_dir->filePath(QStringLiteral("docker.sock"));
    {
        UnixSocket stale(path, false);
        QVERIFY(stale.ok);
    }
    QVERIFY(QFileInfo::exists(path));
    const DockerStatus s = probe(QStringLiteral("unix://") + path);
    QCOMPARE(s.state, DockerStatus::State::Unavailable);
    QCOMPARE(s.reason, QStringLiteral("no Docker daemon is listening on %1").arg(path));
}

void TestDockerEndpoints::permissionDenied()
{
    // As /var/run/docker.sock for a user outside the docker group: the
    // client runs in a helper process under an unprivileged uid.
    const QString path = m_dir->filePath(QStringLiteral("docker.sock"));
    UnixSocket listening(path, true);
    QVERIFY(listening.ok);
    const bool root = ::geteuid() == 0;
    // root keeps the socket to itself; an ordinary user cannot even open its own mode-0000 socket.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), root ? 0600 : 0000) == 0);

    QProcess helper;
    helper.setProgram(QStringLiteral(PASSERELLE_DOCKER_PROBE));
    helper.setArguments({QStringLiteral("unix://") + path});
    if (root) {
        helper.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(125);
        });
    }
    helper.start();
    QVERIFY(helper.waitForFinished(30000));
    QCOMPARE(helper.exitCode(), 0);
    const QJsonObject o = QJsonDocument::fromJson(helper.readAllStandardOutput()).object();
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("unavailable"));
    QCOMPARE(o.value(QLatin1String("reason")).toString(),
             QStringLiteral("permission denied on %1: add yourself to the docker group").arg(path));
}

void TestDockerEndpoints::silentDaemon()
{
    // Accepted by the kernel's backlog, never answered.
    const QString path = m_dir->filePath(QStringLiteral("docker.sock"));
    UnixSocket listening(path, true);
    QVERIFY(listening.ok);
    const DockerStatus s = probe(QStringLiteral("unix://") + path, 20000);
    QCOMPARE(s.state, DockerStatus::State::Unavailable);
    QCOMPARE(s.reason, QStringLiteral("Docker at %1 does not answer").arg(path));
}

void TestDockerEndpoints::unsupportedEndpoints_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("tcp") << QStringLiteral("tcp://127.0.0.1:2375");
    QTest::newRow("ssh") << QStringLiteral("ssh://admin@build-host");
    QTest::newRow("fd") << QStringLiteral("fd://");
    QTest::newRow("host:port") << QStringLiteral("127.0.0.1:2375");
}

void TestDockerEndpoints::unsupportedEndpoints()
{
    QFETCH(QString, endpoint);
    DockerClientHarness h(endpoint);
    h.start(true);
    QTRY_COMPARE(h.recorder.lastStatus().state, DockerStatus::State::Unavailable);
    const DockerStatus s = h.recorder.lastStatus();
    QCOMPARE(s.endpoint, endpoint);
    QVERIFY2(s.reason.startsWith(QStringLiteral("unsupported Docker endpoint %1:").arg(endpoint)), qPrintable(s.reason));
    QVERIFY(s.reason.contains(QLatin1String("unix://")));
    // Nothing to retry: the endpoint will not become supported.
    QTest::qWait(700);
    QCOMPARE(h.recorder.statuses.size(), 1);
}

void TestDockerEndpoints::dockerHostFromEnvironment()
{
    const QByteArray saved = qgetenv("DOCKER_HOST");
    const QString path = m_dir->filePath(QStringLiteral("elsewhere.sock"));
    qputenv("DOCKER_HOST", (QStringLiteral("unix://") + path).toLocal8Bit());
    QCOMPARE(DockerClient::defaultEndpoint(), QStringLiteral("unix://") + path);
    const DockerStatus s = probe(QString());
    QCOMPARE(s.endpoint, QStringLiteral("unix://") + path);
    QVERIFY2(s.reason.contains(path), qPrintable(s.reason));

    qputenv("DOCKER_HOST", "tcp://10.0.0.1:2376");
    QVERIFY(probe(QString()).reason.startsWith(QLatin1String("unsupported Docker endpoint tcp://10.0.0.1:2376")));

    qunsetenv("DOCKER_HOST");
    QCOMPARE(DockerClient::defaultEndpoint(), QStringLiteral("unix:///var/run/docker.sock"));
    // "unix://" alone means the default socket, as for the docker CLI.
    QCOMPARE(probe(QStringLiteral("unix://")).endpoint, QStringLiteral("unix:///var/run/docker.sock"));
    if (!saved.isNull())
        qputenv("DOCKER_HOST", saved);
}

void TestDockerEndpoints::liveRetriesWithoutFlicker()
{
    // Live, the client keeps retrying in the background; the status says
    // why once instead of going back to "connecting" at every attempt.
    const QString path = m_dir->filePath(QStringLiteral("docker.sock"));
    DockerClientHarness h(QStringLiteral("unix://") + path);
    h.start(true);
    QTRY_COMPARE(h.recorder.lastStatus().state, DockerStatus::State::Unavailable);
    QTest::qWait(1500); // several retries (250, 500, 1000 ms)
    QCOMPARE(h.recorder.statuses.size(), 2);
    QCOMPARE(h.recorder.statuses.at(0).state, DockerStatus::State::Connecting);
    QCOMPARE(h.recorder.statuses.at(1).reason, QStringLiteral("no Docker daemon is listening on %1").arg(path));
}

QTEST_GUILESS_MAIN(TestDockerEndpoints)
#include "tst_dockerendpoints.moc"
