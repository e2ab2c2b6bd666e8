// passerelle-helper started by hand: its options, its settings file, and
// that it insists on GLib's event loop (polkit answers through it) even
// when QT_NO_GLIB asks for another. No bus needed: each run stops before
// or at connecting to one that is not there.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestHelperCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void missingConfig();
    void glibDispatcherDespiteQtNoGlib();
    void configWarnings();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result helper(const QStringList &args, const QProcessEnvironment &env = noBusEnvironment());
    static QProcessEnvironment noBusEnvironment();
};

QProcessEnvironment TestHelperCommandLine::noBusEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/passerelle-test-bus"));
    return env;
}

TestHelperCommandLine::Result TestHelperCommandLine::helper(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PASSERELLE_HELPER_BINARY), args);
    Result r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestHelperCommandLine::version()
{
    const Result r = helper({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("passerelle-helper " PASSERELLE_VERSION "\n"));
}

void TestHelperCommandLine::missingConfig()
{
    const Result r = helper({QStringLiteral("--config"), QStringLiteral("/nonexistent/helper.conf")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("/nonexistent/helper.conf: no such file"), r.err.constData());
}

void TestHelperCommandLine::glibDispatcherDespiteQtNoGlib()
{
    // Gets past the dispatcher check to the settings file.
    QProcessEnvironment env = noBusEnvironment();
    env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
    const Result r = helper({QStringLiteral("--config"), QStringLiteral("/nonexistent/helper.conf")}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(!r.err.contains("dispatcher"), r.err.constData());
    QVERIFY2(r.err.contains("no such file"), r.err.constData());
}

void TestHelperCommandLine::configWarnings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("helper.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[helper]\nidle-timeout=soon\nauthorization-timeout=0\nmax-pending-per-caller=2\ncolour=blue\n");
    f.close();
    const Result r = helper({QStringLiteral("--config"), path});
    // Bad values and unknown keys are reported and ignored; then the
    // missing bus stops it.
    QVERIFY2(r.err.contains("[helper] idle-timeout must be a number from 0 to 86400; using 30"), r.err.constData());
    QVERIFY2(r.err.contains("[helper] authorization-timeout must be a number from 1 to 3600; using 240"), r.err.constData());
    QVERIFY2(r.err.contains("unknown key [helper] colour ignored"), r.err.constData());
    QVERIFY2(!r.err.contains("max-pending-per-caller"), r.err.constData());
    QVERIFY2(r.err.contains("cannot connect to the system bus"), r.err.constData());
    QCOMPARE(r.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestHelperCommandLine)
#include "tst_helpercommandline.moc"
