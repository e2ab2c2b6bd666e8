// Which network stack manages a port: ifupdown and systemd-networkd from
// their files and run state in temporary folders, NetworkManager asked on
// a private system bus (where it is absent: NetworkManager must not be
// installed on this machine), two stacks at once refused, the helper.conf
// setting read and obeyed.
#include "networkmanagerconnections.h"
#include "persistbackend.h"
#include "systembusfixture.h"

#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Passerelle;

namespace {

bool writeAll(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

const QString nmService = QStringLiteral("org.freedesktop.NetworkManager");

} // namespace

class TestPersistDetection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_case = 0;

    // Empty folders for a machine with ifupdown installed and nothing configured.
    PersistSettings freshMachine(bool withInterfaces = true)
    {
        const QString root = m_tmp.filePath(QString::number(++m_case));
        PersistSettings s;
        s.interfacesFile = root + QStringLiteral("/etc/network/interfaces");
        s.ifupdownDirectory = root + QStringLiteral("/etc/network/interfaces.d");
        s.ifupdownRunDirectory = root + QStringLiteral("/run/network");
        s.networkdDirectory = root + QStringLiteral("/etc/systemd/network");
        s.networkdRunDirectory = root + QStringLiteral("/run/systemd/netif");
        s.networkdSearchDirectories = {s.networkdDirectory, root + QStringLiteral("/run/systemd/network"),
                                       root + QStringLiteral("/usr/lib/systemd/network")};
        s.netplanOutputDirectory = root + QStringLiteral("/run/systemd/network");
        for (const QString &dir : {s.ifupdownDirectory, s.ifupdownRunDirectory, s.networkdDirectory})
            QDir().mkpath(dir);
        if (withInterfaces)
            writeAll(s.interfacesFile, "source " + s.ifupdownDirectory.toUtf8() + "/*\nauto lo\niface lo inet loopback\n");
        return s;
    }

    static QDBusConnection noBus() { return QDBusConnection(QStringLiteral("passerelle-no-bus")); }

    static QList<PersistBackend> backends(const QList<BackendEvidence> &evidence)
    {
        QList<PersistBackend> list;
        for (const BackendEvidence &e : evidence) {
            list.append(e.backend);
            if (e.detail.isEmpty())
                qWarning("evidence without a detail");
        }
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(!noBus().isConnected());
    }

    void keys()
    {
        for (PersistBackend b : {PersistBackend::None, PersistBackend::Ifupdown, PersistBackend::Networkd,
                                 PersistBackend::NetworkManager})
            QCOMPARE(persistBackendFromKey(persistBackendKey(b)), std::optional<PersistBackend>(b));
        QCOMPARE(persistBackendKey(PersistBackend::Networkd), QStringLiteral("networkd"));
        QVERIFY(!persistBackendFromKey(QStringLiteral("auto")));
        QVERIFY(!persistBackendFromKey(QStringLiteral("NetworkManager")));
    }

    void settingsFromHelperConf()
    {
        const QString conf = m_tmp.filePath(QStringLiteral("helper.conf"));
        QVERIFY(writeAll(conf, "[helper]\nidle-timeout=30\n\n[persist]\nbackend=networkd\n"
                               "networkd-dir=/srv/network/\nifupdown-dir=relative/path\n"));
        QSettings ini(conf, QSettings::IniFormat);
        PersistSettings s;
        QStringList warnings;
        s.read(ini, &warnings);
        QVERIFY(!s.automatic);
        QCOMPARE(s.backend, PersistBackend::Networkd);
        QCOMPARE(s.networkdDirectory, QStringLiteral("/srv/network"));
        QCOMPARE(s.ifupdownDirectory, QStringLiteral("/etc/network/interfaces.d"));   // refused, default kept
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.at(0).contains(QLatin1String("ifupdown-dir")));

        QVERIFY(writeAll(conf, "[persist]\nbackend=systemd\n"));
        QSettings bad(conf, QSettings::IniFormat);
        PersistSettings d;
        warnings.clear();
        d.read(bad, &warnings);
        QVERIFY(d.automatic);
        QCOMPARE(warnings.size(), 1);

        // The setting wins over what is detected.
        PersistSettings fixed = freshMachine();
        fixed.automatic = false;
        fixed.backend = PersistBackend::None;
        QVERIFY(writeAll(fixed.ifupdownDirectory + QStringLiteral("/em1"), "iface em1 inet dhcp\n"));
        PersistBackend chosen = PersistBackend::Ifupdown;
        QString detail;
        QVERIFY(!BackendDetector(fixed, noBus()).choose(QStringLiteral("em1"), 2, &chosen, &detail));
        QCOMPARE(chosen, PersistBackend::None);
        QVERIFY(detail.contains(QLatin1String("backend=none")));
    }

    void ifupdown()
    {
        const PersistSettings s = freshMachine();
        BackendDetector detector(s, noBus());
        QVERIFY(detector.detect(QStringLiteral("em1"), 2).isEmpty());

        // Brought up by ifup: its state file names the interface.
        QVERIFY(writeAll(s.ifupdownRunDirectory + QStringLiteral("/ifstate.em1"), "em1\n"));
        QString detail;
        QVERIFY(detector.ifupdownManages(QStringLiteral("em1"), &detail));
        QVERIFY(detail.contains(QLatin1String("ifstate.em1")));
        QCOMPARE(backends(detector.detect(QStringLiteral("em1"), 2)), QList<PersistBackend>{PersistBackend::Ifupdown});
        // Down again, the empty file stays behind: not managed by that alone.
        QVERIFY(writeAll(s.ifupdownRunDirectory + QStringLiteral("/ifstate.em1"), ""));
        QVERIFY(!detector.ifupdownManages(QStringLiteral("em1"), nullptr));

        // A stanza in a sourced file; one for another interface does not count.
        QVERIFY(writeAll(s.ifupdownDirectory + QStringLiteral("/lan"), "iface em10 inet dhcp\n"));
        QVERIFY(!detector.ifupdownManages(QStringLiteral("em1"), nullptr));
        QVERIFY(writeAll(s.ifupdownDirectory + QStringLiteral("/lan"), "allow-hotplug em1\niface em1 inet dhcp\n"));
        QVERIFY(detector.ifupdownManages(QStringLiteral("em1"), &detail));
        QVERIFY(detail.contains(s.ifupdownDirectory + QStringLiteral("/lan")));

        // A stanza in a file the interfaces file does not read does not count either.
        QVERIFY(writeAll(s.interfacesFile, "auto lo\niface lo inet loopback\n"));
        QVERIFY(!detector.ifupdownManages(QStringLiteral("em1"), nullptr));
        QVERIFY(writeAll(s.interfacesFile, "auto em1\niface em1 inet static\n    address 192.0.2.10/24\n"));
        QVERIFY(detector.ifupdownManages(QStringLiteral("em1"), nullptr));
    }

    void networkd()
    {
        const PersistSettings s = freshMachine(false);
        BackendDetector detector(s, noBus());
        const QString link = s.networkdRunDirectory + QStringLiteral("/links/7");
        QVERIFY(writeAll(link, "# This is private data. Do not parse.\nADMIN_STATE=unmanaged\nOPER_STATE=carrier\n"));
        QVERIFY(!detector.networkdManages(QStringLiteral("em1"), 7, nullptr));
        QVERIFY(writeAll(link, "# This is private data. Do not parse.\nADMIN_STATE=configured\nOPER_STATE=enslaved\n"));
        QString detail;
        QVERIFY(detector.networkdManages(QStringLiteral("em1"), 7, &detail));
        QVERIFY(detail.contains(QLatin1String("ADMIN_STATE=configured")));
        QVERIFY(!detector.networkdManages(QStringLiteral("em1"), 8, nullptr));   // another link's file
        QVERIFY(writeAll(link, "ADMIN_STATE=configuring\n"));
        QVERIFY(detector.networkdManages(QStringLiteral("em1"), 7, nullptr));
        QVERIFY(QFile::remove(link));

        // A matching .network file counts once networkd has run.
        QVERIFY(writeAll(s.networkdDirectory + QStringLiteral("/20-wired.network"), "[Match]\nName=em*\n\n[Network]\nDHCP=yes\n"));
        QVERIFY(!detector.networkdHasRun());
        QVERIFY(!detector.networkdManages(QStringLiteral("em1"), 7, nullptr));
        QVERIFY(writeAll(s.networkdRunDirectory + QStringLiteral("/state"), "OPER_STATE=routable\n"));
        QVERIFY(detector.networkdHasRun());
        QVERIFY(detector.networkdManages(QStringLiteral("em1"), 7, &detail));
        QVERIFY(detail.contains(QLatin1String("20-wired.network")));
        QVERIFY(!detector.networkdManages(QStringLiteral("wlan0"), 9, nullptr));

        // Nothing else manages it: networkd is chosen.
        PersistBackend chosen = PersistBackend::None;
        QVERIFY(!detector.choose(QStringLiteral("em1"), 7, &chosen, &detail));
        QCOMPARE(chosen, PersistBackend::Networkd);
    }

    // Ubuntu: netplan writes em1's .network in /run at boot; detection
    // finds it there and says netplan is behind it.
    void networkdFromNetplan()
    {
        const PersistSettings s = freshMachine(false);
        BackendDetector detector(s, noBus());
        QVERIFY(writeAll(s.networkdRunDirectory + QStringLiteral("/state"), "OPER_STATE=routable\n"));
        const QString netplanFile = s.netplanOutputDirectory + QStringLiteral("/10-netplan-em1.network");
        QVERIFY(writeAll(netplanFile, "[Match]\nName=em1\n\n[Network]\nDHCP=ipv4\n"));
        QString detail;
        QVERIFY(detector.networkdManages(QStringLiteral("em1"), 0, &detail));
        QVERIFY2(detail.contains(QLatin1String("netplan manages em1")) && detail.contains(netplanFile),
                 qPrintable(detail));
        QVERIFY(!detector.networkdManages(QStringLiteral("em2"), 0, nullptr));

        // networkd's link state names the file it applied.
        QVERIFY(writeAll(s.networkdRunDirectory + QStringLiteral("/links/4"),
                         "ADMIN_STATE=configured\nNETWORK_FILE=" + netplanFile.toUtf8() + "\n"));
        QVERIFY(detector.networkdManages(QStringLiteral("em1"), 4, &detail));
        QVERIFY2(detail.contains(QLatin1String("ADMIN_STATE=configured")) && detail.contains(QLatin1String("netplan")),
                 qPrintable(detail));

        // The admin's file in /usr/lib that comes first is no netplan's.
        const QString libFile = s.networkdSearchDirectories.at(2) + QStringLiteral("/05-wired.network");
        QVERIFY(writeAll(libFile, "# not from netplan\n[Match]\nName=em*\n"));
        QVERIFY(detector.networkdManages(QStringLiteral("em1"), 0, &detail));
        QVERIFY2(detail.contains(libFile) && !detail.contains(QLatin1String("netplan manages")), qPrintable(detail));
    }

    void twoStacksConflict()
    {
        const PersistSettings s = freshMachine();
        QVERIFY(writeAll(s.interfacesFile, "auto em1\niface em1 inet dhcp\n"));
        QVERIFY(writeAll(s.networkdRunDirectory + QStringLiteral("/links/3"), "ADMIN_STATE=configured\n"));
        BackendDetector detector(s, noBus());
        QCOMPARE(backends(detector.detect(QStringLiteral("em1"), 3)),
                 (QList<PersistBackend>{PersistBackend::Networkd, PersistBackend::Ifupdown}));
        PersistBackend chosen = PersistBackend::None;
        const auto failure = detector.choose(QStringLiteral("em1"), 3, &chosen, nullptr);
        QVERIFY(failure);
        QVERIFY(failure->is(HelperError::PersistConflict));
        QCOMPARE(failure->parameters.value(0), QStringLiteral("networkd,ifupdown"));
        QVERIFY(failure->parameters.value(1).contains(QLatin1String("ADMIN_STATE=configured")));
        QCOMPARE(chosen, PersistBackend::None);
    }

    void nothingManagesThePort()
    {
        PersistBackend chosen = PersistBackend::None;
        QString detail;
        const PersistSettings debian = freshMachine();
        QVERIFY(!BackendDetector(debian, noBus()).choose(QStringLiteral("em1"), 2, &chosen, &detail));
        QCOMPARE(chosen, PersistBackend::Ifupdown);
        QVERIFY(detail.contains(QLatin1String("nothing manages em1")));

        const PersistSettings bare = freshMachine(false);
        chosen = PersistBackend::Ifupdown;
        QVERIFY(!BackendDetector(bare, noBus()).choose(QStringLiteral("em1"), 2, &chosen, &detail));
        QCOMPARE(chosen, PersistBackend::None);
    }

    void networkManagerAbsentFromTheBus()
    {
        const QString reason = SystemBusFixture::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        SystemBusFixture bus;
        QString error;
        QVERIFY2(bus.start(QString(), &error), qPrintable(error));
        QVERIFY(!bus.bus().interface()->isServiceRegistered(nmService).value());

        const PersistSettings s = freshMachine();
        QVERIFY(writeAll(s.interfacesFile, "auto em1\niface em1 inet dhcp\n"));
        BackendDetector detector(s, bus.bus());
        QVERIFY(!detector.networkManagerManages(QStringLiteral("em1"), nullptr));
        // Still ifupdown alone: the absent service is no stack.
        QCOMPARE(backends(detector.detect(QStringLiteral("em1"), 2)), QList<PersistBackend>{PersistBackend::Ifupdown});

        NetworkManagerSettings nm(bus.bus());
        QVERIFY(!nm.isRunning());
        QList<AddedNmConnection> added;
        PersistentBridge b;
        b.name = QStringLiteral("br0");
        b.ports = {QStringLiteral("em1")};
        const auto failure = nm.add(networkManagerConnections(b), &added);
        QVERIFY(failure);
        QVERIFY(failure->is(HelperError::Failed));
        QCOMPARE(failure->parameters.value(0), QStringLiteral("AddConnection"));
        QVERIFY(added.isEmpty());
    }

    void networkManagerOnTheSystemBus()
    {
        // NetworkManager is not installed here on purpose (its postinst could
        // start it and take the host's network); where it runs, ask it.
        QDBusConnection system = QDBusConnection::systemBus();
        if (!system.isConnected() || !system.interface()->isServiceRegistered(nmService).value())
            QSKIP("NetworkManager is not on the system bus here (it must not be installed on this machine); "
                  "the connection settings are checked in tst_persistwriters");
        const QString port = qEnvironmentVariable("PASSERELLE_NM_TEST_PORT");
        if (port.isEmpty())
            QSKIP("NetworkManager runs: set PASSERELLE_NM_TEST_PORT to a device it manages to check detection");
        BackendDetector detector(PersistSettings(), system);
        QString detail;
        QVERIFY(detector.networkManagerManages(port, &detail));
        QVERIFY(detail.contains(port));
    }
};

QTEST_GUILESS_MAIN(TestPersistDetection)
#include "tst_persistdetection.moc"
