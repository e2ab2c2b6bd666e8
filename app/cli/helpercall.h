// How passerellectl's changing commands talk to passerelle-helper: one call
// waited for to its end (a polkit prompt included), errors printed as a
// sentence in the user's language followed by the D-Bus error name.
#pragma once

#include <QCoreApplication>
#include <QDBusPendingCall>

namespace Passerelle {
class HelperClient;
}

class HelperCall
{
    Q_DECLARE_TR_FUNCTIONS(HelperCall)
public:
    // Waits for CALL; 0 when the helper made the change, 1 with the error
    // printed otherwise.
    static int wait(const Passerelle::HelperClient &client, QDBusPendingCall call);

    // "on"/"off" and "up"/"down" as the commands take them.
    static bool parseOnOff(const QString &word, bool *on);
    static bool parseUpDown(const QString &word, bool *up);
};
