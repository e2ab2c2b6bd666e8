// DockerEngine against real dockerd daemons started by DockerFixture in a
// network namespace: the ping and API version, waiting for a daemon that
// comes back, the running containers, live-restore off and on, the default
// network on a bridge of the test's own, and a user-defined network on an
// existing bridge that a container then joins.
#include "dockerengine.h"
#include "dockerfixture.h"
#include "netnsfixture.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using Passerelle::DockerBridgeNetwork;
using Passerelle::DockerContainerRef;
using Passerelle::DockerEngine;
using Passerelle::DockerNetworkSpec;
using Passerelle::HelperError;
using Passerelle::HelperFailure;

namespace {

// The default network's bridge, and the bridge of the user-defined network.
const QString kDefaultBridge = QStringLiteral("pslbr0");
const QString kLanBridge = QStringLiteral("pslbr1");
const QString kNetwork = QStringLiteral("psl-lan");

// The outcome of one asynchronous call, waited for through the event loop.
template<typename T>
struct Result
{
    bool called = false;
    std::optional<HelperFailure> failure;
    T value{};

    auto handler()
    {
        return [this](const std::optional<HelperFailure> &f, const T &v) {
            called = true;
            failure = f;
            value = v;
        };
    }
    bool wait(int timeoutMs = 30000)
    {
        return QTest::qWaitFor([this] { return called; }, timeoutMs);
    }
    QString why() const { return failure ? failure->name + QLatin1Char(' ') + failure->parameters.join(QLatin1Char('|')) + QLatin1String(": ") + failure->detail : QString(); }
};

struct Done
{
    bool called = false;
    std::optional<HelperFailure> failure;

    auto handler()
    {
        return [this](const std::optional<HelperFailure> &f) {
            called = true;
            failure = f;
        };
    }
    bool wait(int timeoutMs = 30000)
    {
        return QTest::qWaitFor([this] { return called; }, timeoutMs);
    }
    QString why() const { return failure ? failure->name + QLatin1Char(' ') + failure->parameters.join(QLatin1Char('|')) + QLatin1String(": ") + failure->detail : QString(); }
};

// "10.79.0.130" inside "10.79.0.128/25".
bool inRange(const QString &address, const QString &cidr)
{
    return QHostAddress(address).isInSubnet(QHostAddress::parseSubnet(cidr));
}

} // namespace

class TestDockerEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pingNegotiatesApiVersion();
    void unreachableDaemons();
    void listsRunningContainers();
    void liveRestoreOff();
    void defaultBridgeOnOwnBridge();
    void networkOnExistingBridge();
    void waitUntilUpAcrossRestart();
    void liveRestoreOn();

private:
    QString expectedApiVersion();
    // The IPv4 addresses on LINK in the daemon's namespace, as "a.b.c.d/len".
    QStringList addressesOf(const QString &link);

    std::unique_ptr<NetnsFixture> m_netns;
    std::unique_ptr<DockerFixture> m_docker;
    QString m_ns;
};

void TestDockerEngine::initTestCase()
{
    const QString skip = DockerFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    m_netns = std::make_unique<NetnsFixture>();
    m_ns = m_netns->create(QStringLiteral("engine"));
    QVERIFY(!m_ns.isEmpty());
    // Bridges as the user's br0: made before Docker, carrying the host's address.
    const QList<QPair<QString, QString>> bridges{{kDefaultBridge, QStringLiteral("10.78.0.1/24")},
                                                 {kLanBridge, QStringLiteral("10.79.0.1/24")}};
    for (const auto &[name, address] : bridges) {
        QString error;
        QVERIFY2(m_netns->ip(m_ns, {QStringLiteral("link"), QStringLiteral("add"), name, QStringLiteral("type"), QStringLiteral("bridge")}, &error),
                 qPrintable(error));
        QVERIFY2(m_netns->ip(m_ns, {QStringLiteral("address"), QStringLiteral("add"), address, QStringLiteral("dev"), name}, &error),
                 qPrintable(error));
        QVERIFY2(m_netns->ip(m_ns, {QStringLiteral("link"), QStringLiteral("set"), name, QStringLiteral("up")}, &error), qPrintable(error));
    }
    m_docker = std::make_unique<DockerFixture>();
    DockerFixture::Options options;
    options.bridge = kDefaultBridge;
    QVERIFY2(m_docker->start(m_ns, options), qPrintable(m_docker->errorString()));
}

void TestDockerEngine::cleanupTestCase()
{
    // The daemon goes before its namespace.
    m_docker.reset();
    m_netns.reset();
}

QString TestDockerEngine::expectedApiVersion()
{
    // What the daemon speaks, capped to the newest version the code knows.
    QByteArray out;
    m_docker->docker({QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.APIVersion}}")}, &out);
    const QString version = QString::fromLatin1(out).trimmed();
    const int minor = version.section(QLatin1Char('.'), 1, 1).toInt();
    return minor > 43 ? QStringLiteral("1.43") : version;
}

QStringList TestDockerEngine::addressesOf(const QString &link)
{
    QStringList addresses;
    const QJsonArray links = QJsonDocument::fromJson(m_netns->ipJson(m_ns, {QStringLiteral("-4"), QStringLiteral("address"), QStringLiteral("show"), QStringLiteral("dev"), link})).array();
    for (const QJsonValue &l : links) {
        for (const QJsonValue &a : l.toObject().value(QLatin1String("addr_info")).toArray()) {
            const QJsonObject o = a.toObject();
            addresses.append(o.value(QLatin1String("local")).toString() + QLatin1Char('/') + QString::number(o.value(QLatin1String("prefixlen")).toInt()));
        }
    }
    return addresses;
}

void TestDockerEngine::pingNegotiatesApiVersion()
{
    DockerEngine engine(m_docker->endpoint());
    QCOMPARE(engine.endpoint(), m_docker->endpoint());
    QCOMPARE(engine.apiVersion(), QString());
    Done ping;
    engine.ping(ping.handler());
    QVERIFY(!ping.called);  // never from inside the call
    QVERIFY(ping.wait());
    QVERIFY2(!ping.failure, qPrintable(ping.why()));
    const QString expected = expectedApiVersion();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(engine.apiVersion(), expected);
}

void TestDockerEngine::unreachableDaemons()
{
    // A socket path where nothing listens.
    const QString nowhere = QStringLiteral("unix://") + m_docker->rootDir() + QStringLiteral("/nobody.sock");
    DockerEngine engine(nowhere);
    Done ping;
    engine.ping(ping.handler());
    QVERIFY(ping.wait());
    QVERIFY(ping.failure);
    QVERIFY(ping.failure->is(HelperError::DockerUnreachable));
    QCOMPARE(ping.failure->parameters, (QStringList{nowhere, QStringLiteral("no-daemon")}));

    // The other calls say the same: they ping first.
    Result<QList<DockerContainerRef>> list;
    engine.runningContainers(list.handler());
    QVERIFY(list.wait());
    QVERIFY(list.failure && list.failure->is(HelperError::DockerUnreachable));

    // waitUntilUp gives up after its timeout, with the last reason.
    Done wait;
    QElapsedTimer elapsed;
    elapsed.start();
    engine.waitUntilUp(1200, wait.handler());
    QVERIFY(wait.wait(10000));
    QVERIFY(elapsed.elapsed() >= 1200);
    QVERIFY(wait.failure);
    QCOMPARE(wait.failure->parameters.value(1), QStringLiteral("no-daemon"));
    QVERIFY2(wait.failure->detail.contains(QStringLiteral("attempts")), qPrintable(wait.failure->detail));

    // Docker over TCP is not spoken here.
    DockerEngine tcp(QStringLiteral("tcp://127.0.0.1:2375"));
    Done tcpPing;
    tcp.ping(tcpPing.handler());
    QVERIFY(tcpPing.wait());
    QVERIFY(tcpPing.failure);
    QCOMPARE(tcpPing.failure->parameters.value(1), QStringLiteral("unsupported-endpoint"));
}

void TestDockerEngine::listsRunningContainers()
{
    const QString idB = m_docker->runContainer(QStringLiteral("psl-b"));
    const QString idA = m_docker->runContainer(QStringLiteral("psl-a"));
    const QString stopped = m_docker->runContainer(QStringLiteral("psl-stopped"));
    QVERIFY(!idA.isEmpty() && !idB.isEmpty() && !stopped.isEmpty());
    QVERIFY(m_docker->stopContainer(stopped));

    DockerEngine engine(m_docker->endpoint());
    Result<QList<DockerContainerRef>> list;
    engine.runningContainers(list.handler());
    QVERIFY(list.wait());
    QVERIFY2(!list.failure, qPrintable(list.why()));
    QStringList names;
    QStringList ids;
    for (const DockerContainerRef &c : std::as_const(list.value)) {
        names.append(c.name);
        ids.append(c.id);
    }
    QCOMPARE(names, (QStringList{QStringLiteral("psl-a"), QStringLiteral("psl-b")}));
    QCOMPARE(ids, (QStringList{idA, idB}));
    QStringList running = m_docker->runningContainerIds();
    ids.sort();
    QCOMPARE(ids, running);

    QVERIFY(m_docker->removeContainer(idA));
    QVERIFY(m_docker->removeContainer(idB));
    QVERIFY(m_docker->removeContainer(stopped));
    Result<QList<DockerContainerRef>> empty;
    engine.runningContainers(empty.handler());
    QVERIFY(empty.wait());
    QVERIFY(!empty.failure);
    QVERIFY(empty.value.isEmpty());
}

void TestDockerEngine::liveRestoreOff()
{
    DockerEngine engine(m_docker->endpoint());
    Result<bool> live;
    live.value = true;
    engine.liveRestore(live.handler());
    QVERIFY(live.wait());
    QVERIFY2(!live.failure, qPrintable(live.why()));
    QCOMPARE(live.value, false);
}

void TestDockerEngine::defaultBridgeOnOwnBridge()
{
    DockerEngine engine(m_docker->endpoint());
    Result<DockerBridgeNetwork> bridge;
    engine.defaultBridge(bridge.handler());
    QVERIFY(bridge.wait());
    QVERIFY2(!bridge.failure, qPrintable(bridge.why()));
    QCOMPARE(bridge.value.network, QStringLiteral("bridge"));
    QCOMPARE(bridge.value.bridge, kDefaultBridge);
    // Docker takes the subnet and gateway from the bridge's own address.
    QCOMPARE(bridge.value.subnet, QStringLiteral("10.78.0.0/24"));
    QCOMPARE(bridge.value.gateway, QStringLiteral("10.78.0.1"));
    // Against what the docker CLI reports.
    QCOMPARE(m_docker->inspect(QStringLiteral("bridge"), QStringLiteral("{{(index .IPAM.Config 0).Subnet}}")), bridge.value.subnet);

    Result<QString> owner;
    engine.networkOnBridge(kDefaultBridge, owner.handler());
    QVERIFY(owner.wait());
    QVERIFY2(!owner.failure, qPrintable(owner.why()));
    QCOMPARE(owner.value, QStringLiteral("bridge"));
}

void TestDockerEngine::networkOnExistingBridge()
{
    DockerEngine engine(m_docker->endpoint());
    Result<QString> before;
    before.value = QStringLiteral("unset");
    engine.networkOnBridge(kLanBridge, before.handler());
    QVERIFY(before.wait());
    QVERIFY2(!before.failure, qPrintable(before.why()));
    QCOMPARE(before.value, QString());

    DockerNetworkSpec spec;
    spec.name = kNetwork;
    spec.bridge = kLanBridge;
    spec.subnet = QStringLiteral("10.79.0.0/24");
    spec.ipRange = QStringLiteral("10.79.0.128/25");
    spec.gateway = QStringLiteral("10.79.0.1");
    Result<QString> created;
    engine.createNetwork(spec, created.handler());
    QVERIFY(created.wait());
    QVERIFY2(!created.failure, qPrintable(created.why()));
    QCOMPARE(created.value, m_docker->inspect(kNetwork, QStringLiteral("{{.Id}}")));
    QCOMPARE(m_docker->inspect(kNetwork, QStringLiteral("{{index .Options \"com.docker.network.bridge.name\"}}")), kLanBridge);
    QCOMPARE(m_docker->inspect(kNetwork, QStringLiteral("{{index .Options \"com.docker.network.bridge.inhibit_ipv4\"}}")),
             QStringLiteral("true"));

    Result<QString> owner;
    engine.networkOnBridge(kLanBridge, owner.handler());
    QVERIFY(owner.wait());
    QCOMPARE(owner.value, kNetwork);

    // A second one by that name is refused by Docker, with its reason.
    Result<QString> duplicate;
    engine.createNetwork(spec, duplicate.handler());
    QVERIFY(duplicate.wait());
    QVERIFY(duplicate.failure);
    QVERIFY(duplicate.failure->is(HelperError::DockerFailed));
    QCOMPARE(duplicate.failure->parameters.value(0), QStringLiteral("create-network"));
    QVERIFY2(duplicate.failure->parameters.value(1).contains(kNetwork), qPrintable(duplicate.why()));

    // A container on it takes an address in the range, on the bridge, which
    // keeps the host's address and gets no other.
    const QString id = m_docker->runContainer(QStringLiteral("psl-lan-c"), {QStringLiteral("--network"), kNetwork});
    QVERIFY2(!id.isEmpty(), m_docker->daemonLog().right(2000).constData());
    const QString address = m_docker->inspect(id, QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").IPAddress}}").arg(kNetwork));
    QVERIFY2(inRange(address, spec.ipRange), qPrintable(address));
    QCOMPARE(m_docker->inspect(id, QStringLiteral("{{(index .NetworkSettings.Networks \"%1\").Gateway}}").arg(kNetwork)), spec.gateway);
    QCOMPARE(addressesOf(kLanBridge), QStringList{QStringLiteral("10.79.0.1/24")});
    const int peer = m_docker->hostPeerIfindex(id);
    QVERIFY(peer > 0);
    const QJsonArray links = QJsonDocument::fromJson(m_netns->ipJson(m_ns, {QStringLiteral("link"), QStringLiteral("show")})).array();
    QString master;
    for (const QJsonValue &l : links) {
        if (l.toObject().value(QLatin1String("ifindex")).toInt() == peer)
            master = l.toObject().value(QLatin1String("master")).toString();
    }
    QCOMPARE(master, kLanBridge);

    // Docker refuses to remove a network in use.
    Done busy;
    engine.removeNetwork(kNetwork, busy.handler());
    QVERIFY(busy.wait());
    QVERIFY(busy.failure);
    QCOMPARE(busy.failure->parameters.value(0), QStringLiteral("remove-network"));

    QVERIFY(m_docker->removeContainer(id));
    Done removed;
    engine.removeNetwork(kNetwork, removed.handler());
    QVERIFY(removed.wait());
    QVERIFY2(!removed.failure, qPrintable(removed.why()));
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("inspect"), kNetwork}), 1);
    // The bridge was the user's: it stays, with its address.
    QCOMPARE(addressesOf(kLanBridge), QStringList{QStringLiteral("10.79.0.1/24")});

    Result<QString> after;
    engine.networkOnBridge(kLanBridge, after.handler());
    QVERIFY(after.wait());
    QCOMPARE(after.value, QString());

    // Removing it again is no failure: it is gone, as asked.
    Done again;
    engine.removeNetwork(kNetwork, again.handler());
    QVERIFY(again.wait());
    QVERIFY2(!again.failure, qPrintable(again.why()));
}

void TestDockerEngine::waitUntilUpAcrossRestart()
{
    DockerEngine engine(m_docker->endpoint());
    Done first;
    engine.ping(first.handler());
    QVERIFY(first.wait());
    QVERIFY(!first.failure);

    QVERIFY2(m_docker->stop(), qPrintable(m_docker->errorString()));
    Done down;
    engine.ping(down.handler());
    QVERIFY(down.wait());
    QVERIFY(down.failure);
    QVERIFY(down.failure->is(HelperError::DockerUnreachable));

    // The wait starts while the daemon is down; the daemon comes back a
    // second later (the fixture's restart blocks until it answers).
    Done wait;
    engine.waitUntilUp(120000, wait.handler());
    bool restarted = false;
    bool answeredBeforeRestart = false;
    QTimer::singleShot(1000, this, [&] {
        answeredBeforeRestart = wait.called;
        restarted = m_docker->restart();
    });
    QVERIFY(wait.wait(150000));
    QVERIFY2(restarted, qPrintable(m_docker->errorString()));
    QVERIFY(!answeredBeforeRestart);
    QVERIFY2(!wait.failure, qPrintable(wait.why()));
    QCOMPARE(engine.apiVersion(), expectedApiVersion());
}

void TestDockerEngine::liveRestoreOn()
{
    const QString ns = m_netns->create(QStringLiteral("live"));
    QVERIFY(!ns.isEmpty());
    DockerFixture live;
    DockerFixture::Options options;
    options.extraConfig = QJsonObject{{QStringLiteral("live-restore"), true}};
    options.importImage = false;
    QVERIFY2(live.start(ns, options), qPrintable(live.errorString()));
    DockerEngine engine(live.endpoint());
    Result<bool> result;
    engine.liveRestore(result.handler());
    QVERIFY(result.wait());
    QVERIFY2(!result.failure, qPrintable(result.why()));
    QCOMPARE(result.value, true);
    QVERIFY(live.stop());
}

QTEST_GUILESS_MAIN(TestDockerEngine)
#include "tst_dockerengine.moc"
