// passerellectl: the host's bridges, veths and containers from a terminal.
#include "bridgecommand.h"
#include "cliargs.h"
#include "dockercommand.h"
#include "exposecommand.h"
#include "helpererrortext.h"
#include "linkcommand.h"
#include "monitorcommand.h"
#include "topologycommand.h"
#include "transactioncommand.h"
#include "translations.h"
#include "whoownscommand.h"

#include <QCoreApplication>

#include <algorithm>

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
                  "  docker use-bridge BRIDGE [OPTIONS]   Docker's default network on BRIDGE, then a restart\n"
                  "  docker reset-bridge [--no-restart]   Docker's own docker0 again\n"
                  "  docker status [--json]               The bridge Docker uses, where each setting comes from\n"
                  "  expose PORT --bridge BRIDGE [OPTIONS]\n"
                  "                                       Containers on the physical network: bridge PORT into\n"
                  "                                       BRIDGE now; once confirmed, Docker is set up for it\n"
                  "  plan COMMAND ...                     What a bridge, link, docker or expose command would change\n"
                  "  status                               Your change waiting for confirmation, if any\n"
                  "  confirm [TRANSACTION]                Keep a change waiting for confirmation\n"
                  "  revert [TRANSACTION]                 Undo it now\n"
                  "\n"
                  "Changing commands take --confirm-timeout SECONDS (undone then unless confirmed)\n"
                  "and --dry-run (print the steps, change nothing).\n"
                  "docker use-bridge and expose take --fixed-cidr CIDR, --default-gateway IP,\n"
                  "--mode default-bridge|network, --network NAME, --persist|--no-persist (expose makes\n"
                  "the bridge permanent unless --no-persist), --move-options, --allow-forwarding.\n"
                  "Containers exposed on the LAN are reachable from it: their security is yours to ensure.\n"
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
    // --lang is read here, before any parser, and the commands do not see it.
    bool langGiven = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--"))
            break;
        if (args.at(i) == QLatin1String("--lang")) {
            langGiven = true;
            args.remove(i, std::min<qsizetype>(2, args.size() - i));
            break;
        }
        if (args.at(i).startsWith(QLatin1String("--lang="))) {
            langGiven = true;
            args.remove(i);
            break;
        }
    }
    const QString lang = Passerelle::languageFromArguments(QCoreApplication::arguments());
    if (langGiven && !Passerelle::isSupportedLanguage(lang)) {
        // Said in the system's language: the one asked for is not there.
        Passerelle::installTranslations();
        const QString supported = Passerelle::supportedLanguages().join(QStringLiteral(", "));
        return Cli::fail(lang.isEmpty() ? Main::tr("--lang needs a language (supported: %1)").arg(supported)
                                        : Main::tr("unsupported language \"%1\" for --lang (supported: %2)")
                                              .arg(Passerelle::HelperErrorText::printableName(lang), supported),
                         ExitUsage);
    }
    Passerelle::installTranslations(lang);

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
    if (command == QLatin1String("docker"))
        return DockerCommand::run(rest);
    if (command == QLatin1String("expose"))
        return ExposeCommand::run(rest);
    const QString planned = args.value(2);
    if (command == QLatin1String("plan")
        && (planned == QLatin1String("bridge") || planned == QLatin1String("link")
            || planned == QLatin1String("expose")
            || (planned == QLatin1String("docker") && args.value(3) != QLatin1String("status")))) {
        // "plan bridge add-port br0 em1" is "bridge add-port br0 em1 --dry-run".
        const QStringList plan = QStringList{QStringLiteral("passerellectl ") + planned} + args.mid(3)
            + QStringList{QStringLiteral("--dry-run")};
        if (planned == QLatin1String("bridge"))
            return BridgeCommand::run(plan);
        if (planned == QLatin1String("link"))
            return LinkCommand::run(plan);
        if (planned == QLatin1String("docker"))
            return DockerCommand::run(plan);
        return ExposeCommand::run(plan);
    }
    if (command == QLatin1String("plan"))
        return Cli::fail(Main::tr("usage: passerellectl plan bridge|link|docker|expose ARGUMENTS..."), ExitUsage);
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
