#include "helpercall.h"

#include "cliargs.h"
#include "helperclient.h"
#include "helpererrortext.h"
#include "helperplantext.h"
#include "helperprotocol.h"

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QEventLoop>

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

// A final change in one line, as "passerellectl bridge create" ends: the
// helper's METHOD and its string ARGUMENTS, as Plan takes them.
QString doneLine(const QString &method, const QStringList &a)
{
    const auto name = [&a](int i) { return HelperErrorText::printableName(a.value(i)); };
    const bool on = a.value(1) == QLatin1String("true");
    if (method == QLatin1String("CreateBridge"))
        return HelperCall::tr("Bridge %1 created.").arg(name(0));
    if (method == QLatin1String("DeleteBridge"))
        return HelperCall::tr("Bridge %1 deleted.").arg(name(0));
    if (method == QLatin1String("BridgePort"))
        return a.value(2) == QLatin1String("true")
            ? HelperCall::tr("%2 is a port of bridge %1, its addresses and routes moved onto %1.").arg(name(0), name(1))
            : HelperCall::tr("%2 is a port of bridge %1, its addresses left on it.").arg(name(0), name(1));
    if (method == QLatin1String("RemovePort"))
        return HelperCall::tr("%2 released from bridge %1.").arg(name(0), name(1));
    if (method == QLatin1String("SetStp"))
        return on ? HelperCall::tr("STP is on for bridge %1.").arg(name(0))
                  : HelperCall::tr("STP is off for bridge %1.").arg(name(0));
    if (method == QLatin1String("SetLinkUp"))
        return on ? HelperCall::tr("%1 is up.").arg(name(0)) : HelperCall::tr("%1 is down.").arg(name(0));
    return HelperCall::tr("Done.");
}

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

int HelperCall::change(HelperClient &client, QDBusPendingReply<QString> call, const QString &method,
                       const QStringList &arguments)
{
    if (const int code = wait(client, call); code != ExitOk)
        return code;
    const QString transaction = call.value();
    // A change on trial says for how long and how to keep it; a final one
    // says what is done, in one line.
    QDBusPendingReply<HelperPendingList> pending = client.pending();
    pending.waitForFinished();
    if (!pending.isError()) {
        for (const HelperPendingTransaction &p : pending.value()) {
            if (p.transaction != transaction)
                continue;
            Cli::printOut(tr("Applied, on trial: it is undone in %n second(s) unless you keep it with:\n"
                             "  passerellectl confirm %1\n",
                             nullptr, int(p.secondsLeft))
                              .arg(transaction));
            return ExitOk;
        }
    }
    Cli::printOut(doneLine(method, arguments) + QLatin1Char('\n'));
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
    const QString text = formatSteps(steps);
    Cli::printOut(text.isEmpty() ? tr("Nothing would change.\n") : text);
    printWarnings(steps, false);
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
    const QString text = formatSteps(steps);
    Cli::printOut(text.isEmpty() ? tr("Nothing would change.\n") : text);
    // As after a real run: on stderr, and putting containers on the LAN
    // always comes with the seed's warning.
    printWarnings(steps, method != QLatin1String("ResetDockerBridge"));
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
