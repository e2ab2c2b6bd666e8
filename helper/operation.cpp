#include "operation.h"

#include "helperprotocol.h"
#include "namevalidator.h"

#include <cerrno>
#include <cstring>

namespace Passerelle {

namespace {

HelperFailure noSuchLink(const QString &name)
{
    return HelperFailure::make(HelperError::NoSuchLink, {name}, QStringLiteral("No link named \"%1\"").arg(name));
}

HelperFailure isLoopback(const QString &name)
{
    return HelperFailure::make(HelperError::IsLoopback, {name},
                               QStringLiteral("%1 is the loopback device and is never changed").arg(name));
}

// The link called NAME, refused when missing or loopback.
std::optional<HelperFailure> findChangeable(const LinkSnapshot &snapshot, const QString &name, LinkState *out)
{
    const auto link = snapshot.byName(name);
    if (!link)
        return noSuchLink(name);
    if (link->loopback)
        return isLoopback(name);
    *out = *link;
    return std::nullopt;
}

std::optional<HelperFailure> findBridge(const LinkSnapshot &snapshot, const QString &name, LinkState *out)
{
    if (auto failure = findChangeable(snapshot, name, out))
        return failure;
    if (!out->isBridge())
        return HelperFailure::make(HelperError::NotABridge, {name, out->kind},
                                   QStringLiteral("%1 is not a bridge").arg(name));
    return std::nullopt;
}

HelperFailure loop(const QString &bridge, const QString &port, const QString &why)
{
    return HelperFailure::make(HelperError::Loop, {bridge, port}, why);
}

} // namespace

QString Operation::method() const
{
    switch (kind) {
    case Kind::CreateBridge:
        return QStringLiteral("CreateBridge");
    case Kind::DeleteBridge:
        return QStringLiteral("DeleteBridge");
    case Kind::AddPort:
        return QStringLiteral("AddPort");
    case Kind::RemovePort:
        return QStringLiteral("RemovePort");
    case Kind::SetLinkUp:
        return QStringLiteral("SetLinkUp");
    case Kind::SetStp:
        return QStringLiteral("SetStp");
    case Kind::BridgePort:
        return QStringLiteral("BridgePort");
    }
    return QString();
}

std::optional<Operation> Operation::fromStrings(const QString &method, const QStringList &arguments)
{
    const auto flag = [&arguments](int i, bool *out) {
        const QString &word = arguments.at(i);
        if (word != QLatin1String("true") && word != QLatin1String("false"))
            return false;
        *out = word == QLatin1String("true");
        return true;
    };
    const auto count = [&arguments](int n) { return arguments.size() == n; };
    bool a = false;
    bool b = false;
    if (method == QLatin1String("CreateBridge") && count(2) && flag(1, &a))
        return createBridge(arguments.at(0), a);
    if (method == QLatin1String("DeleteBridge") && count(1))
        return deleteBridge(arguments.at(0));
    if (method == QLatin1String("AddPort") && count(2))
        return addPort(arguments.at(0), arguments.at(1));
    if (method == QLatin1String("RemovePort") && count(2))
        return removePort(arguments.at(0), arguments.at(1));
    if (method == QLatin1String("SetLinkUp") && count(2) && flag(1, &a))
        return setLinkUp(arguments.at(0), a);
    if (method == QLatin1String("SetStp") && count(2) && flag(1, &a))
        return setStp(arguments.at(0), a);
    if (method == QLatin1String("BridgePort") && count(4) && flag(2, &a) && flag(3, &b))
        return bridgePort(arguments.at(0), arguments.at(1), a, b);
    return std::nullopt;
}

QStringList Operation::parameters() const
{
    const auto word = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    switch (kind) {
    case Kind::CreateBridge:
    case Kind::SetLinkUp:
    case Kind::SetStp:
        return {link, word(enable)};
    case Kind::DeleteBridge:
        return {link};
    case Kind::AddPort:
    case Kind::RemovePort:
        return {link, port};
    case Kind::BridgePort:
        return {link, port, word(moveAddresses), word(enable)};
    }
    return {};
}

QString Operation::actionId() const
{
    // Every operation of this interface so far changes bridges or their links.
    return HelperProtocol::ActionManageBridges;
}

QString Operation::describe() const
{
    const QString flag = enable ? QStringLiteral("true") : QStringLiteral("false");
    switch (kind) {
    case Kind::CreateBridge:
    case Kind::SetLinkUp:
    case Kind::SetStp:
        return QStringLiteral("%1(%2, %3)").arg(method(), link, flag);
    case Kind::DeleteBridge:
        return QStringLiteral("%1(%2)").arg(method(), link);
    case Kind::AddPort:
    case Kind::RemovePort:
        return QStringLiteral("%1(%2, %3)").arg(method(), link, port);
    case Kind::BridgePort:
        return QStringLiteral("%1(%2)").arg(method(), parameters().join(QStringLiteral(", ")));
    }
    return method();
}

std::optional<HelperFailure> Operation::validateNames() const
{
    QStringList names{link};
    if (kind == Kind::AddPort || kind == Kind::RemovePort || kind == Kind::BridgePort)
        names.append(port);
    for (const QString &name : std::as_const(names)) {
        if (const auto reason = NameValidator::problem(name)) {
            return HelperFailure::make(HelperError::InvalidName, {name, invalidNameReasonKey(*reason)},
                                       QStringLiteral("Not a valid interface name (%1)").arg(invalidNameReasonKey(*reason)));
        }
    }
    return std::nullopt;
}

std::optional<HelperFailure> Operation::check(const LinkSnapshot &snapshot) const
{
    LinkState target;
    switch (kind) {
    case Kind::CreateBridge:
        if (snapshot.byName(link))
            return HelperFailure::make(HelperError::AlreadyExists, {link},
                                       QStringLiteral("A link named \"%1\" already exists").arg(link));
        return std::nullopt;
    case Kind::DeleteBridge:
    case Kind::SetStp:
        return findBridge(snapshot, link, &target);
    case Kind::SetLinkUp:
        return findChangeable(snapshot, link, &target);
    case Kind::BridgePort:
    case Kind::AddPort: {
        LinkState bridge, member;
        if (kind == Kind::BridgePort && link == port)
            return loop(link, port, QStringLiteral("A link cannot be bridged into itself"));
        if (kind == Kind::BridgePort && !snapshot.byName(link)) {
            // The bridge is made by the operation: only the port is checked.
            if (auto failure = findChangeable(snapshot, port, &member))
                return failure;
            if (member.isBridge())
                return loop(link, port, QStringLiteral("%1 is a bridge; a bridge cannot be a port of another bridge").arg(port));
            if (member.masterIndex != 0) {
                const auto master = snapshot.byIndex(member.masterIndex);
                const QString masterName = master ? master->name : QString::number(member.masterIndex);
                return HelperFailure::make(HelperError::AlreadyPort, {port, masterName},
                                           QStringLiteral("%1 is already a port of %2").arg(port, masterName));
            }
            return std::nullopt;
        }
        if (auto failure = findBridge(snapshot, link, &bridge))
            return failure;
        if (auto failure = findChangeable(snapshot, port, &member))
            return failure;
        if (member.ifindex == bridge.ifindex)
            return loop(link, port, QStringLiteral("A bridge cannot be a port of itself"));
        // The kernel refuses bridges as ports (ELOOP); say so before asking it.
        if (member.isBridge())
            return loop(link, port, QStringLiteral("%1 is a bridge; a bridge cannot be a port of another bridge").arg(port));
        // PORT must not sit above BRIDGE: walk BRIDGE's masters upwards.
        // Bounded, in case the snapshot itself holds a cycle.
        int up = bridge.masterIndex;
        for (int depth = 0; up != 0 && depth < snapshot.links().size(); ++depth) {
            if (up == member.ifindex)
                return loop(link, port, QStringLiteral("%1 is above %2; enslaving it would make a loop").arg(port, link));
            const auto next = snapshot.byIndex(up);
            up = next ? next->masterIndex : 0;
        }
        if (member.masterIndex != 0 && member.masterIndex != bridge.ifindex) {
            const auto master = snapshot.byIndex(member.masterIndex);
            const QString masterName = master ? master->name : QString::number(member.masterIndex);
            return HelperFailure::make(HelperError::AlreadyPort, {port, masterName},
                                       QStringLiteral("%1 is already a port of %2").arg(port, masterName));
        }
        return std::nullopt;
    }
    case Kind::RemovePort: {
        LinkState bridge, member;
        if (auto failure = findBridge(snapshot, link, &bridge))
            return failure;
        if (auto failure = findChangeable(snapshot, port, &member))
            return failure;
        if (member.masterIndex != bridge.ifindex)
            return HelperFailure::make(HelperError::NotAPort, {port, link},
                                       QStringLiteral("%1 is not a port of %2").arg(port, link));
        return std::nullopt;
    }
    }
    return std::nullopt;
}

HelperFailure Operation::kernelFailure(int errnum, const QString &detail) const
{
    // The snapshot was checked just before; these answers mean the links
    // changed in between, and name the same conditions the checks do.
    if (errnum == EEXIST && kind == Kind::CreateBridge)
        return HelperFailure::make(HelperError::AlreadyExists, {link}, detail);
    if (errnum == ENODEV && kind != Kind::AddPort && kind != Kind::RemovePort && kind != Kind::BridgePort)
        return HelperFailure::make(HelperError::NoSuchLink, {link}, detail);
    if (errnum == ELOOP && (kind == Kind::AddPort || kind == Kind::BridgePort))
        return HelperFailure::make(HelperError::Loop, {link, port}, detail);
    const char *errnoName = errnum > 0 ? strerrorname_np(errnum) : nullptr;
    return HelperFailure::make(HelperError::Failed,
                               {method(), errnoName ? QString::fromLatin1(errnoName) : QString(), detail}, detail);
}

} // namespace Passerelle
