#include "helpererrortext.h"

#include "helperprotocol.h"

namespace Passerelle {

namespace {

bool isOneOf(const QString &name, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

} // namespace

QString HelperErrorText::printableName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f)
            out += c;
        else if (u < 0x100)
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
    }
    return out;
}

QString HelperErrorText::sentence(const HelperFailure &failure)
{
    const QStringList &p = failure.parameters;
    const QString p0 = printableName(p.value(0));
    const QString p1 = printableName(p.value(1));

    if (const auto error = failure.error()) {
        switch (*error) {
        case HelperError::NotAuthorized:
            if (p.value(0) == HelperProtocol::ActionManageBridges)
                return tr("not authorized to manage bridges");
            if (p.value(0) == HelperProtocol::ActionConfigureDocker)
                return tr("not authorized to configure Docker");
            return tr("not authorized to make this change");
        case HelperError::InvalidName:
            switch (invalidNameReasonFromKey(p.value(1)).value_or(InvalidNameReason::ForbiddenCharacter)) {
            case InvalidNameReason::Empty:
                return tr("an interface name cannot be empty");
            case InvalidNameReason::TooLong:
                return tr("\"%1\" is not a valid interface name: it is longer than 15 bytes").arg(p0);
            case InvalidNameReason::NotPrintableAscii:
                return tr("\"%1\" is not a valid interface name: only printable ASCII characters are allowed").arg(p0);
            case InvalidNameReason::ForbiddenCharacter:
                return tr("\"%1\" is not a valid interface name: it must not contain '/', ':', '%' or spaces").arg(p0);
            case InvalidNameReason::Dot:
                return tr("\"%1\" is not a valid interface name: \".\" and \"..\" are reserved").arg(p0);
            case InvalidNameReason::AllDigits:
                return tr("\"%1\" is not a valid interface name: a name made only of digits would be read as an interface index").arg(p0);
            }
            break;
        case HelperError::NoSuchLink:
            return tr("there is no link named \"%1\"").arg(p0);
        case HelperError::NotABridge:
            return p1.isEmpty() ? tr("%1 is not a bridge").arg(p0)
                                : tr("%1 is not a bridge (it is a %2 link)").arg(p0, p1);
        case HelperError::NotAPort:
            return tr("%1 is not a port of %2").arg(p0, p1);
        case HelperError::IsLoopback:
            return tr("%1 is the loopback device; it is never changed").arg(p0);
        case HelperError::AlreadyExists:
            return tr("a link named \"%1\" already exists").arg(p0);
        case HelperError::AlreadyPort:
            return tr("%1 is already a port of %2; remove it from there first").arg(p0, p1);
        case HelperError::Loop:
            if (p.value(0) == p.value(1))
                return tr("a bridge cannot be a port of itself (%1)").arg(p0);
            return tr("making %2 a port of %1 would create a loop").arg(p0, p1);
        case HelperError::InContainerNamespace:
            return tr("%1 is inside a container's network namespace").arg(p0);
        case HelperError::Busy:
            if (p.value(0) == QLatin1String("transaction"))
                return tr("another change is being made or waits for confirmation; try again once it is over");
            return tr("the helper is busy with other requests from this program; try again");
        case HelperError::NoSuchTransaction:
            return tr("no change of yours with the handle \"%1\" waits for confirmation").arg(p0);
        case HelperError::InvalidArgument:
            if (p.value(0) == QLatin1String("confirmTimeout") || p.value(0) == QLatin1String("seconds"))
                return tr("%1 seconds is not a valid confirmation time (1 to 3600)").arg(p1);
            if (p.value(0) == QLatin1String("method"))
                return tr("the helper has no change called \"%1\"").arg(p1);
            if (p.value(0) == QLatin1String("options"))
                return tr("the helper does not accept the option \"%1\" (is it older than this program?)").arg(p1);
            if (p.value(0) == QLatin1String("fixedCidr"))
                return tr("\"%1\" is not a valid IPv4 subnet for the container addresses").arg(p1);
            if (p.value(0) == QLatin1String("defaultGateway"))
                return tr("\"%1\" is not a valid IPv4 address for the containers' gateway").arg(p1);
            if (p.value(0) == QLatin1String("mode"))
                return tr("\"%1\" is not a mode the helper knows (default-bridge or network)").arg(p1);
            return tr("the arguments given for \"%1\" are not valid").arg(p1);
        case HelperError::Failed:
            if (!p.value(2).isEmpty())
                return tr("the change failed: %1").arg(p.value(2));
            return tr("the change failed");
        case HelperError::InvalidJson:
            return tr("%1 is not valid JSON (line %2, column %3: %4); it was left as it was")
                .arg(p0, printableName(p.value(1)), printableName(p.value(2)), printableName(p.value(3)));
        case HelperError::UnsafeFile:
            if (p.value(1) == QLatin1String("symlink"))
                return tr("%1 is a symbolic link; the helper never writes through a link").arg(p0);
            if (p.value(1) == QLatin1String("not-regular"))
                return tr("%1 is not a regular file; the helper only replaces regular files").arg(p0);
            return tr("%1 cannot be written safely (%2)").arg(p0, p1);
        case HelperError::DockerConflict:
            return tr("Docker also takes %2 %3 from %1, and with both dockerd would refuse to start; nothing was "
                      "changed")
                .arg(p0, p1, printableName(p.value(2)));
        case HelperError::NotInSubnet: {
            const QString subnets = printableName(p.value(2));
            const bool gateway = p.value(0) == QLatin1String("defaultGateway");
            if (subnets.isEmpty())
                return gateway ? tr("the gateway %1 cannot be checked: the bridge has no IPv4 address").arg(p1)
                               : tr("the container address range %1 cannot be checked: the bridge has no IPv4 address")
                                     .arg(p1);
            return gateway ? tr("the gateway %1 is not inside the bridge's subnet (%2)").arg(p1, subnets)
                           : tr("the container address range %1 is not inside the bridge's subnet (%2)").arg(p1, subnets);
        }
        case HelperError::BridgeDown:
            return tr("bridge %1 is down; Docker needs it up").arg(p0);
        case HelperError::DockerUnreachable:
            return p1.isEmpty() ? tr("Docker does not answer on %1").arg(p0)
                                : tr("Docker does not answer on %1: %2").arg(p0, p1);
        case HelperError::DockerFailed: {
            // [stage, detail, outcome]: what failed, in the daemon's words,
            // and whether Docker runs again as before.
            const QString detail = printableName(p.value(1));
            const bool restored = p.value(2) == QLatin1String("restored");
            const QString &stage = p.value(0);
            if (stage == QLatin1String("restart"))
                return restored ? tr("restarting Docker failed (%1); the previous configuration is back and Docker "
                                     "runs as before").arg(detail)
                                : tr("restarting Docker failed (%1), and the previous state could not be brought "
                                     "back").arg(detail);
            if (stage == QLatin1String("start"))
                return restored ? tr("Docker did not answer after the restart (%1); the previous configuration is "
                                     "back and Docker runs as before").arg(detail)
                                : tr("Docker did not answer after the restart (%1), and the previous state could "
                                     "not be brought back").arg(detail);
            if (stage == QLatin1String("network"))
                return restored ? tr("Docker refused the network (%1); everything was put back").arg(detail)
                                : tr("Docker refused the network (%1), and the previous state could not be "
                                     "brought back").arg(detail);
            if (stage == QLatin1String("check"))
                return restored ? tr("the check after Docker's restart failed (%1); the previous configuration is "
                                     "back and Docker runs as before").arg(detail)
                                : tr("the check after Docker's restart failed (%1), and the previous state could "
                                     "not be brought back").arg(detail);
            return restored ? tr("Docker's configuration failed at \"%1\" (%2); everything was put back")
                                  .arg(p0, detail)
                            : tr("Docker's configuration failed at \"%1\" (%2), and the previous state could not "
                                 "be brought back").arg(p0, detail);
        }
        case HelperError::PersistConflict:
            return p1.isEmpty() ? tr("the permanent configuration (%1) cannot be written safely").arg(p0)
                                : tr("the permanent configuration (%1) cannot be written safely: %2").arg(p0, p1);
        case HelperError::InUseByDocker: {
            // [bridge, source]: daemon.json's path, a FILE:SETTING of
            // dockerd's options, or "network:NAME".
            const QString &source = p.value(1);
            if (source.startsWith(QLatin1String("network:")))
                return tr("the Docker network %2 is on bridge %1; remove that network first")
                    .arg(p0, printableName(source.mid(8)));
            return tr("Docker's default network uses bridge %1 (set in %2); give Docker its own docker0 back first")
                .arg(p0, p1);
        }
        }
    }

    // Not ours: the bus or the D-Bus library answered.
    const QString &name = failure.name;
    if (isOneOf(name, {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"})
        || name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn.")))
        return tr("the Passerelle helper could not be started (is passerelle-helper installed?)");
    if (isOneOf(name, {"org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout",
                       "org.freedesktop.DBus.Error.TimedOut"}))
        return tr("the Passerelle helper did not answer in time");
    if (isOneOf(name, {"org.freedesktop.DBus.Error.AccessDenied"}))
        return tr("the system bus refused the call (is the Passerelle bus policy installed?)");
    if (isOneOf(name, {"org.freedesktop.DBus.Error.NoServer", "org.freedesktop.DBus.Error.FileNotFound",
                       "org.freedesktop.DBus.Error.Disconnected", "org.freedesktop.DBus.Error.NoNetwork"}))
        return tr("cannot connect to the system bus");
    if (isOneOf(name, {"org.freedesktop.DBus.Error.UnknownMethod", "org.freedesktop.DBus.Error.UnknownInterface",
                       "org.freedesktop.DBus.Error.InvalidArgs"}))
        return tr("the installed Passerelle helper does not understand this request (is it older than this program?)");
    return tr("the Passerelle helper failed: %1").arg(failure.detail);
}

} // namespace Passerelle
