// Which network stack manages a port, so that the bridge is made permanent
// in that stack and in no other: NetworkManager (asked on the system bus),
// systemd-networkd (its run state and .network files), ifupdown (its run
// state and /etc/network/interfaces). helper.conf [persist] backend= may
// name one; "auto" detects, and two stacks at once is a conflict, never a
// guess.
#pragma once

#include "helpererrors.h"

#include <QDBusConnection>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace Passerelle {

enum class PersistBackend { None, Ifupdown, Networkd, NetworkManager };

// "none", "ifupdown", "networkd", "networkmanager": helper.conf's words.
QString persistBackendKey(PersistBackend backend);
std::optional<PersistBackend> persistBackendFromKey(const QString &key);

// helper.conf [persist], and the system folders the detection and the
// writers read, all replaceable so that tests use temporary folders.
struct PersistSettings
{
    bool automatic = true;                       // backend=auto
    PersistBackend backend = PersistBackend::None;   // when not automatic
    QString ifupdownDirectory = QStringLiteral("/etc/network/interfaces.d");   // ifupdown-dir=
    QString interfacesFile = QStringLiteral("/etc/network/interfaces");        // interfaces-file=
    QString networkdDirectory = QStringLiteral("/etc/systemd/network");        // networkd-dir=
    // Every folder systemd-networkd reads .network/.netdev files from, in
    // its precedence: a name in an earlier folder masks it in later ones.
    // networkdDirectory, where ours are written, comes first if missing.
    QStringList networkdSearchDirectories{
        QStringLiteral("/etc/systemd/network"), QStringLiteral("/run/systemd/network"),
        QStringLiteral("/usr/local/lib/systemd/network"), QStringLiteral("/usr/lib/systemd/network"),
        QStringLiteral("/lib/systemd/network")};
    // Where "netplan generate" writes networkd's files at each boot.
    QString netplanOutputDirectory = QStringLiteral("/run/systemd/network");
    QString ifupdownRunDirectory = QStringLiteral("/run/network");             // ifstate.<port>
    QString networkdRunDirectory = QStringLiteral("/run/systemd/netif");       // links/<ifindex>, state
    QString systemdRunDirectory = QStringLiteral("/run/systemd/system");       // exists when systemd is PID 1
    QString dockerDropInDirectory = QStringLiteral("/etc/systemd/system/docker.service.d");
    QString backupDirectory = QStringLiteral("/var/lib/passerelle/persist-backup");

    // Reads the [persist] group (backend, ifupdown-dir, interfaces-file,
    // networkd-dir). Unknown values are reported in WARNINGS and the
    // default kept.
    void read(QSettings &settings, QStringList *warnings);
};

// One stack found managing the port, and what showed it (English, for logs
// and for a conflict's detail).
struct BackendEvidence
{
    PersistBackend backend = PersistBackend::None;
    QString detail;
};

class BackendDetector
{
public:
    // SYSTEMBUS is where NetworkManager would be; a disconnected one means no
    // NetworkManager.
    BackendDetector(PersistSettings settings, QDBusConnection systemBus,
                    QString networkManagerService = QStringLiteral("org.freedesktop.NetworkManager"));

    // Every stack that manages PORT (IFINDEX in the helper's namespace).
    QList<BackendEvidence> detect(const QString &port, int ifindex) const;

    // The stack to write the configuration for: the configured one, or with
    // backend=auto the one that manages PORT. Two at once is PersistConflict
    // ["ifupdown,networkd", detail]. When none manages it, the one installed
    // here (ifupdown when its interfaces file exists, else networkd when it
    // has run since boot), else None. DETAIL says why.
    std::optional<HelperFailure> choose(const QString &port, int ifindex, PersistBackend *backend,
                                        QString *detail) const;

    // The single checks.
    bool networkManagerManages(const QString &port, QString *detail) const;
    // networkd: its link state says it configures PORT, or it runs and a
    // .network file in any of its folders matches PORT. DETAIL names
    // netplan when netplan generated that file.
    bool networkdManages(const QString &port, int ifindex, QString *detail) const;
    bool ifupdownManages(const QString &port, QString *detail) const;

    // Whether systemd-networkd has run since boot (its state file in /run).
    bool networkdHasRun() const;

private:
    PersistSettings m_settings;
    QDBusConnection m_bus;
    QString m_nmService;
};

} // namespace Passerelle
