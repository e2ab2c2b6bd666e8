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
                             "       passerellectl bridge add-port BRIDGE PORT\n"
                             "       passerellectl bridge remove-port BRIDGE PORT\n"
                             "       passerellectl bridge stp BRIDGE on|off");
}

int usageError()
{
    return Cli::fail(usageLine(), ExitUsage);
}

} // namespace

int BridgeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create and delete bridges and change their ports. passerelle-helper makes the change once "
           "polkit authorizes it, which may ask for a password.\n"
           "\n"
           "  create NAME [--stp on|off]   A new bridge, down; STP off unless asked\n"
           "  delete NAME                  Delete a bridge; its ports are released\n"
           "  add-port BRIDGE PORT         Make PORT a port of BRIDGE; PORT keeps its addresses\n"
           "  remove-port BRIDGE PORT      Release PORT from BRIDGE\n"
           "  stp BRIDGE on|off            Turn the Spanning Tree Protocol on or off"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("stp"), tr("With create: run the Spanning Tree Protocol (default off)."),
                      QStringLiteral("on|off")});
    parser.addPositionalArgument(tr("SUBCOMMAND"), tr("create, delete, add-port, remove-port or stp."));
    if (!parser.parse(arguments))
        return Cli::fail(parser.errorText(), ExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        Cli::printOut(parser.helpText());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError();
    const QString sub = positional.first();
    const QStringList args = positional.mid(1);
    const bool stpSet = parser.isSet(QStringLiteral("stp"));
    if (stpSet && sub != QLatin1String("create"))
        return Cli::fail(tr("--stp is only for \"bridge create\"; use \"bridge stp BRIDGE on|off\""), ExitUsage);

    HelperClient client;
    if (sub == QLatin1String("create") && args.size() == 1) {
        bool stp = false;
        if (stpSet && !HelperCall::parseOnOff(parser.value(QStringLiteral("stp")), &stp))
            return Cli::fail(tr("--stp takes on or off"), ExitUsage);
        return HelperCall::wait(client, client.createBridge(args.at(0), stp));
    }
    if (sub == QLatin1String("delete") && args.size() == 1)
        return HelperCall::wait(client, client.deleteBridge(args.at(0)));
    if (sub == QLatin1String("add-port") && args.size() == 2) {
        // The plain enslave: PORT's addresses and routes stay on PORT. The
        // helper's compound "bridge PORT into BRIDGE" (addresses and routes
        // moved, rollback, confirmation) will be a method of its own.
        return HelperCall::wait(client, client.addPort(args.at(0), args.at(1)));
    }
    if (sub == QLatin1String("remove-port") && args.size() == 2)
        return HelperCall::wait(client, client.removePort(args.at(0), args.at(1)));
    if (sub == QLatin1String("stp") && args.size() == 2) {
        bool on = false;
        if (!HelperCall::parseOnOff(args.at(1), &on))
            return usageError();
        return HelperCall::wait(client, client.setStp(args.at(0), on));
    }
    return usageError();
}
