// The helper's settings, from /etc/passerelle/helper.conf or the file given
// with --config (INI, groups [helper], [docker] and [persist]). Only the command line of the service
// file chooses the file; clients never pass paths.
#pragma once

#include <QString>
#include <QStringList>

namespace Passerelle {

// [docker]: where Docker keeps its settings and how to restart it.
struct DockerConfig
{
    QString daemonConfig = QStringLiteral("/etc/docker/daemon.json");       // config=
    QString socket = QStringLiteral("unix:///var/run/docker.sock");          // socket=
    QString restart = QStringLiteral("auto");                                // auto|systemd|init|command
    // restart-command=: an argv, split on spaces, run without a shell.
    QStringList restartCommand;
    int restartTimeoutSeconds = 90;                                          // restart-timeout=
    QString defaultsFile = QStringLiteral("/etc/default/docker");             // defaults-file=
    // unit-dirs=: folders holding docker.service and its .d drop-ins;
    // empty means systemd's own (/etc, /run, /lib, /usr/lib).
    QStringList unitDirs;
};

// [persist]: how a bridge is made permanent.
struct PersistConfig
{
    QString backend = QStringLiteral("auto");   // auto|ifupdown|networkd|networkmanager|none
    QString ifupdownDir = QStringLiteral("/etc/network/interfaces.d");
    QString interfacesFile = QStringLiteral("/etc/network/interfaces");
    QString networkdDir = QStringLiteral("/etc/systemd/network");
    // Where docker.service's boot-order drop-in goes (dropin-dir=).
    QString dropInDir = QStringLiteral("/etc/systemd/system/docker.service.d");
};

struct HelperConfig
{
    // Seconds without a call before the helper exits; 0 keeps it running.
    int idleTimeoutSeconds = 30;
    // Seconds to wait for polkit's answer, password prompt included; no
    // answer by then is a refusal. Shorter than the clients' 5 minutes, so
    // they hear NotAuthorized rather than a timeout of their own.
    int authorizationTimeoutSeconds = 240;
    // Calls one bus name may have waiting for authorization at once.
    int maxPendingPerCaller = 4;
    // Seconds a change touching the default route's link or a remote
    // session's waits for confirmation when the client asked for none.
    int confirmTimeoutSeconds = 60;
    // Root's folder for the transaction journal and lock (state-dir=).
    QString stateDirectory = defaultStateDirectory();
    DockerConfig docker;
    PersistConfig persist;
    // The file these settings came from (for clients that show sources).
    QString path = defaultPath();

    static QString defaultPath();
    static QString defaultStateDirectory();

    // Reads PATH. A missing default file gives the defaults; a missing file
    // named explicitly, or one that cannot be parsed, is an error. Unknown
    // keys and out-of-range values are reported in WARNINGS and ignored.
    static bool load(const QString &path, bool explicitPath, HelperConfig *config, QString *error,
                     QStringList *warnings);
};

} // namespace Passerelle
