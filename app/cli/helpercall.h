// How passerellectl's changing commands talk to passerelle-helper: one call
// waited for to its end (a polkit prompt included), errors printed as a
// sentence in the user's language followed by the D-Bus error name; a
// change left waiting for confirmation says so and how to keep it; with
// --dry-run, the helper's plan printed step by step instead.
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusPendingCall>
#include <QDBusPendingReply>

namespace Passerelle {
class HelperClient;
}

class HelperCall
{
    Q_DECLARE_TR_FUNCTIONS(HelperCall)
public:
    // What every changing command takes: --confirm-timeout and --dry-run.
    static void addChangeOptions(QCommandLineParser &parser);
    // The --confirm-timeout given (0 when none); false with the error printed.
    static bool confirmTimeout(const QCommandLineParser &parser, uint *seconds);
    static bool dryRun(const QCommandLineParser &parser);

    // Waits for CALL; 0 when the helper made the change, 1 with the error
    // printed otherwise.
    static int wait(const Passerelle::HelperClient &client, QDBusPendingCall call);
    // Waits for a changing call. When the change waits for confirmation,
    // prints for how long and how to keep it.
    static int change(Passerelle::HelperClient &client, QDBusPendingReply<QString> call);
    // Prints what METHOD(ARGUMENTS) would do, without doing it.
    static int plan(Passerelle::HelperClient &client, const QString &method, const QStringList &arguments,
                    uint confirmTimeout);

    // "on"/"off" and "up"/"down" as the commands take them.
    static bool parseOnOff(const QString &word, bool *on);
    static bool parseUpDown(const QString &word, bool *up);
};
