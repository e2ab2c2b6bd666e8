// DockerRestarter: choosing the method (with the system's paths replaced by
// folders and scripts of the test's own), running real programs by argv
// with their output captured, a restart that outlives its timeout, and the
// systemd method where systemd runs.
#include "dockerrestarter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using Passerelle::DockerRestarter;
using Passerelle::HelperError;
using Passerelle::HelperFailure;

namespace {

struct Outcome
{
    bool called = false;
    std::optional<HelperFailure> failure;
};

// Runs a restart to its end through the event loop.
Outcome restartAndWait(DockerRestarter &restarter, int timeoutMs = 30000)
{
    Outcome outcome;
    restarter.restart([&outcome](const std::optional<HelperFailure> &failure) {
        outcome.called = true;
        outcome.failure = failure;
    });
    if (!QTest::qWaitFor([&outcome] { return outcome.called; }, timeoutMs))
        qWarning("the restart did not end within %d ms", timeoutMs);
    return outcome;
}

} // namespace

class TestDockerRestarter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void splitsCommandLines();
    void methodKeys();
    void choosesMethod_data();
    void choosesMethod();
    void commandSucceeds();
    void commandFailsWithOutput();
    void outputIsBounded();
    void commandThatCannotStart();
    void commandTimesOut();
    void oneRestartAtATime();
    void initScriptGetsRestart();
    void reloadWithoutSystemdIsNothing();
    void systemdRestart();

private:
    // An executable script of the test's own in the temporary folder.
    QString writeScript(const QString &name, const QByteArray &body);
    DockerRestarter::Settings settingsWithoutSystem() const;

    std::optional<QTemporaryDir> m_dir;
};

void TestDockerRestarter::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

QString TestDockerRestarter::writeScript(const QString &name, const QByteArray &body)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("#!/bin/sh\n" + body) < 0)
        return QString();
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

// Paths that do not exist: auto finds neither systemd nor an init script.
DockerRestarter::Settings TestDockerRestarter::settingsWithoutSystem() const
{
    DockerRestarter::Settings s;
    s.systemdRunDirectory = m_dir->filePath(QStringLiteral("no-systemd"));
    s.initScript = m_dir->filePath(QStringLiteral("no-init-script"));
    return s;
}

void TestDockerRestarter::splitsCommandLines()
{
    QCOMPARE(DockerRestarter::splitCommand(QStringLiteral("  /usr/sbin/service docker\trestart ")),
             (QStringList{QStringLiteral("/usr/sbin/service"), QStringLiteral("docker"), QStringLiteral("restart")}));
    // No shell: quotes and expansions are plain characters.
    QCOMPARE(DockerRestarter::splitCommand(QStringLiteral("/bin/echo \"a b\" $HOME;reboot")),
             (QStringList{QStringLiteral("/bin/echo"), QStringLiteral("\"a"), QStringLiteral("b\""),
                          QStringLiteral("$HOME;reboot")}));
    QVERIFY(DockerRestarter::splitCommand(QStringLiteral("   ")).isEmpty());
}

void TestDockerRestarter::methodKeys()
{
    for (const char *key : {"auto", "systemd", "init", "command"}) {
        const auto method = DockerRestarter::methodFromKey(QLatin1String(key));
        QVERIFY(method);
        QCOMPARE(DockerRestarter::methodKey(*method), QLatin1String(key));
    }
    QVERIFY(!DockerRestarter::methodFromKey(QStringLiteral("shell")));
    QVERIFY(!DockerRestarter::methodFromKey(QStringLiteral("Systemd")));
}

void TestDockerRestarter::choosesMethod_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("systemdRuns");
    QTest::addColumn<bool>("initScript");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("expectedMethod");   // empty: a failure
    QTest::addColumn<QString>("expectedTarget");

    const QStringList cmd{QStringLiteral("/usr/local/bin/restart-docker"), QStringLiteral("--now")};
    QTest::newRow("auto: systemd first") << "auto" << true << true << cmd << "systemd" << "docker.service";
    QTest::newRow("auto: init script") << "auto" << false << true << cmd << "init" << "INIT restart";
    QTest::newRow("auto: command") << "auto" << false << false << cmd << "command"
                                   << "/usr/local/bin/restart-docker --now";
    QTest::newRow("auto: nothing") << "auto" << false << false << QStringList() << "" << "";
    QTest::newRow("systemd asked for") << "systemd" << false << false << QStringList() << "systemd" << "docker.service";
    QTest::newRow("init without script") << "init" << true << false << cmd << "" << "";
    QTest::newRow("command without argv") << "command" << true << true << QStringList() << "" << "";
    QTest::newRow("command not absolute") << "command" << false << false
                                          << QStringList{QStringLiteral("service"), QStringLiteral("docker")} << ""
                                          << "";
}

void TestDockerRestarter::choosesMethod()
{
    QFETCH(QString, method);
    QFETCH(bool, systemdRuns);
    QFETCH(bool, initScript);
    QFETCH(QStringList, command);
    QFETCH(QString, expectedMethod);
    QFETCH(QString, expectedTarget);

    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = *DockerRestarter::methodFromKey(method);
    s.command = command;
    if (systemdRuns) {
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("systemd")));
        s.systemdRunDirectory = m_dir->filePath(QStringLiteral("systemd"));
    }
    if (initScript) {
        s.initScript = writeScript(QStringLiteral("docker"), "exit 0\n");
        QVERIFY(!s.initScript.isEmpty());
    }
    expectedTarget.replace(QStringLiteral("INIT"), s.initScript);

    DockerRestarter restarter(s);
    DockerRestarter::Method resolved = DockerRestarter::Method::Auto;
    const auto failure = restarter.resolve(&resolved);
    const DockerRestarter::Description description = restarter.describe();
    if (expectedMethod.isEmpty()) {
        QVERIFY(failure);
        QVERIFY(failure->is(HelperError::DockerFailed));
        QCOMPARE(failure->parameters.value(0), QStringLiteral("restart-method"));
        QVERIFY(!failure->detail.isEmpty());
        QCOMPARE(description.method, QString());
        // Restarting says the same, from the event loop.
        const Outcome outcome = restartAndWait(restarter);
        QVERIFY(outcome.called);
        QVERIFY(outcome.failure);
        QCOMPARE(outcome.failure->parameters, failure->parameters);
        return;
    }
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QCOMPARE(DockerRestarter::methodKey(resolved), expectedMethod);
    QCOMPARE(description.method, expectedMethod);
    QCOMPARE(description.target, expectedTarget);
}

void TestDockerRestarter::commandSucceeds()
{
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = DockerRestarter::Method::Command;
    s.command = {QStringLiteral("/bin/true")};
    DockerRestarter restarter(s);
    const Outcome outcome = restartAndWait(restarter);
    QVERIFY(outcome.called);
    QVERIFY2(!outcome.failure, qPrintable(outcome.failure ? outcome.failure->detail : QString()));
}

void TestDockerRestarter::commandFailsWithOutput()
{
    const QString marker = m_dir->filePath(QStringLiteral("ran"));
    const QString script = writeScript(QStringLiteral("failing"),
                                       "echo \"to stdout: $1\"\necho 'to stderr' >&2\ntouch \"$2\"\nexit 3\n");
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = DockerRestarter::Method::Command;
    // An argument with a space and shell characters goes through as one.
    s.command = {script, QStringLiteral("a b;$x"), marker};
    DockerRestarter restarter(s);
    const Outcome outcome = restartAndWait(restarter);
    QVERIFY(outcome.called);
    QVERIFY(QFileInfo::exists(marker));
    QVERIFY(outcome.failure);
    QVERIFY(outcome.failure->is(HelperError::DockerFailed));
    QCOMPARE(outcome.failure->parameters.value(0), QStringLiteral("restart"));
    const QString detail = outcome.failure->parameters.value(1);
    QVERIFY2(detail.contains(QStringLiteral("exited with status 3")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("to stdout: a b;$x")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("to stderr")), qPrintable(detail));
    QVERIFY(restarter.lastOutput().contains("to stderr"));

    // /bin/false: a failure with no output at all.
    s.command = {QStringLiteral("/bin/false")};
    DockerRestarter falseRestarter(s);
    const Outcome second = restartAndWait(falseRestarter);
    QVERIFY(second.failure);
    QVERIFY(second.failure->detail.contains(QStringLiteral("exited with status 1")));
}

void TestDockerRestarter::outputIsBounded()
{
    // 20000 lines of noise, then the line that says what went wrong.
    const QString script = writeScript(QStringLiteral("noisy"),
                                       "i=0\nwhile [ $i -lt 20000 ]; do echo \"noise $i\"; i=$((i+1)); done\n"
                                       "echo 'the real error' >&2\nexit 1\n");
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = DockerRestarter::Method::Command;
    s.command = {script};
    DockerRestarter restarter(s);
    const Outcome outcome = restartAndWait(restarter, 60000);
    QVERIFY(outcome.failure);
    QVERIFY(restarter.lastOutput().size() <= 4096);
    QVERIFY(restarter.lastOutput().size() > 1000);
    QVERIFY(restarter.lastOutput().trimmed().endsWith("the real error"));
    QVERIFY(!restarter.lastOutput().contains("noise 0\n"));
}

void TestDockerRestarter::commandThatCannotStart()
{
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = DockerRestarter::Method::Command;
    s.command = {m_dir->filePath(QStringLiteral("missing-program"))};
    DockerRestarter restarter(s);
    const Outcome outcome = restartAndWait(restarter);
    QVERIFY(outcome.called);
    QVERIFY(outcome.failure);
    QVERIFY2(outcome.failure->detail.contains(QStringLiteral("cannot run")), qPrintable(outcome.failure->detail));
}

void TestDockerRestarter::commandTimesOut()
{
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = DockerRestarter::Method::Command;
    s.command = {QStringLiteral("/bin/sleep"), QStringLiteral("30")};
    s.timeoutMs = 700;
    DockerRestarter restarter(s);
    QElapsedTimer elapsed;
    elapsed.start();
    const Outcome outcome = restartAndWait(restarter);
    QVERIFY(outcome.called);
    QVERIFY(elapsed.elapsed() >= 700);
    QVERIFY2(elapsed.elapsed() < 10000, "the command was not killed at its timeout");
    QVERIFY(outcome.failure);
    QVERIFY2(outcome.failure->detail.contains(QStringLiteral("killed")), qPrintable(outcome.failure->detail));
}

void TestDockerRestarter::oneRestartAtATime()
{
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.method = DockerRestarter::Method::Command;
    s.command = {QStringLiteral("/bin/sleep"), QStringLiteral("1")};
    DockerRestarter restarter(s);
    Outcome first;
    Outcome second;
    restarter.restart([&first](const std::optional<HelperFailure> &f) { first = {true, f}; });
    restarter.restart([&second](const std::optional<HelperFailure> &f) { second = {true, f}; });
    QTRY_VERIFY_WITH_TIMEOUT(first.called && second.called, 20000);
    QVERIFY2(!first.failure, qPrintable(first.failure ? first.failure->detail : QString()));
    QVERIFY(second.failure);
    QVERIFY(second.failure->detail.contains(QStringLiteral("already running")));
    // Once it ended, another one may run.
    const Outcome third = restartAndWait(restarter);
    QVERIFY(third.called);
    QVERIFY(!third.failure);
}

void TestDockerRestarter::initScriptGetsRestart()
{
    const QString record = m_dir->filePath(QStringLiteral("argv"));
    const QString script = writeScript(QStringLiteral("docker"),
                                       QByteArray("printf '%s\\n' \"$#\" \"$@\" > '") + record.toUtf8() + "'\n");
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.initScript = script;   // auto: no systemd, so the init script
    DockerRestarter restarter(s);
    QCOMPARE(restarter.describe().method, QStringLiteral("init"));
    const Outcome outcome = restartAndWait(restarter);
    QVERIFY(outcome.called);
    QVERIFY2(!outcome.failure, qPrintable(outcome.failure ? outcome.failure->detail : QString()));
    QFile f(record);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("1\nrestart\n"));
}

void TestDockerRestarter::reloadWithoutSystemdIsNothing()
{
    DockerRestarter::Settings s = settingsWithoutSystem();
    s.command = {QStringLiteral("/bin/true")};
    DockerRestarter restarter(s);
    bool called = false;
    std::optional<HelperFailure> failure;
    restarter.reloadSystemd([&](const std::optional<HelperFailure> &f) {
        called = true;
        failure = f;
    });
    QVERIFY(!called);   // never from inside the call
    QTRY_VERIFY(called);
    QVERIFY(!failure);
}

void TestDockerRestarter::systemdRestart()
{
    if (!QFileInfo(QStringLiteral("/run/systemd/system")).isDir())
        QSKIP("systemd does not run here (no /run/systemd/system): RestartUnit cannot be tried");
    if (!QFileInfo::exists(QStringLiteral("/lib/systemd/system/docker.service")))
        QSKIP("systemd runs but has no docker.service to restart");
    if (qEnvironmentVariableIsEmpty("PASSERELLE_TEST_RESTART_HOST_DOCKER"))
        QSKIP("restarting the host's docker.service stops its containers: set PASSERELLE_TEST_RESTART_HOST_DOCKER=1 to allow it");
    DockerRestarter::Settings s;
    s.method = DockerRestarter::Method::Systemd;
    DockerRestarter restarter(s);
    QCOMPARE(restarter.describe(), (DockerRestarter::Description{QStringLiteral("systemd"), QStringLiteral("docker.service")}));
    bool reloaded = false;
    std::optional<HelperFailure> reloadFailure;
    restarter.reloadSystemd([&](const std::optional<HelperFailure> &f) {
        reloaded = true;
        reloadFailure = f;
    });
    QTRY_VERIFY_WITH_TIMEOUT(reloaded, 60000);
    QVERIFY2(!reloadFailure, qPrintable(reloadFailure ? reloadFailure->detail : QString()));
    const Outcome outcome = restartAndWait(restarter, 120000);
    QVERIFY(outcome.called);
    QVERIFY2(!outcome.failure, qPrintable(outcome.failure ? outcome.failure->detail : QString()));
    QCOMPARE(restarter.lastOutput(), QByteArray("done"));
}

QTEST_GUILESS_MAIN(TestDockerRestarter)
#include "tst_dockerrestarter.moc"
