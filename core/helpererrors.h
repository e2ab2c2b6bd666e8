// The helper's error vocabulary, shared by passerelle-helper and its clients.
// The helper runs in root's locale: it answers with a stable D-Bus error
// name and machine-readable parameters (documented per error in
// resources/org.passerelle.Helper1.xml); clients turn them into a sentence
// in the user's language (HelperErrorText).
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

enum class HelperError {
    NotAuthorized,
    InvalidName,
    NoSuchLink,
    NotABridge,
    NotAPort,
    IsLoopback,
    AlreadyExists,
    AlreadyPort,
    Loop,
    InContainerNamespace,
    Busy,
    Failed,
    NoSuchTransaction,
    InvalidArgument,
    // Docker's configuration (issue 4).
    InvalidJson,
    UnsafeFile,
    DockerConflict,
    NotInSubnet,
    BridgeDown,
    DockerUnreachable,
    DockerFailed,
    PersistConflict,
    InUseByDocker,
};

// "org.passerelle.Error.NotAuthorized", ...
QString helperErrorName(HelperError error);
std::optional<HelperError> helperErrorFromName(const QString &name);

// Why a name is not a valid interface name: the second parameter of InvalidName.
enum class InvalidNameReason { Empty, TooLong, NotPrintableAscii, ForbiddenCharacter, Dot, AllDigits };
QString invalidNameReasonKey(InvalidNameReason reason);   // "empty", "too-long", ...
std::optional<InvalidNameReason> invalidNameReasonFromKey(const QString &key);

// A refusal or failure as it crosses the bus. name is one of ours or, on the
// client side, an error of the bus or the D-Bus library
// ("org.freedesktop.DBus.Error.ServiceUnknown").
struct HelperFailure
{
    QString name;
    QStringList parameters;
    QString detail;          // English, for logs; never shown translated

    static HelperFailure make(HelperError error, const QStringList &parameters, const QString &detail);
    std::optional<HelperError> error() const { return helperErrorFromName(name); }
    bool is(HelperError e) const { return error() == e; }
};

} // namespace Passerelle
