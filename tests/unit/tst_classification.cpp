// Classification that decides what a link or a namespace is.
#include "namespaceowners.h"
#include "topologytypes.h"
#include "translations.h"

#include <QTest>

#include <linux/if.h>

using namespace Passerelle;

class TestClassification : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linkKind_data();
    void linkKind();
    void cgroup_data();
    void cgroup();
    void languages_data();
    void languages();
    void languageArgument();
};

void TestClassification::linkKind_data()
{
    QTest::addColumn<QString>("infoKind");
    QTest::addColumn<uint>("flags");
    QTest::addColumn<QString>("expected");
    QTest::newRow("loopback") << QString() << uint(IFF_LOOPBACK | IFF_UP) << QStringLiteral("loopback");
    QTest::newRow("physical nic") << QString() << uint(IFF_UP | IFF_BROADCAST) << QStringLiteral("physical");
    QTest::newRow("bridge") << QStringLiteral("bridge") << uint(IFF_UP) << QStringLiteral("bridge");
    QTest::newRow("veth") << QStringLiteral("veth") << uint(0) << QStringLiteral("veth");
    QTest::newRow("kernel kinds pass through") << QStringLiteral("vxlan") << uint(0) << QStringLiteral("vxlan");
}

void TestClassification::linkKind()
{
    QFETCH(QString, infoKind);
    QFETCH(uint, flags);
    QFETCH(QString, expected);
    QCOMPARE(classifyLinkKind(infoKind, flags), expected);
}

void TestClassification::cgroup_data()
{
    const QString id = QStringLiteral("4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("ownerId");
    QTest::newRow("docker, cgroup v2 systemd driver") << QStringLiteral("0::/system.slice/docker-%1.scope\n").arg(id)
                                                      << QStringLiteral("docker") << id;
    QTest::newRow("docker, cgroupfs driver") << QStringLiteral("0::/docker/%1\n").arg(id) << QStringLiteral("docker") << id;
    QTest::newRow("docker, cgroup v1")
        << QStringLiteral("12:memory:/docker/%1\n11:cpu,cpuacct:/docker/%1\n").arg(id) << QStringLiteral("docker") << id;
    QTest::newRow("podman rootless")
        << QStringLiteral("0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-%1.scope/container\n").arg(id)
        << QStringLiteral("podman") << id;
    QTest::newRow("podman conmon") << QStringLiteral("0::/machine.slice/libpod-conmon-%1.scope\n").arg(id)
                                   << QStringLiteral("podman") << id;
    QTest::newRow("kubernetes containerd")
        << QStringLiteral("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1234.slice/cri-containerd-%1.scope\n").arg(id)
        << QStringLiteral("kubernetes") << id;
    QTest::newRow("containerd alone") << QStringLiteral("0::/system.slice/cri-containerd-%1.scope\n").arg(id)
                                      << QStringLiteral("containerd") << id;
    QTest::newRow("lxc") << QStringLiteral("0::/lxc.payload.web01/init.scope\n") << QStringLiteral("lxc") << QStringLiteral("web01");
    QTest::newRow("lxc v1") << QStringLiteral("4:memory:/lxc/db02\n") << QStringLiteral("lxc") << QStringLiteral("db02");
    QTest::newRow("nspawn") << QStringLiteral("0::/machine.slice/machine-build\\x2dbox.scope/payload\n")
                            << QStringLiteral("nspawn") << QStringLiteral("build\\x2dbox");
    QTest::newRow("ordinary service") << QStringLiteral("0::/system.slice/ssh.service\n") << QString() << QString();
    QTest::newRow("short hex is not an id") << QStringLiteral("0::/docker/abc123\n") << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString();
}

void TestClassification::cgroup()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, ownerId);
    const CgroupOwner owner = classifyCgroup(text);
    QCOMPARE(owner.type, type);
    QCOMPARE(owner.id, ownerId);
}

void TestClassification::languages_data()
{
    QTest::addColumn<QString>("override");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("override wins") << QStringLiteral("fr") << QStringList{QStringLiteral("LANG=en_US.UTF-8")}
                                   << QStringList{QStringLiteral("fr")};
    QTest::newRow("LANG") << QString() << QStringList{QStringLiteral("LANG=fr_FR.UTF-8")}
                          << QStringList{QStringLiteral("fr_FR"), QStringLiteral("fr")};
    QTest::newRow("LC_MESSAGES over LANG")
        << QString() << QStringList{QStringLiteral("LANG=en_US.UTF-8"), QStringLiteral("LC_MESSAGES=fr_CA.UTF-8")}
        << QStringList{QStringLiteral("fr_CA"), QStringLiteral("fr")};
    QTest::newRow("LC_ALL over all")
        << QString() << QStringList{QStringLiteral("LC_MESSAGES=en_US"), QStringLiteral("LC_ALL=fr_BE.UTF-8@euro")}
        << QStringList{QStringLiteral("fr_BE"), QStringLiteral("fr")};
    QTest::newRow("LANGUAGE list first")
        << QString() << QStringList{QStringLiteral("LANG=en_US.UTF-8"), QStringLiteral("LANGUAGE=fr:en")}
        << QStringList{QStringLiteral("fr"), QStringLiteral("en"), QStringLiteral("en_US")};
    QTest::newRow("LANGUAGE ignored in the C locale")
        << QString() << QStringList{QStringLiteral("LANG=C"), QStringLiteral("LANGUAGE=fr")} << QStringList{};
}

void TestClassification::languages()
{
    QFETCH(QString, override);
    QFETCH(QStringList, env);
    QFETCH(QStringList, expected);
    for (const char *var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        qunsetenv(var);
    for (const QString &e : env)
        qputenv(e.section(QLatin1Char('='), 0, 0).toLatin1().constData(), e.section(QLatin1Char('='), 1).toUtf8());
    QCOMPARE(preferredLanguages(override), expected);
}

void TestClassification::languageArgument()
{
    QCOMPARE(languageFromArguments({QStringLiteral("passerellectl"), QStringLiteral("--lang"), QStringLiteral("fr"),
                                    QStringLiteral("topology")}),
             QStringLiteral("fr"));
    QCOMPARE(languageFromArguments({QStringLiteral("passerelle"), QStringLiteral("--lang=en")}), QStringLiteral("en"));
    QCOMPARE(languageFromArguments({QStringLiteral("passerellectl"), QStringLiteral("--"), QStringLiteral("--lang=fr")}),
             QString());
}

QTEST_GUILESS_MAIN(TestClassification)
#include "tst_classification.moc"
