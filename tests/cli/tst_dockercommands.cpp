// passerellectl's Docker commands (docker use-bridge|reset-bridge|status,
// expose) without a helper: wrong command lines are usage errors (exit 2,
// a message naming the mistake) found before any call, and valid ones do
// try to reach the helper. The system bus given to passerellectl does not
// exist: a command that called the helper would fail with exit 1 and the
// bus error instead of its usage error.
#include <QProcess>
#include <QTest>

class TestDockerCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageErrors_data();
    void usageErrors();
    void validCommandsCallTheHelper_data();
    void validCommandsCallTheHelper();
    void help_data();
    void help();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result ctl(const QStringList &args);
};

TestDockerCommands::Result TestDockerCommands::ctl(const QStringList &args)
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
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestDockerCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const QByteArray dockerUsage = "passerellectl: usage: passerellectl docker use-bridge BRIDGE [--fixed-cidr CIDR]";
    const QByteArray exposeUsage = "passerellectl: usage: passerellectl expose PORT --bridge BRIDGE [--fixed-cidr CIDR]";
    auto row = [](const char *tag, const QString &args, const QByteArray &message) {
        QTest::newRow(tag) << args.split(QLatin1Char(' '), Qt::SkipEmptyParts) << message;
    };
    const QByteArray cidr = "passerellectl: --fixed-cidr takes an IPv4 subnet such as 192.168.7.128/25, not \"";
    const QByteArray gateway = "passerellectl: --default-gateway takes an IPv4 address such as 192.168.7.254, not \"";

    row("docker alone", QStringLiteral("docker"), dockerUsage);
    row("docker unknown", QStringLiteral("docker frob"), dockerUsage);
    row("use-bridge without bridge", QStringLiteral("docker use-bridge"), dockerUsage);
    row("use-bridge two bridges", QStringLiteral("docker use-bridge br0 br1"), dockerUsage);
    row("reset-bridge with a name", QStringLiteral("docker reset-bridge br0"), dockerUsage);
    row("status with a name", QStringLiteral("docker status br0"), dockerUsage);
    row("use-bridge unknown option", QStringLiteral("docker use-bridge br0 --bip 10.0.0.1/24"),
        "passerellectl: Unknown option 'bip'.");
    row("cidr short form", QStringLiteral("docker use-bridge br0 --fixed-cidr 10.0/16"), cidr + "10.0/16\"\n");
    row("cidr without prefix", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.168.7.128"), cidr + "192.168.7.128\"\n");
    row("cidr prefix 33", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.168.7.0/33"), cidr + "192.168.7.0/33\"\n");
    row("cidr byte 256", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.168.256.0/24"), cidr + "192.168.256.0/24\"\n");
    row("cidr ipv6", QStringLiteral("docker use-bridge br0 --fixed-cidr fd00::/64"), cidr + "fd00::/64\"\n");
    row("cidr empty", QStringLiteral("docker use-bridge br0 --fixed-cidr="), cidr + "\"\n");
    row("cidr host bits", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.168.7.130/26"),
        "passerellectl: --fixed-cidr 192.168.7.130/26 has host bits set: did you mean 192.168.7.128/26?\n");
    row("cidr host bits /8", QStringLiteral("docker use-bridge br0 --fixed-cidr 10.1.2.3/8"),
        "passerellectl: --fixed-cidr 10.1.2.3/8 has host bits set: did you mean 10.0.0.0/8?\n");
    row("cidr host bits /0", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.0.2.1/0"),
        "passerellectl: --fixed-cidr 192.0.2.1/0 has host bits set: did you mean 0.0.0.0/0?\n");
    row("cidr host bits /31", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.0.2.255/31"),
        "passerellectl: --fixed-cidr 192.0.2.255/31 has host bits set: did you mean 192.0.2.254/31?\n");
    row("gateway leading zero", QStringLiteral("docker use-bridge br0 --default-gateway 192.168.7.09"), gateway + "192.168.7.09\"\n");
    row("gateway with prefix", QStringLiteral("docker use-bridge br0 --default-gateway 192.168.7.1/24"), gateway + "192.168.7.1/24\"\n");
    row("gateway name", QStringLiteral("docker use-bridge br0 --default-gateway router"), gateway + "router\"\n");
    row("mode unknown", QStringLiteral("docker use-bridge br0 --mode macvlan"),
        "passerellectl: --mode takes default-bridge or network, not \"macvlan\"\n");
    row("network without mode", QStringLiteral("docker use-bridge br0 --network lan"),
        "passerellectl: --network is only for --mode network\n");
    row("network bad name", QStringLiteral("docker use-bridge br0 --mode network --network -lan"),
        "passerellectl: --network takes a Docker network name (letters, digits, '_', '.' and '-'), not \"-lan\"\n");
    row("persist both ways", QStringLiteral("docker use-bridge br0 --persist --no-persist"),
        "passerellectl: --persist and --no-persist exclude each other\n");
    row("use-bridge has no confirm-timeout", QStringLiteral("docker use-bridge br0 --confirm-timeout 30"),
        "passerellectl: Unknown option 'confirm-timeout'.");
    row("reset-bridge bad network", QStringLiteral("docker reset-bridge --network a/b"),
        "passerellectl: --network takes a Docker network name (letters, digits, '_', '.' and '-'), not \"a/b\"\n");
    row("expose without bridge", QStringLiteral("expose em1"), exposeUsage);
    row("expose without port", QStringLiteral("expose --bridge br0"), exposeUsage);
    row("expose two ports", QStringLiteral("expose em1 em2 --bridge br0"), exposeUsage);
    row("expose bad cidr", QStringLiteral("expose em1 --bridge br0 --fixed-cidr 192.168.7.128/25x"), cidr + "192.168.7.128/25x\"\n");
    row("expose cidr host bits", QStringLiteral("expose em1 --bridge br0 --fixed-cidr 192.168.7.130/26"),
        "passerellectl: --fixed-cidr 192.168.7.130/26 has host bits set: did you mean 192.168.7.128/26?\n");
    row("plan expose cidr host bits", QStringLiteral("plan expose em1 --bridge br0 --fixed-cidr 192.168.7.1/24"),
        "passerellectl: --fixed-cidr 192.168.7.1/24 has host bits set: did you mean 192.168.7.0/24?\n");
    row("expose bad gateway", QStringLiteral("expose em1 --bridge br0 --default-gateway 300.1.1.1"), gateway + "300.1.1.1\"\n");
    row("expose bad mode", QStringLiteral("expose em1 --bridge br0 --mode default"),
        "passerellectl: --mode takes default-bridge or network, not \"default\"\n");
    row("expose timeout zero", QStringLiteral("expose em1 --bridge br0 --confirm-timeout 0"),
        "passerellectl: --confirm-timeout takes a number of seconds from 1 to 3600\n");
    row("expose persist both ways", QStringLiteral("expose em1 --bridge br0 --no-persist --persist --dry-run"),
        "passerellectl: --persist and --no-persist exclude each other\n");
    row("plan docker status", QStringLiteral("plan docker status"),
        "passerellectl: usage: passerellectl plan bridge|link|docker|expose ARGUMENTS...\n");
    row("plan expose bad cidr", QStringLiteral("plan expose em1 --bridge br0 --fixed-cidr x"), cidr + "x\"\n");
}

void TestDockerCommands::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Result r = ctl(args);
    QVERIFY2(r.err.startsWith(message), r.err.constData());
    QCOMPARE(r.exitCode, 2);
    // Found before any call: the missing bus never came up.
    QVERIFY2(!r.err.contains("system bus"), r.err.constData());
    QVERIFY2(r.out.isEmpty(), r.out.constData());
}

void TestDockerCommands::validCommandsCallTheHelper_data()
{
    QTest::addColumn<QStringList>("args");
    auto row = [](const char *tag, const QString &args) {
        QTest::newRow(tag) << args.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    row("use-bridge", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.168.7.128/25 --default-gateway 192.168.7.254"));
    row("use-bridge host address /32", QStringLiteral("docker use-bridge br0 --fixed-cidr 192.168.7.130/32"));
    row("use-bridge network", QStringLiteral("docker use-bridge br0 --mode network --network lan_7.a --no-restart --persist"));
    row("use-bridge dry run", QStringLiteral("docker use-bridge br0 --move-options --allow-forwarding --dry-run"));
    row("reset-bridge", QStringLiteral("docker reset-bridge --network lan --move-options --no-restart"));
    row("status", QStringLiteral("docker status"));
    row("status json", QStringLiteral("docker status --json"));
    row("expose", QStringLiteral("expose em1 --bridge br0 --fixed-cidr 0.0.0.0/0 --no-persist --confirm-timeout 3600"));
    row("expose dry run", QStringLiteral("expose em1 --bridge br0 --dry-run"));
    row("plan expose", QStringLiteral("plan expose em1 --bridge br0 --mode network"));
    row("plan docker", QStringLiteral("plan docker reset-bridge"));
}

void TestDockerCommands::validCommandsCallTheHelper()
{
    QFETCH(QStringList, args);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QByteArray("passerellectl: cannot connect to the system bus (org.freedesktop.DBus.Error.FileNotFound)\n"));
}

void TestDockerCommands::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::newRow("main") << QStringList{QStringLiteral("--help")}
                          << QByteArrayList{"docker use-bridge BRIDGE", "docker reset-bridge", "docker status [--json]",
                                            "expose PORT --bridge BRIDGE", "their security is yours to ensure"};
    QTest::newRow("docker") << QStringList{QStringLiteral("docker"), QStringLiteral("--help")}
                            << QByteArrayList{"passerellectl docker", "use-bridge", "reset-bridge", "status"};
    QTest::newRow("use-bridge") << QStringList{QStringLiteral("docker"), QStringLiteral("use-bridge"), QStringLiteral("--help")}
                                << QByteArrayList{"passerellectl docker use-bridge", "--fixed-cidr <CIDR>",
                                                  "--default-gateway <IP>", "--mode <default-bridge|network>",
                                                  "--network <NAME>", "--no-restart", "--persist", "--no-persist",
                                                  "--move-options", "--allow-forwarding", "--dry-run",
                                                  "network security is yours to ensure"};
    QTest::newRow("reset-bridge") << QStringList{QStringLiteral("docker"), QStringLiteral("reset-bridge"), QStringLiteral("--help")}
                                  << QByteArrayList{"docker0", "--no-restart", "--dry-run", "--network <NAME>"};
    QTest::newRow("status") << QStringList{QStringLiteral("docker"), QStringLiteral("status"), QStringLiteral("--help")}
                            << QByteArrayList{"--json", "--pretty", "conflicts"};
    QTest::newRow("expose") << QStringList{QStringLiteral("expose"), QStringLiteral("--help")}
                            << QByteArrayList{"passerellectl expose", "--bridge <BRIDGE>", "--confirm-timeout <SECONDS>",
                                              "--no-persist", "passerellectl confirm",
                                              "network security is yours to ensure"};
}

void TestDockerCommands::help()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArrayList, expected);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, 0);
    const QByteArray text = r.out.simplified();
    for (const QByteArray &e : expected)
        QVERIFY2(text.contains(e), (e + " not in:\n" + r.out).constData());
}

QTEST_GUILESS_MAIN(TestDockerCommands)
#include "tst_dockercommands.moc"
