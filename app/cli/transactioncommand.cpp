#include "transactioncommand.h"

#include "cliargs.h"
#include "helpercall.h"
#include "helperclient.h"
#include "helpererrortext.h"
#include "helperplantext.h"

#include <QCommandLineParser>

using namespace Passerelle;

namespace {

// The caller's changes waiting for confirmation; nullopt with the error printed.
std::optional<HelperPendingList> pendingChanges(HelperClient &client, int *code)
{
    *code = HelperCall::wait(client, client.capabilities());
    if (*code != ExitOk)
        return std::nullopt;
    QDBusPendingReply<HelperPendingList> reply = client.pending();
    *code = HelperCall::wait(client, reply);
    if (*code != ExitOk)
        return std::nullopt;
    return reply.value();
}

} // namespace

int TransactionCommand::run(const QString &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (command == QLatin1String("status")) {
        parser.setApplicationDescription(
            tr("Show the change of yours that passerelle-helper keeps on trial: what it is, how many seconds "
               "are left, and that it is undone then unless confirmed."));
    } else {
        parser.setApplicationDescription(
            command == QLatin1String("confirm")
                ? tr("Keep a change that waits for confirmation. Without TRANSACTION, your only one.")
                : tr("Undo now a change that waits for confirmation. Without TRANSACTION, your only one."));
        parser.addPositionalArgument(tr("TRANSACTION"), tr("The handle the change was given (optional)."),
                                     tr("[TRANSACTION]"));
    }
    parser.addHelpOption();
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > (command == QLatin1String("status") ? 0 : 1))
        return Cli::fail(command == QLatin1String("status") ? tr("usage: passerellectl status")
                                                            : tr("usage: passerellectl %1 [TRANSACTION]").arg(command),
                         ExitUsage);

    HelperClient client;
    int code = ExitOk;
    if (command == QLatin1String("status")) {
        const auto pending = pendingChanges(client, &code);
        if (!pending)
            return code;
        if (pending->isEmpty()) {
            Cli::printOut(tr("No change of yours waits for confirmation.\n"));
            return ExitOk;
        }
        QString text;
        for (const HelperPendingTransaction &p : *pending) {
            text += tr("Waiting for confirmation: %1\n").arg(HelperPlanText::operation(p.method, p.parameters));
            text += tr("  transaction %1\n").arg(p.transaction);
            text += tr("  undone in %n second(s) unless kept with \"passerellectl confirm\"\n", nullptr,
                       int(p.secondsLeft));
            // An Expose's confirmation does more than keep it: say what.
            for (const QString &line : HelperPlanText::followUp(p.method, p.parameters))
                text += QStringLiteral("  %1\n").arg(line);
        }
        Cli::printOut(text);
        return ExitOk;
    }

    QString transaction = positional.value(0);
    const bool confirm = command == QLatin1String("confirm");
    // What is confirmed: an Expose then sets Docker up before the helper answers.
    std::optional<HelperPendingTransaction> change;
    if (transaction.isEmpty() || confirm) {
        const auto pending = pendingChanges(client, &code);
        if (!pending)
            return code;
        if (transaction.isEmpty()) {
            if (pending->isEmpty())
                return Cli::fail(tr("no change of yours waits for confirmation"));
            if (pending->size() > 1)
                return Cli::fail(tr("several changes wait for confirmation; name one (see \"passerellectl status\")"));
            transaction = pending->first().transaction;
        }
        for (const HelperPendingTransaction &p : *pending) {
            if (p.transaction == transaction)
                change = p;
        }
    }
    if (!confirm) {
        if (const int result = HelperCall::wait(client, client.revert(transaction)); result != ExitOk)
            return result;
        Cli::printOut(tr("Reverted.\n"));
        return ExitOk;
    }
    if (!change || change->method != QLatin1String("Expose")) {
        if (const int result = HelperCall::wait(client, client.confirm(transaction)); result != ExitOk)
            return result;
        Cli::printOut(tr("Kept.\n"));
        return ExitOk;
    }

    // Expose's parameters: [port, bridge, fixedCidr, defaultGateway, mode, persist].
    const bool network = change->parameters.value(4) == QLatin1String("network");
    const QString bridge = HelperErrorText::printableName(change->parameters.value(1));
    Cli::printOut(tr("Keeping: %1\n").arg(HelperPlanText::operation(change->method, change->parameters)));
    for (const QString &line :
         HelperPlanText::followUp(change->method, change->parameters, HelperPlanText::FollowUpTime::Now))
        Cli::printOut(QStringLiteral("  %1\n").arg(line));
    Cli::printOut(network ? tr("Creating the Docker network on bridge %1:\n").arg(bridge)
                          : tr("Setting Docker up; its restart can take a minute:\n"));
    const DockerProgressPrinter progress(transaction);
    if (const int result = HelperCall::waitWithEvents(client, client.confirm(transaction)); result != ExitOk)
        return result;
    Cli::printOut(network ? tr("Done: the change is kept and the Docker network on bridge %1 is ready.\n").arg(bridge)
                          : tr("Done: the change is kept and Docker's default bridge is %1.\n").arg(bridge));
    return ExitOk;
}
