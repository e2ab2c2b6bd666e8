// How passerellectl's changing commands talk to passerelle-helper: one call
// waited for to its end (a polkit prompt included), errors printed as a
// sentence in the user's language followed by the D-Bus error name; a
// change left waiting for confirmation says so and how to keep it, a final
// one what is done; with --dry-run, the helper's plan printed step by step
// instead. Warnings go to stderr, the same way with or without --dry-run. The Docker
// calls, which answer only once Docker is back, print the helper's
// DockerProgress signals while they wait.
#pragma once

#include "helpertypes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusPendingCall>
#include <QDBusPendingReply>
#include <QObject>
#include <QVariantMap>

namespace Passerelle {
class HelperClient;
}

// While it lives, prints each DockerProgress stage of one transaction (the
// empty handle for UseDockerBridge and ResetDockerBridge) on stdout as it
// comes. Subscribed by name on the system bus, so that it hears a helper
// the call itself activates; create it before making the call.
class DockerProgressPrinter : public QObject
{
    Q_OBJECT
public:
    explicit DockerProgressPrinter(const QString &transaction);
    ~DockerProgressPrinter() override;

private Q_SLOTS:
    void onProgress(const QString &transaction, const QString &stage, const QStringList &parameters);

private:
    QString m_transaction;
};

class HelperCall
{
    Q_DECLARE_TR_FUNCTIONS(HelperCall)
public:
    // What every changing command takes: --confirm-timeout and --dry-run.
    static void addChangeOptions(QCommandLineParser &parser);
    // --dry-run alone, for the changes that are final at once (docker use-bridge).
    static void addDryRunOption(QCommandLineParser &parser);
    // The --confirm-timeout given (0 when none); false with the error printed.
    static bool confirmTimeout(const QCommandLineParser &parser, uint *seconds);
    static bool dryRun(const QCommandLineParser &parser);

    // Waits for CALL; 0 when the helper made the change, 1 with the error
    // printed otherwise.
    static int wait(const Passerelle::HelperClient &client, QDBusPendingCall call);
    // The same, running the event loop meanwhile so that signals (a
    // DockerProgressPrinter's) are delivered during a long call.
    static int waitWithEvents(const Passerelle::HelperClient &client, QDBusPendingCall call);
    // Waits for a changing call: METHOD with ARGUMENTS as Plan takes them
    // ("CreateBridge", {"br0", "false"}). When the change waits for
    // confirmation, prints for how long and how to keep it; when it is
    // final, what is done in one line ("Bridge br0 created.").
    static int change(Passerelle::HelperClient &client, QDBusPendingReply<QString> call, const QString &method,
                      const QStringList &arguments);
    // Prints what METHOD(ARGUMENTS) would do, without doing it.
    static int plan(Passerelle::HelperClient &client, const QString &method, const QStringList &arguments,
                    uint confirmTimeout);
    // Prints what a Docker method (PlanDocker: "UseDockerBridge",
    // "ResetDockerBridge", "Expose") would do. CONFIRMTIMEOUT, when not 0,
    // replaces the seconds of Expose's Confirm step.
    static int planDocker(Passerelle::HelperClient &client, const QString &method, const QStringList &arguments,
                          const QVariantMap &options, uint confirmTimeout);
    // Steps as numbered sentences; the steps after a Confirm step come
    // under "Once confirmed:". Warning steps are left out (see printWarnings).
    static QString formatSteps(const Passerelle::HelperPlan &steps);
    // The Warning steps of a plan or of what was done on stderr, one
    // "passerellectl: warning: ..." line each, dry run or not. With
    // REACHABLE, the warning that containers become reachable from the LAN
    // is printed even when the helper did not list it.
    static void printWarnings(const Passerelle::HelperPlan &steps, bool reachable);

    // "on"/"off" and "up"/"down" as the commands take them.
    static bool parseOnOff(const QString &word, bool *on);
    static bool parseUpDown(const QString &word, bool *up);
};
