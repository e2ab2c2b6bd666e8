// DockerClient against a real dockerd started by DockerFixture in a network
// namespace: the listing, the live events, the race between the two, and a
// daemon restart. Every container's nsid is checked against what `ip`
// reports for the host side of its veth.
#include "containerpids.h"
#include "dockerclientharness.h"
#include "dockerfixture.h"
#include "netnsfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <memory>

#include <grp.h>
#include <unistd.h>

using Passerelle::Container;
using Passerelle::DockerStatus;

namespace {
const QString kComposeLabel = QStringLiteral("com.docker.compose.project");
const QString kNetwork = QStringLiteral("psl-net");
} // namespace

class TestDockerClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsRunningContainers();
    void oneShotListing();
    void pidsFromProcOrInspect();
    void followsEvents();
    void idleCostsNothing();
    void eventsDuringConnect();
    void reconnectsAfterDaemonRestart();

private:
    // ifindex -> link_netnsid of the links in the daemon's namespace.
    QHash<int, int> linkNetnsIds() const;
    // Checks everything the client reports for C against Docker and ip.
    void verifyContainer(const Container &c, const QString &image = DockerFixture::imageName());
    void removeAllContainers();
    QString expectedApiVersion();

    std::unique_ptr<NetnsFixture> m_netns;
    std::unique_ptr<DockerFixture> m_docker;
    QString m_ns;
};

void TestDockerClient::initTestCase()
{
    const QString skip = DockerFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    m_netns = std::make_unique<NetnsFixture>();
    m_ns = m_netns->create(QStringLiteral("docker"));
    QVERIFY(!m_ns.isEmpty());
    m_docker = std::make_unique<DockerFixture>();
    QVERIFY2(m_docker->start(m_ns), qPrintable(m_docker->errorString()));
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("create"), kNetwork}), 0);
    // The client threads are started from here on: they see the daemon's
    // namespace, where the nsids of the containers' namespaces are defined.
    QVERIFY(m_netns->enter(m_ns));
}

void TestDockerClient::cleanupTestCase()
{
    // The daemon goes before its namespace.
    m_docker.reset();
    m_netns.reset();
}

QHash<int, int> TestDockerClient::linkNetnsIds() const
{
    QHash<int, int> ids;
    const QJsonArray links = QJsonDocument::fromJson(m_netns->ipJson(m_ns, {QStringLiteral("link"), QStringLiteral("show")})).array();
    for (const QJsonValue &v : links) {
        const QJsonObject l = v.toObject();
        if (l.contains(QLatin1String("link_netnsid")))
            ids.insert(l.value(QLatin1String("ifindex")).toInt(), l.value(QLatin1String("link_netnsid")).toInt());
    }
    return ids;
}

QString TestDockerClient::expectedApiVersion()
{
    // What the daemon speaks, capped to the newest version the client knows.
    QByteArray out;
    m_docker->docker({QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.APIVersion}}")},
                     &out);
    const QString version = QString::fromLatin1(out).trimmed();
    const int minor = version.section(QLatin1Char('.'), 1, 1).toInt();
    return minor > 43 ? QStringLiteral("1.43") : version;
}

void TestDockerClient::verifyContainer(const Container &c, const QString &image)
{
    QCOMPARE(c.id.size(), 64);
    QCOMPARE(c.shortId(), c.id.left(12));
    QCOMPARE(c.name, m_docker->inspect(c.id, QStringLiteral("{{.Name}}")).mid(1));
    QCOMPARE(c.image, image);
    QCOMPARE(c.state, QStringLiteral("running"));
    QCOMPARE(c.pid, m_docker->inspect(c.id, QStringLiteral("{{.State.Pid}}")).toLongLong());
    QCOMPARE(c.composeProject,
             m_docker->inspect(c.id, QStringLiteral("{{index .Config.Labels \"%1\"}}").arg(kComposeLabel)));
    QStringList networks = m_docker->inspect(c.id, QStringLiteral("{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}"))
                               .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    networks.sort();
    QCOMPARE(c.networks, networks);

    // The mapping this feature rests on: the nsid the client found for the
    // container's pid is the link-netnsid of the host side of each of its veths.
    QVERIFY2(c.netnsId >= 0, qPrintable(c.name));
    const QHash<int, int> nsids = linkNetnsIds();
    for (int i = 0; i < networks.size(); ++i) {
        const int peer = m_docker->hostPeerIfindex(c.id, QStringLiteral("eth%1").arg(i));
        QVERIFY2(peer > 0, qPrintable(m_docker->errorString()));
        QVERIFY2(nsids.contains(peer), qPrintable(QStringLiteral("no link %1 with a link-netnsid").arg(peer)));
        QCOMPARE(nsids.value(peer), c.netnsId);
    }
}

void TestDockerClient::removeAllContainers()
{
    QByteArray out;
    m_docker->docker({QStringLiteral("ps"), QStringLiteral("-aq")}, &out);
    const QStringList ids = QString::fromLatin1(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!ids.isEmpty())
        m_docker->docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids);
}

void TestDockerClient::listsRunningContainers()
{
    const QString alpha = m_docker->runContainer(QStringLiteral("alpha"));
    QVERIFY2(!alpha.isEmpty(), qPrintable(m_docker->errorString()));
    const QString beta = m_docker->runContainer(QStringLiteral("beta"), {QStringLiteral("--network"), kNetwork},
                                                {{kComposeLabel, QStringLiteral("shop")}});
    QVERIFY2(!beta.isEmpty(), qPrintable(m_docker->errorString()));
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("bridge"), beta}), 0);
    // A stopped container is not listed.
    const QString stopped = m_docker->runContainer(QStringLiteral("stopped"));
    QVERIFY(!stopped.isEmpty());
    QVERIFY(m_docker->stopContainer(stopped));

    DockerClientHarness h(m_docker->endpoint());
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.resets.size(), 1, 10000);

    const DockerStatus status = h.recorder.lastStatus();
    QCOMPARE(status.state, DockerStatus::State::Connected);
    QCOMPARE(status.endpoint, m_docker->endpoint());
    QCOMPARE(status.apiVersion, expectedApiVersion());
    QVERIFY(status.reason.isEmpty());
    QCOMPARE(h.recorder.statuses.constFirst().state, DockerStatus::State::Connecting);

    const QList<Container> listed = h.recorder.resets.constFirst();
    QCOMPARE(listed.size(), 2);
    QStringList ids{listed.at(0).id, listed.at(1).id};
    ids.sort();
    QCOMPARE(ids, m_docker->runningContainerIds());

    const Container *a = h.recorder.byName(QStringLiteral("alpha"));
    const Container *b = h.recorder.byName(QStringLiteral("beta"));
    QVERIFY(a && b);
    QCOMPARE(a->id, alpha);
    QCOMPARE(b->id, beta);
    QCOMPARE(a->networks, QStringList{QStringLiteral("bridge")});
    QCOMPARE(b->networks, (QStringList{QStringLiteral("bridge"), kNetwork}));
    QCOMPARE(b->composeProject, QStringLiteral("shop"));
    QVERIFY(a->composeProject.isEmpty());
    QVERIFY(a->netnsId != b->netnsId);
    verifyContainer(*a);
    verifyContainer(*b);

    // Nothing happens while nothing happens: no spurious updates.
    QTest::qWait(300);
    QVERIFY(h.recorder.updates.isEmpty());
    QVERIFY(h.recorder.removals.isEmpty());
    QVERIFY(m_docker->removeContainer(stopped));
}

void TestDockerClient::oneShotListing()
{
    DockerClientHarness h(m_docker->endpoint());
    h.start(false);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.resets.size(), 1, 10000);
    QCOMPARE(h.recorder.lastStatus().state, DockerStatus::State::Connected);
    QCOMPARE(h.recorder.currentIds(), m_docker->runningContainerIds());
    // Not following events: a new container is not reported.
    const QString late = m_docker->runContainer(QStringLiteral("late"));
    QVERIFY(!late.isEmpty());
    QTest::qWait(500);
    QVERIFY(h.recorder.updates.isEmpty());
    QCOMPARE(h.recorder.resets.size(), 1);
    QVERIFY(m_docker->removeContainer(late));
}

void TestDockerClient::pidsFromProcOrInspect()
{
    // At connect the pids come from the containers' cgroups, not from an
    // inspect per container; the containers these do not place, or whose
    // listing is not what an inspect says, are inspected. Either way the
    // client reports Docker's State.Pid and the right namespace.
    const QString retagImage = QStringLiteral("psl-retag:1");
    const QStringList names{QStringLiteral("plain"), QStringLiteral("tini"), QStringLiteral("hostpid"),
                            QStringLiteral("ownparent"), QStringLiteral("retagged")};
    const auto cleanup = qScopeGuard([&] {
        m_docker->docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + names);
        m_docker->docker({QStringLiteral("rmi"), retagImage});
    });
    const QString plain = m_docker->runContainer(QStringLiteral("plain"));
    QVERIFY2(!plain.isEmpty(), qPrintable(m_docker->errorString()));
    // docker-init as pid 1, and a docker exec session beside it: both are
    // children of the shim, only the init is pid 1 of the container.
    const QString tini = m_docker->runContainer(QStringLiteral("tini"), {QStringLiteral("--init")});
    QVERIFY2(!tini.isEmpty(), qPrintable(m_docker->errorString()));
    QCOMPARE(m_docker->docker({QStringLiteral("exec"), QStringLiteral("-d"), tini, QStringLiteral("sleep"),
                               QStringLiteral("1000")}),
             0);
    // No pid namespace of its own: no process is its pid 1, its cgroup
    // cannot tell its init from the processes it starts.
    const QString hostPid =
        m_docker->runContainer(QStringLiteral("hostpid"), {QStringLiteral("--pid"), QStringLiteral("host")});
    QVERIFY2(!hostPid.isEmpty(), qPrintable(m_docker->errorString()));
    // A cgroup parent of its own (compose's cgroup_parent), not where the
    // daemon puts the others. Below the fixture's parent, which is swept
    // after a crash.
    const QString ownCgroupParent =
        QLatin1Char('/') + QFileInfo(m_docker->rootDir()).fileName() + QStringLiteral("/own");
    const QString ownParent =
        m_docker->runContainer(QStringLiteral("ownparent"), {QStringLiteral("--cgroup-parent"), ownCgroupParent});
    QVERIFY2(!ownParent.isEmpty(), qPrintable(m_docker->errorString()));
    // Its tag moved to another image after it started: the listing shows
    // the image id, only an inspect still has the name it was started from.
    QCOMPARE(m_docker->docker({QStringLiteral("tag"), DockerFixture::imageName(), retagImage}), 0);
    QByteArray out;
    QCOMPARE(m_docker->docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                               QStringLiteral("retagged"), retagImage},
                              &out),
             0);
    const QString retagged = QString::fromLatin1(out).trimmed();
    QCOMPARE(m_docker->docker({QStringLiteral("commit"), retagged, retagImage}), 0);

    const auto statePid = [this](const QString &id) {
        return m_docker->inspect(id, QStringLiteral("{{.State.Pid}}")).toLongLong();
    };
    // Placed by the cgroup of one container whose pid Docker told.
    const QStringList others{tini, hostPid, ownParent, retagged};
    const QHash<QString, qint64> found = Passerelle::findContainerInitPids(plain, statePid(plain), others);
    QCOMPARE(found.value(tini), statePid(tini));
    QCOMPARE(found.value(retagged), statePid(retagged));
    QVERIFY(!found.contains(hostPid));
    QVERIFY(!found.contains(ownParent));
    // A pid that is not the anchor's here (dockerd in another pid
    // namespace) places nothing.
    QVERIFY(Passerelle::findContainerInitPids(plain, statePid(tini), others).isEmpty());
    // It reads world-readable files only: a user outside the docker group
    // finds the same.
    if (::geteuid() == 0) {
        QProcess probe;
        probe.setProgram(QStringLiteral(PASSERELLE_DOCKER_PROBE));
        probe.setArguments(QStringList{QStringLiteral("--init-pids"), plain, QString::number(statePid(plain))}
                           + others);
        probe.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(125);
        });
        probe.start();
        QVERIFY(probe.waitForFinished(30000));
        QCOMPARE(probe.exitCode(), 0);
        const QJsonObject unprivileged = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
        QCOMPARE(unprivileged.size(), found.size());
        for (auto it = found.cbegin(); it != found.cend(); ++it)
            QCOMPARE(unprivileged.value(it.key()).toInteger(), it.value());
    }

    // The client: whichever container it inspects first, the others that
    // the cgroups do not place are inspected.
    DockerClientHarness h(m_docker->endpoint());
    h.start(false);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.resets.size(), 1, 10000);
    QCOMPARE(h.recorder.currentIds(), m_docker->runningContainerIds());
    for (const QString &id : {plain, tini, hostPid, ownParent})
        verifyContainer(h.recorder.current.value(id));
    verifyContainer(h.recorder.current.value(retagged), retagImage);
    for (const Container &c : std::as_const(h.recorder.current))
        QCOMPARE(c.pid, statePid(c.id));
}

void TestDockerClient::followsEvents()
{
    DockerClientHarness h(m_docker->endpoint());
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.resets.size(), 1, 10000);

    QElapsedTimer timer;
    const QString gamma = m_docker->runContainer(QStringLiteral("gamma"));
    QVERIFY2(!gamma.isEmpty(), qPrintable(m_docker->errorString()));
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.current.contains(gamma), 5000);
    qInfo("started container reported %lld ms after `docker run` returned", timer.elapsed());
    QCOMPARE(h.recorder.updates.constLast().id, gamma);
    verifyContainer(h.recorder.current.value(gamma));

    QCOMPARE(m_docker->docker({QStringLiteral("rename"), QStringLiteral("gamma"), QStringLiteral("gamma2")}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.current.value(gamma).name, QStringLiteral("gamma2"), 5000);

    // Network events name the container in their attributes.
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("connect"), kNetwork, gamma}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.current.value(gamma).networks, (QStringList{QStringLiteral("bridge"), kNetwork}),
                              5000);
    verifyContainer(h.recorder.current.value(gamma));
    QCOMPARE(m_docker->docker({QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("bridge"), gamma}),
             0);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.current.value(gamma).networks, QStringList{kNetwork}, 5000);

    // Paused containers keep their namespace: still there, state paused.
    QCOMPARE(m_docker->docker({QStringLiteral("pause"), gamma}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.current.value(gamma).state, QStringLiteral("paused"), 5000);
    QCOMPARE(m_docker->docker({QStringLiteral("unpause"), gamma}), 0);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.current.value(gamma).state, QStringLiteral("running"), 5000);

    QVERIFY(m_docker->stopContainer(gamma));
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.removals.contains(gamma), 5000);
    qInfo("stopped container reported %lld ms after `docker stop` returned", timer.elapsed());
    QVERIFY(!h.recorder.current.contains(gamma));
    QCOMPARE(h.recorder.removals.count(gamma), 1);

    // Started again (same id, new pid and namespace), then removed outright.
    QCOMPARE(m_docker->docker({QStringLiteral("start"), gamma}), 0);
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.current.contains(gamma), 5000);
    verifyContainer(h.recorder.current.value(gamma));
    QVERIFY(m_docker->removeContainer(gamma));
    QTRY_VERIFY_WITH_TIMEOUT(!h.recorder.current.contains(gamma), 5000);

    QCOMPARE(h.recorder.resets.size(), 1);
    QCOMPARE(h.recorder.currentIds(), m_docker->runningContainerIds());
}

void TestDockerClient::idleCostsNothing()
{
    // Connected and nothing happening: the client thread sleeps in poll()
    // on the event stream; no timer, no request, no wakeup.
    DockerClientHarness h(m_docker->endpoint());
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.resets.size(), 1, 10000);
    QTest::qWait(300);
    pid_t tid = 0;
    QMetaObject::invokeMethod(h.client, [] { return pid_t(::gettid()); }, Qt::BlockingQueuedConnection, &tid);
    QVERIFY(tid > 0);
    const auto wakeups = [tid] {
        QFile status(QStringLiteral("/proc/self/task/%1/status").arg(tid));
        if (!status.open(QIODevice::ReadOnly))
            return -1LL;
        qint64 total = 0;
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &l : lines) {
            if (l.endsWith("ctxt_switches") || l.contains("ctxt_switches:"))
                total += l.mid(l.indexOf(':') + 1).trimmed().toLongLong();
        }
        return total;
    };
    const qint64 before = wakeups();
    QTest::qWait(3000);
    const qint64 after = wakeups();
    qInfo("client thread woke up %lld times in 3 s of idleness", after - before);
    QVERIFY(before >= 0);
    QVERIFY2(after - before <= 2, qPrintable(QString::number(after - before)));
}

void TestDockerClient::eventsDuringConnect()
{
    // Containers start and stop while the client pings, lists and inspects:
    // whichever side of the listing their events fall, the end result must
    // be what `docker ps` says. The delay varies so the connect lands at
    // different moments of the burst.
    const QProcessEnvironment env = m_docker->dockerEnvironment();
    QStringList previous = m_docker->runningContainerIds();
    for (int round = 0; round < 4; ++round) {
        QList<QProcess *> commands;
        for (int i = 0; i < 4; ++i) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(env);
            p->start(QStringLiteral("docker"),
                     QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                 QStringLiteral("race%1-%2").arg(round).arg(i), DockerFixture::imageName()});
            commands.append(p);
        }
        if (!previous.isEmpty()) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(env);
            p->start(QStringLiteral("docker"),
                     {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), previous.constFirst()});
            commands.append(p);
        }
        QTest::qWait(round * 150);
        DockerClientHarness h(m_docker->endpoint());
        h.start();
        for (QProcess *p : std::as_const(commands)) {
            if (p->state() != QProcess::NotRunning)
                QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     p->readAllStandardError().constData());
        }
        qDeleteAll(commands);
        const QStringList expected = m_docker->runningContainerIds();
        QTRY_COMPARE_WITH_TIMEOUT(h.recorder.currentIds(), expected, 10000);
        QVERIFY(!h.recorder.resets.isEmpty());
        for (const Container &c : std::as_const(h.recorder.current)) {
            QCOMPARE(c.pid, m_docker->inspect(c.id, QStringLiteral("{{.State.Pid}}")).toLongLong());
            QVERIFY(c.netnsId >= 0);
        }
        previous = expected;
    }
}

void TestDockerClient::reconnectsAfterDaemonRestart()
{
    removeAllContainers();
    QStringList ids;
    for (const QString &name : {QStringLiteral("keep1"), QStringLiteral("keep2")}) {
        const QString id = m_docker->runContainer(name, {QStringLiteral("--restart"), QStringLiteral("always")});
        QVERIFY2(!id.isEmpty(), qPrintable(m_docker->errorString()));
        ids.append(id);
    }
    ids.sort();

    DockerClientHarness h(m_docker->endpoint());
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.resets.size(), 1, 10000);
    QCOMPARE(h.recorder.currentIds(), ids);

    QVERIFY2(m_docker->stop(), qPrintable(m_docker->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.lastStatus().state, DockerStatus::State::Unavailable, 10000);
    QVERIFY(!h.recorder.lastStatus().reason.isEmpty());
    QCOMPARE(h.recorder.lastStatus().endpoint, m_docker->endpoint());
    // Retrying against the socket that is gone says why.
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.lastStatus().reason.contains(QLatin1String("no Docker daemon is listening on")),
                             10000);
    QVERIFY(h.recorder.lastStatus().reason.contains(m_docker->socketPath()));
    for (const DockerStatus &s : std::as_const(h.recorder.statuses))
        qInfo("status %d: %s", int(s.state), qPrintable(s.reason));

    // Back again: the client reconnects by itself and lists again.
    QVERIFY2(m_docker->restart(), qPrintable(m_docker->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.resets.size() >= 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(h.recorder.currentIds(), ids, 10000);
    QCOMPARE(h.recorder.lastStatus().state, DockerStatus::State::Connected);
    QCOMPARE(h.recorder.lastStatus().apiVersion, expectedApiVersion());
    for (const Container &c : std::as_const(h.recorder.current))
        verifyContainer(c);

    // And it follows events on the new stream.
    const QString fresh = m_docker->runContainer(QStringLiteral("fresh"));
    QVERIFY(!fresh.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.current.contains(fresh), 5000);
}

QTEST_GUILESS_MAIN(TestDockerClient)
#include "tst_dockerclient.moc"
