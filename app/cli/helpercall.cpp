#include "helpercall.h"

#include "cliargs.h"
#include "helperclient.h"
#include "helpererrortext.h"

using namespace Passerelle;

namespace {

int report(const HelperFailure &failure)
{
    // The sentence for people, the stable name for scripts and bug reports.
    return Cli::fail(QStringLiteral("%1 (%2)").arg(HelperErrorText::sentence(failure), failure.name));
}

} // namespace

int HelperCall::wait(const HelperClient &client, QDBusPendingCall call)
{
    if (const auto failure = client.connectionFailure())
        return report(*failure);
    call.waitForFinished();
    if (const auto failure = HelperClient::failureOf(call))
        return report(*failure);
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
