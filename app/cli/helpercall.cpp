#include "helpercall.h"

#include "cliargs.h"
#include "helperclient.h"
#include "helpererrortext.h"
#include "helperplantext.h"

using namespace Passerelle;

namespace {

int report(const HelperFailure &failure)
{
    // The sentence for people, the stable name for scripts and bug reports.
    return Cli::fail(QStringLiteral("%1 (%2)").arg(HelperErrorText::sentence(failure), failure.name));
}

constexpr uint maxConfirmSeconds = 3600;

} // namespace

void HelperCall::addChangeOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("confirm-timeout"),
                      tr("Undo the change after SECONDS unless \"passerellectl confirm\" comes first."),
                      tr("SECONDS")});
    parser.addOption({QStringLiteral("dry-run"), tr("Print what would change, step by step, and change nothing.")});
}

bool HelperCall::confirmTimeout(const QCommandLineParser &parser, uint *seconds)
{
    *seconds = 0;
    if (!parser.isSet(QStringLiteral("confirm-timeout")))
        return true;
    bool ok = false;
    const uint value = parser.value(QStringLiteral("confirm-timeout")).toUInt(&ok);
    if (!ok || value < 1 || value > maxConfirmSeconds) {
        Cli::fail(tr("--confirm-timeout takes a number of seconds from 1 to %1").arg(maxConfirmSeconds), ExitUsage);
        return false;
    }
    *seconds = value;
    return true;
}

bool HelperCall::dryRun(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("dry-run"));
}

int HelperCall::wait(const HelperClient &client, QDBusPendingCall call)
{
    if (const auto failure = client.connectionFailure())
        return report(*failure);
    call.waitForFinished();
    if (const auto failure = HelperClient::failureOf(call))
        return report(*failure);
    return ExitOk;
}

int HelperCall::change(HelperClient &client, QDBusPendingReply<QString> call)
{
    if (const int code = wait(client, call); code != ExitOk)
        return code;
    const QString transaction = call.value();
    // Quiet when the change is final, as ip is; a change on trial says so.
    QDBusPendingReply<HelperPendingList> pending = client.pending();
    pending.waitForFinished();
    if (pending.isError())
        return ExitOk;
    const HelperPendingList list = pending.value();
    for (const HelperPendingTransaction &p : list) {
        if (p.transaction != transaction)
            continue;
        Cli::printOut(tr("Done. The change is undone in %n second(s) unless you keep it with:\n"
                         "  passerellectl confirm %1\n",
                         nullptr, int(p.secondsLeft))
                          .arg(transaction));
    }
    return ExitOk;
}

int HelperCall::plan(HelperClient &client, const QString &method, const QStringList &arguments, uint confirmTimeout)
{
    if (const auto failure = client.connectionFailure())
        return report(*failure);
    QDBusPendingReply<HelperPlan> reply = client.plan(method, arguments);
    reply.waitForFinished();
    if (const auto failure = HelperClient::failureOf(reply))
        return report(*failure);
    HelperPlan steps = reply.value();
    // A timeout asked for replaces the one the helper would impose.
    if (confirmTimeout > 0) {
        steps.removeIf([](const HelperPlanStep &s) { return s.name == QLatin1String("Confirm"); });
        steps.append({QStringLiteral("Confirm"), {QString::number(confirmTimeout)}});
    }
    if (steps.isEmpty()) {
        Cli::printOut(tr("Nothing would change.\n"));
        return ExitOk;
    }
    QString text;
    for (int i = 0; i < steps.size(); ++i)
        text += QStringLiteral("%1. %2\n").arg(i + 1).arg(HelperPlanText::step(steps.at(i)));
    Cli::printOut(text);
    return ExitOk;
}

bool HelperCall::parseOnOff(const QString &word, bool *on)
{
    if (word == QLatin1String("on") || word == QLatin1String("off")) {
        *on = word == QLatin1String("on");
        return true;
    }
    return false;
}

bool HelperCall::parseUpDown(const QString &word, bool *up)
{
    if (word == QLatin1String("up") || word == QLatin1String("down")) {
        *up = word == QLatin1String("up");
        return true;
    }
    return false;
}
