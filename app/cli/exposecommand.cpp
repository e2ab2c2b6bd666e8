#include "exposecommand.h"

#include "cliargs.h"
#include "dockercommand.h"
#include "helpercall.h"
#include "helperclient.h"
#include "helpererrortext.h"
#include "helperplantext.h"

#include <QCommandLineParser>

using namespace Passerelle;

namespace {

int usageError()
{
    return Cli::fail(ExposeCommand::tr("usage: passerellectl expose PORT --bridge BRIDGE [--fixed-cidr CIDR] "
                                       "[--default-gateway IP]\n"
                                       "           [--mode default-bridge|network] [--network NAME] "
                                       "[--persist|--no-persist] [--move-options]\n"
                                       "           [--allow-forwarding] [--confirm-timeout SECONDS] [--dry-run]"),
                     ExitUsage);
}

} // namespace

int ExposeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Expose containers on the physical network, in one change: PORT (em1) is bridged into BRIDGE (br0, "
           "created when missing) with its addresses and routes, which waits for confirmation; "
           "\"passerellectl confirm\" keeps it, and only then is Docker's default network put on BRIDGE and "
           "Docker restarted. Without confirmation, all of it is put back and Docker is never touched. The "
           "bridge is made permanent unless --no-persist. polkit may ask for a password.\n"
           "\n"
           "Containers are then directly reachable from the LAN: their network security is yours to ensure."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("bridge"), tr("The bridge to bridge PORT into (required), such as br0."),
                      tr("BRIDGE")});
    DockerCommand::addBridgeOptions(parser, true);
    HelperCall::addChangeOptions(parser);
    parser.addPositionalArgument(tr("PORT"), tr("The physical port that carries the LAN, such as em1."));
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(QStringLiteral("bridge")))
        return usageError();
    const auto dockerArgs = DockerCommand::bridgeArguments(parser);
    if (!dockerArgs)
        return ExitUsage;
    uint timeout = 0;
    if (!HelperCall::confirmTimeout(parser, &timeout))
        return ExitUsage;
    const QString port = positional.first();
    const QString bridge = parser.value(QStringLiteral("bridge"));

    HelperClient client;
    if (HelperCall::dryRun(parser))
        return HelperCall::planDocker(client, QStringLiteral("Expose"),
                                      {port, bridge, dockerArgs->fixedCidr, dockerArgs->defaultGateway},
                                      dockerArgs->options, timeout);

    // The plan first, read-only: its warnings are said before the change,
    // not after (the user may still decline to confirm it), and it tells
    // whether Docker will wait for the bridge at boot. When it fails, the
    // call below fails the same way and reports it.
    HelperPlan plan;
    if (!client.connectionFailure()) {
        QDBusPendingReply<HelperPlan> planned = client.planDocker(
            QStringLiteral("Expose"), {port, bridge, dockerArgs->fixedCidr, dockerArgs->defaultGateway},
            dockerArgs->options);
        planned.waitForFinished();
        if (!planned.isError())
            plan = planned.value();
        HelperCall::printWarnings(plan, true);
    }
    QDBusPendingReply<QString> reply = client.expose(port, bridge, dockerArgs->fixedCidr, dockerArgs->defaultGateway,
                                                     dockerArgs->options, timeout);
    if (const int code = HelperCall::wait(client, reply); code != ExitOk)
        return code;
    const QString transaction = reply.value();

    // What follows on confirmation, as the helper recorded it; our own
    // arguments (with the helper's defaults) when it does not list it.
    const bool persist = dockerArgs->options.value(QStringLiteral("persist"), true).toBool();
    QStringList parameters{port, bridge, dockerArgs->fixedCidr, dockerArgs->defaultGateway, dockerArgs->mode,
                           persist ? QStringLiteral("true") : QStringLiteral("false")};
    int secondsLeft = -1;
    QDBusPendingReply<HelperPendingList> pending = client.pending();
    pending.waitForFinished();
    if (!pending.isError()) {
        for (const HelperPendingTransaction &p : pending.value()) {
            if (p.transaction == transaction) {
                secondsLeft = int(p.secondsLeft);
                if (p.method == QLatin1String("Expose"))
                    parameters = p.parameters;
            }
        }
    }

    QString text = tr("The network part is done: %1 is bridged into %2.\n").arg(HelperErrorText::printableName(port),
                                                                                HelperErrorText::printableName(bridge));
    if (secondsLeft >= 0)
        text += tr("It is undone in %n second(s) unless you keep it with:\n", nullptr, secondsLeft);
    else
        text += tr("It is undone unless you keep it with:\n");
    text += QStringLiteral("  passerellectl confirm %1\n").arg(transaction);
    for (const QString &line : HelperPlanText::followUp(QStringLiteral("Expose"), parameters,
                                                        HelperPlanText::FollowUpTime::OnceConfirmed, plan))
        text += QStringLiteral("  %1\n").arg(line);
    text += tr("Without confirmation, all of it is put back and Docker is never touched.\n");
    Cli::printOut(text);
    return ExitOk;
}
