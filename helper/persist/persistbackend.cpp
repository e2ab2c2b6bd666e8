#include "persistbackend.h"

#include "ifupdownwriter.h"
#include "networkdwriter.h"
#include "safefile.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <array>

namespace Passerelle {

namespace {

constexpr std::array<std::pair<PersistBackend, const char *>, 4> backendKeys{{
    {PersistBackend::None, "none"},
    {PersistBackend::Ifupdown, "ifupdown"},
    {PersistBackend::Networkd, "networkd"},
    {PersistBackend::NetworkManager, "networkmanager"},
}};

constexpr int nmTimeoutMs = 5000;

// KEY=VALUE lines of networkd's run state files.
QString stateValue(const QByteArray &content, const QByteArray &key)
{
    for (const QByteArray &line : content.split('\n')) {
        if (line.startsWith(key + '='))
            return QString::fromUtf8(line.mid(key.size() + 1)).trimmed();
    }
    return QString();
}

} // namespace

QString persistBackendKey(PersistBackend backend)
{
    for (const auto &[b, key] : backendKeys) {
        if (b == backend)
            return QString::fromLatin1(key);
    }
    return QString();
}

std::optional<PersistBackend> persistBackendFromKey(const QString &key)
{
    for (const auto &[b, k] : backendKeys) {
        if (key == QLatin1String(k))
            return b;
    }
    return std::nullopt;
}

void PersistSettings::read(QSettings &settings, QStringList *warnings)
{
    settings.beginGroup(QStringLiteral("persist"));
    const QString backendValue = settings.value(QStringLiteral("backend"), QStringLiteral("auto")).toString().trimmed();
    if (backendValue == QLatin1String("auto")) {
        automatic = true;
    } else if (const auto b = persistBackendFromKey(backendValue)) {
        automatic = false;
        backend = *b;
    } else if (warnings) {
        warnings->append(QStringLiteral("[persist] backend=%1: not auto, ifupdown, networkd, networkmanager or none")
                             .arg(backendValue));
    }
    const auto path = [&](const char *key, QString *field) {
        const QString value = settings.value(QLatin1String(key), *field).toString().trimmed();
        if (QDir::isAbsolutePath(value))
            *field = QDir::cleanPath(value);
        else if (warnings)
            warnings->append(QStringLiteral("[persist] %1=%2: not an absolute path").arg(QLatin1String(key), value));
    };
    path("ifupdown-dir", &ifupdownDirectory);
    path("interfaces-file", &interfacesFile);
    path("networkd-dir", &networkdDirectory);
    settings.endGroup();
}

BackendDetector::BackendDetector(PersistSettings settings, QDBusConnection systemBus, QString networkManagerService)
    : m_settings(std::move(settings))
    , m_bus(std::move(systemBus))
    , m_nmService(std::move(networkManagerService))
{
}

bool BackendDetector::networkManagerManages(const QString &port, QString *detail) const
{
    if (!m_bus.isConnected() || !m_bus.interface() || !m_bus.interface()->isServiceRegistered(m_nmService).value())
        return false;
    const QDBusMessage device = m_bus.call(
        QDBusMessage::createMethodCall(m_nmService, QStringLiteral("/org/freedesktop/NetworkManager"),
                                       QStringLiteral("org.freedesktop.NetworkManager"),
                                       QStringLiteral("GetDeviceByIpIface"))
            << port,
        QDBus::Block, nmTimeoutMs);
    if (device.type() != QDBusMessage::ReplyMessage || device.arguments().isEmpty())
        return false;   // NetworkManager does not know the device
    const QString path = qvariant_cast<QDBusObjectPath>(device.arguments().constFirst()).path();
    const QDBusMessage managed = m_bus.call(
        QDBusMessage::createMethodCall(m_nmService, path, QStringLiteral("org.freedesktop.DBus.Properties"),
                                       QStringLiteral("Get"))
            << QStringLiteral("org.freedesktop.NetworkManager.Device") << QStringLiteral("Managed"),
        QDBus::Block, nmTimeoutMs);
    if (managed.type() != QDBusMessage::ReplyMessage || managed.arguments().isEmpty())
        return false;
    if (!qvariant_cast<QDBusVariant>(managed.arguments().constFirst()).variant().toBool())
        return false;
    if (detail)
        *detail = QStringLiteral("NetworkManager manages %1 (%2)").arg(port, path);
    return true;
}

bool BackendDetector::networkdHasRun() const
{
    return QFileInfo::exists(QDir(m_settings.networkdRunDirectory).filePath(QStringLiteral("state")));
}

bool BackendDetector::networkdManages(const QString &port, int ifindex, QString *detail) const
{
    const NetworkdWriter networkd(m_settings);
    // The first .network file that matches PORT: the one networkd applies.
    const auto firstMatch = [&](QString *path, QByteArray *content) {
        for (const NetworkdUnitFile &unit : networkd.unitFiles()) {
            if (!unit.name.endsWith(QLatin1String(".network")))
                continue;
            if (NetworkdWriter::readUnitFile(unit.path, content) || !NetworkdWriter::networkFileMatches(*content, port))
                continue;
            *path = unit.path;
            return true;
        }
        return false;
    };
    // netplan writes networkd's files at boot: the admin must know, the
    // port's real configuration is in /etc/netplan.
    const auto netplanNote = [&](const QString &path, const QByteArray &content) {
        return networkd.generatedByNetplan(path, content)
            ? QStringLiteral("; netplan generated %1: its configuration is in /etc/netplan").arg(path)
            : QString();
    };

    if (ifindex > 0) {
        const QString linkState =
            QDir(m_settings.networkdRunDirectory).filePath(QStringLiteral("links/%1").arg(ifindex));
        QByteArray content;
        bool exists = false;
        if (!SafeFile::read(linkState, &content, &exists) && exists) {
            const QString admin = stateValue(content, "ADMIN_STATE");
            if (admin == QLatin1String("configured") || admin == QLatin1String("configuring")) {
                if (detail) {
                    *detail = QStringLiteral("systemd-networkd configures %1 (%2: ADMIN_STATE=%3)")
                                  .arg(port, linkState, admin);
                    // The file networkd says it applied, else the one it would.
                    QString file = stateValue(content, "NETWORK_FILE");
                    QByteArray fileContent;
                    const bool known = (!file.isEmpty() && !NetworkdWriter::readUnitFile(file, &fileContent))
                        || firstMatch(&file, &fileContent);
                    if (known)
                        *detail += netplanNote(file, fileContent);
                }
                return true;
            }
        }
    }
    if (!networkdHasRun())
        return false;
    QString path;
    QByteArray content;
    if (!firstMatch(&path, &content))
        return false;
    if (detail) {
        if (networkd.generatedByNetplan(path, content))
            *detail = QStringLiteral("systemd-networkd runs and netplan manages %1 (%2): its configuration is in "
                                     "/etc/netplan")
                          .arg(port, path);
        else
            *detail = QStringLiteral("systemd-networkd runs and %1 matches %2").arg(path, port);
    }
    return true;
}

bool BackendDetector::ifupdownManages(const QString &port, QString *detail) const
{
    const QString state = QDir(m_settings.ifupdownRunDirectory).filePath(QStringLiteral("ifstate.") + port);
    QByteArray content;
    bool exists = false;
    // ifupdown leaves the file behind, empty, once the interface is down.
    if (!SafeFile::read(state, &content, &exists) && exists && !content.trimmed().isEmpty()) {
        if (detail)
            *detail = QStringLiteral("ifupdown brought %1 up (%2)").arg(port, state);
        return true;
    }
    const QStringList files = IfupdownWriter(m_settings).filesConfiguring(port);
    if (files.isEmpty())
        return false;
    if (detail)
        *detail = QStringLiteral("ifupdown configures %1 in %2").arg(port, files.join(QStringLiteral(", ")));
    return true;
}

QList<BackendEvidence> BackendDetector::detect(const QString &port, int ifindex) const
{
    QList<BackendEvidence> found;
    QString detail;
    if (networkManagerManages(port, &detail))
        found.append({PersistBackend::NetworkManager, detail});
    if (networkdManages(port, ifindex, &detail))
        found.append({PersistBackend::Networkd, detail});
    if (ifupdownManages(port, &detail))
        found.append({PersistBackend::Ifupdown, detail});
    return found;
}

std::optional<HelperFailure> BackendDetector::choose(const QString &port, int ifindex, PersistBackend *backend,
                                                     QString *detail) const
{
    if (!m_settings.automatic) {
        *backend = m_settings.backend;
        if (detail)
            *detail = QStringLiteral("helper.conf sets [persist] backend=%1").arg(persistBackendKey(m_settings.backend));
        return std::nullopt;
    }
    const QList<BackendEvidence> found = detect(port, ifindex);
    if (found.size() > 1) {
        QStringList keys;
        QStringList details;
        for (const BackendEvidence &e : found) {
            keys.append(persistBackendKey(e.backend));
            details.append(e.detail);
        }
        const QString text = QStringLiteral("%1 is managed by more than one network stack: %2")
                                 .arg(port, details.join(QStringLiteral("; ")));
        return HelperFailure::make(HelperError::PersistConflict, {keys.join(QLatin1Char(',')), text}, text);
    }
    if (found.size() == 1) {
        *backend = found.constFirst().backend;
        if (detail)
            *detail = found.constFirst().detail;
        return std::nullopt;
    }
    // Nothing manages the port (it was set up by hand): the stack installed here.
    if (QFileInfo::exists(m_settings.interfacesFile)) {
        *backend = PersistBackend::Ifupdown;
        if (detail)
            *detail = QStringLiteral("nothing manages %1; ifupdown is installed (%2)").arg(port, m_settings.interfacesFile);
    } else if (networkdHasRun()) {
        *backend = PersistBackend::Networkd;
        if (detail)
            *detail = QStringLiteral("nothing manages %1; systemd-networkd runs").arg(port);
    } else {
        *backend = PersistBackend::None;
        if (detail)
            *detail = QStringLiteral("nothing manages %1 and no network stack Passerelle knows is installed").arg(port);
    }
    return std::nullopt;
}

} // namespace Passerelle
