#include "transactioncommand.h"

#include "cliargs.h"
#include "helpercall.h"
#include "helperclient.h"
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
        }
        Cli::printOut(text);
        return ExitOk;
    }

    QString transaction = positional.value(0);
    if (transaction.isEmpty()) {
        const auto pending = pendingChanges(client, &code);
        if (!pending)
            return code;
        if (pending->isEmpty())
            return Cli::fail(tr("no change of yours waits for confirmation"));
        if (pending->size() > 1)
            return Cli::fail(tr("several changes wait for confirmation; name one (see \"passerellectl status\")"));
        transaction = pending->first().transaction;
    }
    if (command == QLatin1String("confirm"))
        return HelperCall::wait(client, client.confirm(transaction));
    return HelperCall::wait(client, client.revert(transaction));
}
