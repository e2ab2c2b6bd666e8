// The generated configuration brought up for real, as a reboot would, by
// the network stacks themselves inside network namespaces: a "host"
// namespace whose uplink em1 is a veth leading to a "lan" namespace with
// the gateway.
//
// ifupdown: the host starts as the manual procedure leaves it (em1 in
// /etc/network/interfaces, brought up by ifup). The writer's files are
// applied; `ifup -a`, what networking.service runs at boot, must then
// bring up br0 with em1 as its port, the addresses and the default route,
// and the gateway must answer; `ifdown -a` takes it down; undoing the files
// gives the original configuration back, which ifup still brings up.
//
// systemd-networkd: the real daemon, run in the namespace with a private
// mount namespace where /etc/systemd/network is the test's folder, its run
// state a folder of the test, and /sys read-only (so that it does not wait
// for udev, as in a container). It must create the bridge from the
// .netdev, configure it, warn about nothing in our files, and its run
// state must let the detection recognise it.
#include "configfiles.h"
#include "gatewayprobe.h"
#include "ifupdownwriter.h"
#include "netnsfixture.h"
#include "networkdwriter.h"
#include "persistbackend.h"
#include "persistentbridge.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <pwd.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace Passerelle;

Q_DECLARE_METATYPE(Passerelle::GatewayProbe::Result)

namespace {

const QString bridgeMac = QStringLiteral("52:54:00:ab:cd:01");

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

PersistentBridge lanBridge()
{
    PersistentBridge b;
    b.name = QStringLiteral("br0");
    b.ports = {QStringLiteral("em1")};
    b.mac = bridgeMac;
    b.staticAddresses = {QStringLiteral("192.0.2.10/24"), QStringLiteral("2001:db8::10/64")};
    b.ipv4Gateway = QStringLiteral("192.0.2.1");
    return b;
}

} // namespace

class TestPersistBringUp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NetnsFixture> m_fx;
    QString m_host;
    QString m_lan;

    bool ip(const QString &ns, const QString &args)
    {
        QString error;
        const bool ok = m_fx->ip(ns, args.split(QLatin1Char(' ')), &error);
        if (!ok)
            qWarning("ip -n %s %s: %s", qPrintable(ns), qPrintable(args), qPrintable(error));
        return ok;
    }

    QJsonArray ipJson(const QString &args)
    {
        return QJsonDocument::fromJson(m_fx->ipJson(m_host, args.split(QLatin1Char(' ')))).array();
    }

    // `ip netns exec HOST PROGRAM ARGS`: exit code, output in *OUT.
    int inHost(const QString &program, const QStringList &args, QByteArray *out = nullptr)
    {
        QByteArray o;
        QByteArray e;
        const int rc = NetnsFixture::run(QStringLiteral("ip"),
                                         QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_host, program}
                                             + args,
                                         &o, &e, 90000);
        if (rc != 0)
            qWarning("%s %s: exit %d\n%s%s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), rc,
                     o.constData(), e.constData());
        if (out)
            *out = o + e;
        return rc;
    }

    // A fresh host namespace with em1 (no address) and the LAN behind it.
    bool makeHost(const QString &label)
    {
        if (!m_host.isEmpty())
            m_fx->remove(m_host);
        if (!m_lan.isEmpty())
            m_fx->remove(m_lan);
        m_host = m_fx->create(label);
        m_lan = m_fx->create(label + QStringLiteral("lan"));
        return !m_host.isEmpty() && !m_lan.isEmpty()
            && ip(m_host, QStringLiteral("link add em1 type veth peer name eth0 netns ") + m_lan)
            && ip(m_lan, QStringLiteral("addr add 192.0.2.1/24 dev eth0"))
            && ip(m_lan, QStringLiteral("addr add 2001:db8::1/64 dev eth0 nodad"))
            && ip(m_lan, QStringLiteral("link set eth0 up"));
    }

    // What is missing for br0 to be up as LANBRIDGE describes it; empty when nothing.
    QString bridgeMissing()
    {
        const QJsonArray br = ipJson(QStringLiteral("link show dev br0"));
        if (br.isEmpty())
            return QStringLiteral("no br0");
        const QJsonObject link = br.at(0).toObject();
        if (link.value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_kind")).toString()
            != QLatin1String("bridge"))
            return QStringLiteral("br0 is not a bridge");
        if (link.value(QStringLiteral("address")).toString() != bridgeMac)
            return QStringLiteral("br0 has the MAC ") + link.value(QStringLiteral("address")).toString();
        const QJsonArray em1 = ipJson(QStringLiteral("link show dev em1"));
        if (em1.isEmpty() || em1.at(0).toObject().value(QStringLiteral("master")).toString() != QLatin1String("br0"))
            return QStringLiteral("em1 is not a port of br0");
        QStringList addresses;
        const QJsonArray addr = ipJson(QStringLiteral("addr show dev br0"));
        for (const QJsonValue &a : addr.at(0).toObject().value(QStringLiteral("addr_info")).toArray()) {
            const QJsonObject o = a.toObject();
            addresses.append(o.value(QStringLiteral("local")).toString() + QLatin1Char('/')
                             + QString::number(o.value(QStringLiteral("prefixlen")).toInt()));
        }
        for (const QString &wanted : {QStringLiteral("192.0.2.10/24"), QStringLiteral("2001:db8::10/64")}) {
            if (!addresses.contains(wanted))
                return QStringLiteral("br0 lacks %1 (has %2)").arg(wanted, addresses.join(QLatin1Char(' ')));
        }
        const QJsonArray em1Addresses = ipJson(QStringLiteral("-4 addr show dev em1"));
        if (!em1Addresses.at(0).toObject().value(QStringLiteral("addr_info")).toArray().isEmpty())
            return QStringLiteral("em1 still has an IPv4 address");
        const QJsonArray routes = ipJson(QStringLiteral("-4 route show default"));
        if (routes.size() != 1 || routes.at(0).toObject().value(QStringLiteral("gateway")).toString() != QLatin1String("192.0.2.1")
            || routes.at(0).toObject().value(QStringLiteral("dev")).toString() != QLatin1String("br0"))
            return QStringLiteral("the default route is not via 192.0.2.1 on br0: ")
                + QString::fromUtf8(QJsonDocument(routes).toJson(QJsonDocument::Compact));
        return QString();
    }

    int stpState()
    {
        const QJsonArray br = ipJson(QStringLiteral("link show dev br0"));
        return br.at(0).toObject().value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_data"))
            .toObject().value(QStringLiteral("stp_state")).toInt(-1);
    }

    // The gateway answers from inside the host (ICMP or TCP, GatewayProbe).
    bool gatewayAnswers()
    {
        if (!m_fx->enter(m_host))
            return false;
        GatewayProbe probe;
        QSignalSpy finished(&probe, &GatewayProbe::finished);
        probe.start(QStringLiteral("192.0.2.1"), 0, 3000);
        const bool ok = finished.wait(5000)
            && finished.at(0).at(0).value<GatewayProbe::Result>() == GatewayProbe::Result::Answered;
        NetnsFixture::leave();
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<GatewayProbe::Result>();
        const QString reason = NetnsFixture::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        m_fx = std::make_unique<NetnsFixture>();
    }

    void ifupdown()
    {
        for (const char *tool : {"ifup", "ifdown", "ifquery", "brctl"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                    .isEmpty())
                QSKIP(qPrintable(QStringLiteral("`%1` is not installed (packages ifupdown, bridge-utils)")
                                     .arg(QLatin1String(tool))));
        }
        if (!QFileInfo::exists(QStringLiteral("/etc/network/if-pre-up.d/bridge")))
            QSKIP("bridge-utils' ifupdown hook /etc/network/if-pre-up.d/bridge is missing");
        QVERIFY(makeHost(QStringLiteral("ifup")));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        PersistSettings s;
        s.interfacesFile = tmp.filePath(QStringLiteral("interfaces"));
        s.ifupdownDirectory = tmp.filePath(QStringLiteral("interfaces.d"));
        s.ifupdownRunDirectory = tmp.filePath(QStringLiteral("state"));
        s.backupDirectory = tmp.filePath(QStringLiteral("backup"));
        s.networkdRunDirectory = tmp.filePath(QStringLiteral("no-networkd"));
        s.networkdDirectory = tmp.filePath(QStringLiteral("no-networkd"));
        s.networkdSearchDirectories = {s.networkdDirectory};
        QVERIFY(QDir().mkpath(s.ifupdownDirectory) && QDir().mkpath(s.ifupdownRunDirectory));
        const QByteArray original = "# as the manual procedure left it\n"
                                    "source " + s.ifupdownDirectory.toUtf8() + "/*\n"
                                    "\n"
                                    "auto em1\n"
                                    "iface em1 inet static\n"
                                    "    address 192.0.2.10/24\n"
                                    "    gateway 192.0.2.1\n";
        QVERIFY(writeAll(s.interfacesFile, original));
        const QStringList files{QStringLiteral("-i"), s.interfacesFile, QStringLiteral("--state-dir"),
                                s.ifupdownRunDirectory, QStringLiteral("--no-loopback")};

        // Before: ifupdown brought em1 up, and says so in its run state.
        QCOMPARE(inHost(QStringLiteral("ifup"), files + QStringList{QStringLiteral("-a")}), 0);
        QVERIFY(gatewayAnswers());
        const int em1Index = ipJson(QStringLiteral("link show dev em1")).at(0).toObject().value(QStringLiteral("ifindex")).toInt();
        BackendDetector detector(s, QDBusConnection(QStringLiteral("passerelle-no-bus")));
        PersistBackend backend = PersistBackend::None;
        QString detail;
        QVERIFY(!detector.choose(QStringLiteral("em1"), em1Index, &backend, &detail));
        QCOMPARE(backend, PersistBackend::Ifupdown);
        QVERIFY2(detail.contains(QLatin1String("ifstate.em1")), qPrintable(detail));
        QCOMPARE(inHost(QStringLiteral("ifdown"), files + QStringList{QStringLiteral("-a")}), 0);

        // The writer's files, applied.
        QList<ConfigFile> config;
        const auto failure = IfupdownWriter(s).files(lanBridge(), &config);
        QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
        QCOMPARE(config.size(), 2);   // ours, and the interfaces file without em1
        QList<AppliedConfigFile> applied;
        QVERIFY(!applyConfigFiles(config, s.backupDirectory, &applied));
        QByteArray list;
        QCOMPARE(inHost(QStringLiteral("ifquery"), files + QStringList{QStringLiteral("--list"), QStringLiteral("-a")},
                        &list),
                 0);
        QCOMPARE(list.trimmed(), QByteArray("br0"));

        // "The reboot".
        QByteArray log;
        QCOMPARE(inHost(QStringLiteral("ifup"), files + QStringList{QStringLiteral("-a")}, &log), 0);
        const QString missing = bridgeMissing();
        QVERIFY2(missing.isEmpty(), qPrintable(missing + QStringLiteral("\n") + QString::fromLocal8Bit(log)));
        QCOMPARE(stpState(), 0);
        QVERIFY(gatewayAnswers());

        QCOMPARE(inHost(QStringLiteral("ifdown"), files + QStringList{QStringLiteral("-a")}), 0);
        QVERIFY(ipJson(QStringLiteral("link show type bridge")).isEmpty());
        QVERIFY(!ipJson(QStringLiteral("link show dev em1")).at(0).toObject().contains(QStringLiteral("master")));

        // Undone: the original file, which ifupdown still brings up.
        QVERIFY(!undoConfigFiles(applied));
        QCOMPARE(readAll(s.interfacesFile), original);
        QVERIFY(!QFileInfo::exists(config.at(0).path));
        QCOMPARE(inHost(QStringLiteral("ifquery"), files + QStringList{QStringLiteral("--list"), QStringLiteral("-a")},
                        &list),
                 0);
        QCOMPARE(list.trimmed(), QByteArray("em1"));
        QCOMPARE(inHost(QStringLiteral("ifup"), files + QStringList{QStringLiteral("-a")}), 0);
        QVERIFY(gatewayAnswers());
        QCOMPARE(inHost(QStringLiteral("ifdown"), files + QStringList{QStringLiteral("-a")}), 0);
    }

    void networkd()
    {
        const QString daemon = QStringLiteral("/lib/systemd/systemd-networkd");
        if (!QFileInfo(daemon).isExecutable())
            QSKIP("systemd-networkd is not installed (package systemd)");
        const passwd *user = ::getpwnam("systemd-network");
        if (!user)
            QSKIP("there is no systemd-network user to run systemd-networkd as");
        for (const char *dir : {"/etc/systemd/network", "/run/systemd"}) {
            if (!QFileInfo(QLatin1String(dir)).isDir())
                QSKIP(qPrintable(QStringLiteral("%1 is missing: nothing to mount the test's folders on").arg(QLatin1String(dir))));
        }
        QVERIFY(makeHost(QStringLiteral("networkd")));
        QVERIFY(ip(m_host, QStringLiteral("link set em1 up")));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        PersistSettings s;
        s.networkdDirectory = tmp.filePath(QStringLiteral("network"));
        // What networkd reads below: the test's folder as /etc, an empty
        // /run, and the distribution's real files.
        s.networkdSearchDirectories = {s.networkdDirectory, QStringLiteral("/usr/local/lib/systemd/network"),
                                       QStringLiteral("/usr/lib/systemd/network"),
                                       QStringLiteral("/lib/systemd/network")};
        s.networkdRunDirectory = tmp.filePath(QStringLiteral("netif"));
        s.backupDirectory = tmp.filePath(QStringLiteral("backup"));
        s.interfacesFile = tmp.filePath(QStringLiteral("no-ifupdown"));
        s.ifupdownRunDirectory = tmp.filePath(QStringLiteral("no-ifupdown"));
        QVERIFY(QDir().mkpath(s.networkdDirectory) && QDir().mkpath(s.networkdRunDirectory));
        QVERIFY(::chown(QFile::encodeName(s.networkdRunDirectory).constData(), user->pw_uid, user->pw_gid) == 0);
        QVERIFY(::chmod(QFile::encodeName(tmp.path()).constData(), 0755) == 0);

        QList<ConfigFile> config;
        const auto failure = NetworkdWriter(s).files(lanBridge(), &config);
        QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
        QList<AppliedConfigFile> applied;
        QVERIFY(!applyConfigFiles(config, s.backupDirectory, &applied));

        // Everything the child does between fork and exec is a plain system
        // call on strings prepared here.
        const QByteArray netns = QFile::encodeName(QStringLiteral("/run/netns/") + m_host);
        const QByteArray networkDir = QFile::encodeName(s.networkdDirectory);
        const QByteArray netifDir = QFile::encodeName(s.networkdRunDirectory);
        const bool hideBus = QFileInfo(QStringLiteral("/run/dbus")).isDir();
        QProcess networkd;
        networkd.setProcessChannelMode(QProcess::MergedChannels);
        networkd.setChildProcessModifier([netns, networkDir, netifDir, hideBus] {
            const int fd = ::open(netns.constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0 || ::setns(fd, CLONE_NEWNET) != 0)
                ::_exit(101);
            if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
                ::_exit(102);
            // This namespace's /sys, read-only: networkd then takes links as
            // udev-initialized, as it does in containers.
            ::umount2("/sys", MNT_DETACH);
            if (::mount("sysfs", "/sys", "sysfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
                ::_exit(103);
            if (::mount(networkDir.constData(), "/etc/systemd/network", nullptr, MS_BIND, nullptr) != 0)
                ::_exit(104);
            // The host's networkd state and journal socket out of sight; ours in their place.
            if (::mount("tmpfs", "/run/systemd", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0
                || ::mkdir("/run/systemd/netif", 0755) != 0
                || ::mount(netifDir.constData(), "/run/systemd/netif", nullptr, MS_BIND, nullptr) != 0)
                ::_exit(105);
            if (hideBus && ::mount("tmpfs", "/run/dbus", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
                ::_exit(106);
        });
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SYSTEMD_LOG_TARGET"), QStringLiteral("console"));
        networkd.setProcessEnvironment(env);
        networkd.start(daemon, {});
        QVERIFY2(networkd.waitForStarted(5000), qPrintable(networkd.errorString()));

        QElapsedTimer t;
        t.start();
        QString missing = QStringLiteral("not looked yet");
        while (t.elapsed() < 20000 && networkd.state() == QProcess::Running) {
            missing = bridgeMissing();
            if (missing.isEmpty())
                break;
            QTest::qWait(200);
        }
        const bool up = missing.isEmpty();
        const bool answers = up && gatewayAnswers();
        // networkd writes its run state a moment after configuring, and
        // removes it when it stops: read it while it runs, as the helper would.
        const int em1Index =
            ipJson(QStringLiteral("link show dev em1")).at(0).toObject().value(QStringLiteral("ifindex")).toInt();
        const QString linkStatePath = s.networkdRunDirectory + QStringLiteral("/links/") + QString::number(em1Index);
        while (up && t.elapsed() < 30000 && !readAll(linkStatePath).contains("ADMIN_STATE=configured"))
            QTest::qWait(200);
        const QByteArray linkState = readAll(linkStatePath);
        BackendDetector detector(s, QDBusConnection(QStringLiteral("passerelle-no-bus")));
        const bool hasRun = detector.networkdHasRun();
        PersistBackend backend = PersistBackend::None;
        QString detail;
        const auto chooseFailure = detector.choose(QStringLiteral("em1"), em1Index, &backend, &detail);
        networkd.terminate();
        networkd.waitForFinished(5000);
        const QString log = QString::fromLocal8Bit(networkd.readAll());
        QVERIFY2(up, qPrintable(QStringLiteral("%1 (exit %2)\n%3").arg(missing).arg(networkd.exitCode()).arg(log)));
        QVERIFY(answers);
        QCOMPARE(stpState(), 0);

        // networkd took our files, and read them without a complaint.
        QVERIFY2(log.contains(QLatin1String("em1: Configuring with /etc/systemd/network/10-passerelle-em1.network")),
                 qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("br0: Configuring with /etc/systemd/network/10-passerelle-br0.network")),
                 qPrintable(log));
        for (const QString &line : log.split(QLatin1Char('\n'))) {
            if (line.contains(QLatin1String("10-passerelle-")))
                QVERIFY2(!line.contains(QLatin1String("ignoring"), Qt::CaseInsensitive)
                             && !line.contains(QLatin1String("Failed"), Qt::CaseInsensitive)
                             && !line.contains(QLatin1String("Invalid"), Qt::CaseInsensitive)
                             && !line.contains(QLatin1String("Unknown"), Qt::CaseInsensitive),
                         qPrintable(line));
        }

        // Its run state, as networkd wrote it, tells the detection it manages em1.
        QVERIFY2(linkState.contains("NETWORK_FILE=/etc/systemd/network/10-passerelle-em1.network"),
                 linkState.constData());
        QVERIFY(hasRun);
        QVERIFY(!chooseFailure);
        QCOMPARE(backend, PersistBackend::Networkd);
        QVERIFY2(detail.contains(QLatin1String("ADMIN_STATE=configured")), qPrintable(detail));

        QVERIFY(!undoConfigFiles(applied));
        QVERIFY(QDir(s.networkdDirectory).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPersistBringUp)
#include "tst_persistbringup.moc"
