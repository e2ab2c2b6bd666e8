#include "helpercall.h"

#include "cliargs.h"
#include "helperclient.h"
#include "helpererrortext.h"
#include "helperplantext.h"
#include "helperprotocol.h"

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QEventLoop>

#include <algorithm>

using namespace Passerelle;

namespace {

int report(const HelperFailure &failure)
{
    // The sentence for people, the stable name for scripts and bug reports.
    const int code = Cli::fail(QStringLiteral("%1 (%2)").arg(HelperErrorText::sentence(failure), failure.name));
    if (failure.is(HelperError::DockerConflict))
        Cli::printError(HelperCall::tr("passerellectl: --move-options moves it into daemon.json instead"));
    return code;
}

bool isWarning(const HelperPlanStep &step)
{
    return step.name == QLatin1String("Warning");
}

const QString reachableWarning = QStringLiteral("containers-reachable");

constexpr uint maxConfirmSeconds = 3600;

} // namespace

DockerProgressPrinter::DockerProgressPrinter(const QString &transaction)
    : m_transaction(transaction)
{
    QDBusConnection::systemBus().connect(HelperProtocol::ServiceName, HelperProtocol::ObjectPath,
                                         HelperProtocol::InterfaceName, QStringLiteral("DockerProgress"), this,
                                         SLOT(onProgress(QString,QString,QStringList)));
}

DockerProgressPrinter::~DockerProgressPrinter()
{
    QDBusConnection::systemBus().disconnect(HelperProtocol::ServiceName, HelperProtocol::ObjectPath,
                                            HelperProtocol::InterfaceName, QStringLiteral("DockerProgress"), this,
                                            SLOT(onProgress(QString,QString,QStringList)));
}

void DockerProgressPrinter::onProgress(const QString &transaction, const QString &stage, const QStringList &parameters)
{
    if (transaction != m_transaction)
        return;
    Cli::printOut(QStringLiteral("  %1\n").arg(HelperPlanText::progress(stage, parameters)));
}

void HelperCall::addChangeOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("confirm-timeout"),
                      tr("Undo the change after SECONDS unless \"passerellectl confirm\" comes first."),
                      tr("SECONDS")});
    addDryRunOption(parser);
}

void HelperCall::addDryRunOption(QCommandLineParser &parser)
{
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

int HelperCall::waitWithEvents(const HelperClient &client, QDBusPendingCall call)
{
    if (const auto failure = client.connectionFailure())
        return report(*failure);
    if (!call.isFinished()) {
        QEventLoop loop;
        QDBusPendingCallWatcher watcher(call);
        QObject::connect(&watcher, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
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
    Cli::printOut(formatSteps(steps));
    return ExitOk;
}

int HelperCall::planDocker(HelperClient &client, const QString &method, const QStringList &arguments,
                           const QVariantMap &options, uint confirmTimeout)
{
    if (const auto failure = client.connectionFailure())
        return report(*failure);
    QDBusPendingReply<HelperPlan> reply = client.planDocker(method, arguments, options);
    reply.waitForFinished();
    if (const auto failure = HelperClient::failureOf(reply))
        return report(*failure);
    HelperPlan steps = reply.value();
    // Expose waits for confirmation between its network and Docker parts:
    // the timeout asked for replaces the helper's, in place.
    if (confirmTimeout > 0) {
        for (HelperPlanStep &s : steps) {
            if (s.name == QLatin1String("Confirm"))
                s.parameters = {QString::number(confirmTimeout)};
        }
    }
    // Putting containers on the LAN always comes with the seed's warning.
    const bool reachable = method != QLatin1String("ResetDockerBridge");
    if (reachable && std::none_of(steps.cbegin(), steps.cend(), [](const HelperPlanStep &s) {
            return isWarning(s) && s.parameters.value(0) == reachableWarning;
        }))
        steps.append({QStringLiteral("Warning"), {reachableWarning}});
    QString text = formatSteps(steps);
    if (text.isEmpty())
        text = tr("Nothing would change.\n");
    // A dry run's warnings belong to its output: stdout, after the steps.
    for (const HelperPlanStep &s : steps) {
        if (isWarning(s))
            text += HelperPlanText::step(s) + QLatin1Char('\n');
    }
    Cli::printOut(text);
    return ExitOk;
}

QString HelperCall::formatSteps(const HelperPlan &steps)
{
    QString text;
    int number = 0;
    bool confirmSeen = false;
    for (const HelperPlanStep &s : steps) {
        if (isWarning(s))
            continue;
        if (confirmSeen) {
            text += tr("Once confirmed:\n");
            confirmSeen = false;
        }
        text += QStringLiteral("%1. %2\n").arg(++number).arg(HelperPlanText::step(s));
        confirmSeen = s.name == QLatin1String("Confirm");
    }
    return text;
}

void HelperCall::printWarnings(const HelperPlan &steps, bool reachable)
{
    bool reachablePrinted = false;
    for (const HelperPlanStep &s : steps) {
        if (!isWarning(s))
            continue;
        reachablePrinted = reachablePrinted || s.parameters.value(0) == reachableWarning;
        Cli::printError(tr("passerellectl: warning: %1").arg(HelperPlanText::warning(s.parameters)));
    }
    if (reachable && !reachablePrinted)
        Cli::printError(tr("passerellectl: warning: %1").arg(HelperPlanText::warning({reachableWarning})));
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
