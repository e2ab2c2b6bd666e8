#include "dockerrequest.h"

#include "namevalidator.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>
#include <arpa/inet.h>
#include <sys/socket.h>

namespace Passerelle {

namespace {

HelperFailure invalidArgument(const QString &argument, const QString &value)
{
    return HelperFailure::make(HelperError::InvalidArgument, {argument, value},
                               QStringLiteral("Invalid %1: %2").arg(argument, value));
}

std::optional<HelperFailure> invalidName(const QString &name)
{
    if (const auto reason = NameValidator::problem(name))
        return HelperFailure::make(HelperError::InvalidName, {name, invalidNameReasonKey(*reason)},
                                   QStringLiteral("Invalid interface name"));
    return std::nullopt;
}

// Docker's network names: what the docker CLI accepts, no more.
bool isValidNetworkName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    return pattern.match(name).hasMatch();
}

// Dotted quad only: QHostAddress also takes inet_aton's "192.0.2" (192.0.0.2).
bool isIpv4Text(const QString &text)
{
    in_addr raw {};
    return inet_pton(AF_INET, text.toLatin1().constData(), &raw) == 1;
}

// An IPv4 network as text: "192.0.2.128/26", address on its boundary.
bool parseIpv4Cidr(const QString &text, QPair<QHostAddress, int> *subnet)
{
    if (!text.contains(QLatin1Char('/')) || !isIpv4Text(text.section(QLatin1Char('/'), 0, 0)))
        return false;
    const QPair<QHostAddress, int> parsed = QHostAddress::parseSubnet(text);
    if (parsed.first.protocol() != QAbstractSocket::IPv4Protocol || parsed.second < 0)
        return false;
    // parseSubnet() masks the address; a CIDR with host bits set is a typo.
    if (QHostAddress(text.section(QLatin1Char('/'), 0, 0)) != parsed.first)
        return false;
    *subnet = parsed;
    return true;
}

} // namespace

std::optional<HelperFailure> DockerRequest::readOptions(const QVariantMap &options, DockerRequest *request)
{
    // A reset only restarts, moves options and removes a network.
    static const QStringList resetKeys{QStringLiteral("restart"), QStringLiteral("moveOptions"),
                                       QStringLiteral("network")};
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QString &key = it.key();
        if (request->kind == Kind::Reset && !resetKeys.contains(key))
            return invalidArgument(QStringLiteral("options"), key);
        const QMetaType type = it.value().metaType();
        const bool isBool = type.id() == QMetaType::Bool;
        const bool isString = type.id() == QMetaType::QString;
        if (key == QLatin1String("mode") && isString) {
            const QString mode = it.value().toString();
            if (mode == QLatin1String("default-bridge"))
                request->mode = Mode::DefaultBridge;
            else if (mode == QLatin1String("network"))
                request->mode = Mode::Network;
            else
                return invalidArgument(QStringLiteral("mode"), mode);
        } else if (key == QLatin1String("network") && isString) {
            request->network = it.value().toString();
            if (!isValidNetworkName(request->network))
                return invalidArgument(QStringLiteral("network"), request->network);
        } else if (key == QLatin1String("restart") && isBool) {
            request->restart = it.value().toBool();
        } else if (key == QLatin1String("persist") && isBool) {
            request->persist = it.value().toBool();
        } else if (key == QLatin1String("moveOptions") && isBool) {
            request->moveOptions = it.value().toBool();
        } else if (key == QLatin1String("allowForwarding") && isBool) {
            request->allowForwarding = it.value().toBool();
        } else {
            return invalidArgument(QStringLiteral("options"), key);
        }
    }
    return std::nullopt;
}

QString DockerRequest::modeKey() const
{
    return mode == Mode::Network ? QStringLiteral("network") : QStringLiteral("default-bridge");
}

QStringList DockerRequest::ipv4Subnets(const NetState &state, const QString &bridge)
{
    const std::optional<LinkState> link = state.links.byName(bridge);
    if (!link)
        return {};
    QList<QPair<QHostAddress, int>> subnets;
    for (const AddressState &a : state.addressesOf(link->ifindex)) {
        if (a.family != AF_INET)
            continue;
        const QPair<QHostAddress, int> subnet =
            QHostAddress::parseSubnet(addressToText(AF_INET, a.local) + QLatin1Char('/') + QString::number(a.prefixLength));
        if (!subnets.contains(subnet))
            subnets.append(subnet);
    }
    std::sort(subnets.begin(), subnets.end(), [](const auto &a, const auto &b) {
        return a.first.toIPv4Address() < b.first.toIPv4Address();
    });
    QStringList out;
    for (const auto &s : subnets)
        out.append(s.first.toString() + QLatin1Char('/') + QString::number(s.second));
    return out;
}

std::optional<HelperFailure> DockerRequest::check(const NetState &state) const
{
    if (kind == Kind::Reset)
        return std::nullopt;
    if (auto failure = invalidName(bridge))
        return failure;
    QPair<QHostAddress, int> range;
    if (!fixedCidr.isEmpty() && !parseIpv4Cidr(fixedCidr, &range))
        return invalidArgument(QStringLiteral("fixedCidr"), fixedCidr);
    const QHostAddress gateway(defaultGateway);
    if (!defaultGateway.isEmpty() && !isIpv4Text(defaultGateway))
        return invalidArgument(QStringLiteral("defaultGateway"), defaultGateway);

    const std::optional<LinkState> link = state.links.byName(bridge);
    if (!link)
        return HelperFailure::make(HelperError::NoSuchLink, {bridge}, QStringLiteral("No such link"));
    if (!link->isBridge())
        return HelperFailure::make(HelperError::NotABridge, {bridge, link->kind}, QStringLiteral("Not a bridge"));
    if (!link->up)
        return HelperFailure::make(HelperError::BridgeDown, {bridge}, QStringLiteral("The bridge is down"));

    const QStringList subnets = ipv4Subnets(state, bridge);
    const auto outside = [&](const QString &argument, const QString &value) {
        return HelperFailure::make(HelperError::NotInSubnet, {argument, value, subnets.join(QLatin1Char(','))},
                                   QStringLiteral("%1 %2 is not inside %3's subnets (%4)")
                                       .arg(argument, value, bridge, subnets.join(QLatin1String(", "))));
    };
    // Docker's default network and a user-defined one both take the
    // bridge's subnet as theirs: without an IPv4 address there is none.
    if (subnets.isEmpty())
        return outside(QStringLiteral("bridge"), bridge);
    if (!fixedCidr.isEmpty()) {
        const bool inside = std::any_of(subnets.begin(), subnets.end(), [&](const QString &s) {
            const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(s);
            return range.second >= subnet.second && range.first.isInSubnet(subnet);
        });
        if (!inside)
            return outside(QStringLiteral("fixedCidr"), fixedCidr);
    }
    if (!defaultGateway.isEmpty()) {
        const bool inside = std::any_of(subnets.begin(), subnets.end(), [&](const QString &s) {
            return gateway.isInSubnet(QHostAddress::parseSubnet(s));
        });
        if (!inside)
            return outside(QStringLiteral("defaultGateway"), defaultGateway);
    }
    return std::nullopt;
}

} // namespace Passerelle
