// passerellectl's changing commands (bridge ..., link set ...) without a
// helper: their usage errors, and how a failure to reach the helper reads in
// English and in French. The commands against a running helper and real
// polkit are in tests/helper/tst_helperbus.
#include <QProcess>
#include <QTest>

class TestHelperCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageErrors_data();
    void usageErrors();
    void noSystemBus_data();
    void noSystemBus();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray err;
    };
    static Result ctl(const QStringList &args);
};

TestHelperCommands::Result TestHelperCommands::ctl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/passerelle-test-bus"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("PASSERELLE_BUILD_DIR") + QStringLiteral("/app/cli/passerellectl"), args);
    Result r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.err = p.readAllStandardError();
    return r;
}

void TestHelperCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const QByteArray bridgeUsage = "passerellectl: usage: passerellectl bridge create NAME [--stp on|off]\n";
    const QByteArray linkUsage = "passerellectl: usage: passerellectl link set NAME up|down [--confirm-timeout SECONDS] [--dry-run]\n";
    auto row = [](const char *tag, const QString &args, const QByteArray &message) {
        QTest::newRow(tag) << args.split(QLatin1Char(' '), Qt::SkipEmptyParts) << message;
    };
    row("bridge alone", QStringLiteral("bridge"), bridgeUsage);
    row("create without name", QStringLiteral("bridge create"), bridgeUsage);
    row("create two names", QStringLiteral("bridge create a b"), bridgeUsage);
    row("unknown subcommand", QStringLiteral("bridge frob x"), bridgeUsage);
    row("add-port one name", QStringLiteral("bridge add-port br0"), bridgeUsage);
    row("stp yes", QStringLiteral("bridge stp br0 yes"), bridgeUsage);
    row("stp on delete", QStringLiteral("bridge delete br0 --stp on"),
        "passerellectl: --stp is only for \"bridge create\" and \"bridge add-port\"; use \"bridge stp BRIDGE on|off\"\n");
    row("keep-addresses on create", QStringLiteral("bridge create br0 --keep-addresses"),
        "passerellectl: --keep-addresses is only for \"bridge add-port\"\n");
    const QByteArray timeoutRange = "passerellectl: --confirm-timeout takes a number of seconds from 1 to 3600\n";
    row("confirm-timeout zero", QStringLiteral("bridge add-port br0 em1 --confirm-timeout 0"), timeoutRange);
    row("confirm-timeout too long", QStringLiteral("link set em1 down --confirm-timeout 3601"), timeoutRange);
    row("confirm-timeout words", QStringLiteral("bridge delete br0 --confirm-timeout soon"), timeoutRange);
    row("confirm two handles", QStringLiteral("confirm a b"), "passerellectl: usage: passerellectl confirm [TRANSACTION]\n");
    row("revert two handles", QStringLiteral("revert a b"), "passerellectl: usage: passerellectl revert [TRANSACTION]\n");
    row("status with a handle", QStringLiteral("status a"), "passerellectl: usage: passerellectl status\n");
    row("plan of nothing", QStringLiteral("plan topology"), "passerellectl: usage: passerellectl plan bridge|link|docker|expose ARGUMENTS...\n");
    row("stp maybe", QStringLiteral("bridge create br0 --stp maybe"), "passerellectl: --stp takes on or off\n");
    row("link alone", QStringLiteral("link"), linkUsage);
    row("link sideways", QStringLiteral("link set em1 sideways"), linkUsage);
    row("link up", QStringLiteral("link up em1"), linkUsage);
    // Only the languages Passerelle speaks, named in the error; before any call.
    row("lang de", QStringLiteral("--lang de status"),
        "passerellectl: unsupported language \"de\" for --lang (supported: en, fr)\n");
    row("lang=de_DE", QStringLiteral("--lang=de_DE.UTF-8 bridge create br9"),
        "passerellectl: unsupported language \"de_DE.UTF-8\" for --lang (supported: en, fr)\n");
    row("lang without value", QStringLiteral("--lang"), "passerellectl: --lang needs a language (supported: en, fr)\n");
    row("lang empty", QStringLiteral("--lang= status"), "passerellectl: --lang needs a language (supported: en, fr)\n");
}

void TestHelperCommands::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(message), r.err.constData());
}

void TestHelperCommands::noSystemBus_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const QByteArray en = "passerellectl: cannot connect to the system bus (org.freedesktop.DBus.Error.FileNotFound)\n";
    const QByteArray fr = "passerellectl: impossible de se connecter au bus système (org.freedesktop.DBus.Error.FileNotFound)\n";
    QTest::newRow("create") << QStringList{QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("br9")} << en;
    QTest::newRow("link set") << QStringList{QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("em1"),
                                             QStringLiteral("up")} << en;
    QTest::newRow("create fr") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("bridge"),
                                              QStringLiteral("create"), QStringLiteral("br9")} << fr;
    QTest::newRow("add-port dry run") << QStringList{QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("br9"),
                                                     QStringLiteral("em1"), QStringLiteral("--dry-run")} << en;
    QTest::newRow("plan") << QStringList{QStringLiteral("plan"), QStringLiteral("link"), QStringLiteral("set"),
                                         QStringLiteral("em1"), QStringLiteral("down")} << en;
    QTest::newRow("confirm") << QStringList{QStringLiteral("confirm")} << en;
    QTest::newRow("revert a handle") << QStringList{QStringLiteral("revert"), QStringLiteral("0123")} << en;
    QTest::newRow("status fr") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("status")} << fr;
    // A region or encoding of a language spoken is that language.
    QTest::newRow("status fr_CA") << QStringList{QStringLiteral("--lang=fr_CA.UTF-8"), QStringLiteral("status")} << fr;
    QTest::newRow("status en_GB") << QStringList{QStringLiteral("--lang"), QStringLiteral("en_GB"), QStringLiteral("status")}
                                  << en;
}

void TestHelperCommands::noSystemBus()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, message);
}

QTEST_GUILESS_MAIN(TestHelperCommands)
#include "tst_helpercommands.moc"
