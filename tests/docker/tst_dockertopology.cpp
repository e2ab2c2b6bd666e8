// The model against a real dockerd in a namespace: every container's veth
// is mapped to the right container, live, never wrongly, and the rest of the
// model keeps working while the daemon is away.
#include "dockerfixture.h"
#include "netnsfixture.h"
#include "topologymodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Passerelle;

class TestDockerTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyVethMapsToItsContainer();
    void liveStartsAndStopsAreNeverMisattributed();
    void daemonStopAndRestart();
    void whoOwnsContainerFromTheCli();

private:
    struct OwnerEvent
    {
        int ifindex;
        Owner owner;
    };
    void startModel();
    // The ifindexes of a container's host-side veths, read inside the container.
    QSet<int> hostIfindexes(const QString &name, int interfaces = 1);
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000);

    std::unique_ptr<NetnsFixture> m_ns;
    std::unique_ptr<DockerFixture> m_docker;
    std::unique_ptr<TopologyModel> m_model;
    QString m_host;
    QList<OwnerEvent> m_ownerEvents;
};

void TestDockerTopology::initTestCase()
{
    QString skip = NetnsFixture::skipReason();
    if (skip.isEmpty())
        skip = DockerFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    m_ns = std::make_unique<NetnsFixture>();
    m_host = m_ns->create(QStringLiteral("dtopo"));
    QVERIFY(!m_host.isEmpty());
    m_docker = std::make_unique<DockerFixture>();
    QVERIFY2(m_docker->start(m_host), qPrintable(m_docker->errorString()));
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                               QStringLiteral("10.77.0.0/24"), QStringLiteral("backend")}),
             0);
    QVERIFY(!m_docker->runContainer(QStringLiteral("web"), {QStringLiteral("--restart=always")},
                                    {{QStringLiteral("com.docker.compose.project"), QStringLiteral("shop")}})
                 .isEmpty());
    QVERIFY(!m_docker->runContainer(QStringLiteral("db"), {QStringLiteral("--restart=always"), QStringLiteral("--network"),
                                                           QStringLiteral("backend")})
                 .isEmpty());
    QVERIFY(!m_docker->runContainer(QStringLiteral("multi"), {QStringLiteral("--restart=always")}).isEmpty());
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("backend"),
                               QStringLiteral("multi")}),
             0);
    // The model reads the namespace of the thread that starts it.
    QVERIFY(m_ns->enter(m_host));
    startModel();
}

void TestDockerTopology::cleanupTestCase()
{
    m_model.reset();
    NetnsFixture::leave();
    m_docker.reset();
    m_ns.reset();
}

void TestDockerTopology::startModel()
{
    m_model = std::make_unique<TopologyModel>();
    connect(m_model.get(), &TopologyModel::ownerChanged, this,
            [this](int ifindex, const Owner &owner) { m_ownerEvents.append({ifindex, owner}); });
    QSignalSpy ready(m_model.get(), &TopologyModel::ready);
    TopologyModel::Options options;
    options.dockerEndpoint = m_docker->endpoint();
    m_model->start(options);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_model->dockerStatus().state, DockerStatus::State::Connected);
}

bool TestDockerTopology::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

QSet<int> TestDockerTopology::hostIfindexes(const QString &name, int interfaces)
{
    QSet<int> result;
    for (int i = 0; i < interfaces; ++i)
        result.insert(m_docker->hostPeerIfindex(name, QStringLiteral("eth%1").arg(i)));
    return result;
}

void TestDockerTopology::everyVethMapsToItsContainer()
{
    const QMap<QString, int> expected{{QStringLiteral("web"), 1}, {QStringLiteral("db"), 1}, {QStringLiteral("multi"), 2}};
    QCOMPARE(m_model->containers().size(), expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto c = m_model->container(it.key());
        QVERIFY2(c, qPrintable(it.key()));
        QSet<int> mapped;
        for (const Link &l : m_model->linksOfContainer(c->id)) {
            mapped.insert(l.ifindex);
            const Owner owner = m_model->ownerOf(l.ifindex);
            QCOMPARE(owner.type, QStringLiteral("docker"));
            QCOMPARE(owner.id, c->id);
            QCOMPARE(owner.name, it.key());
        }
        QCOMPARE(mapped, hostIfindexes(it.key(), it.value()));
    }
    QCOMPARE(m_model->container(QStringLiteral("web"))->composeProject, QStringLiteral("shop"));
    QVERIFY(m_model->container(QStringLiteral("multi"))->networks.contains(QStringLiteral("backend")));
    // Every veth of the daemon's bridges has an owner: nothing is left unattributed.
    for (const Link &l : m_model->links()) {
        if (l.kind == QLatin1String("veth"))
            QCOMPARE(m_model->ownerOf(l.ifindex).type, QStringLiteral("docker"));
    }
}

void TestDockerTopology::liveStartsAndStopsAreNeverMisattributed()
{
    // Containers come and go quickly, so namespace ids are freed and reused
    // by the kernel while Docker's events are still on their way.
    m_ownerEvents.clear();
    QHash<QString, int> vethOf; // container id -> its host-side ifindex
    for (int round = 0; round < 3; ++round) {
        QStringList started;
        for (int i = 0; i < 3; ++i) {
            const QString name = QStringLiteral("churn%1x%2").arg(round).arg(i);
            const QString id = m_docker->runContainer(name);
            QVERIFY(!id.isEmpty());
            vethOf.insert(id, m_docker->hostPeerIfindex(name));
            started.append(name);
        }
        for (const QString &name : std::as_const(started))
            QVERIFY(m_docker->removeContainer(name));
    }
    const QString lastId = m_docker->runContainer(QStringLiteral("survivor"));
    QVERIFY(!lastId.isEmpty());
    const int survivorVeth = m_docker->hostPeerIfindex(QStringLiteral("survivor"));
    vethOf.insert(lastId, survivorVeth);

    QVERIFY(waitUntil([&] { return m_model->ownerOf(survivorVeth).id == lastId; }));
    QVERIFY(waitUntil([&] { return m_model->containers().size() == 4; }));
    int attributed = 0;
    for (const OwnerEvent &e : std::as_const(m_ownerEvents)) {
        if (e.owner.type != QLatin1String("docker"))
            continue;
        ++attributed;
        QVERIFY2(vethOf.contains(e.owner.id), qPrintable(e.owner.id));
        QVERIFY2(vethOf.value(e.owner.id) == e.ifindex,
                 qPrintable(QStringLiteral("link %1 attributed to %2, whose veth is %3")
                                .arg(e.ifindex)
                                .arg(e.owner.name)
                                .arg(vethOf.value(e.owner.id))));
    }
    QVERIFY(attributed >= 1);
    QVERIFY(m_docker->removeContainer(QStringLiteral("survivor")));
    QVERIFY(waitUntil([&] { return !m_model->link(survivorVeth); }));
    QVERIFY(waitUntil([&] { return !m_model->container(QStringLiteral("survivor")); }));
}

void TestDockerTopology::daemonStopAndRestart()
{
    QSignalSpy status(m_model.get(), &TopologyModel::dockerStatusChanged);
    QVERIFY(m_docker->stop());
    QVERIFY(waitUntil([&] { return m_model->dockerStatus().state == DockerStatus::State::Unavailable; }, 20000));
    QVERIFY(!m_model->dockerStatus().reason.isEmpty());
    QVERIFY(m_model->containers().isEmpty());

    // Links still follow the kernel while Docker is away.
    QVERIFY(m_ns->ip(m_host, QStringLiteral("link add nodock0 type bridge").split(QLatin1Char(' '))));
    QVERIFY(waitUntil([&] { return m_model->linkByName(QStringLiteral("nodock0")).has_value(); }));

    QVERIFY2(m_docker->restart(), qPrintable(m_docker->errorString()));
    QVERIFY(waitUntil([&] { return m_model->dockerStatus().state == DockerStatus::State::Connected; }, 30000));
    // The restart-policy containers come back and are mapped again.
    QVERIFY(waitUntil([&] { return m_model->containers().size() == 3; }, 30000));
    QVERIFY(waitUntil([&] {
        const auto web = m_model->container(QStringLiteral("web"));
        if (!web)
            return false;
        const QList<Link> links = m_model->linksOfContainer(web->id);
        return links.size() == 1 && QSet<int>{links.first().ifindex} == hostIfindexes(QStringLiteral("web"));
    }, 20000));
    QVERIFY(status.size() >= 2);
}

void TestDockerTopology::whoOwnsContainerFromTheCli()
{
    const QString ctl = qEnvironmentVariable("PASSERELLE_BUILD_DIR") + QStringLiteral("/app/cli/passerellectl");
    QByteArray out, err;
    const int rc = NetnsFixture::run(QStringLiteral("nsenter"),
                                     {QStringLiteral("--net=/run/netns/") + m_host, ctl, QStringLiteral("--lang"),
                                      QStringLiteral("en"), QStringLiteral("who-owns"), QStringLiteral("-H"),
                                      m_docker->endpoint(), QStringLiteral("--container"), QStringLiteral("multi")},
                                     &out, &err);
    QCOMPARE(rc, 0);
    const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QSet<int> expected = hostIfindexes(QStringLiteral("multi"), 2);
    for (int ifindex : expected) {
        const auto link = m_model->link(ifindex);
        QVERIFY(link);
        QVERIFY2(QString::fromUtf8(out).contains(link->name), out.constData());
        // And the other way round, for that veth.
        QByteArray vout;
        QCOMPARE(NetnsFixture::run(QStringLiteral("nsenter"),
                                   {QStringLiteral("--net=/run/netns/") + m_host, ctl, QStringLiteral("--lang"),
                                    QStringLiteral("en"), QStringLiteral("who-owns"), QStringLiteral("-H"),
                                    m_docker->endpoint(), link->name},
                                   &vout),
                 0);
        QVERIFY2(vout.contains("Docker container multi"), vout.constData());
    }
}

QTEST_GUILESS_MAIN(TestDockerTopology)
#include "tst_dockertopology.moc"
