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
            return tr("the arguments given for \"%1\" are not valid").arg(p1);
        case HelperError::Failed:
            if (!p.value(2).isEmpty())
                return tr("the change failed: %1").arg(p.value(2));
            return tr("the change failed");
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
