// The sentences clients write for the Docker part of the helper's contract:
// every plan step, warning code, DockerProgress stage and error that
// resources/org.passerelle.Helper1.xml lists gets a sentence of its own (not
// the raw fallback) that carries its parameters. The lists are read from
// the interface file itself, so a name added there without a sentence here
// fails the test.
#include "helpererrors.h"
#include "helpererrortext.h"
#include "helperplantext.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Passerelle;

namespace {

QString interfaceText()
{
    QFile f(qEnvironmentVariable("PASSERELLE_SOURCE_DIR") + QStringLiteral("/resources/org.passerelle.Helper1.xml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// The part of TEXT from the first line containing FROM up to the next UNTIL.
QString section(const QString &text, const QString &from, const QString &until)
{
    const int start = text.indexOf(from);
    if (start < 0)
        return {};
    const int end = text.indexOf(until, start + from.size());
    return text.mid(start, end < 0 ? -1 : end - start);
}

QSet<QString> captures(const QString &text, const QString &pattern)
{
    QSet<QString> out;
    QRegularExpressionMatchIterator it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        out.insert(it.next().captured(1));
    return out;
}

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char('|'));
}

} // namespace

class TestDockerText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void everyDockerStepHasASentence();
    void steps_data();
    void steps();
    void everyDockerStepIsToldDone();
    void doneSaysWhatChanged();
    void everyWarningCodeHasASentence();
    void everyProgressStageHasASentence();
    void progress_data();
    void progress();
    void everyDockerErrorHasASentence();
    void errors_data();
    void errors();
    void dockerFailedSaysWhetherRestored();
    void exposeOperationAndFollowUp();
    void dockerWaitsOnlyWithTheDropIn();
    void controlCharactersEscaped();

private:
    QString m_xml;
    QSet<QString> m_stepsTested;
    QList<HelperPlanStep> m_stepRows;   // one step of each row of steps_data()
    QSet<QString> m_warningsTested;
    QSet<QString> m_stagesTested;
    QSet<QString> m_errorsTested;
    bool m_collecting = false;   // the _data functions only record their names
};

void TestDockerText::initTestCase()
{
    m_xml = interfaceText();
    QVERIFY2(!m_xml.isEmpty(), "resources/org.passerelle.Helper1.xml not found (PASSERELLE_SOURCE_DIR)");
    // The rows below, by the name they test, for the coverage checks.
    m_collecting = true;
    steps_data();
    progress_data();
    errors_data();
    m_collecting = false;
}

void TestDockerText::steps_data()
{
    if (!m_collecting) {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<QStringList>("expected");
    }
    auto row = [this](const char *tag, const char *step, const QStringList &parameters,
                      const QStringList &expected) {
        m_stepsTested.insert(QString::fromUtf8(step));
        if (m_collecting)
            m_stepRows.append({QString::fromUtf8(step), parameters});
        if (QString::fromUtf8(step) == QLatin1String("Warning"))
            m_warningsTested.insert(parameters.value(0));
        if (!m_collecting)
            QTest::newRow(tag) << QString::fromUtf8(step) << parameters << expected;
    };
    const QStringList conflict = words("/etc/default/docker:DOCKER_OPTS|-b|br7");
    row("DockerConflict", "DockerConflict", conflict, conflict);
    const QStringList move = words("/etc/default/docker:DOCKER_OPTS|--bip|10.9.8.1/24|bip");
    row("MoveDockerOption", "MoveDockerOption", move, move);
    const QStringList edit = words("/srv/t/daemon.json|-  \"bip\": \"10.9.8.1/24\"|+  \"bridge\": \"br7\"");
    row("EditDaemonConfig", "EditDaemonConfig", edit, edit);
    const QStringList backup = words("/srv/t/daemon.json|/srv/t/daemon.json.passerelle-backup");
    row("KeepBackup", "KeepBackup", backup, backup);
    row("WriteFile", "WriteFile", {QStringLiteral("/etc/network/interfaces.d/br7"),
                                   QStringLiteral("auto br7\niface br7 inet dhcp\n    bridge_ports em9\n")},
        {QStringLiteral("/etc/network/interfaces.d/br7"), QStringLiteral("auto br7"),
         QStringLiteral("iface br7 inet dhcp"), QStringLiteral("bridge_ports em9")});
    row("RemoveFile", "RemoveFile", {QStringLiteral("/etc/systemd/system/docker.service.d/passerelle-br7.conf")},
        {QStringLiteral("/etc/systemd/system/docker.service.d/passerelle-br7.conf")});
    const QStringList connection = words("passerelle-br7|bridge|br7x");
    row("AddConnection", "AddConnection", connection, {QStringLiteral("passerelle-br7"), QStringLiteral("br7x")});
    row("ReloadSystemd", "ReloadSystemd", {}, {QStringLiteral("systemd")});
    const QStringList containers = words("web-a|db-b|cache-c");
    row("ContainersStop", "ContainersStop", containers, containers);
    row("ContainersKeep", "ContainersKeep", containers, containers);
    row("RestartDocker systemd", "RestartDocker", words("systemd|docker.service"), words("systemd|docker.service"));
    row("RestartDocker init", "RestartDocker", words("init|/etc/init.d/docker"), words("init|/etc/init.d/docker"));
    row("RestartDocker command", "RestartDocker", words("command|/usr/local/bin/restart-dockerd --now"),
        words("/usr/local/bin/restart-dockerd --now"));
    row("WaitForDocker", "WaitForDocker", {QStringLiteral("77")}, {QStringLiteral("77")});
    row("CheckBridge", "CheckBridge", {QStringLiteral("br7")}, {QStringLiteral("br7")});
    const QStringList network = words("lan7|br7|192.0.2.0/24|192.0.2.128/25|192.0.2.1");
    row("CreateDockerNetwork", "CreateDockerNetwork", network, network);
    row("CreateDockerNetwork no range", "CreateDockerNetwork", words("lan7|br7|192.0.2.0/24||192.0.2.1"),
        words("lan7|br7|192.0.2.0/24|192.0.2.1"));
    row("CreateDockerNetwork no gateway", "CreateDockerNetwork", words("lan7|br7|192.0.2.0/24|192.0.2.128/25|"),
        words("lan7|br7|192.0.2.0/24|192.0.2.128/25"));
    row("CreateDockerNetwork subnet only", "CreateDockerNetwork", words("lan7|br7|192.0.2.0/24||"),
        words("lan7|br7|192.0.2.0/24"));
    row("RemoveDockerNetwork", "RemoveDockerNetwork", {QStringLiteral("lan7")}, {QStringLiteral("lan7")});
    row("AllowForwarding", "AllowForwarding", {QStringLiteral("br7")}, {QStringLiteral("br7"), QStringLiteral("DOCKER-USER")});
    row("Warning containers-reachable", "Warning", {QStringLiteral("containers-reachable")}, {QStringLiteral("LAN")});
    row("Warning forwarding-dropped", "Warning", words("forwarding-dropped|br7"), {QStringLiteral("br7")});
    row("Warning networkmanager-runtime", "Warning", words("networkmanager-runtime|em9"), {QStringLiteral("em9")});
    row("Warning not-persistent", "Warning", words("not-persistent|br7"), {QStringLiteral("br7")});
    row("Warning no-restart", "Warning", {QStringLiteral("no-restart")}, {QStringLiteral("restart")});
    row("Warning bip-removed", "Warning", words("bip-removed|10.9.8.1/24"), {QStringLiteral("10.9.8.1/24")});
    row("Warning fixed-cidr-removed", "Warning", words("fixed-cidr-removed|192.0.2.128/25"),
        words("fixed-cidr|192.0.2.128/25|whole subnet"));
    row("Warning default-gateway-removed", "Warning", words("default-gateway-removed|192.0.2.254"),
        words("default-gateway|192.0.2.254"));
    row("RestoreFile", "RestoreFile", words("/etc/network/interfaces|/var/lib/passerelle/persist-backup/x"),
        words("/etc/network/interfaces|/var/lib/passerelle/persist-backup/x"));
    row("RemoveConnection", "RemoveConnection", {QStringLiteral("5f0c7b3e-0000-4000-8000-000000000001")},
        {QStringLiteral("5f0c7b3e-0000-4000-8000-000000000001")});
    row("ContainersStopCount", "ContainersStopCount", {QStringLiteral("3")}, {QStringLiteral("3")});
    row("ContainersKeepCount", "ContainersKeepCount", {QStringLiteral("4")}, {QStringLiteral("4")});
    row("RestoreAddress after Docker", "RestoreAddress", words("192.0.2.10/24||br7"), words("192.0.2.10/24|br7"));
    row("RestoreRoute after Docker", "RestoreRoute", words("default|192.0.2.1||br7|0"), words("default|192.0.2.1|br7"));
    row("Warning address-not-restored", "Warning", words("address-not-restored|192.0.2.10/24|br7|File exists"),
        words("192.0.2.10/24|br7|File exists"));
    row("Warning route-not-restored", "Warning", words("route-not-restored|default|192.0.2.1|br7|No such device"),
        words("default|192.0.2.1|br7|No such device"));
    row("Warning forwarding-not-allowed", "Warning", words("forwarding-not-allowed|br7|no DOCKER-USER chain"),
        words("br7|no DOCKER-USER chain"));
    row("Warning network-not-removed", "Warning", words("network-not-removed|lan7|has active endpoints"),
        words("lan7|has active endpoints"));
}

void TestDockerText::everyDockerStepHasASentence()
{
    const QString list = section(m_xml, QStringLiteral("Steps of a Docker plan"), QStringLiteral("-->"));
    const QSet<QString> names = captures(list, QStringLiteral("\\(\"([A-Za-z]+)\",\\s*\\["));
    QVERIFY2(names.size() >= 15, qPrintable(QStringLiteral("only %1 step names found in the interface file").arg(names.size())));
    for (const QString &name : names)
        QVERIFY2(m_stepsTested.contains(name), qPrintable(QStringLiteral("step %1 has no row in steps_data()").arg(name)));
}

void TestDockerText::steps()
{
    QFETCH(QString, step);
    QFETCH(QStringList, parameters);
    QFETCH(QStringList, expected);
    const QString sentence = HelperPlanText::step({step, parameters});
    // The fallback for unknown steps is "Name param param": a known step never reads so.
    QVERIFY2(!sentence.startsWith(step + QLatin1Char(' ')) && sentence != step, qPrintable(sentence));
    for (const QString &e : expected)
        QVERIFY2(sentence.contains(e), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(e, sentence)));
    if (step == QLatin1String("Warning")) {
        // The warning alone, as the command line prints it on stderr.
        const QString alone = HelperPlanText::warning(parameters);
        QVERIFY(sentence.contains(alone));
        QVERIFY2(!alone.startsWith(parameters.value(0)), qPrintable(alone));
    }
}

void TestDockerText::everyDockerStepIsToldDone()
{
    // After the call, each step reads as done, not as the plan's "Restart
    // Docker ..."; waits, checks and warnings say nothing of their own.
    const QSet<QString> silent{QStringLiteral("WaitForDocker"), QStringLiteral("CheckBridge"), QStringLiteral("Warning")};
    // Sentences that read as done already ("Put the address ... back") or
    // a step a successful call never answers with.
    const QSet<QString> asPlanned{QStringLiteral("RestoreAddress"), QStringLiteral("RestoreRoute"),
                                  QStringLiteral("DockerConflict")};
    for (const HelperPlanStep &step : std::as_const(m_stepRows)) {
        const QStringList lines = HelperPlanText::done({step});
        const QString tag = step.name + QLatin1Char(' ') + step.parameters.join(QLatin1Char('|'));
        if (silent.contains(step.name)) {
            QVERIFY2(lines.isEmpty(), qPrintable(tag + QLatin1String(": ") + lines.join(QLatin1Char('\n'))));
            continue;
        }
        QCOMPARE(lines.size(), 1);
        const QString line = lines.first();
        QVERIFY2(!line.startsWith(step.name + QLatin1Char(' ')), qPrintable(line));
        if (!asPlanned.contains(step.name))
            QVERIFY2(line != HelperPlanText::step(step), qPrintable(tag + QLatin1String(": ") + line));
        // The object of the step is named: the file, the network, the bridge.
        const QString object = step.parameters.value(0);
        QVERIFY2(line.contains(object), qPrintable(tag + QLatin1String(": ") + line));
    }
}

void TestDockerText::doneSaysWhatChanged()
{
    // UseDockerBridge as the helper answers it: daemon.json edited with a
    // backup, the permanent files, Docker restarted, an address put back.
    const HelperPlan used{
        {QStringLiteral("EditDaemonConfig"),
         words("/srv/t/daemon.json|-\"bip\": \"10.9.8.1/24\"|+\"bridge\": \"br7\"")},
        {QStringLiteral("KeepBackup"), words("/srv/t/daemon.json|/srv/t/daemon.json.passerelle-backup")},
        {QStringLiteral("WriteFile"), words("/srv/t/interfaces.d/passerelle-br7|auto br7\n")},
        {QStringLiteral("WriteFile"), words("/srv/t/dropin/passerelle-br7.conf|[Unit]\n")},
        {QStringLiteral("ReloadSystemd"), {}},
        {QStringLiteral("ContainersStop"), words("web-a|db-b")},
        {QStringLiteral("RestartDocker"), words("systemd|docker.service")},
        {QStringLiteral("WaitForDocker"), words("60")},
        {QStringLiteral("CheckBridge"), words("br7")},
        {QStringLiteral("RestoreAddress"), words("192.0.2.10/24||br7")},
        {QStringLiteral("Warning"), words("bip-removed|10.9.8.1/24")},
        {QStringLiteral("Warning"), words("containers-reachable")}};
    QCOMPARE(HelperPlanText::done(used),
             (QStringList{QStringLiteral("Edited /srv/t/daemon.json (the previous version is kept as "
                                         "/srv/t/daemon.json.passerelle-backup):\n"
                                         "      -\"bip\": \"10.9.8.1/24\"\n"
                                         "      +\"bridge\": \"br7\""),
                          QStringLiteral("Wrote /srv/t/interfaces.d/passerelle-br7"),
                          QStringLiteral("Wrote /srv/t/dropin/passerelle-br7.conf"),
                          QStringLiteral("Had systemd read its unit files again"),
                          QStringLiteral("The restart stopped 2 running container(s) (live-restore is off): web-a, db-b"),
                          QStringLiteral("Restarted Docker through systemd (docker.service); it answers again"),
                          QStringLiteral("Put the address 192.0.2.10/24 back on br7 (Docker had taken it)")}));

    // ResetDockerBridge without a restart, on a daemon.json that was new:
    // nothing claims that Docker answers.
    const HelperPlan reset{
        {QStringLiteral("EditDaemonConfig"), words("/srv/t/daemon.json|+\"log-level\": \"warn\"")},
        {QStringLiteral("RemoveFile"), words("/srv/t/dropin/passerelle-br7.conf")},
        {QStringLiteral("RestartDocker"), words("command|/usr/local/bin/restart-dockerd")},
        {QStringLiteral("RemoveDockerNetwork"), words("lan7")},
        {QStringLiteral("Warning"), words("no-restart")}};
    QCOMPARE(HelperPlanText::done(reset),
             (QStringList{QStringLiteral("Wrote /srv/t/daemon.json, which did not exist before:\n"
                                         "      +\"log-level\": \"warn\""),
                          QStringLiteral("Removed /srv/t/dropin/passerelle-br7.conf"),
                          QStringLiteral("Restarted Docker with the command /usr/local/bin/restart-dockerd"),
                          QStringLiteral("Removed the Docker network lan7")}));

    // Nothing done, nothing said.
    QVERIFY(HelperPlanText::done({{QStringLiteral("Warning"), words("containers-reachable")}}).isEmpty());
}

void TestDockerText::everyWarningCodeHasASentence()
{
    const QString list = section(m_xml, QStringLiteral("(\"Warning\""), QStringLiteral("-->"));
    const QSet<QString> codes = captures(list, QStringLiteral("\"([a-z]+(?:-[a-z]+)+)\""));
    QVERIFY2(codes.contains(QStringLiteral("containers-reachable")), qPrintable(list));
    for (const QString &code : codes)
        QVERIFY2(m_warningsTested.contains(code), qPrintable(QStringLiteral("warning %1 has no row").arg(code)));
    // Two different codes never read the same.
    QSet<QString> sentences;
    for (const QString &code : codes)
        sentences.insert(HelperPlanText::warning({code, QStringLiteral("x7")}));
    QCOMPARE(sentences.size(), codes.size());
}

void TestDockerText::progress_data()
{
    if (!m_collecting) {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<QStringList>("expected");
    }
    auto row = [this](const char *tag, const char *stage, const QStringList &parameters, const QStringList &expected) {
        m_stagesTested.insert(QString::fromUtf8(stage));
        if (!m_collecting)
            QTest::newRow(tag) << QString::fromUtf8(stage) << parameters << expected;
    };
    row("writing", "writing", {QStringLiteral("/srv/t/daemon.json")}, {QStringLiteral("/srv/t/daemon.json")});
    row("restarting systemd", "restarting", {QStringLiteral("systemd")}, {QStringLiteral("systemd")});
    row("restarting command", "restarting", {QStringLiteral("command")}, {QStringLiteral("command")});
    row("waiting", "waiting", {QStringLiteral("13")}, {QStringLiteral("13")});
    row("up", "up", {QStringLiteral("21")}, {QStringLiteral("21")});
    row("checking", "checking", {QStringLiteral("br7")}, {QStringLiteral("br7")});
    // [reason]: the stage that failed, in words; anything else as it came.
    row("restoring restart", "restoring", {QStringLiteral("restart")}, words("Restarting Docker failed|previous"));
    row("restoring start", "restoring", {QStringLiteral("start")}, words("did not answer|previous"));
    row("restoring check", "restoring", {QStringLiteral("check")}, words("check|previous"));
    row("restoring network", "restoring", {QStringLiteral("create-network")}, words("refused the network|previous"));
    row("restoring daemon-reload", "restoring", {QStringLiteral("daemon-reload")}, words("systemd|previous"));
    row("restoring other", "restoring", {QStringLiteral("/srv/t/daemon.json")}, words("/srv/t/daemon.json|previous"));
    row("done", "done", {}, {QStringLiteral("Docker")});
}

void TestDockerText::everyProgressStageHasASentence()
{
    const QString list = section(m_xml, QStringLiteral("@stage:"), QStringLiteral("@parameters"));
    const QSet<QString> stages = captures(list, QStringLiteral("\"([a-z]+)\""));
    QVERIFY2(stages.size() >= 7, qPrintable(list));
    for (const QString &stage : stages)
        QVERIFY2(m_stagesTested.contains(stage), qPrintable(QStringLiteral("stage %1 has no row").arg(stage)));
}

void TestDockerText::progress()
{
    QFETCH(QString, stage);
    QFETCH(QStringList, parameters);
    QFETCH(QStringList, expected);
    const QString sentence = HelperPlanText::progress(stage, parameters);
    QVERIFY2(!sentence.startsWith(stage + QLatin1Char(' ')), qPrintable(sentence));
    for (const QString &e : expected)
        QVERIFY2(sentence.contains(e), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(e, sentence)));
}

void TestDockerText::errors_data()
{
    if (!m_collecting) {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<QStringList>("expected");
    }
    auto row = [this](const char *tag, const char *error, const QStringList &parameters, const QStringList &expected) {
        m_errorsTested.insert(QString::fromUtf8(error));
        if (!m_collecting)
            QTest::newRow(tag) << QString::fromUtf8(error) << parameters << expected;
    };
    const QStringList json = words("/srv/t/daemon.json|17|9|unterminated string");
    row("InvalidJson", "InvalidJson", json, json);
    row("UnsafeFile symlink", "UnsafeFile", words("/srv/t/daemon.json|symlink"),
        words("/srv/t/daemon.json|symbolic link"));
    row("UnsafeFile not-regular", "UnsafeFile", words("/srv/t/daemon.json|not-regular"),
        words("/srv/t/daemon.json|regular file"));
    const QStringList conflict = words("/lib/systemd/system/docker.service:ExecStart|--bip|10.9.8.1/24");
    row("DockerConflict", "DockerConflict", conflict, conflict);
    row("NotInSubnet fixedCidr", "NotInSubnet", words("fixedCidr|10.1.0.0/24|192.0.2.0/24,198.51.100.0/24"),
        words("10.1.0.0/24|192.0.2.0/24,198.51.100.0/24|address range"));
    row("NotInSubnet defaultGateway", "NotInSubnet", words("defaultGateway|10.1.0.1|192.0.2.0/24"),
        words("10.1.0.1|192.0.2.0/24|gateway"));
    row("NotInSubnet no address", "NotInSubnet", words("fixedCidr|10.1.0.0/24|"),
        words("10.1.0.0/24|no IPv4 address"));
    row("BridgeDown", "BridgeDown", {QStringLiteral("br7")}, {QStringLiteral("br7")});
    row("DockerUnreachable", "DockerUnreachable", words("unix:///srv/t/docker.sock|connection refused"),
        words("unix:///srv/t/docker.sock|connection refused"));
    for (const char *stage : {"restart", "start", "network", "check"}) {
        for (const char *outcome : {"restored", "not-restored"}) {
            const QByteArray tag = QByteArray("DockerFailed ") + stage + ' ' + outcome;
            row(tag.constData(), "DockerFailed",
                {QString::fromUtf8(stage), QStringLiteral("failed to start daemon: bip and bridge"),
                 QString::fromUtf8(outcome)},
                {QStringLiteral("failed to start daemon: bip and bridge")});
        }
    }
    row("PersistConflict", "PersistConflict", words("ifupdown|/etc/network/interfaces.d is not sourced"),
        words("ifupdown|/etc/network/interfaces.d is not sourced"));
    row("InvalidArgument options", "InvalidArgument", words("options|frobnicate"), {QStringLiteral("frobnicate")});
    row("InUseByDocker daemon.json", "InUseByDocker", words("br7|/srv/t/daemon.json"),
        words("br7|/srv/t/daemon.json|docker0"));
    row("InUseByDocker DOCKER_OPTS", "InUseByDocker", words("br7|/etc/default/docker:DOCKER_OPTS"),
        words("br7|/etc/default/docker:DOCKER_OPTS"));
    row("InUseByDocker network", "InUseByDocker", words("br7|network:lan7"), words("br7|lan7|Docker network"));
    row("InvalidArgument fixedCidr", "InvalidArgument", words("fixedCidr|10.1/99"), {QStringLiteral("10.1/99")});
}

void TestDockerText::everyDockerErrorHasASentence()
{
    const QString list = section(m_xml, QStringLiteral("Errors of Docker's configuration"),
                                 QStringLiteral("Wrong argument types"));
    const QSet<QString> names = captures(list, QStringLiteral("org\\.passerelle\\.Error\\.([A-Za-z]+)\\s+\\["));
    // DeleteBridge's refusal of a bridge Docker uses, wherever the file lists it.
    QVERIFY2(m_xml.contains(QLatin1String("org.passerelle.Error.InUseByDocker")),
             "org.passerelle.Error.InUseByDocker is not in the interface file");
    QVERIFY2(names.size() >= 8, qPrintable(list));
    for (const QString &name : names) {
        QVERIFY2(helperErrorFromName(QStringLiteral("org.passerelle.Error.") + name),
                 qPrintable(QStringLiteral("%1 is not in core/helpererrors").arg(name)));
        QVERIFY2(m_errorsTested.contains(name), qPrintable(QStringLiteral("error %1 has no row").arg(name)));
    }
}

void TestDockerText::errors()
{
    QFETCH(QString, error);
    QFETCH(QStringList, parameters);
    QFETCH(QStringList, expected);
    const HelperFailure failure{QStringLiteral("org.passerelle.Error.") + error, parameters,
                                QStringLiteral("English detail that must not be shown")};
    const QString sentence = HelperErrorText::sentence(failure);
    QVERIFY2(!sentence.contains(QLatin1String("English detail")), qPrintable(sentence));
    QVERIFY2(!sentence.startsWith(QLatin1String("the Passerelle helper failed")), qPrintable(sentence));
    QVERIFY2(!sentence.startsWith(QLatin1String("the arguments given")), qPrintable(sentence));
    for (const QString &e : expected)
        QVERIFY2(sentence.contains(e), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(e, sentence)));
}

void TestDockerText::dockerFailedSaysWhetherRestored()
{
    // The one thing a user must know after a failed restart: whether Docker
    // runs as before. Each stage's two outcomes read differently, and the
    // stages differ from one another.
    QSet<QString> all;
    for (const char *stage : {"restart", "start", "network", "check", "something-new"}) {
        const auto text = [stage](const char *outcome) {
            return HelperErrorText::sentence({QStringLiteral("org.passerelle.Error.DockerFailed"),
                                              {QString::fromUtf8(stage), QStringLiteral("d"), QString::fromUtf8(outcome)},
                                              QString()});
        };
        const QString restored = text("restored");
        const QString lost = text("not-restored");
        QVERIFY2(restored != lost, qPrintable(restored));
        all.insert(restored);
        all.insert(lost);
    }
    QCOMPARE(all.size(), 10);
}

void TestDockerText::exposeOperationAndFollowUp()
{
    const QStringList params = words("em9|br7|192.0.2.128/25|192.0.2.1|default-bridge|true");
    const QString operation = HelperPlanText::operation(QStringLiteral("Expose"), params);
    QVERIFY2(!operation.startsWith(QLatin1String("Expose")), qPrintable(operation));
    QVERIFY2(operation.contains(QLatin1String("em9")) && operation.contains(QLatin1String("br7")), qPrintable(operation));

    const QString followUp = HelperPlanText::followUp(QStringLiteral("Expose"), params).join(QLatin1Char('\n'));
    for (const char *e : {"br7", "192.0.2.128/25", "192.0.2.1", "restart"})
        QVERIFY2(followUp.contains(QLatin1String(e)), qPrintable(followUp));

    // Mode and permanence change what is said; the other methods have no follow-up.
    QStringList network = params;
    network[4] = QStringLiteral("network");
    QVERIFY(HelperPlanText::followUp(QStringLiteral("Expose"), network).first()
            != HelperPlanText::followUp(QStringLiteral("Expose"), params).first());
    QStringList transient = params;
    transient[5] = QStringLiteral("false");
    QVERIFY(HelperPlanText::followUp(QStringLiteral("Expose"), transient).last()
            != HelperPlanText::followUp(QStringLiteral("Expose"), params).last());
    QStringList wholeSubnet = params;
    wholeSubnet[2].clear();
    wholeSubnet[3].clear();
    const QStringList whole = HelperPlanText::followUp(QStringLiteral("Expose"), wholeSubnet);
    QVERIFY2(!whole.join(QLatin1Char('\n')).contains(QLatin1String("192.0.2.")), qPrintable(whole.join(QLatin1Char('\n'))));
    QCOMPARE(whole.size(), HelperPlanText::followUp(QStringLiteral("Expose"), params).size() - 1);
    QVERIFY(HelperPlanText::followUp(QStringLiteral("BridgePort"), words("br7|em9|true|false")).isEmpty());

    // While confirm carries it out, it is "now", not "once confirmed".
    for (const QStringList &p : {params, network}) {
        const QStringList later = HelperPlanText::followUp(QStringLiteral("Expose"), p);
        const QStringList now =
            HelperPlanText::followUp(QStringLiteral("Expose"), p, HelperPlanText::FollowUpTime::Now);
        QVERIFY2(later.first().contains(QLatin1String("once confirmed")), qPrintable(later.first()));
        QVERIFY2(!now.first().contains(QLatin1String("confirmed")) && now.first().startsWith(QLatin1String("now")),
                 qPrintable(now.first()));
        QCOMPARE(now.mid(1), later.mid(1));
    }
}

void TestDockerText::dockerWaitsOnlyWithTheDropIn()
{
    // Docker waits for the bridge at boot only where the plan writes the
    // boot-order drop-in (systemd); without it, or without a plan, only
    // the bridge is promised.
    const QStringList params = words("em9|br7|||default-bridge|true");
    const HelperPlan withDropIn{
        {QStringLiteral("WriteFile"), words("/etc/network/interfaces.d/passerelle-br7|auto br7\n")},
        {QStringLiteral("WriteFile"),
         words("/etc/systemd/system/docker.service.d/passerelle-bridge.conf|[Unit]\nAfter=sys-subsystem-net-devices-br7.device\n")}};
    const HelperPlan withoutDropIn{withDropIn.first()};
    QVERIFY(HelperPlanText::dockerWaitsForBridge(withDropIn));
    QVERIFY(!HelperPlanText::dockerWaitsForBridge(withoutDropIn));
    QVERIFY(!HelperPlanText::dockerWaitsForBridge({}));

    const auto last = [&params](const HelperPlan &steps) {
        return HelperPlanText::followUp(QStringLiteral("Expose"), params,
                                        HelperPlanText::FollowUpTime::OnceConfirmed, steps)
            .last();
    };
    QVERIFY2(last(withDropIn).contains(QLatin1String("br7")) && last(withDropIn).contains(QLatin1String("Docker waits")),
             qPrintable(last(withDropIn)));
    for (const HelperPlan &steps : {withoutDropIn, HelperPlan()}) {
        QVERIFY2(last(steps).contains(QLatin1String("br7")) && last(steps).contains(QLatin1String("reboot"))
                     && !last(steps).contains(QLatin1String("Docker")),
                 qPrintable(last(steps)));
    }
}

void TestDockerText::controlCharactersEscaped()
{
    // Parameters come from files (daemon.json, DOCKER_OPTS): a terminal
    // escape in one is shown, not obeyed.
    const QString evil = QStringLiteral("br\x1b[2J7");
    const QString sentence = HelperPlanText::step({QStringLiteral("DockerConflict"),
                                                   {QStringLiteral("/etc/default/docker:DOCKER_OPTS"),
                                                    QStringLiteral("-b"), evil}});
    QVERIFY2(!sentence.contains(QChar(0x1b)), qPrintable(sentence));
    QVERIFY2(sentence.contains(QLatin1String("br\\x1b[2J7")), qPrintable(sentence));
    const QString written = HelperPlanText::step({QStringLiteral("WriteFile"),
                                                  {QStringLiteral("/x"), QStringLiteral("a\x07\nb\n")}});
    QVERIFY2(!written.contains(QChar(0x07)) && written.contains(QLatin1String("a\\x07")), qPrintable(written));
}

QTEST_GUILESS_MAIN(TestDockerText)
#include "tst_dockertext.moc"
