#include "networkdwriter.h"

#include "safefile.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

namespace Passerelle {

namespace {

const QString prefix = QStringLiteral("10-passerelle-");

HelperFailure conflict(const QString &detail)
{
    return HelperFailure::make(HelperError::PersistConflict, {QStringLiteral("networkd"), detail}, detail);
}

// netplan rewrites its files at every boot: editing or removing them does
// not last, only its own configuration does.
HelperFailure netplanConflict(const QString &iface, const QString &path)
{
    return conflict(QStringLiteral("netplan manages %1 (%2): change /etc/netplan instead").arg(iface, path));
}

// KEY=VALUE pairs of SECTION, in order, as systemd's unit file parser reads
// them (comments '#' and ';', sections in brackets, keys trimmed).
QList<std::pair<QString, QString>> sectionEntries(const QByteArray &content, const QString &section)
{
    QList<std::pair<QString, QString>> entries;
    QString current;
    for (const QByteArray &raw : content.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = line.mid(1, line.size() - 2);
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (current == section && eq > 0)
            entries.append({line.left(eq).trimmed(), line.mid(eq + 1).trimmed()});
    }
    return entries;
}

QString yesNo(bool on)
{
    return on ? QStringLiteral("yes") : QStringLiteral("no");
}

QString header(const QString &what)
{
    return QStringLiteral("# Written by Passerelle so that %1 comes back after a reboot.\n"
                          "# Passerelle replaces this file when the bridge changes.\n")
        .arg(what);
}

} // namespace

NetworkdWriter::NetworkdWriter(PersistSettings settings)
    : m_settings(std::move(settings))
{
}

QString NetworkdWriter::netdevPath(const QString &bridge) const
{
    return QDir(m_settings.networkdDirectory).filePath(prefix + fileNameSafe(bridge) + QStringLiteral(".netdev"));
}

QString NetworkdWriter::bridgeNetworkPath(const QString &bridge) const
{
    return QDir(m_settings.networkdDirectory).filePath(prefix + fileNameSafe(bridge) + QStringLiteral(".network"));
}

QString NetworkdWriter::portNetworkPath(const QString &port) const
{
    return QDir(m_settings.networkdDirectory).filePath(prefix + fileNameSafe(port) + QStringLiteral(".network"));
}

QByteArray NetworkdWriter::netdev(const PersistentBridge &bridge)
{
    QString text = header(QStringLiteral("the bridge %1").arg(bridge.name));
    text += QStringLiteral("[NetDev]\nName=%1\nKind=bridge\n").arg(bridge.name);
    if (!bridge.mac.isEmpty())
        text += QStringLiteral("MACAddress=%1\n").arg(bridge.mac.toLower());
    text += QStringLiteral("\n[Bridge]\nSTP=%1\n").arg(yesNo(bridge.stp));
    return text.toUtf8();
}

QByteArray NetworkdWriter::bridgeNetwork(const PersistentBridge &bridge)
{
    QString text = header(QStringLiteral("the addresses of the bridge %1").arg(bridge.name));
    text += QStringLiteral("[Match]\nName=%1\n\n[Network]\n").arg(bridge.name);
    if (bridge.dhcpv4)
        text += QStringLiteral("DHCP=ipv4\n");
    for (const QString &address : bridge.staticAddresses)
        text += QStringLiteral("Address=%1\n").arg(address);
    if (!bridge.ipv4Gateway.isEmpty())
        text += QStringLiteral("Gateway=%1\n").arg(bridge.ipv4Gateway);
    if (!bridge.ipv6Gateway.isEmpty())
        text += QStringLiteral("Gateway=%1\n").arg(bridge.ipv6Gateway);
    // The bridge has no carrier until a port has one; its addresses must
    // not wait for that, Docker needs them at start.
    text += QStringLiteral("ConfigureWithoutCarrier=yes\n");
    return text.toUtf8();
}

QByteArray NetworkdWriter::portNetwork(const QString &port, const QString &bridge)
{
    QString text = header(QStringLiteral("%1 as a port of the bridge %2").arg(port, bridge));
    text += QStringLiteral("[Match]\nName=%1\n\n[Network]\nBridge=%2\n").arg(port, bridge);
    return text.toUtf8();
}

bool NetworkdWriter::networkFileMatches(const QByteArray &content, const QString &name)
{
    // Name= takes a space-separated list of globs; an empty assignment
    // clears the list; "!" in front negates the whole list.
    QStringList globs;
    for (const auto &[key, value] : sectionEntries(content, QStringLiteral("Match"))) {
        if (key != QLatin1String("Name") && key != QLatin1String("OriginalName"))
            continue;
        if (value.isEmpty())
            globs.clear();
        else
            globs.append(value);
    }
    if (globs.isEmpty())
        return false;
    for (QString list : std::as_const(globs)) {
        bool negated = false;
        if (list.startsWith(QLatin1Char('!'))) {
            negated = true;
            list = list.mid(1);
        }
        bool any = false;
        for (const QString &glob : list.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (QRegularExpression(QRegularExpression::wildcardToRegularExpression(glob)).match(name).hasMatch())
                any = true;
        }
        if (any == negated)
            return false;   // every Name= line must accept NAME
    }
    return true;
}

QString NetworkdWriter::netdevName(const QByteArray &content)
{
    QString name;
    for (const auto &[key, value] : sectionEntries(content, QStringLiteral("NetDev"))) {
        if (key == QLatin1String("Name"))
            name = value;
    }
    return name;
}

QList<NetworkdUnitFile> NetworkdWriter::unitFiles() const
{
    QStringList folders;
    for (const QString &folder : m_settings.networkdSearchDirectories)
        folders.append(QDir::cleanPath(folder));
    const QString own = QDir::cleanPath(m_settings.networkdDirectory);
    if (!folders.contains(own))
        folders.prepend(own);
    // Sorted by name as networkd sorts them (byte order; names are ASCII).
    QMap<QString, QString> byName;
    for (const QString &folder : std::as_const(folders)) {
        const QDir dir(folder);
        // System: a link to /dev/null, which masks the name, is listed too.
        const QStringList names = dir.entryList({QStringLiteral("*.network"), QStringLiteral("*.netdev")},
                                                QDir::Files | QDir::System, QDir::Name);
        for (const QString &name : names) {
            if (!byName.contains(name))
                byName.insert(name, dir.filePath(name));
        }
    }
    QList<NetworkdUnitFile> files;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        files.append({it.key(), it.value()});
    return files;
}

std::optional<HelperFailure> NetworkdWriter::readUnitFile(const QString &path, QByteArray *content)
{
    content->clear();
    QString target = path;
    const QFileInfo info(path);
    if (info.isSymLink()) {
        // Only read, never written: following the distribution's links
        // (/etc -> /usr/lib, masks -> /dev/null) is what networkd does.
        target = info.canonicalFilePath();
        if (target.isEmpty() || target == QLatin1String("/dev/null"))
            return std::nullopt;   // dangling (networkd skips it) or masked
    }
    bool exists = false;
    return SafeFile::read(target, content, &exists);
}

bool NetworkdWriter::generatedByNetplan(const QString &path, const QByteArray &content) const
{
    const QFileInfo info(path);
    if (QDir::cleanPath(info.absolutePath()) != QDir::cleanPath(m_settings.netplanOutputDirectory))
        return false;
    return info.fileName().startsWith(QLatin1String("10-netplan-")) || content.toLower().contains("netplan");
}

std::optional<HelperFailure> NetworkdWriter::files(const PersistentBridge &bridge, QList<ConfigFile> *out) const
{
    if (auto failure = bridge.validate())
        return failure;
    QList<ConfigFile> result{{netdevPath(bridge.name), netdev(bridge), 0644},
                             {bridgeNetworkPath(bridge.name), bridgeNetwork(bridge), 0644}};
    for (const QString &port : bridge.ports)
        result.append({portNetworkPath(port), portNetwork(port, bridge.name), 0644});

    QStringList names = bridge.ports;
    names.prepend(bridge.name);
    for (const NetworkdUnitFile &unit : unitFiles()) {
        // One of our names: ours, or one in an earlier folder hiding ours.
        const ConfigFile *sameName = nullptr;
        for (const ConfigFile &file : std::as_const(result)) {
            if (QFileInfo(file.path).fileName() == unit.name)
                sameName = &file;
        }
        if (sameName && sameName->path == unit.path)
            continue;
        if (sameName)
            return conflict(QStringLiteral("%1 masks %2").arg(unit.path, sameName->path));

        QByteArray content;
        if (auto failure = readUnitFile(unit.path, &content))
            return failure;
        const bool netplan = generatedByNetplan(unit.path, content);
        if (unit.name.endsWith(QLatin1String(".netdev"))) {
            if (netdevName(content) == bridge.name) {
                if (netplan)
                    return netplanConflict(bridge.name, unit.path);
                return conflict(QStringLiteral("%1 already makes %2").arg(unit.path, bridge.name));
            }
            continue;
        }
        for (const QString &iface : std::as_const(names)) {
            const QString mine = iface == bridge.name ? bridgeNetworkPath(iface) : portNetworkPath(iface);
            // networkd compares file names alone, whatever their folder.
            if (!networkFileMatches(content, iface) || unit.name >= QFileInfo(mine).fileName())
                continue;
            if (netplan)
                return netplanConflict(iface, unit.path);
            return conflict(QStringLiteral("%1 matches %2 and comes before %3").arg(unit.path, iface, mine));
        }
    }
    if (out)
        *out = result;
    return std::nullopt;
}

} // namespace Passerelle
