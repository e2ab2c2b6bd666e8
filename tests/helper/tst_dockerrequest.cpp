// DockerRequest (the a{sv} options and the checks against the bridge) and
// helper.conf's [docker] and [persist] groups: pure, no kernel.
#include "dockerrequest.h"
#include "helperconfig.h"

#include <QTemporaryDir>
#include <QTest>

#include <linux/if_addr.h>
#include <sys/socket.h>

using namespace Passerelle;

class TestDockerRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void options();
    void options_data();
    void check();
    void check_data();
    void config();
};

void TestDockerRequest::options_data()
{
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QString>("error");     // empty: accepted
    QTest::addColumn<QStringList>("parameters");

    QTest::newRow("none") << QVariantMap() << QString() << QStringList();
    QTest::newRow("all") << QVariantMap{{"mode", "network"}, {"network", "lan"}, {"restart", false}, {"persist", true},
                                        {"moveOptions", true}, {"allowForwarding", true}}
                         << QString() << QStringList();
    QTest::newRow("unknown key") << QVariantMap{{"frobnicate", true}} << "org.passerelle.Error.InvalidArgument"
                                 << QStringList{"options", "frobnicate"};
    QTest::newRow("wrong type") << QVariantMap{{"restart", "yes"}} << "org.passerelle.Error.InvalidArgument"
                                << QStringList{"options", "restart"};
    QTest::newRow("unknown mode") << QVariantMap{{"mode", "macvlan"}} << "org.passerelle.Error.InvalidArgument"
                                  << QStringList{"mode", "macvlan"};
    QTest::newRow("reset: its own options") << QVariantMap{{"restart", false}, {"moveOptions", true}, {"network", "lan"}}
                                            << QString() << QStringList();
    QTest::newRow("reset: no persist") << QVariantMap{{"persist", true}} << "org.passerelle.Error.InvalidArgument"
                                       << QStringList{"options", "persist"};
    QTest::newRow("bad network name") << QVariantMap{{"network", "a b"}} << "org.passerelle.Error.InvalidArgument"
                                      << QStringList{"network", "a b"};
}

void TestDockerRequest::options()
{
    QFETCH(QVariantMap, options);
    QFETCH(QString, error);
    QFETCH(QStringList, parameters);
    DockerRequest request;
    if (QByteArray(QTest::currentDataTag()).startsWith("reset")) {
        request.kind = DockerRequest::Kind::Reset;
        const auto failure = DockerRequest::readOptions(options, &request);
        QCOMPARE(failure ? failure->name : QString(), error);
        if (failure)
            QCOMPARE(failure->parameters, parameters);
        return;
    }
    const auto failure = DockerRequest::readOptions(options, &request);
    QCOMPARE(failure ? failure->name : QString(), error);
    if (failure) {
        QCOMPARE(failure->parameters, parameters);
        return;
    }
    if (options.contains("mode")) {
        QCOMPARE(request.mode, DockerRequest::Mode::Network);
        QCOMPARE(request.networkName(), QStringLiteral("lan"));
        QCOMPARE(request.restart, false);
        QCOMPARE(request.persist, true);
        QCOMPARE(request.moveOptions, true);
        QCOMPARE(request.allowForwarding, true);
    } else {
        QCOMPARE(request.mode, DockerRequest::Mode::DefaultBridge);
        QCOMPARE(request.restart, true);
        QCOMPARE(request.persist, false);
    }
}

namespace {

// br0 (up, 192.0.2.10/24), em1 its port, veth0 (not a bridge), br1 (down).
NetState state()
{
    LinkState br0;
    br0.ifindex = 2;
    br0.name = "br0";
    br0.kind = "bridge";
    br0.up = true;
    LinkState em1;
    em1.ifindex = 3;
    em1.name = "em1";
    em1.masterIndex = 2;
    em1.up = true;
    LinkState veth;
    veth.ifindex = 4;
    veth.name = "veth0";
    veth.kind = "veth";
    LinkState br1;
    br1.ifindex = 5;
    br1.name = "br1";
    br1.kind = "bridge";
    NetState s;
    s.links = LinkSnapshot({br0, em1, veth, br1});
    AddressState a;
    a.ifindex = 2;
    a.family = AF_INET;
    a.prefixLength = 24;
    a.local = addressFromText(AF_INET, "192.0.2.10");
    a.flags = IFA_F_PERMANENT;
    s.addresses = {a};
    return s;
}

} // namespace

void TestDockerRequest::check_data()
{
    QTest::addColumn<QString>("bridge");
    QTest::addColumn<QString>("fixedCidr");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("parameters");

    QTest::newRow("ok") << "br0" << "192.0.2.128/26" << "192.0.2.1" << QString() << QStringList();
    QTest::newRow("whole subnet") << "br0" << "192.0.2.0/24" << "" << QString() << QStringList();
    QTest::newRow("no such link") << "br9" << "" << "" << "org.passerelle.Error.NoSuchLink" << QStringList{"br9"};
    QTest::newRow("not a bridge") << "veth0" << "" << "" << "org.passerelle.Error.NotABridge"
                                  << QStringList{"veth0", "veth"};
    QTest::newRow("down") << "br1" << "" << "" << "org.passerelle.Error.BridgeDown" << QStringList{"br1"};
    QTest::newRow("bad name") << "br/0" << "" << "" << "org.passerelle.Error.InvalidName"
                              << QStringList{"br/0", "forbidden-character"};
    QTest::newRow("cidr garbage") << "br0" << "10.0.0/33" << "" << "org.passerelle.Error.InvalidArgument"
                                  << QStringList{"fixedCidr", "10.0.0/33"};
    QTest::newRow("cidr host bits") << "br0" << "192.0.2.130/26" << "" << "org.passerelle.Error.InvalidArgument"
                                    << QStringList{"fixedCidr", "192.0.2.130/26"};
    QTest::newRow("cidr ipv6") << "br0" << "2001:db8::/64" << "" << "org.passerelle.Error.InvalidArgument"
                               << QStringList{"fixedCidr", "2001:db8::/64"};
    QTest::newRow("cidr outside") << "br0" << "198.51.100.0/26" << "" << "org.passerelle.Error.NotInSubnet"
                                  << QStringList{"fixedCidr", "198.51.100.0/26", "192.0.2.0/24"};
    QTest::newRow("cidr wider than subnet") << "br0" << "192.0.0.0/16" << "" << "org.passerelle.Error.NotInSubnet"
                                            << QStringList{"fixedCidr", "192.0.0.0/16", "192.0.2.0/24"};
    QTest::newRow("gateway outside") << "br0" << "" << "198.51.100.1" << "org.passerelle.Error.NotInSubnet"
                                     << QStringList{"defaultGateway", "198.51.100.1", "192.0.2.0/24"};
    QTest::newRow("gateway garbage") << "br0" << "" << "192.0.2" << "org.passerelle.Error.InvalidArgument"
                                     << QStringList{"defaultGateway", "192.0.2"};
}

void TestDockerRequest::check()
{
    QFETCH(QString, bridge);
    QFETCH(QString, fixedCidr);
    QFETCH(QString, gateway);
    QFETCH(QString, error);
    QFETCH(QStringList, parameters);
    DockerRequest request;
    request.bridge = bridge;
    request.fixedCidr = fixedCidr;
    request.defaultGateway = gateway;
    const auto failure = request.check(state());
    QCOMPARE(failure ? failure->name : QString(), error);
    if (failure)
        QCOMPARE(failure->parameters, parameters);
}

void TestDockerRequest::config()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("helper.conf");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[docker]\nconfig=/tmp/x/daemon.json\nsocket=unix:///tmp/x/docker.sock\nrestart=command\n"
            "restart-command=/usr/bin/env FOO=1 /tmp/restart --now\nrestart-timeout=20\n"
            "defaults-file=/tmp/x/docker\nunit-dirs=/tmp/x/a /tmp/x/b\nbogus=1\n"
            "[persist]\nbackend=networkd\nnetworkd-dir=/tmp/x/networkd\ndropin-dir=relative\n");
    f.close();
    HelperConfig config;
    QString error;
    QStringList warnings;
    QVERIFY(HelperConfig::load(path, true, &config, &error, &warnings));
    QCOMPARE(config.docker.daemonConfig, QStringLiteral("/tmp/x/daemon.json"));
    QCOMPARE(config.docker.socket, QStringLiteral("unix:///tmp/x/docker.sock"));
    QCOMPARE(config.docker.restart, QStringLiteral("command"));
    // Split on spaces, nothing more: "FOO=1" stays one argument for env.
    QCOMPARE(config.docker.restartCommand,
             (QStringList{"/usr/bin/env", "FOO=1", "/tmp/restart", "--now"}));
    QCOMPARE(config.docker.restartTimeoutSeconds, 20);
    QCOMPARE(config.docker.defaultsFile, QStringLiteral("/tmp/x/docker"));
    QCOMPARE(config.docker.unitDirs, (QStringList{"/tmp/x/a", "/tmp/x/b"}));
    QCOMPARE(config.persist.backend, QStringLiteral("networkd"));
    QCOMPARE(config.persist.networkdDir, QStringLiteral("/tmp/x/networkd"));
    // The bad value keeps its default and is reported, as the unknown key.
    QCOMPARE(config.persist.dropInDir, QStringLiteral("/etc/systemd/system/docker.service.d"));
    QCOMPARE(warnings.size(), 2);
    QVERIFY(warnings.at(0).contains("bogus"));
    QVERIFY(warnings.at(1).contains("dropin-dir"));
}

QTEST_GUILESS_MAIN(TestDockerRequest)
#include "tst_dockerrequest.moc"
