// The persistence writers on real files in temporary folders: the
// ifupdown file and the rewrite of a file that already configures the port
// (every other byte kept), the systemd-networkd units and their conflicts,
// NetworkManager's connection settings as they go on the wire, Docker's
// boot-order drop-in, and applying and undoing a set of files.
#include "configfiles.h"
#include "dockerbootorder.h"
#include "ifupdownwriter.h"
#include "networkdwriter.h"
#include "networkmanagerconnections.h"
#include "persistentbridge.h"
#include "safefile.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Passerelle;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

PersistentBridge seedBridge()
{
    PersistentBridge b;
    b.name = QStringLiteral("br0");
    b.ports = {QStringLiteral("em1")};
    b.staticAddresses = {QStringLiteral("192.168.7.31/24")};
    b.ipv4Gateway = QStringLiteral("192.168.7.254");
    return b;
}

// A Debian interfaces file as the manual procedure leaves it: em1 both in
// an auto line shared with lo and in allow-hotplug, an option continued on
// a second line, comments inside and around, a CRLF line, no final newline.
const QByteArray mainInterfaces = QByteArrayLiteral(
    "# interfaces(5) file used by ifup(8) and ifdown(8)\n"
    "source /etc/network/interfaces.d/*\n"
    "\n"
    "auto lo em1\n"
    "iface lo inet loopback\n"
    "\n"
    "allow-hotplug em1\n"
    "# The primary network interface\n"
    "iface em1 inet static\n"
    "\taddress 192.168.7.31/24\n"
    "    # the office gateway\n"
    "    gateway 192.168.7.254\n"
    "    dns-nameservers 192.168.7.254 \\\n"
    "        9.9.9.9\n"
    "\n"
    "iface em1 inet6 auto\r\n"
    "\n"
    "auto em2\n"
    "iface em2 inet dhcp\n"
    "    hostname em1");

} // namespace

class TestPersistWriters : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    PersistSettings settingsIn(const QString &root)
    {
        PersistSettings s;
        s.automatic = false;
        s.interfacesFile = root + QStringLiteral("/etc/network/interfaces");
        s.ifupdownDirectory = root + QStringLiteral("/etc/network/interfaces.d");
        s.networkdDirectory = root + QStringLiteral("/etc/systemd/network");
        // networkd's folders, here and not the host's: /etc, /run (where
        // netplan writes), /usr/lib.
        s.networkdSearchDirectories = {s.networkdDirectory, root + QStringLiteral("/run/systemd/network"),
                                       root + QStringLiteral("/usr/lib/systemd/network")};
        s.netplanOutputDirectory = root + QStringLiteral("/run/systemd/network");
        s.dockerDropInDirectory = root + QStringLiteral("/etc/systemd/system/docker.service.d");
        s.backupDirectory = root + QStringLiteral("/var/lib/passerelle/persist-backup");
        QDir().mkpath(s.ifupdownDirectory);
        for (const QString &folder : std::as_const(s.networkdSearchDirectories))
            QDir().mkpath(folder);
        return s;
    }

    QString freshRoot(const char *name)
    {
        const QString root = m_tmp.filePath(QString::fromLatin1(name));
        QDir(root).removeRecursively();
        QDir().mkpath(root);
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void validate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("seed") << QString() << QString() << true;
        QTest::newRow("name-with-newline") << "name" << "br0\nauto em1" << false;
        QTest::newRow("name-with-space") << "name" << "br 0" << false;
        QTest::newRow("name-too-long") << "name" << "br0123456789abcd" << false;
        QTest::newRow("name-glob") << "name" << "br*" << false;
        QTest::newRow("name-dotted") << "name" << "br0.10" << true;
        QTest::newRow("port-slash") << "port" << "../em1" << false;
        QTest::newRow("port-is-bridge") << "port" << "br0" << false;
        QTest::newRow("mac") << "mac" << "52:54:00:AB:cd:01" << true;
        QTest::newRow("mac-short") << "mac" << "52:54:00:ab:cd" << false;
        QTest::newRow("address-v6") << "address" << "2001:db8::10/64" << true;
        QTest::newRow("address-no-prefix") << "address" << "192.168.7.31" << false;
        QTest::newRow("address-mask") << "address" << "192.168.7.31/255.255.255.0" << false;
        QTest::newRow("address-prefix-range") << "address" << "192.168.7.31/33" << false;
        QTest::newRow("address-injection") << "address" << "192.168.7.31/24\n    up rm -rf /" << false;
        QTest::newRow("gateway-v6-in-v4") << "gateway4" << "2001:db8::1" << false;
        QTest::newRow("gateway-v6") << "gateway6" << "2001:db8::1" << true;
        QTest::newRow("gateway-scoped") << "gateway6" << "fe80::1%em1" << false;
        QTest::newRow("dhcp-with-v4") << "dhcp" << "" << false;
    }

    void validate()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        PersistentBridge b = seedBridge();
        if (field == QLatin1String("name"))
            b.name = value;
        else if (field == QLatin1String("port"))
            b.ports = {value};
        else if (field == QLatin1String("mac"))
            b.mac = value;
        else if (field == QLatin1String("address"))
            b.staticAddresses.append(value);
        else if (field == QLatin1String("gateway4"))
            b.ipv4Gateway = value;
        else if (field == QLatin1String("gateway6"))
            b.ipv6Gateway = value;
        else if (field == QLatin1String("dhcp"))
            b.dhcpv4 = true;
        const auto failure = b.validate();
        QCOMPARE(!failure.has_value(), valid);
        if (failure)
            QVERIFY(failure->is(HelperError::InvalidArgument));
    }

    void ifupdownStanzas()
    {
        PersistentBridge b = seedBridge();
        b.ports = {QStringLiteral("em1"), QStringLiteral("em2")};
        b.stp = true;
        b.mac = QStringLiteral("52:54:00:AB:CD:01");
        b.staticAddresses = {QStringLiteral("192.168.7.31/24"), QStringLiteral("2001:db8::31/64"),
                             QStringLiteral("10.1.0.1/16"), QStringLiteral("2001:db8:1::31/64")};
        b.ipv6Gateway = QStringLiteral("2001:db8::1");
        QCOMPARE(IfupdownWriter::bridgeStanzas(b),
                 QByteArrayLiteral("# Written by Passerelle so that the bridge br0 and its ports come back after a reboot.\n"
                                   "# Passerelle replaces this file when the bridge changes.\n"
                                   "auto br0\n"
                                   "iface br0 inet static\n"
                                   "    bridge_ports em1 em2\n"
                                   "    bridge_stp on\n"
                                   "    bridge_hw 52:54:00:ab:cd:01\n"
                                   "    address 192.168.7.31/24\n"
                                   "    gateway 192.168.7.254\n"
                                   "\n"
                                   "iface br0 inet static\n"
                                   "    address 10.1.0.1/16\n"
                                   "\n"
                                   "iface br0 inet6 static\n"
                                   "    address 2001:db8::31/64\n"
                                   "    gateway 2001:db8::1\n"
                                   "\n"
                                   "iface br0 inet6 static\n"
                                   "    address 2001:db8:1::31/64\n"
                                   "\n"
                                   "iface em1 inet manual\n"
                                   "\n"
                                   "iface em2 inet manual\n"));

        PersistentBridge dhcp = seedBridge();
        dhcp.staticAddresses.clear();
        dhcp.ipv4Gateway.clear();
        dhcp.dhcpv4 = true;
        const QByteArray d = IfupdownWriter::bridgeStanzas(dhcp);
        QVERIFY(d.contains("iface br0 inet dhcp\n    bridge_ports em1\n    bridge_stp off\n"));
        QVERIFY(!d.contains("inet6"));
        QVERIFY(!d.contains("address"));

        dhcp.dhcpv4 = false;
        QVERIFY(IfupdownWriter::bridgeStanzas(dhcp).contains("iface br0 inet manual\n    bridge_ports em1\n"));
    }

    void stanzaRewrite()
    {
        const QString note = QStringLiteral("Passerelle: em1 is a port of br0 now");
        bool changed = false;
        const QByteArray out = IfupdownWriter::withoutInterface(mainInterfaces, QStringLiteral("em1"), note, &changed);
        QVERIFY(changed);
        QCOMPARE(out,
                 QByteArrayLiteral("# interfaces(5) file used by ifup(8) and ifdown(8)\n"
                                   "source /etc/network/interfaces.d/*\n"
                                   "\n"
                                   "# Passerelle: em1 is a port of br0 now\n"
                                   "#auto lo em1\n"
                                   "auto lo\n"
                                   "iface lo inet loopback\n"
                                   "\n"
                                   "# Passerelle: em1 is a port of br0 now\n"
                                   "#allow-hotplug em1\n"
                                   "# The primary network interface\n"
                                   "# Passerelle: em1 is a port of br0 now\n"
                                   "#iface em1 inet static\n"
                                   "#\taddress 192.168.7.31/24\n"
                                   "    # the office gateway\n"
                                   "#    gateway 192.168.7.254\n"
                                   "#    dns-nameservers 192.168.7.254 \\\n"
                                   "#        9.9.9.9\n"
                                   "\n"
                                   "# Passerelle: em1 is a port of br0 now\n"
                                   "#iface em1 inet6 auto\r\n"
                                   "\n"
                                   "auto em2\n"
                                   "iface em2 inet dhcp\n"
                                   "    hostname em1"));

        // Taking our additions out and the '#' off gives the file back, byte for byte.
        const QList<QByteArray> originalComments{"# interfaces(5) file used by ifup(8) and ifdown(8)",
                                                 "# The primary network interface"};
        QByteArray back;
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("# Passerelle:") || line == "auto lo")
                continue;
            back += (line.startsWith('#') && !originalComments.contains(line) ? line.mid(1) : line) + '\n';
        }
        back.chop(1);
        QCOMPARE(back, mainInterfaces);

        // An interface the file does not mention: the very same bytes.
        const QByteArray same = IfupdownWriter::withoutInterface(mainInterfaces, QStringLiteral("em3"), note, &changed);
        QVERIFY(!changed);
        QCOMPARE(same, mainInterfaces);
        // "hostname em1" is an option of em2, not a stanza of em1.
        QVERIFY(out.endsWith("iface em2 inet dhcp\n    hostname em1"));
    }

    // One note per block taken out: lines commented out one after the other
    // share it; anything kept between them starts a new block.
    void stanzaRewriteBlocks_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QList<QByteArray>>("added");   // lines of ours besides the notes

        QTest::newRow("auto then its stanza")
            << QByteArrayLiteral("auto lo\niface lo inet loopback\n\nauto em1\niface em1 inet static\n"
                                 "    address 192.168.7.31/24\n    gateway 192.168.7.254\n")
            << QByteArrayLiteral("auto lo\niface lo inet loopback\n\n# NOTE\n#auto em1\n#iface em1 inet static\n"
                                 "#    address 192.168.7.31/24\n#    gateway 192.168.7.254\n")
            << QList<QByteArray>{};
        QTest::newRow("allow-hotplug, two stanzas, later auto")
            << QByteArrayLiteral("allow-hotplug em1\niface em1 inet dhcp\niface em1 inet6 auto\n\nauto em1\n")
            << QByteArrayLiteral("# NOTE\n#allow-hotplug em1\n#iface em1 inet dhcp\n#iface em1 inet6 auto\n\n"
                                 "# NOTE\n#auto em1\n")
            << QList<QByteArray>{};
        QTest::newRow("shared auto line")
            << QByteArrayLiteral("auto lo em1\niface em1 inet dhcp\n")
            << QByteArrayLiteral("# NOTE\n#auto lo em1\nauto lo\n# NOTE\n#iface em1 inet dhcp\n")
            << QList<QByteArray>{"auto lo"};
        QTest::newRow("comment between")
            << QByteArrayLiteral("auto em1\n# uplink\niface em1 inet dhcp\n")
            << QByteArrayLiteral("# NOTE\n#auto em1\n# uplink\n# NOTE\n#iface em1 inet dhcp\n")
            << QList<QByteArray>{};
        QTest::newRow("another stanza between")
            << QByteArrayLiteral("iface em1 inet dhcp\n    # kept\n    hostname a\niface em2 inet dhcp\nauto em1")
            << QByteArrayLiteral("# NOTE\n#iface em1 inet dhcp\n    # kept\n#    hostname a\niface em2 inet dhcp\n"
                                 "# NOTE\n#auto em1\n")
            << QList<QByteArray>{};
    }

    void stanzaRewriteBlocks()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        QFETCH(QList<QByteArray>, added);
        bool changed = false;
        const QByteArray out = IfupdownWriter::withoutInterface(content, QStringLiteral("em1"), QStringLiteral("NOTE"),
                                                                &changed);
        QVERIFY(changed);
        QCOMPARE(out, expected);

        // Taking our additions out and the '#' off gives the file back (a
        // last line without a newline gets one when it is commented out).
        QByteArray back;
        for (const QByteArray &line : out.split('\n')) {
            if (line == "# NOTE" || added.contains(line))
                continue;
            back += (line.startsWith('#') && !content.contains(line + '\n') ? line.mid(1) : line) + '\n';
        }
        back.chop(1);
        if (!content.endsWith('\n'))
            back.chop(1);
        QCOMPARE(back, content);
    }

    void ifupdownFiles()
    {
        const QString root = freshRoot("ifupdown");
        const PersistSettings s = settingsIn(root);
        QByteArray interfaces = mainInterfaces;
        interfaces.replace("source /etc/network/interfaces.d/*", "source " + s.ifupdownDirectory.toUtf8() + "/*");
        QVERIFY(writeAll(s.interfacesFile, interfaces));
        // Another file of interfaces.d configures em1 too, and one does not.
        const QString other = s.ifupdownDirectory + QStringLiteral("/em1");
        QVERIFY(writeAll(other, "allow-hotplug em1\niface em1 inet dhcp\n"));
        const QString unrelated = s.ifupdownDirectory + QStringLiteral("/wlan0");
        QVERIFY(writeAll(unrelated, "iface wlan0 inet dhcp\n"));

        IfupdownWriter writer(s);
        QCOMPARE(writer.configurationFiles(), (QStringList{s.interfacesFile, other, unrelated}));
        QCOMPARE(writer.filesConfiguring(QStringLiteral("em1")), (QStringList{s.interfacesFile, other}));
        QVERIFY(writer.interfacesFileReads(writer.bridgeFilePath(QStringLiteral("br0"))));

        QList<ConfigFile> files;
        const auto failure = writer.files(seedBridge(), &files);
        QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
        QCOMPARE(files.size(), 3);
        QCOMPARE(files.at(0).path, s.ifupdownDirectory + QStringLiteral("/passerelle-br0"));
        QCOMPARE(files.at(0).content, IfupdownWriter::bridgeStanzas(seedBridge()));
        QCOMPARE(files.at(1).path, s.interfacesFile);
        QVERIFY(files.at(1).content.contains("#iface em1 inet static\n"));
        QVERIFY(files.at(1).content.contains("\nauto lo\n"));
        QCOMPARE(files.at(2).path, other);
        // allow-hotplug directly followed by its stanza: one block, one note.
        QCOMPARE(files.at(2).content,
                 "# Passerelle: em1 is a port of br0 now, configured in " + files.at(0).path.toUtf8()
                     + "; its previous configuration:\n#allow-hotplug em1\n#iface em1 inet dhcp\n");

        // The bridge's own stanza elsewhere (the manual procedure's) goes too.
        QVERIFY(writeAll(unrelated, "auto br0\niface br0 inet dhcp\n    bridge_ports em1\n"));
        QVERIFY(!writer.files(seedBridge(), &files));
        QCOMPARE(files.size(), 4);
        QCOMPARE(files.at(3).path, unrelated);
        QCOMPARE(files.at(3).content,
                 "# Passerelle: br0 is configured in " + files.at(0).path.toUtf8()
                     + " now; its previous configuration:\n#auto br0\n#iface br0 inet dhcp\n#    bridge_ports em1\n");
    }

    void ifupdownConflicts_data()
    {
        QTest::addColumn<QByteArray>("interfaces");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("glob") << QByteArrayLiteral("source DIR/*\n") << true;
        QTest::newRow("relative-glob") << QByteArrayLiteral("source interfaces.d/*\n") << true;
        QTest::newRow("source-directory") << QByteArrayLiteral("source-directory DIR\n") << true;
        QTest::newRow("cfg-only") << QByteArrayLiteral("source DIR/*.cfg\n") << false;
        QTest::newRow("commented") << QByteArrayLiteral("#source DIR/*\n") << false;
        QTest::newRow("nothing") << QByteArrayLiteral("auto lo\niface lo inet loopback\n") << false;
        QTest::newRow("mapping") << QByteArrayLiteral("source DIR/*\nmapping em1\n    script /usr/local/bin/map\n")
                                 << false;
        QTest::newRow("no-file") << QByteArray() << false;
    }

    void ifupdownConflicts()
    {
        QFETCH(QByteArray, interfaces);
        QFETCH(bool, accepted);
        const QString root = freshRoot("conflicts");
        const PersistSettings s = settingsIn(root);
        if (!interfaces.isEmpty())
            QVERIFY(writeAll(s.interfacesFile, interfaces.replace("DIR", s.ifupdownDirectory.toUtf8())));
        QList<ConfigFile> files;
        const auto failure = IfupdownWriter(s).files(seedBridge(), &files);
        QCOMPARE(!failure.has_value(), accepted);
        if (failure) {
            QVERIFY(failure->is(HelperError::PersistConflict));
            QCOMPARE(failure->parameters.value(0), QStringLiteral("ifupdown"));
            QVERIFY(!failure->parameters.value(1).isEmpty());
        }
    }

    void networkdUnits()
    {
        PersistentBridge b = seedBridge();
        b.mac = QStringLiteral("52:54:00:AB:CD:01");
        b.staticAddresses.append(QStringLiteral("2001:db8::31/64"));
        b.ipv6Gateway = QStringLiteral("2001:db8::1");
        QCOMPARE(NetworkdWriter::netdev(b),
                 QByteArrayLiteral("# Written by Passerelle so that the bridge br0 comes back after a reboot.\n"
                                   "# Passerelle replaces this file when the bridge changes.\n"
                                   "[NetDev]\nName=br0\nKind=bridge\nMACAddress=52:54:00:ab:cd:01\n\n[Bridge]\nSTP=no\n"));
        const QByteArray network = NetworkdWriter::bridgeNetwork(b);
        QVERIFY(network.contains("[Match]\nName=br0\n\n[Network]\nAddress=192.168.7.31/24\nAddress=2001:db8::31/64\n"
                                 "Gateway=192.168.7.254\nGateway=2001:db8::1\n"));
        QVERIFY(!network.contains("DHCP"));
        QVERIFY(NetworkdWriter::portNetwork(QStringLiteral("em1"), QStringLiteral("br0"))
                    .endsWith("[Match]\nName=em1\n\n[Network]\nBridge=br0\n"));
        b.staticAddresses = {QStringLiteral("2001:db8::31/64")};
        b.ipv4Gateway.clear();
        b.dhcpv4 = true;
        QVERIFY(NetworkdWriter::bridgeNetwork(b).contains("[Network]\nDHCP=ipv4\nAddress=2001:db8::31/64\n"));
        b.stp = true;
        QVERIFY(NetworkdWriter::netdev(b).endsWith("[Bridge]\nSTP=yes\n"));
    }

    void networkdMatch_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << QByteArrayLiteral("[Match]\nName=em1\n") << "em1" << true;
        QTest::newRow("glob") << QByteArrayLiteral("[Match]\nName=en* em*\n") << "em1" << true;
        QTest::newRow("other") << QByteArrayLiteral("[Match]\nName=en*\n") << "em1" << false;
        QTest::newRow("negated") << QByteArrayLiteral("[Match]\nName=!em1\n") << "em1" << false;
        QTest::newRow("negated-other") << QByteArrayLiteral("[Match]\nName=!em2\n") << "em1" << true;
        QTest::newRow("reset") << QByteArrayLiteral("[Match]\nName=em1\nName=\nName=em2\n") << "em1" << false;
        QTest::newRow("not-in-match") << QByteArrayLiteral("[Network]\nName=em1\n") << "em1" << false;
        QTest::newRow("no-name") << QByteArrayLiteral("[Match]\nType=ether\n") << "em1" << false;
        QTest::newRow("comments") << QByteArrayLiteral("# x\n[Match]\n; y\n  Name = em1  \n") << "em1" << true;
    }

    void networkdMatch()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(NetworkdWriter::networkFileMatches(content, name), matches);
    }

    void networkdConflicts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("none") << QString() << QByteArray() << true;
        QTest::newRow("earlier-port-match") << "05-wired.network" << QByteArrayLiteral("[Match]\nName=em*\n") << false;
        QTest::newRow("earlier-bridge-match") << "05-br.network" << QByteArrayLiteral("[Match]\nName=br0\n") << false;
        QTest::newRow("later-match") << "50-wired.network" << QByteArrayLiteral("[Match]\nName=em*\n") << true;
        QTest::newRow("same-netdev") << "50-br0.netdev" << QByteArrayLiteral("[NetDev]\nName=br0\nKind=bridge\n")
                                     << false;
        QTest::newRow("other-netdev") << "50-br1.netdev" << QByteArrayLiteral("[NetDev]\nName=br1\nKind=bridge\n")
                                      << true;
        QTest::newRow("ours-already") << "10-passerelle-em1.network" << QByteArrayLiteral("[Match]\nName=em1\n")
                                      << true;
    }

    void networkdConflicts()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(bool, accepted);
        const QString root = freshRoot("networkd");
        const PersistSettings s = settingsIn(root);
        if (!file.isEmpty())
            QVERIFY(writeAll(s.networkdDirectory + QLatin1Char('/') + file, content));
        QList<ConfigFile> files;
        const auto failure = NetworkdWriter(s).files(seedBridge(), &files);
        QCOMPARE(!failure.has_value(), accepted);
        if (failure) {
            QVERIFY(failure->is(HelperError::PersistConflict));
            QCOMPARE(failure->parameters.value(0), QStringLiteral("networkd"));
            return;
        }
        QCOMPARE(files.size(), 3);
        QCOMPARE(files.at(0).path, s.networkdDirectory + QStringLiteral("/10-passerelle-br0.netdev"));
        QCOMPARE(files.at(1).path, s.networkdDirectory + QStringLiteral("/10-passerelle-br0.network"));
        QCOMPARE(files.at(2).path, s.networkdDirectory + QStringLiteral("/10-passerelle-em1.network"));
    }

    // Files in every folder networkd reads, as "etc|run|lib/<name>" and
    // content; the conflict's detail must contain DETAIL, none when empty.
    void networkdFolders_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QList<QByteArray>>("contents");
        QTest::addColumn<QString>("detail");
        const QByteArray em = "[Match]\nName=em*\n\n[Network]\nDHCP=yes\n";
        const QByteArray wlan = "[Match]\nName=wlan*\n\n[Network]\nDHCP=yes\n";
        const QByteArray netplanEm1 = "# This file was generated by netplan\n[Match]\nName=em1\n\n[Network]\n"
                                      "Address=192.168.7.31/24\n";
        QTest::newRow("netplan-in-run") << QStringList{"run/10-netplan-em1.network"}
                                        << QList<QByteArray>{"[Match]\nName=em1\n\n[Network]\nDHCP=ipv4\n"}
                                        << "netplan manages em1 (%1/run/systemd/network/10-netplan-em1.network): "
                                           "change /etc/netplan instead";
        QTest::newRow("netplan-by-content") << QStringList{"run/05-lan.network"} << QList<QByteArray>{netplanEm1}
                                            << "netplan manages em1";
        QTest::newRow("netplan-netdev") << QStringList{"run/10-netplan-br0.netdev"}
                                        << QList<QByteArray>{"[NetDev]\nName=br0\nKind=bridge\n"}
                                        << "netplan manages br0";
        QTest::newRow("earlier-in-run") << QStringList{"run/05-wired.network"} << QList<QByteArray>{em}
                                        << "05-wired.network matches em1 and comes before";
        QTest::newRow("earlier-in-lib") << QStringList{"lib/05-wired.network"} << QList<QByteArray>{em}
                                        << "/usr/lib/systemd/network/05-wired.network matches em1";
        // Outside netplan's folder, a mention of netplan is the admin's.
        QTest::newRow("netplan-text-in-lib") << QStringList{"lib/05-lan.network"} << QList<QByteArray>{netplanEm1}
                                             << "05-lan.network matches em1 and comes before";
        QTest::newRow("later-in-lib") << QStringList{"lib/80-wired.network"} << QList<QByteArray>{em} << QString();
        QTest::newRow("later-in-run") << QStringList{"run/50-wired.network"} << QList<QByteArray>{em} << QString();
        QTest::newRow("netdev-in-lib") << QStringList{"lib/50-br0.netdev"}
                                       << QList<QByteArray>{"[NetDev]\nName=br0\nKind=bridge\n"}
                                       << "50-br0.netdev already makes br0";
        // The same name in /etc masks the one in /usr/lib: /etc's counts.
        QTest::newRow("etc-masks-matching-lib") << QStringList{"lib/05-wired.network", "etc/05-wired.network"}
                                                << QList<QByteArray>{em, wlan} << QString();
        QTest::newRow("etc-masks-harmless-lib") << QStringList{"lib/05-wired.network", "etc/05-wired.network"}
                                                << QList<QByteArray>{wlan, em}
                                                << "%1/etc/systemd/network/05-wired.network matches em1";
        QTest::newRow("run-masks-lib") << QStringList{"lib/05-wired.network", "run/05-wired.network"}
                                       << QList<QByteArray>{em, wlan} << QString();
        QTest::newRow("etc-masks-with-dev-null") << QStringList{"lib/05-wired.network", "etc/05-wired.network"}
                                                 << QList<QByteArray>{em, "->/dev/null"} << QString();
        QTest::newRow("etc-masks-ours") << QStringList{"etc/10-passerelle-em1.network", "lib/10-passerelle-em1.network"}
                                        << QList<QByteArray>{"[Match]\nName=em1\n", "[Match]\nName=em1\n"}
                                        << QString();
        QTest::newRow("run-has-ours-name") << QStringList{"run/10-passerelle-em1.network"}
                                           << QList<QByteArray>{"[Match]\nName=em1\n"}
                                           << "%1/run/systemd/network/10-passerelle-em1.network masks";
    }

    void networkdFolders()
    {
        QFETCH(QStringList, files);
        QFETCH(QList<QByteArray>, contents);
        QFETCH(QString, detail);
        const QString root = freshRoot("networkd-folders");
        const PersistSettings s = settingsIn(root);
        const QMap<QString, QString> folders{{QStringLiteral("etc"), s.networkdSearchDirectories.at(0)},
                                             {QStringLiteral("run"), s.networkdSearchDirectories.at(1)},
                                             {QStringLiteral("lib"), s.networkdSearchDirectories.at(2)}};
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString path = folders.value(files.at(i).section(QLatin1Char('/'), 0, 0)) + QLatin1Char('/')
                + files.at(i).section(QLatin1Char('/'), 1);
            if (contents.at(i).startsWith("->"))
                QVERIFY(QFile::link(QString::fromUtf8(contents.at(i).mid(2)), path));
            else
                QVERIFY(writeAll(path, contents.at(i)));
        }
        QList<ConfigFile> out;
        const auto failure = NetworkdWriter(s).files(seedBridge(), &out);
        if (detail.isEmpty()) {
            QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
            QCOMPARE(out.size(), 3);
            return;
        }
        QVERIFY(failure);
        QVERIFY(failure->is(HelperError::PersistConflict));
        QCOMPARE(failure->parameters.value(0), QStringLiteral("networkd"));
        const QString expected = detail.contains(QLatin1String("%1")) ? detail.arg(root) : detail;
        QVERIFY2(failure->parameters.value(1).contains(expected), qPrintable(failure->parameters.value(1)));
    }

    void networkdUnitFilesInOrder()
    {
        const QString root = freshRoot("networkd-order");
        const PersistSettings s = settingsIn(root);
        const QString etc = s.networkdSearchDirectories.at(0);
        const QString run = s.networkdSearchDirectories.at(1);
        const QString lib = s.networkdSearchDirectories.at(2);
        QVERIFY(writeAll(lib + QStringLiteral("/80-container-ve.network"), "[Match]\nName=ve-*\n"));
        QVERIFY(writeAll(lib + QStringLiteral("/20-a.network"), "lib"));
        QVERIFY(writeAll(run + QStringLiteral("/10-netplan-em1.network"), "run"));
        QVERIFY(writeAll(etc + QStringLiteral("/20-a.network"), "etc"));
        QVERIFY(writeAll(etc + QStringLiteral("/99-default.link"), "not read"));
        QStringList order;
        for (const NetworkdUnitFile &unit : NetworkdWriter(s).unitFiles())
            order.append(unit.path);
        QCOMPARE(order, (QStringList{run + QStringLiteral("/10-netplan-em1.network"), etc + QStringLiteral("/20-a.network"),
                                     lib + QStringLiteral("/80-container-ve.network")}));
        QByteArray content;
        QVERIFY(!NetworkdWriter::readUnitFile(order.at(1), &content));
        QCOMPARE(content, QByteArray("etc"));
    }

    void networkManagerSettings()
    {
        PersistentBridge b = seedBridge();
        b.ports = {QStringLiteral("em1"), QStringLiteral("em2")};
        b.mac = QStringLiteral("52:54:00:ab:cd:01");
        const QList<NmConnection> connections = networkManagerConnections(b);
        QCOMPARE(connections.size(), 3);

        const NmConnection &br = connections.at(0);
        const QVariantMap c = br.settings.value(QStringLiteral("connection"));
        QCOMPARE(c.value(QStringLiteral("type")).toString(), QStringLiteral("bridge"));
        QCOMPARE(c.value(QStringLiteral("interface-name")).toString(), QStringLiteral("br0"));
        QCOMPARE(c.value(QStringLiteral("uuid")).toString(), br.uuid);
        QCOMPARE(c.value(QStringLiteral("autoconnect")).toBool(), true);
        QCOMPARE(br.settings.value(QStringLiteral("bridge")).value(QStringLiteral("stp")).toBool(), false);
        QCOMPARE(br.settings.value(QStringLiteral("bridge")).value(QStringLiteral("mac-address")).toByteArray(),
                 QByteArray::fromHex("525400abcd01"));
        const QVariantMap ipv4 = br.settings.value(QStringLiteral("ipv4"));
        QCOMPARE(ipv4.value(QStringLiteral("method")).toString(), QStringLiteral("manual"));
        QCOMPARE(ipv4.value(QStringLiteral("gateway")).toString(), QStringLiteral("192.168.7.254"));
        const NmAddressData data = qvariant_cast<NmAddressData>(ipv4.value(QStringLiteral("address-data")));
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.at(0).value(QStringLiteral("address")).toString(), QStringLiteral("192.168.7.31"));
        QCOMPARE(data.at(0).value(QStringLiteral("prefix")).toUInt(), 24u);
        QCOMPARE(br.settings.value(QStringLiteral("ipv6")).value(QStringLiteral("method")).toString(),
                 QStringLiteral("auto"));

        QSet<QString> uuids{br.uuid};
        for (int i = 1; i < connections.size(); ++i) {
            const QVariantMap pc = connections.at(i).settings.value(QStringLiteral("connection"));
            QCOMPARE(pc.value(QStringLiteral("type")).toString(), QStringLiteral("802-3-ethernet"));
            QCOMPARE(pc.value(QStringLiteral("interface-name")).toString(), b.ports.at(i - 1));
            QCOMPARE(pc.value(QStringLiteral("slave-type")).toString(), QStringLiteral("bridge"));
            QCOMPARE(pc.value(QStringLiteral("master")).toString(), br.uuid);
            QCOMPARE(pc.value(QStringLiteral("autoconnect")).toBool(), true);
            QVERIFY(connections.at(i).settings.contains(QStringLiteral("802-3-ethernet")));
            uuids.insert(connections.at(i).uuid);
        }
        QCOMPARE(uuids.size(), 3);

        // DHCP, and static IPv6.
        b.staticAddresses = {QStringLiteral("2001:db8::31/64")};
        b.ipv4Gateway.clear();
        b.dhcpv4 = true;
        const NmConnection dhcp = networkManagerConnections(b).at(0);
        QCOMPARE(dhcp.settings.value(QStringLiteral("ipv4")).value(QStringLiteral("method")).toString(),
                 QStringLiteral("auto"));
        QVERIFY(!dhcp.settings.value(QStringLiteral("ipv4")).contains(QStringLiteral("address-data")));
        QCOMPARE(dhcp.settings.value(QStringLiteral("ipv6")).value(QStringLiteral("method")).toString(),
                 QStringLiteral("manual"));

        // As AddConnection takes them: a{sa{sv}}, address-data aa{sv}, prefix u.
        registerNetworkManagerTypes();
        QDBusArgument wire;
        wire << br.settings;
        QCOMPARE(wire.currentSignature(), QStringLiteral("a{sa{sv}}"));
        QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(ipv4.value(QStringLiteral("address-data")).metaType())),
                 QStringLiteral("aa{sv}"));
        QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(data.at(0).value(QStringLiteral("prefix")).metaType())),
                 QStringLiteral("u"));
        QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(
                     br.settings.value(QStringLiteral("bridge")).value(QStringLiteral("mac-address")).metaType())),
                 QStringLiteral("ay"));

        const PersistWarning warning = networkManagerRuntimeWarning(QStringLiteral("em1"));
        QCOMPARE(warning.parameters, QStringList{QStringLiteral("em1")});
        QCOMPARE(warning.detail,
                 QStringLiteral("NetworkManager manages em1; a change made only at runtime may be undone"));
    }

    void dockerDropIn_data()
    {
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<QString>("unit");
        QTest::newRow("br0") << "br0" << "sys-subsystem-net-devices-br0.device";
        QTest::newRow("dash") << "br-lan" << "sys-subsystem-net-devices-br\\x2dlan.device";
        QTest::newRow("dot") << "br0.10" << "sys-subsystem-net-devices-br0.10.device";
        QTest::newRow("at") << "lan@1" << "sys-subsystem-net-devices-lan\\x401.device";
    }

    void dockerDropIn()
    {
        QFETCH(QString, bridge);
        QFETCH(QString, unit);
        QCOMPARE(networkDeviceUnit(bridge), unit);
        // systemd's own escaping agrees, where systemd-escape is installed.
        const QString escape = QStandardPaths::findExecutable(QStringLiteral("systemd-escape"));
        if (!escape.isEmpty()) {
            QProcess p;
            p.start(escape, {QStringLiteral("--path"), QStringLiteral("--suffix=device"),
                             QStringLiteral("/sys/subsystem/net/devices/") + bridge});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), unit);
        }
        const ConfigFile dropIn = dockerBootOrderDropIn(bridge, QStringLiteral("/etc/systemd/system/docker.service.d"));
        QCOMPARE(dropIn.path, QStringLiteral("/etc/systemd/system/docker.service.d/passerelle-bridge.conf"));
        QVERIFY(dropIn.content.contains(("\n[Unit]\nWants=" + unit + "\nAfter=" + unit + " network-online.target\n").toUtf8()));

        const QString root = freshRoot("systemd");
        QVERIFY(!systemdRuns(root + QStringLiteral("/run/systemd/system")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/run/systemd/system")));
        QVERIFY(systemdRuns(root + QStringLiteral("/run/systemd/system")));
    }

    void applyAndUndo()
    {
        const QString root = freshRoot("apply");
        const PersistSettings s = settingsIn(root);
        QByteArray interfaces = mainInterfaces;
        interfaces.replace("source /etc/network/interfaces.d/*", "source " + s.ifupdownDirectory.toUtf8() + "/*");
        QVERIFY(writeAll(s.interfacesFile, interfaces));
        QVERIFY(::chmod(QFile::encodeName(s.interfacesFile).constData(), 0640) == 0);
        QVERIFY(!QFileInfo::exists(s.dockerDropInDirectory));

        QList<ConfigFile> files;
        QVERIFY(!IfupdownWriter(s).files(seedBridge(), &files));
        files.append(dockerBootOrderDropIn(QStringLiteral("br0"), s.dockerDropInDirectory));
        QList<AppliedConfigFile> applied;
        const auto failure = applyConfigFiles(files, s.backupDirectory, &applied);
        QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
        QCOMPARE(applied.size(), 3);
        for (const ConfigFile &f : std::as_const(files))
            QCOMPARE(readAll(f.path), f.content);
        // The rewritten file keeps its mode; its backup is outside interfaces.d.
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(s.interfacesFile).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QCOMPARE(QDir(s.ifupdownDirectory).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("passerelle-br0")});
        QCOMPARE(applied.at(1).path, s.interfacesFile);
        QVERIFY(applied.at(1).backupPath.startsWith(s.backupDirectory + QLatin1Char('/')));
        QCOMPARE(readAll(applied.at(1).backupPath), interfaces);
        QVERIFY(applied.at(0).backupPath.isEmpty());
        QVERIFY(QFileInfo(s.dockerDropInDirectory).isDir());

        // Nothing to do the second time.
        QList<AppliedConfigFile> again;
        QVERIFY(!applyConfigFiles(files, s.backupDirectory, &again));
        QVERIFY(again.isEmpty());

        const auto undone = undoConfigFiles(applied);
        QVERIFY2(!undone, undone ? qPrintable(undone->detail) : "");
        QCOMPARE(readAll(s.interfacesFile), interfaces);
        QVERIFY(::stat(QFile::encodeName(s.interfacesFile).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QVERIFY(!QFileInfo::exists(files.at(0).path));
        QVERIFY(!QFileInfo::exists(applied.at(1).backupPath));
        QVERIFY(!QFileInfo::exists(s.dockerDropInDirectory));
        QVERIFY(QFileInfo(root + QStringLiteral("/etc/systemd")).isDir());   // made by the test, kept
    }

    void applyRefusesALink()
    {
        const QString root = freshRoot("link");
        const PersistSettings s = settingsIn(root);
        const QString target = root + QStringLiteral("/elsewhere");
        QVERIFY(writeAll(target, "precious\n"));
        const QString first = s.networkdDirectory + QStringLiteral("/10-passerelle-br0.netdev");
        const QString planted = s.networkdDirectory + QStringLiteral("/10-passerelle-em1.network");
        QVERIFY(QFile::link(target, planted));
        QList<ConfigFile> files;
        QVERIFY(!NetworkdWriter(s).files(seedBridge(), &files));
        QList<AppliedConfigFile> applied;
        const auto failure = applyConfigFiles(files, s.backupDirectory, &applied);
        QVERIFY(failure);
        QVERIFY2(failure->is(HelperError::UnsafeFile), qPrintable(failure->name));
        QVERIFY(applied.isEmpty());
        // The files written before the refusal are gone again, the target untouched.
        QVERIFY(!QFileInfo::exists(first));
        QCOMPARE(readAll(target), QByteArray("precious\n"));
        QVERIFY(QFileInfo(planted).isSymLink());
    }
};

QTEST_GUILESS_MAIN(TestPersistWriters)
#include "tst_persistwriters.moc"
