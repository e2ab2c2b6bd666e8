// DockerFixture's restartable mode, which the end-to-end tests rely on: the
// restart command really restarts the daemon (new pid, /_ping answers), the
// daemon takes what daemon.json says after a restart, the command fails with
// the daemon's own words when dockerd refuses its configuration, and nothing
// is left once the fixture is gone.
#include "dockerfixture.h"
#include "netnsfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <sys/stat.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The command as the helper runs it: its argv, no shell, an environment of
// its own that the daemon must not inherit.
Run runCommand(const QStringList &argv)
{
    Run r;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PASSERELLE_E2E_MARKER"), QStringLiteral("caller"));
    p.setProcessEnvironment(env);
    p.start(argv.value(0), argv.mid(1));
    if (!p.waitForStarted() || !p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

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

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

// Processes whose command line names DIR.
int processesUnder(const QString &dir)
{
    int count = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        e.toLongLong(&ok);
        if (!ok)
            continue;
        QByteArray cmdline = readFile(QStringLiteral("/proc/%1/cmdline").arg(e));
        QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(e));
        const qsizetype paren = stat.lastIndexOf(')');
        if (paren >= 0 && stat.mid(paren + 2, 1) == "Z")
            continue;
        cmdline.replace('\0', ' ');
        if (cmdline.contains(QFile::encodeName(dir) + '/'))
            ++count;
    }
    return count;
}

} // namespace

class TestRestartableDocker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void restartCommandRestarts();
    void refusedConfigurationFailsWithTheLog();
    void nothingLeftBehind();

private:
    std::unique_ptr<NetnsFixture> m_netns;
    std::unique_ptr<DockerFixture> m_docker;
    QString m_ns;
};

void TestRestartableDocker::initTestCase()
{
    const QString skip = DockerFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    m_netns = std::make_unique<NetnsFixture>();
    m_ns = m_netns->create(QStringLiteral("rd"));
    QVERIFY(!m_ns.isEmpty());
    m_docker = std::make_unique<DockerFixture>();
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    options.extraFlags = {QStringLiteral("--bridge=none")};
    options.bip.clear();
    QVERIFY2(m_docker->start(m_ns, options), qPrintable(m_docker->errorString()));
}

void TestRestartableDocker::cleanupTestCase()
{
    m_docker.reset();
    m_netns.reset();
}

void TestRestartableDocker::restartCommandRestarts()
{
    const QStringList command = m_docker->restartCommand();
    QCOMPARE(command.size(), 1);
    QVERIFY(QDir::isAbsolutePath(command.first()));
    QVERIFY(!command.first().contains(QLatin1Char(' ')));
    const qint64 before = m_docker->pid();
    QVERIFY(before > 0);
    QVERIFY(m_docker->answersPing());
    // The network options live in the file only; the extra flag on the command line.
    const QByteArray cmdline = readFile(QStringLiteral("/proc/%1/cmdline").arg(before)).replace('\0', ' ');
    QVERIFY2(cmdline.contains("--config-file " + QFile::encodeName(m_docker->configPath())), cmdline.constData());
    QVERIFY2(cmdline.contains("--bridge=none") && !cmdline.contains("--bip"), cmdline.constData());

    // A setting the daemon reports back, changed in daemon.json only.
    QJsonObject config = readJson(m_docker->configPath());
    QVERIFY(config.contains(QStringLiteral("cgroup-parent")));
    config.insert(QStringLiteral("labels"), QJsonArray{QStringLiteral("passerelle.e2e=restarted")});
    QVERIFY(writeFile(m_docker->configPath(), QJsonDocument(config).toJson()));

    const Run r = runCommand(command);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const qint64 after = m_docker->pid();
    QVERIFY(after > 0);
    QVERIFY(after != before);
    QVERIFY(m_docker->answersPing());
    QVERIFY(m_docker->isRunning());
    const QByteArray environ = readFile(QStringLiteral("/proc/%1/environ").arg(after));
    QVERIFY(!environ.isEmpty());
    QVERIFY2(!environ.contains("PASSERELLE_E2E_MARKER"), "the daemon inherited its caller's environment");
    // In the fixture's namespace, not the caller's.
    struct stat ns{};
    QCOMPARE(::stat(QFile::encodeName(QStringLiteral("/run/netns/") + m_ns).constData(), &ns), 0);
    QCOMPARE(QFile::symLinkTarget(QStringLiteral("/proc/%1/ns/net").arg(after)).section(QLatin1Char('/'), -1),
             QStringLiteral("net:[%1]").arg(ns.st_ino));

    QByteArray out;
    QCOMPARE(m_docker->docker({QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("{{json .Labels}}")}, &out), 0);
    QVERIFY2(out.contains("passerelle.e2e=restarted"), out.constData());

    // The fixture's own restart() goes the same way.
    QVERIFY2(m_docker->restart(), qPrintable(m_docker->errorString()));
    QVERIFY(m_docker->pid() > 0 && m_docker->pid() != after);
    QVERIFY(m_docker->answersPing());
}

void TestRestartableDocker::refusedConfigurationFailsWithTheLog()
{
    const QByteArray previous = readFile(m_docker->configPath());
    QJsonObject config = QJsonDocument::fromJson(previous).object();
    config.insert(QStringLiteral("bridge"), QStringLiteral("br0"));
    QVERIFY(writeFile(m_docker->configPath(), QJsonDocument(config).toJson()));

    const Run r = runCommand(m_docker->restartCommand());
    QCOMPARE(r.exitCode, 1);
    // dockerd's own words: the option is both a flag and in the file.
    QVERIFY2(r.err.contains("bridge") && r.err.contains("flag"), r.err.constData());
    QCOMPARE(m_docker->pid(), 0);
    QVERIFY(!m_docker->answersPing());

    QVERIFY(writeFile(m_docker->configPath(), previous));
    const Run again = runCommand(m_docker->restartCommand());
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY(m_docker->pid() > 0);
    QVERIFY(m_docker->answersPing());
}

void TestRestartableDocker::nothingLeftBehind()
{
    const QString dir = m_docker->rootDir();
    QVERIFY(processesUnder(dir) > 0);
    m_docker.reset();
    QCOMPARE(processesUnder(dir), 0);
    QVERIFY(!QFileInfo::exists(dir));
}

QTEST_GUILESS_MAIN(TestRestartableDocker)
#include "tst_restartabledocker.moc"
