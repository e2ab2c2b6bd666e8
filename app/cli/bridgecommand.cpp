#include "bridgecommand.h"

#include "cliargs.h"
#include "helpercall.h"
#include "helperclient.h"

#include <QCommandLineParser>

using namespace Passerelle;

namespace {

QString usageLine()
{
    return BridgeCommand::tr("usage: passerellectl bridge create NAME [--stp on|off]\n"
                             "       passerellectl bridge delete NAME\n"
                             "       passerellectl bridge add-port BRIDGE PORT [--keep-addresses] [--stp on|off]\n"
                             "       passerellectl bridge remove-port BRIDGE PORT\n"
                             "       passerellectl bridge stp BRIDGE on|off\n"
                             "       (each also takes --confirm-timeout SECONDS and --dry-run)");
}

int usageError()
{
    return Cli::fail(usageLine(), ExitUsage);
}

QString word(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

int BridgeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create and delete bridges and change their ports. passerelle-helper makes the change once "
           "polkit authorizes it, which may ask for a password, and undoes all of it if a step fails.\n"
           "\n"
           "  create NAME [--stp on|off]     A new bridge, down; STP off unless asked\n"
           "  delete NAME                    Delete a bridge; its ports are released, and get back the\n"
           "                                 addresses and routes add-port moved onto the bridge\n"
           "  add-port BRIDGE PORT           Bridge PORT into BRIDGE: BRIDGE is created when missing (with\n"
           "                                 PORT's MAC address), PORT's addresses and routes (the default\n"
           "                                 route included) move onto BRIDGE, both are brought up\n"
           "  add-port ... --keep-addresses  The same, but PORT keeps its addresses and routes; as a\n"
           "                                 port it can no longer use them, so the host usually loses\n"
           "                                 the network it had through PORT\n"
           "  remove-port BRIDGE PORT        Release PORT from BRIDGE\n"
           "  stp BRIDGE on|off              Turn the Spanning Tree Protocol on or off\n"
           "\n"
           "A change to the link of the default route or of a remote session (SSH, VNC) is undone after "
           "60 seconds unless \"passerellectl confirm\" keeps it."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("stp"),
                      tr("With create, or add-port when it creates the bridge: run the Spanning Tree Protocol "
                         "(default off)."),
                      QStringLiteral("on|off")});
    parser.addOption({QStringLiteral("keep-addresses"),
                      tr("With add-port: leave PORT's addresses and routes on it instead of moving them onto "
                         "BRIDGE.")});
    HelperCall::addChangeOptions(parser);
    parser.addPositionalArgument(tr("SUBCOMMAND"), tr("create, delete, add-port, remove-port or stp."));
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError();
    const QString sub = positional.first();
    const QStringList args = positional.mid(1);
    const bool stpSet = parser.isSet(QStringLiteral("stp"));
    if (stpSet && sub != QLatin1String("create") && sub != QLatin1String("add-port"))
        return Cli::fail(tr("--stp is only for \"bridge create\" and \"bridge add-port\"; use \"bridge stp BRIDGE on|off\""),
                         ExitUsage);
    if (parser.isSet(QStringLiteral("keep-addresses")) && sub != QLatin1String("add-port"))
        return Cli::fail(tr("--keep-addresses is only for \"bridge add-port\""), ExitUsage);
    bool stp = false;
    if (stpSet && !HelperCall::parseOnOff(parser.value(QStringLiteral("stp")), &stp))
        return Cli::fail(tr("--stp takes on or off"), ExitUsage);
    uint timeout = 0;
    if (!HelperCall::confirmTimeout(parser, &timeout))
        return ExitUsage;

    // The change as the helper's method and its arguments, for the call
    // itself or for its plan.
    QString method;
    QStringList strings;
    if (sub == QLatin1String("create") && args.size() == 1) {
        method = QStringLiteral("CreateBridge");
        strings = {args.at(0), word(stp)};
    } else if (sub == QLatin1String("delete") && args.size() == 1) {
        method = QStringLiteral("DeleteBridge");
        strings = {args.at(0)};
    } else if (sub == QLatin1String("add-port") && args.size() == 2) {
        method = QStringLiteral("BridgePort");
        strings = {args.at(0), args.at(1), word(!parser.isSet(QStringLiteral("keep-addresses"))), word(stp)};
    } else if (sub == QLatin1String("remove-port") && args.size() == 2) {
        method = QStringLiteral("RemovePort");
        strings = {args.at(0), args.at(1)};
    } else if (sub == QLatin1String("stp") && args.size() == 2) {
        bool on = false;
        if (!HelperCall::parseOnOff(args.at(1), &on))
            return usageError();
        method = QStringLiteral("SetStp");
        strings = {args.at(0), word(on)};
    } else {
        return usageError();
    }

    HelperClient client;
    if (HelperCall::dryRun(parser))
        return HelperCall::plan(client, method, strings, timeout);
    const auto flag = [&strings](int i) { return strings.at(i) == QLatin1String("true"); };
    const auto change = [&client, &method, &strings](QDBusPendingReply<QString> call) {
        return HelperCall::change(client, call, method, strings);
    };
    if (method == QLatin1String("CreateBridge"))
        return change(client.createBridge(strings.at(0), flag(1), timeout));
    if (method == QLatin1String("DeleteBridge"))
        return change(client.deleteBridge(strings.at(0), timeout));
    if (method == QLatin1String("BridgePort"))
        return change(client.bridgePort(strings.at(0), strings.at(1), flag(2), flag(3), timeout));
    if (method == QLatin1String("RemovePort"))
        return change(client.removePort(strings.at(0), strings.at(1), timeout));
    return change(client.setStp(strings.at(0), flag(1), timeout));
}
