#include "dockerbootorder.h"

#include <QDir>
#include <QFileInfo>

namespace Passerelle {

bool systemdRuns(const QString &systemdRunDirectory)
{
    return QFileInfo(systemdRunDirectory).isDir();
}

QString networkDeviceUnit(const QString &iface)
{
    // unit_name_path_escape(): '/' becomes '-', and every byte but
    // [A-Za-z0-9:_.] (and a '.' that starts the path) becomes \xNN.
    QString escaped;
    const QByteArray bytes = QStringLiteral("sys/subsystem/net/devices/").toUtf8() + iface.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':'
            || c == '_' || (c == '.' && i > 0);
        if (c == '/')
            escaped += QLatin1Char('-');
        else if (plain)
            escaped += QLatin1Char(c);
        else
            escaped += QStringLiteral("\\x%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0'));
    }
    return escaped + QStringLiteral(".device");
}

ConfigFile dockerBootOrderDropIn(const QString &bridge, const QString &dropInDirectory)
{
    const QString device = networkDeviceUnit(bridge);
    // Wants=, not Requires=: if the bridge never comes, Docker still starts
    // (after the device job times out) rather than not at all.
    const QString text = QStringLiteral(
                             "# Written by Passerelle: Docker's default bridge is %1, so dockerd must not\n"
                             "# start before %1 exists.\n"
                             "[Unit]\n"
                             "Wants=%2\n"
                             "After=%2 network-online.target\n")
                             .arg(bridge, device);
    return {QDir(dropInDirectory).filePath(QStringLiteral("passerelle-bridge.conf")), text.toUtf8(), 0644};
}

} // namespace Passerelle
