// passerellectl: the host's bridges, veths and containers from a terminal.
#include "bridgecommand.h"
#include "cliargs.h"
#include "linkcommand.h"
#include "monitorcommand.h"
#include "topologycommand.h"
#include "transactioncommand.h"
#include "translations.h"
#include "whoownscommand.h"

#include <QCoreApplication>

namespace {

class Main
{
    Q_DECLARE_TR_FUNCTIONS(Main)
public:
    static QString usage()
    {
        return tr("Usage: passerellectl [--lang fr|en] COMMAND [OPTIONS]\n"
                  "\n"
                  "Commands:\n"
                  "  topology [--json]                    Show links, bridges, veths and containers\n"
                  "  monitor [--json]                     Print each change as it happens (Ctrl-C ends)\n"
                  "  who-owns IFNAME                      Who holds the far end of a veth\n"
                  "  who-owns --container NAME|ID         The host-side links of a container\n"
                  "  bridge create NAME [--stp on|off]    Create a bridge (asks passerelle-helper)\n"
                  "  bridge delete NAME                   Delete a bridge; its ports are released\n"
                  "  bridge add-port BRIDGE PORT          Bridge PORT into BRIDGE, moving its addresses\n"
                  "         [--keep-addresses]            (--keep-addresses: leave them on PORT)\n"
                  "  bridge remove-port BRIDGE PORT       Release PORT from BRIDGE\n"
                  "  bridge stp BRIDGE on|off             Turn STP on or off on a bridge\n"
                  "  link set NAME up|down                Bring a link up or down\n"
                  "  plan COMMAND ...                     What a bridge or link command would change\n"
                  "  status                               Your change waiting for confirmation, if any\n"
                  "  confirm [TRANSACTION]                Keep a change waiting for confirmation\n"
                  "  revert [TRANSACTION]                 Undo it now\n"
                  "\n"
                  "Changing commands take --confirm-timeout SECONDS (undone then unless confirmed)\n"
                  "and --dry-run (print the steps, change nothing).\n"
                  "Common options: --json, --no-docker, -H/--docker-host URL, --help\n"
                  "Run 'passerellectl COMMAND --help' for more about a command.\n");
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("passerellectl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASSERELLE_VERSION));

    QStringList args = QCoreApplication::arguments();
    Passerelle::installTranslations(Passerelle::languageFromArguments(args));
    // --lang was read above; the commands do not see it.
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size()) {
            args.remove(i, 2);
            break;
        }
        if (args.at(i).startsWith(QLatin1String("--lang="))) {
            args.remove(i);
            break;
        }
    }

    if (args.size() < 2) {
        Cli::printError(Main::usage());
        return ExitUsage;
    }
    const QString command = args.at(1);
    // Each command parses its own options; it sees "passerellectl COMMAND ...".
    const QStringList rest = QStringList{QStringLiteral("passerellectl ") + command} + args.mid(2);
    if (command == QLatin1String("topology"))
        return TopologyCommand::run(rest);
    if (command == QLatin1String("monitor"))
        return MonitorCommand::run(rest);
    if (command == QLatin1String("who-owns"))
        return WhoOwnsCommand::run(rest);
    if (command == QLatin1String("bridge"))
        return BridgeCommand::run(rest);
    if (command == QLatin1String("link"))
        return LinkCommand::run(rest);
    if (command == QLatin1String("confirm") || command == QLatin1String("revert") || command == QLatin1String("status"))
        return TransactionCommand::run(command, rest);
    if (command == QLatin1String("plan") && args.size() >= 3
        && (args.at(2) == QLatin1String("bridge") || args.at(2) == QLatin1String("link"))) {
        // "plan bridge add-port br0 em1" is "bridge add-port br0 em1 --dry-run".
        const QStringList planned = QStringList{QStringLiteral("passerellectl ") + args.at(2)} + args.mid(3)
            + QStringList{QStringLiteral("--dry-run")};
        return args.at(2) == QLatin1String("bridge") ? BridgeCommand::run(planned) : LinkCommand::run(planned);
    }
    if (command == QLatin1String("plan"))
        return Cli::fail(Main::tr("usage: passerellectl plan bridge|link ARGUMENTS..."), ExitUsage);
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        Cli::printOut(Main::usage());
        return ExitOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        Cli::printOut(QStringLiteral("passerellectl %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    Cli::printError(Main::tr("passerellectl: unknown command \"%1\"").arg(command));
    Cli::printError(Main::usage());
    return ExitUsage;
}
