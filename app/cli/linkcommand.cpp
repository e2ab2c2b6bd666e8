#include "linkcommand.h"

#include "cliargs.h"
#include "helpercall.h"
#include "helperclient.h"

#include <QCommandLineParser>

using namespace Passerelle;

int LinkCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Bring a link up or down. passerelle-helper makes the change once polkit authorizes it, "
           "which may ask for a password. Bringing down the link of the default route or of a remote "
           "session is undone after 60 seconds unless \"passerellectl confirm\" keeps it."));
    parser.addHelpOption();
    HelperCall::addChangeOptions(parser);
    parser.addPositionalArgument(QStringLiteral("set"), tr("The only subcommand so far."));
    parser.addPositionalArgument(tr("NAME"), tr("The link, such as em1 or br0."));
    parser.addPositionalArgument(QStringLiteral("up|down"), tr("The state to put it in."));
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    bool up = false;
    if (positional.size() != 3 || positional.at(0) != QLatin1String("set")
        || !HelperCall::parseUpDown(positional.at(2), &up))
        return Cli::fail(tr("usage: passerellectl link set NAME up|down [--confirm-timeout SECONDS] [--dry-run]"),
                         ExitUsage);
    uint timeout = 0;
    if (!HelperCall::confirmTimeout(parser, &timeout))
        return ExitUsage;

    HelperClient client;
    const QStringList strings{positional.at(1), up ? QStringLiteral("true") : QStringLiteral("false")};
    if (HelperCall::dryRun(parser))
        return HelperCall::plan(client, QStringLiteral("SetLinkUp"), strings, timeout);
    return HelperCall::change(client, client.setLinkUp(positional.at(1), up, timeout), QStringLiteral("SetLinkUp"),
                              strings);
}
