#include "linkchange.h"

#include <optional>

namespace Passerelle {

namespace {

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

std::optional<bool> boolFrom(const QString &text)
{
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    return std::nullopt;
}

} // namespace

LinkChange LinkChange::bridgePort(const QString &port, const QString &bridge)
{
    LinkChange c;
    c.kind = Kind::BridgePort;
    c.link = port;
    c.bridge = bridge;
    return c;
}

LinkChange LinkChange::bridgePortIntoNew(const QString &port, const QString &suggestedName)
{
    LinkChange c = bridgePort(port, suggestedName);
    c.newBridge = true;
    return c;
}

LinkChange LinkChange::createBridge(const QString &name)
{
    LinkChange c;
    c.kind = Kind::CreateBridge;
    c.bridge = name;
    return c;
}

LinkChange LinkChange::deleteBridge(const QString &bridge)
{
    LinkChange c;
    c.kind = Kind::DeleteBridge;
    c.bridge = bridge;
    return c;
}

LinkChange LinkChange::removePort(const QString &bridge, const QString &port)
{
    LinkChange c;
    c.kind = Kind::RemovePort;
    c.bridge = bridge;
    c.link = port;
    return c;
}

LinkChange LinkChange::setLinkUp(const QString &link, bool up)
{
    LinkChange c;
    c.kind = Kind::SetLinkUp;
    c.link = link;
    c.on = up;
    return c;
}

LinkChange LinkChange::setStp(const QString &bridge, bool on)
{
    LinkChange c;
    c.kind = Kind::SetStp;
    c.bridge = bridge;
    c.on = on;
    return c;
}

LinkChange LinkChange::expose(const QString &port, const QString &bridge, const QString &fixedCidr,
                              const QString &defaultGateway)
{
    LinkChange c;
    c.kind = Kind::Expose;
    c.link = port;
    c.bridge = bridge;
    c.fixedCidr = fixedCidr;
    c.defaultGateway = defaultGateway;
    return c;
}

LinkChange LinkChange::resetDocker()
{
    LinkChange c;
    c.kind = Kind::ResetDocker;
    return c;
}

QVariantMap LinkChange::dockerOptions() const
{
    QVariantMap options;
    // ResetDockerBridge refuses the options of an exposure.
    if (kind == Kind::ResetDocker)
        return options;
    options.insert(QStringLiteral("mode"), dockerMode);
    if (dockerMode == QLatin1String("network") && !dockerNetwork.isEmpty())
        options.insert(QStringLiteral("network"), dockerNetwork);
    options.insert(QStringLiteral("persist"), persist);
    return options;
}

QString LinkChange::method() const
{
    switch (kind) {
    case Kind::BridgePort:
        return QStringLiteral("BridgePort");
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
    case Kind::Expose:
        return QStringLiteral("Expose");
    case Kind::ResetDocker:
        return QStringLiteral("ResetDockerBridge");
    }
    return QString();
}

QStringList LinkChange::planArguments() const
{
    switch (kind) {
    case Kind::BridgePort:
        return {bridge, link, boolText(moveAddresses), boolText(on)};
    case Kind::CreateBridge:
        return {bridge, boolText(on)};
    case Kind::DeleteBridge:
        return {bridge};
    case Kind::AddPort:
    case Kind::RemovePort:
        return {bridge, link};
    case Kind::SetLinkUp:
        return {link, boolText(on)};
    case Kind::SetStp:
        return {bridge, boolText(on)};
    case Kind::Expose:
        // PlanDocker's order: port, bridge, fixedCidr, defaultGateway.
        return {link, bridge, fixedCidr, defaultGateway};
    case Kind::ResetDocker:
        return {};
    }
    return {};
}

QString LinkChange::title() const
{
    return LinkChangeText::title(*this);
}

bool LinkChange::fromPending(const QString &method, const QStringList &p, LinkChange *out)
{
    LinkChange c;
    auto flag = [&p](int i, bool *to) {
        const std::optional<bool> b = boolFrom(p.value(i));
        if (b)
            *to = *b;
        return b.has_value();
    };
    if (method == QLatin1String("BridgePort") && p.size() == 4) {
        c = bridgePort(p.at(1), p.at(0));
        if (!flag(2, &c.moveAddresses) || !flag(3, &c.on))
            return false;
    } else if (method == QLatin1String("CreateBridge") && p.size() == 2) {
        c = createBridge(p.at(0));
        if (!flag(1, &c.on))
            return false;
    } else if (method == QLatin1String("DeleteBridge") && p.size() == 1) {
        c = deleteBridge(p.at(0));
    } else if (method == QLatin1String("AddPort") && p.size() == 2) {
        c = removePort(p.at(0), p.at(1));
        c.kind = Kind::AddPort;
    } else if (method == QLatin1String("RemovePort") && p.size() == 2) {
        c = removePort(p.at(0), p.at(1));
    } else if (method == QLatin1String("SetLinkUp") && p.size() == 2) {
        c = setLinkUp(p.at(0), false);
        if (!flag(1, &c.on))
            return false;
    } else if (method == QLatin1String("SetStp") && p.size() == 2) {
        c = setStp(p.at(0), false);
        if (!flag(1, &c.on))
            return false;
    } else if (method == QLatin1String("Expose") && p.size() == 6) {
        // [port, bridge, fixedCidr, defaultGateway, mode, persist]
        c = expose(p.at(0), p.at(1), p.at(2), p.at(3));
        c.dockerMode = p.at(4);
        if (!flag(5, &c.persist))
            return false;
    } else {
        return false;
    }
    *out = c;
    return true;
}

QString LinkChangeText::title(const LinkChange &c)
{
    switch (c.kind) {
    case LinkChange::Kind::BridgePort:
        if (c.newBridge && c.bridge.isEmpty())
            return tr("Bridge %1 into a new bridge").arg(c.link);
        return c.newBridge ? tr("Bridge %1 into the new bridge %2").arg(c.link, c.bridge)
                           : tr("Bridge %1 into %2").arg(c.link, c.bridge);
    case LinkChange::Kind::CreateBridge:
        return c.bridge.isEmpty() ? tr("Create a bridge") : tr("Create the bridge %1").arg(c.bridge);
    case LinkChange::Kind::DeleteBridge:
        return tr("Delete the bridge %1").arg(c.bridge);
    case LinkChange::Kind::AddPort:
        return tr("Add %1 to %2 as a port").arg(c.link, c.bridge);
    case LinkChange::Kind::RemovePort:
        return tr("Remove %1 from the bridge %2").arg(c.link, c.bridge);
    case LinkChange::Kind::SetLinkUp:
        return c.on ? tr("Bring %1 up").arg(c.link) : tr("Bring %1 down").arg(c.link);
    case LinkChange::Kind::SetStp:
        return c.on ? tr("Turn STP on for %1").arg(c.bridge) : tr("Turn STP off for %1").arg(c.bridge);
    case LinkChange::Kind::Expose:
        return tr("Expose containers on the network of %1 through %2").arg(c.link, c.bridge);
    case LinkChange::Kind::ResetDocker:
        return tr("Give Docker its own docker0 back");
    }
    return QString();
}

} // namespace Passerelle
