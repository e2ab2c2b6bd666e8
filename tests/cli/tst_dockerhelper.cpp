// passerellectl's Docker commands against the real passerelle-helper: a
// private system bus started in a network namespace activates the built
// helper there, next to a real dockerd (its own daemon.json, socket and
// restart command) and an uplink em1 on a LAN namespace. `docker status`
// and the --dry-run plans need no authorization; each dry run is checked to
// have changed neither the links nor daemon.json. What the plain changes
// say (bridge create, revert, confirm, bridge delete) and the whole flow
// (expose, status, confirm with Docker's restart, reset-bridge, use-bridge)
// run last, with real polkitd granting root by a rule of the test's.
#include "dockerfixture.h"
#include "netnsfixture.h"
#include "polkitfixture.h"
#include "systembusfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

class TestDockerHelper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void statusJson();
    void statusShowsConflict();
    void exposeDryRun();
    void exposeDryRunOutsideSubnet();
    void useBridgeDryRunMissingBridge();
    void plainChangesSayWhatIsDone();
    void exposeStatusConfirmReset();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result ctl(const QStringList &args) const;
    QByteArray linkState() const;
    static QString describe(const Result &r);

    std::unique_ptr<NetnsFixture> m_netns;
    std::unique_ptr<DockerFixture> m_docker;
    std::unique_ptr<PolkitFixture> m_polkit;
    std::unique_ptr<SystemBusFixture> m_bus;
    QString m_polkitSkipReason;
    QString m_host;
    QString m_defaultsFile;
};

void TestDockerHelper::initTestCase()
{
    for (const QString &reason : {NetnsFixture::skipReason(), SystemBusFixture::skipReason(), DockerFixture::skipReason()}) {
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
    }
    QVERIFY2(QFileInfo(QStringLiteral(PASSERELLE_HELPER_BINARY)).isExecutable(), PASSERELLE_HELPER_BINARY);
    QVERIFY2(QFileInfo(QStringLiteral(PASSERELLECTL_BINARY)).isExecutable(), PASSERELLECTL_BINARY);

    m_netns = std::make_unique<NetnsFixture>();
    m_host = m_netns->create(QStringLiteral("dkhost"));
    const QString lan = m_netns->create(QStringLiteral("dklan"));
    QVERIFY(!m_host.isEmpty() && !lan.isEmpty());
    // em1 with 192.0.2.10/24 and the default route via 192.0.2.1.
    QVERIFY(m_netns->addUplink(m_host, lan));

    m_docker = std::make_unique<DockerFixture>();
    DockerFixture::Options options;
    options.importImage = false;
    options.restartable = true;
    QVERIFY2(m_docker->start(m_host, options), qPrintable(m_docker->errorString()));

    m_bus = std::make_unique<SystemBusFixture>();
    const QString dir = m_bus->directory();
    // Nothing of the host's own Docker setup may leak in: the defaults file
    // and the unit folders are the test's own, empty at first.
    m_defaultsFile = dir + QStringLiteral("/default-docker");
    QVERIFY(writeFile(m_defaultsFile, "# DOCKER_OPTS not set\n"));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/units")));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/interfaces.d")));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/dropin")));
    QVERIFY(writeFile(dir + QStringLiteral("/interfaces"),
                      QStringLiteral("source %1/interfaces.d/*\n").arg(dir).toUtf8()));
    const QString config = dir + QStringLiteral("/helper.conf");
    QVERIFY(writeFile(config, QStringLiteral("[helper]\nidle-timeout=0\nstate-dir=%1/state\n"
                                             "[docker]\nconfig=%2\nsocket=%3\nrestart=command\nrestart-command=%4\n"
                                             "defaults-file=%5\nunit-dirs=%1/units\n"
                                             "[persist]\nbackend=ifupdown\nifupdown-dir=%1/interfaces.d\n"
                                             "interfaces-file=%1/interfaces\ndropin-dir=%1/dropin\n")
                                  .arg(dir, m_docker->configPath(), m_docker->endpoint(),
                                       m_docker->restartCommand().join(QLatin1Char(' ')), m_defaultsFile)
                                  .toUtf8()));

    m_bus->addService(QStringLiteral("org.passerelle.Helper1"),
                      {QStringLiteral(PASSERELLE_HELPER_BINARY), QStringLiteral("--config"), config});
    m_bus->addPolicy(QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    QString error;
    // Without polkit, the read-only tests still run.
    m_polkitSkipReason = PolkitFixture::skipReason();
    if (m_polkitSkipReason.isEmpty()) {
        m_polkit = std::make_unique<PolkitFixture>();
        QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
        QVERIFY2(m_polkit->writeRules(QStringLiteral("docker"),
                                      QStringLiteral("polkit.addRule(function(action, subject) {\n"
                                                     "    if (action.id.indexOf(\"org.passerelle.\") == 0 && "
                                                     "subject.user == \"root\")\n"
                                                     "        return polkit.Result.YES;\n"
                                                     "});\n"),
                                      &error),
                 qPrintable(error));
        QVERIFY2(PolkitFixture::addTo(m_bus.get(), &error), qPrintable(error));
    }
    QVERIFY2(m_bus->start(m_host, &error), qPrintable(error));
}

void TestDockerHelper::cleanupTestCase()
{
    if (m_bus && QTest::currentTestFailed())
        qWarning("bus log:\n%s", m_bus->log().right(6000).constData());
    m_bus.reset();
    m_polkit.reset();
    m_docker.reset();
    m_netns.reset();
}

void TestDockerHelper::cleanup()
{
    if (QTest::currentTestFailed() && m_bus)
        qWarning("bus log:\n%s", m_bus->log().right(6000).constData());
}

TestDockerHelper::Result TestDockerHelper::ctl(const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = m_bus->clientEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PASSERELLECTL_BINARY), args);
    Result r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestDockerHelper::describe(const Result &r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

QByteArray TestDockerHelper::linkState() const
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_netns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show")}));
    const QJsonDocument addresses =
        QJsonDocument::fromJson(m_netns->ipJson(m_host, {QStringLiteral("address"), QStringLiteral("show")}));
    return QJsonDocument(NetnsFixture::withoutVolatileFields(doc.array()).toArray()).toJson(QJsonDocument::Compact)
        + QJsonDocument(NetnsFixture::withoutVolatileFields(addresses.array()).toArray()).toJson(QJsonDocument::Compact);
}

void TestDockerHelper::statusJson()
{
    const Result r = ctl({QStringLiteral("docker"), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QJsonParseError parseError;
    const QJsonObject status = QJsonDocument::fromJson(r.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(describe(r)));

    // The fixture's dockerd runs on its own docker0 with bip 172.17.0.1/16,
    // from the daemon.json the helper was told about.
    QCOMPARE(status.value(QStringLiteral("running_bridge")).toString(), QStringLiteral("docker0"));
    bool bipFound = false;
    for (const QJsonValue &v : status.value(QStringLiteral("settings")).toArray()) {
        const QJsonObject s = v.toObject();
        QVERIFY2(s.contains(QStringLiteral("setting")) && s.contains(QStringLiteral("value"))
                     && s.contains(QStringLiteral("source")),
                 qPrintable(describe(r)));
        if (s.value(QStringLiteral("setting")).toString() == QLatin1String("bip")) {
            bipFound = true;
            QCOMPARE(s.value(QStringLiteral("value")).toString(), QStringLiteral("172.17.0.1/16"));
            QCOMPARE(s.value(QStringLiteral("source")).toString(), m_docker->configPath());
        }
        QVERIFY2(s.value(QStringLiteral("setting")).toString() != QLatin1String("bridge"), qPrintable(describe(r)));
    }
    QVERIFY2(bipFound, qPrintable(describe(r)));
    QCOMPARE(status.value(QStringLiteral("conflicts")).toArray().size(), 0);
    const QJsonObject restart = status.value(QStringLiteral("restart")).toObject();
    QCOMPARE(restart.value(QStringLiteral("method")).toString(), QStringLiteral("command"));
    QVERIFY2(restart.value(QStringLiteral("detail")).toString().contains(m_docker->restartCommand().value(0)),
             qPrintable(describe(r)));
    QCOMPARE(status.value(QStringLiteral("persist")).toObject().value(QStringLiteral("backend")).toString(),
             QStringLiteral("ifupdown"));
    QVERIFY(status.value(QStringLiteral("errors")).toArray().isEmpty());

    // The text form says the same.
    const Result text = ctl({QStringLiteral("docker"), QStringLiteral("status")});
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    QVERIFY2(text.out.contains("Docker's default bridge: docker0"), qPrintable(describe(text)));
    QVERIFY2(text.out.contains("172.17.0.1/16"), qPrintable(describe(text)));
    // Where a permanent configuration would go, not that one was written.
    QVERIFY2(text.out.contains("Permanent configuration goes to: ifupdown (the [persist] backend of "
                               + (m_bus->directory() + QStringLiteral("/helper.conf)")).toUtf8()),
             qPrintable(describe(text)));
    QVERIFY2(!text.out.contains("written for"), qPrintable(describe(text)));
    // live-restore: a row with its file where daemon.json sets it, else
    // Docker's default without a source.
    const bool liveRestoreSet = QJsonDocument::fromJson(readFile(m_docker->configPath()))
                                    .object()
                                    .contains(QStringLiteral("live-restore"));
    QCOMPARE(text.out.contains("live-restore: off (Docker's default)"), !liveRestoreSet);
}

void TestDockerHelper::statusShowsConflict()
{
    // The seed's way next to daemon.json's: bip from both is a conflict
    // dockerd would not start with.
    QVERIFY(writeFile(m_defaultsFile, "DOCKER_OPTS=\"--bip=10.99.0.1/24\"\n"));
    const Result r = ctl({QStringLiteral("docker"), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY(writeFile(m_defaultsFile, "# DOCKER_OPTS not set\n"));
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonArray conflicts = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("conflicts")).toArray();
    QVERIFY2(conflicts.size() == 1, qPrintable(describe(r)));
    const QJsonObject conflict = conflicts.first().toObject();
    QCOMPARE(conflict.value(QStringLiteral("setting")).toString(), QStringLiteral("bip"));
    QStringList values;
    for (const QJsonValue &v : conflict.value(QStringLiteral("sources")).toArray())
        values.append(v.toObject().value(QStringLiteral("value")).toString());
    values.sort();
    QCOMPARE(values, (QStringList{QStringLiteral("10.99.0.1/24"), QStringLiteral("172.17.0.1/16")}));
}

void TestDockerHelper::exposeDryRun()
{
    const QByteArray linksBefore = linkState();
    const QByteArray configBefore = readFile(m_docker->configPath());
    QVERIFY(!configBefore.isEmpty());

    const Result r = ctl({QStringLiteral("expose"), QStringLiteral("em1"), QStringLiteral("--bridge"),
                          QStringLiteral("br0"), QStringLiteral("--fixed-cidr"), QStringLiteral("192.0.2.128/25"),
                          QStringLiteral("--default-gateway"), QStringLiteral("192.0.2.1"),
                          QStringLiteral("--confirm-timeout"), QStringLiteral("42"), QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QString out = QString::fromUtf8(r.out);
    // The network part, then the confirmation with the timeout asked for,
    // then what follows it: Docker's part.
    const int create = out.indexOf(QLatin1String("Create bridge br0"));
    const int confirm = out.indexOf(QLatin1String("confirmed within 42 seconds"));
    const int then = out.indexOf(QLatin1String("Once confirmed:"));
    const int edit = out.indexOf(QLatin1String("Edit ") + m_docker->configPath());
    const int restart = out.indexOf(QLatin1String("Restart Docker with the command"));
    QVERIFY2(create >= 0 && confirm > create && then > confirm && edit > then && restart > edit, qPrintable(describe(r)));
    QVERIFY2(out.contains(QLatin1String("Make em1 a port of bridge br0")), qPrintable(describe(r)));
    QVERIFY2(out.contains(QLatin1String("192.0.2.128/25")), qPrintable(describe(r)));
    // Warnings as after a real run: on stderr, the seed's always among them.
    QVERIFY2(r.err.contains("passerellectl: warning: Containers are then directly reachable from the LAN"),
             qPrintable(describe(r)));
    QVERIFY2(!out.contains(QLatin1String("Warning")) && !out.contains(QLatin1String("warning")), qPrintable(describe(r)));
    QVERIFY2(!out.contains(QLatin1String("Expose ")) && !out.contains(QLatin1String("EditDaemonConfig")),
             qPrintable(describe(r)));

    // A plan changes nothing.
    QCOMPARE(linkState(), linksBefore);
    QCOMPARE(readFile(m_docker->configPath()), configBefore);
}

void TestDockerHelper::exposeDryRunOutsideSubnet()
{
    const QByteArray linksBefore = linkState();
    const Result r = ctl({QStringLiteral("expose"), QStringLiteral("em1"), QStringLiteral("--bridge"),
                          QStringLiteral("br0"), QStringLiteral("--fixed-cidr"), QStringLiteral("10.1.0.0/24"),
                          QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.contains("(org.passerelle.Error.NotInSubnet)"), qPrintable(describe(r)));
    QVERIFY2(r.err.contains("10.1.0.0/24") && r.err.contains("192.0.2.0/24"), qPrintable(describe(r)));
    QCOMPARE(linkState(), linksBefore);
}

void TestDockerHelper::useBridgeDryRunMissingBridge()
{
    const Result r = ctl({QStringLiteral("docker"), QStringLiteral("use-bridge"), QStringLiteral("br9"),
                          QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.startsWith("passerellectl: there is no link named \"br9\" (org.passerelle.Error.NoSuchLink)"),
             qPrintable(describe(r)));
}

void TestDockerHelper::plainChangesSayWhatIsDone()
{
    if (!m_polkitSkipReason.isEmpty())
        QSKIP(qPrintable(m_polkitSkipReason));
    const QString bridge = QStringLiteral("brq7");
    const auto stp = [this, &bridge] {
        const QJsonArray links =
            QJsonDocument::fromJson(m_netns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show"), bridge}))
                .array();
        return links.first().toObject().value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_data"))
            .toObject().value(QStringLiteral("stp_state")).toInt(-1);
    };

    // A final change says what is done, in one line.
    Result r = ctl({QStringLiteral("bridge"), QStringLiteral("create"), bridge});
    QVERIFY2(r.exitCode == 0 && r.out == "Bridge brq7 created.\n" && r.err.isEmpty(), qPrintable(describe(r)));
    QCOMPARE(stp(), 0);

    // One on trial says so; revert and confirm say what they did.
    const QStringList stpOnTrial{QStringLiteral("bridge"), QStringLiteral("stp"), bridge, QStringLiteral("on"),
                                 QStringLiteral("--confirm-timeout"), QStringLiteral("120")};
    r = ctl(stpOnTrial);
    QVERIFY2(r.exitCode == 0 && r.out.startsWith("Applied, on trial: it is undone in ")
                 && r.out.contains("unless you keep it with:\n  passerellectl confirm "),
             qPrintable(describe(r)));
    QCOMPARE(stp(), 1);
    r = ctl({QStringLiteral("revert")});
    QVERIFY2(r.exitCode == 0 && r.out == "Reverted.\n" && r.err.isEmpty(), qPrintable(describe(r)));
    QCOMPARE(stp(), 0);
    r = ctl(stpOnTrial);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    r = ctl({QStringLiteral("confirm")});
    QVERIFY2(r.exitCode == 0 && r.out == "Kept.\n" && r.err.isEmpty(), qPrintable(describe(r)));
    QCOMPARE(stp(), 1);

    r = ctl({QStringLiteral("bridge"), QStringLiteral("delete"), bridge});
    QVERIFY2(r.exitCode == 0 && r.out == "Bridge brq7 deleted.\n", qPrintable(describe(r)));
    QVERIFY(QJsonDocument::fromJson(m_netns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show"), bridge}))
                .array()
                .isEmpty());
}

void TestDockerHelper::exposeStatusConfirmReset()
{
    if (!m_polkitSkipReason.isEmpty())
        QSKIP(qPrintable(m_polkitSkipReason));
    const QByteArray configBefore = readFile(m_docker->configPath());

    // 1. The network part, on trial.
    Result r = ctl({QStringLiteral("expose"), QStringLiteral("em1"), QStringLiteral("--bridge"), QStringLiteral("br0"),
                    QStringLiteral("--fixed-cidr"), QStringLiteral("192.0.2.128/25"), QStringLiteral("--default-gateway"),
                    QStringLiteral("192.0.2.1"), QStringLiteral("--no-persist"), QStringLiteral("--confirm-timeout"),
                    QStringLiteral("300")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QRegularExpressionMatch handle =
        QRegularExpression(QStringLiteral("passerellectl confirm ([0-9a-f]{32})\n")).match(QString::fromUtf8(r.out));
    QVERIFY2(handle.hasMatch(), qPrintable(describe(r)));
    QVERIFY2(r.out.contains("then, once confirmed: Docker's default bridge -> br0, and a restart of Docker"),
             qPrintable(describe(r)));
    QVERIFY2(r.out.contains("Without confirmation, all of it is put back"), qPrintable(describe(r)));
    QVERIFY2(r.err.contains("warning: Containers are then directly reachable from the LAN"), qPrintable(describe(r)));
    const QJsonArray em1 = QJsonDocument::fromJson(m_netns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show"),
                                                                            QStringLiteral("em1")}))
                               .array();
    QCOMPARE(em1.first().toObject().value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    // Docker is not touched before the confirmation.
    QCOMPARE(readFile(m_docker->configPath()), configBefore);

    // 2. status: the pending Expose and what follows it.
    r = ctl({QStringLiteral("status")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    for (const char *line : {"Waiting for confirmation: expose containers on the physical network: bridge em1 into br0",
                             "then, once confirmed: Docker's default bridge -> br0, and a restart of Docker",
                             "containers take addresses from 192.0.2.128/25", "their gateway: 192.0.2.1",
                             "not made permanent"}) {
        QVERIFY2(r.out.contains(line), qPrintable(QStringLiteral("%1 not in\n%2").arg(QLatin1String(line), describe(r))));
    }
    QVERIFY2(r.out.contains(handle.captured(1).toUtf8()), qPrintable(describe(r)));

    // 3. confirm: Docker's part, with its progress as it comes.
    r = ctl({QStringLiteral("confirm")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r) + QString::fromUtf8(m_docker->daemonLog().right(3000))));
    const QString out = QString::fromUtf8(r.out);
    const int restarting = out.indexOf(QLatin1String("Restarting Docker with the configured command"));
    const int up = out.indexOf(QLatin1String("Docker answers again"));
    const int done = out.indexOf(QLatin1String("Done: the change is kept and Docker's default bridge is br0."));
    QVERIFY2(restarting >= 0 && up > restarting && done > up, qPrintable(describe(r)));
    // What happens now, not "once confirmed", and the restart announced.
    QVERIFY2(out.contains(QLatin1String("now: Docker's default bridge -> br0, and a restart of Docker"))
                 && !out.contains(QLatin1String("once confirmed"))
                 && out.indexOf(QLatin1String("Setting Docker up; its restart can take a minute:")) < restarting,
             qPrintable(describe(r)));
    const QJsonObject config = QJsonDocument::fromJson(readFile(m_docker->configPath())).object();
    QCOMPARE(config.value(QStringLiteral("bridge")).toString(), QStringLiteral("br0"));
    QCOMPARE(config.value(QStringLiteral("fixed-cidr")).toString(), QStringLiteral("192.0.2.128/25"));
    QVERIFY(!config.contains(QStringLiteral("bip")));
    r = ctl({QStringLiteral("docker"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("running_bridge")).toString(),
             QStringLiteral("br0"));
    r = ctl({QStringLiteral("status")});
    QVERIFY2(r.out.contains("No change of yours waits for confirmation"), qPrintable(describe(r)));

    // 4. reset-bridge: Docker's own docker0 again.
    r = ctl({QStringLiteral("docker"), QStringLiteral("reset-bridge")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r) + QString::fromUtf8(m_docker->daemonLog().right(3000))));
    // Progress as it comes, then what was done: a summary, not the plan.
    const auto checkDone = [&r](const char *headline, const QByteArray &config) {
        const int restarting = r.out.indexOf("Restarting Docker");
        const int done = r.out.indexOf(QByteArray("\n") + headline + '\n');
        QVERIFY2(restarting >= 0 && done > restarting, qPrintable(describe(r)));
        const QByteArray summary = r.out.mid(done);
        QVERIFY2(summary.contains("\n  Edited " + config + " (the previous version is kept as " + config),
                 qPrintable(describe(r)));
        QVERIFY2(summary.contains("\n  Restarted Docker with the command ") && summary.contains("; it answers again\n"),
                 qPrintable(describe(r)));
        // The plan's wording and numbering belong to --dry-run.
        QVERIFY2(!r.out.contains("Wait up to") && !r.out.contains("\n1. "), qPrintable(describe(r)));
    };
    const QByteArray configPath = m_docker->configPath().toUtf8();
    checkDone("Done: Docker uses its own docker0 again.", configPath);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(r.out.contains("\n      -\"bridge\": \"br0\""), qPrintable(describe(r)));
    QVERIFY(!QJsonDocument::fromJson(readFile(m_docker->configPath())).object().contains(QStringLiteral("bridge")));
    r = ctl({QStringLiteral("docker"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("running_bridge")).toString(),
             QStringLiteral("docker0"));

    // 5. use-bridge: the same in one call, final at once.
    r = ctl({QStringLiteral("docker"), QStringLiteral("use-bridge"), QStringLiteral("br0"), QStringLiteral("--fixed-cidr"),
             QStringLiteral("192.0.2.128/25")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r) + QString::fromUtf8(m_docker->daemonLog().right(3000))));
    checkDone("Done: Docker's default bridge is br0.", configPath);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(r.out.contains("\n      +\"bridge\": \"br0\""), qPrintable(describe(r)));
    QVERIFY2(r.err.contains("warning: Bridge br0 is not made permanent")
                 && r.err.contains("warning: Containers are then directly reachable from the LAN"),
             qPrintable(describe(r)));
    r = ctl({QStringLiteral("docker"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("running_bridge")).toString(),
             QStringLiteral("br0"));
}

QTEST_GUILESS_MAIN(TestDockerHelper)
#include "tst_dockerhelper.moc"
