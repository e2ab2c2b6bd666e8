// The helper's settings, from /etc/passerelle/helper.conf or the file given
// with --config (INI, group [helper]). Only the command line of the service
// file chooses the file; clients never pass paths.
#pragma once

#include <QString>
#include <QStringList>

namespace Passerelle {

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

    static QString defaultPath();
    static QString defaultStateDirectory();

    // Reads PATH. A missing default file gives the defaults; a missing file
    // named explicitly, or one that cannot be parsed, is an error. Unknown
    // keys and out-of-range values are reported in WARNINGS and ignored.
    static bool load(const QString &path, bool explicitPath, HelperConfig *config, QString *error,
                     QStringList *warnings);
};

} // namespace Passerelle
