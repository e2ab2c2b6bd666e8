#include "helpererrors.h"

#include <array>
#include <utility>

namespace Passerelle {

namespace {

// Part of the D-Bus contract: never rename one.
constexpr std::array<std::pair<HelperError, const char *>, 23> errorNames{{
    {HelperError::NotAuthorized, "org.passerelle.Error.NotAuthorized"},
    {HelperError::InvalidName, "org.passerelle.Error.InvalidName"},
    {HelperError::NoSuchLink, "org.passerelle.Error.NoSuchLink"},
    {HelperError::NotABridge, "org.passerelle.Error.NotABridge"},
    {HelperError::NotAPort, "org.passerelle.Error.NotAPort"},
    {HelperError::IsLoopback, "org.passerelle.Error.IsLoopback"},
    {HelperError::AlreadyExists, "org.passerelle.Error.AlreadyExists"},
    {HelperError::AlreadyPort, "org.passerelle.Error.AlreadyPort"},
    {HelperError::Loop, "org.passerelle.Error.Loop"},
    {HelperError::InContainerNamespace, "org.passerelle.Error.InContainerNamespace"},
    {HelperError::Busy, "org.passerelle.Error.Busy"},
    {HelperError::Failed, "org.passerelle.Error.Failed"},
    {HelperError::NoSuchTransaction, "org.passerelle.Error.NoSuchTransaction"},
    {HelperError::InvalidArgument, "org.passerelle.Error.InvalidArgument"},
    {HelperError::InvalidJson, "org.passerelle.Error.InvalidJson"},
    {HelperError::UnsafeFile, "org.passerelle.Error.UnsafeFile"},
    {HelperError::DockerConflict, "org.passerelle.Error.DockerConflict"},
    {HelperError::NotInSubnet, "org.passerelle.Error.NotInSubnet"},
    {HelperError::BridgeDown, "org.passerelle.Error.BridgeDown"},
    {HelperError::DockerUnreachable, "org.passerelle.Error.DockerUnreachable"},
    {HelperError::DockerFailed, "org.passerelle.Error.DockerFailed"},
    {HelperError::PersistConflict, "org.passerelle.Error.PersistConflict"},
    {HelperError::InUseByDocker, "org.passerelle.Error.InUseByDocker"},
}};

constexpr std::array<std::pair<InvalidNameReason, const char *>, 6> reasonKeys{{
    {InvalidNameReason::Empty, "empty"},
    {InvalidNameReason::TooLong, "too-long"},
    {InvalidNameReason::NotPrintableAscii, "not-printable-ascii"},
    {InvalidNameReason::ForbiddenCharacter, "forbidden-character"},
    {InvalidNameReason::Dot, "dot"},
    {InvalidNameReason::AllDigits, "all-digits"},
}};

} // namespace

QString helperErrorName(HelperError error)
{
    for (const auto &[e, name] : errorNames) {
        if (e == error)
            return QLatin1String(name);
    }
    return QLatin1String("org.passerelle.Error.Failed");
}

std::optional<HelperError> helperErrorFromName(const QString &name)
{
    for (const auto &[e, n] : errorNames) {
        if (name == QLatin1String(n))
            return e;
    }
    return std::nullopt;
}

QString invalidNameReasonKey(InvalidNameReason reason)
{
    for (const auto &[r, key] : reasonKeys) {
        if (r == reason)
            return QLatin1String(key);
    }
    return QString();
}

std::optional<InvalidNameReason> invalidNameReasonFromKey(const QString &key)
{
    for (const auto &[r, k] : reasonKeys) {
        if (key == QLatin1String(k))
            return r;
    }
    return std::nullopt;
}

HelperFailure HelperFailure::make(HelperError error, const QStringList &parameters, const QString &detail)
{
    return HelperFailure{helperErrorName(error), parameters, detail};
}

} // namespace Passerelle
